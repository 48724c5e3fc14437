import { describe, expect, it } from "vitest";
import {
  arrange,
  defaultQuery,
  facets,
  filterTokens,
  groupTokens,
  matchesSearch,
  replaceExisting,
  sortTokens,
  statusCounts,
  upsert,
} from "./tokens";
import { token } from "../test/fakeBackend";

const names = (ts: { name: string | null }[]) => ts.map((t) => t.name);

const list = [
  token({ name: "zeta", days_left: 30 }),
  token({ name: "Alpha", days_left: null }),
  token({ name: "beta", days_left: 2, status: "expiring" }),
  token({ name: "gone", days_left: -4, status: "expired" }),
  token({ name: "broken", days_left: null, status: "expired" }),
  token({ name: "ghes", days_left: 5, host: "https://ghe.example.com", login: "mlisa", scopes: ["admin:org"] }),
  token({ name: "Éclair", days_left: 60, login: "mona", kind: "fine_grained", scopes: null }),
];

describe("sortTokens", () => {
  it("by expiry: expired first, never-expiring last, ties by name", () => {
    expect(names(sortTokens(list, "expiry"))).toEqual(["gone", "broken", "beta", "ghes", "zeta", "Éclair", "Alpha"]);
  });

  it("by name, ignoring case and accents", () => {
    expect(names(sortTokens(list, "name"))).toEqual(["Alpha", "beta", "broken", "Éclair", "ghes", "gone", "zeta"]);
  });

  it("does not touch its input", () => {
    const copy = [...list];
    sortTokens(list, "name");
    expect(list).toEqual(copy);
  });
});

describe("search and filter", () => {
  it("matches name, login, host, kind and scopes, all words, any case or accent", () => {
    expect(matchesSearch(list[6], "eclair")).toBe(true);
    expect(matchesSearch(list[6], "MONA")).toBe(true);
    expect(matchesSearch(list[6], "fine-grained")).toBe(true);
    expect(matchesSearch(list[5], "ghe.example")).toBe(true);
    expect(matchesSearch(list[5], "admin:org mlisa")).toBe(true);
    expect(matchesSearch(list[5], "admin:org mona")).toBe(false);
    expect(matchesSearch(list[0], "   ")).toBe(true);
  });

  it("finds recorded fine-grained permissions", () => {
    const fg = token({ name: "fg", kind: "fine_grained", scopes: null, permissions: { pull_requests: "write" } });
    expect(matchesSearch(fg, "pull_requests")).toBe(true);
    expect(matchesSearch(fg, "contents")).toBe(false);
  });

  it("filters by status and search together", () => {
    expect(names(filterTokens(list, { status: "expired", search: "" }))).toEqual(["gone", "broken"]);
    expect(names(filterTokens(list, { status: "expired", search: "bro" }))).toEqual(["broken"]);
    expect(names(filterTokens(list, { status: "all", search: "octocat" }))).toHaveLength(5);
  });

  it("filters by host, account and kind, each with the others and the search", () => {
    const q = { ...defaultQuery() };
    expect(names(filterTokens(list, { ...q, host: "ghe.example.com" }))).toEqual(["ghes"]);
    expect(names(filterTokens(list, { ...q, login: "mona" }))).toEqual(["Éclair"]);
    expect(names(filterTokens(list, { ...q, kind: "fine_grained" }))).toEqual(["Éclair"]);
    expect(names(filterTokens(list, { ...q, host: "github.com", kind: "classic", search: "ta" }))).toEqual(["zeta", "beta"]);
    expect(filterTokens(list, { ...q, host: "github.com", login: "mlisa" })).toEqual([]);
  });

  it("offers the hosts, accounts and kinds there are, sorted", () => {
    expect(facets(list)).toEqual({ hosts: ["ghe.example.com", "github.com"], logins: ["mlisa", "mona", "octocat"], kinds: ["classic", "fine_grained"] });
  });

  it("by host and account: the default host first, then hosts and accounts A to Z, soonest expiry inside", () => {
    const groups = arrange(list, { ...defaultQuery(), sort: "host" }, "https://github.com");
    expect(groups.map((g) => g.label)).toEqual(["github.com", "ghe.example.com"]);
    expect(groups[0].accounts.map((a) => a.login)).toEqual(["mona", "octocat"]);
    expect(names(groups[0].accounts[1].tokens)).toEqual(["gone", "broken", "beta", "zeta", "Alpha"]);
  });

  it("counts statuses", () => {
    const c = statusCounts(list);
    expect(c.valid).toBe(4);
    expect(c.expired).toBe(2);
    expect(c.expiring).toBe(1);
    expect(c.sso_required).toBe(0);
  });
});

describe("groupTokens", () => {
  it("groups by host then account; by expiry the most urgent group comes first", () => {
    const groups = arrange(list, { ...defaultQuery(), search: "", sort: "expiry" });
    expect(groups.map((g) => g.label)).toEqual(["github.com", "ghe.example.com"]);
    expect(groups[0].accounts.map((a) => a.login)).toEqual(["octocat", "mona"]);
    expect(names(groups[0].accounts[0].tokens)).toEqual(["gone", "broken", "beta", "zeta", "Alpha"]);
  });

  it("by name: the default host core names first, hosts and logins alphabetical, unknown account last", () => {
    const ts = [
      token({ name: "a", host: "https://b.example" }),
      token({ name: "b", host: "https://a.example" }),
      token({ name: "c", login: null }),
      token({ name: "d", login: "zed" }),
      token({ name: "e", login: "amy" }),
    ];
    const groups = groupTokens(sortTokens(ts, "name"), "name", "https://github.com");
    expect(groups.map((g) => g.label)).toEqual(["github.com", "a.example", "b.example"]);
    expect(groups[0].accounts.map((a) => a.login)).toEqual(["amy", "zed", null]);
    // github.com stood in for (JETON_GITHUB_URL): the stand-in is the default host, not a name the UI knows.
    const standIn = groupTokens(sortTokens(ts, "name"), "name", "https://b.example");
    expect(standIn.map((g) => g.label)).toEqual(["b.example", "a.example", "github.com"]);
  });

  it("returns no group when nothing matches", () => {
    expect(arrange(list, { ...defaultQuery(), search: "nothing-like-this", sort: "name" })).toEqual([]);
  });
});

describe("upsert", () => {
  it("replaces by id or appends", () => {
    const changed = { ...list[0], status: "invalid" as const };
    const out = upsert(list, changed);
    expect(out).toHaveLength(list.length);
    expect(out[0].status).toBe("invalid");
    expect(upsert(list, token({ name: "new" }))).toHaveLength(list.length + 1);
  });
});

describe("replaceExisting", () => {
  it("replaces by id and never appends", () => {
    const a = token({ name: "a", id: "a" });
    const b = token({ name: "b", id: "b" });
    const list = [a, b];
    expect(replaceExisting(list, { ...a, status: "invalid" }).map((t) => t.status)).toEqual(["invalid", "valid"]);
    expect(replaceExisting(list, { ...a, id: "gone" })).toBe(list);
    expect(replaceExisting(list, { ...a, id: null })).toBe(list);
  });
});
