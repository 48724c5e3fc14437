// GitHub Apps (issue 13): from the ⋯ menu, the Apps screen's empty state; adding an app
// by pasting its key (a key that is not PEM refused first, with Rust's sentence, and
// nothing stored); the app with its installation in plain words; minting a token for a
// chosen repository and permission; the token in the dashboard counting its hour down,
// copied by Rust. In English and French, with no serious accessibility violation.

import { axe } from "./flows-a11y.mjs";
import { check, expectText, flow, mock, openDetails, shot } from "./harness.mjs";

const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAx4v2\n-----END RSA PRIVATE KEY-----\n";
const REPOS = [
  { full_name: "acme/api", owner: "acme", private: true },
  { full_name: "acme/web", owner: "acme", private: false },
  { full_name: "acme/docs", owner: "acme", private: false },
];
const TOKENS = [{ name: "Laptop git", login: "octocat" }];

const WORDS = {
  en: { empty: /lasts one hour/, notPem: /not a GitHub App private key/, perms: "Contents: Read and write", left: /^(60|59) min left$/, copied: /^“Deploy bot for acme” copied/, lives: /installation token until \d\d:\d\d: an app's token lives one hour/ },
  fr: { empty: /dure une heure/, notPem: /pas une clé privée d’application GitHub/, perms: "Contents : Lecture et écriture", left: /^(60|59) min restantes$/, copied: /^« Deploy bot for acme » copié/, lives: /jeton d’installation jusqu’à \d\d:\d\d : le jeton d’une application vit une heure/ },
};

/** @param {import("playwright-core").Page} page */
async function openApps(page) {
  await page.getByTestId("menu").click();
  await page.getByTestId("menu-apps").click();
  return page.getByTestId("apps-dialog");
}

for (const lang of /** @type {const} */ (["en", "fr"])) {
  const w = WORDS[lang];
  flow(`apps ${lang}: add an app by pasting its key, see its installation, mint a token into the dashboard`, { tokens: TOKENS, lang, apps: { repos: REPOS } }, async (page) => {
    await page.getByTestId("token-row").first().waitFor();
    const apps = await openApps(page);
    await expectText(apps.getByTestId("apps-empty"), w.empty, "empty state");
    await axe(page, `apps empty (${lang})`);
    await shot(page, `apps-empty-${lang}`, false);

    await page.getByTestId("apps-add").click();
    const add = page.getByTestId("app-add-dialog");
    await add.getByTestId("app-add-client").fill("Iv23liDeploy");
    await add.getByTestId("app-add-key").fill("ghp_this is not a key");
    await add.getByTestId("app-add-submit").click();
    await expectText(add.getByTestId("app-add-error"), w.notPem, "not PEM");
    check((await add.getByTestId("app-add-key").inputValue()) === "", "the bad key is dropped");
    await shot(page, `app-key-not-pem-${lang}`, false);
    await add.getByTestId("app-add-key").fill(PEM);
    await axe(page, `add app (${lang})`);
    await shot(page, `app-add-${lang}`, false);
    await add.getByTestId("app-add-submit").click();
    await add.waitFor({ state: "detached" });

    const card = apps.getByTestId("app-card");
    await expectText(card, /Deploy bot/, "the app");
    await expectText(card.getByTestId("installation-permissions"), new RegExp(w.perms), "permissions in words");
    const sent = (await mock(page)).calls.filter((c) => c.cmd.startsWith("add_app"));
    check(sent.every((c) => c.args.key === "<redacted>"), "the key is sent to Rust only as add_app's input");
    await axe(page, `apps list (${lang})`);
    await shot(page, `app-installations-${lang}`, false);

    await card.getByTestId("installation-mint").click();
    const mint = page.getByTestId("mint-dialog");
    await mint.getByTestId("mint-repos-some").check();
    await mint.locator('[data-testid="mint-repo"][data-name="acme/api"]').check();
    await mint.locator('[data-testid="mint-perm"][data-key="contents"]').check();
    await mint.locator('[data-testid="mint-level"][data-key="contents"]').selectOption("write");
    const prs = await mint.locator('[data-testid="mint-level"][data-key="pull_requests"] option').allTextContents();
    check(prs.length === 1, `pull requests capped at the installation's read: ${prs}`);
    await axe(page, `mint (${lang})`);
    await shot(page, `mint-dialog-${lang}`, false);
    await mint.getByTestId("mint-submit").click();
    await page.getByTestId("apps-dialog").waitFor({ state: "detached" });

    const row = page.getByTestId("token-row").filter({ hasText: "Deploy bot for acme" });
    await expectText(row.getByTestId("token-days"), w.left, "the hour counting down");
    const asked = (await mock(page)).minted?.[0];
    check(JSON.stringify(asked) === JSON.stringify({ installation: 7, repositories: ["acme/api"], permissions: { contents: "write" }, pinned: false }), `minted ${JSON.stringify(asked)}`);
    await shot(page, `minted-dashboard-${lang}`);
    await row.getByTestId("token-copy").click();
    await expectText(page.getByTestId("notice"), w.copied, "copied");
    check((await mock(page)).copied.length === 1, "copied by Rust");
    const drawer = await openDetails(page, "Deploy bot for acme");
    await expectText(drawer.getByTestId("details-sentence"), w.lives, "the details say it lives an hour");
    await shot(page, `minted-details-${lang}`, false);
  });
}

flow("apps en: a key of another app is refused and nothing is stored", { tokens: TOKENS, lang: "en" }, async (page) => {
  await page.getByTestId("token-row").first().waitFor();
  await openApps(page);
  await page.getByTestId("apps-add").click();
  const add = page.getByTestId("app-add-dialog");
  await add.getByTestId("app-add-client").fill("Iv23liOther");
  await add.getByTestId("app-add-key").fill(PEM);
  await add.getByTestId("app-add-submit").click();
  await expectText(add.getByTestId("app-add-error"), /not a key of the app "Iv23liOther"/, "wrong app");
  await shot(page, "app-key-rejected-en", false);
  await add.getByRole("button", { name: "Cancel" }).click();
  await expectText(page.getByTestId("apps-empty"), /lasts one hour/, "still no app");
});
