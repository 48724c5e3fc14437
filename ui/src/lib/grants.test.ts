import { describe, expect, it } from "vitest";
import { fitChips, grantTree, indexCatalogue, permissionRows } from "./grants";
import type { GrantNode } from "./grants";
import { SCOPES as CATALOGUE } from "../test/doubles";

/** `name` for granted nodes, `(name)` for included ones, children in brackets. */
function shape(nodes: GrantNode[]): string[] {
  return nodes.map((n) => {
    const self = n.included ? `(${n.name})` : n.name;
    return n.children.length ? `${self}[${shape(n.children).join(" ")}]` : self;
  });
}

describe("grantTree", () => {
  it("puts each granted scope first with the scopes it implies, marked included", () => {
    const tree = grantTree(CATALOGUE, ["repo", "gist"], "en");
    expect(shape(tree)).toEqual([
      "repo[(repo:status) (repo_deployment) (public_repo) (repo:invite) (security_events)]",
      "gist",
    ]);
    expect(tree[0].description).toMatch(/^Full control of repositories/);
    expect(tree[0].children.every((c) => c.included)).toBe(true);
  });

  it("follows the documented order, not GitHub's header order", () => {
    const tree = grantTree(CATALOGUE, ["workflow", "read:org", "repo"], "en");
    expect(tree.map((n) => n.name)).toEqual(["repo", "read:org", "workflow"]);
  });

  it("shows a child granted on its own at the top, without its parent's siblings", () => {
    const tree = grantTree(CATALOGUE, ["read:org", "user:email"], "en");
    expect(shape(tree)).toEqual(["read:org", "user:email"]);
    expect(tree.every((n) => !n.included)).toBe(true);
  });

  it("does not repeat a scope its granted parent already implies", () => {
    const tree = grantTree(CATALOGUE, ["public_repo", "repo", "repo"], "en");
    expect(tree.map((n) => n.name)).toEqual(["repo"]);
    expect(tree[0].children.find((c) => c.name === "public_repo")?.included).toBe(true);
  });

  it("describes in French when asked", () => {
    expect(grantTree(CATALOGUE, ["gist"], "fr")[0].description).toBe("Créer et modifier des gists.");
  });

  it("keeps scopes it does not know, last and undescribed", () => {
    const tree = grantTree(CATALOGUE, ["x-custom", "gist", " "], "en");
    expect(tree.map((n) => [n.name, n.description])).toEqual([
      ["gist", "Create and edit gists."],
      ["x-custom", null],
    ]);
  });

  it("flags enterprise and GHES-only scopes", () => {
    const [ent, site] = grantTree(CATALOGUE, ["site_admin", "admin:enterprise"], "en");
    expect([ent.name, ent.enterprise, ent.ghesOnly]).toEqual(["admin:enterprise", true, false]);
    expect([site.name, site.enterprise, site.ghesOnly]).toEqual(["site_admin", true, true]);
  });

  it("gives nothing for no scopes", () => {
    expect(grantTree(CATALOGUE, [], "en")).toEqual([]);
    expect(grantTree([], ["repo"], "en").map((n) => n.description)).toEqual([null]);
  });

  it("indexes every depth of the catalogue", () => {
    const index = indexCatalogue(CATALOGUE);
    expect(index.get("read:org")?.parent).toBe("admin:org");
    expect(index.has("repo")).toBe(true);
  });
});

describe("permissionRows", () => {
  it("makes keys readable, sorts them and ranks known levels", () => {
    expect(permissionRows({ pull_requests: "write", contents: "read", metadata: "read", administration: "Admin" })).toEqual([
      { key: "administration", label: "Administration", level: "Admin", rank: "admin" },
      { key: "contents", label: "Contents", level: "read", rank: "read" },
      { key: "metadata", label: "Metadata", level: "read", rank: "read" },
      { key: "pull_requests", label: "Pull requests", level: "write", rank: "write" },
    ]);
  });

  it("keeps a level it does not know as it was recorded", () => {
    expect(permissionRows({ "custom-thing": "maintain" })).toEqual([
      { key: "custom-thing", label: "Custom thing", level: "maintain", rank: null },
    ]);
  });
});

describe("fitChips", () => {
  it("stops at the count or the character budget, always showing one", () => {
    expect(fitChips(["repo", "write:packages", "read:org", "gist", "user:email"], 4)).toEqual({
      shown: ["repo", "write:packages", "read:org", "gist"],
      hidden: 1,
    });
    expect(fitChips(["actions:read", "contents:write", "deployments:write"], 4)).toEqual({
      shown: ["actions:read", "contents:write"],
      hidden: 1,
    });
    expect(fitChips(["a-very-long-permission-name:write-and-more"], 4, 10)).toEqual({
      shown: ["a-very-long-permission-name:write-and-more"],
      hidden: 0,
    });
    expect(fitChips([], 4)).toEqual({ shown: [], hidden: 0 });
  });
});
