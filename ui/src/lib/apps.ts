// GitHub App installations shaped for the screens: their permissions in the wizard's
// catalogue words, the levels a minted token may ask for, the request sent to Rust.
// Core checks every rule again before anything reaches GitHub (apps/mint.rs). Pure.

import type { Installation, Lang, Level, MintRequest, PermissionEntry } from "./bindings";
import { levelLabel } from "./format";
import { readable } from "./grants";
import { translate } from "./i18n";

const LEVELS: readonly Level[] = ["read", "write", "admin"];

const rank = (level: string): number => LEVELS.indexOf(level.trim().toLowerCase() as Level);

/** One of the installation's permissions, as the mint dialog offers it. */
export interface PermissionChoice {
  key: string;
  /** The catalogue's label (GitHub's page's), or the key made readable. */
  label: string;
  description: string;
  /** The installation's level. */
  granted: string;
  /** The levels a token may ask for: the catalogue's, up to the installation's. */
  levels: Level[];
}

/** The installation's permissions with the catalogue's words, by label. */
export function permissionChoices(permissions: Partial<Record<string, string>>, catalogue: readonly PermissionEntry[]): PermissionChoice[] {
  return Object.entries(permissions)
    .map(([key, granted = ""]) => {
      const entry = catalogue.find((p) => p.key === key);
      const cap = rank(granted);
      const levels = (entry?.levels ?? []).filter((l) => cap >= 0 && rank(l) <= cap);
      return { key, label: entry?.label ?? readable(key), description: entry?.description ?? "", granted, levels };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** "Contents: Read and write" for each of the installation's permissions. */
export function permissionWords(lang: Lang, permissions: Partial<Record<string, string>>, catalogue: readonly PermissionEntry[]): string[] {
  return permissionChoices(permissions, catalogue).map((c) => translate(lang, "apps.permission", { label: c.label, level: levelLabel(lang, c.granted) }));
}

/** What the user chose in the mint dialog. */
export interface MintChoice {
  /** `null`: every repository the installation may reach. */
  repositories: string[] | null;
  permissions: Record<string, Level>;
  pinned: boolean;
}

/** What the user must still choose before minting, or null. */
export function mintProblem(c: MintChoice): "repos" | "perms" | null {
  if (c.repositories !== null && c.repositories.length === 0) return "repos";
  if (Object.keys(c.permissions).length === 0) return "perms";
  return null;
}

/** The request Rust gets: the chosen repositories by full name, the chosen levels. */
export function mintRequest(inst: Installation, c: MintChoice): MintRequest {
  return {
    installation: inst.id,
    repositories: c.repositories === null ? null : [...c.repositories],
    permissions: { ...c.permissions },
    pinned: c.pinned,
  };
}
