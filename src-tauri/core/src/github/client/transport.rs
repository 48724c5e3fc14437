//! One GET (or the unauthenticated revocation POST) as the rest of the client sees it: a deadline over the whole call (retries
//! and waits included), at most [`MAX_ATTEMPTS`] attempts with exponential backoff and
//! jitter for network errors and 5xx answers, rate limits recognized (and a short one
//! waited out), conditional requests through the ETag cache, and a capped body.

use std::time::Duration;

use chrono::Utc;
use reqwest::header::{HeaderMap, HeaderValue, ETAG, IF_NONE_MATCH};
use reqwest::StatusCode;
use tokio::time::Instant;

use super::cache::{revalidated, Cached};
use super::{bad, github_message, header, host_name, GitHubClient};
use crate::config::Host;
use crate::error::{Error, Result};
use crate::github::headers::{self, RateLimit};
use crate::secret::Secret;

pub(super) const MAX_BODY: usize = 1 << 20;
/// Attempts of one call, the first included.
pub const MAX_ATTEMPTS: u32 = 3;

/// A final answer (not a 5xx, not a rate limit). A `304` is given as the kept `200`.
pub(super) struct Answer {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl GitHubClient {
    /// GETs `url`. With `conditional`, a token's earlier answer is revalidated with
    /// `If-None-Match` and a `304` reuses it.
    pub(super) async fn get(
        &self,
        host: &Host,
        url: &str,
        token: Option<&Secret>,
        conditional: bool,
    ) -> Result<Answer> {
        let name = host_name(host);
        if token.is_some() {
            self.logins.acquire(&name, &self.opts).await?;
        }
        let answer = self.paced(host, url, token, conditional, None).await;
        if token.is_some() {
            let rejected = matches!(&answer, Ok(a) if a.status == StatusCode::UNAUTHORIZED);
            self.logins.settle(&name, rejected, &self.opts);
            if matches!(answer, Err(Error::LoginLockedOut { .. })) {
                self.logins.locked_out(&name);
            }
        }
        answer
    }

    /// POSTs a JSON `body` with no token, paced as a GET (retries, rate limits). The
    /// body goes out as bytes and is never logged.
    pub(super) async fn post_json(&self, host: &Host, url: &str, body: &[u8]) -> Result<Answer> {
        self.paced(host, url, None, false, Some(body)).await
    }

    async fn paced(
        &self,
        host: &Host,
        url: &str,
        token: Option<&Secret>,
        conditional: bool,
        body: Option<&[u8]>,
    ) -> Result<Answer> {
        let deadline = Instant::now() + self.opts.total_timeout;
        let key = token.filter(|_| conditional).map(|t| self.cache.key(url, t));
        let mut rate_waited = false;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let left = deadline.saturating_duration_since(Instant::now());
            let kept = key.as_ref().and_then(|k| self.cache.get(k));
            let mut req =
                self.request(host, url, left, token, kept.as_ref().map(|k| k.etag.as_str()), body.is_some())?;
            if let Some(body) = body {
                req = req.header(reqwest::header::CONTENT_TYPE, "application/json").body(body.to_vec());
            }
            let err = match req.send().await {
                Err(e) if untrusted_certificate(&e) => {
                    return Err(Error::CertificateUntrusted { host: host_name(host) });
                }
                Err(e) => network(host, &e),
                Ok(resp) => {
                    let status = resp.status();
                    let headers = resp.headers().clone();
                    match read_capped(resp).await {
                        Err(BodyError::TooLarge) => return Err(bad(host, "answer too large".into())),
                        Err(BodyError::Broken(detail)) => Error::Network { host: host_name(host), detail },
                        Ok(body) if status.is_server_error() => bad(host, status_detail(status, Some(&body))),
                        Ok(body) => {
                            if super::logins::is_lockout(status, github_message(&body).as_deref()) {
                                return Err(Error::LoginLockedOut { host: host_name(host) });
                            }
                            if let Some(wait) = rate_limited(status, &headers, &body) {
                                let now = Instant::now();
                                let short = wait.is_some_and(|w| w <= self.opts.max_rate_wait && now + w < deadline);
                                if short && !rate_waited && attempt < MAX_ATTEMPTS {
                                    rate_waited = true;
                                    tokio::time::sleep(wait.unwrap_or_default()).await;
                                    continue;
                                }
                                return Err(Error::RateLimited { retry_after_secs: wait.map(ceil_secs) });
                            }
                            return self.finish(host, key.as_ref(), kept, status, headers, body);
                        }
                    }
                }
            };
            let pause = backoff(self.opts.retry_base, attempt);
            if attempt >= MAX_ATTEMPTS || Instant::now() + pause >= deadline {
                return Err(err);
            }
            tracing::debug!(host = %host_name(host), attempt, "github: retrying after {err}");
            tokio::time::sleep(pause).await;
        }
    }

