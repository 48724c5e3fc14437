// What a token grants, shaped for the details drawer: classic scopes as GitHub's
// documented tree (each granted scope with the scopes it implies), and fine-grained
// permissions as rows. Pure: no DOM, no state.

import type { Lang, ScopeNode } from "./bindings";

export interface GrantNode {
  name: string;
  /** The catalogue's sentence in the current language; null for a scope it does not know. */
  description: string | null;
  /** Given by a scope above it in this tree rather than granted on its own. */
  included: boolean;
  /** Only exists where there are enterprise accounts (GHEC and GHES). */
  enterprise: boolean;
  /** Only exists on GitHub Enterprise Server. */
  ghesOnly: boolean;
  children: GrantNode[];
}

/** Every catalogue entry by name, whatever its depth. */
export function indexCatalogue(catalogue: readonly ScopeNode[]): Map<string, ScopeNode> {
  const out = new Map<string, ScopeNode>();
  const walk = (nodes: readonly ScopeNode[]) => {
    for (const n of nodes) {
      out.set(n.name, n);
      walk(n.children);
    }
  };
  walk(catalogue);
  return out;
}

/** The catalogue's order, depth first: parents before children, as GitHub documents them. */
function documentedOrder(catalogue: readonly ScopeNode[]): Map<string, number> {
  const order = new Map<string, number>();
  for (const name of indexCatalogue(catalogue).keys()) order.set(name, order.size);
  return order;
}

/** Whether `scope` sits under `ancestor` in the documented tree. */
function isBelow(index: Map<string, ScopeNode>, scope: string, ancestor: string): boolean {
  let parent = index.get(scope)?.parent ?? null;
  const seen = new Set<string>();
  while (parent !== null && !seen.has(parent)) {
    if (parent === ancestor) return true;
    seen.add(parent);
    parent = index.get(parent)?.parent ?? null;
  }
  return false;
}

/**
 * The granted scopes as a tree. Each top-level node is a scope granted in its own right
 * (none of its ancestors is granted), in the documented order; its children are the
 * scopes it implies, marked `included`. Scopes the catalogue does not know come last,
 * as they were reported, without a description.
 */
export function grantTree(catalogue: readonly ScopeNode[], granted: readonly string[], lang: Lang): GrantNode[] {
  const index = indexCatalogue(catalogue);
  const order = documentedOrder(catalogue);
  const wanted = [...new Set(granted.map((s) => s.trim()).filter(Boolean))];
  const known = wanted.filter((s) => index.has(s));
  const roots = known
    .filter((s) => !known.some((other) => other !== s && isBelow(index, s, other)))
    .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));

  const describe = (n: ScopeNode) => (lang === "fr" ? n.description_fr : n.description_en);
  const build = (n: ScopeNode, included: boolean): GrantNode => ({
    name: n.name,
    description: describe(n),
    included,
    enterprise: n.enterprise,
    ghesOnly: n.ghes_only,
    children: n.children.map((c) => build(c, true)),
  });
  const unknown: GrantNode[] = wanted
    .filter((s) => !index.has(s))
    .map((name) => ({ name, description: null, included: false, enterprise: false, ghesOnly: false, children: [] }));
  return [...roots.map((s) => build(index.get(s)!, false)), ...unknown];
}

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

function readable(key: string): string {
  const words = key.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Recorded fine-grained permissions as rows, sorted by their readable name. */
export function permissionRows(permissions: Readonly<Record<string, string>>): PermissionRow[] {
  const collator = new Intl.Collator(undefined, { sensitivity: "base" });
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
