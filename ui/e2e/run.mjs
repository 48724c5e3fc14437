// Flows against the built UI (ui/dist) in Debian's Chromium, with Tauri's IPC mocked.
// Usage: npm run build && npm run e2e   (CHROMIUM=/path/to/chromium to override)
// Screenshots go to ../artifacts/ui/*.png. Exits non-zero when a flow fails.

import { createServer } from "node:http";
import { mkdir, readFile, readdir, rm, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CATALOGUE } from "./catalogue.mjs";
import { RECOVERED, manyTokens } from "./fixtures.mjs";
import { installMockIpc } from "./mock-ipc.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = resolve(here, "../dist");
const shots = resolve(here, "../../artifacts/ui");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const TIMEOUT = 8000;

const VALID = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"; // 36 characters after the prefix
const BAD = "ghp_bad" + "x".repeat(33);
const NET = "ghp_net" + "x".repeat(33);

// ---------------------------------------------------------------------------- server

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
};

/** A tiny static server for dist/ on a free loopback port. */
async function serve(root) {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
      let file = normalize(join(root, path === "/" ? "index.html" : path));
      if (!file.startsWith(root)) throw new Error("outside root");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(undefined)));
  const addr = server.address();
  if (!addr || typeof addr === "string") throw new Error("no port");
  return { url: `http://127.0.0.1:${addr.port}/`, close: () => server.close() };
}

// ---------------------------------------------------------------------------- helpers

class Failure extends Error {}

function check(cond, what) {
  if (!cond) throw new Failure(what);
}

/** Waits until the locator's text matches. */
async function expectText(locator, re, what) {
  const deadline = Date.now() + TIMEOUT;
  let last = "";
  while (Date.now() < deadline) {
    last = ((await locator.first().textContent({ timeout: TIMEOUT }).catch(() => "")) ?? "").trim();
    if (re.test(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Failure(`${what}: expected ${re}, got ${JSON.stringify(last)}`);
}

/** Full page by default; the window only (`fullPage: false`) when an overlay is open. */
async function shot(page, name, fullPage = true) {
  const path = join(shots, `${name}.png`);
  await page.screenshot({ path, fullPage, animations: "disabled" });
  return path;
}

// ---------------------------------------------------------------------------- flows

const flows = [];
/** @param {string} name @param {object} opts @param {(page: import("playwright-core").Page) => Promise<void>} fn */
const flow = (name, opts, fn) => flows.push({ name, opts, fn });

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
  await expectText(page.getByTestId("add-error"), /GitHub rejects this token \(bad credentials\)/, "invalid token message");
  check((await page.getByTestId("add-secret").inputValue()) === "", "secret cleared after token_invalid");
  check((await page.getByTestId("add-name").inputValue()) === "Work laptop", "name kept");
  check((await page.getByTestId("add-host").inputValue()) === "ghe.example.com", "host kept");
  const calls = await page.evaluate(() => /** @type {any} */ (window).__jeton.calls);
  check(calls.find((c) => c.cmd === "add_token")?.args.host === "https://ghe.example.com", "host sent as a URL");
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
  check((await page.getByTestId("token-row").count()) === 9, "nine rows");
  check((await page.getByTestId("host-group").count()) === 2, "two hosts");
  const statuses = await page.getByTestId("token-status").allTextContents();
  for (const s of ["Valid", "Expiring", "Expired", "Revoked/invalid", "SSO required", "Unreachable", "Rate limited", "Unknown"])
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
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="token-row"]').length === 2);
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
  await expectText(drawer.getByTestId("details-error"), /SAML single sign-on/, "error message in details");
  await shot(page, "08-details-sso", false);
  await drawer.getByTestId("details-sso").click();
  await page.waitForFunction(() => /** @type {any} */ (window).__jeton.opened.length === 1);
  const opened = await page.evaluate(() => /** @type {any} */ (window).__jeton.opened[0]);
  check(opened.startsWith("https://github.com/orgs/acme/sso"), "SSO URL opened");
  await drawer.getByTestId("details-recheck").click();
  await page.waitForFunction(() =>
    /** @type {any} */ (window).__jeton.calls.some((c) => c.cmd === "recheck_token"),
  );
  await page.keyboard.press("Escape");
  await drawer.waitFor({ state: "detached" });

  await page.getByTestId("token-row").filter({ hasText: "Old script" }).click();
  await drawer.waitFor();
  check(await drawer.getByTestId("details-renew").isDisabled(), "Renew is a disabled placeholder");
  await shot(page, "09-details-expired", false);
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
  check((await page.getByTestId("token-row").count()) === 9, "cancel keeps the row");
  await row.getByTestId("token-forget").click();
  await page.getByTestId("confirm-ok").click();
  await row.waitFor({ state: "detached" });
  check((await page.getByTestId("token-row").count()) === 8, "row forgotten");
});

