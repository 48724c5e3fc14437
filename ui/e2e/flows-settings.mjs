// Copy and settings (issue 10, points 4 and 5): copying from the row and the details
// goes to Rust and the toast says when the clipboard clears; the settings dialog saves
// reminder days, the clipboard delay and start at login as they change, in English
// and French, with the keyboard, and with no serious accessibility violation.

import { axe } from "./flows-a11y.mjs";
import { check, expectText, flow, mock, openDetails, shot } from "./harness.mjs";

const TOKENS = [{ name: "Laptop git", login: "octocat" }];

for (const lang of /** @type {const} */ (["en", "fr"])) {
  flow(`settings ${lang}: reminder days, clipboard delay and start at login, then copy`, { tokens: TOKENS, lang }, async (page) => {
    await page.getByTestId("token-row").first().waitFor();
    await page.getByTestId("menu").click();
    await page.getByTestId("menu-settings").click();
    const dialog = page.getByTestId("settings-dialog");
    await dialog.waitFor();
    await page.getByTestId("settings-day-30").waitFor();
    await axe(page, `settings (${lang})`);
    await shot(page, `settings-${lang}`, false);

    // Keyboard only: Tab to "30 days before", Space ticks it.
    await page.getByTestId("settings-day-30").focus();
    await page.keyboard.press("Space");
    await expectText(page.getByTestId("settings-saved"), lang === "en" ? /Saved/ : /Enregistré/, "saved");
    await page.getByTestId("settings-clear").selectOption("0");
    await page.getByTestId("settings-login").check();
    const state = (await mock(page)).state;
    check(state.preferences.reminder_days.includes(30), `30 days chosen: ${JSON.stringify(state.preferences)}`);
    check(state.preferences.clear_after_secs === 0, "never cleared");
    check(state.startAtLogin === true, "start at login on");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });

    await page.getByTestId("token-copy").click();
    await expectText(page.getByTestId("notice"), lang === "en" ? /^“Laptop git” copied$/ : /^« Laptop git » copié$/, "copy toast");
    const drawer = await openDetails(page, "Laptop git");
    await drawer.getByTestId("details-copy").click();
    check((await mock(page)).copied.length === 2, "copied twice, by Rust");
  });
}
