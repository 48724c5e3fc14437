// GitHub Apps on the fake back end: the screen from the ⋯ menu and its empty state, an
// app added by its pasted key or a .pem Rust reads, bad input stopping with Rust's
// sentence and nothing stored, an installation's permissions in plain words, and a
// minted token landing in the dashboard with its minute countdown, copyable.

import { screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { appRecord, installation } from "./test/fakeApps";
import { token } from "./test/fakeBackend";
import { renderApp } from "./test/renderApp";

const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----";
type Setup = ReturnType<typeof renderApp>;

async function openApps(s: Setup) {
  await s.user.click(await screen.findByTestId("menu"));
  await s.user.click(await screen.findByTestId("menu-apps"));
  return screen.findByTestId("apps-dialog");
}

async function fillAdd(s: Setup, clientId: string, key: string | null) {
  await s.user.click(await screen.findByTestId("apps-add"));
  const dialog = await screen.findByTestId("app-add-dialog");
  await s.user.type(within(dialog).getByTestId("app-add-client"), clientId);
  if (key !== null) {
    await s.user.click(within(dialog).getByTestId("app-add-key"));
    await s.user.paste(key);
  }
  return dialog;
}

describe("the apps screen", () => {
  it("explains what an app's token is for while there is no app", async () => {
    const s = renderApp({ tokens: [token({ name: "laptop" })] });
    const dialog = await openApps(s);
    expect(await within(dialog).findByTestId("apps-empty")).toHaveTextContent(/lasts one hour/);
    expect(s.backend.listApps).toHaveBeenCalled();
  });

  it("adds an app with its pasted key, then shows its installation in plain words", async () => {
    const s = renderApp({ tokens: [token({ name: "laptop" })] });
    await openApps(s);
    const dialog = await fillAdd(s, "Iv23liDeploy", PEM);
    await s.user.click(within(dialog).getByTestId("app-add-submit"));
    await waitFor(() => expect(screen.queryByTestId("app-add-dialog")).toBeNull());
    expect(s.backend.addApp).toHaveBeenCalledWith("Iv23liDeploy", null, PEM);
    const card = await screen.findByTestId("app-card");
    expect(card).toHaveTextContent("Deploy bot");
    const inst = within(card).getByTestId("installation");
    expect(inst).toHaveTextContent("acme");
    expect(inst).toHaveTextContent("Selected repositories");
    expect(within(inst).getByTestId("installation-permissions")).toHaveTextContent("Contents: Read and write");
    expect(await screen.findByText("“Deploy bot” added: 1 installation")).toBeInTheDocument();
  });

  it("stops at a key that is not PEM with Rust's sentence, stores nothing and drops the key", async () => {
    const s = renderApp();
    await openApps(s);
    const dialog = await fillAdd(s, "Iv23liDeploy", "ghp_not_a_key");
    await s.user.click(within(dialog).getByTestId("app-add-submit"));
    const error = await within(dialog).findByTestId("app-add-error");
    expect(error).toHaveAttribute("data-code", "app_key_invalid");
    expect(within(dialog).getByTestId("app-add-key")).toHaveValue("");
    expect(s.apps.apps).toEqual([]);
  });

  it("says the key is another app's when GitHub refuses it", async () => {
    const s = renderApp();
    await openApps(s);
    const dialog = await fillAdd(s, "Iv23liOther", PEM);
    await s.user.click(within(dialog).getByTestId("app-add-submit"));
    expect(await within(dialog).findByTestId("app-add-error")).toHaveAttribute("data-code", "app_key_rejected");
    expect(s.apps.apps).toEqual([]);
  });

  it("says a client ID with a typo is not one, before anything is sent", async () => {
    const s = renderApp();
    await openApps(s);
    const dialog = await fillAdd(s, "Iv23 li", PEM);
    await s.user.click(within(dialog).getByTestId("app-add-submit"));
    const error = await within(dialog).findByTestId("app-add-error");
    expect(error).toHaveAttribute("data-code", "app_client_id_invalid");
    expect(error).toHaveTextContent("not a client ID or an app ID");
    expect(within(dialog).getByTestId("app-add-key")).not.toHaveValue("");
    expect(s.apps.apps).toEqual([]);
  });

  it("asks Rust to pick and read the .pem: the key never passes through the window", async () => {
    const s = renderApp({ apps: { picked: PEM } });
    await openApps(s);
    const dialog = await fillAdd(s, "Iv23liDeploy", null);
    await s.user.click(within(dialog).getByTestId("app-add-choose"));
    await screen.findByTestId("app-card");
    expect(s.backend.addAppFromFile).toHaveBeenCalledWith("Iv23liDeploy", null);
    expect(s.apps.keysSent).toEqual([]);
  });

  it("needs the client ID and a key before asking Rust", async () => {
    const s = renderApp();
    await openApps(s);
    await s.user.click(await screen.findByTestId("apps-add"));
    await s.user.click(screen.getByTestId("app-add-submit"));
    expect(screen.getByTestId("app-add-client-error")).toHaveTextContent("client ID");
    await s.user.type(screen.getByTestId("app-add-client"), "Iv23liDeploy");
    await s.user.click(screen.getByTestId("app-add-submit"));
    expect(screen.getByTestId("app-add-key-error")).toHaveTextContent("Paste the private key");
    expect(s.backend.addApp).not.toHaveBeenCalled();
  });

  it("removes an app after asking", async () => {
    const s = renderApp({ apps: { apps: [appRecord()] } });
    await openApps(s);
    await s.user.click(await screen.findByTestId("app-forget"));
    await s.user.click(await screen.findByTestId("confirm-ok"));
    await waitFor(() => expect(screen.queryByTestId("app-card")).toBeNull());
    expect(s.backend.forgetApp).toHaveBeenCalledWith("app-1");
  });
});

describe("minting a token", () => {
  const repos = [
    { full_name: "acme/api", owner: "acme", private: true },
    { full_name: "acme/web", owner: "acme", private: false },
  ];

  async function openMint(s: Setup) {
    await openApps(s);
    await s.user.click(await screen.findByTestId("installation-mint"));
    return screen.findByTestId("mint-dialog");
  }

  it("offers the installation's permissions capped at its levels, and a chosen repository", async () => {
    const s = renderApp({ apps: { apps: [appRecord()], repos } });
    const dialog = await openMint(s);
    const prs = dialog.querySelector('[data-testid="mint-level"][data-key="pull_requests"]')!;
    expect([...prs.querySelectorAll("option")].map((o) => o.textContent)).toEqual(["Read-only"]);
    expect(dialog.querySelector('[data-key="members"]')).toBeNull();

    await s.user.click(within(dialog).getByTestId("mint-repos-some"));
    await s.user.click(await within(dialog).findByRole("checkbox", { name: /acme\/api/ }));
    await s.user.click(dialog.querySelector<HTMLElement>('[data-testid="mint-perm"][data-key="contents"]')!);
    await s.user.click(within(dialog).getByTestId("mint-submit"));

    await waitFor(() => expect(screen.queryByTestId("apps-dialog")).toBeNull());
    expect(s.backend.mintToken).toHaveBeenCalledWith({ installation: 7, repositories: ["acme/api"], permissions: { contents: "read" }, pinned: false });
    const row = await waitFor(() => {
      const found = screen.getAllByTestId("token-row").find((r) => r.textContent?.includes("Deploy bot for acme"));
      expect(found).toBeDefined();
      return found!;
    });
    expect(within(row).getByText(/^(60|59) min left$/)).toBeInTheDocument();
    expect(await screen.findByText("“Deploy bot for acme” minted: it expires in one hour")).toBeInTheDocument();
    await s.user.click(within(row).getByTestId("token-copy"));
    expect(s.prefs.copied).toEqual(["minted-7"]);
  });

  it("asks for a permission before minting, and shows Rust's refusal", async () => {
    const s = renderApp({ apps: { apps: [appRecord({ installations: [installation({ permissions: { contents: "read" } })] })] } });
    const dialog = await openMint(s);
    await s.user.click(within(dialog).getByTestId("mint-submit"));
    expect(within(dialog).getByTestId("mint-problem")).toHaveTextContent("Choose at least one permission");
    expect(s.backend.mintToken).not.toHaveBeenCalled();
  });

  it("speaks French", async () => {
    const s = renderApp({ lang: "fr", apps: { apps: [appRecord()] } });
    const dialog = await openApps(s);
    expect(await within(dialog).findByTestId("installation-permissions")).toHaveTextContent("Contents : Lecture et écriture");
    await s.user.click(within(dialog).getByTestId("installation-mint"));
    expect(await screen.findByTestId("mint-dialog")).toHaveTextContent("Le jeton dure une heure");
  });
});
