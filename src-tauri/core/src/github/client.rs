//! The HTTP client for GitHub's REST API (reqwest with rustls).
//!
//! Every call has a deadline (20 s by default) that covers its retries and waits, a
//! connect timeout (5 s) and a body cap (1 MiB); network errors and 5xx answers are
//! retried with exponential backoff and jitter, [`MAX_ATTEMPTS`] attempts at most (a
//! 401 never is). A rate limit that lifts within a few seconds (`retry-after`, or
//! `x-ratelimit-reset` once the window is used up) is waited out; a longer one is
//! `rate_limited` with the wait. `GET /user` and `GET /user/orgs` are conditional
//! requests: a repeated one sends `If-None-Match`, and a `304` (free of rate limit)
//! reuses the kept answer (see `cache.rs`). The `User-Agent` names Jeton and its
//! version. A secret only ever goes into the `Authorization` header, marked sensitive
//! (kept out of debug output and HTTP/2 header compression).
//!
//! TLS is rustls, trusting GitHub's usual roots and the operating system's certificate
//! store, so a GitHub Enterprise Server behind a company CA works; a certificate that
//! is not trusted is `certificate_untrusted`, never retried. The proxy settings of the
//! environment (`HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY`…) apply to remote hosts only: a
//! loopback host is always reached directly, so that no token goes through a proxy to
//! an address that is this computer.
//!
//! Whatever the server sends, nothing here panics: every answer becomes a value or an
//! [`Error`] with a code and a sentence.

mod apps;
mod cache;
mod kinds;
mod listing;
mod logins;
mod org_pats;
mod revoke;
mod transport;

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::StatusCode;
use serde::Deserialize;

use super::headers::{self, RateLimit, Sso};
use super::scopes::normalize_scopes;
use crate::config::Host;
use crate::error::{Error, Result};
use crate::secret::Secret;
pub use apps::{AppInfo, InstallationInfo, MintedToken, Owner};
use cache::EtagCache;
pub use kinds::{InstallationCheck, TokenCheck};
pub use listing::{Account, Repository};
pub use logins::LOCKOUT_PAUSE;
pub use org_pats::{PatGrantInfo, PatRequestInfo, PatToken, PatUser, Posted};
pub use revoke::{RevokeAnswer, MAX_BATCH};
use transport::status_detail;
pub use transport::MAX_ATTEMPTS;

/// What Jeton calls itself on every request.
pub const USER_AGENT: &str = concat!("Jeton/", env!("CARGO_PKG_VERSION"));

/// Timeouts and waits; the defaults suit real use, tests shorten them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientOptions {
    /// To open a connection.
    pub connect_timeout: Duration,
    /// For a whole call: every attempt, backoff and rate-limit wait included.
    pub total_timeout: Duration,
    /// The first backoff is in [base/2, base), the second in [base, 2·base).
    pub retry_base: Duration,
    /// A rate limit lifting within this long is waited out (once) inside the call.
    pub max_rate_wait: Duration,
    /// Requests with a token to one host that may be rejected (401) in a row before
    /// Jeton slows down, to stay under GitHub's failed-login limit (see `logins.rs`).
    pub login_burst: u32,
    /// Once those are spent, one more rejected token per this long.
    pub login_every: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            connect_timeout: Duration::from_secs(5),
            total_timeout: Duration::from_secs(20),
            retry_base: Duration::from_millis(500),
            max_rate_wait: Duration::from_secs(3),
            login_burst: 10,
            login_every: Duration::from_secs(3),
        }
    }
}

/// What `GET /user` says about a token.
#[derive(Debug, Clone)]
pub struct UserCheck {
    pub login: String,
    pub id: u64,
    pub name: Option<String>,
    pub avatar_url: Option<String>,
    /// `X-OAuth-Scopes`, normalized; `None` when the header is absent.
    pub scopes: Option<Vec<String>>,
    /// `GitHub-Authentication-Token-Expiration`; `None` means it never expires.
    pub expires_at: Option<DateTime<Utc>>,
    /// The expiry header was present but unreadable (keep the expiry known before).
    pub expiry_unparsable: bool,
    pub sso: Option<Sso>,
    pub rate: RateLimit,
}

#[derive(Deserialize)]
struct UserBody {
    login: String,
    id: u64,
    name: Option<String>,
    avatar_url: Option<String>,
}

/// Cheap to clone; clones share connections and the ETag cache. The connection pools
/// are built on first use (loading the system's TLS roots takes a while), so work that
/// never reaches GitHub, such as answering git, does not pay for them.
#[derive(Clone, Debug)]
pub struct GitHubClient {
    /// For remote hosts: honours the environment's proxy settings.
    http: Arc<OnceLock<reqwest::Client>>,
    /// For loopback hosts: never through a proxy.
    direct: Arc<OnceLock<reqwest::Client>>,
    opts: ClientOptions,
    cache: Arc<EtagCache>,
    logins: Arc<logins::Logins>,
}

impl GitHubClient {
    pub fn new() -> Result<Self> {
        Self::with_options(ClientOptions::default())
    }

    pub fn with_options(opts: ClientOptions) -> Result<Self> {
        Ok(GitHubClient {
            http: Arc::default(),
            direct: Arc::default(),
            opts,
            cache: Arc::new(EtagCache::new()),
            logins: Arc::default(),
        })
    }

