// The token creation wizard, step by step, on the fake back end: choices become the
// request Rust gets, bad input stops with what to do, the clipboard's token never
// crosses (Rust reads it), and a renewal starts pre-filled and offers to revoke or forget the old.

import { screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Creation } from "../../backend";
import { problem, token } from "../../../test/fakeBackend";
import { renderApp } from "../../../test/renderApp";

type Setup = ReturnType<typeof renderApp>;

async function openWizard(s: Setup) {
  await s.user.click(await screen.findByTestId("create-token"));
  await screen.findByTestId("wizard");
}

/** Through the first three steps with a name and the clone-and-push preset. */
async function toReview(s: Setup, name = "deploy") {
  await openWizard(s);
  await s.user.click(await screen.findByRole("button", { name: /Clone and push/ }));
  await s.user.click(screen.getByTestId("wizard-next"));
  const field = screen.getByTestId("wizard-name");
  await s.user.clear(field);
  await s.user.type(field, name);
  await s.user.click(screen.getByTestId("wizard-next"));
  await screen.findByTestId("wizard-permissions");
}

const lastCreation = (f: { mock: { calls: unknown[][] } }) => f.mock.calls.at(-1)![0] as Creation;

/** Renews "laptop" from its details, pre-filled from its recorded request, to the done step. */
async function renewToDone(): Promise<Setup> {
  const old = token({ name: "laptop", id: "old-id", login: "octocat", kind: "classic", status: "expiring", days_left: 3 });
  const renewal: Creation = {
    host: "https://github.com",
    account: "octocat",
    request: { kind: "classic", note: "laptop (2026-12-01)", scopes: ["repo"] },
    expires: { days: 90 },
    renews: "old-id",
  };
  const s = renderApp({ tokens: [old], creation: { renewal } });
  await s.user.click(await screen.findByTestId("token-name"));
  await s.user.click(await screen.findByTestId("details-renew-wizard"));
  const name = await screen.findByTestId("wizard-name");
  expect(name).toHaveValue("laptop (2026-12-01)");
  expect(screen.getByTestId("wizard-expiry-90")).toBeChecked();
  expect(s.backend.renewal).toHaveBeenCalledWith("old-id");
  await s.user.click(screen.getByTestId("wizard-next"));
  await waitFor(() => expect(screen.getByTestId("wizard-scopes")).toHaveTextContent("repo"));
  await s.user.click(screen.getByTestId("wizard-next"));
  await s.user.click(await screen.findByTestId("wizard-next"));
  await s.user.type(await screen.findByTestId("wizard-paste"), "ghp_new");
  await s.user.click(screen.getByTestId("wizard-finish"));
  expect(lastCreation(s.backend.finishCreation).renews).toBe("old-id");
  return s;
}

