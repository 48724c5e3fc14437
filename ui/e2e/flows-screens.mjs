// Flows for issue 8's screens: every state's details, the add dialog's errors, the
// smallest window, scrolling under a modal, toasts, host headings, long names, the
// attention filter, providing a missing secret and the language choice. Each state is
// shot in English and French, at 1280×800 and 640×480 (artifacts/ui/s-*.png).

import { VALID, check, expectText, flow, mock, openDetails, shot } from "./harness.mjs";

const SIZES = [
  { width: 1280, height: 800 },
  { width: 640, height: 480 },
];
const LANGS = /** @type {const} */ (["en", "fr"]);
/** Details worth a look, by token name in fixtures.mjs, and what the drawer must say. */
const DETAILS = [
  { name: "Revoked laptop", file: "revoked", sentence: { en: /revoked or deleted/, fr: /révoqué ou supprimé/ } },
  { name: "Old script", file: "expired", sentence: { en: /^This token expired on/, fr: /^Ce jeton a expiré le/ } },
  { name: "Moved laptop", file: "missing", sentence: { en: /no longer in your system keychain/, fr: /n’est plus dans le trousseau/ } },
  { name: "Forever", file: "never-expires", sentence: { en: /no expiry date/, fr: /pas de date d’expiration/ } },
  { name: "GHES backup", file: "unreachable", sentence: { en: /expires on/, fr: /expire le/ } },
];
const OTHER = "ghp_other" + "x".repeat(31);
const DUP = "ghp_dup" + "x".repeat(33);

/** The part of a locator's box inside the window, as a fraction of the box. @param {import("playwright-core").Locator} l */
async function visibleFraction(l) {
  return l.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const h = Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0));
    const w = Math.max(0, Math.min(r.right, innerWidth) - Math.max(r.left, 0));
    return r.width * r.height === 0 ? 0 : (h * w) / (r.width * r.height);
  });
}

for (const lang of LANGS) {
  for (const viewport of SIZES) {
    const size = `${viewport.width}x${viewport.height}`;
    flow(`screens ${lang} ${size}: dashboard and the details of each state`, { tokens: "many", lang, viewport }, async (page) => {
      await page.getByTestId("token-row").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
      await shot(page, `s-dashboard-${lang}-${size}`);
      for (const d of DETAILS) {
        const drawer = await openDetails(page, d.name);
        await expectText(drawer.getByTestId("details-sentence"), d.sentence[lang], `${d.name}: its own sentence`);
        check((await visibleFraction(drawer.getByTestId("details-state"))) > 0.99, `${d.name}: the state is in view`);
        await shot(page, `s-details-${d.file}-${lang}-${size}`, false);
        await page.keyboard.press("Escape");
        await drawer.waitFor({ state: "detached" });
      }
    });

    flow(`screens ${lang} ${size}: the add dialog's errors stay in view with its buttons`, { tokens: "many", lang, viewport }, async (page) => {
      await page.getByTestId("token-row").first().waitFor();
      await page.getByTestId("add-token").click();
      // A taken name shows at the Name field; the pasted token stays.
      await page.getByTestId("add-name").fill("Laptop git");
      await page.getByTestId("add-secret").fill(VALID);
      await page.getByTestId("add-submit").click();
      const nameError = page.getByTestId("add-name-error");
      await expectText(nameError, lang === "en" ? /already named "Laptop git"/ : /s’appelle déjà « Laptop git »/, "at the Name field");
      check((await page.getByTestId("add-secret").inputValue()) === VALID, "the token is not emptied");
      check((await page.getByTestId("add-error").count()) === 0, "not in the banner");
      check((await visibleFraction(nameError)) > 0.99, "the name's error is in view");
      check((await visibleFraction(page.getByTestId("add-submit"))) > 0.99, "the buttons are in view");
      await shot(page, `s-add-name-taken-${lang}-${size}`, false);
      // Correcting the field drops the message at once.
      await page.getByTestId("add-name").fill("Laptop git 2");
      check((await nameError.count()) === 0, "the message goes once the name changes");
      // An error about no field sits above the buttons, both in view.
      await page.getByTestId("add-secret").fill("ghp_net" + "x".repeat(33));
      await page.getByTestId("add-submit").click();
      const note = page.getByTestId("add-error");
      await note.waitFor();
      check((await visibleFraction(note)) > 0.99, "the dialog's error is in view");
      check((await visibleFraction(page.getByTestId("add-submit"))) > 0.99, "the buttons are in view");
      await shot(page, `s-add-network-${lang}-${size}`, false);
      // The same secret under another name shows at the token field.
      await page.getByTestId("add-secret").fill(DUP);
      await page.getByTestId("add-submit").click();
      const dup = page.getByTestId("add-secret-error");
      await expectText(dup, lang === "en" ? /already saved as "/ : /déjà enregistré sous le nom « /, "duplicate at the token field");
      check((await visibleFraction(dup)) > 0.99, "the token's error is in view");
      await shot(page, `s-add-duplicate-${lang}-${size}`, false);
    });
  }
}

flow("scrolling past the end of the details or a dialog does not scroll the list", { tokens: "many", viewport: SIZES[1] }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  const drawer = await openDetails(page, "Release bot");
  await drawer.getByTestId("grants-tree").waitFor();
  const panel = page.locator('[data-testid="token-details"]');
  check((await panel.evaluate((el) => getComputedStyle(el).overscrollBehaviorY)) === "contain", "overscroll contained");
  const box = await panel.boundingBox();
  if (!box) throw new Error("no drawer box");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 12; i += 1) await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="token-details"]');
    return el !== null && el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
  });
  check((await page.evaluate(() => scrollY)) === 0, "the list behind did not move");
  await page.keyboard.press("Escape");
  await drawer.waitFor({ state: "detached" });
  // With no modal open, the same wheel scrolls the list.
  await page.mouse.wheel(0, 400);
  await page.waitForFunction(() => scrollY > 0);
});

