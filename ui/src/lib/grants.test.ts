import { describe, expect, it } from "vitest";
import { fitChips, permissionRows } from "./grants";

// The classic scopes' tree is core's (src-tauri/core/src/github/grants.rs, tested there).

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
