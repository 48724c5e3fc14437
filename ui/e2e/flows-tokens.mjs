// Flows: adding a token, the dashboard in every status, details, forgetting, French,
// the keychain banner, re-check all.

import { BAD, NET, TIMEOUT, VALID, check, expectText, flow, mock, shot } from "./harness.mjs";

flow("empty state, add a token, the row appears with days left", { tokens: [] }, async (page) => {
  await page.getByTestId("empty-state").waitFor();
  await expectText(page.getByTestId("empty-state"), /Add existing token/, "empty state invites");
  await shot(page, "01-empty-state");

  await page.getByTestId("empty-add").click();
  const dialog = page.getByTestId("add-dialog");
  await dialog.waitFor();
  check(await page.getByTestId("add-name").evaluate((el) => el === document.activeElement), "name field has focus");
  await page.getByTestId("add-name").fill("Laptop git");
  await page.getByTestId("add-secret").fill(VALID);
  check((await page.getByTestId("add-secret").getAttribute("type")) === "password", "secret is a password field");
  await shot(page, "02-add-dialog", false);

  await page.getByTestId("add-submit").click();
  await page.getByTestId("add-busy").waitFor();
  await dialog.waitFor({ state: "detached" });
  const row = page.getByTestId("token-row");
  await row.waitFor();
  await expectText(row.getByTestId("token-name"), /^Laptop git$/, "row name");
  await expectText(row.getByTestId("token-days"), /^90 days left$/, "days left");
  await expectText(row.getByTestId("token-status"), /Valid/, "status");
  check((await row.getAttribute("data-highlighted")) === "true", "new row is highlighted");
  const html = await page.content();
  check(!html.includes(VALID), "the secret is nowhere in the page");
  const calls = await page.evaluate(() => /** @type {any} */ (window).__jeton.calls);
  const add = calls.find((c) => c.cmd === "add_token");
  check(add && add.args.name === "Laptop git" && add.args.host === null, "add_token called with name and null host");
  await shot(page, "03-token-added");
});

flow("add errors show the message; the secret is kept only for network errors", { tokens: [] }, async (page) => {
  await page.getByTestId("add-token").click();
  await page.getByTestId("add-name").fill("Work laptop");
  await page.getByTestId("add-host").fill("ghe.example.com");
  await page.getByTestId("add-secret").fill(BAD);
  await page.getByTestId("add-submit").click();
  await expectText(page.getByTestId("add-secret-error"), /GitHub rejects this token \(bad credentials\)/, "invalid token message at the token field");
  check((await page.getByTestId("add-secret").inputValue()) === "", "secret cleared after token_invalid");
  check((await page.getByTestId("add-name").inputValue()) === "Work laptop", "name kept");
  check((await page.getByTestId("add-host").inputValue()) === "ghe.example.com", "host kept");
  const calls = await page.evaluate(() => /** @type {any} */ (window).__jeton.calls);
  check(calls.find((c) => c.cmd === "add_token")?.args.host === "ghe.example.com", "host sent as typed: core resolves it");
  await shot(page, "04-add-error", false);

  await page.getByTestId("add-secret").fill(NET);
  await page.getByTestId("add-submit").click();
  await expectText(page.getByTestId("add-error"), /Could not reach/, "network message");
  check((await page.getByTestId("add-error").getAttribute("data-code")) === "network", "network code");
  check((await page.getByTestId("add-secret").inputValue()) === NET, "secret kept for a retry after network error");

  await page.keyboard.press("Escape");
  await page.getByTestId("add-dialog").waitFor({ state: "detached" });
  await page.getByTestId("empty-state").waitFor();
});

flow("a slow keychain is mentioned after two seconds", { tokens: [], addDelayMs: 2600 }, async (page) => {
  await page.getByTestId("add-token").click();
  await page.getByTestId("add-name").fill("Slow keychain");
  await page.getByTestId("add-secret").fill(VALID);
  await page.getByTestId("add-submit").click();
  await expectText(page.getByTestId("add-busy"), /Checking with GitHub and saving to the keychain…/, "busy text");
  await page.getByTestId("add-keychain-wait").waitFor({ timeout: TIMEOUT });
  await shot(page, "05-keychain-wait", false);
  await page.getByTestId("token-row").waitFor();
});

