// The apps screens' pure rules: the installation's permissions in the catalogue's words,
// the levels a token may ask for (capped at the installation's), what is still to
// choose, the request Rust gets, and the minute countdown of an installation token.

import { describe, expect, it } from "vitest";
import { mintProblem, mintRequest, permissionChoices, permissionWords } from "./apps";
import { expiryLabel, minutesLeft, stateSentence } from "./format";
import { token } from "../test/fakeBackend";
import { CREATION_CATALOGUE } from "../test/fakeCreation";
import { installation } from "../test/fakeApps";

const catalogue = CREATION_CATALOGUE.permissions;

describe("an installation's permissions", () => {
  it("offer the catalogue's levels up to the installation's, never above", () => {
    const c = permissionChoices({ contents: "read", pull_requests: "write", metadata: "read" }, catalogue);
    expect(c.map((x) => [x.key, x.levels])).toEqual([
      ["contents", ["read"]],
      ["metadata", ["read"]],
      ["pull_requests", ["read", "write"]],
    ]);
  });

  it("a permission the catalogue does not know is shown readably and offered at no level", () => {
    const [c] = permissionChoices({ custom_properties: "admin" }, catalogue);
    expect(c).toMatchObject({ label: "Custom properties", levels: [] });
  });

  it("are said in plain words in the window's language", () => {
    expect(permissionWords("en", { contents: "write", metadata: "read" }, catalogue)).toEqual(["Contents: Read and write", "Metadata: Read-only"]);
    expect(permissionWords("fr", { contents: "write" }, catalogue)).toEqual(["Contents : Lecture et écriture"]);
  });
});

describe("a mint request", () => {
  const inst = installation({ id: 42 });

  it("needs at least one repository when they are chosen, and one permission", () => {
    expect(mintProblem({ repositories: [], permissions: { contents: "read" }, pinned: false })).toBe("repos");
    expect(mintProblem({ repositories: null, permissions: {}, pinned: false })).toBe("perms");
    expect(mintProblem({ repositories: ["acme/api"], permissions: { contents: "read" }, pinned: false })).toBeNull();
  });

  it("carries the installation, the chosen repositories and levels, and the pin", () => {
    expect(mintRequest(inst, { repositories: ["acme/api"], permissions: { contents: "read" }, pinned: true })).toEqual({
      installation: 42,
      repositories: ["acme/api"],
      permissions: { contents: "read" },
      pinned: true,
    });
    expect(mintRequest(inst, { repositories: null, permissions: { metadata: "read" }, pinned: false }).repositories).toBeNull();
  });
});

describe("an installation token's countdown", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  const t = (more: object) => ({ kind: "app_installation" as const, expires_at: "2026-12-02T10:59:10Z", status: "valid" as const, ...more });

  it("counts whole minutes, rounded up, until it expires", () => {
    expect(minutesLeft(t({}), now)).toBe(60);
    expect(minutesLeft(t({ expires_at: "2026-12-02T10:00:30Z" }), now)).toBe(1);
  });

  it("is only for installation tokens still alive", () => {
    expect(minutesLeft(t({ kind: "classic" }), now)).toBeNull();
    expect(minutesLeft(t({ status: "expired" }), now)).toBeNull();
    expect(minutesLeft(t({ expires_at: "2026-12-02T09:59:00Z" }), now)).toBeNull();
  });
});

describe("under the countdown", () => {
  it("an installation token says the time it ends, any other token its date", () => {
    const at = "2026-12-02T13:05:00Z";
    expect(expiryLabel("en", { kind: "app_installation", expires_at: at }, "Europe/Paris")).toBe("14:05");
    expect(expiryLabel("fr", { kind: "app_installation", expires_at: at }, "Europe/Paris")).toBe("14:05");
    expect(expiryLabel("en", { kind: "classic", expires_at: at }, "Europe/Paris")).toBe("2 Dec 2026");
  });
});

describe("the details' sentence for an installation token", () => {
  it("says until when, and that it lives an hour", () => {
    const t = token({ name: "minted", kind: "app_installation", scopes: null, expires_at: "2030-01-01T13:05:00Z", days_left: 0 });
    expect(stateSentence("en", t)).toMatch(/^GitHub accepts this installation token until \d\d:05: an app's token lives one hour/);
    expect(stateSentence("fr", t)).toMatch(/^GitHub accepte ce jeton d’installation jusqu’à \d\d:05/);
  });
});

