// Flows: tokens found outside the keychain (git's credential store, gh's hosts.yml and
// keyring, the environment): the dashboard's banner, the list, check, import, and the
// plain-text line removed after a confirmation that says a backup is written first.

import { check, expectText, flow, mock, shot } from "./harness.mjs";

const HOME = "/home/ada";
const FOUND = [
  { id: `git_credentials:${HOME}/.git-credentials:2`, source: "git_credentials", location: `${HOME}/.git-credentials`, line: 2, host: "https://github.com", user: "ada", kind: "classic", stored_as: null, removable: true },
  { id: `git_credentials:${HOME}/.git-credentials:4`, source: "git_credentials", location: `${HOME}/.git-credentials`, line: 4, host: "https://ghe.example.com", user: "ada-corp", kind: "fine_grained", stored_as: null, removable: true },
  { id: `gh_keyring:gh:github.com:ada`, source: "gh_keyring", location: "gh:github.com", line: null, host: "https://github.com", user: "ada", kind: "oauth", stored_as: "ada · gh hosts.yml", removable: false },
  { id: "env:GH_ENTERPRISE_TOKEN", source: "env", location: "GH_ENTERPRISE_TOKEN", line: null, host: null, user: null, kind: "classic", stored_as: null, removable: false },
];

flow("found outside the keychain: banner, check, import, remove the line after a backup", { tokens: "many", found: FOUND }, async (page) => {
  const banner = page.getByTestId("found-banner");
  await expectText(banner.getByTestId("found-title"), /^3 tokens found outside the keychain$/, "the ones not in Jeton are counted");
  await shot(page, "40-found-banner", false);

  await banner.getByTestId("found-review").click();
  const dialog = page.getByTestId("found-dialog");
  await dialog.waitFor();
  const items = dialog.getByTestId("found-item");
  check((await items.count()) === 4, "every finding listed");
  const first = items.nth(0);
  await expectText(first, /git credentials.*\.git-credentials · line 2.*Classic · @ada · https:\/\/github\.com/, "where, kind, whose");
  const env = items.nth(3);
  check(await env.getByTestId("found-import").isDisabled(), "a token with no known host is sent nowhere");
  await expectText(env.getByTestId("found-no-host"), /set GH_HOST/, "and the dialog says what to do");
  await expectText(items.nth(2), /In Jeton as “ada · gh hosts\.yml”.*Kept by gh in the keychain/, "gh's keyring entry: nothing to remove");

  await first.getByTestId("found-check").click();
  await expectText(first.getByTestId("found-checked"), /GitHub says: Valid @ada/, "GitHub's answer, nothing stored");
  check(!(await mock(page)).state.tokens.some((t) => t.name?.startsWith("ada ·")), "check stores nothing");

  await first.getByTestId("found-import").click();
  await expectText(first.getByTestId("found-stored"), /In Jeton as “ada · git-credentials”/, "imported");
  await expectText(banner.getByTestId("found-title"), /^2 tokens found outside the keychain$/, "the banner counts one less");
  await first.getByTestId("found-remove").click();
  await expectText(first.getByTestId("found-remove-text"), /backup of \/home\/ada\/\.git-credentials beside it .*removes only line 2/, "the confirmation says a backup is written");
  await shot(page, "41-found-dialog", false);
  await first.getByTestId("found-remove-yes").click();
  await expectText(dialog.getByTestId("found-removed"), /Removed line 2 of \/home\/ada\/\.git-credentials\. The file as it was is in \/home\/ada\/\.git-credentials\.jeton-backup-/, "where the backup is");
  check((await items.count()) === 3, "the removed copy is gone from the list");
  // The file's next line moved up: its finding is named by its new line.
  await expectText(items.nth(0), /\.git-credentials · line 3/, "later lines renumbered");
  const calls = (await mock(page)).calls.map((c) => c.cmd);
  check(calls.filter((c) => c === "remove_found").length === 1, "one removal asked of Rust");
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  await page.getByTestId("token-row").filter({ hasText: "ada · git-credentials" }).waitFor();
});

flow("found outside the keychain, in French, dark", { tokens: "many", lang: "fr", colorScheme: "dark", found: FOUND }, async (page) => {
  const banner = page.getByTestId("found-banner");
  await expectText(banner.getByTestId("found-title"), /^3 jetons trouvés hors du trousseau$/, "French count");
  await banner.getByTestId("found-review").click();
  const dialog = page.getByTestId("found-dialog");
  await expectText(dialog, /Jetons hors du trousseau.*identifiants git.*ligne 2/, "French list");
  await shot(page, "42-found-dialog-fr-dark", false);
});

flow("nothing found: no banner", { tokens: "many" }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  check((await mock(page)).calls.some((c) => c.cmd === "discover_tokens"), "Jeton looked");
  check((await page.getByTestId("found-banner").count()) === 0, "no banner when nothing is outside the keychain");
});
