// The app with tokens found outside the keychain: the dashboard's banner, the list,
// check, import, and removing the plain-text line after a confirmation.

import { screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { token } from "./test/fakeBackend";
import { found } from "./test/fakeFound";
import { renderApp } from "./test/renderApp";

const GIT = found({ id: "git_credentials:/home/me/.git-credentials:2", line: 2 });
const ENV = found({ id: "env:GH_TOKEN", source: "env", location: "GH_TOKEN", line: null, user: null, removable: false });
const STORED = found({ id: "gh_keyring:gh:github.com:octocat", source: "gh_keyring", location: "gh:github.com", line: null, kind: "oauth", stored_as: "octocat · gh keyring", removable: false });
const imported = token({ name: "octocat · git-credentials", id: "id-imported" });

const itemOf = (id: string) => screen.getAllByTestId("found-item").find((i) => i.dataset.id === id)!;

describe("tokens found outside the keychain", () => {
  it("counts on the dashboard only the tokens Jeton does not hold", async () => {
    renderApp({ tokens: [token({ name: "Laptop" })], found: { items: [GIT, ENV, STORED] } });
    expect(await screen.findByTestId("found-title")).toHaveTextContent("2 tokens found outside the keychain");
  });

  it("shows no banner when nothing is outside the keychain", async () => {
    const { backend } = renderApp({ tokens: [token({ name: "Laptop" })], found: { items: [STORED] } });
    await screen.findAllByTestId("token-row");
    await waitFor(() => expect(backend.discoverTokens).toHaveBeenCalled());
    expect(screen.queryByTestId("found-banner")).toBeNull();
  });

  it("checks without storing, imports, then removes the line after saying a backup is written", async () => {
    const { backend, user } = renderApp({
      tokens: [token({ name: "Laptop" })],
      found: { items: [GIT, ENV, STORED], tokens: { [GIT.id]: imported } },
    });
    await user.click(await screen.findByTestId("found-review"));
    const dialog = screen.getByTestId("found-dialog");
    expect(within(dialog).getAllByTestId("found-item")).toHaveLength(3);
    expect(itemOf(STORED.id)).toHaveTextContent("Kept by gh in the keychain");
    expect(itemOf(ENV.id)).toHaveTextContent("Environment");

    await user.click(within(itemOf(GIT.id)).getByTestId("found-check"));
    expect(await within(itemOf(GIT.id)).findByTestId("found-checked")).toHaveTextContent("GitHub says: Valid @octocat");
    expect(backend.checkFound).toHaveBeenCalledWith(GIT.id);
    expect(screen.getAllByTestId("token-row")).toHaveLength(1);

    await user.click(within(itemOf(GIT.id)).getByTestId("found-import"));
    expect(await within(itemOf(GIT.id)).findByTestId("found-stored")).toHaveTextContent("In Jeton as “octocat · git-credentials”");
    await waitFor(() => expect(screen.getByTestId("found-title")).toHaveTextContent("1 token found outside the keychain"));

    await user.click(within(itemOf(GIT.id)).getByTestId("found-remove"));
    expect(backend.removeFound).not.toHaveBeenCalled();
    expect(within(itemOf(GIT.id)).getByTestId("found-remove-text")).toHaveTextContent(
      "Jeton first writes a backup of /home/me/.git-credentials beside it (readable by you alone), then removes only line 2.",
    );
    await user.click(within(itemOf(GIT.id)).getByTestId("found-remove-yes"));
    expect(await within(dialog).findByTestId("found-removed")).toHaveTextContent(
      "Removed line 2 of /home/me/.git-credentials. The file as it was is in /home/me/.git-credentials.jeton-backup-",
    );
    expect(backend.removeFound).toHaveBeenCalledWith(GIT.id);
    expect(within(dialog).getAllByTestId("found-item")).toHaveLength(2);
  });

  it("says what Rust said when a finding changed meanwhile", async () => {
    const { user } = renderApp({ tokens: [token({ name: "Laptop" })], found: { items: [GIT] } });
    await user.click(await screen.findByTestId("found-review"));
    await user.click(within(itemOf(GIT.id)).getByTestId("found-import"));
    const error = await within(itemOf(GIT.id)).findByTestId("found-error");
    expect(error).toHaveAttribute("data-code", "found_changed");
    expect(error).toHaveTextContent("no longer where Jeton found it");
  });

  it("speaks French", async () => {
    const { user } = renderApp({ lang: "fr", tokens: [token({ name: "Laptop" })], found: { items: [GIT, ENV] } });
    expect(await screen.findByTestId("found-title")).toHaveTextContent("2 jetons trouvés hors du trousseau");
    await user.click(screen.getByTestId("found-review"));
    expect(itemOf(GIT.id)).toHaveTextContent("identifiants git");
    expect(within(itemOf(GIT.id)).getByTestId("found-import")).toHaveTextContent("Importer");
  });
});
