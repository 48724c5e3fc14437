//! The HTTP client for GitHub's REST API (reqwest with rustls).
//!
//! Timeouts (connect 5 s, whole request 20 s), a body size cap, retries with
//! exponential backoff and jitter for 5xx and network errors, a `User-Agent` naming
//! Jeton. A secret only ever goes into the `Authorization` header.

use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{HeaderMap, AUTHORIZATION, USER_AGENT};
use reqwest::StatusCode;
use serde::Deserialize;

use super::headers::{self, RateLimit, Sso};
use super::scopes::normalize_scopes;
use crate::config::Host;
use crate::error::{Error, Result};
use crate::secret::Secret;

const MAX_BODY: usize = 1 << 20;
const MAX_ATTEMPTS: u32 = 3;

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
    /// The expiry header was present but unreadable.
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

#[derive(Clone)]
pub struct GitHubClient {
    http: reqwest::Client,
    retry_base: Duration,
}

impl GitHubClient {
    pub fn new() -> Result<Self> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(20))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| Error::Network { host: "-".into(), detail: e.to_string() })?;
        Ok(GitHubClient { http, retry_base: Duration::from_millis(500) })
    }

    /// Shorter backoff, for tests.
    pub fn with_retry_base(mut self, base: Duration) -> Self {
        self.retry_base = base;
        self
    }

    /// `GET /user` with the token: who it belongs to and what it grants.
    pub async fn get_user(&self, host: &Host, token: &Secret) -> Result<UserCheck> {
        let url = host.api_url("user");
        let (status, headers, body) = self.get(host, &url, Some(token)).await?;
        let rate = RateLimit::from_lookup(|k| header(&headers, k));
        let sso = header(&headers, "x-github-sso").and_then(|v| headers::parse_sso(&v));
        match status {
            StatusCode::OK => {}
            StatusCode::UNAUTHORIZED => return Err(Error::TokenInvalid),
            s if is_rate_limited(s, &rate, &headers) => {
                return Err(Error::RateLimited { retry_after_secs: wait_secs(&rate, &headers) })
            }
            StatusCode::FORBIDDEN => {
                if let Some(Sso::Required { url }) = sso {
                    return Err(Error::SsoRequired { url: Some(url) });
                }
                return Err(bad(host, format!("HTTP {status}")));
            }
            s => return Err(bad(host, format!("HTTP {s}"))),
        }
        let user: UserBody = serde_json::from_slice(&body).map_err(|e| bad(host, format!("not the JSON GitHub sends: {e}")))?;
        let scopes = header(&headers, "x-oauth-scopes").map(|v| normalize_scopes(&headers::parse_scopes(&v)));
        let raw_expiry = header(&headers, "github-authentication-token-expiration");
        let expires_at = raw_expiry.as_deref().and_then(headers::parse_token_expiration);
        Ok(UserCheck {
            login: user.login,
            id: user.id,
            name: user.name,
            avatar_url: user.avatar_url,
            scopes,
            expiry_unparsable: raw_expiry.is_some() && expires_at.is_none(),
            expires_at,
            sso,
            rate,
        })
    }

    /// Whether an organization withholds data from this token until it is authorized
    /// for SAML single sign-on: `GET /user/orgs` answers with `X-GitHub-SSO`
    /// (`partial-results; organizations=…`, or `required; url=…`).
    pub async fn probe_sso(&self, host: &Host, token: &Secret) -> Result<Option<Sso>> {
        let url = host.api_url("user/orgs?per_page=100");
        let (status, headers, _) = self.get(host, &url, Some(token)).await?;
        let sso = header(&headers, "x-github-sso").and_then(|v| headers::parse_sso(&v));
        match (status, sso) {
            (_, Some(s @ (Sso::Required { .. } | Sso::PartialResults { .. }))) => Ok(Some(s)),
            (StatusCode::OK, _) => Ok(None),
            (StatusCode::UNAUTHORIZED, _) => Err(Error::TokenInvalid),
            (s, _) => Err(bad(host, format!("HTTP {s}"))),
        }
    }

    /// A GET with retries for network errors and 5xx answers.
    async fn get(&self, host: &Host, url: &str, token: Option<&Secret>) -> Result<(StatusCode, HeaderMap, Vec<u8>)> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut req = self
                .http
                .get(url)
                .header(USER_AGENT, concat!("Jeton/", env!("CARGO_PKG_VERSION")))
                .header("accept", "application/vnd.github+json")
                .header("x-github-api-version", "2022-11-28");
            if let Some(t) = token {
                req = req.header(AUTHORIZATION, format!("token {}", t.expose()));
            }
            let err = match req.send().await {
                Ok(resp) => {
                    let status = resp.status();
                    let headers = resp.headers().clone();
                    match read_capped(resp).await {
                        Ok(body) if !status.is_server_error() => return Ok((status, headers, body)),
                        Ok(_) => bad(host, format!("HTTP {status}")),
                        Err(e) => e.for_host(host),
                    }
                }
                Err(e) => network(host, &e),
            };
            if attempt >= MAX_ATTEMPTS {
                return Err(err);
            }
            tokio::time::sleep(backoff(self.retry_base, attempt)).await;
        }
    }
}

enum BodyError {
    TooLarge,
    Broken(String),
}

impl BodyError {
    fn for_host(self, host: &Host) -> Error {
        match self {
            BodyError::TooLarge => bad(host, "answer too large".into()),
            BodyError::Broken(d) => Error::Network { host: host_name(host), detail: d },
        }
    }
}

async fn read_capped(mut resp: reqwest::Response) -> std::result::Result<Vec<u8>, BodyError> {
    let mut body = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > MAX_BODY {
                    return Err(BodyError::TooLarge);
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => return Err(BodyError::Broken(describe(&e))),
        }
    }
}

/// Exponential backoff with full jitter: a random wait in [0, base × 2^(attempt-1)].
fn backoff(base: Duration, attempt: u32) -> Duration {
    let cap = base.saturating_mul(1 << (attempt - 1).min(6));
    let nanos = u64::try_from(cap.as_nanos()).unwrap_or(u64::MAX);
    let jitter = (uuid::Uuid::new_v4().as_u128() as u64) % nanos.max(1);
    Duration::from_nanos(nanos / 2 + jitter / 2)
}

fn is_rate_limited(status: StatusCode, rate: &RateLimit, headers: &HeaderMap) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS
        || (status == StatusCode::FORBIDDEN && (rate.remaining == Some(0) || headers.contains_key("retry-after")))
}

fn wait_secs(rate: &RateLimit, headers: &HeaderMap) -> Option<u64> {
    if let Some(d) = header(headers, "retry-after").and_then(|v| headers::retry_after(&v)) {
        return Some(d.as_secs());
    }
    rate.reset.map(|r| (r - Utc::now()).num_seconds().max(0) as u64)
}

fn header(h: &HeaderMap, k: &str) -> Option<String> {
    h.get(k).and_then(|v| v.to_str().ok()).map(str::to_owned)
}

fn host_name(host: &Host) -> String {
    host.api.host_str().unwrap_or("?").to_owned()
}

fn bad(host: &Host, detail: String) -> Error {
    Error::BadResponse { host: host_name(host), detail }
}

fn network(host: &Host, e: &reqwest::Error) -> Error {
    Error::Network { host: host_name(host), detail: describe(e) }
}

/// A short reason without the URL (which reqwest would otherwise repeat).
fn describe(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() {
        "connection refused or host not found".into()
    } else if e.is_body() || e.is_decode() {
        "the answer was cut off".into()
    } else {
        "connection failed".into()
    }
}
