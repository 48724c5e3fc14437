//! The three helpers' set-up for `git_credential.rs`, each with the same token (minted by
//! fakehub, so its checksum is right): Jeton's in the real keychain under a namespace of
//! its own with its metadata in a temporary data dir, gh's in `GH_CONFIG_DIR/hosts.yml`,
//! credential-store's in a temporary file. Nothing of the user's is read or touched.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use jeton_core::model::{CheckRecord, TokenKind, TokenRecord, TokenStatus};
use jeton_core::vault::{KeyringStore, MetadataStore, SecretStore, Vault};
use jeton_core::Secret;

use super::{ms, percentile, REQUEST};

pub struct Helper {
    pub name: &'static str,
    pub short: &'static str,
    /// `git -c` settings that make this helper git's only one.
    pub config: Vec<String>,
}

pub struct Setup {
    pub token: String,
    root: tempfile::TempDir,
    jeton: PathBuf,
    gh: PathBuf,
    namespace: String,
    vault: Vault,
}

impl Setup {
    pub fn new(jeton: &Path) -> Result<Setup, String> {
        if !jeton.exists() {
            return Err(format!("{} is not built (make release, or cargo build -p jeton)", jeton.display()));
        }
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").ok_or("no session bus: run under scripts/headless")?;
        let gh = which("gh").ok_or("gh is not installed: scripts/deps --test installs Debian's package")?;
        let token = mint_token();
        let root = tempfile::tempdir().map_err(|e| e.to_string())?;
        let namespace = format!("jeton-bench-git-{}", std::process::id());
        let store = KeyringStore::new(namespace.clone());
        store.probe().map_err(|e| format!("keychain: {e}"))?;
        let vault = Vault::new(Arc::new(store), MetadataStore::new(root.path().join("jeton")));
        vault.add(record(), &Secret::new(token.clone())).map_err(|e| format!("storing the token: {e}"))?;
        let gh_dir = root.path().join("gh");
        std::fs::create_dir_all(&gh_dir).map_err(|e| e.to_string())?;
        let hosts = format!("github.com:\n    oauth_token: {token}\n    user: octocat\n    git_protocol: https\n");
        std::fs::write(gh_dir.join("hosts.yml"), hosts).map_err(|e| e.to_string())?;
        std::fs::write(root.path().join("store"), format!("https://octocat:{token}@github.com\n"))
            .map_err(|e| e.to_string())?;
        std::fs::create_dir_all(root.path().join("home")).map_err(|e| e.to_string())?;
        Ok(Setup { token, root, jeton: jeton.to_owned(), gh, namespace, vault })
    }

    pub fn helpers(&self) -> Vec<Helper> {
        let only = |helper: String| vec!["credential.helper=".to_owned(), format!("credential.helper={helper}")];
        vec![
            // The line `jeton setup-git` writes: the slim helper beside jeton when built.
            Helper {
                name: "Jeton, as setup-git sets it",
                short: "Jeton",
                config: only(jeton_core::gitcred::setup::helper_value(&self.jeton)),
            },
            Helper {
                name: "gh auth git-credential",
                short: "gh auth git-credential",
                config: only(format!("!{} auth git-credential", self.gh.display())),
            },
            Helper {
                name: "git credential-store",
                short: "git credential-store",
                config: only(format!("store --file={}", self.root.path().join("store").display())),
            },
            Helper {
                name: "jeton git-credential (app binary)",
                short: "jeton git-credential",
                config: only(format!("!'{}' git-credential", self.jeton.display())),
            },
        ]
    }

