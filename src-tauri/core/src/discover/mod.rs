//! Tokens lying outside the keychain (docs/github.md#discover): lines of git's
//! credential-store files, gh's `hosts.yml`, gh's keyring entries, and `GH_TOKEN` and
//! its kin in the environment. Each finding says where it is (file and line, keyring
//! service, variable), its host and kind, and whether Jeton already holds it (by the
//! vault's keyed fingerprint); its secret stays in a [`Secret`] and is never part of
//! what is shown or serialized.
//!
//! Where to look is a [`Places`] value ([`Places::from_env`] for the real home), so tests
//! never read the user's own files.

mod env;
mod gh_hosts;
mod gh_keyring;
mod git_file;
mod remove;
mod service;

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::model::TokenKind;
use crate::secret::Secret;

pub use gh_keyring::{GhKeyring, SecretServiceGh};
pub use remove::Removed;

/// Where a found token lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A line of git's credential store (`~/.git-credentials`, `$XDG_CONFIG_HOME/git/credentials`).
    GitCredentials,
    /// An `oauth_token` of gh's `hosts.yml`.
    GhHosts,
    /// gh's entry in the keychain (service `gh:HOST`).
    GhKeyring,
    /// An environment variable (`GH_TOKEN`, `GITHUB_TOKEN`, `GH_ENTERPRISE_TOKEN`, …).
    Env,
}

impl SourceKind {
    /// Whether Jeton can take the plain-text copy away (a file's line); an environment
    /// variable lives in the user's shell, and gh's keyring entry is not plain text.
    pub fn removable(self) -> bool {
        matches!(self, SourceKind::GitCredentials | SourceKind::GhHosts)
    }
}

/// What is shown of a found token: never its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Found {
    /// Names this finding for a later check, import or removal
    /// (`KIND:LOCATION[:LINE or :USER]`).
    pub id: String,
    pub source: SourceKind,
    /// The file's path, the keyring service, or the variable's name.
    pub location: String,
    /// The line in the file, from 1.
    pub line: Option<u32>,
    /// The host's web URL as Jeton stores it, or `None` when it cannot be told
    /// (`GH_ENTERPRISE_TOKEN` without `GH_HOST`, a plain-http remote host).
    pub host: Option<String>,
    /// The user name written beside it (git's user name, gh's login), if any.
    pub user: Option<String>,
    /// The kind its prefix says.
    pub kind: TokenKind,
    /// The name it has in Jeton when the vault already holds this secret.
    pub stored_as: Option<String>,
    /// Whether Jeton can remove this plain-text copy ([`SourceKind::removable`]).
    pub removable: bool,
}

/// A found token: what is shown, and the secret.
#[derive(Debug)]
pub struct Finding {
    pub found: Found,
    pub secret: Secret,
}

impl Finding {
    fn new(source: SourceKind, location: String, line: Option<u32>, user: Option<String>, parsed: Parsed) -> Finding {
        let code = source_code(source);
        let id = match (line, source) {
            (Some(n), _) => format!("{code}:{location}:{n}"),
            (None, SourceKind::GhKeyring) => format!("{code}:{location}:{}", user.as_deref().unwrap_or("")),
            (None, _) => format!("{code}:{location}"),
        };
        let found = Found {
            id,
            source,
            location,
            line,
            host: parsed.host,
            user,
            kind: parsed.kind,
            stored_as: None,
            removable: source.removable(),
        };
        Finding { found, secret: parsed.secret }
    }
}

fn source_code(s: SourceKind) -> &'static str {
    match s {
        SourceKind::GitCredentials => "git_credentials",
        SourceKind::GhHosts => "gh_hosts",
        SourceKind::GhKeyring => "gh_keyring",
        SourceKind::Env => "env",
    }
}

/// A secret that is a GitHub token, with its host.
struct Parsed {
    host: Option<String>,
    kind: TokenKind,
    secret: Secret,
}

/// The secret when it is a well-formed GitHub token (untrimmed: a copy with spaces
/// around it is not one a tool would send).
fn parsed(host: Option<String>, value: &str) -> Option<Parsed> {
    let p = crate::token::parse(value).ok().filter(|p| p.trimmed.is_empty())?;
    Some(Parsed { host, kind: p.kind, secret: p.secret })
}

