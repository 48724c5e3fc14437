// Dashboard benchmark (issue 9, "Benchmark"): the built UI (ui/dist) in Chromium with
// Tauri's IPC mocked as the e2e flows do (ui/e2e/mock-ipc.js), at 10 and 1,000 tokens.
//   first render  from the app's first DOM in #app (its script ran; then IPC answered and
//                 the list was built) to the frame after the window is full of rows; and,
//                 for context, from navigation start (page load and script parse included)
//   keystroke     the key's handling -> the list updated and laid out ("7" typed; then
//                 Backspace, every row back); and from the key event to the next frame
//                 painted (the wait for that frame included)
// The list is windowed (ui/src/lib/components/TokenList.svelte): the DOM holds the rows in
// view and a few more; the row counts are printed and checked. Median of RUNS runs each,
// side by side with the ratio, then one `BENCH {json}` line per figure (at 1,000 tokens,
// the 10 tokens' beside it) for `make bench` (bench/all.mjs) to gather. Each figure also
// as the renderer main thread's CPU time, which a busy machine does not inflate as much.
// It only prints: no duration is asserted anywhere. Results: bench/README.md.
// Usage: npm --prefix ui run build && node bench/dashboard.mjs
// (RUNS=15, CHROMIUM=/path/to/chromium, DIST=/path/to/another/dist to override);
// `make bench-ui` does both.

import { createRequire } from "node:module";
import { DOUBLES } from "../ui/e2e/doubles.mjs";
import { CREATION } from "../ui/e2e/creation.mjs";
import { numberedTokens } from "../ui/e2e/fixtures.mjs";
import { dist, serve } from "../ui/e2e/harness.mjs";
import { installMockIpc } from "../ui/e2e/mock-ipc.js";

const { chromium } = createRequire(new URL("../ui/package.json", import.meta.url))("playwright-core");
const RUNS = Number(process.env.RUNS ?? 15);
const SIZES = [10, 1000];
const KEY = "7";
const GOALS = { mount: 100, narrow: 16, widen: 16 };
/** @typedef {"render" | "mount" | "mountCpu" | "narrow" | "narrowPainted" | "narrowCpu" | "widen" | "widenPainted" | "widenCpu"} Figure */
/** Rows the first render must have drawn before it counts as done (a window's worth at 1280×800). */
const FIRST_ROWS = 6;

/** Runs in the page before the app: marks the frame after the first `expected` rows are in the DOM. @param {number} expected */
function markRowsPainted(expected) {
  const w = /** @type {any} */ (window);
  const seen = new MutationObserver(() => {
    if (document.getElementById("app")?.firstChild && w.__appStart === undefined) {
      w.__appStart = performance.now();
      performance.mark("bench:app");
    }
    if (document.querySelectorAll('[data-testid="token-row"]').length < expected) return;
    seen.disconnect();
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark("bench:painted");
        w.__rowsPainted = performance.now();
      }),
    );
  });
  seen.observe(document, { childList: true, subtree: true });
}

/**
 * Arms the search field for the next key. Resolves to two durations: `work`, from the
 * key's handling to the list updated and laid out (the app's own cost, what must fit in a
 * 16 ms frame: its updates run in a microtask after the input event, then layout is
 * forced), and `painted`, from the key event to the frame after it (the wait for the
 * next frame included).
 * @param {import("playwright-core").Page} page
 */
async function armKeystroke(page) {
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.__keystroke = new Promise((done) => {
      addEventListener(
        "keydown",
        (e) => {
          const t0 = performance.now();
          performance.mark("bench:key");
          // On window, so after Svelte's handler (delegated to the app's root): the
          // microtask queued here runs after the one that updates the DOM.
          addEventListener(
            "input",
            () =>
              queueMicrotask(() => {
                document.documentElement.getBoundingClientRect();
                const work = performance.now() - t0;
                requestAnimationFrame(() =>
                  setTimeout(() => {
                    performance.mark("bench:key-painted");
                    done({ work, painted: performance.now() - e.timeStamp });
                  }),
                );
              }),
            { once: true },
          );
        },
        { once: true, capture: true },
      );
    });
  });
}

/**
 * What the list shows: the rows it holds in all (`data-rows`), those in the DOM, whether
 * they fill the window, and whether every one drawn contains `key`.
 * @param {import("playwright-core").Page} page @param {string} key
 */