flow("tokens in every status, light", { tokens: "many" }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  check((await page.getByTestId("token-row").count()) === 11, "eleven rows");
  check((await page.getByTestId("host-group").count()) === 2, "two hosts");
  const statuses = await page.getByTestId("token-status").allTextContents();
  for (const s of ["Valid", "Expiring", "Expired", "Revoked/invalid", "SSO required", "Secret missing", "Rate limited", "Unknown"])
    check(statuses.some((x) => x.trim() === s), `badge ${s} shown`);
  const first = page.getByTestId("token-row").first();
  await expectText(first.getByTestId("token-name"), /^Old script$/, "expired sorts first");
  await expectText(first.getByTestId("token-days"), /expired 3 days ago/, "expired days");
  await shot(page, "06-dashboard-light");

  await page.getByTestId("sort").selectOption("name");
  await expectText(page.getByTestId("token-name").first(), /^Acme SSO$/, "sorted by name: github.com first, then @mona");
  await page.getByTestId("search").fill("ghes");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="token-row"]').length === 2);
  await page.getByTestId("search").fill("");
  await page.getByTestId("filter-status").selectOption("expiring");
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="token-row"]').length === 3);
  await page.getByTestId("filter-status").selectOption("all");
});

flow("tokens in every status, dark", { tokens: "many", colorScheme: "dark" }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  await shot(page, "07-dashboard-dark");
});

flow("details drawer: SSO action opens the URL, re-check", { tokens: "many" }, async (page) => {
  await page.getByTestId("token-row").filter({ hasText: "Acme SSO" }).click();
  const drawer = page.getByTestId("token-details");
  await drawer.waitFor();
  await expectText(drawer.getByTestId("details-sentence"), /SAML single sign-on/, "Rust's sentence in details");
  await shot(page, "08-details-sso", false);
  await drawer.getByTestId("details-sso").click();
  await page.waitForFunction(() => /** @type {any} */ (window).__jeton.opened.length === 1);
  const opened = await page.evaluate(() => /** @type {any} */ (window).__jeton.opened[0]);
  check(opened.id === "id-acme-sso" && opened.page === "sso", `the SSO page asked of Rust (${JSON.stringify(opened)})`);
  await drawer.getByTestId("details-recheck").click();
  await page.waitForFunction(() =>
    /** @type {any} */ (window).__jeton.calls.some((c) => c.cmd === "recheck_token"),
  );
  await page.keyboard.press("Escape");
  await drawer.waitFor({ state: "detached" });

  await page.getByTestId("token-row").filter({ hasText: "Old script" }).click();
  await drawer.waitFor();
  await expectText(drawer.getByTestId("details-sentence"), /^This token expired on .* GitHub no longer accepts it/, "says when");
  await shot(page, "09-details-expired", false);
  await drawer.getByTestId("details-renew").click();
  await page.waitForFunction(() => /** @type {any} */ (window).__jeton.opened.length === 2);
  const renew = await page.evaluate(() => /** @type {any} */ (window).__jeton.opened[1]);
  check(renew.id === "id-old-script" && renew.page === "settings", "Renew opens the settings page");
});

flow("details drawer, dark", { tokens: "many", colorScheme: "dark" }, async (page) => {
  await page.getByTestId("token-row").filter({ hasText: "Release bot" }).click();
  await page.getByTestId("token-details").waitFor();
  await shot(page, "10-details-dark", false);
});

flow("forget asks for confirmation", { tokens: "many" }, async (page) => {
  const row = page.getByTestId("token-row").filter({ hasText: "Revoked laptop" });
  await row.getByTestId("token-forget").click();
  const confirm = page.getByTestId("confirm-dialog");
  await confirm.waitFor();
  await expectText(confirm, /Forget “Revoked laptop”\?/, "confirmation title");
  await shot(page, "11-forget-confirm", false);
  await page.getByTestId("confirm-cancel").click();
  check((await page.getByTestId("token-row").count()) === 11, "cancel keeps the row");
  await row.getByTestId("token-forget").click();
  await page.getByTestId("confirm-ok").click();
  await row.waitFor({ state: "detached" });
  check((await page.getByTestId("token-row").count()) === 10, "row forgotten");
});

flow("French switch shows French labels", { tokens: "many" }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  await page.getByTestId("lang-switch").selectOption("fr");
  await expectText(page.getByTestId("add-token"), /Ajouter un jeton/, "add button in French");
  const statuses = await page.getByTestId("token-status").allTextContents();
  check(statuses.some((s) => s.trim() === "Valide"), "French status badge");
  check(statuses.some((s) => s.trim() === "Révoqué/invalide"), "French invalid badge");
  await expectText(page.getByTestId("token-days").first(), /expiré depuis 3 jours/, "French days");
  check((await page.locator("html").getAttribute("lang")) === "fr", "html lang=fr");
  const calls = await page.evaluate(() => /** @type {any} */ (window).__jeton.calls);
  check(calls.some((c) => c.cmd === "set_lang" && c.args.choice === "fr"), "set_lang(fr) called");
  await shot(page, "12-french");

  await page.getByTestId("add-token").click();
  await page.getByTestId("add-name").fill("Portable");
  await page.getByTestId("add-secret").fill(BAD);
  await page.getByTestId("add-submit").click();
  await expectText(page.getByTestId("add-secret-error"), /GitHub refuse ce jeton/, "French error from the back end");
  await shot(page, "13-french-add-error", false);
});