    /// The environment of every helper: a private home and git config, Jeton's data dir
    /// and keychain namespace, gh's config dir; none of the user's tokens or hosts.
    pub fn environment(&self, cmd: &mut Command) {
        let p = |s: &str| self.root.path().join(s);
        cmd.env("HOME", p("home"))
            .env("XDG_CONFIG_HOME", p("home/.config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("JETON_DATA_DIR", p("jeton"))
            .env("JETON_KEYRING_NAMESPACE", &self.namespace)
            .env("GH_CONFIG_DIR", p("gh"))
            .env("GH_NO_UPDATE_NOTIFIER", "1");
        for var in
            ["JETON_GITHUB_URL", "JETON_GITHUB_API_URL", "GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "GH_HOST"]
        {
            cmd.env_remove(var);
        }
    }

    fn jeton(&self, args: &[&str]) -> Command {
        self.program(&self.jeton, args)
    }

    fn program(&self, path: &Path, args: &[&str]) -> Command {
        let mut cmd = Command::new(path);
        self.environment(&mut cmd);
        cmd.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::null());
        cmd
    }

    /// Where Jeton's time goes: whole processes (start alone, the helper without git)
    /// and, in this process, the steps `git-credential get` takes, each `n` times.
    pub fn jeton_phases(&self, n: usize) -> Vec<(&'static str, &'static str, f64)> {
        let median = |f: &mut dyn FnMut() -> Duration| {
            let mut t: Vec<Duration> = (0..n).map(|_| f()).collect();
            ms(percentile(&mut t, 50))
        };
        let slim = self.jeton.with_file_name(jeton_core::gitcred::setup::HELPER_PROGRAM);
        let run_program = |program: &Path, args: &[&str], input: &str| {
            let start = Instant::now();
            let mut child = self.program(program, args).spawn().expect("jeton");
            {
                use std::io::Write;
                let _ = child.stdin.take().expect("stdin").write_all(input.as_bytes());
            }
            let _ = child.wait_with_output();
            start.elapsed()
        };
        let run = |args: &[&str], input: &str| run_program(&self.jeton, args, input);
        let data = self.root.path().join("jeton");
        let record = self.vault.list().expect("list").remove(0);
        vec![
            ("process", "jeton --version (start, parse, exit)", median(&mut || run(&["--version"], ""))),
            (
                "helper",
                "jeton git-credential get, without git",
                median(&mut || run(&["git-credential", "get"], REQUEST)),
            ),
            (
                "slim_helper",
                "git-credential-jeton get, without git",
                median(&mut || run_program(&slim, &["get"], REQUEST)),
            ),
            (
                "metadata",
                "open the data dir and list",
                median(&mut || {
                    let start = Instant::now();
                    let vault = Vault::new(Arc::new(KeyringStore::new(&self.namespace)), MetadataStore::new(&data));
                    std::hint::black_box(vault.list().expect("list"));
                    start.elapsed()
                }),
            ),
            (
                "keychain_accounts",
                "connect, search the namespace (list_checked did)",
                median(&mut || {
                    let start = Instant::now();
                    std::hint::black_box(KeyringStore::new(&self.namespace).accounts().expect("accounts"));
                    start.elapsed()
                }),
            ),
            (
                "keychain_secret",
                "connect, read the secret",
                median(&mut || {
                    let vault = Vault::new(Arc::new(KeyringStore::new(&self.namespace)), MetadataStore::new(&data));
                    let start = Instant::now();
                    std::hint::black_box(vault.secret(&record).expect("secret"));
                    start.elapsed()
                }),
            ),
            (
                "http_client",
                "GitHubClient::new (TLS roots wait for a request)",
                median(&mut || {
                    let start = Instant::now();
                    std::hint::black_box(jeton_core::github::GitHubClient::new().expect("client"));
                    start.elapsed()
                }),
            ),
            ("loader", "dynamic loader at start (LD_DEBUG=statistics)", median(&mut || self.loader_time())),
        ]
    }

    /// The dynamic loader's own count of its start-up time (cycles) for `jeton
    /// --version`, at the CPU's nominal clock: the cost of loading the GUI's libraries.
    fn loader_time(&self) -> Duration {
        let out = self.jeton(&["--version"]).env("LD_DEBUG", "statistics").stderr(Stdio::piped()).output();
        let cycles = out.ok().and_then(|o| {
            let err = String::from_utf8_lossy(&o.stderr).into_owned();
            let line = err.lines().find(|l| l.contains("total startup time in dynamic loader"))?.to_owned();
            line.split(':').nth(2)?.split_whitespace().next()?.parse::<f64>().ok()
        });
        let mhz = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|c| c.lines().find(|l| l.starts_with("cpu MHz"))?.split(':').nth(1)?.trim().parse::<f64>().ok());
        match (cycles, mhz) {
            (Some(c), Some(m)) if m > 0.0 => Duration::from_secs_f64(c / (m * 1e6)),
            _ => Duration::ZERO,
        }
    }

    pub fn clean_up(&self) {
        for r in self.vault.list().unwrap_or_default() {
            let _ = self.vault.forget(&r.id);
        }
    }
}

/// A valid-looking classic token from fakehub (right prefix, length and checksum).
fn mint_token() -> String {
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio");
    rt.block_on(async {
        let hub = fakehub::FakeHub::start(fakehub::FakeHubOptions::default()).await;
        hub.create_user(fakehub::NewUser { login: "octocat".into(), ..Default::default() }).expect("user");
        hub.create_token(fakehub::NewToken::classic("octocat", &["repo"])).expect("token")
    })
}

/// The token as `jeton add` would have recorded it after GitHub's answer.
fn record() -> TokenRecord {
    let now = Utc::now();
    TokenRecord {
        login: Some("octocat".into()),
        scopes: Some(vec!["repo".into()]),
        expires_at: Some(now + chrono::Duration::days(60)),
        last_check: Some(CheckRecord { at: now, status: TokenStatus::Valid, sso_url: None, error: None }),
        ..TokenRecord::new(
            format!("bench-git-{}", std::process::id()),
            "bench".into(),
            "https://github.com".into(),
            TokenKind::Classic,
            now,
        )
    }
}

fn which(program: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?).map(|d| d.join(program)).find(|p| p.is_file())
}