const listState = (page, key) =>
  page.evaluate((key) => {
    const rows = [...document.querySelectorAll('[data-testid="token-row"]')];
    const bottom = Math.max(0, ...rows.map((r) => r.getBoundingClientRect().bottom));
    return {
      // A build that draws every row has no token-list: its rows are all there is.
      total: Number(document.querySelector('[data-testid="token-list"]')?.getAttribute("data-rows") ?? rows.length),
      inDom: rows.length,
      filled: bottom >= innerHeight,
      allMatch: rows.every((r) => (r.querySelector('[data-testid="token-name"]')?.textContent ?? "").includes(key)),
    };
  }, key);

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The renderer main thread's CPU time (ms) between two `performance.mark`s of a Chromium
 * trace: the difference of their thread clocks (`tts`). Unlike the wall clock, it leaves
 * out the time the thread waited for a core (this machine may be busy with other work)
 * and the time it was idle, waiting for the next frame.
 * @param {any[]} events @param {string} from @param {string} to
 */
function cpuBetween(events, from, to) {
  const mark = (/** @type {string} */ name) => events.find((e) => e.name === name && String(e.cat).includes("user_timing"));
  const a = mark(from);
  const b = mark(to);
  if (a?.tts === undefined || b?.tts === undefined || a.tid !== b.tid) throw new Error(`no thread times for ${from} / ${to} in the trace`);
  return (b.tts - a.tts) / 1000;
}

/**
 * Runs `fn` with the page traced; returns its result and the trace's events.
 * @template T @param {import("playwright-core").Browser} browser @param {import("playwright-core").Page} page @param {() => Promise<T>} fn
 * @returns {Promise<[T, any[]]>}
 */
async function traced(browser, page, fn) {
  await browser.startTracing(page, { categories: ["blink.user_timing"] });
  const result = await fn();
  const trace = JSON.parse((await browser.stopTracing()).toString());
  return [result, trace.traceEvents ?? trace];
}

/** @param {import("playwright-core").Browser} browser @param {string} url @param {number} n */
async function measure(browser, url, n) {
  const list = numberedTokens(n, Date.now());
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: "en-GB" });
  await context.addInitScript(installMockIpc, {
    lang: "en",
    tokens: list,
    catalogue: DOUBLES.scopes,
    errors: DOUBLES.errors,
    grants: DOUBLES.grants,
    commands: DOUBLES.commands,
    preferences: DOUBLES.preferences,
    creation: CREATION,
  });
  await context.addInitScript(markRowsPainted, Math.min(n, FIRST_ROWS));
  /** @type {Record<Figure, number[]>} */
  const runs = { render: [], mount: [], mountCpu: [], narrow: [], narrowPainted: [], narrowCpu: [], widen: [], widenPainted: [], widenCpu: [] };
  const matching = list.filter((t) => t.name.includes(KEY)).length;
  const fail = (/** @type {string} */ what) => {
    throw new Error(`${n} tokens: ${what}`);
  };
  const painted = (/** @type {import("playwright-core").Page} */ page) =>
    page.waitForFunction(() => /** @type {any} */ (window).__rowsPainted !== undefined, null, { timeout: 60_000 });
  let first = { total: 0, inDom: 0, filled: false, allMatch: true };
  // One warm-up load (the browser's caches, as in the app, where dist/ is local), then RUNS.
  for (let run = -1; run < RUNS; run++) {
    const page = await context.newPage();
    const [, events] = await traced(browser, page, async () => {
      await page.goto(url);
      await painted(page);
    });
    if (run >= 0) {
      const [start, end] = await page.evaluate(() => [/** @type {any} */ (window).__appStart, /** @type {any} */ (window).__rowsPainted]);
      runs.render.push(end);
      runs.mount.push(end - start);
      runs.mountCpu.push(cpuBetween(events, "bench:app", "bench:painted"));
    } else {
      first = await listState(page, "");
      if (first.total !== n) fail(`the list holds ${first.total} rows`);
      if (first.inDom < n && !first.filled) fail(`the first frame does not fill the window (${first.inDom} rows drawn)`);
    }
    await page.close();
  }
  const page = await context.newPage();
  await page.goto(url);
  await painted(page);
  await page.getByTestId("search").focus();
  /** @param {string} key @returns {Promise<[{ work: number, painted: number }, number]>} */
  const press = async (key) => {
    await armKeystroke(page);
    const [times, events] = await traced(browser, page, async () => {
      await page.keyboard.press(key);
      return page.evaluate(() => /** @type {any} */ (window).__keystroke);
    });
    return [times, cpuBetween(events, "bench:key", "bench:key-painted")];
  };
  let narrowed = first;
  for (let run = -1; run < RUNS; run++) {
    const [typed, typedCpu] = await press(KEY);
    narrowed = await listState(page, KEY);
    if (narrowed.total !== matching || !narrowed.allMatch) fail(`"${KEY}" shows ${narrowed.total} rows, expected ${matching}`);
    const [cleared, clearedCpu] = await press("Backspace");
    if ((await listState(page, "")).total !== n) fail("Backspace did not bring every row back");
    if (run >= 0) {
      runs.narrow.push(typed.work), runs.narrowPainted.push(typed.painted), runs.narrowCpu.push(typedCpu);
      runs.widen.push(cleared.work), runs.widenPainted.push(cleared.painted), runs.widenCpu.push(clearedCpu);
    }
  }
  await context.close();
  const stats = /** @type {Record<Figure, { median: number, min: number, max: number }>} */ ({});
  for (const [k, xs] of Object.entries(runs)) stats[/** @type {Figure} */ (k)] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
  return { ...stats, matching, rowsInDom: first.inDom, narrowedInDom: narrowed.inDom };
}

