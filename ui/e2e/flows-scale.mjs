// The dashboard at 1,000 tokens (issue 9, "Benchmark"): the list is windowed, so the DOM
// holds a window's worth of rows, yet scrolling, the keyboard, the search and screen
// readers reach every token. Screenshots: artifacts/ui/s-1000-tokens-{en,fr}-*.png.

import { axe } from "./flows-a11y.mjs";
import { check, expectText, flow, shot } from "./harness.mjs";

const N = 1000;
/**
 * The last row in the default order (expiry, soonest first): numberedTokens copies the 11
 * tokens of fixtures.mjs in turn; ghe.example.com's group comes last (its most urgent
 * token is the least urgent of the groups'), and in it "GHES automation" (200 days) after
 * "GHES backup" (6 days); the copies of it are numbers 7, 18, … 997.
 */
const LAST = "GHES automation 0997";
const FIRST_OF_LAST_GROUP = "GHES backup 0006";

/** @param {import("playwright-core").Page} page */
const rowsInDom = (page) => page.getByTestId("token-row").count();

/** The name of the row holding the focus, and where it is in the window. @param {import("playwright-core").Page} page */
const focused = (page) =>
  page.evaluate(() => {
    const row = document.activeElement?.closest('[data-testid="token-row"]');
    const box = row?.getBoundingClientRect();
    const header = document.querySelector("header")?.getBoundingClientRect();
    return {
      name: row?.querySelector('[data-testid="token-name"]')?.textContent ?? null,
      inView: !!box && !!header && box.top >= header.bottom - 1 && box.bottom <= innerHeight + 1,
    };
  });

/** Scrolls to the very end, again on each frame until there (the list settles its measured sizes). @param {import("playwright-core").Page} page */
const scrollToEnd = (page) =>
  page.waitForFunction(() => {
    const end = document.documentElement.scrollHeight;
    scrollTo({ top: end, behavior: "instant" });
    return innerHeight + scrollY >= end - 1;
  });

flow(`${N} tokens: a window's worth of rows in the DOM, and scrolling to the end shows the last`, { tokens: N, viewport: { width: 1280, height: 800 } }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  check((await page.getByTestId("token-list").getAttribute("data-rows")) === String(N), `the list holds ${N} rows`);
  const atTop = await rowsInDom(page);
  check(atTop > 5 && atTop < 40, `far fewer rows than ${N} in the DOM (${atTop})`);
  // The page is as tall as every row: the scrollbar tells how long the list is.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  check(height > N * 60, `the page is as tall as ${N} rows (${height}px)`);
  // Screen readers: each row says where it is in its account's list.
  const first = page.locator("li[aria-posinset]").first();
  check((await first.getAttribute("aria-posinset")) === "1", "the first row is 1 of its list");
  check(Number(await first.getAttribute("aria-setsize")) > 200, "of the account's whole list, not of the rows drawn");

  await scrollToEnd(page);
  const last = page.getByTestId("token-row").last();
  await expectText(last.getByTestId("token-name"), new RegExp(`^${LAST}$`), "the last row at the end");
  const box = await last.boundingBox();
  check(!!box && box.y + box.height <= 800 + 1 && box.y > 0, "the last row is in the window");
  const item = page.locator("li[aria-posinset]").last();
  check((await item.getAttribute("aria-posinset")) === (await item.getAttribute("aria-setsize")), "the last row is the last of its list");
  check((await rowsInDom(page)) < 40, "still a window's worth of rows at the end");
  check((await page.getByTestId("token-row").filter({ hasText: "Old script 0003" }).count()) === 0, "rows from the top have left the DOM");
});

