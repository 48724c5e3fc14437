//! Shared set-up for the app's integration tests: a fakehub, a private data dir and
//! keychain namespace, and a way to run the `jeton` binary against them.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use fakehub::{FakeHub, FakeHubOptions, NewToken, NewUser};
use tokio::io::AsyncWriteExt;

/// The slim git credential helper `jeton setup-git` points git at, built beside `jeton`.
pub const HELPER: &str = env!("CARGO_BIN_EXE_git-credential-jeton");

pub struct Env {
    pub hub: FakeHub,
    pub data: tempfile::TempDir,
    pub namespace: String,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

impl Env {
    pub async fn new() -> Env {
        let hub = FakeHub::start(FakeHubOptions::default()).await;
        hub.create_user(NewUser { login: "octocat".into(), ..Default::default() }).unwrap();
        Env { hub, data: tempfile::tempdir().unwrap(), namespace: format!("jeton-test-{}", uuid::Uuid::new_v4()) }
    }

    pub fn classic(&self, scopes: &[&str]) -> String {
        self.hub.create_token(NewToken::classic("octocat", scopes)).unwrap()
    }

    pub fn data_dir(&self) -> &Path {
        self.data.path()
    }

    /// Runs `jeton ARGS` with `stdin` on standard input, in English.
    pub async fn jeton(&self, args: &[&str], stdin: &str) -> Run {
        self.jeton_env(args, stdin, &[]).await
    }

    /// Runs `jeton ARGS` with extra environment variables.
    pub async fn jeton_env(&self, args: &[&str], stdin: &str, vars: &[(&str, &str)]) -> Run {
        self.program_env(env!("CARGO_BIN_EXE_jeton"), args, stdin, vars).await
    }

    /// `program ARGS` (Jeton's or its slim git helper, `HELPER`) against this fakehub,
    /// data dir and keychain namespace.
    pub async fn program_env(&self, program: &str, args: &[&str], stdin: &str, vars: &[(&str, &str)]) -> Run {
        let mut cmd = tokio::process::Command::new(program);
        cmd.args(args)
            .env("JETON_GITHUB_URL", self.hub.url())
            .env("JETON_GITHUB_API_URL", self.hub.url())
            .env("JETON_DATA_DIR", self.data.path())
            .env("JETON_KEYRING_NAMESPACE", &self.namespace)
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd.envs(vars.iter().copied());
        let mut child = cmd.spawn().unwrap_or_else(|e| panic!("spawn {program}: {e}"));
        let mut input = child.stdin.take().unwrap();
        input.write_all(stdin.as_bytes()).await.unwrap();
        drop(input);
        let out = child.wait_with_output().await.unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// The secret stored in the real Secret Service for `account`, read with `secret-tool`.
    pub fn keychain_lookup(&self, account: &str) -> Option<String> {
        let out = std::process::Command::new("secret-tool")
            .args(["lookup", "service", &self.namespace, "username", account])
            .output()
            .expect("secret-tool (libsecret-tools) is installed");
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

/// The commands `jeton --help` lists with `LANG=lang` (help needs no data dir, keychain
/// or network).
pub fn help_commands(lang: &str) -> Vec<String> {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_jeton"))
        .arg("--help")
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run jeton --help");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip_while(|l| !l.starts_with("Command"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect()
}

/// Every file below `dir`, as bytes.
pub fn files_below(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = vec![];
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files_below(&p));
        } else if let Ok(b) = std::fs::read(&p) {
            out.push((p, b));
        }
    }
    out
}

pub fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}

/// Words of the CLI's English texts that French never uses: any of them in output
/// meant to be French is an untranslated line.
pub const ENGLISH_WORDS: &[&str] = &[
    "Usage",
    "Commands",
    "Arguments",
    "Print",
    "Show",
    "days",
    "day",
    "left",
    "never",
    "expires",
    "expired",
    "tomorrow",
    "today",
    "valid",
    "invalid",
    "revoked",
    "expiring",
    "classic",
    "unknown",
    "unreachable",
    "token",
    "tokens",
    "need",
    "needs",
    "none",
    "error",
    "tip",
    "more",
    "unexpected",
    "missing",
    "the",
    "and",
    "is",
    "not",
    "with",
    "from",
    "your",
    "yet",
    "Check",
    "Ask",
    "List",
    "Statuses",
    "Keeps",
    "Run",
    "only",
    "stored",
    "scopes",
];

/// Whether `word` appears in `text` as a whole word (letters around it do not count).
pub fn has_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|w| w == word)
}

/// Polls `done` until it holds, failing after 30 s: for what happens in another
/// process or on the clock (a clipboard cleared, a token's expiry passed).
pub fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let wait = Duration::from_secs(30);
    let deadline = Instant::now() + wait;
    while !done() {
        assert!(Instant::now() < deadline, "still not true after {wait:?}: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}
