// Flows against the built UI (ui/dist) in Debian's Chromium, with Tauri's IPC mocked.
// Usage: npm run build && npm run e2e   (CHROMIUM=/path/to/chromium to override)
// Screenshots go to ../artifacts/ui/*.png. Exits non-zero when a flow fails.

import { createServer } from "node:http";
import { mkdir, readFile, readdir, rm, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { manyTokens } from "./fixtures.mjs";
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
        viewport: { width: 1120, height: 760 },
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
