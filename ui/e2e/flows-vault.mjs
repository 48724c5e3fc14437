// Flows: the vault's health (read-only data, recovered and missing secrets), the grants
// drawer, export and import, the smallest window.

import { errorPayload } from "./doubles.mjs";
import { RECOVERED } from "./fixtures.mjs";
import { VALID, check, expectText, flow, missingBadges, mock, openDetails, shot } from "./harness.mjs";

// ---------------------------------------------------------------------------- vault health

const CORRUPT = { path: "/home/ada/.local/share/jeton/tokens.json", backup: "tokens.json.corrupt-1", detail: "EOF at line 3" };
const READ_ONLY = { en: errorPayload("metadata_corrupt", CORRUPT, "en"), fr: errorPayload("metadata_corrupt", CORRUPT, "fr") };

flow("read-only data: a banner that stays, and changes are refused", { tokens: "many", health: { read_only: READ_ONLY.en } }, async (page) => {
  const banner = page.getByTestId("readonly-banner");
  await banner.waitFor();
  await expectText(banner, /Changes are not saved/, "banner title");
  await expectText(banner.getByTestId("readonly-message"), /opens it read-only/, "Rust's reason");
  check((await banner.getByRole("button").count()) === 1, "nothing to dismiss, only a way to read the file again");
  await shot(page, "18-readonly-banner", false);

  await page.getByTestId("add-token").click();
  await page.getByTestId("add-name").fill("New one");
  await page.getByTestId("add-secret").fill(VALID);
  await page.getByTestId("add-submit").click();
  await expectText(page.getByTestId("add-error"), /read-only .* No change is saved/, "add refused");
  await page.keyboard.press("Escape");
  await page.getByTestId("add-dialog").waitFor({ state: "detached" });
  await banner.waitFor();

  // The user restored the file: reading it again lifts the banner.
  await banner.getByTestId("readonly-retry").click();
  await banner.waitFor({ state: "detached" });
});

flow("read-only banner in French, dark", { tokens: "many", lang: "fr", colorScheme: "dark", health: { read_only: READ_ONLY.fr } }, async (page) => {
  const banner = page.getByTestId("readonly-banner");
  await expectText(banner, /Les modifications ne sont pas enregistrées/, "French title");
  await shot(page, "19-readonly-banner-fr-dark", false);
});

const HEALTH_RECOVERED = { recovered: RECOVERED, missing: [{ id: "id-old-script", name: "Old script" }] };

flow("recovered secrets: name one, delete the other; missing secrets are marked", { tokens: "many", health: HEALTH_RECOVERED }, async (page) => {
  const section = page.getByTestId("recovered-section");
  await section.waitFor();
  await expectText(section, /Found in your keychain/, "section title");
  check((await section.getByTestId("recovered-item").count()) === 2, "two entries");
  const old = page.getByTestId("token-row").filter({ hasText: "Old script" });
  const badge = old.getByTestId("token-status");
  await expectText(badge, /^Secret missing$/, "missing badge instead of GitHub's last word");
  check((await missingBadges(page)) === 2, "only the affected rows (Old script, Moved laptop)");
  await shot(page, "20-recovered");

  const first = section.getByTestId("recovered-item").first();
  await first.getByTestId("recovered-name").click();
  const dialog = page.getByTestId("adopt-dialog");
  await dialog.waitFor();
  await page.getByTestId("adopt-name").fill("Laptop git");
  await page.getByTestId("adopt-submit").click();
  await expectText(page.getByTestId("adopt-name-error"), /already named "Laptop git"/, "name taken, at the name field");
  await shot(page, "21-adopt-error", false);
  await page.getByTestId("adopt-name").fill("Old laptop");
  await page.getByTestId("adopt-submit").click();
  await page.getByTestId("adopt-busy").waitFor();
  await dialog.waitFor({ state: "detached" });
  const adopted = page.getByTestId("token-row").filter({ hasText: "Old laptop" });
  await adopted.waitFor();
  check((await adopted.getAttribute("data-highlighted")) === "true", "named secret highlighted");
  check((await section.getByTestId("recovered-item").count()) === 1, "one entry left");
  const calls = (await mock(page)).calls;
  check(
    calls.some((c) => c.cmd === "adopt_recovered" && c.args.id === RECOVERED[0] && c.args.name === "Old laptop" && c.args.host === null),
    "adopt_recovered(id, name, null)",
  );
  check(calls.filter((c) => c.cmd === "vault_health").length >= 2, "health asked again");

  await section.getByTestId("recovered-delete").click();
  await expectText(page.getByTestId("confirm-dialog"), /Delete this secret from the keychain\?/, "confirm delete");
  await page.getByTestId("confirm-ok").click();
  await section.waitFor({ state: "detached" });

  // Forgetting the token whose secret is missing clears its badge for good.
  await old.getByTestId("token-forget").click();
  await page.getByTestId("confirm-ok").click();
  await old.waitFor({ state: "detached" });
  check((await missingBadges(page)) === 1, "its badge went with it");
});

