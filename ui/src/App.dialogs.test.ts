// The add dialog's errors, providing a missing secret, the language choice, and what a
// modal does to the page behind it (issue 8, points 4, 6, 7 and 8).

import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import App from "./App.svelte";
import { fakeBackend, problem, token } from "./test/fakeBackend";
import { renderApp } from "./test/renderApp";

const SECRET = "ghp_" + "x".repeat(36);

const setup = renderApp;

async function fillAdd(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByTestId("add-token"));
  await user.type(screen.getByTestId("add-name"), name);
  await user.type(screen.getByTestId("add-secret"), SECRET);
  await user.click(screen.getByTestId("add-submit"));
}

describe("the add dialog's errors", () => {
  it("drops a validation message as soon as the field is corrected", async () => {
    const { user } = setup();
    await user.click(await screen.findByTestId("add-token"));
    await user.click(screen.getByTestId("add-submit"));
    expect(screen.getByTestId("add-name-error")).toHaveTextContent("Give the token a name.");
    await user.type(screen.getByTestId("add-name"), "L");
    expect(screen.queryByTestId("add-name-error")).not.toBeInTheDocument();
    expect(screen.getByTestId("add-name")).toHaveAttribute("aria-invalid", "false");

    await user.click(screen.getByTestId("add-submit"));
    expect(screen.getByTestId("add-secret-error")).toHaveTextContent("Paste the token.");
    await user.type(screen.getByTestId("add-secret"), "g");
    expect(screen.queryByTestId("add-secret-error")).not.toBeInTheDocument();
  });

  it("shows a taken name at the Name field, keeps the pasted token, and clears the message once the name changes", async () => {
    const error = problem("name_taken", "A token is already named “Laptop”. Choose another name.", { field: "name" });
    const { backend, user } = setup({ add: async () => ({ status: "error", error }) });
    await fillAdd(user, "Laptop");
    const at = await screen.findByTestId("add-name-error");
    expect(at).toHaveTextContent("already named “Laptop”");
    expect(screen.queryByTestId("add-error")).not.toBeInTheDocument();
    expect(screen.getByTestId("add-name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("add-name")).toHaveFocus();
    // The error was about the name: the token need not be pasted again.
    expect(screen.getByTestId("add-secret")).toHaveValue(SECRET);

    await user.type(screen.getByTestId("add-name"), " 2");
    expect(screen.queryByTestId("add-name-error")).not.toBeInTheDocument();
    backend.addToken.mockImplementationOnce(async (name) => ({ status: "ok", data: token({ name }) }));
    await user.click(screen.getByTestId("add-submit"));
    await waitFor(() => expect(backend.addToken).toHaveBeenLastCalledWith("Laptop 2", null, SECRET));
  });

  it("shows a secret already stored under another name at the token field", async () => {
    const error = problem("token_duplicate", "This token is already in Jeton as “Work”.", { field: "token" });
    const { user } = setup({ add: async () => ({ status: "error", error }) });
    await fillAdd(user, "Laptop");
    expect(await screen.findByTestId("add-secret-error")).toHaveTextContent("already in Jeton as “Work”");
    expect(screen.getByTestId("add-secret-error")).toHaveAttribute("data-code", "token_duplicate");
    expect(screen.queryByTestId("add-error")).not.toBeInTheDocument();
    expect(screen.queryByTestId("add-name-error")).not.toBeInTheDocument();
    expect(screen.getByTestId("add-secret")).toHaveFocus();
  });

  it("keeps an error about no field in the dialog's note, next to its buttons", async () => {
    const error = problem("metadata_read_only", "Jeton's data is read-only. No change is saved.");
    const { user } = setup({ add: async () => ({ status: "error", error }) });
    await fillAdd(user, "Laptop");
    const note = await screen.findByTestId("add-error");
    expect(note).toHaveTextContent("read-only");
    // The note and the buttons share the part of the dialog that stays in view.
    expect(note.closest(".dialog-end")).toContainElement(screen.getByTestId("add-submit"));
  });
});

describe("a missing secret", () => {
  const gone = () => token({ name: "Gone", id: "g", login: "octocat", secret_missing: true });

  it("is provided from the details: Rust checks it, the row turns back to what GitHub said", async () => {
    const { backend, user } = setup({ tokens: [gone()] });
    await user.click(within(await screen.findByTestId("token-row")).getByTitle("Show details of Gone"));
    await user.click(screen.getByTestId("details-provide"));
    const dialog = screen.getByTestId("provide-dialog");
    expect(dialog).toHaveTextContent("Provide the secret of “Gone”");
    expect(screen.getByTestId("provide-owner")).toHaveTextContent("@octocat on github.com");
    expect(screen.getByTestId("provide-secret")).toHaveFocus();
    expect(screen.getByTestId("provide-secret")).toHaveAttribute("type", "password");
    await user.paste(SECRET);
    await user.click(screen.getByTestId("provide-submit"));
    await waitFor(() => expect(screen.queryByTestId("provide-dialog")).not.toBeInTheDocument());
    expect(backend.provideSecret).toHaveBeenCalledExactlyOnceWith("g", SECRET);
    expect(within(screen.getByTestId("token-row")).getByTestId("token-status")).toHaveTextContent("Valid");
    expect(await screen.findByTestId("notice")).toHaveTextContent("The secret of “Gone” is back in your keychain.");
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it("shows why a pasted token is refused at its field, and clears it", async () => {
    const error = problem("token_mismatch", "This token belongs to hubot on github.com, not octocat on github.com.", {
      field: "token",
    });
    const { user } = setup({ tokens: [gone()], provide: async () => ({ status: "error", error }) });
    await user.click(within(await screen.findByTestId("token-row")).getByTitle("Show details of Gone"));
    await user.click(screen.getByTestId("details-provide"));
    await user.paste(SECRET);
    await user.click(screen.getByTestId("provide-submit"));
    expect(await screen.findByTestId("provide-error")).toHaveTextContent("belongs to hubot");
    expect(screen.getByTestId("provide-secret")).toHaveValue("");
    expect(screen.getByTestId("provide-dialog")).toBeInTheDocument();
  });
});

describe("the language choice", () => {
  it("offers System, English and French, and remembers System through set_lang", async () => {
    const { backend, user } = setup({ lang: "fr" });
    const select = await screen.findByTestId("lang-switch");
    await screen.findByText("Ajouter un jeton existant");
    expect(select).toHaveValue("fr");
    expect([...select.querySelectorAll("option")].map((o) => o.value)).toEqual(["system", "en", "fr"]);
    await user.selectOptions(select, "system");
    expect(backend.setLang).toHaveBeenCalledExactlyOnceWith("system");
    // The fake system speaks English: "System" now names it.
    expect(await screen.findByText("Add existing token")).toBeInTheDocument();
    expect(select).toHaveValue("system");
    expect(within(select).getByRole("option", { name: "System (EN)" })).toBeInTheDocument();
  });
});

describe("a modal and the page behind it", () => {
  it("locks the page's scrolling while a dialog or the details are open", async () => {
    const { user } = setup({ tokens: [token({ name: "A" })] });
    await screen.findByTestId("token-row");
    const html = document.documentElement;
    expect(html).not.toHaveClass("modal-open");
    await user.click(screen.getByTestId("add-token"));
    expect(html).toHaveClass("modal-open");
    await user.keyboard("{Escape}");
    expect(html).not.toHaveClass("modal-open");
    await user.click(within(screen.getByTestId("token-row")).getByTitle("Show details of A"));
    expect(html).toHaveClass("modal-open");
    await user.click(screen.getByTestId("details-forget"));
    expect(html).toHaveClass("modal-open");
    await user.click(screen.getByTestId("confirm-cancel"));
    // The drawer is still open beneath the confirmation: still locked.
    expect(html).toHaveClass("modal-open");
    await user.keyboard("{Escape}");
    expect(html).not.toHaveClass("modal-open");
  });
});
