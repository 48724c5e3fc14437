//! Shared by the vault's integration tests: child processes (the test binary re-runs
//! itself), a small seeded random generator, and a file-backed keychain stand-in.
//! Test-only: the product has no plain-text store.
#![allow(dead_code)]

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use jeton_core::model::{TokenKind, TokenRecord};
use jeton_core::vault::SecretStore;
use jeton_core::{Error, Result, Secret};

pub const CHILD_ENV: &str = "JETON_VAULT_CHILD";

/// The role this process plays when a test re-ran its binary, if it is such a child.
pub fn child_role() -> Option<String> {
    std::env::var(CHILD_ENV).ok().filter(|r| !r.is_empty())
}

/// A command that re-runs this test binary for one test, as a child playing `role`.
pub fn child_command(test: &str, role: &str) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", test, "--nocapture", "--test-threads=1"]).env(CHILD_ENV, role);
    cmd
}

/// Waits for a child up to `limit`, killing it after that; returns (success, output).
pub fn finish(mut child: Child, limit: Duration) -> (bool, String) {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), text)
}

pub fn spawn_piped(mut cmd: Command) -> Child {
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
}

/// The opt-out for machines with no Secret Service: without it, a keychain test that
/// finds none fails rather than passing without having tested anything.
pub const SKIP_KEYCHAIN_ENV: &str = "JETON_SKIP_KEYCHAIN_TESTS";

/// Whether keychain tests may skip (`JETON_SKIP_KEYCHAIN_TESTS=1`); when they may not,
/// fails with `why` and what to do.
#[track_caller]
pub fn may_skip_keychain(why: &str) -> bool {
    let skip = std::env::var(SKIP_KEYCHAIN_ENV).is_ok_and(|v| v == "1");
    assert!(
        skip,
        "{why}: run the tests under scripts/headless (a private D-Bus with gnome-keyring), \
         or set {SKIP_KEYCHAIN_ENV}=1 to skip the keychain tests on this machine"
    );
    println!("skipped ({SKIP_KEYCHAIN_ENV}=1): {why}");
    true
}

pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

/// A namespace no other run uses.
pub fn unique_namespace(what: &str) -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("jeton-test-{what}-{}-{nanos}", std::process::id())
}

pub fn record(id: &str, name: &str) -> TokenRecord {
    TokenRecord {
        login: Some("octocat".into()),
        scopes: Some(vec!["repo".into()]),
        ..TokenRecord::new(
            id.to_string(),
            name.to_string(),
            "https://github.com".to_string(),
            TokenKind::Classic,
            Utc::now(),
        )
    }
}

/// splitmix64: small, seeded, good enough to pick operations and delays.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn token(&mut self) -> String {
        const CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        let body: String = (0..36).map(|_| CHARS[self.below(CHARS.len() as u64) as usize] as char).collect();
        format!("ghp_{body}")
    }
}

/// A keychain stand-in that outlives the process writing to it: one file per entry,
/// written atomically and fsync'd like the metadata. For tests only.
pub struct FileStore {
    dir: PathBuf,
}

impl FileStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        let dir = dir.into();
        fs::create_dir_all(&dir).unwrap();
        FileStore { dir }
    }

    fn path(&self, account: &str) -> PathBuf {
        self.dir.join(account.bytes().map(|b| format!("{b:02x}")).collect::<String>())
    }

    fn sync_dir(&self) -> Result<()> {
        fs::File::open(&self.dir).and_then(|d| d.sync_all()).map_err(io)
    }
}

fn io(e: std::io::Error) -> Error {
    Error::KeychainUnavailable { detail: e.to_string() }
}

impl SecretStore for FileStore {
    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        let tmp = self.dir.join(format!(".tmp-{}", std::process::id()));
        let mut f = fs::File::create(&tmp).map_err(io)?;
        f.write_all(secret.expose().as_bytes()).and_then(|_| f.sync_all()).map_err(io)?;
        fs::rename(&tmp, self.path(account)).map_err(io)?;
        self.sync_dir()
    }

    fn get(&self, account: &str) -> Result<Option<Secret>> {
        match fs::read_to_string(self.path(account)) {
            Ok(s) => Ok(Some(Secret::new(s))),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(io(e)),
        }
    }

    fn delete(&self, account: &str) -> Result<()> {
        match fs::remove_file(self.path(account)) {
            Ok(()) => self.sync_dir(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(e)),
        }
    }

    fn accounts(&self) -> Result<Option<Vec<String>>> {
        let mut out = vec![];
        for entry in fs::read_dir(&self.dir).map_err(io)?.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let bytes: Vec<u8> =
                (0..name.len()).step_by(2).map(|i| u8::from_str_radix(&name[i..i + 2], 16).unwrap()).collect();
            out.push(String::from_utf8(bytes).unwrap());
        }
        out.sort();
        Ok(Some(out))
    }
}

/// Waits until `path` exists (a child's "I am here" marker).
pub fn wait_for_file(path: &Path, limit: Duration) -> bool {
    let start = Instant::now();
    while !path.exists() {
        if start.elapsed() > limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    true
}

/// Everything a tracing subscriber writes, kept for inspection (the no-leak tests).
#[derive(Clone, Default)]
pub struct Capture(Arc<Mutex<Vec<u8>>>);

impl Capture {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Capture {
    type Writer = Capture;
    fn make_writer(&'a self) -> Capture {
        self.clone()
    }
}
