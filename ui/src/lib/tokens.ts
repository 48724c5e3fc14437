// Pure list logic for the dashboard: search, filter, sort and group tokens.

import type { TokenKind, TokenStatus, TokenView } from "./bindings";
import { hostLabel } from "./format";

/** Soonest expiry first; by name; or by host and account, A to Z, soonest first inside. */
export type SortKey = "expiry" | "name" | "host";
/** A status, every token, or those core says need attention (whatever their status). */
export type StatusFilter = TokenStatus | "all" | "attention";

export const STATUSES: readonly TokenStatus[] = [
  "valid",
  "expiring",
  "expired",
  "invalid",
  "sso_required",
  "unreachable",
  "rate_limited",
  "unknown",
];

export interface ListQuery {
  search: string;
  status: StatusFilter;
  sort: SortKey;
  /** Only this host's tokens (its label, as `hostLabel` gives it); null: every host. */
  host: string | null;
  /** Only this account's tokens; null: every account. */
  login: string | null;
  kind: TokenKind | null;
}

/** The list as it first shows: every token, soonest expiry first. */
export function defaultQuery(): ListQuery {
  return { search: "", status: "all", sort: "expiry", host: null, login: null, kind: null };
}

/** The hosts, accounts and kinds the tokens have, to filter by (each sorted). */
export interface Facets {
  hosts: string[];
  logins: string[];
  kinds: TokenKind[];
}

export function facets(tokens: readonly TokenView[]): Facets {
  const hosts = new Set<string>();
  const logins = new Set<string>();
  const kinds = new Set<TokenKind>();
  const labels = new Map<string, string>();
  for (const t of tokens) {
    let label = labels.get(t.host);
    if (label === undefined) labels.set(t.host, (label = hostLabel(t.host)));
    hosts.add(label);
    if (t.login) logins.add(t.login);
    if (t.kind) kinds.add(t.kind);
  }
  const sorted = <T extends string>(set: Set<T>) => [...set].sort((a, b) => collator.compare(a, b));
  return { hosts: sorted(hosts), logins: sorted(logins), kinds: sorted(kinds) };
}

export interface AccountGroup {
  /** `null` when GitHub did not tell whose token it is. */
  login: string | null;
  tokens: TokenView[];
}

