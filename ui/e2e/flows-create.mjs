// Flows for the token creation wizard (issue 9, points 3, 4 and 7), with the IPC
// mocked: every step shot in English and French at 1280×800 and 640×480
// (artifacts/ui/w-*.png), driven with the keyboard only; bad input stopping with its
// sentence; the clipboard watch finishing with no paste; a renewal offering to forget
// the old token.

import { check, expectText, flow, mock, openDetails, shot } from "./harness.mjs";

const SIZES = [
  { width: 1280, height: 800 },
  { width: 640, height: 480 },
];
const FINE = "github_pat_" + "A".repeat(22) + "_" + "b".repeat(59);
const CLASSIC = "ghp_" + "C".repeat(36);
const TOKENS = [{ name: "Laptop git", login: "octocat" }];

/** Presses a key on a control reached by focus (no mouse). @param {import("playwright-core").Locator} l @param {string} key */
async function press(l, key = "Enter") {
  await l.focus();
  await l.press(key);
}

/** The wizard's window, settled. @param {import("playwright-core").Page} page @param {string} name */
async function snap(page, name) {
  await page.getByTestId("wizard").evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished)));
  await shot(page, name, false);
}

for (const lang of /** @type {const} */ (["en", "fr"])) {
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    flow(`wizard ${lang} ${size}: every step with the keyboard, finished from the clipboard with no paste`, { tokens: TOKENS, lang, viewport }, async (page) => {
      await page.getByTestId("token-row").first().waitFor();
      await press(page.getByTestId("create-token"));
      await page.getByTestId("wizard").waitFor();
      check(await page.getByTestId("wizard-kind-fine").isChecked(), "fine-grained is chosen by default");
      await press(page.getByTestId("wizard-preset").filter({ hasText: lang === "fr" ? "Cloner et pousser" : "Clone and push" }));
      await snap(page, `w-1-purpose-${lang}-${size}`);
      await press(page.getByTestId("wizard-next"));

      const name = page.getByTestId("wizard-name");
      await name.focus();
      await page.keyboard.press("Control+A");
      await page.keyboard.type("deploy bot");
      await press(page.getByTestId("wizard-expiry-90"), "Space");
      await snap(page, `w-2-details-${lang}-${size}`);
      await press(page.getByTestId("wizard-next"));

      await page.getByTestId("wizard-permissions").waitFor();
      await press(page.getByTestId("wizard-repo").first(), "Space");
      await page.getByTestId("wizard-search").focus();
      await page.keyboard.type("pull");
      const pr = page.locator('[data-testid="wizard-level"][data-key="pull_requests"]');
      await pr.focus();
      await pr.selectOption("read");
      await snap(page, `w-3-access-${lang}-${size}`);
      await press(page.getByTestId("wizard-next"));

      await page.getByTestId("wizard-checklist").waitFor();
      await expectText(page.getByTestId("wizard-checklist"), /Token name\s*deploy bot/, "the checklist names the token");
      await snap(page, `w-4-github-${lang}-${size}`);
      await press(page.getByTestId("wizard-next"));

      await page.getByTestId("wizard-watch").waitFor();
      await expectText(page.getByTestId("wizard-watch"), lang === "fr" ? /surveille le presse-papiers/ : /Watching the clipboard/, "it says it watches");
      const m = await mock(page);
      check(m.creating.opened.length === 1, "Rust opened GitHub's page once");
      await snap(page, `w-5-wait-${lang}-${size}`);
      // The user copies the token on GitHub's page: Rust notices, the page never sees it.
      await page.evaluate((t) => /** @type {any} */ (window).__jeton.clipboardGets(t), FINE);
      await page.getByTestId("wizard-done").waitFor();
      await snap(page, `w-6-done-${lang}-${size}`);
      const calls = (await mock(page)).calls.map((c) => c.cmd);
      check(calls.includes("finish_creation_from_clipboard") && !calls.includes("finish_creation"), "finished from the clipboard, no paste");
      await press(page.getByTestId("wizard-close"));
      await page.getByTestId("wizard").waitFor({ state: "detached" });
      await expectText(page.getByTestId("token-row").filter({ hasText: "deploy bot" }), /deploy bot/, "the new token is listed");
    });
  }

  flow(`wizard ${lang}: a classic token's scopes tree`, { tokens: TOKENS, lang }, async (page) => {
    await page.getByTestId("create-token").click();
    await page.getByTestId("wizard-preset").filter({ hasText: lang === "fr" ? "Minimum pour gh" : "gh CLI minimum" }).click();
    check(await page.getByTestId("wizard-kind-classic").isChecked(), "the preset chose a classic token");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-next").click();
    await page.locator('[data-testid="wizard-scope"][data-name="workflow"]').check();
    check(await page.locator('[data-testid="wizard-scope"][data-name="public_repo"]').isDisabled(), "repo covers public_repo");
    await snap(page, `w-3-scopes-${lang}`);
    await page.getByTestId("wizard-next").click();
    await expectText(page.getByTestId("wizard-checklist"), /Select scopes › workflow/, "the checklist has the scope");
    await snap(page, `w-4-github-classic-${lang}`);
  });

  flow(`wizard ${lang}: bad input stops with what to do, nothing stored`, { tokens: TOKENS, lang, browserFails: true }, async (page) => {
    await page.getByTestId("create-token").click();
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-name").fill("x".repeat(41));
    await page.getByTestId("wizard-next").click();
    await expectText(page.getByTestId("wizard-name-error"), /40/, "the name's limit");
    await snap(page, `w-err-name-${lang}`);
    await page.getByTestId("wizard-name").fill("ok");
    await page.getByTestId("wizard-expiry-date").check();
    await page.getByTestId("wizard-date").fill("2001-01-01");
    await page.getByTestId("wizard-next").click();
    await expectText(page.getByTestId("wizard-expiry-error"), /366/, "the expiry's range");
    await page.getByTestId("wizard-expiry-30").check();
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-owner").selectOption("acme");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-next").click();
    await expectText(page.getByTestId("wizard-error"), lang === "fr" ? /Aucun navigateur/ : /No web browser/, "no browser");
    await snap(page, `w-err-browser-${lang}`);
    check((await mock(page)).state.tokens.length === 1, "nothing stored");
  });

  flow(`wizard ${lang}: a pasted token of the wrong kind, then an empty clipboard`, { tokens: TOKENS, lang }, async (page) => {
    await page.getByTestId("create-token").click();
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-name").fill("ci");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-paste").fill(CLASSIC);
    await page.getByTestId("wizard-finish").click();
    await expectText(page.getByTestId("wizard-error"), /ghp_|github_pat_/, "the wrong kind");
    check((await page.getByTestId("wizard-paste").inputValue()) === "", "the paste is cleared");
    await page.getByTestId("wizard-read-clipboard").click();
    await page.locator('[data-testid="wizard-error"][data-code="clipboard_empty"]').waitFor();
    await snap(page, `w-err-clipboard-${lang}`);
    check((await mock(page)).state.tokens.length === 1, "nothing stored");
  });

  flow(`wizard ${lang}: renewing pre-fills and offers to forget the old token`, { tokens: [{ name: "Laptop git", login: "octocat", status: "expiring", days_left: 4 }], lang }, async (page) => {
    const drawer = await openDetails(page, "Laptop git");
    await drawer.getByTestId("details-renew-wizard").click();
    await page.getByTestId("wizard").waitFor();
    await expectText(page.getByTestId("wizard-name").locator(".."), /./, "details shown");
    check((await page.getByTestId("wizard-name").inputValue()).startsWith("Laptop git ("), "the name is the old one, dated");
    await snap(page, `w-renew-details-${lang}`);
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-paste").fill(CLASSIC);
    await page.getByTestId("wizard-finish").click();
    await page.getByTestId("wizard-forget-old").waitFor();
    await snap(page, `w-renew-done-${lang}`);
    await page.getByTestId("wizard-forget-old").click();
    await page.getByTestId("confirm-ok").click();
    await page.getByTestId("token-row").filter({ hasText: "Laptop git (" }).waitFor();
    check((await page.getByTestId("token-row").count()) === 1, "only the new token is left");
  });
}
