//! Jeton beside a bare Tauri window (bench/hello: the same Tauri, the same window size,
//! a static page), both release builds, on the display of the headless wrapper:
//!
//! - startup: exec → the dashboard painted with the tokens (the UI tells Rust, which
//!   prints `BENCH {"first_paint_ms":…}` with JETON_BENCH set) beside exec → the bare
//!   page painted; median of JETON_BENCH_RUNS (10) runs each, interleaved;
//! - startup CPU: CPU time of the app's process and its WebKit processes in the first
//!   10 s; memory: their PSS 10 s after the first paint (median of 3 runs each);
//! - idle: both running side by side, from 10 s after the first paint, for
//!   JETON_BENCH_IDLE_SECS (60) with the window shown, then as long hidden (unmapped):
//!   CPU time and wake-ups (context switches) of each process;
//! - size: the release binaries, and Jeton's .deb when `make package` has built one.
//!
//! Jeton gets JETON_BENCH_TOKENS (100) tokens, expiring in 30 days or more (nothing
//! due), added through core from a fakehub on loopback, in its own data dir and
//! keychain namespace: never a request to GitHub.
//!
//!     cargo build --release -p jeton -p jeton-bench -p jeton-bench-hello
//!     scripts/headless target/release/jeton-bench-app
//!
//! JETON_BENCH_APPS=DIR measures the apps built in DIR (e.g. target/release) rather
//! than those beside this benchmark. Prints a table, then one `BENCH {json}` line per figure for `make bench`
//! (bench/all.mjs). Never asserts.

mod launch;
mod procs;
mod table;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use fakehub::{FakeHub, FakeHubOptions, NewToken, NewUser};
use jeton_core::config::Config;
use jeton_core::i18n::Lang;
use jeton_core::service::Jeton;
use jeton_core::vault::{KeyringStore, SecretStore};
use launch::{App, Running};
use procs::Figures;
use table::{median, rows_print, Row};