    /// One attempt's request (a GET, or a POST whose body the caller adds). The token goes only into `Authorization`, marked
    /// sensitive so that no debug output of the request shows it.
    pub(super) fn request(
        &self,
        host: &Host,
        url: &str,
        timeout: Duration,
        token: Option<&Secret>,
        etag: Option<&str>,
        post: bool,
    ) -> Result<reqwest::RequestBuilder> {
        let method = if post { reqwest::Method::POST } else { reqwest::Method::GET };
        let mut req = self
            .http_for(host)?
            .request(method, url)
            .timeout(timeout)
            .header(reqwest::header::USER_AGENT, super::USER_AGENT)
            .header("accept", "application/vnd.github+json")
            .header("x-github-api-version", "2022-11-28");
        if let Some(t) = token {
            let mut value = HeaderValue::try_from(format!("token {}", t.expose()))
                .map_err(|_| Error::TokenMalformed { rule: crate::error::MalformedRule::Charset })?;
            value.set_sensitive(true);
            req = req.header(reqwest::header::AUTHORIZATION, value);
        }
        if let Some(etag) = etag {
            req = req.header(IF_NONE_MATCH, etag);
        }
        Ok(req)
    }

    pub(super) fn finish(
        &self,
        host: &Host,
        key: Option<&super::cache::CacheKey>,
        kept: Option<Cached>,
        status: StatusCode,
        headers: HeaderMap,
        body: Vec<u8>,
    ) -> Result<Answer> {
        match (status, key, kept) {
            (StatusCode::NOT_MODIFIED, Some(key), Some(kept)) => {
                let headers = revalidated(&kept.headers, &headers);
                let answer = Cached { headers: headers.clone(), ..kept };
                self.cache.put(key.clone(), answer.clone());
                Ok(Answer { status: StatusCode::OK, headers, body: answer.body })
            }
            (StatusCode::NOT_MODIFIED, ..) => Err(bad(host, status_detail(status, None))),
            (StatusCode::OK, Some(key), _) => {
                match header(&headers, ETAG.as_str()).filter(|e| !e.is_empty() && e.len() <= 256) {
                    Some(etag) => {
                        self.cache.put(key.clone(), Cached { etag, headers: headers.clone(), body: body.clone() })
                    }
                    None => self.cache.remove(key),
                }
                Ok(Answer { status, headers, body })
            }
            (_, Some(key), _) => {
                self.cache.remove(key);
                Ok(Answer { status, headers, body })
            }
            _ => Ok(Answer { status, headers, body }),
        }
    }
}

/// `Some(wait)` when the answer is a rate limit: 429, or 403 with the window used up,
/// a `retry-after`, or GitHub's "rate limit" message (and no SSO header, which is
/// another 403). The wait is `retry-after`, else the time to `x-ratelimit-reset` when
/// no request remains, else unknown (GitHub then asks for a minute or more).
pub(super) fn rate_limited(status: StatusCode, h: &HeaderMap, body: &[u8]) -> Option<Option<Duration>> {
    let rate = RateLimit::from_lookup(|k| header(h, k));
    let retry_after = header(h, "retry-after").and_then(|v| headers::retry_after(&v));
    let limited = status == StatusCode::TOO_MANY_REQUESTS
        || status == StatusCode::FORBIDDEN
            && !h.contains_key("x-github-sso")
            && (rate.is_exhausted()
                || retry_after.is_some()
                || github_message(body).is_some_and(|m| m.to_ascii_lowercase().contains("rate limit")));
    limited.then(|| retry_after.or_else(|| rate.wait_until_reset(Utc::now())))
}

fn ceil_secs(d: Duration) -> u64 {
    d.as_secs() + u64::from(d.subsec_nanos() > 0)
}

/// `HTTP 502 Bad Gateway`, with GitHub's message when the body has one.
pub(super) fn status_detail(status: StatusCode, body: Option<&[u8]>) -> String {
    match body.and_then(github_message) {
        Some(m) => format!("HTTP {status}: {m}"),
        None => format!("HTTP {status}"),
    }
}

enum BodyError {
    TooLarge,
    Broken(String),
}

async fn read_capped(mut resp: reqwest::Response) -> std::result::Result<Vec<u8>, BodyError> {
    if resp.content_length().is_some_and(|n| n > MAX_BODY as u64) {
        return Err(BodyError::TooLarge);
    }
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

/// Exponential backoff with "equal jitter": a random wait in
/// [cap/2, cap) where cap = base × 2^(attempt-1), so the waits grow (base/2..base,
/// then base..2·base) and clients that failed together do not retry together.
pub(super) fn backoff(base: Duration, attempt: u32) -> Duration {
    let cap = base.saturating_mul(1 << attempt.saturating_sub(1).min(6));
    let nanos = u64::try_from(cap.as_nanos()).unwrap_or(u64::MAX);
    let jitter = (uuid::Uuid::new_v4().as_u128() as u64) % nanos.max(1);
    Duration::from_nanos(nanos / 2 + jitter / 2)
}

/// Whether the TLS handshake failed because the server's certificate is not trusted
/// (unknown authority, expired, issued for another name…): rustls's error, somewhere in
/// the chain of causes (an I/O error hides its inner error from `source()`).
fn untrusted_certificate(e: &reqwest::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        // Down through I/O errors wrapped in I/O errors, to what they carry.
        let mut inner = c;
        loop {
            if matches!(inner.downcast_ref::<rustls::Error>(), Some(rustls::Error::InvalidCertificate(_))) {
                return true;
            }
            match inner.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
                Some(wrapped) => inner = wrapped,
                None => break,
            }
        }
        cause = c.source();
    }
    false
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