flow(`${N} tokens: the keyboard moves from row to row and reaches the last`, { tokens: N, viewport: { width: 1280, height: 800 } }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  // Tab from the toolbar's last control (the sort) reaches the first row, as with a short list.
  await page.getByTestId("sort").focus();
  await page.keyboard.press("Tab");
  const top = await focused(page);
  check(top.name !== null, "Tab after the toolbar lands on the first row");
  await page.keyboard.press("ArrowDown");
  const second = await focused(page);
  check(second.name !== null && second.name !== top.name && second.inView, `↓ moves to the next row (${second.name})`);
  await page.keyboard.press("End");
  await page.waitForFunction((name) => document.activeElement?.closest('[data-testid="token-row"]')?.querySelector('[data-testid="token-name"]')?.textContent === name, LAST);
  await page.waitForFunction(() => {
    const r = document.activeElement?.getBoundingClientRect();
    return !!r && r.bottom <= innerHeight + 1 && r.top >= 0;
  });
  check((await focused(page)).inView, "End scrolls the last row into view, clear of the header");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  const up = await focused(page);
  check(up.name !== null && up.name.startsWith("GHES automation") && up.inView, `↑ goes back a row at a time (${up.name})`);
  // Enter on the focused row opens its details.
  await page.keyboard.press("Enter");
  await expectText(page.locator("#details-title"), new RegExp(up.name ?? "-"), "the row's details");
  await page.keyboard.press("Escape");
  await page.getByTestId("token-details").waitFor({ state: "detached" });
  await page.keyboard.press("Home");
  await page.waitForFunction((name) => document.activeElement?.closest('[data-testid="token-row"]')?.querySelector('[data-testid="token-name"]')?.textContent === name, top.name);
  check((await page.evaluate(() => scrollY)) < 200, "Home scrolls back to the top");
  // Tab goes on through the rows' buttons past the first window: the window follows.
  const far = "Old script 0157"; // the 15th row: the 15th copy of "Old script" (3, 14, … 157)
  for (let i = 0; i < 80 && (await focused(page)).name !== far; i++) await page.keyboard.press("Tab");
  const tabbed = await focused(page);
  check(tabbed.name === far && tabbed.inView, `Tab reaches the 15th row, in view (${tabbed.name})`);
  await page.keyboard.press("Home");
  // The focused row stays in the DOM when the page is scrolled away from it.
  await scrollToEnd(page);
  check((await focused(page)).name === top.name, "the focused row keeps the focus when scrolled out of view");
});

flow(`${N} tokens: a search narrows the list and clearing it brings every row back`, { tokens: N, viewport: { width: 1280, height: 800 } }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  await scrollToEnd(page);
  await page.getByTestId("search").fill("0997");
  await page.waitForFunction(() => document.querySelector('[data-testid="token-list"]')?.getAttribute("data-rows") === "1");
  await expectText(page.getByTestId("token-name"), new RegExp(`^${LAST}$`), "the one token matching");
  check((await rowsInDom(page)) === 1, "one row drawn");
  await page.getByTestId("search").fill("GHES backup");
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="token-list"]')?.getAttribute("data-rows")) === 91);
  await expectText(page.getByTestId("token-name").first(), new RegExp(`^${FIRST_OF_LAST_GROUP}$`), "the first match at the top");
  await page.getByTestId("search").fill("");
  await page.waitForFunction((n) => document.querySelector('[data-testid="token-list"]')?.getAttribute("data-rows") === String(n), N);
  check((await rowsInDom(page)) < 40, "a window's worth again");
});

for (const lang of /** @type {const} */ (["en", "fr"])) {
  flow(`${N} tokens ${lang}: screenshots at the top and the end; no serious accessibility violation`, { tokens: N, lang, viewport: { width: 1280, height: 800 } }, async (page) => {
    await page.getByTestId("token-row").first().waitFor();
    await shot(page, `s-1000-tokens-${lang}-1280x800`, false);
    await axe(page, `${N} tokens`);
    await scrollToEnd(page);
    await expectText(page.getByTestId("token-row").last().getByTestId("token-name"), new RegExp(`^${LAST}$`), "the last row");
    await shot(page, `s-1000-tokens-${lang}-1280x800-end`, false);
  });
}
