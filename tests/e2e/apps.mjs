// The GitHub Apps screens end to end (issue 13), in the real app against fakehub with the
// real keychain: the Apps screen explains itself while empty → a key that is not PEM is
// refused and nothing is stored → the app is added by pasting its key, its installation
// shown in plain words → a token is minted for one chosen repository and one
// permission → it is in the dashboard counting its minutes down, and GitHub gives it
// that repository only → it is copied like any token → a clock GitHub refuses is said
// with the skew measured. Screenshots go to artifacts/e2e/ (15-… to 21-…).
import { execFileSync } from "node:child_process";

/**
 * The app "Deployer" of acme, installed on acme's rocket and moon (contents: write,
 * metadata: read, pull requests: read).
 * @param {import("./hub.mjs").Hub} hub
 */
export async function registerApp(hub) {
  await hub.createUser("acme-admin");
  await hub.admin("/orgs", { login: "acme-apps" });
  for (const name of ["rocket", "moon"]) await hub.admin("/repos", { owner: "acme-apps", name, private: true });
  const app = await hub.admin("/apps", {
    owner: "acme-apps",
    name: "Deployer",
    permissions: { contents: "write", metadata: "read", pull_requests: "write" },
  });
  await hub.admin("/installations", {
    app: app.slug,
    account: "acme-apps",
    repositories: ["rocket", "moon"],
    permissions: { contents: "write", metadata: "read", pull_requests: "read" },
  });
  return app;
}

/** Sets a textarea's value as a paste does, in one input event. */
const paste = (session, selector, text) =>
  session.execute(
    "const el = document.querySelector(arguments[0]); el.focus(); el.value = arguments[1]; el.dispatchEvent(new Event('input', { bubbles: true })); return true;",
    [selector, text],
  );

/** The element's own click(): WebKitWebDriver's pointer click misses small boxes under Xvfb. */
const tick = (session, selector) =>
  session.execute("document.querySelector(arguments[0]).click(); return document.querySelector(arguments[0]).checked;", [selector]);

/** What the X11 clipboard holds now. */
const clipboard = () => {
  try {
    return execFileSync("xclip", ["-o", "-selection", "clipboard"], { stdio: ["ignore", "pipe", "ignore"] }).toString();
  } catch {
    return "";
  }
};

/**
 * The steps. `jeton(args)` runs the CLI on the app's data and keychain, answering its
 * standard output; `secretOf(id)` reads a keychain entry.
 * @returns {Promise<{ minted: string }>} what the leak scan must not find
 */
