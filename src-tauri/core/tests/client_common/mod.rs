//! Shared by the client and re-check integration tests: a fakehub in-process, a Jeton
//! on it with an in-memory keychain and a temporary data dir, short timeouts.
#![allow(dead_code)]

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use fakehub::{FakeHub, FakeHubOptions, NewToken, NewUser};
use jeton_core::config::{Config, Host};
use jeton_core::github::client::ClientOptions;
use jeton_core::github::GitHubClient;
use jeton_core::i18n::Lang;
use jeton_core::model::{TokenRecord, TokenView};
use jeton_core::service::Jeton;
use jeton_core::vault::MemoryStore;
use jeton_core::Secret;
use url::Url;

pub const LOGIN: &str = "octocat";

/// Short enough for tests, long enough for a loaded machine.
pub fn fast() -> ClientOptions {
    ClientOptions {
        connect_timeout: Duration::from_secs(2),
        total_timeout: Duration::from_secs(5),
        retry_base: Duration::from_millis(10),
        max_rate_wait: Duration::from_millis(1500),
        ..ClientOptions::default()
    }
}

pub struct Env {
    pub hub: FakeHub,
    pub jeton: Jeton,
    pub dir: tempfile::TempDir,
}

/// A hub with the user `octocat`, and a Jeton whose github.com is that hub.
pub async fn env() -> Env {
    env_with(fast()).await
}

pub async fn env_with(opts: ClientOptions) -> Env {
    let hub = FakeHub::start(FakeHubOptions::default()).await;
    hub.create_user(NewUser { login: LOGIN.into(), name: Some("The Octocat".into()), ..Default::default() }).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        github_web: Url::parse(&hub.web_url()).unwrap(),
        github_api: Url::parse(&hub.url()).unwrap(),
        data_dir: dir.path().to_path_buf(),
        keyring_namespace: "jeton-client-tests".into(),
    };
    let mut jeton = Jeton::new(config, Arc::new(MemoryStore::default())).unwrap();
    jeton.client = GitHubClient::with_options(opts).unwrap();
    Env { hub, jeton, dir }
}

impl Env {
    /// github.com's stand-in: API at `http://127.0.0.1:PORT`.
    pub fn host(&self) -> Host {
        self.jeton.config.default_host()
    }

    /// The same hub as a GitHub Enterprise Server: `http://localhost:PORT`, API under `/api/v3`.
    pub fn ghes(&self) -> Host {
        self.jeton.config.host(Some(&self.ghes_web())).unwrap()
    }

    pub fn ghes_web(&self) -> String {
        format!("http://localhost:{}", self.hub.addr().port())
    }

    pub fn client(&self) -> &GitHubClient {
        &self.jeton.client
    }

    pub fn classic(&self, scopes: &[&str]) -> String {
        self.hub.create_token(NewToken::classic(LOGIN, scopes)).unwrap()
    }

    pub fn mint(&self, new: NewToken) -> String {
        self.hub.create_token(new).unwrap()
    }

    /// `jeton check` of a token not stored.
    pub async fn check(&self, token: &str, host: Option<&str>) -> TokenView {
        self.jeton.check(token, host, false, Lang::En).await.view
    }

    /// Stores a token without asking GitHub, as an earlier check would have left it.
    pub fn store(&self, name: &str, token: &str, host: &str, expires_at: Option<DateTime<Utc>>) -> TokenRecord {
        let kind = jeton_core::token::parse(token).unwrap().kind;
        let mut record = TokenRecord::new(uuid::Uuid::new_v4().to_string(), name.into(), host.into(), kind, Utc::now());
        record.login = Some(LOGIN.into());
        record.scopes = kind.has_scopes().then(|| vec!["repo".to_string()]);
        record.expires_at = expires_at;
        record.notes = "kept as is".into();
        self.jeton.vault.add(record, &Secret::new(token)).unwrap()
    }

    pub async fn recheck(&self, name: &str) -> TokenView {
        self.jeton.recheck(name, Lang::En).await.unwrap()
    }

    /// How many requests reached this path.
    pub fn requests(&self, path: &str) -> u64 {
        self.hub.stats().path(path)
    }

    /// The statuses fakehub answered on this path, in order.
    pub fn statuses(&self, path: &str) -> Vec<Option<u16>> {
        self.hub.stats().requests_to(path).map(|r| r.status).collect()
    }
}

/// The view's error code, or "" when there is none.
pub fn code(v: &TokenView) -> &str {
    v.error.as_ref().map(|e| e.code.as_str()).unwrap_or("")
}

/// Every view carries a sentence for a person when it is not plainly valid.
pub fn assert_explained(v: &TokenView) {
    let e = v.error.as_ref().unwrap_or_else(|| panic!("no error for {:?}", v.status));
    assert!(!e.code.as_str().is_empty() && e.message.len() > 20, "{e:?}");
}

/// A port nothing listens on.
pub fn dead_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}
