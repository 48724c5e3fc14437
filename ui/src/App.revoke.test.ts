// Revoking from the row and the details (RevokeDialog, lib/revoke.svelte.ts) on the fake
// back end, whose route follows core's rule (generated doubles): github.com asks first
// and says it cannot be undone and that GitHub emails the owner; an Enterprise host
// opens its settings page through Rust and forgets only once the user says so; an
// error keeps the token and says why.

import { screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { err, problem, token } from "./test/fakeBackend";
import { renderApp } from "./test/renderApp";

const rowOf = async (name: string) =>
  (await screen.findAllByTestId("token-row")).find((r) => r.textContent?.includes(name))!;

describe("revoke", () => {
  it("asks first, says it cannot be undone and that GitHub emails the owner, then revokes and forgets", async () => {
    const { backend, user } = renderApp({ tokens: [token({ name: "Leaked", id: "t1", login: "mona" }), token({ name: "Keep" })] });
    await user.click(within(await rowOf("Leaked")).getByTestId("token-revoke"));
    const dialog = await screen.findByTestId("revoke-dialog");
    await waitFor(() => expect(within(dialog).getByTestId("revoke-text")).toHaveTextContent("cannot be undone"));
    expect(dialog).toHaveTextContent("Revoke “Leaked”?");
    expect(dialog).toHaveTextContent("GitHub emails the token’s owner (@mona)");
    await user.click(screen.getByTestId("revoke-cancel"));
    expect(screen.queryByTestId("revoke-dialog")).not.toBeInTheDocument();
    expect(backend.revokeToken).not.toHaveBeenCalled();

    await user.click(within(await rowOf("Leaked")).getByTestId("token-revoke"));
    await user.click(await screen.findByTestId("revoke-ok"));
    expect(backend.revokeToken).toHaveBeenCalledExactlyOnceWith("t1");
    await waitFor(() => expect(screen.getAllByTestId("token-row")).toHaveLength(1));
    expect(screen.queryByTestId("revoke-dialog")).not.toBeInTheDocument();
    expect(await screen.findByRole("status")).toHaveTextContent("“Leaked” was revoked at GitHub and forgotten.");
    expect(backend.forgetToken).not.toHaveBeenCalled();
  });

  it("keeps the token and shows Rust's sentence when revoking fails", async () => {
    const down = problem("network", "Could not reach api.github.com (timed out). Check your connection, then try again.");
    const { backend, user } = renderApp({ tokens: [token({ name: "Laptop", id: "t1" })], revoke: async () => err(down) });
    await user.click(within(await rowOf("Laptop")).getByTestId("token-revoke"));
    await user.click(await screen.findByTestId("revoke-ok"));
    const error = await screen.findByTestId("revoke-error");
    expect(error).toHaveTextContent("Could not reach api.github.com");
    expect(error.dataset.code).toBe("network");
    expect(backend.revokeToken).toHaveBeenCalledOnce();
    expect(screen.getByTestId("revoke-dialog")).toBeInTheDocument();
    expect(screen.getAllByTestId("token-row")).toHaveLength(1);
  });

  it("on an Enterprise host, opens its settings page through Rust and forgets once the user says it is deleted", async () => {
    const ghes = token({ name: "Work", id: "g1", host: "https://ghe.example.com", settings_url: "https://ghe.example.com/settings/tokens" });
    const { backend, user } = renderApp({ tokens: [ghes] });
    await user.click(await screen.findByTestId("token-name"));
    await user.click(await screen.findByTestId("details-revoke"));
    const dialog = await screen.findByTestId("revoke-dialog");
    await waitFor(() => expect(dialog).toHaveTextContent("ghe.example.com offers no way for Jeton to revoke a token"));
    expect(screen.queryByTestId("revoke-ok")).not.toBeInTheDocument();
    await user.click(screen.getByTestId("revoke-open-page"));
    expect(backend.openPage).toHaveBeenCalledExactlyOnceWith("g1", "settings");
    expect(backend.revokeToken).not.toHaveBeenCalled();
    expect(await screen.findByTestId("revoke-text")).toHaveTextContent("Once you have deleted the token there");
    expect(backend.forgetToken).not.toHaveBeenCalled();
    await user.click(screen.getByTestId("revoke-forget"));
    expect(backend.forgetToken).toHaveBeenCalledExactlyOnceWith("g1");
    await waitFor(() => expect(screen.queryByTestId("token-row")).not.toBeInTheDocument());
  });

  it("speaks French", async () => {
    const { user } = renderApp({ lang: "fr", tokens: [token({ name: "Portable", id: "t1" })] });
    await user.click(await screen.findByTestId("token-revoke"));
    await waitFor(() => expect(screen.getByTestId("revoke-text")).toHaveTextContent("irréversible"));
    expect(screen.getByTestId("revoke-text")).toHaveTextContent("par courriel");
    expect(screen.getByTestId("revoke-ok")).toHaveTextContent("Révoquer");
  });
});