flow("French switch shows French labels", { tokens: "many" }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  await page.getByTestId("lang-fr").click();
  await expectText(page.getByTestId("add-token"), /Ajouter un jeton/, "add button in French");
  const statuses = await page.getByTestId("token-status").allTextContents();
  check(statuses.some((s) => s.trim() === "Valide"), "French status badge");
  check(statuses.some((s) => s.trim() === "Révoqué/invalide"), "French invalid badge");
  await expectText(page.getByTestId("token-days").first(), /expiré depuis 3 jours/, "French days");
  check((await page.locator("html").getAttribute("lang")) === "fr", "html lang=fr");
  const calls = await page.evaluate(() => /** @type {any} */ (window).__jeton.calls);
  check(calls.some((c) => c.cmd === "set_lang" && c.args.lang === "fr"), "set_lang(fr) called");
  await shot(page, "12-french");

  await page.getByTestId("add-token").click();
  await page.getByTestId("add-name").fill("Portable");
  await page.getByTestId("add-secret").fill(BAD);
  await page.getByTestId("add-submit").click();
  await expectText(page.getByTestId("add-error"), /GitHub refuse ce jeton/, "French error from the back end");
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
  "id-ghes-backup": { status: "valid", error: null, needs_attention: false },
};

/** @param {import("playwright-core").Page} page */
const mock = (page) => page.evaluate(() => /** @type {any} */ (window).__jeton);

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
    await expectText(progress, /^Checking [5-8] of 9…$/, "progress counts");
    const acme = page.getByTestId("token-row").filter({ hasText: "Acme SSO" });
    await expectText(acme.getByTestId("token-status"), /^Valid$/, "Acme SSO row updated from the channel");
    const state = await mock(page);
    check(!state.recheck.returned, "the row changed before recheck_all returned");
    check(state.recheck.delivered >= 5, "five messages delivered");
    const bar = page.getByRole("progressbar");
    check(Number(await bar.getAttribute("aria-valuenow")) >= 5, "progress bar follows");
    check((await bar.getAttribute("aria-valuemax")) === "9", "progress bar total");
    const spinning = await page.locator('[data-testid="token-recheck"][aria-disabled="true"]').count();
    check(spinning > 0 && spinning < 9, `rows still waiting spin (${spinning})`);
    await shot(page, "15-recheck-progress", false);

    await expectText(page.getByTestId("notice"), /^9 checked · 4 need attention$/, "summary toast");
    await progress.waitFor({ state: "detached" });
    check(!(await button.isDisabled()), "enabled again");
    check((await mock(page)).recheck.returned, "returned");
    const checked = await page.getByTestId("token-checked").allTextContents();
    check(checked.every((c) => c.trim() === "checked just now"), "every row checked just now");
    await expectText(page.getByTestId("summary"), /9 tokens · 4 need attention/, "header summary");
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
    await expectText(page.getByTestId("recheck-progress"), /^Vérification [3-7] sur 9…$/, "French progress");
    await shot(page, "17-recheck-progress-fr-dark", false);
    await expectText(page.getByTestId("notice"), /^9 vérifiés · 4 demandent votre attention$/, "French summary");
  },
);

// ---------------------------------------------------------------------------- vault health

