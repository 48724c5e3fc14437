// The app with the vault's health, re-check all, the grants drawer and the ⋯ menu.

import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import type { ErrorPayload, GrantNode, RecheckProgress, Result, TokenView } from "./lib/backend";
import { fakeBackend, ok, token, problem } from "./test/fakeBackend";
import { renderApp } from "./test/renderApp";
import { SCOPES } from "./test/doubles";

const setup = renderApp;

const rowOf = (name: string) =>
  screen.getAllByTestId("token-row").find((r) => within(r).getByTestId("token-name").textContent === name)!;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("re-check all", () => {
  it("shows progress and updates each row as results arrive, then sums up", async () => {
    let emit!: (p: RecheckProgress) => void;
    let finish!: (r: Result<TokenView[], ErrorPayload>) => void;
    const a = token({ name: "A", id: "a", days_left: 60 });
    const b = token({ name: "B", id: "b", days_left: 60 });
    const c = token({ name: "C", id: "c", days_left: 60 });
    const { backend, user } = setup({
      tokens: [a, b, c],
      recheckAll: (onProgress) => {
        emit = onProgress;
        return new Promise((r) => (finish = r));
      },
    });
    await screen.findAllByTestId("token-row");
    const button = screen.getByTestId("recheck-all");
    expect(button).toHaveTextContent("Re-check all");
    await user.click(button);
    expect(backend.recheckAll).toHaveBeenCalledTimes(1);
    expect(button).toBeDisabled();
    expect(screen.getByTestId("recheck-progress")).toHaveTextContent("Checking 0 of 3…");

    const invalidB = { ...b, status: "invalid" as const, needs_attention: true, error: problem("token_invalid", "revoked") };
    emit({ done: 1, total: 3, token: invalidB });
    await waitFor(() => expect(screen.getByTestId("recheck-progress")).toHaveTextContent("Checking 1 of 3…"));
    expect(within(rowOf("B")).getByTestId("token-status")).toHaveTextContent("Revoked/invalid");
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1");
    // Rows not answered yet still spin; B stopped.
    expect(within(rowOf("A")).getByTestId("token-recheck")).toHaveAttribute("aria-disabled", "true");
    expect(within(rowOf("B")).getByTestId("token-recheck")).toHaveAttribute("aria-disabled", "false");

    emit({ done: 2, total: 3, token: a });
    emit({ done: 3, total: 3, token: c });
    await waitFor(() => expect(screen.getByTestId("recheck-progress")).toHaveTextContent("Checking 3 of 3…"));
    finish(ok([a, invalidB, c]));
    await waitFor(() => expect(screen.queryByTestId("recheck-progress")).not.toBeInTheDocument());
    expect(button).toBeEnabled();
    expect(await screen.findByTestId("notice")).toHaveTextContent("3 checked · 1 needs attention");
  });

  it("speaks French", async () => {
    const { user } = setup({ lang: "fr", tokens: [token({ name: "A", days_left: 60 }), token({ name: "B", days_left: 60 })] });
    await user.click(await screen.findByTestId("recheck-all"));
    expect(screen.getByTestId("recheck-all")).toHaveTextContent("Tout revérifier");
    expect(await screen.findByTestId("notice")).toHaveTextContent("2 vérifiés · tout va bien");
  });
});

