//! `POST /credentials/revoke` (docs/github.md, "Revocation"): GitHub's endpoint for
//! revoking tokens by their secret. It must be called without authentication (an
//! authenticated call gets 403), takes up to [`MAX_BATCH`] credentials a request in the
//! JSON body `{"credentials": [...]}`, answers 202 once accepted and 422 on invalid
//! input, and allows 60 requests an hour. The body holds secrets: it is built in a
//! buffer zeroized after use, and never logged.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use zeroize::Zeroizing;

use super::transport::{status_detail, Answer};
use super::{bad, github_message, header, GitHubClient};
use crate::config::Host;
use crate::error::{Error, Result};
use crate::github::headers::RateLimit;
use crate::secret::Secret;

/// The most credentials GitHub takes in one request.
pub const MAX_BATCH: usize = 1000;

/// What the host said to a revocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RevokeAnswer {
    /// Every batch was accepted (202). `paused_until` is set when the last answer
    /// used up the hour's requests: none should be sent before then.
    Accepted { paused_until: Option<DateTime<Utc>> },
    /// The host has no such endpoint (404): the token is revoked on its settings page.
    NoEndpoint,
}

impl GitHubClient {
    /// Asks `host` to revoke `secrets`, [`MAX_BATCH`] a request, with no `Authorization`
    /// header. 422 is `revoke_refused` (with GitHub's message); a rate limit is
    /// `rate_limited` with the wait (`retry-after`, else `x-ratelimit-reset`). An error
    /// after some batches were accepted leaves those revoked.
    pub async fn revoke_credentials(&self, host: &Host, secrets: &[&Secret]) -> Result<RevokeAnswer> {
        let mut paused_until = None;
        for batch in secrets.chunks(MAX_BATCH) {
            match self.revoke_batch(host, batch).await? {
                RevokeAnswer::Accepted { paused_until: p } => paused_until = p,
                RevokeAnswer::NoEndpoint => return Ok(RevokeAnswer::NoEndpoint),
            }
        }
        Ok(RevokeAnswer::Accepted { paused_until })
    }

    async fn revoke_batch(&self, host: &Host, batch: &[&Secret]) -> Result<RevokeAnswer> {
        let list: Vec<&str> = batch.iter().map(|s| s.expose()).collect();
        let body = Zeroizing::new(
            serde_json::to_vec(&serde_json::json!({ "credentials": list }))
                .map_err(|e| Error::Internal { detail: format!("revocation body: {e}") })?,
        );
        let a = self.post_json(host, &host.api_url("credentials/revoke"), &body).await?;
        answer(host, &a)
    }
}

/// What one answer means (rate limits were already turned into `rate_limited`).
fn answer(host: &Host, a: &Answer) -> Result<RevokeAnswer> {
    match a.status {
        StatusCode::ACCEPTED | StatusCode::OK | StatusCode::NO_CONTENT => {
            let rate = RateLimit::from_lookup(|k| header(&a.headers, k));
            let paused_until = if rate.is_exhausted() { rate.reset } else { None };
            Ok(RevokeAnswer::Accepted { paused_until })
        }
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => Ok(RevokeAnswer::NoEndpoint),
        s @ (StatusCode::UNPROCESSABLE_ENTITY | StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED) => {
            Err(Error::RevokeRefused { status: s.as_u16(), detail: github_message(&a.body) })
        }
        s => Err(bad(host, status_detail(s, Some(&a.body)))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderMap;

    fn host() -> Host {
        Host { web: "https://github.com".parse().unwrap(), api: "https://api.github.com".parse().unwrap() }
    }

    fn answer_to(status: u16, headers: &[(&str, &str)], body: &str) -> Result<RevokeAnswer> {
        let mut h = HeaderMap::new();
        for (k, v) in headers {
            h.insert(reqwest::header::HeaderName::from_bytes(k.as_bytes()).unwrap(), v.parse().unwrap());
        }
        let a = Answer { status: StatusCode::from_u16(status).unwrap(), headers: h, body: body.as_bytes().to_vec() };
        answer(&host(), &a)
    }

    #[test]
    fn accepted_keeps_the_reset_only_when_the_hour_is_used_up() {
        let left = [("x-ratelimit-remaining", "3"), ("x-ratelimit-reset", "1900000000")];
        assert_eq!(answer_to(202, &left, "{}").unwrap(), RevokeAnswer::Accepted { paused_until: None });
        let used = [("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", "1900000000")];
        let until = DateTime::from_timestamp(1_900_000_000, 0);
        assert_eq!(answer_to(202, &used, "{}").unwrap(), RevokeAnswer::Accepted { paused_until: until });
    }

    #[test]
    fn refusals_carry_githubs_message_and_no_endpoint_is_said() {
        let body = r#"{"message":"Validation failed, or the endpoint has been spammed.","status":"422"}"#;
        match answer_to(422, &[], body) {
            Err(Error::RevokeRefused { status: 422, detail: Some(d) }) => assert!(d.starts_with("Validation failed")),
            other => panic!("{other:?}"),
        }
        assert_eq!(answer_to(403, &[], "{}").unwrap_err().code(), "revoke_refused");
        assert_eq!(answer_to(404, &[], r#"{"message":"Not Found"}"#).unwrap(), RevokeAnswer::NoEndpoint);
        assert_eq!(answer_to(418, &[], "{}").unwrap_err().code(), "bad_response");
    }
}
