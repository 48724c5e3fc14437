// Each token state as the dashboard and the details tell it (issue 8, points 2, 3, 4,
// 5 and 9): revoked, expired, unreachable, never expiring; the attention filter;
// what the header's tooltips and the list's names do.

import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import App from "./App.svelte";
import { fakeBackend, ok, problem, token } from "./test/fakeBackend";
import { renderApp } from "./test/renderApp";

const setup = renderApp;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

const revoked = () =>
  token({
    name: "Leaked",
    status: "invalid",
    days_left: null,
    expires_at: "2027-06-01T10:00:00Z",
    error: problem("token_invalid", "GitHub rejects this token (bad credentials).", { field: "token" }),
  });
const expired = () => token({ name: "Old", status: "expired", days_left: -3, expires_at: "2026-03-12T10:00:00Z" });

describe("revoked and expired tokens", () => {
  it("a revoked token shows no days left, says it was revoked, and offers to create a new one", async () => {
    const { backend, user } = setup({ tokens: [revoked()] });
    const row = await screen.findByTestId("token-row");
    expect(within(row).getByTestId("token-days")).toHaveTextContent("no longer valid");
    expect(within(row).getByTestId("token-days")).not.toHaveTextContent(/days? left/);
    await user.click(within(row).getByTitle("Show details of Leaked"));
    const state = screen.getByTestId("details-state");
    expect(within(state).getByTestId("details-sentence")).toHaveTextContent(
      "GitHub refused this token although it was valid until 1 Jun 2027: it was revoked or deleted.",
    );
    expect(state).not.toHaveTextContent(/has expired|expired on/);
    const create = within(state).getByTestId("details-renew");
    expect(create).toHaveTextContent("Create a new one");
    expect(create).toHaveAttribute("title", "Opens this token’s settings on github.com");
    await user.click(create);
    expect(backend.openPage).toHaveBeenCalledExactlyOnceWith("id-Leaked", "settings");
  });

  it("an expired token says when it expired and offers Renew", async () => {
    const { user } = setup({ tokens: [expired()] });
    await user.click(within(await screen.findByTestId("token-row")).getByTitle("Show details of Old"));
    const state = screen.getByTestId("details-state");
    expect(state).toHaveTextContent("This token expired on 12 Mar 2026.");
    expect(within(state).getByTestId("details-renew")).toHaveTextContent("Renew on GitHub");
  });

  it.each([
    ["revoked", revoked],
    ["expired", expired],
  ])("forgetting a %s token does not warn that it stays valid on GitHub", async (_, make) => {
    const t = make();
    const { user } = setup({ tokens: [t] });
    await user.click(within(await screen.findByTestId("token-row")).getByTestId("token-forget"));
    const dialog = screen.getByTestId("confirm-dialog");
    expect(dialog).not.toHaveTextContent("stays valid");
    expect(dialog).toHaveTextContent("GitHub no longer accepts this token");
  });

  it("forgetting a valid token warns that it stays valid on GitHub", async () => {
    const { user } = setup({ tokens: [token({ name: "Fine" })] });
    await user.click(within(await screen.findByTestId("token-row")).getByTestId("token-forget"));
    expect(screen.getByTestId("confirm-dialog")).toHaveTextContent("stays valid on GitHub until it expires");
  });
});

