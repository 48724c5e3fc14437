import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import type { ErrorPayload, Result, TokenView } from "./lib/backend";
import { fakeBackend, token, problem } from "./test/fakeBackend";
import { renderApp } from "./test/renderApp";

const SECRET = "ghp_" + "x".repeat(36);

const setup = renderApp;

async function openAddDialog(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByTestId("add-token"));
  return screen.getByTestId("add-dialog");
}

afterEach(() => {
  vi.useRealTimers();
});

describe("dashboard", () => {
  it("shows the empty state and invites to add a token", async () => {
    setup();
    const empty = await screen.findByTestId("empty-state");
    expect(within(empty).getByRole("button", { name: /Add existing token/ })).toBeInTheDocument();
    expect(screen.queryByTestId("token-row")).not.toBeInTheDocument();
  });

  it("lists tokens grouped by host with days left, kind, scopes and status", async () => {
    setup({
      tokens: [
        token({ name: "Laptop", days_left: 20, scopes: ["repo", "workflow"] }),
        token({ name: "CI", kind: "fine_grained", scopes: null, days_left: 2, status: "expiring" }),
        token({ name: "GHES", host: "https://ghe.example.com", login: "mlisa", days_left: null }),
      ],
    });
    await screen.findAllByTestId("token-row");
    expect(screen.getAllByTestId("host-group").map((g) => g.getAttribute("aria-label"))).toEqual([
      "github.com",
      "ghe.example.com",
    ]);
    const rows = screen.getAllByTestId("token-row");
    expect(rows.map((r) => within(r).getByTestId("token-name").textContent)).toEqual(["CI", "Laptop", "GHES"]);
    const ci = within(rows[0]);
    expect(ci.getByTestId("token-days")).toHaveTextContent("2 days left");
    expect(ci.getByTestId("token-days")).toHaveClass("danger"); // core's urgency: urgent
    expect(ci.getByTestId("token-kind")).toHaveTextContent("Fine-grained");
    expect(ci.getByTestId("token-scopes")).toHaveTextContent("permissions not reported by GitHub");
    expect(ci.getByTestId("token-status")).toHaveTextContent("Expiring");
    expect(within(rows[1]).getByTestId("token-days")).toHaveClass("ok");
    expect(within(rows[1]).getByTestId("token-scopes")).toHaveTextContent("repoworkflow");
    expect(within(rows[2]).getByTestId("token-days")).toHaveTextContent("expiry unknown");
    expect(screen.getByTestId("summary")).toHaveTextContent("3 tokens · 1 needs attention");
  });

  it("searches and filters", async () => {
    const { user } = setup({
      tokens: [token({ name: "Laptop" }), token({ name: "Broken", status: "invalid" }), token({ name: "Other" })],
    });
    await screen.findAllByTestId("token-row");
    await user.type(screen.getByTestId("search"), "lap");
    expect(screen.getAllByTestId("token-name").map((n) => n.textContent)).toEqual(["Laptop"]);
    await user.clear(screen.getByTestId("search"));
    await user.selectOptions(screen.getByTestId("filter-status"), "invalid");
    expect(screen.getAllByTestId("token-name").map((n) => n.textContent)).toEqual(["Broken"]);
    await user.type(screen.getByTestId("search"), "zzz");
    expect(screen.getByTestId("no-match")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    expect(screen.getAllByTestId("token-row")).toHaveLength(3);
  });
});

describe("add token", () => {
  it("calls addToken, clears the secret, closes and highlights the new row", async () => {
    const { backend, user } = setup();
    await screen.findByTestId("empty-state");
    const dialog = await openAddDialog(user);
    expect(screen.getByTestId("add-name")).toHaveFocus();
    expect(screen.getByTestId("add-secret")).toHaveAttribute("type", "password");
    await user.type(screen.getByTestId("add-name"), "Laptop git");
    await user.click(screen.getByTestId("add-secret"));
    await user.paste(SECRET);
    await user.click(within(dialog).getByTestId("add-submit"));

    await waitFor(() => expect(screen.queryByTestId("add-dialog")).not.toBeInTheDocument());
    expect(backend.addToken).toHaveBeenCalledExactlyOnceWith("Laptop git", null, SECRET);
    const row = await screen.findByTestId("token-row");
    expect(row).toHaveAttribute("data-highlighted", "true");
    expect(within(row).getByTestId("token-days")).toHaveTextContent("90 days left");
    expect(document.body.innerHTML).not.toContain(SECRET);

    await openAddDialog(user);
    expect(screen.getByTestId("add-secret")).toHaveValue("");
    expect(screen.getByTestId("add-name")).toHaveValue("");
  });

  it.each([
    [" ghe.example.com ", "ghe.example.com"],
    ["www.github.com", "www.github.com"],
  ])("sends the host as typed (%j), trimmed: core decides what it names", async (typed, sent) => {
    const { backend, user } = setup();
    await openAddDialog(user);
    await user.type(screen.getByTestId("add-name"), "Work");
    await user.type(screen.getByTestId("add-host"), typed);
    await user.type(screen.getByTestId("add-secret"), SECRET);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(backend.addToken).toHaveBeenCalledWith("Work", sent, SECRET));
  });

  it("shows the back end's message at the token field, keeps name and host, and clears the secret", async () => {
    const error: ErrorPayload = problem("token_invalid", "GitHub rejects this token (bad credentials).", { field: "token" });
    const { user } = setup({ add: async () => ({ status: "error", error }) });
    await openAddDialog(user);
    await user.type(screen.getByTestId("add-name"), "Laptop");
    await user.type(screen.getByTestId("add-host"), "ghe.example.com");
    await user.type(screen.getByTestId("add-secret"), SECRET);
    await user.click(screen.getByTestId("add-submit"));
    expect(await screen.findByTestId("add-secret-error")).toHaveTextContent(error.message);
    expect(screen.getByTestId("add-secret")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("add-secret")).toHaveValue("");
    expect(screen.getByTestId("add-name")).toHaveValue("Laptop");
    expect(screen.getByTestId("add-host")).toHaveValue("ghe.example.com");
  });

  it.each(["network", "rate_limited"] as const)("keeps the secret for a retry after %s", async (code) => {
    const error = problem(code, `msg ${code}`, { retryable: true });
    const { user } = setup({ add: async () => ({ status: "error", error }) });
    await openAddDialog(user);
    await user.type(screen.getByTestId("add-name"), "Laptop");
    await user.type(screen.getByTestId("add-secret"), SECRET);
    await user.click(screen.getByTestId("add-submit"));
    expect(await screen.findByTestId("add-error")).toHaveTextContent(`msg ${code}`);
    expect(screen.getByTestId("add-secret")).toHaveValue(SECRET);
  });

  it("asks for a name and a token before calling the back end", async () => {
    const { backend, user } = setup();
    await openAddDialog(user);
    await user.click(screen.getByTestId("add-submit"));
    expect(screen.getByText("Give the token a name.")).toBeInTheDocument();
    expect(screen.getByTestId("add-name")).toHaveFocus();
    await user.type(screen.getByTestId("add-name"), "x");
    await user.click(screen.getByTestId("add-submit"));
    expect(screen.getByText("Paste the token.")).toBeInTheDocument();
    expect(backend.addToken).not.toHaveBeenCalled();
  });

  it("mentions the keychain when saving takes more than two seconds", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let finish!: (r: Result<TokenView, ErrorPayload>) => void;
    const pending = new Promise<Result<TokenView, ErrorPayload>>((r) => (finish = r));
    const fake = fakeBackend({ add: () => pending });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(App, { props: { backend: fake.backend } });
    await openAddDialog(user);
    await user.type(screen.getByTestId("add-name"), "Slow");
    await user.type(screen.getByTestId("add-secret"), SECRET);
    await user.click(screen.getByTestId("add-submit"));
    expect(screen.getByTestId("add-busy")).toHaveTextContent("Checking with GitHub and saving to the keychain…");
    expect(screen.queryByTestId("add-keychain-wait")).not.toBeInTheDocument();
    await vi.advanceTimersByTimeAsync(2100);
    expect(screen.getByTestId("add-keychain-wait")).toHaveTextContent("Waiting for the keychain…");
    finish({ status: "ok", data: token({ name: "Slow" }) });
    await waitFor(() => expect(screen.queryByTestId("add-dialog")).not.toBeInTheDocument());
  });

  it("closes on Escape and forgets what was typed", async () => {
    const { user } = setup();
    await openAddDialog(user);
    await user.type(screen.getByTestId("add-secret"), SECRET);
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("add-dialog")).not.toBeInTheDocument();
    expect(screen.getByTestId("add-token")).toHaveFocus();
    await openAddDialog(user);
    expect(screen.getByTestId("add-secret")).toHaveValue("");
  });
});