async function main() {
  // DIST: another build of the UI, e.g. an older one to compare with.
  const server = await serve(process.env.DIST ?? dist);
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
    /** @param {string} what @param {Figure} k @param {string} goal */
    const line = (what, k, goal) =>
      console.log(`${what.padEnd(44)}${ms(r[a][k].median)}${ms(r[b][k].median)}${`×${(r[b][k].median / r[a][k].median).toFixed(1)}`.padStart(8)}   ${goal}`);
    console.log(`Dashboard in Chromium ${await browser.version()}, 1280×800, median of ${RUNS} runs\n`);
    console.log(`${"".padEnd(44)}${`${a} tokens`.padStart(12)}${`${b} tokens`.padStart(12)}${"ratio".padStart(8)}   goal at ${b}`);
    line("first render: app start → rows painted", "mount", `< ${GOALS.mount} ms`);
    line("  main-thread CPU in it", "mountCpu", `< ${GOALS.mount} ms`);
    line("  with page load (navigation → rows)", "render", "");
    line(`keystroke "${KEY}" (${r[a].matching} / ${r[b].matching} rows match)`, "narrow", `< ${GOALS.narrow} ms`);
    line("  main-thread CPU, key → frame painted", "narrowCpu", `< ${GOALS.narrow} ms`);
    line("  key → next frame painted", "narrowPainted", "");
    line("keystroke Backspace (every row back)", "widen", `< ${GOALS.widen} ms`);
    line("  main-thread CPU, key → frame painted", "widenCpu", `< ${GOALS.widen} ms`);
    line("  key → next frame painted", "widenPainted", "");
    console.log(`${"rows in the DOM (of all rows)".padEnd(44)}${`${r[a].rowsInDom} / ${a}`.padStart(12)}${`${r[b].rowsInDom} / ${b}`.padStart(12)}`);
    console.log("");
    /** @type {[string, Figure, string, number | null][]} */
    const figures = [
      ["render", "mount", "first render, app start → rows painted", GOALS.mount],
      ["render_cpu", "mountCpu", "first render, main-thread CPU", GOALS.mount],
      ["render_with_load", "render", "first render with page load (navigation → rows)", null],
      ["keystroke_narrow", "narrow", `keystroke "${KEY}", key → list updated and laid out`, GOALS.narrow],
      ["keystroke_narrow_cpu", "narrowCpu", `keystroke "${KEY}", main-thread CPU to the frame painted`, GOALS.narrow],
      ["keystroke_narrow_painted", "narrowPainted", `keystroke "${KEY}", key → next frame painted`, null],
      ["keystroke_widen", "widen", "keystroke Backspace, key → list updated and laid out", GOALS.widen],
      ["keystroke_widen_cpu", "widenCpu", "keystroke Backspace, main-thread CPU to the frame painted", GOALS.widen],
      ["keystroke_widen_painted", "widenPainted", "keystroke Backspace, key → next frame painted", null],
    ];
    // One line per figure at 1,000 tokens, the 10 tokens' figure beside it (bench/all.mjs).
    for (const [name, k, what, goal] of figures) {
      const [x, y] = [r[a][k], r[b][k]];
      const fig = {
        name: `dashboard_${name}_${b}_ms`,
        what: `${b.toLocaleString("en")} tokens: ${what}`,
        value: +y.median.toFixed(1),
        unit: "ms",
        base: +x.median.toFixed(1),
        vs: `${a} tokens`,
        ratio: +(y.median / x.median).toFixed(2),
        stat: `median of ${RUNS}`,
        min: +y.min.toFixed(1),
        max: +y.max.toFixed(1),
        ...(goal === null ? {} : { goal_ms: goal, met: y.median < goal }),
      };
      console.log(`BENCH ${JSON.stringify(fig)}`);
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