export interface HostGroup {
  host: string;
  label: string;
  accounts: AccountGroup[];
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

function byName(a: TokenView, b: TokenView): number {
  return collator.compare(a.name ?? "", b.name ?? "") || collator.compare(a.id ?? "", b.id ?? "");
}

/** Days left for sorting: expired tokens first, never-expiring ones last. */
function expiryRank(t: TokenView): number {
  if (t.status === "expired" && (t.days_left === null || t.days_left > 0)) return -1;
  return t.days_left ?? Number.POSITIVE_INFINITY;
}

export function sortTokens(tokens: readonly TokenView[], sort: SortKey): TokenView[] {
  const out = [...tokens];
  if (sort === "name") return out.sort(byName);
  // "host": the groups are put in order by groupTokens; inside them, soonest first.
  return out.sort((a, b) => expiryRank(a) - expiryRank(b) || byName(a, b));
}

/**
 * What a search matches in a token, folded (lower case, no accents): its name, login,
 * host, kind, scopes and recorded permissions. Built once per token: the list replaces a
 * token's object when it changes, so a keystroke over 1,000 tokens only compares strings.
 */
const searchKeys = new WeakMap<TokenView, string>();

export function searchKey(t: TokenView): string {
  let key = searchKeys.get(t);
  if (key === undefined) {
    const parts = [t.name, t.login, hostLabel(t.host), t.kind?.replace("_", "-"), ...(t.scopes ?? []), ...Object.keys(t.permissions ?? {})];
    key = fold(parts.filter(Boolean).join(" "));
    searchKeys.set(t, key);
  }
  return key;
}

/** The words of a search, folded; none for a blank one. */
export function searchWords(search: string): string[] {
  return fold(search).split(/\s+/).filter(Boolean);
}

/** Case- and accent-insensitive match on name, login, host, kind, scopes and recorded permissions. */
export function matchesSearch(t: TokenView, search: string): boolean {
  return matchesWords(t, searchWords(search));
}

function matchesWords(t: TokenView, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const key = searchKey(t);
  return words.every((w) => key.includes(w));
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The tokens that pass the filters and the search, in the order given. */
export function filterTokens(
  tokens: readonly TokenView[],
  q: Pick<ListQuery, "search" | "status"> & Partial<Pick<ListQuery, "host" | "login" | "kind">>,
): TokenView[] {
  const words = searchWords(q.search);
  const { host = null, login = null, kind = null } = q;
  if (words.length === 0 && q.status === "all" && host === null && login === null && kind === null) {
    return tokens as TokenView[];
  }
  const labels = new Map<string, string>();
  const labelOf = (h: string) => labels.get(h) ?? (labels.set(h, hostLabel(h)), labels.get(h)!);
  return tokens.filter(
    (t) =>
      passes(t, q.status) &&
      (host === null || labelOf(t.host) === host) &&
      (login === null || t.login === login) &&
      (kind === null || t.kind === kind) &&
      matchesWords(t, words),
  );
}

function passes(t: TokenView, status: StatusFilter): boolean {
  if (status === "all") return true;
  if (status === "attention") return t.needs_attention;
  return t.status === status;
}

/**
 * Groups by host, then by account. Sorted by expiry, groups come in the order of their
 * most urgent token (tokens must already be sorted); sorted by name or by host, the
 * default host (core's `AppInfo.github_url`: github.com or its stand-in) comes first,
 * then other hosts by name, and accounts by login, the unknown account last.
 */
export function groupTokens(
  tokens: readonly TokenView[],
  sort: SortKey = "expiry",
  defaultHost: string | null = null,
): HostGroup[] {
  const hosts = new Map<string, HostGroup>();
  const labels = new Map<string, string>();
  for (const t of tokens) {
    let label = labels.get(t.host);
    if (label === undefined) labels.set(t.host, (label = hostLabel(t.host)));
    let g = hosts.get(label);
    if (!g) {
      g = { host: t.host, label, accounts: [] };
      hosts.set(label, g);
    }
    let acc = g.accounts.find((a) => a.login === t.login);
    if (!acc) {
      acc = { login: t.login, tokens: [] };
      g.accounts.push(acc);
    }
    acc.tokens.push(t);
  }
  const groups = [...hosts.values()];
  if (sort === "expiry") return groups;
  const rank = (g: HostGroup) => (g.host === defaultHost ? 0 : 1);
  groups.sort((a, b) => rank(a) - rank(b) || collator.compare(a.label, b.label));
  for (const g of groups) {
    g.accounts.sort((a, b) =>
      a.login === null ? 1 : b.login === null ? -1 : collator.compare(a.login, b.login),
    );
  }
  return groups;
}

/**
 * Search, filter, sort and group in one go, as the dashboard shows them. Filtering keeps
 * the order, so the store sorts once per list and filters the sorted list per keystroke.
 */
export function arrange(tokens: readonly TokenView[], q: ListQuery, defaultHost: string | null = null): HostGroup[] {
  return groupTokens(filterTokens(sortTokens(tokens, q.sort), q), q.sort, defaultHost);
}

/** How many tokens are in each status (for the filter menu). */
export function statusCounts(tokens: readonly TokenView[]): Record<TokenStatus, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TokenStatus, number>;
  for (const t of tokens) counts[t.status] += 1;
  return counts;
}

/** Replaces the token with the same id, or appends it. */
export function upsert(tokens: readonly TokenView[], view: TokenView): TokenView[] {
  const i = view.id === null ? -1 : tokens.findIndex((t) => t.id === view.id);
  if (i < 0) return [...tokens, view];
  const out = [...tokens];
  out[i] = view;
  return out;
}

/**
 * Replaces the token with the same id and leaves the list alone otherwise: a result that
 * arrives for a token forgotten meanwhile must not bring it back.
 */
export function replaceExisting(tokens: readonly TokenView[], view: TokenView): TokenView[] {
  const i = view.id === null ? -1 : tokens.findIndex((t) => t.id === view.id);
  if (i < 0) return tokens as TokenView[];
  const out = [...tokens];
  out[i] = view;
  return out;
}
