// End to end: the real Jeton app, driven through tauri-driver and WebKitWebDriver,
// against fakehub, with the real Secret Service. Run inside scripts/headless.
//
// Steps: empty dashboard → add a token through the dialog → it is listed with its
// login and days left → the secret is in the Secret Service and nowhere on disk →
// a malformed and a revoked token are refused in the dialog → "Authorize SSO" and
// "Create a new one" open their pages in the (stand-in) browser → forget → a token made
// on GitHub's page is picked up from the clipboard → start at login on and off → a
// GitHub App added and a token minted from it (apps.mjs).
// Screenshots of each step go to artifacts/e2e/.
import { spawn, execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Session } from "./webdriver.mjs";
import { startHub } from "./hub.mjs";
import { scanForSecrets } from "./leaks.mjs";
import { copyToClipboard, createOnGitHub } from "./create.mjs";
import { appSteps, registerApp } from "./apps.mjs";

const root = resolve(import.meta.dirname, "../..");
const app = join(root, "target/debug/jeton");
const artifacts = join(root, "artifacts/e2e");
mkdirSync(artifacts, { recursive: true });

const results = [];
async function poll(probe, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}
async function step(name, fn) {
  try {
    await fn();
    results.push([name, true]);
    console.log(`ok   ${name}`);
  } catch (e) {
    results.push([name, false]);
    console.log(`FAIL ${name}\n     ${e.stack || e}`);
    throw e;
  }
}

const hub = await startHub(join(root, "target/debug/fakehub"));
await hub.createUser("octocat");
const good = await hub.createToken("octocat", "classic", { scopes: ["repo", "workflow"], days: 45 });
const revoked = await hub.createToken("octocat", "classic", { scopes: ["gist"], days: 10 });
await hub.revoke(revoked);
const second = await hub.createToken("octocat", "classic", { scopes: [], days: 200 });
// Its organization (made later) will enforce SAML SSO, and this token is not authorized for it.
const held = await hub.createToken("octocat", "classic", { scopes: ["read:org"], days: 30 });
const ghApp = await registerApp(hub);

// A stand-in browser: Jeton opens pages through tauri-plugin-opener, whose `open` crate
// runs `xdg-open` (the first one on PATH) on Linux, and xdg-open outside a desktop
// session hands the URL to $BROWSER. Both are this script, which records the URL.
const browserDir = mkdtempSync(join(tmpdir(), "jeton-e2e-browser-"));
const opened = join(browserDir, "opened.txt");
const browser = join(browserDir, "xdg-open");
writeFileSync(browser, `#!/bin/sh\nprintf '%s\\n' "$1" >> '${opened}'\n`);
chmodSync(browser, 0o755);
const openedUrls = () => (existsSync(opened) ? readFileSync(opened, "utf8").split("\n").filter(Boolean) : []);

const dataDir = mkdtempSync(join(tmpdir(), "jeton-e2e-data-"));
// The app's home: its login entry goes to $HOME/.config/autostart (tauri-plugin-autostart
// reads HOME, not XDG_CONFIG_HOME), never to the real user's.
const home = mkdtempSync(join(tmpdir(), "jeton-e2e-home-"));
const autostartDir = join(home, ".config", "autostart");
const namespace = `jeton-e2e-${process.pid}`;
const appLog = [];
const port = 4444 + (process.pid % 1000);
const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1000)], {
  env: {
    ...process.env,
    JETON_GITHUB_URL: hub.url,
    JETON_GITHUB_API_URL: hub.url,
    JETON_DATA_DIR: dataDir,
    JETON_KEYRING_NAMESPACE: namespace,
    LANG: "en_US.UTF-8",
    // Jeton's crates log everything they can, so the leak scan below reads all of it.
    RUST_LOG: "warn,jeton=trace,jeton_app=trace,jeton_core=trace",
    PATH: `${browserDir}:${process.env.PATH}`,
    HOME: home,
    BROWSER: browser,
  },
  stdio: ["ignore", "pipe", "pipe"],
});
driver.stdout.on("data", (d) => appLog.push(d));
driver.stderr.on("data", (d) => appLog.push(d));

let session;
let failed = false;
// Screenshots wait for two animation frames so that they show what was just rendered.
const shot = async (name) => {
  await session.execute("return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true))));");
  writeFileSync(join(artifacts, `${name}.png`), await session.screenshot());
};

