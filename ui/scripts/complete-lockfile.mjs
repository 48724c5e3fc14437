// The npm registry this project reaches serves only some of the per-platform binary
// packages of @tauri-apps/cli (the Linux glibc ones). `npm install` then leaves the
// other platforms' optional packages out of package-lock.json, and `npm ci` refuses the
// lock as out of sync. This adds the missing optional entries (platform fields only, as
// npm writes them), so that `npm ci` works; npm skips them on other platforms anyway.
// Run after any `npm install` that rewrites the lock:  node scripts/complete-lockfile.mjs

import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const pkgs = lock.packages;
const PLATFORM = /-(darwin|linux|win32|freebsd|android)-(x64|arm64|arm|ia32|riscv64)(?:-(gnu|musl|gnueabihf|msvc))?$/;

let added = 0;
for (const [where, meta] of Object.entries(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (pkgs[key] || pkgs[`${where}/${key}`]) continue;
    const m = PLATFORM.exec(dep);
    if (!m) throw new Error(`missing optional ${dep} is not a platform package; fix by hand`);
    const [, os, cpu, abi] = m;
    const entry = { version, cpu: [cpu] };
    if (meta.dev) entry.dev = true;
    if (os === "linux" && abi && abi !== "gnueabihf") entry.libc = [abi === "gnu" ? "glibc" : "musl"];
    if (meta.license) entry.license = meta.license;
    entry.optional = true;
    entry.os = [os];
    if (meta.engines) entry.engines = meta.engines;
    pkgs[key] = entry;
    added += 1;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : a > b ? 1 : 0)),
);
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(`complete-lockfile: added ${added} optional platform entr${added === 1 ? "y" : "ies"}`);