/// A host named the way git and gh name them (`github.com`, `ghe.example.com:8443`,
/// with its scheme) as Jeton stores it. `github.com` is Jeton's github.com (which
/// `JETON_GITHUB_URL` may replace); `None` for a host core refuses.
fn host_key(config: &Config, scheme: &str, host: &str) -> Option<String> {
    if scheme == "https" && host.eq_ignore_ascii_case("github.com") {
        return Some(config.default_host().key());
    }
    config.host(Some(&format!("{scheme}://{host}"))).ok().map(|h| h.key())
}

/// Where to look: the files, gh's config dir, the environment and gh's keyring.
#[derive(Clone, Default)]
pub struct Places {
    /// git's credential-store files, in git's order.
    pub git_credentials: Vec<PathBuf>,
    /// gh's config dir (holding `hosts.yml`).
    pub gh_config_dir: Option<PathBuf>,
    /// The environment variables to read (name, value).
    pub env: Vec<(String, String)>,
    /// gh's keyring, when it is to be read.
    pub gh_keyring: Option<Arc<dyn GhKeyring>>,
}

impl Places {
    /// The real places: `~/.git-credentials`, `$XDG_CONFIG_HOME/git/credentials`
    /// (default `~/.config/git/credentials`), gh's config dir (`$GH_CONFIG_DIR`, else
    /// `$XDG_CONFIG_HOME/gh`, else `~/.config/gh`), this process's environment and the
    /// system keychain.
    pub fn from_env() -> Places {
        let var = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
        let home = var("HOME").or_else(dirs::home_dir);
        let xdg = var("XDG_CONFIG_HOME").or_else(|| home.as_ref().map(|h| h.join(".config")));
        let mut git_credentials: Vec<PathBuf> = home.iter().map(|h| h.join(".git-credentials")).collect();
        git_credentials.extend(xdg.iter().map(|x| x.join("git").join("credentials")));
        Places {
            git_credentials,
            gh_config_dir: var("GH_CONFIG_DIR").or_else(|| xdg.map(|x| x.join("gh"))),
            env: env::NAMES.iter().filter_map(|k| std::env::var(k).ok().map(|v| ((*k).to_owned(), v))).collect(),
            gh_keyring: Some(Arc::new(SecretServiceGh)),
        }
    }

    fn hosts_yml(&self) -> Option<PathBuf> {
        self.gh_config_dir.as_ref().map(|d| d.join("hosts.yml"))
    }
}

/// Every token found in `places`, in order: git's files, gh's `hosts.yml`, gh's keyring,
/// the environment. A file that is missing or unreadable is passed over; a keyring
/// that cannot be asked is skipped with a warning (no secret in it).
pub fn find(config: &Config, places: &Places) -> Vec<Finding> {
    let mut out = Vec::new();
    for path in &places.git_credentials {
        if let Some(bytes) = read_small(path) {
            out.extend(git_file::find(config, path, &bytes));
        }
    }
    let mut gh_hosts = vec!["github.com".to_owned()];
    if let Some(path) = places.hosts_yml() {
        if let Some(bytes) = read_small(&path) {
            let file = gh_hosts::scan(&bytes);
            for host in file.hosts() {
                if !gh_hosts.contains(&host) {
                    gh_hosts.push(host);
                }
            }
            out.extend(gh_hosts::find(config, &path, &file));
        }
    }
    if let Some(h) = env::gh_host(&places.env) {
        if !gh_hosts.contains(&h) {
            gh_hosts.push(h);
        }
    }
    if let Some(keyring) = &places.gh_keyring {
        for host in &gh_hosts {
            match keyring.entries(host) {
                Ok(entries) => out.extend(gh_keyring::found(config, host, entries)),
                Err(e) => tracing::warn!(code = e.code(), host = %host, "gh's keyring entries could not be read"),
            }
        }
    }
    out.extend(env::find(config, &places.env));
    out
}

/// Files larger than this are not credential files: they are not read.
const MAX_FILE: u64 = 4 * 1024 * 1024;

fn read_small(path: &std::path::Path) -> Option<Vec<u8>> {
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > MAX_FILE {
        return None;
    }
    std::fs::read(path).ok()
}

#[cfg(test)]
mod tests;