describe("forget", () => {
  it("asks for confirmation before forgetting", async () => {
    const { backend, user } = setup({ tokens: [token({ name: "Old", id: "t1" }), token({ name: "Keep" })] });
    const row = (await screen.findAllByTestId("token-row")).find((r) => r.textContent?.includes("Old"))!;
    await user.click(within(row).getByTestId("token-forget"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog).toHaveTextContent("Forget “Old”?");
    expect(backend.forgetToken).not.toHaveBeenCalled();

    await user.click(screen.getByTestId("confirm-cancel"));
    expect(screen.queryByTestId("confirm-dialog")).not.toBeInTheDocument();
    expect(backend.forgetToken).not.toHaveBeenCalled();

    await user.click(within(row).getByTestId("token-forget"));
    await user.click(screen.getByTestId("confirm-ok"));
    expect(backend.forgetToken).toHaveBeenCalledExactlyOnceWith("t1");
    await waitFor(() => expect(screen.getAllByTestId("token-row")).toHaveLength(1));
  });
});

describe("re-check and details", () => {
  it("re-checks a row", async () => {
    const { backend, user } = setup({ tokens: [token({ name: "A", id: "a" })] });
    await user.click(await screen.findByTestId("token-recheck"));
    expect(backend.recheckToken).toHaveBeenCalledWith("a");
    await waitFor(() => expect(screen.getByTestId("token-checked")).toHaveTextContent("checked just now"));
  });

  it("opens details on click; SSO opens the authorization page", async () => {
    const url = "https://github.com/orgs/acme/sso?authorization_request=X";
    const { backend, user } = setup({
      tokens: [
        token({
          name: "Acme",
          status: "sso_required",
          sso_url: url,
          scopes: ["repo", "admin:org"],
          error: problem("sso_required", "Authorize it on the SSO page."),
        }),
      ],
    });
    await user.click(within(await screen.findByTestId("token-row")).getByTitle("Show details of Acme"));
    const details = screen.getByTestId("token-details");
    expect(details).toHaveTextContent("Authorize it on the SSO page.");
    const tree = await within(details).findByTestId("grants-tree");
    expect([...tree.querySelectorAll('[data-included="false"]')].map((n) => n.getAttribute("data-scope"))).toEqual([
      "repo",
      "admin:org",
    ]);
    await user.click(within(details).getByTestId("details-sso"));
    // The web view names the page; Rust picks the URL and opens it.
    expect(backend.openPage).toHaveBeenCalledExactlyOnceWith("id-Acme", "sso");
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("token-details")).not.toBeInTheDocument();
  });

  it("offers Renew on an expired token: it opens the token's settings page through Rust", async () => {
    const { backend, user } = setup({ tokens: [token({ name: "Old", status: "expired", days_left: -2 })] });
    await user.click(within(await screen.findByTestId("token-row")).getByRole("button", { name: /^Old Classic/ }));
    expect(screen.getByTestId("details-days")).toHaveTextContent("expired 2 days ago");
    const renew = screen.getByTestId("details-renew");
    expect(renew).toBeEnabled();
    expect(renew).toHaveTextContent("Renew on GitHub");
    expect(screen.getByTestId("token-details")).not.toHaveTextContent(/wizard/i);
    await user.click(renew);
    expect(backend.openPage).toHaveBeenCalledExactlyOnceWith("id-Old", "settings");
  });
});

describe("keychain and language", () => {
  it("shows a banner when the keychain is unavailable, and retries", async () => {
    const { backend, setKeychain, user } = setup({
      keychain: problem("keychain_locked", "The system keychain is locked."),
    });
    const banner = await screen.findByTestId("keychain-banner");
    expect(banner).toHaveTextContent("The system keychain is locked.");
    setKeychain(null);
    await user.click(within(banner).getByTestId("keychain-retry"));
    await waitFor(() => expect(screen.queryByTestId("keychain-banner")).not.toBeInTheDocument());
    expect(backend.listTokens).toHaveBeenCalledTimes(2);
  });

  it("follows the app's language and switches it", async () => {
    const { backend, user } = setup({ lang: "fr" });
    expect(await screen.findByText("Ajouter un jeton existant")).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("fr");
    await user.selectOptions(screen.getByTestId("lang-switch"), "en");
    expect(backend.setLang).toHaveBeenCalledWith("en");
    expect(await screen.findByText("Add existing token")).toBeInTheDocument();
  });
});