describe("vault health", () => {
  it("shows a read-only banner that cannot be dismissed, only read again", async () => {
    const { backend, user } = setup({
      tokens: [token({ name: "A" })],
      health: { read_only: problem("metadata_corrupt", "Jeton's file cannot be read.") },
    });
    const banner = await screen.findByTestId("readonly-banner");
    expect(banner).toHaveTextContent("Jeton's file cannot be read.");
    expect(banner).toHaveTextContent("Changes are not saved");
    expect(within(banner).getAllByRole("button")).toHaveLength(1);
    // The user restored the file: reading it again lifts the banner and reloads the list.
    backend.reloadVault.mockResolvedValueOnce(ok({ read_only: null, keychain: null, recovered: [], missing: [] }));
    const listed = backend.listTokens.mock.calls.length;
    await user.click(within(banner).getByTestId("readonly-retry"));
    await waitFor(() => expect(screen.queryByTestId("readonly-banner")).not.toBeInTheDocument());
    expect(backend.reloadVault).toHaveBeenCalledTimes(1);
    expect(backend.listTokens.mock.calls.length).toBeGreaterThan(listed);
  });

  it("shows the keychain banner when the health reports the keychain", async () => {
    setup({ health: { keychain: problem("keychain_unavailable", "No Secret Service.") } });
    expect(await screen.findByTestId("keychain-banner")).toHaveTextContent("No Secret Service.");
  });

  it("marks tokens whose secret is missing: no green Valid, no “GitHub accepts”, counted as needing attention", async () => {
    const { user } = setup({
      tokens: [token({ name: "Gone", id: "g", secret_missing: true }), token({ name: "Here", id: "h", days_left: 60 })],
      health: { missing: [{ id: "g", name: "Gone" }] },
    });
    await screen.findAllByTestId("token-row");
    const badge = within(rowOf("Gone")).getByTestId("token-status");
    expect(badge).toHaveTextContent("Secret missing");
    expect(badge).toHaveAttribute("data-status", "secret_missing");
    expect(badge).toHaveClass("danger");
    expect(within(rowOf("Here")).getByTestId("token-status")).toHaveTextContent("Valid");
    expect(screen.getByTestId("summary")).toHaveTextContent("2 tokens · 1 needs attention");
    await user.click(within(rowOf("Gone")).getByTitle("Show details of Gone"));
    const details = screen.getByTestId("token-details");
    expect(within(details).getByTestId("details-status")).toHaveTextContent("Secret missing");
    expect(within(details).getByTestId("details-sentence")).toHaveTextContent("no longer in your system keychain");
    expect(details).not.toHaveTextContent("GitHub accepts this token");
    expect(details).not.toHaveTextContent(/\bValid\b/);
    expect(within(details).getByTestId("details-provide")).toHaveTextContent("Provide the secret");
  });

  it("names a recovered secret; the dialog shows GitHub's refusal first", async () => {
    let attempts = 0;
    const { backend, user } = setup({
      health: { recovered: ["3f2a9c1e-0000-4000-8000-000000000001"] },
      adopt: async (id, name, host) => {
        attempts += 1;
        if (attempts === 1) return { status: "error", error: problem("token_invalid", "GitHub rejects it.") };
        return ok(token({ name, id, host: host ?? "https://github.com" }));
      },
    });
    const section = await screen.findByTestId("recovered-section");
    expect(section).toHaveTextContent("Found in your keychain");
    const item = within(section).getByTestId("recovered-item");
    expect(item).toHaveTextContent("3f2a9c1e…");
    await user.click(within(item).getByTestId("recovered-name"));
    const dialog = screen.getByTestId("adopt-dialog");
    expect(screen.getByTestId("adopt-name")).toHaveFocus();
    await user.click(within(dialog).getByTestId("adopt-submit"));
    expect(dialog).toHaveTextContent("Give the token a name.");
    await user.type(screen.getByTestId("adopt-name"), "Old laptop");
    await user.type(screen.getByTestId("adopt-host"), "ghe.example.com");
    await user.click(within(dialog).getByTestId("adopt-submit"));
    expect(await screen.findByTestId("adopt-error")).toHaveTextContent("GitHub rejects it.");
    await user.click(within(dialog).getByTestId("adopt-submit"));
    await waitFor(() => expect(screen.queryByTestId("adopt-dialog")).not.toBeInTheDocument());
    expect(backend.adoptRecovered).toHaveBeenLastCalledWith(
      "3f2a9c1e-0000-4000-8000-000000000001",
      "Old laptop",
      "ghe.example.com",
    );
    expect(await screen.findByTestId("token-row")).toHaveTextContent("Old laptop");
    await waitFor(() => expect(screen.queryByTestId("recovered-section")).not.toBeInTheDocument());
  });

  it("deletes a recovered secret after confirmation", async () => {
    const { backend, user } = setup({ health: { recovered: ["r1", "r2"] } });
    const items = await screen.findAllByTestId("recovered-item");
    await user.click(within(items[0]).getByTestId("recovered-delete"));
    const confirm = screen.getByTestId("confirm-dialog");
    expect(confirm).toHaveTextContent("Delete this secret from the keychain?");
    expect(confirm).toHaveTextContent("r1");
    await user.click(screen.getByTestId("confirm-cancel"));
    expect(backend.deleteRecovered).not.toHaveBeenCalled();
    await user.click(within(items[0]).getByTestId("recovered-delete"));
    await user.click(screen.getByTestId("confirm-ok"));
    expect(backend.deleteRecovered).toHaveBeenCalledWith("r1");
    await waitFor(() => expect(screen.getAllByTestId("recovered-item")).toHaveLength(1));
  });
});

