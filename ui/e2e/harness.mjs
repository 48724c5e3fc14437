// What every flow file shares: the static server for dist/, the checks, screenshots,
// and the list of flows that run.mjs runs.

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
export const dist = resolve(here, "../dist");
export const shots = resolve(here, "../../artifacts/ui");
export const TIMEOUT = 8000;

export const VALID = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"; // 36 characters after the prefix
export const BAD = "ghp_bad" + "x".repeat(33);
export const NET = "ghp_net" + "x".repeat(33);

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
export async function serve(root) {
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

export class Failure extends Error {}

export function check(cond, what) {
  if (!cond) throw new Failure(what);
}

/** Waits until the locator's text matches. */
export async function expectText(locator, re, what) {
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
export async function shot(page, name, fullPage = true) {
  const path = join(shots, `${name}.png`);
  await page.screenshot({ path, fullPage, animations: "disabled" });
  return path;
}


/** What the mocked back end saw and holds (calls, pages asked for, state). @param {import("playwright-core").Page} page */
export const mock = (page) => page.evaluate(() => /** @type {any} */ (window).__jeton);

/** Rows whose badge says the secret is missing. @param {import("playwright-core").Page} page */
export const missingBadges = (page) => page.locator('[data-testid="token-status"][data-status="secret_missing"]').count();

/** Opens a token's details from its name. @param {import("playwright-core").Page} page @param {string} name */
export async function openDetails(page, name) {
  await page.getByTestId("token-row").filter({ hasText: name }).getByTestId("token-name").click();
  const drawer = page.getByTestId("token-details");
  await drawer.waitFor();
  // Settled where it ends up: the slide-in animation is over.
  await drawer.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished)));
  return drawer;
}

// ---------------------------------------------------------------------------- flows

/** @type {{ name: string, opts: any, fn: (page: import("playwright-core").Page) => Promise<void> }[]} */
export const flows = [];
/** @param {string} name @param {object} opts @param {(page: import("playwright-core").Page) => Promise<void>} fn */
export const flow = (name, opts, fn) => flows.push({ name, opts, fn });