flow("starts in French when the app says so", { tokens: [], lang: "fr" }, async (page) => {
  await expectText(page.getByTestId("empty-state"), /Ajouter un jeton existant/, "French empty state");
});

flow("keychain banner with retry", { tokens: "many", keychainFailures: 1 }, async (page) => {
  const banner = page.getByTestId("keychain-banner");
  await banner.waitFor();
  await expectText(banner.getByTestId("keychain-message"), /The system keychain is locked/, "keychain message");
  await shot(page, "14-keychain-banner");
  await banner.getByTestId("keychain-retry").click();
  await banner.waitFor({ state: "detached" });
});

// ---------------------------------------------------------------------------- re-check all

const SSO_FIXED = {
  "id-acme-sso": { status: "valid", error: null, sso_url: null, needs_attention: false },
  "id-ghes-backup": { status: "valid", days_left: 40, urgency: "none", unreachable: false, error: null, needs_attention: false },
};


flow(
  "re-check all streams progress into the rows before it returns",
  { tokens: "many", recheckDelayMs: 350, recheckPatches: SSO_FIXED },
  async (page) => {
    await page.getByTestId("token-row").first().waitFor();
    const button = page.getByTestId("recheck-all");
    await expectText(button, /^Re-check all$/, "button label");
    await button.click();
    const progress = page.getByTestId("recheck-progress");
    await progress.waitFor();
    check(await button.isDisabled(), "disabled while running");
    const calls = (await mock(page)).calls;
    check(
      calls.some((c) => c.cmd === "recheck_all" && /^__CHANNEL__:\d+$/.test(c.args.onProgress)),
      "recheck_all got a channel, serialized as __CHANNEL__:<id>",
    );

    // Acme SSO is the fifth token: once five results are in, its row says Valid while
    // the command has not returned yet.
    await expectText(progress, /^Checking ([5-9]|10) of 11…$/, "progress counts");
    const acme = page.getByTestId("token-row").filter({ hasText: "Acme SSO" });
    await expectText(acme.getByTestId("token-status"), /^Valid$/, "Acme SSO row updated from the channel");
    const state = await mock(page);
    check(!state.recheck.returned, "the row changed before recheck_all returned");
    check(state.recheck.delivered >= 5, "five messages delivered");
    const bar = page.getByRole("progressbar");
    check(Number(await bar.getAttribute("aria-valuenow")) >= 5, "progress bar follows");
    check((await bar.getAttribute("aria-valuemax")) === "11", "progress bar total");
    const spinning = await page.locator('[data-testid="token-recheck"][aria-disabled="true"]').count();
    check(spinning > 0 && spinning < 11, `rows still waiting spin (${spinning})`);
    await shot(page, "15-recheck-progress", false);

    await expectText(page.getByTestId("notice"), /^11 checked · 5 need attention$/, "summary toast");
    await progress.waitFor({ state: "detached" });
    check(!(await button.isDisabled()), "enabled again");
    check((await mock(page)).recheck.returned, "returned");
    const checked = await page.getByTestId("token-checked").allTextContents();
    check(checked.every((c) => c.trim() === "checked just now"), "every row checked just now");
    await expectText(page.getByTestId("summary"), /11 tokens · 5 need attention/, "header summary");
    await shot(page, "16-recheck-done", false);
  },
);

flow(
  "re-check all in French, dark",
  { tokens: "many", lang: "fr", colorScheme: "dark", recheckDelayMs: 300, recheckPatches: SSO_FIXED },
  async (page) => {
    await page.getByTestId("token-row").first().waitFor();
    await expectText(page.getByTestId("recheck-all"), /^Tout revérifier$/, "French button");
    await page.getByTestId("recheck-all").click();
    await expectText(page.getByTestId("recheck-progress"), /^Vérification [3-9] sur 11…$/, "French progress");
    await shot(page, "17-recheck-progress-fr-dark", false);
    await expectText(page.getByTestId("notice"), /^11 vérifiés · 5 demandent votre attention$/, "French summary");
  },
);