    /// The connection pool for `host`, built on first use: a loopback host bypasses
    /// every proxy.
    fn http_for(&self, host: &Host) -> Result<&reqwest::Client> {
        let loopback = crate::config::is_loopback(&host.api);
        let pool = if loopback { &self.direct } else { &self.http };
        if let Some(client) = pool.get() {
            return Ok(client);
        }
        let builder = reqwest::Client::builder()
            .connect_timeout(self.opts.connect_timeout)
            .timeout(self.opts.total_timeout)
            .redirect(reqwest::redirect::Policy::none());
        let builder = if loopback { builder.no_proxy() } else { builder };
        let client = builder.build().map_err(|e| Error::Network { host: host.key(), detail: e.to_string() })?;
        // Two first uses at once: both built one, the first to arrive is kept.
        Ok(pool.get_or_init(|| client))
    }

    /// Shorter backoff, for tests.
    #[cfg(test)]
    pub(crate) fn with_retry_base(mut self, base: Duration) -> Self {
        self.opts.retry_base = base;
        self
    }

    pub fn options(&self) -> ClientOptions {
        self.opts
    }

    /// `GET /user` with the token: who it belongs to and what it grants.
    pub async fn get_user(&self, host: &Host, token: &Secret) -> Result<UserCheck> {
        let a = self.get(host, &host.api_url("user"), Some(token), true).await?;
        let sso = header(&a.headers, "x-github-sso").and_then(|v| headers::parse_sso(&v));
        match a.status {
            StatusCode::OK => {}
            StatusCode::UNAUTHORIZED => return Err(Error::TokenInvalid),
            // Any SSO answer on a 403 is SSO, even in a form this version cannot read.
            StatusCode::FORBIDDEN if sso.is_some() => {
                let url = if let Some(Sso::Required { url }) = sso { Some(url) } else { None };
                return Err(Error::SsoRequired { url });
            }
            s => return Err(bad(host, status_detail(s, Some(&a.body)))),
        }
        let user: UserBody = serde_json::from_slice(&a.body).map_err(|e| bad(host, not_json(&a.headers, &e)))?;
        if !plausible_login(&user.login) {
            return Err(bad(host, "the account name in the answer is not a GitHub login".into()));
        }
        let scopes = header(&a.headers, "x-oauth-scopes").map(|v| normalize_scopes(&headers::parse_scopes(&v)));
        let (expires_at, expiry_unparsable) = expiry(&a.headers);
        Ok(UserCheck {
            login: user.login,
            id: user.id,
            name: user.name,
            avatar_url: user.avatar_url,
            scopes,
            expires_at,
            expiry_unparsable,
            sso,
            rate: RateLimit::from_lookup(|k| header(&a.headers, k)),
        })
    }

    /// Whether an organization withholds data from this token until it is authorized
    /// for SAML single sign-on: `GET /user/orgs` answers with `X-GitHub-SSO`
    /// (`partial-results; organizations=…`, or `required; url=…`).
    pub async fn probe_sso(&self, host: &Host, token: &Secret) -> Result<Option<Sso>> {
        let url = host.api_url("user/orgs?per_page=100");
        let a = self.get(host, &url, Some(token), true).await?;
        let sso = header(&a.headers, "x-github-sso").and_then(|v| headers::parse_sso(&v));
        match (a.status, sso) {
            (_, Some(s @ (Sso::Required { .. } | Sso::PartialResults { .. }))) => Ok(Some(s)),
            (StatusCode::OK, _) => Ok(None),
            (StatusCode::UNAUTHORIZED, _) => Err(Error::TokenInvalid),
            (s, _) => Err(bad(host, status_detail(s, Some(&a.body)))),
        }
    }
}

/// The expiry header, and whether it was there but unreadable.
fn expiry(h: &HeaderMap) -> (Option<DateTime<Utc>>, bool) {
    let raw = header(h, "github-authentication-token-expiration");
    let at = raw.as_deref().and_then(headers::parse_token_expiration);
    (at, raw.is_some() && at.is_none())
}

/// A header's text. Bytes that are not UTF-8 are replaced, so that a present but
/// garbled header reads as unparsable rather than absent.
fn header(h: &HeaderMap, k: &str) -> Option<String> {
    h.get(k).map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
}

/// GitHub logins are at most 39 characters of letters, digits and hyphens; Enterprise
/// logins may add `_` and a suffix. Anything else is not a login Jeton should keep.
fn plausible_login(login: &str) -> bool {
    (1..=100).contains(&login.len()) && login.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
}

/// GitHub's `message` from an error body, cleaned up and kept short.
fn github_message(body: &[u8]) -> Option<String> {
    let v: serde_json::Value = serde_json::from_slice(body).ok()?;
    let m = v.get("message")?.as_str()?;
    let clean: String = m.chars().map(|c| if c.is_control() { ' ' } else { c }).take(200).collect();
    Some(clean.trim().to_owned()).filter(|m| !m.is_empty())
}

fn not_json(h: &HeaderMap, e: &serde_json::Error) -> String {
    if header(h, CONTENT_TYPE.as_str()).is_some_and(|t| t.trim_start().starts_with("text/html")) {
        "an HTML page instead of GitHub's JSON (a proxy or a network sign-in page?)".into()
    } else if e.is_eof() {
        "the answer was cut off".into()
    } else {
        format!("not the JSON GitHub sends: {e}")
    }
}

fn host_name(host: &Host) -> String {
    host.api.host_str().unwrap_or("?").to_owned()
}

fn bad(host: &Host, detail: String) -> Error {
    Error::BadResponse { host: host_name(host), detail }
}

#[cfg(test)]
mod tests;
