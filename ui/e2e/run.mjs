// Flows against the built UI (ui/dist) in Debian's Chromium, with Tauri's IPC mocked.
// Usage: npm run build && npm run e2e   (CHROMIUM=/path/to/chromium to override)
// Screenshots go to ../artifacts/ui/*.png. Exits non-zero when a flow fails.
// The flows live in flows-*.mjs; harness.mjs has what they share.

import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { DOUBLES, commandsTheMockLacks } from "./doubles.mjs";
import { manyTokens, numberedTokens, view } from "./fixtures.mjs";
import { TIMEOUT, check, dist, flows, serve, shot, shots } from "./harness.mjs";
import { installMockIpc } from "./mock-ipc.js";
import { installMockApps } from "./mock-apps.js";
import { CREATION } from "./creation.mjs";
import "./flows-create.mjs";
import "./flows-tokens.mjs";
import "./flows-vault.mjs";
import "./flows-screens.mjs";
import "./flows-a11y.mjs";
import "./flows-settings.mjs";
import "./flows-revoke.mjs";
import "./flows-scale.mjs";
import "./flows-found.mjs";
import "./flows-apps.mjs";

const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

// ---------------------------------------------------------------------------- main

async function main() {
  await stat(join(dist, "index.html")).catch(() => {
    throw new Error("ui/dist is missing: run `npm run build` first");
  });
  await mkdir(shots, { recursive: true });
  for (const f of await readdir(shots)) if (f.startsWith("fail-")) await rm(join(shots, f));
  const server = await serve(dist);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const only = process.argv[2];
  let passed = 0;
  let failed = 0;
  // The mock must stand in for every Rust command (generated list, see doubles.mjs).
  const lacking = await commandsTheMockLacks();
  if (lacking.length) {
    failed += 1;
    console.log(`FAIL mock-ipc.js stands in for every Rust command\n     none for ${lacking.join(", ")}`);
  }
  try {
    for (const f of flows) {
      if (only && !f.name.includes(only)) continue;
      const context = await browser.newContext({
        viewport: f.opts.viewport ?? { width: 1120, height: 760 },
        deviceScaleFactor: 1,
        colorScheme: f.opts.colorScheme ?? "light",
        locale: "en-GB",
        timezoneId: "Europe/Paris",
      });
      context.setDefaultTimeout(TIMEOUT);
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      const now = Date.now();
      // "many": one token in every state; a number: that many, numbered (numberedTokens);
      // else partial views, completed as Rust sends them.
      const tokens =
        f.opts.tokens === "many"
          ? manyTokens(now, f.opts.lang)
          : typeof f.opts.tokens === "number"
            ? numberedTokens(f.opts.tokens, now, f.opts.lang)
            : f.opts.tokens.map((t) => view(now, t));
      await page.addInitScript(installMockIpc, {
        lang: f.opts.lang ?? "en",
        langChoice: f.opts.langChoice,
        systemLang: f.opts.systemLang,
        tokens,
        keychainFailures: f.opts.keychainFailures ?? 0,
        addDelayMs: f.opts.addDelayMs,
        health: f.opts.health,
        catalogue: DOUBLES.scopes,
        errors: DOUBLES.errors,
        grants: DOUBLES.grants,
        commands: DOUBLES.commands,
        preferences: DOUBLES.preferences,
        recheckDelayMs: f.opts.recheckDelayMs,
        recheckPatches: f.opts.recheckPatches,
        creation: { ...CREATION, browserFails: f.opts.browserFails },
        found: f.opts.found,
        revokeApiKinds: DOUBLES.revoke_api_kinds,
      });
      await page.addInitScript(installMockApps, f.opts.apps ?? {});
      const t0 = Date.now();
      try {
        await page.goto(server.url);
        await f.fn(page);
        check(errors.length === 0, `no page errors (${errors.join("; ")})`);
        passed += 1;
        console.log(`ok   ${f.name} (${Date.now() - t0} ms)`);
      } catch (e) {
        failed += 1;
        console.log(`FAIL ${f.name}\n     ${e instanceof Error ? e.message : e}`);
        await shot(page, `fail-${flows.indexOf(f)}`).catch(() => {});
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`\nscreenshots: ${shots}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed === 0 && passed > 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