export async function appSteps({ session, hub, step, shot, poll, app, jeton, secretOf }) {
  const found = { minted: "" };

  await step("the Apps screen, from the ⋯ menu, says what a GitHub App token is for while there is none", async () => {
    await session.click("[data-testid=menu]");
    await session.click("[data-testid=menu-apps]");
    await session.waitText("[data-testid=apps-empty]", (t) => /lasts one hour/.test(t));
    await shot("15-apps-empty");
  });

  await step("a key that is not PEM is refused with what to do, and nothing is stored", async () => {
    await session.click("[data-testid=apps-add]");
    await session.waitFor("[data-testid=app-add-dialog]");
    await session.type("[data-testid=app-add-client]", app.client_id);
    await paste(session, "[data-testid=app-add-key]", "ghp_this is not a key");
    await session.click("[data-testid=app-add-submit]");
    await session.waitText("[data-testid=app-add-error]", (t) => /not a GitHub App private key/.test(t));
    await shot("16-app-key-not-pem");
    const apps = JSON.parse(jeton(["app", "list", "--json"]));
    if (apps.length !== 0) throw new Error(`an app was stored: ${JSON.stringify(apps)}`);
  });

  await step("the app is added by pasting its key; its installation is shown with its permissions in plain words", async () => {
    await paste(session, "[data-testid=app-add-key]", app.private_key_pem);
    await shot("17-app-add");
    await session.click("[data-testid=app-add-submit]");
    await session.waitGone("[data-testid=app-add-dialog]");
    await session.waitText("[data-testid=app-card]", (t) => t.includes("Deployer") && t.includes(app.client_id));
    await session.waitText(
      "[data-testid=installation]",
      (t) => t.includes("acme-apps") && /Selected repositories/.test(t) && /Contents: Read and write/.test(t) && /Pull requests: Read-only/.test(t),
    );
    await shot("18-app-installations");
    const [stored] = JSON.parse(jeton(["app", "list", "--json"]));
    if (stored?.client_id !== app.client_id || stored.installations.length !== 1) throw new Error(`stored: ${JSON.stringify(stored)}`);
  });

  await step("a token is minted for one chosen repository and one permission, and is in the dashboard counting down its hour", async () => {
    await session.click("[data-testid=installation-mint]");
    await session.waitFor("[data-testid=mint-dialog]");
    await tick(session, "[data-testid=mint-repos-some]");
    await session.waitFor("[data-testid=mint-repo][data-name='acme-apps/rocket']");
    if (!(await tick(session, "[data-testid=mint-repo][data-name='acme-apps/rocket']"))) throw new Error("the repository is not ticked");
    if (!(await tick(session, "[data-testid=mint-perm][data-key=contents]"))) throw new Error("the permission is not ticked");
    await shot("19-mint-dialog");
    await session.click("[data-testid=mint-submit]");
    await session.waitGone("[data-testid=mint-dialog]");
    await session.waitGone("[data-testid=apps-dialog]");
    const row = await session.waitText("[data-testid=token-row]", (t) => t.includes("Deployer for acme-apps") && /\b([1-5]?\d|60) min left/.test(t));
    const minutes = Number(/(\d+) min left/.exec(row)[1]);
    if (minutes < 55 || minutes > 60) throw new Error(`counts ${minutes} min`);
    await shot("20-minted-in-dashboard");
    const listed = JSON.parse(jeton(["list", "--json"])).find((t) => t.name === "Deployer for acme-apps");
    if (listed?.kind !== "app_installation") throw new Error(`listed: ${JSON.stringify(listed)}`);
    const left = Date.parse(listed.expires_at) - Date.now();
    if (!(left > 0 && left <= 3600e3)) throw new Error(`expires at ${listed.expires_at}`);
    if (JSON.stringify(listed.permissions) !== JSON.stringify({ contents: "read" })) throw new Error(`permissions ${JSON.stringify(listed.permissions)}`);
    found.minted = secretOf(listed.id);
    if (!found.minted.startsWith("ghs_")) throw new Error("the keychain holds no installation token");
    const res = await fetch(`${hub.url.replace(/\/+$/, "")}/installation/repositories`, { headers: { authorization: `token ${found.minted}` } });
    const names = (await res.json()).repositories?.map((r) => r.full_name);
    if (JSON.stringify(names) !== JSON.stringify(["acme-apps/rocket"])) throw new Error(`GitHub gives it ${JSON.stringify(names)}`);
  });

  await step("the minted token is copied like any token", async () => {
    await session.execute(
      "const row = Array.from(document.querySelectorAll('[data-testid=token-row]')).find((r) => r.innerText.includes('Deployer for acme-apps')); row.querySelector('[data-testid=token-copy]').click(); return true;",
    );
    await session.waitText("[data-testid=notice]", (t) => /Deployer for acme-apps.*copied/.test(t));
    await poll(async () => clipboard() === found.minted);
  });

  await step("a clock GitHub refuses is said, with the skew measured from GitHub's answer", async () => {
    await hub.admin("/clock", { offset_secs: 3 * 3600 });
    try {
      await session.click("[data-testid=menu]");
      await session.click("[data-testid=menu-apps]");
      await session.click("[data-testid=app-refresh]");
      await session.waitText("[data-testid=notice]", (t) => /clock is 1[78]\d min behind GitHub's/.test(t));
      await shot("21-clock-skew");
    } finally {
      await hub.admin("/clock", { offset_secs: 0 });
    }
    await session.cmd("POST", "/actions", {
      actions: [{ type: "key", id: "kb", actions: [{ type: "keyDown", value: "\uE00C" }, { type: "keyUp", value: "\uE00C" }] }],
    });
    await session.waitGone("[data-testid=apps-dialog]");
  });

  return found;
}