describe("grants in the drawer", () => {
  const open = async (user: ReturnType<typeof userEvent.setup>, name: string) => {
    await user.click(within(await screen.findByTestId("token-row")).getByTitle(`Show details of ${name}`));
    return screen.getByTestId("token-details");
  };

  it("shows a classic token's scopes as core's tree, in the current language", async () => {
    const { backend, user } = setup({ lang: "fr", tokens: [token({ name: "CI", scopes: ["admin:org", "gist"] })] });
    await user.click(within(await screen.findByTestId("token-row")).getByTitle("Afficher le détail de CI"));
    const details = screen.getByTestId("token-details");
    const tree = await within(details).findByTestId("grants-tree");
    const items = [...tree.querySelectorAll("[data-scope]")].map((n) => [
      n.getAttribute("data-scope"),
      n.getAttribute("data-included"),
    ]);
    expect(items).toEqual([
      ["admin:org", "false"],
      ["write:org", "true"],
      ["read:org", "true"],
      ["gist", "false"],
    ]);
    expect(tree).toHaveTextContent(SCOPES.find((s) => s.name === "admin:org")!.description_fr);
    expect(tree.querySelector('[data-scope="read:org"]')).toHaveTextContent("inclus");
    expect(backend.scopeCatalogue).not.toHaveBeenCalled();
  });

  it("renders the tree as core gives it, without working out a hierarchy of its own", async () => {
    const node = (name: string, more: Partial<GrantNode> = {}): GrantNode => ({
      name,
      description_en: null,
      description_fr: null,
      included: false,
      enterprise: false,
      ghes_only: false,
      children: [],
      ...more,
    });
    // Core's word, even where it differs from the scopes listed beside it.
    const grants = [
      node("site_admin", { description_en: "Site administrators.", enterprise: true, ghes_only: true }),
      node("x-custom", { children: [node("x-custom:read", { included: true, description_en: "Reads." })] }),
    ];
    const { user } = setup({ tokens: [token({ name: "CI", scopes: ["repo"], grants })] });
    const details = await open(user, "CI");
    const tree = await within(details).findByTestId("grants-tree");
    const items = [...tree.querySelectorAll("[data-scope]")].map((n) => n.getAttribute("data-scope"));
    expect(items).toEqual(["site_admin", "x-custom", "x-custom:read"]);
    expect(tree.querySelector('[data-scope="site_admin"]')).toHaveTextContent("GHES only");
    expect(tree.querySelector('[data-scope="x-custom"] > .desc')).toHaveTextContent("Not a scope GitHub documents.");
    expect(tree.querySelector('[data-scope="x-custom:read"]')).toHaveTextContent("included");
  });

  it("says so when a classic token has no scopes", async () => {
    const { user } = setup({ tokens: [token({ name: "CI", scopes: [] })] });
    const details = await open(user, "CI");
    expect(within(details).getByTestId("details-grants")).toHaveTextContent("no scopes (public read-only)");
    expect(within(details).queryByTestId("grants-tree")).not.toBeInTheDocument();
  });

  it("shows recorded fine-grained permissions as a table", async () => {
    const { user } = setup({
      tokens: [
        token({ name: "FG", kind: "fine_grained", scopes: null, permissions: { contents: "write", metadata: "read" } }),
      ],
    });
    expect(within(await screen.findByTestId("token-row")).getByTestId("token-scopes")).toHaveTextContent(
      "contents:writemetadata:read",
    );
    const details = await open(user, "FG");
    const table = within(details).getByTestId("grants-permissions");
    expect(table).toHaveTextContent(
      "Recorded when Jeton created this token — GitHub’s API does not report fine-grained permissions",
    );
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => [...r.children].map((cell) => cell.textContent?.trim()))).toEqual([
      ["Contents", "Read and write"],
      ["Metadata", "Read-only"],
    ]);
  });

  it("says an installation token's permissions are what GitHub granted when minted", async () => {
    const { user } = setup({
      tokens: [token({ name: "Deployer", kind: "app_installation", scopes: null, permissions: { contents: "read" } })],
    });
    const table = within(await open(user, "Deployer")).getByTestId("grants-permissions");
    expect(table).toHaveTextContent("Granted by GitHub when Jeton minted this installation token");
    expect(table).not.toHaveTextContent("does not report");
  });

  it("explains when a fine-grained token's permissions are unknown", async () => {
    const { user } = setup({ tokens: [token({ name: "FG", kind: "fine_grained", scopes: null })] });
    const details = await open(user, "FG");
    expect(within(details).getByTestId("details-grants")).toHaveTextContent(
      "GitHub does not report a fine-grained token’s permissions.",
    );
    // Only what works today: no promise of a wizard.
    expect(details).not.toHaveTextContent(/wizard/i);
    expect(within(details).queryByTestId("grants-permissions")).not.toBeInTheDocument();
  });

  it("puts the reason, the fix and the last check in the status", async () => {
    const { user } = setup({
      tokens: [
        token({
          name: "Old",
          status: "expired",
          days_left: -2,
          last_checked: new Date(Date.now() - 5 * 60_000).toISOString(),
          expires_at: "2026-03-12T10:00:00Z",
          error: problem("token_expired", "This token has expired."),
        }),
      ],
    });
    const details = await open(user, "Old");
    const state = within(details).getByTestId("details-state");
    expect(state).toHaveAttribute("data-fix", "renew");
    expect(state).toHaveTextContent("This token expired on 12 Mar 2026.");
    expect(within(state).getByTestId("details-renew")).toBeEnabled();
    expect(state).not.toHaveTextContent(/wizard/i);
    expect(within(state).getByTestId("details-checked")).toHaveTextContent("checked 5 min ago");
  });
});

