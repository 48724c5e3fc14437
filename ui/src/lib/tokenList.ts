// The dashboard's groups as one flat list of items (host heading, account heading,
// token row), which the windowed list draws a slice of; and the slice nested back into
// hosts and accounts for the DOM, so that headings, lists and their items keep their
// meaning for screen readers. Pure: no DOM, no state.

import type { TokenView } from "./bindings";
import type { AccountGroup, HostGroup } from "./tokens";

export type ListItem =
  | { kind: "host"; key: string; host: HostGroup }
  | { kind: "account"; key: string; host: HostGroup; account: AccountGroup }
  /** `pos`: 1-based place in its account's list; `size`: that list's length (aria-posinset/setsize). */
  | { kind: "token"; key: string; host: HostGroup; account: AccountGroup; token: TokenView; pos: number; size: number };

export type TokenItem = Extract<ListItem, { kind: "token" }>;

const hostKey = (h: HostGroup) => `h ${h.label}`;
const accountKey = (h: HostGroup, a: AccountGroup) => `a ${h.label} ${a.login ?? ""}`;

/** Each host's heading, then each of its accounts' heading and tokens, in order. */
export function listItems(groups: readonly HostGroup[]): ListItem[] {
  const out: ListItem[] = [];
  for (const host of groups) {
    out.push({ kind: "host", key: hostKey(host), host });
    for (const account of host.accounts) {
      out.push({ kind: "account", key: accountKey(host, account), host, account });
      const size = account.tokens.length;
      account.tokens.forEach((token, i) =>
        out.push({ kind: "token", key: `t ${token.id ?? token.name}`, host, account, token, pos: i + 1, size }),
      );
    }
  }
  return out;
}

/** A drawn item: where it is drawn (its index in the flat list, its place) and what it is. */
export interface Shown<V, I extends ListItem = ListItem> {
  at: V;
  item: I;
}

export interface ShownAccount<V> {
  key: string;
  account: AccountGroup;
  heading: Shown<V> | null;
  rows: Shown<V, TokenItem>[];
}

export interface ShownHost<V> {
  key: string;
  host: HostGroup;
  heading: Shown<V> | null;
  accounts: ShownAccount<V>[];
}

/**
 * The drawn items (in index order) nested by host and account, as the DOM holds them: a
 * host's section and an account's list are there while any of their items is drawn.
 */
export function nestShown<V extends { index: number }>(items: readonly ListItem[], shown: readonly V[]): ShownHost<V>[] {
  const hosts: ShownHost<V>[] = [];
  for (const at of shown) {
    const item = items[at.index];
    if (!item) continue;
    const hk = hostKey(item.host);
    let host = hosts.at(-1);
    if (host?.key !== hk) hosts.push((host = { key: hk, host: item.host, heading: null, accounts: [] }));
    if (item.kind === "host") {
      host.heading = { at, item };
      continue;
    }
    const ak = accountKey(item.host, item.account);
    let account = host.accounts.at(-1);
    if (account?.key !== ak) host.accounts.push((account = { key: ak, account: item.account, heading: null, rows: [] }));
    if (item.kind === "account") account.heading = { at, item };
    else account.rows.push({ at, item });
  }
  return hosts;
}

export type NavKey = "ArrowDown" | "ArrowUp" | "Home" | "End" | "PageDown" | "PageUp";

export function isNavKey(key: string): key is NavKey {
  return ["ArrowDown", "ArrowUp", "Home", "End", "PageDown", "PageUp"].includes(key);
}

/**
 * The token row a key moves to from the row at `from`: the next or previous row (across
 * accounts and hosts), the first or last, or `page` rows on; headings are skipped. The
 * same row at either end; -1 when the list has no row.
 */
export function moveFrom(items: readonly ListItem[], from: number, key: NavKey, page: number): number {
  const rows: number[] = [];
  items.forEach((item, i) => item.kind === "token" && rows.push(i));
  if (rows.length === 0) return -1;
  const found = rows.findIndex((i) => i >= from);
  const here = found < 0 ? rows.length - 1 : found;
  const step = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -rows.length, End: rows.length }[key];
  return rows[Math.min(rows.length - 1, Math.max(0, here + step))];
}