describe("the creation wizard", () => {
  it("recommends fine-grained tokens and says why", async () => {
    const s = renderApp();
    await openWizard(s);
    const fine = screen.getByTestId("wizard-kind-fine");
    expect(fine).toBeChecked();
    expect(fine.closest("label")).toHaveTextContent(/recommended.*repositories and permissions you choose/);
  });

  it("turns the choices into the request Rust checks, shows the checklist, and opens GitHub through Rust", async () => {
    const s = renderApp({ tokens: [token({ name: "kept", login: "octocat" })] });
    await toReview(s);
    // The preset filled contents: write; a search finds pull requests to add.
    await s.user.type(screen.getByTestId("wizard-search"), "pull");
    const rows = screen.getAllByTestId("wizard-level");
    expect(rows.map((r) => r.dataset.key)).toEqual(["contents", "pull_requests"]);
    await s.user.selectOptions(rows[1], "read");
    await s.user.click(screen.getByTestId("wizard-next"));
    await screen.findByTestId("wizard-checklist");
    const asked = lastCreation(s.backend.creationPage);
    expect(asked.account).toBe("octocat");
    expect(asked.expires).toEqual({ days: 30 });
    expect(asked.request).toMatchObject({ kind: "fine_grained", name: "deploy", permissions: { contents: "write", pull_requests: "read" } });

    await s.user.click(screen.getByTestId("wizard-next"));
    await screen.findByTestId("wizard-watch");
    expect(s.backend.openCreationPage).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("wizard-watch")).toHaveTextContent(/Watching the clipboard/);
    expect(s.backend.watchClipboard).toHaveBeenCalledWith("fine_grained", expect.any(Function));
  });

  it("finishes from the clipboard when Rust says a token is there, without the token crossing", async () => {
    const s = renderApp();
    await toReview(s);
    await s.user.click(screen.getByTestId("wizard-next"));
    await s.user.click(await screen.findByTestId("wizard-next"));
    await screen.findByTestId("wizard-watch");
    s.tellWatch("found");
    expect(await screen.findByTestId("wizard-done")).toHaveTextContent("“deploy” is checked and in your keychain.");
    expect(s.backend.finishCreationFromClipboard).toHaveBeenCalledTimes(1);
    expect(s.backend.finishCreation).not.toHaveBeenCalled();
  });

  it("can stop watching, and says so", async () => {
    const s = renderApp();
    await toReview(s);
    await s.user.click(screen.getByTestId("wizard-next"));
    await s.user.click(await screen.findByTestId("wizard-next"));
    await s.user.click(await screen.findByTestId("wizard-stop-watch"));
    expect(s.backend.stopClipboardWatch).toHaveBeenCalled();
    expect(screen.getByTestId("wizard-watch")).toHaveTextContent("Jeton is not watching the clipboard.");
  });

  it("stops watching when the user goes back from the waiting step", async () => {
    const s = renderApp();
    await toReview(s);
    await s.user.click(screen.getByTestId("wizard-next"));
    await s.user.click(await screen.findByTestId("wizard-next"));
    await screen.findByTestId("wizard-watch");
    await s.user.click(screen.getByTestId("wizard-back"));
    expect(s.backend.stopClipboardWatch).toHaveBeenCalledTimes(1);
    expect(await screen.findByTestId("wizard-checklist")).toBeInTheDocument();
  });

  it("stops at a name over 40 characters and an expiry date out of range, saying what to do", async () => {
    const s = renderApp();
    await openWizard(s);
    await s.user.click(screen.getByTestId("wizard-next"));
    await s.user.type(screen.getByTestId("wizard-name"), "x".repeat(41));
    await s.user.click(screen.getByTestId("wizard-next"));
    expect(screen.getByTestId("wizard-name-error")).toHaveTextContent("at most 40 characters");
    await s.user.clear(screen.getByTestId("wizard-name"));
    await s.user.type(screen.getByTestId("wizard-name"), "ok");
    await s.user.click(screen.getByTestId("wizard-expiry-date"));
    await s.user.type(screen.getByTestId("wizard-date"), "2000-01-01");
    await s.user.click(screen.getByTestId("wizard-next"));
    expect(screen.getByTestId("wizard-expiry-error")).toHaveTextContent("from tomorrow to 366 days");
    expect(screen.queryByTestId("wizard-permissions")).not.toBeInTheDocument();
  });

  it("shows Rust's refusal (an unknown owner) and stays on the step", async () => {
    const refused = problem("request_owner_unknown", "“nobody” is neither this account nor one of its organizations.");
    const s = renderApp({ creation: { page: () => ({ status: "error", error: refused }) } });
    await toReview(s);
    await s.user.type(screen.getByTestId("wizard-owner"), "nobody");
    await s.user.click(screen.getByTestId("wizard-next"));
    expect(await screen.findByTestId("wizard-error")).toHaveAttribute("data-code", "request_owner_unknown");
    expect(screen.getByTestId("wizard-permissions")).toBeInTheDocument();
  });

  it("says so when no browser opens, and stays where the link is shown", async () => {
    const error = problem("browser_unavailable", "No web browser could be opened. Copy the link below.");
    const s = renderApp({ creation: { open: () => ({ status: "error", error }) } });
    await toReview(s);
    await s.user.click(screen.getByTestId("wizard-next"));
    await s.user.click(await screen.findByTestId("wizard-next"));
    expect(await screen.findByTestId("wizard-error")).toHaveTextContent("No web browser");
    expect(screen.getByTestId("wizard-url")).toBeInTheDocument();
    expect(s.backend.watchClipboard).not.toHaveBeenCalled();
  });

  it("refuses a pasted token of the wrong kind or an empty clipboard with Rust's sentence, clearing the paste", async () => {
    const wrong = problem("token_wrong_kind", "This is a classic token, but Jeton asked GitHub for a fine-grained token.");
    const empty = problem("clipboard_empty", "The clipboard holds no text.");
    const s = renderApp({
      creation: { finish: (_c, t) => ({ status: "error", error: t === null ? empty : wrong }) },
    });
    await toReview(s);
    await s.user.click(screen.getByTestId("wizard-next"));
    await s.user.click(await screen.findByTestId("wizard-next"));
    await s.user.click(await screen.findByTestId("wizard-read-clipboard"));
    expect(await screen.findByTestId("wizard-error")).toHaveAttribute("data-code", "clipboard_empty");
    await s.user.type(screen.getByTestId("wizard-paste"), "ghp_abc");
    await s.user.click(screen.getByTestId("wizard-finish"));
    await waitFor(() => expect(screen.getByTestId("wizard-error")).toHaveAttribute("data-code", "token_wrong_kind"));
    expect(screen.getByTestId("wizard-paste")).toHaveValue("");
    expect(screen.queryByTestId("wizard-done")).not.toBeInTheDocument();
  });

  it("renews pre-filled from the recorded request, then offers to forget the old token", async () => {
    const s = await renewToDone();
    await s.user.click(await screen.findByTestId("wizard-forget-old"));
    const confirm = await screen.findByRole("alertdialog").catch(() => screen.findByRole("dialog"));
    expect(within(confirm).getByText(/laptop/)).toBeInTheDocument();
  });

  it("after a renewal, offers to revoke the old token at GitHub", async () => {
    const s = await renewToDone();
    await s.user.click(await screen.findByTestId("wizard-revoke-old"));
    const dialog = await screen.findByTestId("revoke-dialog");
    await waitFor(() => expect(dialog).toHaveTextContent("cannot be undone"));
    expect(dialog).toHaveTextContent("Revoke “laptop”?");
    await s.user.click(screen.getByTestId("revoke-ok"));
    expect(s.backend.revokeToken).toHaveBeenCalledExactlyOnceWith("old-id");
  });

  it("is in French when the app is", async () => {
    const s = renderApp({ lang: "fr" });
    await openWizard(s);
    expect(screen.getByTestId("wizard-kind-fine").closest("label")).toHaveTextContent("recommandé");
    expect(screen.getByRole("heading", { name: "Créer un jeton sur GitHub" })).toBeInTheDocument();
  });
});