describe("the ⋯ menu", () => {
  it("exports metadata as a file and says it holds no secret", async () => {
    const { backend, user } = setup({ tokens: [token({ name: "A" })] });
    await screen.findByTestId("token-row");
    await user.click(screen.getByTestId("menu"));
    expect(screen.getByTestId("menu")).toHaveAttribute("aria-expanded", "true");
    expect(screen.getByTestId("menu-export")).toHaveFocus();
    expect(screen.getByTestId("menu-export")).toHaveTextContent("Secrets stay in your keychain; this file holds none");
    await user.click(screen.getByTestId("menu-export"));
    expect(backend.exportBackup).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(await screen.findByTestId("notice")).toHaveTextContent("this file holds none");
  });

  it("moves with the arrow keys and closes on Escape", async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId("menu"));
    await user.keyboard("{ArrowDown}");
    expect(screen.getByTestId("menu-import")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByTestId("menu-apps")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByTestId("menu-settings")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByTestId("menu-export")).toHaveFocus();
    await user.keyboard("{End}");
    expect(screen.getByTestId("menu-settings")).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
    expect(screen.getByTestId("menu")).toHaveFocus();
  });

  it("imports a file and lists each added name once: renamed and without a secret here marked on it", async () => {
    const { backend, user, setTokens } = setup({
      importSummary: {
        added: ["CI", "Laptop (2)"],
        already_present: ["Kept"],
        renamed: [["Laptop", "Laptop (2)"]],
        without_secret: ["CI"],
        to_confirm: ["Stolen"],
      },
    });
    await screen.findByTestId("empty-state");
    setTokens([token({ name: "CI" }), token({ name: "Laptop (2)" })]);
    await user.click(screen.getByTestId("menu"));
    await user.click(screen.getByTestId("menu-import"));
    const file = new File(['{"format":"jeton-metadata","tokens":[]}'], "jeton-metadata.json", { type: "application/json" });
    await user.upload(screen.getByTestId("import-file"), file);
    const summary = await screen.findByTestId("import-summary");
    expect(backend.importBackup).toHaveBeenCalledWith('{"format":"jeton-metadata","tokens":[]}');
    const rows = within(summary).getAllByTestId("import-row");
    expect(rows.map((r) => r.getAttribute("data-name"))).toEqual(["CI", "Laptop (2)"]);
    expect(summary.textContent?.match(/\bCI\b/g)).toHaveLength(1);
    expect(within(summary).getByTestId("import-to-confirm")).toHaveTextContent("Stolen");
    expect(within(rows[0]).getByTestId("import-no-secret")).toHaveTextContent("no secret here");
    expect(within(rows[1]).getByTestId("import-renamed")).toHaveTextContent("was “Laptop”");
    expect(within(rows[1]).queryByTestId("import-no-secret")).not.toBeInTheDocument();
    expect(within(summary).getByTestId("import-without-secret")).toHaveTextContent("Provide the secret");
    expect(within(summary).getByTestId("import-already")).toHaveTextContent("1 token was already here");
    await waitFor(() => expect(screen.getAllByTestId("token-row")).toHaveLength(2));
    await user.click(within(summary).getByRole("button", { name: "OK" }));
    expect(screen.queryByTestId("import-summary")).not.toBeInTheDocument();
  });
});