describe("GitHub could not be reached", () => {
  const stale = () =>
    token({
      name: "Soon",
      status: "expiring",
      days_left: 1,
      unreachable: true,
      last_checked: hoursAgo(2),
      error: problem("network", "Could not reach https://api.github.com (connection refused).", { retryable: true }),
    });

  it("keeps the last known status and says since when, in the row and the details", async () => {
    const { user } = setup({ tokens: [stale()] });
    const row = await screen.findByTestId("token-row");
    expect(within(row).getByTestId("token-status")).toHaveTextContent("Expiring");
    expect(within(row).getByTestId("token-days")).toHaveTextContent("expires tomorrow");
    expect(within(row).getByTestId("token-unreachable")).toHaveTextContent("could not reach GitHub");
    expect(within(row).getByTestId("token-unreachable")).toHaveTextContent("last checked 2 h ago");
    expect(screen.getByTestId("summary")).toHaveTextContent("1 needs attention");
    await user.click(within(row).getByTitle("Show details of Soon"));
    // Beside the last known status, and why the latest attempt failed below.
    expect(screen.getByTestId("details-status")).toHaveTextContent("Expiring");
    expect(screen.getByTestId("details-unreachable")).toHaveTextContent("could not reach GitHub — last checked 2 h ago");
    expect(screen.getByTestId("details-unreachable-why")).toHaveTextContent("still stands");
    expect(screen.getByTestId("details-unreachable-why")).toHaveTextContent("connection refused");
    expect(screen.getByTestId("details-sentence")).toHaveTextContent("expires on");
  });

  it("re-check all says how many could not be checked", async () => {
    const fresh = token({ name: "Fine", days_left: 60 });
    const { user } = setup({
      tokens: [stale(), fresh],
      recheckAll: async (onProgress) => {
        onProgress({ done: 1, total: 2, token: stale() });
        return ok([stale(), fresh]);
      },
    });
    await screen.findAllByTestId("token-row");
    await user.click(screen.getByTestId("recheck-all"));
    expect(await screen.findByTestId("notice")).toHaveTextContent(
      "1 checked · 1 could not be checked · 1 needs attention",
    );
  });
});

describe("the dashboard", () => {
  it("gives a token with no expiry its own look and words", async () => {
    setup({ tokens: [token({ name: "Forever", days_left: null, expires_at: null, never_expires: true })] });
    const days = within(await screen.findByTestId("token-row")).getByTestId("token-days");
    expect(days).toHaveTextContent("no expiry");
    expect(days).toHaveClass("never");
    expect(days).not.toHaveClass("ok");
    expect(days).toHaveAttribute("title", "GitHub says this token never expires");
  });

  it("the attention count is a button that filters to those tokens; the filter has that choice", async () => {
    const { user } = setup({
      tokens: [
        token({ name: "Fine", days_left: 60 }),
        token({ name: "Soon", status: "expiring", days_left: 2 }),
        token({ name: "Gone", secret_missing: true, days_left: 60 }),
      ],
    });
    const button = within(await screen.findByTestId("summary")).getByRole("button", { name: "2 need attention" });
    await user.click(button);
    expect(screen.getAllByTestId("token-name").map((n) => n.textContent)).toEqual(["Soon", "Gone"]);
    expect(screen.getByTestId("filter-status")).toHaveValue("attention");
    expect(within(screen.getByTestId("filter-status")).getByRole("option", { name: "Needs attention (2)" })).toBeInTheDocument();
    expect(button).toHaveAttribute("aria-pressed", "true");
    await user.click(button);
    expect(screen.getAllByTestId("token-row")).toHaveLength(3);
    await user.selectOptions(screen.getByTestId("filter-status"), "attention");
    expect(screen.getAllByTestId("token-row")).toHaveLength(2);
  });

  it("a long name can be read: it is not cut and carries it whole as a tooltip", async () => {
    const long = "Deploy key for the monorepo release pipeline of the payments platform team (do not delete)";
    setup({ tokens: [token({ name: long })] });
    const name = within(await screen.findByTestId("token-row")).getByTestId("token-name");
    expect(name).toHaveTextContent(long);
    expect(name).toHaveAttribute("title", long);
  });

  it("the ⋯ button's tooltip is gone while its menu is open", async () => {
    const { user } = setup();
    const menu = await screen.findByTestId("menu");
    expect(menu).toHaveAttribute("title", "More actions");
    await user.click(menu);
    expect(screen.getByRole("menu")).toBeInTheDocument();
    expect(menu).not.toHaveAttribute("title");
    await user.keyboard("{Escape}");
    await waitFor(() => expect(menu).toHaveAttribute("title", "More actions"));
  });
});
