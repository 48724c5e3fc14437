// Accessibility (issue 9, point 9): axe-core over every screen and every step of the
// creation wizard, in light and dark; a flow fails on any serious or critical violation
// and lists them (rule, impact, the elements it found).

import { AxeBuilder } from "@axe-core/playwright";
import { RECOVERED } from "./fixtures.mjs";
import { VALID, Failure, flow, openDetails } from "./harness.mjs";

/**
 * Runs axe on the page as it is now; throws listing the serious and critical violations.
 * @param {import("playwright-core").Page} page @param {string} screen
 */
export async function axe(page, screen) {
  // Settled first: a half-faded element would be judged on its passing colours.
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished)));
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length === 0) return;
  const list = bad.map((v) => `[${v.impact}] ${v.id}: ${v.help}\n       ${v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ")})` : ""}`).join("\n       ")}${v.nodes.length > 4 ? `\n       … and ${v.nodes.length - 4} more` : ""}`);
  throw new Failure(`${screen}: ${bad.length} serious or critical violation(s)\n     ${list.join("\n     ")}`);
}

const TOKENS = [{ name: "Laptop git", login: "octocat" }];

for (const colorScheme of /** @type {const} */ (["light", "dark"])) {
  flow(`a11y ${colorScheme}: empty state`, { tokens: [], colorScheme }, async (page) => {
    await page.getByTestId("empty-state").waitFor();
    await axe(page, "empty state");
  });

  flow(`a11y ${colorScheme}: dashboard in every state, details, add error, forget, import, recovered`, { tokens: "many", colorScheme, health: { recovered: RECOVERED, missing: [] } }, async (page) => {
    await page.getByTestId("token-row").first().waitFor();
    await page.getByTestId("recovered-section").waitFor();
    await axe(page, "dashboard with every state and recovered secrets");

    for (const name of ["Revoked laptop", "Acme SSO", "Moved laptop", "CI deploy"]) {
      await openDetails(page, name);
      await axe(page, `details of ${name}`);
      await page.keyboard.press("Escape");
      await page.getByTestId("token-details").waitFor({ state: "detached" });
    }

    await page.getByTestId("add-token").click();
    await page.getByTestId("add-name").fill("Laptop git");
    await page.getByTestId("add-secret").fill(VALID);
    await page.getByTestId("add-submit").click();
    await page.getByTestId("add-name-error").waitFor();
    await axe(page, "add dialog with an error");
    await page.keyboard.press("Escape");
    await page.getByTestId("add-name-error").waitFor({ state: "detached" });

    await page.getByTestId("token-row").filter({ hasText: "Revoked laptop" }).getByTestId("token-forget").click();
    await page.getByTestId("confirm-dialog").waitFor();
    await axe(page, "forget confirmation");
    await page.getByTestId("confirm-cancel").click();
    await page.getByTestId("confirm-dialog").waitFor({ state: "detached" });

    await page.getByTestId("menu").click();
    await page.getByTestId("menu-export").waitFor();
    await axe(page, "menu");
    const incoming = {
      tokens: [{ id: "id-new", name: "Deploy keys", host: "https://github.com", kind: "classic", login: "octocat", scopes: ["repo"], permissions: null, expires_at: null }],
    };
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByTestId("menu-import").click()]);
    await chooser.setFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(incoming)) });
    await page.getByTestId("import-summary").waitFor();
    await axe(page, "import summary");
  });

  flow(`a11y ${colorScheme}: each step of the creation wizard`, { tokens: TOKENS, colorScheme }, async (page) => {
    await page.getByTestId("token-row").first().waitFor();
    await page.getByTestId("create-token").click();
    await page.getByTestId("wizard").waitFor();
    await axe(page, "wizard: purpose");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-name").fill("x".repeat(41));
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-name-error").waitFor();
    await axe(page, "wizard: details with an error");
    await page.getByTestId("wizard-name").fill("deploy bot");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-permissions").waitFor();
    await axe(page, "wizard: access");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-checklist").waitFor();
    await axe(page, "wizard: GitHub's page");
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-watch").waitFor();
    await axe(page, "wizard: waiting for the token");
    await page.evaluate((t) => /** @type {any} */ (window).__jeton.clipboardGets(t), "github_pat_" + "A".repeat(22) + "_" + "b".repeat(59));
    await page.getByTestId("wizard-done").waitFor();
    await axe(page, "wizard: done");
  });

  flow(`a11y ${colorScheme}: the wizard's classic scopes`, { tokens: TOKENS, colorScheme }, async (page) => {
    await page.getByTestId("create-token").click();
    await page.getByTestId("wizard-preset").filter({ hasText: "gh CLI minimum" }).click();
    await page.getByTestId("wizard-next").click();
    await page.getByTestId("wizard-next").click();
    await page.locator('[data-testid="wizard-scope"]').first().waitFor();
    await axe(page, "wizard: classic scopes");
  });
}
