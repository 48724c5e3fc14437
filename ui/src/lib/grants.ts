// What a token grants, shaped for the details drawer: fine-grained permissions as rows,
// and chips for the list. The classic scopes' tree is core's (`TokenView.grants`). Pure:
// no DOM, no state.

export type PermissionLevel = "read" | "write" | "admin";

export interface PermissionRow {
  /** GitHub's key, e.g. `pull_requests`. */
  key: string;
  /** `pull_requests` → `Pull requests`: GitHub's key made readable (no catalogue here). */
  label: string;
  /** `read`, `write` or `admin`, or whatever else was recorded, as is. */
  level: string;
  /** For sorting and colouring; null for a level Jeton does not know. */
  rank: PermissionLevel | null;
}

const LEVELS: readonly PermissionLevel[] = ["read", "write", "admin"];

/** `pull_requests` → `Pull requests`: GitHub's key made readable. */
export function readable(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Built once: an Intl object is slow to make, and each row of the list sorts its chips. */
const collator = new Intl.Collator(undefined, { sensitivity: "base" });

/** Recorded fine-grained permissions as rows, sorted by their readable name. */
export function permissionRows(permissions: Readonly<Record<string, string>>): PermissionRow[] {
  return Object.entries(permissions)
    .map(([key, level]) => {
      const lower = level.trim().toLowerCase();
      const rank = (LEVELS as readonly string[]).includes(lower) ? (lower as PermissionLevel) : null;
      return { key, label: readable(key), level: level.trim(), rank };
    })
    .sort((a, b) => collator.compare(a.label, b.label));
}

/**
 * The chips a row has room for: at most `max`, and no more characters than `budget`
 * (the first chip always shows). The rest is counted as "+N".
 */
export function fitChips(chips: readonly string[], max: number, budget = 40): { shown: string[]; hidden: number } {
  const shown: string[] = [];
  let used = 0;
  for (const chip of chips) {
    const cost = chip.length + 2;
    if (shown.length >= max || (shown.length > 0 && used + cost > budget)) break;
    shown.push(chip);
    used += cost;
  }
  return { shown, hidden: chips.length - shown.length };
}
