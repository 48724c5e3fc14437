// Dashboard benchmark (issue 9, "Benchmark"): the built UI (ui/dist) in Chromium with
// Tauri's IPC mocked as the e2e flows do (ui/e2e/mock-ipc.js), at 10 and 1,000 tokens.
//   first render  navigation start -> the frame after every row is in the DOM; and from
//                 the app's first DOM in #app (its script ran; then IPC answered, rows built)
//   keystroke     the key event -> the frame after the filtered list ("7" typed; then
//                 Backspace, every row back)
// Median of RUNS runs each, printed side by side with the ratio. It only prints: no
// duration is asserted anywhere. Usage: npm --prefix ui run build && node bench/dashboard.mjs
// (RUNS=20, CHROMIUM=/path/to/chromium to override); `make bench-ui` does both.

import { createRequire } from "node:module";
import { DOUBLES } from "../ui/e2e/doubles.mjs";
import { CREATION } from "../ui/e2e/creation.mjs";
import { manyTokens } from "../ui/e2e/fixtures.mjs";
import { dist, serve } from "../ui/e2e/harness.mjs";
import { installMockIpc } from "../ui/e2e/mock-ipc.js";

const { chromium } = createRequire(new URL("../ui/package.json", import.meta.url))("playwright-core");
const RUNS = Number(process.env.RUNS ?? 15);
const SIZES = [10, 1000];
const KEY = "7";

/** `n` tokens in every state, spread over the fixture's hosts and accounts, numbered. @param {number} n */
function tokens(n) {
  const kinds = manyTokens(Date.now());
  return Array.from({ length: n }, (_, i) => {
    const t = kinds[i % kinds.length];
    const num = String(i).padStart(4, "0");
    return { ...t, id: `id-${num}`, name: `${t.name} ${num}` };
  });
}

/** Runs in the page before the app: marks the frame after `expected` rows are in the DOM. @param {number} expected */
function markRowsPainted(expected) {
  const w = /** @type {any} */ (window);
  const seen = new MutationObserver(() => {
    if (document.getElementById("app")?.firstChild) w.__appStart ??= performance.now();
    if (document.querySelectorAll('[data-testid="token-row"]').length < expected) return;
    seen.disconnect();
    w.__rowsInDom = performance.now();
    requestAnimationFrame(() => setTimeout(() => (w.__rowsPainted = performance.now())));
  });
  seen.observe(document, { childList: true, subtree: true });
}

/** Arms the search field: the next key event's time to the frame after the list changed. @param {import("playwright-core").Page} page */
async function armKeystroke(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-testid="search"]'));
    w.__keystroke = new Promise((done) => {
      input.addEventListener(
        "keydown",
        (e) => {
          const t0 = e.timeStamp;
          input.addEventListener("input", () => requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0))), { once: true });
        },
        { once: true },
      );
    });
  });
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** @param {import("playwright-core").Browser} browser @param {string} url @param {number} n */
async function measure(browser, url, n) {
  const list = tokens(n);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "en-GB" });
  await context.addInitScript(installMockIpc, {
    lang: "en",
    tokens: list,
    catalogue: DOUBLES.scopes,
    errors: DOUBLES.errors,
    grants: DOUBLES.grants,
    commands: DOUBLES.commands,
    creation: CREATION,
  });
  await context.addInitScript(markRowsPainted, n);
  const render = [];
  const mount = [];
  const narrow = [];
  const widen = [];
  const matching = list.filter((t) => t.name.includes(KEY)).length;
  // One warm-up load (the browser's caches, as in the app, where dist/ is local), then RUNS.
  for (let run = -1; run < RUNS; run++) {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => /** @type {any} */ (window).__rowsPainted !== undefined, null, { timeout: 60_000 });
    if (run >= 0) {
      const [start, painted] = await page.evaluate(() => [/** @type {any} */ (window).__appStart, /** @type {any} */ (window).__rowsPainted]);
      render.push(painted);
      mount.push(painted - start);
    }
    await page.close();
  }
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => /** @type {any} */ (window).__rowsPainted !== undefined, null, { timeout: 60_000 });
  const search = page.getByTestId("search");
  await search.focus();
  const rows = page.getByTestId("token-row");
  for (let run = -1; run < RUNS; run++) {
    await armKeystroke(page);
    await page.keyboard.press(KEY);
    const typed = await page.evaluate(() => /** @type {any} */ (window).__keystroke);
    const shown = await rows.count();
    if (shown !== matching) throw new Error(`${n} tokens: "${KEY}" shows ${shown} rows, expected ${matching}`);
    await armKeystroke(page);
    await page.keyboard.press("Backspace");
    const cleared = await page.evaluate(() => /** @type {any} */ (window).__keystroke);
    if ((await rows.count()) !== n) throw new Error(`${n} tokens: Backspace did not bring every row back`);
    if (run >= 0) narrow.push(typed), widen.push(cleared);
  }
  await context.close();
  return { render: median(render), mount: median(mount), narrow: median(narrow), widen: median(widen), matching };
}

async function main() {
  const server = await serve(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--no-first-run", "--disable-background-networking", "--disable-component-update"],
  });
  try {
    /** @type {Record<number, Awaited<ReturnType<typeof measure>>>} */
    const r = {};
    for (const n of SIZES) r[n] = await measure(browser, server.url, n);
    const [a, b] = SIZES;
    const ms = (/** @type {number} */ x) => `${x.toFixed(1)} ms`.padStart(12);
    const line = (/** @type {string} */ what, /** @type {"render" | "mount" | "narrow" | "widen"} */ k, /** @type {string} */ goal) =>
      console.log(`${what.padEnd(34)}${ms(r[a][k])}${ms(r[b][k])}${`×${(r[b][k] / r[a][k]).toFixed(1)}`.padStart(8)}   ${goal}`);
    console.log(`Dashboard in ${(await browser.version())}, median of ${RUNS} runs\n`);
    console.log(`${"".padEnd(34)}${`${a} tokens`.padStart(12)}${`${b} tokens`.padStart(12)}${"ratio".padStart(8)}   goal at ${b}`);
    line("first render (navigation → rows)", "render", "< 100 ms");
    line("  of which app mounted → rows", "mount", "");
    line(`keystroke "${KEY}" (${r[a].matching} / ${r[b].matching} rows left)`, "narrow", "< 16 ms");
    line("keystroke Backspace (every row)", "widen", "< 16 ms");
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