const READ_ONLY = {
  en: {
    code: "metadata_corrupt",
    message:
      "Jeton's file /home/ada/.local/share/jeton/tokens.json cannot be read; Jeton opens it read-only and will not overwrite it. A copy was kept as tokens.json.corrupt-1. Restore a backup or report the problem.",
  },
  fr: {
    code: "metadata_corrupt",
    message:
      "Le fichier de Jeton /home/ada/.local/share/jeton/tokens.json est illisible ; Jeton l’ouvre en lecture seule et ne l’écrasera pas. Une copie a été gardée sous tokens.json.corrupt-1. Restaurez une sauvegarde ou signalez le problème.",
  },
};

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
  const badge = old.getByTestId("secret-missing");
  await expectText(badge, /^Secret missing$/, "missing badge");
  check(/Add the token again, or forget it/.test((await badge.getAttribute("title")) ?? ""), "badge explains");
  check((await page.getByTestId("secret-missing").count()) === 1, "only the affected row");
  await shot(page, "20-recovered");

  const first = section.getByTestId("recovered-item").first();
  await first.getByTestId("recovered-name").click();
  const dialog = page.getByTestId("adopt-dialog");
  await dialog.waitFor();
  await page.getByTestId("adopt-name").fill("Laptop git");
  await page.getByTestId("adopt-submit").click();
  await expectText(page.getByTestId("adopt-error"), /already named "Laptop git"/, "name taken");
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
  check((await page.getByTestId("secret-missing").count()) === 0, "no badge left");
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

/** @param {import("playwright-core").Page} page @param {string} name */
async function openDetails(page, name) {
  await page.getByTestId("token-row").filter({ hasText: name }).getByTestId("token-name").click();
  const drawer = page.getByTestId("token-details");
  await drawer.waitFor();
  return drawer;
}

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
  await expectText(drawer.getByTestId("details-state"), /This token expires soon/, "status says what to do");
  await expectText(drawer.getByTestId("details-checked"), /checked 12 min ago/, "last checked in the status");
  const calls = (await mock(page)).calls;
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
  check(asked === 1 && calls.filter((c) => c.cmd === "scope_catalogue").length === 1, `catalogue loaded once (${asked})`);
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
  check(doc.tokens.length === 9, "nine tokens exported");
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
  await expectText(summary.getByTestId("import-renamed"), /Laptop git → Laptop git \(2\)/, "renamed");
  await expectText(summary.getByTestId("import-without-secret"), /Without a secret on this machine/, "without secret");
  await expectText(summary.getByTestId("import-already"), /1 token was already here/, "already here");
  await page.evaluate(() => window.scrollTo(0, 0)); // Playwright's click scrolled the page
  await shot(page, "29-import-summary", false);
  await summary.getByRole("button", { name: "OK" }).click();
  await summary.waitFor({ state: "detached" });
  check((await page.getByTestId("token-row").count()) === 11, "imported rows listed");
  check((await page.getByTestId("secret-missing").count()) === 2, "imported tokens have no secret here");
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
    await expectText(page.getByTestId("recheck-progress"), /^Checking [2-7] of 9…$/, "progress");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
    await shot(page, "32-small-window");
  },
);

// ---------------------------------------------------------------------------- main

async function main() {
  await stat(join(dist, "index.html")).catch(() => {
    throw new Error("ui/dist is missing: run `npm run build` first");
  });
  await mkdir(shots, { recursive: true });
  for (const f of await readdir(shots)) if (f.startsWith("fail-")) await rm(join(shots, f));
  const server = await serve(dist);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const only = process.argv[2];
  let passed = 0;
  let failed = 0;
  try {
    for (const f of flows) {
      if (only && !f.name.includes(only)) continue;
      const context = await browser.newContext({
        viewport: f.opts.viewport ?? { width: 1120, height: 760 },
        deviceScaleFactor: 1,
        colorScheme: f.opts.colorScheme ?? "light",
        locale: "en-GB",
        timezoneId: "Europe/Paris",
      });
      context.setDefaultTimeout(TIMEOUT);
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      const now = Date.now();
      const tokens = f.opts.tokens === "many" ? manyTokens(now) : f.opts.tokens;
      await page.addInitScript(installMockIpc, {
        lang: f.opts.lang ?? "en",
        tokens,
        keychainFailures: f.opts.keychainFailures ?? 0,
        addDelayMs: f.opts.addDelayMs,
        health: f.opts.health,
        catalogue: CATALOGUE,
        recheckDelayMs: f.opts.recheckDelayMs,
        recheckPatches: f.opts.recheckPatches,
      });
      const t0 = Date.now();
      try {
        await page.goto(server.url);
        await f.fn(page);
        check(errors.length === 0, `no page errors (${errors.join("; ")})`);
        passed += 1;
        console.log(`ok   ${f.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed += 1;
        console.log(`FAIL ${f.name}\n     ${e instanceof Error ? e.message : e}`);
        await shot(page, `fail-${flows.indexOf(f)}`).catch(() => {});
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`\nscreenshots: ${shots}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