flow("naming a recovered secret, French dark", { tokens: "many", lang: "fr", colorScheme: "dark", health: HEALTH_RECOVERED }, async (page) => {
  const section = page.getByTestId("recovered-section");
  await expectText(section, /Trouvés dans votre trousseau/, "French section");
  await shot(page, "22-recovered-fr-dark");
  await section.getByTestId("recovered-name").first().click();
  await page.getByTestId("adopt-name").fill("Portable");
  await page.getByTestId("adopt-host").fill("ghe.example.com");
  await shot(page, "23-adopt-dialog-fr-dark", false);
});

// ---------------------------------------------------------------------------- grants

flow("grants: classic scopes as the documented tree, fine-grained as recorded", { tokens: "many" }, async (page) => {
  const drawer = await openDetails(page, "Release bot");
  const tree = drawer.getByTestId("grants-tree");
  await tree.waitFor();
  const items = await tree.locator("[data-scope]").evaluateAll((els) =>
    els.map((e) => `${e.getAttribute("data-included") === "true" ? "  " : ""}${e.getAttribute("data-scope")}`),
  );
  const want = [
    "repo",
    "  repo:status",
    "  repo_deployment",
    "  public_repo",
    "  repo:invite",
    "  security_events",
    "read:org",
    "gist",
    "user:email",
    "write:packages",
  ];
  check(JSON.stringify(items) === JSON.stringify(want), `tree in documented order: ${JSON.stringify(items)}`);
  await expectText(tree.locator('[data-scope="repo"] > .desc'), /^Full control of repositories/, "repo described");
  await expectText(tree.locator('[data-scope="public_repo"] .tag'), /^included$/, "implied scope greyed as included");
  await expectText(drawer.getByTestId("details-state"), /This token expires on .* Renew it before then\./, "status says what to do");
  await expectText(drawer.getByTestId("details-checked"), /checked 12 min ago/, "last checked in the status");
  await drawer.getByTestId("details-grants").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shot(page, "24-grants-tree", false);
  await page.keyboard.press("Escape");

  const fine = await openDetails(page, "CI deploy");
  const table = fine.getByTestId("grants-permissions");
  await expectText(table, /Recorded when Jeton created this token — GitHub’s API does not report fine-grained permissions/, "caption");
  const rows = await table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-permission")));
  check(JSON.stringify(rows) === JSON.stringify(["actions", "contents", "deployments", "metadata", "pull_requests"]), `rows ${rows}`);
  await shot(page, "25-grants-permissions", false);
  await page.keyboard.press("Escape");

  const unknown = await openDetails(page, "GHES automation");
  await expectText(unknown.getByTestId("details-grants"), /GitHub does not report a fine-grained token’s permissions/, "unknown permissions");
  await page.keyboard.press("Escape");
  await openDetails(page, "Laptop git");
  await page.getByTestId("grants-tree").waitFor();
  const asked = (await mock(page)).calls.filter((c) => c.cmd === "scope_catalogue").length;
  check(asked === 0, `the tree is core's (TokenView.grants): no catalogue asked for (${asked})`);
});

flow("grants tree in French, dark", { tokens: "many", lang: "fr", colorScheme: "dark" }, async (page) => {
  const drawer = await openDetails(page, "Acme SSO");
  const tree = drawer.getByTestId("grants-tree");
  await expectText(tree.locator('[data-scope="admin:org"] > .desc'), /^Contrôle total des organisations/, "French description");
  await expectText(tree.locator('[data-scope="read:org"] .tag'), /^inclus$/, "French included");
  await drawer.getByTestId("details-grants").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await shot(page, "26-grants-tree-fr-dark", false);
  await page.keyboard.press("Escape");
  await openDetails(page, "CI deploy");
  await shot(page, "27-grants-permissions-fr-dark", false);
});