flow("a toast never covers the bottom row", { tokens: "many", viewport: SIZES[0] }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  await page.getByTestId("menu").click();
  await page.getByTestId("menu-export").click();
  const notice = page.getByTestId("notice");
  await notice.waitFor();
  // Scroll to the very end, again on each frame until there (the page may still grow).
  await page.waitForFunction(() => {
    const end = document.documentElement.scrollHeight;
    scrollTo({ top: end, behavior: "instant" });
    return innerHeight + scrollY >= end - 1;
  });
  const last = await page.getByTestId("token-row").last().boundingBox();
  const toast = await notice.boundingBox();
  if (!last || !toast) throw new Error("no boxes");
  check(last.y + last.height <= toast.y, `the last row ends (${last.y + last.height}) above the toast (${toast.y})`);
  await shot(page, "s-toast-bottom-1280x800", false);
});

flow(
  "host headings in core's case; a long name can be read at any width",
  {
    viewport: SIZES[0],
    tokens: [
      { host: "http://localhost:37539", name: "Demo GHES token with a long name that says which machine, which repository and why it exists" },
      { host: "http://127.0.0.1:37539", name: "Laptop git" },
    ],
  },
  async (page) => {
    await page.getByTestId("token-row").first().waitFor();
    const headings = await page.locator('[data-testid="host-group"] h2').evaluateAll((hs) => hs.map((h) => /** @type {HTMLElement} */ (h).innerText.trim()));
    check(JSON.stringify(headings.sort()) === JSON.stringify(["127.0.0.1:37539", "localhost:37539"]), `headings as core gives them: ${headings}`);
    for (const viewport of SIZES) {
      await page.setViewportSize(viewport);
      const name = page.getByTestId("token-name").filter({ hasText: "Demo GHES" });
      const cut = await name.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
      check(!cut, `the long name is not cut at ${viewport.width}px`);
      check((await visibleFraction(name)) > 0.99, `the long name is on screen at ${viewport.width}px`);
      await shot(page, `s-long-name-${viewport.width}x${viewport.height}`);
    }
  },
);

flow("the attention count filters to the tokens that need attention", { tokens: "many", viewport: SIZES[0] }, async (page) => {
  const button = page.getByTestId("summary-attention");
  await expectText(button, /^7 need attention$/, "count");
  await button.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="token-row"]').length === 7);
  check((await page.getByTestId("filter-status").inputValue()) === "attention", "the filter says so");
  await shot(page, "s-attention-filter-1280x800");
  await button.click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="token-row"]').length === 11);
});

flow("a missing secret is provided from the details", { tokens: "many", viewport: SIZES[1], lang: "fr" }, async (page) => {
  const drawer = await openDetails(page, "Moved laptop");
  await drawer.getByTestId("details-provide").click();
  await page.getByTestId("provide-secret").fill(OTHER);
  await page.getByTestId("provide-submit").click();
  await expectText(page.getByTestId("provide-error"), /appartient à hubot on github\.com, pas à octocat/, "refused at the field");
  check((await visibleFraction(page.getByTestId("provide-submit"))) > 0.99, "buttons in view");
  await shot(page, "s-provide-error-fr-640x480", false);
  await page.getByTestId("provide-secret").fill(VALID);
  await page.getByTestId("provide-submit").click();
  await page.getByTestId("provide-dialog").waitFor({ state: "detached" });
  await expectText(drawer.getByTestId("details-status"), /^Valide$/, "GitHub's word again");
  const calls = (await mock(page)).calls;
  check(calls.some((c) => c.cmd === "provide_secret" && c.args.id === "id-moved-laptop" && c.args.token === "<redacted>"), "provide_secret(id, token)");
});

flow("the language choice includes System", { tokens: "many", langChoice: "en", systemLang: "fr" }, async (page) => {
  const select = page.getByTestId("lang-switch");
  await expectText(page.getByTestId("add-token"), /^Add token$/, "English chosen");
  await select.selectOption("system");
  await expectText(page.getByTestId("add-token"), /Ajouter un jeton/, "the system's French");
  check((await select.inputValue()) === "system", "System stays chosen");
  const calls = (await mock(page)).calls;
  check(calls.some((c) => c.cmd === "set_lang" && c.args.choice === "system"), "set_lang(system)");
});
