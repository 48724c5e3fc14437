//! `git credential fill` for github.com answered by three helpers in one run, interleaved:
//! Jeton (`jeton git-credential`, its token in the real keychain), gh's helper (`gh auth
//! git-credential`, its token in its own `hosts.yml`) and `git credential-store` (a plain
//! file). Median and p95 of each, Jeton's ratio to each, and Jeton's phases (process
//! start, metadata read, keychain read) to say where its time goes.
//!
//!     make bench-git       (builds the optimized jeton, runs this under scripts/headless)
//!
//! Arguments: the jeton binary (default target/release/jeton, else target/debug/jeton).
//! `JETON_BENCH_RUNS` sets the rounds (default 60). Prints; never asserts. The last line
//! is `BENCH {...}` for `make bench`.

mod git_credential_setup;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use git_credential_setup::Setup;

const REQUEST: &str = "protocol=https\nhost=github.com\n\n";

fn main() {
    let jeton = jeton_binary();
    // git runs a helper by absolute path as it is; a relative one names a git command.
    let jeton = std::fs::canonicalize(&jeton).unwrap_or(jeton);
    let runs: usize = std::env::var("JETON_BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(60);
    let build = if jeton.components().any(|c| c.as_os_str() == "release") { "release" } else { "debug" };
    println!("git credential fill for github.com, {runs} rounds interleaved; jeton: {} ({build})", jeton.display());
    let setup = match Setup::new(&jeton) {
        Ok(s) => s,
        Err(why) => {
            println!("cannot run: {why}");
            std::process::exit(1);
        }
    };
    let helpers = setup.helpers();
    for h in &helpers {
        let answer = fill(&setup, &h.config).1;
        if !answer.contains(&format!("password={}", setup.token)) {
            println!("{} does not answer with the token: {answer:?}", h.name);
            std::process::exit(1);
        }
    }
    // Warm the page cache and the keychain's session before timing.
    for _ in 0..3 {
        helpers.iter().for_each(|h| drop(fill(&setup, &h.config)));
    }
    let mut times: Vec<Vec<Duration>> = vec![Vec::with_capacity(runs); helpers.len()];
    // CPU time of git and the helper (this process's waited-for children), which a
    // loaded machine inflates far less than wall time.
    let mut cpu = vec![Duration::ZERO; helpers.len()];
    for round in 0..runs {
        // A different helper goes first each round, so none always follows the same one.
        for k in 0..helpers.len() {
            let i = (round + k) % helpers.len();
            let before = children_cpu();
            times[i].push(fill(&setup, &helpers[i].config).0);
            cpu[i] += children_cpu().saturating_sub(before);
        }
    }
    let phases = setup.jeton_phases(runs.min(30));
    setup.clean_up();

    println!("\n{:<34} {:>10} {:>10} {:>14}", "helper", "median ms", "p95 ms", "CPU ms (mean)");
    let stats: Vec<(f64, f64)> = times.iter_mut().map(|t| (ms(percentile(t, 50)), ms(percentile(t, 95)))).collect();
    let cpu: Vec<f64> = cpu.iter().map(|c| ms(*c) / runs.max(1) as f64).collect();
    for ((h, (median, p95)), cpu) in helpers.iter().zip(&stats).zip(&cpu) {
        println!("{:<34} {median:>10.1} {p95:>10.1} {cpu:>14.1}", h.name);
    }
    let (jeton_median, jeton_p95) = stats[0];
    println!();
    for (h, (median, p95)) in helpers.iter().zip(&stats).skip(1) {
        println!(
            "Jeton / {}: {:.2}x median, {:.2}x p95",
            h.short,
            jeton_median / median.max(0.001),
            jeton_p95 / p95.max(0.001)
        );
    }
    println!("\nJeton's phases (medians, ms):");
    for (key, what, value) in &phases {
        println!("  {key:<18} {what:<48} {value:>7.2}");
    }
    let ((gh_median, gh_p95), (store_median, store_p95)) = (stats[1], stats[2]);
    let ratio = |a: f64, b: f64| a / b.max(0.001);
    let line = |name: &str, what: &str, value: f64, base: f64, vs: &str, extra: &str| {
        format!(
            "BENCH {{\"name\":\"{name}\",\"what\":\"{what} ({build})\",\"value\":{value:.2},\"base\":{base:.2},\
\"vs\":\"{vs}\",\"unit\":\"ms\",\"ratio\":{:.2}{extra}}}",
            ratio(value, base)
        )
    };
    let phases_json = phases.iter().map(|(k, _, v)| format!("\"{k}\":{v:.2}")).collect::<Vec<_>>().join(",");
    println!();
    println!("{}", line("git_credential_fill_p95", "git credential fill, p95", jeton_p95, gh_p95, "gh's helper", ""));
    println!(
        "{}",
        line(
            "git_credential_fill_store",
            "git credential fill, median",
            jeton_median,
            store_median,
            "credential-store",
            ""
        )
    );
    // The main figure, last.
    let extra = format!(
        ",\"goal\":\"≤ 1× gh's helper\",\"met\":{},\"jeton_p95\":{jeton_p95:.2},\"gh_p95\":{gh_p95:.2},\
\"store_median\":{store_median:.2},\"store_p95\":{store_p95:.2},\"cpu_ms\":{{\"jeton\":{:.1},\"gh\":{:.1},\"store\":{:.1}}},\"runs\":{runs},\"build\":\"{build}\",\"phases_ms\":{{{phases_json}}}",
        jeton_median <= gh_median,
        cpu[0],
        cpu[1],
        cpu[2]
    );
    println!(
        "{}",
        line("git_credential_fill", "git credential fill, median", jeton_median, gh_median, "gh's helper", &extra)
    );
}

/// One `git credential fill` with `config` (`-c` pairs): its wall time and its answer.
fn fill(setup: &Setup, config: &[String]) -> (Duration, String) {
    let mut cmd = Command::new("git");
    for c in config {
        cmd.arg("-c").arg(c);
    }
    setup.environment(&mut cmd);
    cmd.args(["credential", "fill"]).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd.spawn().expect("git");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(REQUEST.as_bytes()).expect("write the request");
    }
    let out = child.wait_with_output().expect("git credential fill");
    let took = start.elapsed();
    let answer = String::from_utf8_lossy(&out.stdout).into_owned();
    (took, if out.status.success() { answer } else { format!("{answer}{}", String::from_utf8_lossy(&out.stderr)) })
}

fn jeton_binary() -> PathBuf {
    if let Some(p) = std::env::args_os().nth(1) {
        return PathBuf::from(p);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let release = root.join("target/release/jeton");
    if release.exists() {
        release
    } else {
        root.join("target/debug/jeton")
    }
}

/// User and system time of this process's children that were waited for
/// (`/proc/self/stat`'s cutime and cstime, in clock ticks of 10 ms).
fn children_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map(|(_, rest)| rest).unwrap_or("");
    // Fields after the name start at field 3; cutime and cstime are fields 16 and 17.
    let ticks: u64 = after_name.split_whitespace().skip(13).take(2).filter_map(|f| f.parse::<u64>().ok()).sum();
    Duration::from_millis(ticks * 10)
}

/// The `p`th percentile (nearest rank) of `times`.
pub fn percentile(times: &mut [Duration], p: usize) -> Duration {
    times.sort_unstable();
    let rank = (p * times.len()).div_ceil(100).clamp(1, times.len());
    times[rank - 1]
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
