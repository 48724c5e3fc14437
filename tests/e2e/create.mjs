// The creation wizard end to end: Jeton opens GitHub's pre-filled page in the (stand-in)
// browser; the test drives that page in Chromium, signed in to fakehub, submits it and
// copies the token shown to the X11 clipboard, as a person would; Jeton's clipboard
// watch picks it up and stores it with no paste.
import { spawn } from "node:child_process";
// playwright-core is a dependency of the UI's tests.
import { chromium } from "../../ui/node_modules/playwright-core/index.mjs";

/** Puts `text` on the X11 clipboard the way an application does (xclip serves it). */
export function copyToClipboard(text) {
  const xclip = spawn("xclip", ["-i", "-selection", "clipboard"], { stdio: ["pipe", "ignore", "inherit"] });
  xclip.stdin.end(text);
  return new Promise((ok, fail) => xclip.once("exit", (code) => (code === 0 ? ok() : fail(new Error(`xclip exited with ${code}`)))));
}

/**
 * Opens `url` in Chromium signed in to the hub as `login`, checks the page is pre-filled
 * with `name`, asks for "All repositories", submits, and answers the token GitHub shows once.
 * @param {import("./hub.mjs").Hub} hub @param {string} url @param {string} login @param {string} name @param {string} shotPath
 */
export async function createOnGitHub(hub, url, login, name, shotPath) {
  const { value } = await hub.admin("/sessions", { login });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name: "user_session", value, url: new URL(url).origin }]);
    const page = await context.newPage();
    await page.goto(url);
    const filled = await page.locator("#name, #description").first().inputValue();
    if (filled !== name) throw new Error(`GitHub's page is not pre-filled with the name: ${JSON.stringify(filled)}`);
    await page.locator('input[name="repository_access"][value="all"]').check().catch(() => {});
    await page.screenshot({ path: shotPath, fullPage: true });
    await page.getByRole("button", { name: "Generate token" }).click();
    return (await page.locator("#new-token").textContent({ timeout: 20000 }))?.trim() ?? "";
  } finally {
    await browser.close();
  }
}