// ---------------------------------------------------------------------------- export / import

flow("menu: export metadata saves a file without secrets; import shows a summary", { tokens: "many" }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  await page.getByTestId("menu").click();
  await page.getByTestId("menu-export").waitFor();
  await expectText(page.getByTestId("menu-export"), /Secrets stay in your keychain; this file holds none/, "export note");
  await shot(page, "28-menu", false);

  await page.getByTestId("menu-export").click();
  await expectText(page.getByTestId("notice"), /Saved \/home\/me\/jeton-metadata.json/, "export toast names the file");
  const text = await page.evaluate(() => /** @type {any} */ (window).__jeton.state.exported ?? "");
  const doc = JSON.parse(text);
  check(doc.tokens.length === 11, "eleven tokens exported");
  check(!/gh[pousr]_|github_pat_/.test(text), "no secret in the file");
  await expectText(page.getByTestId("notice"), /this file holds none/, "export toast");

  const incoming = {
    format: "jeton-metadata",
    version: 2,
    tokens: [
      { id: "id-laptop-git", name: "Laptop git", host: "https://github.com", kind: "classic", login: "octocat", scopes: ["repo"], permissions: null, expires_at: null },
      { id: "id-other-laptop", name: "Laptop git", host: "https://github.com", kind: "classic", login: "octocat", scopes: ["repo"], permissions: null, expires_at: null },
      { id: "id-deploy-keys", name: "Deploy keys", host: "https://github.com", kind: "fine_grained", login: "octocat", scopes: null, permissions: { contents: "read" }, expires_at: null },
    ],
  };
  await page.getByTestId("menu").click();
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("menu-import").click()]);
  await chooser.setFiles({ name: "jeton-metadata.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(incoming)) });
  const summary = page.getByTestId("import-summary");
  await summary.waitFor();
  await expectText(summary.getByTestId("import-added"), /Laptop git \(2\).*Deploy keys/, "added");
  await expectText(summary.getByTestId("import-renamed"), /^was “Laptop git”$/, "renamed, on its row");
  await expectText(summary.getByTestId("import-without-secret"), /Provide the secret/, "how to use them here");
  const names = await summary.getByTestId("import-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-name")));
  check(JSON.stringify(names) === JSON.stringify(["Laptop git (2)", "Deploy keys"]), `each name listed once (${names})`);
  await expectText(summary.getByTestId("import-already"), /1 token was already here/, "already here");
  await page.evaluate(() => window.scrollTo(0, 0)); // Playwright's click scrolled the page
  await shot(page, "29-import-summary", false);
  await summary.getByRole("button", { name: "OK" }).click();
  await summary.waitFor({ state: "detached" });
  check((await page.getByTestId("token-row").count()) === 13, "imported rows listed");
  check((await missingBadges(page)) === 3, "imported tokens (and Moved laptop) have no secret here");
});

flow("menu and import summary in French, dark", { tokens: "many", lang: "fr", colorScheme: "dark" }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  await page.getByTestId("menu").click();
  await expectText(page.getByTestId("menu-import"), /Importer des métadonnées…/, "French menu");
  await shot(page, "30-menu-fr-dark", false);
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("menu-import").click()]);
  const incoming = {
    tokens: [{ id: "id-new", name: "CI deploy", host: "https://github.com", kind: "classic", login: "octocat", scopes: ["repo"], permissions: null, expires_at: null }],
  };
  await chooser.setFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(incoming)) });
  await expectText(page.getByTestId("import-summary"), /Importation terminée/, "French summary");
  await shot(page, "31-import-summary-fr-dark", false);
});

flow(
  "the smallest window: banners, recovered secrets and progress still fit",
  {
    tokens: "many",
    viewport: { width: 640, height: 720 },
    health: { ...HEALTH_RECOVERED, read_only: READ_ONLY.en },
    recheckDelayMs: 400,
  },
  async (page) => {
    await page.getByTestId("recovered-section").waitFor();
    await page.getByTestId("recheck-all").click();
    await expectText(page.getByTestId("recheck-progress"), /^Checking [2-9] of 11…$/, "progress");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
    await shot(page, "32-small-window");
  },
);

