// `make bench`: every benchmark in bench/ one after the other — the Rust ones built from
// bench/Cargo.toml (release, inside scripts/headless: a display, a Secret Service), then
// every other bench/*.mjs and bench/*.sh — and one table of the figures they print as
// `BENCH {json}` lines. Each figure is measured side by side within its own benchmark's
// run (Jeton beside a bare window, 1,000 tokens beside 10, ...): the machines are noisy,
// so ratios matter, not absolute times. The table goes to BENCHMARKS.md with the
// machine's description. Only prints and writes: nothing is asserted.
//
//   node bench/all.mjs              (after `cargo build --release -p jeton -p jeton-bench -p jeton-bench-hello`)
//   BENCH_ONLY=app,recheck node bench/all.mjs    a few of them (the file is not written)

import { spawn, execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { createInterface } from "node:readline";

const root = new URL("..", import.meta.url).pathname;
// BENCH_PROFILE=debug runs the benchmarks' debug builds, BENCH_APPS_PROFILE the apps'
// (bench/app.rs measures target/$BENCH_APPS_PROFILE/jeton; both default to release).
const release = `${root}target/${process.env.BENCH_PROFILE ?? "release"}`;
const only = process.env.BENCH_ONLY?.split(",").filter(Boolean);

/** What a benchmark runs with here: the vault's 1,000 tokens in gnome-keyring took over 10 min. */
const ENV = { vault: { JETON_BENCH_TOKENS: "200" } };

/** Every benchmark: the binaries of bench/Cargo.toml, then the scripts beside them. */
function benchmarks() {
  const toml = readFileSync(`${root}bench/Cargo.toml`, "utf8");
  const bins = [...toml.matchAll(/\[\[bin\]\]\s*name\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
  const list = bins.map((b) => ({ name: b.replace(/^jeton-bench-/, ""), cmd: ["scripts/headless", `${release}/${b}`] }));
  for (const f of readdirSync(`${root}bench`).sort()) {
    if (f === "all.mjs") continue;
    if (f.endsWith(".mjs")) list.push({ name: f.replace(/\.mjs$/, ""), cmd: ["node", `bench/${f}`] });
    if (f.endsWith(".sh")) list.push({ name: f.replace(/\.sh$/, ""), cmd: ["bash", `bench/${f}`] });
  }
  return list.filter((b) => !only || only.includes(b.name));
}

/** Runs one, echoing its output; resolves to its BENCH figures and exit code. */
function run(bench) {
  return new Promise((done) => {
    console.log(`\n=== ${bench.name}: ${bench.cmd.join(" ")}`);
    const env = { ...process.env, ...ENV[bench.name], JETON_BENCH_APPS: process.env.JETON_BENCH_APPS ?? `${root}target/${process.env.BENCH_APPS_PROFILE ?? process.env.BENCH_PROFILE ?? "release"}` };
    const child = spawn(bench.cmd[0], bench.cmd.slice(1), { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    const figures = [];
    createInterface({ input: child.stdout }).on("line", (line) => {
      console.log(line);
      if (!line.startsWith("BENCH ")) return;
      try {
        figures.push({ bench: bench.name, ...JSON.parse(line.slice(6)) });
      } catch {
        console.log(`(${bench.name}: a BENCH line that is not JSON, left out)`);
      }
    });
    child.on("close", (code) => done({ figures, code }));
  });
}

const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "?";
  }
};

function machine() {
  const cpu = sh("sh", ["-c", "lscpu | sed -n 's/^Model name: *//p' | head -1"]);
  const mem = Math.round(Number(sh("sh", ["-c", "awk '/MemTotal/ {print $2}' /proc/meminfo"])) / 1048576);
  const os = sh("sh", ["-c", ". /etc/os-release && echo $PRETTY_NAME"]);
  const lock = readFileSync(`${root}Cargo.lock`, "utf8");
  const tauri = lock.match(/name = "tauri"\nversion = "([^"]+)"/)?.[1] ?? "?";
  return [
    `CPU: ${cpu}, ${sh("nproc", [])} cores; RAM: ${mem} GiB`,
    `OS: ${os}, Linux ${sh("uname", ["-r"])}; display: Xvfb (scripts/headless), no GPU unless said`,
    `builds: apps ${process.env.JETON_BENCH_APPS ?? process.env.BENCH_APPS_PROFILE ?? process.env.BENCH_PROFILE ?? "release"}, benchmarks ${process.env.BENCH_PROFILE ?? "release"}; Tauri ${tauri}, WebKitGTK ${sh("pkg-config", ["--modversion", "webkit2gtk-4.1"])}, ${sh("rustc", ["-V"])}, Node ${process.version}, ${sh("chromium", ["--version"])}`,
  ];
}

const num = (v) => (typeof v === "number" ? (Math.abs(v) >= 100 ? v.toFixed(0) : String(+v.toFixed(2))) : "");
/** A figure as table cells: what, value, beside, ratio, goal, met. */
function cells(f) {
  const ratioKey = Object.keys(f).find((k) => k.startsWith("ratio"));
  const unit = f.unit ? ` ${f.unit}` : "";
  const goal = f.goal ?? (f.goal_ms !== undefined ? `< ${f.goal_ms} ms` : "");
  return [
    `${f.bench}: ${f.what ?? f.name}`,
    `${num(f.value)}${unit}`,
    f.base !== undefined ? `${num(f.base)}${unit} (${f.vs ?? "base"})` : "",
    typeof f[ratioKey] === "number" ? `${num(f[ratioKey])}×${ratioKey === "ratio" ? "" : ` (${ratioKey.replace(/^ratio_?/, "")})`}` : ratioKey ? "-" : "",
    goal,
    f.met === undefined ? "" : f.met ? "met" : "MISSED",
  ];
}

const results = [];
const failed = [];
for (const bench of benchmarks()) {
  const { figures, code } = await run(bench);
  results.push(...figures);
  if (code !== 0) failed.push(`${bench.name} (exit ${code})`);
}

const head = ["figure", "value", "beside", "ratio", "goal", ""];
const rows = results.map(cells);
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
console.log(`\n${head.map((h, i) => h.padEnd(widths[i])).join("  ")}`);
for (const r of rows) console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
if (failed.length) console.log(`\nfailed: ${failed.join(", ")}`);

if (!only) {
  const md = [
    "# Benchmarks",
    "",
    "Written by `make bench` (bench/all.mjs) from one run of every benchmark in `bench/`; each",
    "figure is measured side by side within its benchmark's run, so read the ratios rather",
    "than the absolute times. Goals are from the issues that asked for each benchmark.",
    "",
    `Run on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC:`,
    "",
    ...machine().map((l) => `- ${l}`),
    "",
    `| ${head.join(" | ")} |`,
    `|${head.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
    ...(failed.length ? ["", `Failed in this run: ${failed.join(", ")}.`] : []),
    "",
  ];
  writeFileSync(`${root}BENCHMARKS.md`, md.join("\n"));
  console.log(`\nwritten to BENCHMARKS.md${existsSync(`${root}BENCHMARKS.md`) ? "" : " (failed)"}`);
}
process.exit(failed.length ? 1 : 0);