try {
  session = await Session.start(`http://127.0.0.1:${port}`, app);

  await step("the dashboard invites to add a first token", async () => {
    await session.waitText("[data-testid=empty-state]", (t) => /add/i.test(t));
    await shot("01-empty");
  });

  await step("a malformed token is refused in the dialog with the rule it broke", async () => {
    await session.click("[data-testid=add-token]");
    await session.waitFor("[data-testid=add-dialog]");
    await session.type("[data-testid=add-name]", "typo");
    await session.type("[data-testid=add-secret]", good.slice(0, -1) + (good.endsWith("A") ? "B" : "A"));
    await session.click("[data-testid=add-submit]");
    // An error about the token shows at the token field.
    await session.waitText("[data-testid=add-secret-error]", (t) => t.includes("checksum"));
    await shot("02-malformed");
  });

  await step("a revoked token is refused with GitHub's answer", async () => {
    await session.type("[data-testid=add-name]", "old");
    await session.type("[data-testid=add-secret]", revoked);
    await session.click("[data-testid=add-submit]");
    await session.waitText("[data-testid=add-secret-error]", (t) => /rejects this token/i.test(t));
    await shot("03-revoked");
  });

  await step("a good token is added and listed with its login and days left", async () => {
    await session.type("[data-testid=add-name]", "laptop git");
    await session.type("[data-testid=add-secret]", good);
    await session.click("[data-testid=add-submit]");
    await session.waitGone("[data-testid=add-dialog]");
    await session.waitText("[data-testid=token-name]", (t) => t.includes("laptop git"));
    await session.waitText("[data-testid=token-row]", (t) => t.includes("octocat"));
    await session.waitText("[data-testid=token-days]", (t) => /4[45]/.test(t));
    await shot("04-added");
  });

  await step("the secret is in the Secret Service under Jeton's namespace", async () => {
    const ids = JSON.parse(
      execFileSync(app, ["list", "--json"], {
        env: { ...process.env, JETON_DATA_DIR: dataDir, JETON_KEYRING_NAMESPACE: namespace, JETON_GITHUB_URL: hub.url, JETON_GITHUB_API_URL: hub.url },
      }),
    ).map((t) => t.id);
    if (ids.length !== 1) throw new Error(`expected one stored token, got ${ids.length}`);
    const stored = execFileSync("secret-tool", ["lookup", "service", namespace, "username", ids[0]]).toString();
    if (stored !== good) throw new Error("the keychain does not hold the added token");
  });

  await step("a second token is added", async () => {
    await session.click("[data-testid=add-token]");
    await session.type("[data-testid=add-name]", "spare");
    await session.type("[data-testid=add-secret]", second);
    await session.click("[data-testid=add-submit]");
    await session.waitGone("[data-testid=add-dialog]");
    await session.waitText("[data-testid=token-row]", (t) => t.includes("spare"));
  });

  await step("re-check all asks GitHub again and says how it went", async () => {
    await hub.revoke(second);
    await session.click("[data-testid=recheck-all]");
    await session.waitText("[data-testid=notice]", (t) => /2 checked/.test(t) && /1 need/.test(t));
    await session.waitText("[data-testid=token-row]", (t) => t.includes("spare") && /revoked/i.test(t));
    await shot("06-rechecked");
  });

  await step("Authorize SSO opens the organization's page in the browser, from Rust", async () => {
    // An organization that enforces SAML SSO: a classic token not yet authorized for it
    // is held back (GitHub answers /user/orgs with `X-GitHub-SSO: partial-results`).
    await hub.createOrg("acme", { sso_enforced: true });
    await hub.addMember("acme", "octocat");
    await session.click("[data-testid=add-token]");
    await session.type("[data-testid=add-name]", "acme");
    await session.type("[data-testid=add-secret]", held);
    await session.click("[data-testid=add-submit]");
    await session.waitGone("[data-testid=add-dialog]");
    await session.waitText("[data-testid=token-row]", (t) => t.includes("acme") && /SSO required/.test(t));
    await session.execute(
      "const row = Array.from(document.querySelectorAll('[data-testid=token-row]')).find((r) => r.innerText.includes('acme')); row.querySelector('[data-testid=token-name]').click(); return true;",
    );
    await session.click("[data-testid=details-sso]");
    await poll(async () => openedUrls().length === 1);
    const want = `${hub.url.replace(/\/+$/, "")}/settings/tokens`;
    if (openedUrls()[0] !== want) throw new Error(`the browser was asked for ${JSON.stringify(openedUrls())}, not ${want}`);
    await shot("07-sso-opened");
    await session.cmd("POST", "/actions", {
      actions: [{ type: "key", id: "kb", actions: [{ type: "keyDown", value: "\uE00C" }, { type: "keyUp", value: "\uE00C" }] }],
    });
    await session.waitGone("[data-testid=token-details]");
  });

  await step("a revoked token's \"Create a new one\" opens its settings page on its host", async () => {
    await session.execute(
      "const row = Array.from(document.querySelectorAll('[data-testid=token-row]')).find((r) => r.innerText.includes('spare')); row.querySelector('[data-testid=token-name]').click(); return true;",
    );
    await session.waitText("[data-testid=details-sentence]", (t) => /revoked or deleted/.test(t));
    await session.click("[data-testid=details-renew]");
    await poll(async () => openedUrls().length === 2);
    const want = `${hub.url.replace(/\/+$/, "")}/settings/tokens`;
    if (openedUrls()[1] !== want) throw new Error(`the browser was asked for ${JSON.stringify(openedUrls())}, not ${want}`);
    await session.cmd("POST", "/actions", {
      actions: [{ type: "key", id: "kb", actions: [{ type: "keyDown", value: "\uE00C" }, { type: "keyUp", value: "\uE00C" }] }],
    });
    await session.waitGone("[data-testid=token-details]");
  });

  await step("the details show the granted scopes as GitHub's tree, with what they include", async () => {
    await session.execute(
      "const row = Array.from(document.querySelectorAll('[data-testid=token-row]')).find((r) => r.innerText.includes('laptop git')); row.querySelector('[data-testid=token-name]').click(); return true;",
    );
    await session.waitText("[data-testid=grants-tree]", (t) => t.includes("repo") && t.includes("public_repo") && t.includes("workflow"));
    await shot("08-details");
    await session.cmd("POST", "/actions", {
      actions: [{ type: "key", id: "kb", actions: [{ type: "keyDown", value: "\uE00C" }, { type: "keyUp", value: "\uE00C" }] }],
    });
    await session.waitGone("[data-testid=grants-tree]");
  });

  await step("forgetting removes the tokens from the list and the keychain", async () => {
    for (const left of [2, 1, 0]) {
      await session.click("[data-testid=token-forget]");
      await session.click("[data-testid=confirm-ok]");
      await session.waitGone("[data-testid=confirm-ok]");
      if (left) await poll(async () => (await session.count("[data-testid=token-row]")) === left);
    }
    await session.waitFor("[data-testid=empty-state]");
    const entries = execFileSync("secret-tool", ["search", "--all", "service", namespace], { stdio: ["ignore", "pipe", "pipe"] }).toString();
    if (entries.includes("username")) throw new Error("a keychain entry is still there");
    await shot("09-forgotten");
  });

  let created = "";
  await step("a token made through the wizard on GitHub's page is picked up from the clipboard, with no paste, and kept", async () => {
    await session.click("[data-testid=create-token]");
    await session.waitFor("[data-testid=wizard]");
    await session.click("[data-testid=wizard-preset][data-id=clone_push]");
    await session.click("[data-testid=wizard-next]");
    await session.type("[data-testid=wizard-name]", "made in jeton");
    await session.click("[data-testid=wizard-next]");
    await session.click("[data-testid=wizard-access-all]");
    await session.click("[data-testid=wizard-next]");
    await session.waitText("[data-testid=wizard-checklist]", (t) => t.includes("made in jeton") && /Read and write/.test(t));
    await shot("10-wizard-checklist");
    const before = openedUrls().length;
    await session.click("[data-testid=wizard-next]");
    await session.waitText("[data-testid=wizard-watch]", (t) => /Watching the clipboard/.test(t));
    await poll(async () => openedUrls().length === before + 1);
    const url = openedUrls()[before];
    const base = hub.url.replace(/\/+$/, "");
    if (!url.startsWith(`${base}/settings/personal-access-tokens/new?`)) throw new Error(`the browser was asked for ${url}`);
    await shot("11-wizard-watching");
    created = await createOnGitHub(hub, url, "octocat", "made in jeton", join(artifacts, "12-github-page.png"));
    if (!created.startsWith("github_pat_")) throw new Error("GitHub's page showed no fine-grained token");
    await copyToClipboard(created);
    await session.waitText("[data-testid=wizard-done]", (t) => t.includes("made in jeton"), 30000);
    await shot("13-wizard-done");
    await session.click("[data-testid=wizard-close]");
    await session.waitText("[data-testid=token-row]", (t) => t.includes("made in jeton") && t.includes("octocat"));
    const listed = JSON.parse(
      execFileSync(app, ["list", "--json"], {
        env: { ...process.env, JETON_DATA_DIR: dataDir, JETON_KEYRING_NAMESPACE: namespace, JETON_GITHUB_URL: hub.url, JETON_GITHUB_API_URL: hub.url },
      }),
    ).find((t) => t.name === "made in jeton");
    if (!listed || listed.kind !== "fine_grained") throw new Error("the new token is not listed as fine-grained");
    if (listed.permissions?.contents !== "write") throw new Error("its permissions are not recorded as requested");
    const stored = execFileSync("secret-tool", ["lookup", "service", namespace, "username", listed.id]).toString();
    if (stored !== created) throw new Error("the keychain does not hold the token made on GitHub's page");
  });

  await step("start at login, turned on in the settings, writes a login entry that starts Jeton in the tray; off removes it", async () => {
    const entries = () => (existsSync(autostartDir) ? readdirSync(autostartDir).filter((f) => f.endsWith(".desktop")) : []);
    if (entries().length !== 0) throw new Error("a login entry exists before the user asked for one");
    await session.click("[data-testid=menu]");
    await session.click("[data-testid=menu-settings]");
    // Once the dialog has Rust's settings (the reminder days are shown). The box is
    // ticked with the element's own click(): WebKitWebDriver's pointer click on the
    // 13 px box left it unticked in two of three runs under Xvfb (it lands beside it).
    await session.waitFor("[data-testid=settings-day-30]");
    const toggle = () => session.execute("document.querySelector('[data-testid=settings-login]').click(); return true");
    const ticked = () => session.execute("return document.querySelector('[data-testid=settings-login]').checked");
    await toggle();
    await poll(async () => (await ticked()) === true);
    await poll(async () => entries().length === 1);
    const entry = readFileSync(join(autostartDir, entries()[0]), "utf8");
    const exec = entry.split("\n").find((l) => l.startsWith("Exec="));
    if (exec !== `Exec=${app} --background`) throw new Error(`the login entry runs ${exec}`);
    await shot("14-settings");
    await toggle();
    await poll(async () => (await ticked()) === false);
    await poll(async () => entries().length === 0);
    await session.click("[data-testid=settings-close]");
    await session.waitGone("[data-testid=settings-dialog]");
  });

  const cliEnv = { ...process.env, JETON_DATA_DIR: dataDir, JETON_KEYRING_NAMESPACE: namespace, JETON_GITHUB_URL: hub.url, JETON_GITHUB_API_URL: hub.url, LANG: "en_US.UTF-8" };
  const { minted } = await appSteps({
    session,
    hub,
    step,
    shot,
    poll,
    app: ghApp,
    jeton: (args) => execFileSync(app, args, { env: cliEnv }).toString(),
    secretOf: (id) => execFileSync("secret-tool", ["lookup", "service", namespace, "username", id]).toString(),
  });
  // A line of the app key's base64 body: it must be nowhere but the keychain.
  const keyLine = ghApp.private_key_pem.split("\n")[2];

  await step("after the suite, no token's bytes are on disk or in the app's trace-level output", async () => {
    const output = Buffer.concat(appLog).toString();
    if (!/DEBUG jeton_core::vault/.test(output)) throw new Error(`the app's debug lines were not captured:\n${output.slice(-2000)}`);
    const hits = scanForSecrets([good, revoked, second, held, created, minted, keyLine].filter(Boolean), {
      dirs: [dataDir, home, process.env.XDG_CONFIG_HOME, process.env.XDG_CACHE_HOME, process.env.XDG_DATA_HOME, tmpdir()].filter(Boolean),
      skip: (p) => p.includes("/keyrings/"),
      extra: { "app output": Buffer.concat(appLog) },
    });
    if (hits.length) throw new Error(`secret found in: ${hits.join(", ")}`);
  });
} catch {
  failed = true;
  if (session) await shot("failure").catch(() => {});
} finally {
  if (session) await session.close();
  driver.kill("SIGTERM");
  hub.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(browserDir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
}

const passed = results.filter(([, ok]) => ok).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(failed ? 1 : 0);
