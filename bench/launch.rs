//! Starting a desktop app for bench/app.rs, reading what it prints, and ending it
//! with its WebKit processes.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::procs;

/// One of the two apps measured, and how to start it.
pub struct App {
    pub label: &'static str,
    pub bin: PathBuf,
    pub env: Vec<(String, String)>,
}

/// A running app: its process, and the lines it printed with when they came.
pub struct Running {
    child: Child,
    exec: Instant,
    lines: mpsc::Receiver<(Instant, String)>,
}

impl App {
    pub fn start(&self) -> Running {
        let exec = Instant::now();
        let mut child = Command::new(&self.bin)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .env("JETON_BENCH", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{}: {e}", self.bin.display()));
        let out = child.stdout.take().expect("stdout");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send((Instant::now(), line));
            }
        });
        Running { child, exec, lines }
    }
}

impl Running {
    /// The time from exec to the first paint it reported; None after a minute without.
    pub fn painted(&self) -> Option<Duration> {
        let deadline = Instant::now() + Duration::from_secs(60);
        while let Ok((at, line)) = self.lines.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            if line.starts_with("BENCH {\"first_paint_ms\"") {
                return Some(at - self.exec);
            }
        }
        None
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn sleep_until(&self, since_exec: Duration) {
        std::thread::sleep(since_exec.saturating_sub(self.exec.elapsed()));
    }

    /// Ends it and waits (10 s at most) until its WebKit processes are gone too.
    pub fn stop(mut self) {
        let all: Vec<u32> = procs::tree(self.pid()).into_iter().map(|(p, _)| p).collect();
        let _ = self.child.kill();
        let _ = self.child.wait();
        let deadline = Instant::now() + Duration::from_secs(10);
        while all.iter().any(|p| Path::new(&format!("/proc/{p}")).exists()) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Unmaps its visible windows, as hiding a GTK window does.
    pub fn hide(&self) {
        let out = Command::new("xdotool").args(["search", "--onlyvisible", "--pid", &self.pid().to_string()]).output();
        for id in out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default().lines() {
            let _ = Command::new("xdotool").args(["windowunmap", id]).status();
        }
    }
}
