import { describe, expect, it } from "vitest";
import { isNavKey, listItems, moveFrom, nestShown } from "./tokenList";
import type { ListItem } from "./tokenList";
import { arrange, defaultQuery, filterTokens, upsert } from "./tokens";
import { shownIndexes } from "./windowList.svelte";
import { token } from "../test/fakeBackend";

const groups = arrange(
  [
    token({ name: "a1", days_left: 1 }),
    token({ name: "a2", days_left: 2 }),
    token({ name: "m1", login: "mona", days_left: 3 }),
    token({ name: "g1", host: "https://ghe.example.com", login: "mlisa", days_left: 4 }),
    token({ name: "g2", host: "https://ghe.example.com", login: "mlisa", days_left: 5 }),
  ],
  { ...defaultQuery(), search: "", sort: "expiry" },
);
const items = listItems(groups);
/** What each item shows: a host, an account or a token, as a reader meets them. */
const what = (i: ListItem) => (i.kind === "host" ? `# ${i.host.label}` : i.kind === "account" ? `@ ${i.account.login}` : i.token.name);

describe("the list as one run of items", () => {
  it("puts each host's heading, then each account's heading and tokens, in the dashboard's order", () => {
    expect(items.map(what)).toEqual(["# github.com", "@ octocat", "a1", "a2", "@ mona", "m1", "# ghe.example.com", "@ mlisa", "g1", "g2"]);
  });

  it("gives every row its place in its account's whole list, for screen readers", () => {
    const rows = items.flatMap((i) => (i.kind === "token" ? [`${i.token.name} ${i.pos}/${i.size}`] : []));
    expect(rows).toEqual(["a1 1/2", "a2 2/2", "m1 1/1", "g1 1/2", "g2 2/2"]);
  });

  it("keys every item apart, so that a measured size follows its item", () => {
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
  });
});

describe("a drawn slice nested back into hosts and accounts", () => {
  it("keeps the sections and lists of what is drawn, without headings scrolled away", () => {
    // Drawn: from a2 (mid-account) to g1.
    const shown = nestShown(items, [3, 4, 5, 6, 7, 8].map((index) => ({ index })));
    expect(
      shown.map((h) => ({
        host: h.host.label,
        heading: h.heading !== null,
        accounts: h.accounts.map((a) => ({ login: a.account.login, heading: a.heading !== null, rows: a.rows.map((r) => r.item.token.name) })),
      })),
    ).toEqual([
      {
        host: "github.com",
        heading: false,
        accounts: [
          { login: "octocat", heading: false, rows: ["a2"] },
          { login: "mona", heading: true, rows: ["m1"] },
        ],
      },
      { host: "ghe.example.com", heading: true, accounts: [{ login: "mlisa", heading: true, rows: ["g1"] }] },
    ]);
  });
});

describe("moving between rows with the keyboard", () => {
  const at = (name: string) => items.findIndex((i) => i.kind === "token" && i.token.name === name);
  const move = (from: string, key: Parameters<typeof moveFrom>[2], page = 2) => what(items[moveFrom(items, at(from), key, page)]);

  it("goes to the next or previous row across accounts and hosts, skipping headings", () => {
    expect(move("a2", "ArrowDown")).toBe("m1");
    expect(move("m1", "ArrowDown")).toBe("g1");
    expect(move("g1", "ArrowUp")).toBe("m1");
  });

  it("reaches the first and the last row, and stays there at either end", () => {
    expect(move("m1", "End")).toBe("g2");
    expect(move("m1", "Home")).toBe("a1");
    expect(move("g2", "ArrowDown")).toBe("g2");
    expect(move("a1", "ArrowUp")).toBe("a1");
  });

  it("moves a page of rows at a time", () => {
    expect(move("a1", "PageDown")).toBe("m1");
    expect(move("a1", "PageDown", 10)).toBe("g2");
    expect(move("g2", "PageUp")).toBe("m1");
  });

  it("knows its keys and leaves the others to the page", () => {
    expect(["ArrowDown", "End", "PageUp"].every(isNavKey)).toBe(true);
    expect(["Tab", "Enter", " ", "ArrowLeft"].some(isNavKey)).toBe(false);
    expect(moveFrom([], 0, "End", 1)).toBe(-1);
  });
});

describe("which items the window draws", () => {
  const range = (startIndex: number, endIndex: number, count: number) => ({ startIndex, endIndex, overscan: 2, count });

  it("draws a short list whole", () => {
    expect(shownIndexes(range(0, 3, 12), 40, -1)).toHaveLength(12);
  });

  it("draws a long list's window and a few either side, not the rest", () => {
    expect(shownIndexes(range(500, 510, 1200), 40, -1)).toEqual([...Array(15).keys()].map((i) => 498 + i));
  });

  it("keeps the focused row drawn when the window is elsewhere, in order", () => {
    const shown = shownIndexes(range(500, 510, 1200), 40, 3);
    expect(shown[0]).toBe(3);
    expect(shown.slice(1)).toEqual([...Array(15).keys()].map((i) => 498 + i));
    expect(shownIndexes(range(500, 510, 1200), 40, 505)).toHaveLength(15);
  });
});

describe("search keys", () => {
  it("follow a token that changes: its new name is found, its old one no longer", () => {
    const before = [token({ id: "t1", name: "Laptop" })];
    expect(filterTokens(before, { search: "laptop", status: "all" })).toHaveLength(1);
    const after = upsert(before, token({ id: "t1", name: "Desktop" }));
    expect(filterTokens(after, { search: "laptop", status: "all" })).toHaveLength(0);
    expect(filterTokens(after, { search: "desk", status: "all" })).toHaveLength(1);
  });
});
