//! `fakehub [--port N] [--seed demo] [--seed-out FILE]`
//!
//! Prints `fakehub listening on http://127.0.0.1:PORT` as its first line, then
//! serves until SIGTERM or SIGINT.

use std::io::Write;
use std::process::ExitCode;

use fakehub::{FakeHub, FakeHubOptions};

const USAGE: &str = "usage: fakehub [--port N] [--seed demo] [--seed-out FILE]";

struct Args {
    port: u16,
    seed: bool,
    seed_out: Option<std::path::PathBuf>,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut out = Args { port: 0, seed: false, seed_out: None };
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg, None),
        };
        let mut value = || inline.clone().or_else(|| args.next()).ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => out.port = value()?.parse().map_err(|_| "--port needs a number".to_string())?,
            "--seed" => match value()?.as_str() {
                "demo" => out.seed = true,
                other => return Err(format!("unknown seed {other:?} (known: demo)")),
            },
            "--seed-out" => out.seed_out = Some(value()?.into()),
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if out.seed_out.is_some() && !out.seed {
        return Err("--seed-out needs --seed demo".into());
    }
    Ok(out)
}

fn write_seed(path: &std::path::Path, lines: &[fakehub::seed::SeededToken]) -> std::io::Result<()> {
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut file = opts.open(path)?;
    for line in lines {
        serde_json::to_writer(&mut file, line)?;
        file.write_all(b"\n")?;
    }
    file.sync_all()
}

/// Signal handlers, installed before the "listening" line is printed so that a
/// signal sent right after reading it is never lost.
#[cfg(unix)]
fn install_stop() -> impl std::future::Future<Output = ()> {
    use tokio::signal::unix::{signal, SignalKind};
    let mut term = signal(SignalKind::terminate()).expect("SIGTERM handler");
    let mut int = signal(SignalKind::interrupt()).expect("SIGINT handler");
    async move {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
    }
}

#[cfg(not(unix))]
fn install_stop() -> impl std::future::Future<Output = ()> {
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("fakehub: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let opts = FakeHubOptions { port: args.port, ..Default::default() };
    let hub = match FakeHub::try_start(opts).await {
        Ok(hub) => hub,
        Err(e) => {
            eprintln!("fakehub: cannot listen on 127.0.0.1:{}: {e}", args.port);
            return ExitCode::FAILURE;
        }
    };
    if args.seed {
        let seeded = match fakehub::seed::demo(&hub) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("fakehub: seeding failed: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Some(path) = &args.seed_out {
            if let Err(e) = write_seed(path, &seeded) {
                eprintln!("fakehub: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    let stop = install_stop();
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "fakehub listening on {}", hub.url());
    let _ = stdout.flush();
    drop(stdout);
    stop.await;
    drop(hub);
    ExitCode::SUCCESS
}
