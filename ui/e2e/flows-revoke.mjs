// Flows: revoking a token from its row, its details and after a renewal (RevokeDialog).
// The mocked IPC follows core's rule (generated doubles): github.com asks first and says
// it cannot be undone and that GitHub emails the owner; an Enterprise host opens its
// settings page through Rust and forgets only when told; a failure forgets nothing.
// axe finds no serious or critical violation at any step.

import { axe } from "./flows-a11y.mjs";
import { check, expectText, flow, mock, shot } from "./harness.mjs";

const TOKENS = [
  { name: "Leaked laptop", login: "mona" },
  { name: "Work GHES", host: "https://ghe.example.com", login: "mlisa" },
  { name: "Keep me" },
];

/** @param {import("playwright-core").Page} page @param {string} name */
const row = (page, name) => page.getByTestId("token-row").filter({ hasText: name });

for (const lang of /** @type {const} */ (["en", "fr"])) {
  const said = lang === "en" ? { undo: /cannot be undone/, mail: /GitHub emails the token’s owner \(@mona\)/, ok: /Revoke/ } : { undo: /irréversible/, mail: /par courriel le propriétaire du jeton \(@mona\)/, ok: /Révoquer/ };
  flow(`revoke ${lang}: asks first, then revokes and forgets; a failure forgets nothing`, { tokens: TOKENS, lang }, async (page) => {
    await row(page, "Leaked laptop").getByTestId("token-revoke").click();
    const dialog = page.getByTestId("revoke-dialog");
    await expectText(dialog.getByTestId("revoke-text"), said.undo, "says it cannot be undone");
    await expectText(dialog.getByTestId("revoke-text"), said.mail, "says GitHub emails the owner");
    await expectText(page.getByTestId("revoke-ok"), said.ok, "the button says revoke");
    await shot(page, `revoke-${lang}-confirm`, false);
    await axe(page, "revoke confirmation");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    check(!(await mock(page)).calls.some((c) => c.cmd === "revoke_token"), "nothing revoked on cancel");

    // The network is down: the dialog says so and the token stays.
    await page.evaluate(() => {
      /** @type {any} */ (window).__jeton.state.revokeFails = "network";
    });
    await row(page, "Leaked laptop").getByTestId("token-revoke").click();
    await page.getByTestId("revoke-ok").click();
    const error = page.getByTestId("revoke-error");
    await expectText(error, lang === "en" ? /Could not reach/ : /Impossible de joindre/, "network error shown");
    check((await error.getAttribute("data-code")) === "network", "network code");
    await shot(page, `revoke-${lang}-error`, false);
    await axe(page, "revoke error");
    await page.keyboard.press("Escape");
    check((await page.getByTestId("token-row").count()) === 3, "nothing forgotten after a failure");

    await page.evaluate(() => {
      /** @type {any} */ (window).__jeton.state.revokeFails = null;
    });
    await row(page, "Leaked laptop").getByTestId("token-revoke").click();
    await page.getByTestId("revoke-ok").click();
    await row(page, "Leaked laptop").waitFor({ state: "detached" });
    await page.getByTestId("revoke-dialog").waitFor({ state: "detached" });
    check((await mock(page)).state.revoked.length === 1, "revoked once");
    check((await page.getByTestId("token-row").count()) === 2, "the others stay");
  });
}

flow("revoke: an Enterprise token's settings page opens through Rust, forgotten once deleted there", { tokens: TOKENS }, async (page) => {
  await row(page, "Work GHES").click();
  await page.getByTestId("token-details").waitFor();
  await page.getByTestId("details-revoke").click();
  const dialog = page.getByTestId("revoke-dialog");
  await expectText(dialog.getByTestId("revoke-text"), /ghe\.example\.com offers no way for Jeton to revoke/, "explains the host has no API");
  check((await page.getByTestId("revoke-ok").count()) === 0, "no revoke button on that host");
  await shot(page, "revoke-ghes-explain", false);
  await axe(page, "revoke on an Enterprise host");
  await page.getByTestId("revoke-open-page").click();
  await expectText(dialog.getByTestId("revoke-text"), /Once you have deleted the token there/, "waits for the user");
  const m = await mock(page);
  check(m.opened.some((o) => o.id === "id-work-ghes" && o.page === "settings"), "Rust was asked to open the settings page");
  check(!m.calls.some((c) => c.cmd === "revoke_token" || c.cmd === "forget_token"), "nothing revoked or forgotten yet");
  await shot(page, "revoke-ghes-deleted", false);
  await axe(page, "revoke: deleted on the host?");
  await page.getByTestId("revoke-forget").click();
  await row(page, "Work GHES").waitFor({ state: "detached" });
  check((await mock(page)).calls.some((c) => c.cmd === "forget_token" && c.args.id === "id-work-ghes"), "forgotten when told");
});