const SETTLE: Duration = Duration::from_secs(10);

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A fakehub with `n` tokens, all added to a fresh Jeton (its data dir, its keychain
/// namespace); returns the environment that points the app at them.
async fn seed(hub: &FakeHub, dir: &Path, namespace: &str, n: usize) -> Vec<(String, String)> {
    hub.create_user(NewUser { login: "octocat".into(), ..Default::default() }).expect("user");
    let config = Config {
        github_web: url::Url::parse(&hub.web_url()).expect("url"),
        github_api: url::Url::parse(&hub.url()).expect("url"),
        data_dir: dir.to_path_buf(),
        keyring_namespace: namespace.into(),
    };
    let jeton = Jeton::new(config, Arc::new(KeyringStore::new(namespace.to_owned()))).expect("jeton");
    for i in 0..n {
        let days = chrono::Duration::days(30 + (i as i64 * 7) % 300);
        let token =
            hub.create_token(NewToken::classic("octocat", &["repo", "read:org"]).expires_in(days)).expect("token");
        jeton.add(&format!("token {i:03}"), None, &token, Lang::En).await.expect("add");
    }
    // What the window waits for before its first rows (App.svelte's start: these three
    // commands at once), each alone and then together, from a fresh core.
    let fresh = Jeton::new(jeton.config.clone(), Arc::new(KeyringStore::new(namespace.to_owned()))).expect("jeton");
    let time = |t: Instant| format!("{:.0} ms", t.elapsed().as_secs_f64() * 1000.0);
    let t = Instant::now();
    let _ = fresh.keychain_status().await;
    let keychain = time(t);
    let t = Instant::now();
    let _ = fresh.list_checked(Lang::En).await;
    let list = time(t);
    let t = Instant::now();
    let _ = fresh.health(Lang::En).await;
    let health = time(t);
    let t = Instant::now();
    let _ = tokio::join!(fresh.keychain_status(), fresh.list_checked(Lang::En), fresh.health(Lang::En));
    println!(
        "core at start: keychain_status {keychain}, list_checked {list}, health {health}; the three at once {}",
        time(t)
    );
    [
        ("JETON_GITHUB_URL", hub.web_url()),
        ("JETON_GITHUB_API_URL", hub.url()),
        ("JETON_DATA_DIR", dir.display().to_string()),
        ("JETON_KEYRING_NAMESPACE", namespace.to_owned()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

fn main() {
    let runs = env_number("JETON_BENCH_RUNS", 10) as usize;
    let idle = Duration::from_secs(env_number("JETON_BENCH_IDLE_SECS", 60));
    let n = env_number("JETON_BENCH_TOKENS", 100) as usize;
    // The apps measured: beside this benchmark, or in JETON_BENCH_APPS (a target dir).
    let here = match std::env::var_os("JETON_BENCH_APPS") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => std::env::current_exe().expect("exe").parent().expect("dir").to_path_buf(),
    };
    if std::env::var_os("DISPLAY").is_none() || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_none() {
        eprintln!("jeton-bench-app needs a display and a Secret Service: run it under scripts/headless");
        std::process::exit(2);
    }
    let hub = FakeHub::start_blocking(FakeHubOptions::default());
    let dir = tempfile::tempdir().expect("temp dir");
    let namespace = format!("jeton-bench-app-{}", std::process::id());
    let rt = tokio::runtime::Runtime::new().expect("runtime");
    let env = rt.block_on(seed(&hub, dir.path(), &namespace, n));
    let jeton = App { label: "Jeton", bin: here.join("jeton"), env };
    let bare = App { label: "bare", bin: here.join("jeton-bench-hello"), env: Vec::new() };
    let build = here.file_name().map(|d| d.to_string_lossy().into_owned()).unwrap_or_default();
    println!("Jeton ({n} tokens) beside a bare Tauri window, {build} builds, {runs} runs each");

    let mut rows = startup(&[&jeton, &bare], runs);
    rows.extend(first_seconds(&[&jeton, &bare]));
    rows.extend(idling(&jeton, &bare, idle));
    rows.extend(sizes(&here));
    rows_print(&rows);

    let store = KeyringStore::new(namespace.clone());
    for account in store.accounts().ok().flatten().unwrap_or_default() {
        let _ = store.delete(&account);
    }
}

/// Exec → first paint, interleaved (the order swapped every round).
fn startup(apps: &[&App; 2], runs: usize) -> Vec<Row> {
    let mut times: [Vec<f64>; 2] = [Vec::new(), Vec::new()];
    for round in 0..runs {
        for k in [round % 2, 1 - round % 2] {
            let run = apps[k].start();
            match run.painted() {
                Some(d) => times[k].push(d.as_secs_f64() * 1000.0),
                None => println!("{}: no first paint within a minute (run {round})", apps[k].label),
            }
            run.stop();
        }
    }
    let spread = |t: &[f64]| t.iter().cloned().fold(f64::INFINITY, f64::min)..t.iter().cloned().fold(0.0, f64::max);
    println!(
        "startup: Jeton {:.0}–{:.0} ms, bare {:.0}–{:.0} ms",
        spread(&times[0]).start,
        spread(&times[0]).end,
        spread(&times[1]).start,
        spread(&times[1]).end
    );
    vec![Row {
        name: "startup_ms".into(),
        what: "startup (exec → painted)".into(),
        jeton: median(times[0].clone()),
        bare: median(times[1].clone()),
        unit: "ms",
        stat: format!("median of {runs}"),
        goal: Some(1.2),
    }]
}

/// CPU in the first 10 s, and PSS 10 s after the first paint, by process; 3 runs each.
fn first_seconds(apps: &[&App; 2]) -> Vec<Row> {
    let mut cpu: [BTreeMap<String, Vec<f64>>; 2] = Default::default();
    let mut pss: [BTreeMap<String, Vec<f64>>; 2] = Default::default();
    for round in 0..3 {
        for k in [round % 2, 1 - round % 2] {
            let run = apps[k].start();
            let painted = run.painted().unwrap_or(SETTLE);
            run.sleep_until(SETTLE);
            let at_10s = procs::by_role(run.pid());
            run.sleep_until(painted + SETTLE);
            let settled = procs::by_role(run.pid());
            for (role, f) in
                at_10s.iter().chain([("total".to_owned(), procs::total(&at_10s))].iter().map(|(r, f)| (r, f)))
            {
                cpu[k].entry(role.clone()).or_default().push(f.cpu_ms);
            }
            for (role, f) in
                settled.iter().chain([("total".to_owned(), procs::total(&settled))].iter().map(|(r, f)| (r, f)))
            {
                pss[k].entry(role.clone()).or_default().push(f.pss_kb as f64 / 1024.0);
            }
            run.stop();
        }
    }
    let mut rows = Vec::new();
    for (key, what, unit, goal, table) in [
        ("startup_cpu", "CPU in the first 10 s", "ms", 1.5, &cpu),
        ("memory_pss", "PSS 10 s after paint", "MB", 1.3, &pss),
    ] {
        for role in ["total"].into_iter().chain(procs::ROLES) {
            let (Some(j), Some(b)) = (table[0].get(role), table[1].get(role)) else { continue };
            rows.push(Row {
                name: format!("{key}_{role}_{}", unit.to_lowercase()),
                what: format!("{what}{}", if role == "total" { String::new() } else { format!(": {role}") }),
                jeton: median(j.clone()),
                bare: median(b.clone()),
                unit,
                stat: "median of 3".into(),
                goal: (role == "total").then_some(goal),
            });
        }
    }
    rows
}

/// Both apps side by side: shown, then hidden, for `span` each, from 10 s after paint.
fn idling(jeton: &App, bare: &App, span: Duration) -> Vec<Row> {
    let runs = [jeton.start(), bare.start()];
    let painted: Vec<Duration> = runs.iter().map(|r| r.painted().unwrap_or(SETTLE)).collect();
    runs.iter().zip(&painted).for_each(|(r, p)| r.sleep_until(*p + SETTLE));
    let look = || runs.iter().map(|r| procs::by_role(r.pid())).collect::<Vec<_>>();
    let shown_from = look();
    std::thread::sleep(span);
    let shown_to = look();
    runs.iter().for_each(Running::hide);
    let hidden_from = look();
    std::thread::sleep(span);
    let hidden_to = look();
    let mut rows = Vec::new();
    for (state, from, to) in [("shown", &shown_from, &shown_to), ("hidden", &hidden_from, &hidden_to)] {
        let delta = |k: usize, role: &str| -> Figures {
            let f = from[k].get(role).cloned().unwrap_or_default();
            to[k].get(role).cloned().unwrap_or_default().minus(&f)
        };
        let secs = span.as_secs();
        let sum = |k: usize| {
            procs::ROLES.iter().fold(Figures::default(), |mut t, r| {
                t.add(&delta(k, r));
                t
            })
        };
        let detail = |k: usize| {
            let parts: Vec<String> = procs::ROLES
                .iter()
                .map(|r| (r, delta(k, r)))
                .map(|(r, f)| format!("{r} {:.0} ms/{}", f.cpu_ms, f.switches))
                .collect();
            parts.join(", ")
        };
        println!("idle {secs} s {state}: Jeton {} · bare {} (CPU/wake-ups)", detail(0), detail(1));
        for (who, j, b) in [("all", sum(0), sum(1)), ("app", delta(0, "app"), delta(1, "app"))] {
            let whom = if who == "all" { "app + WebKit" } else { "app's own process" };
            for (name, unit, jv, bv) in
                [("cpu_ms", "ms", j.cpu_ms, b.cpu_ms), ("wakeups", "", j.switches as f64, b.switches as f64)]
            {
                rows.push(Row {
                    name: format!("idle_{state}_{who}_{name}"),
                    what: format!(
                        "idle {secs} s {state}, {whom}: {}",
                        if name == "cpu_ms" { "CPU" } else { "wake-ups" }
                    ),
                    jeton: jv,
                    bare: bv,
                    unit,
                    stat: "one run".into(),
                    goal: Some(1.0),
                });
            }
        }
    }
    runs.into_iter().for_each(Running::stop);
    rows
}

/// The release binaries, and the .deb when there is one.
fn sizes(release: &Path) -> Vec<Row> {
    let mb = |p: &Path| std::fs::metadata(p).map(|m| m.len() as f64 / 1_048_576.0).ok();
    let mut rows = Vec::new();
    if let (Some(j), Some(b)) = (mb(&release.join("jeton")), mb(&release.join("jeton-bench-hello"))) {
        let stat = "release binary".to_string();
        rows.push(Row {
            name: "size_binary_mb".into(),
            what: "size: binary".into(),
            jeton: j,
            bare: b,
            unit: "MB",
            stat,
            goal: None,
        });
    }
    let debs = std::fs::read_dir(release.join("bundle/deb")).into_iter().flatten().flatten();
    if let Some(deb) = debs.map(|e| e.path()).find(|p| p.extension().is_some_and(|x| x == "deb")) {
        let size = mb(&deb).unwrap_or(0.0);
        println!("size: {} is {size:.1} MB (the bare window has no package)", deb.display());
        println!("BENCH {{\"name\":\"app_size_deb_mb\",\"what\":\"size: .deb\",\"value\":{size:.1},\"unit\":\"MB\"}}");
    }
    rows
}
