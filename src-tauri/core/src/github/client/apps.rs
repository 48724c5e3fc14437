//! The GitHub App endpoints (docs/github.md, "GitHub App tokens"): `GET /app` and
//! `GET /app/installations` with the app's JWT, and `POST
//! /app/installations/{id}/access_tokens`, which mints an installation token. The JWT
//! goes only into `Authorization: Bearer`, marked sensitive; the minted token only
//! into a [`Secret`]. One attempt each (a JWT lives minutes; the caller may retry).
//!
//! A refused JWT (401) is told apart by GitHub's message: its times (`iat`, `exp`)
//! mean this computer's clock is off, measured from the answer's `Date` header
//! (`app_clock_skew`); anything else means the key is not that app's
//! (`app_key_rejected`).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use reqwest::header::HeaderValue;
use reqwest::{Method, StatusCode};
use serde::Deserialize;

use super::{bad, github_message, header, host_name, not_json, status_detail, GitHubClient};
use crate::config::Host;
use crate::error::{Error, Result};
use crate::secret::Secret;

/// What `GET /app` says of the app.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct AppInfo {
    pub id: u64,
    #[serde(default)]
    pub slug: Option<String>,
    #[serde(default)]
    pub client_id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub owner: Option<Owner>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Owner {
    pub login: String,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
}

/// One installation, as `GET /app/installations` lists it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct InstallationInfo {
    pub id: u64,
    #[serde(default)]
    pub account: Option<Owner>,
    /// `all` or `selected`.
    pub repository_selection: String,
    #[serde(default)]
    pub permissions: BTreeMap<String, String>,
}

/// A minted installation token.
#[derive(Debug)]
pub struct MintedToken {
    pub secret: Secret,
    pub expires_at: DateTime<Utc>,
    pub permissions: BTreeMap<String, String>,
    /// `owner/name` of each repository it is limited to; `None`: all the installation's.
    pub repositories: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct MintAnswer {
    token: String,
    expires_at: DateTime<Utc>,
    #[serde(default)]
    permissions: BTreeMap<String, String>,
    #[serde(default)]
    repositories: Option<Vec<RepoName>>,
}

#[derive(Deserialize)]
struct RepoName {
    full_name: String,
}

const NOT_GRANTED: &str = "permissions requested are not granted";
const NOT_ACCESSIBLE: &str = "not accessible to the parent installation";

/// What the answer's `Date` says of this computer's clock: seconds ahead of the host's.
pub(crate) fn skew_from(date: Option<&str>, now: DateTime<Utc>) -> Option<i64> {
    let theirs = DateTime::parse_from_rfc2822(date?.trim()).ok()?;
    Some(now.timestamp() - theirs.timestamp())
}

fn refused_jwt(message: Option<&str>, date: Option<&str>, issuer: &str) -> Error {
    let times = message.is_some_and(|m| m.contains("('iat')") || m.contains("('exp')"));
    if times {
        Error::AppClockSkew { skew_secs: skew_from(date, Utc::now()) }
    } else {
        Error::AppKeyRejected { issuer: issuer.to_owned() }
    }
}

pub(super) struct Answer {
    pub(super) status: StatusCode,
    date: Option<String>,
    pub(super) body: Vec<u8>,
    pub(super) headers: reqwest::header::HeaderMap,
}

impl GitHubClient {
    /// One call with `Authorization: Bearer` (a JWT, or an installation token).
    pub(super) async fn app_call(
        &self,
        host: &Host,
        method: Method,
        url: &str,
        jwt: &Secret,
        body: Option<Vec<u8>>,
    ) -> Result<Answer> {
        let mut auth = HeaderValue::try_from(format!("Bearer {}", jwt.expose())).map_err(|_| Error::AppKeyInvalid)?;
        auth.set_sensitive(true);
        let mut req = self
            .http_for(host)?
            .request(method, url)
            .timeout(self.opts.total_timeout)
            .header(reqwest::header::USER_AGENT, super::USER_AGENT)
            .header("accept", "application/vnd.github+json")
            .header("x-github-api-version", "2022-11-28")
            .header(reqwest::header::AUTHORIZATION, auth);
        if let Some(b) = body {
            req = req.header(reqwest::header::CONTENT_TYPE, "application/json").body(b);
        }
        let resp = req
            .send()
            .await
            .map_err(|e| Error::Network { host: host_name(host), detail: e.without_url().to_string() })?;
        let (status, headers) = (resp.status(), resp.headers().clone());
        let body = resp.bytes().await.map_err(|e| Error::Network { host: host_name(host), detail: e.to_string() })?;
        if body.len() > super::transport::MAX_BODY {
            return Err(bad(host, "answer too large".into()));
        }
        Ok(Answer { status, date: header(&headers, "date"), body: body.to_vec(), headers })
    }

    /// Reads a 200/201 answer as `T`; a refused JWT and other failures as errors.
    fn app_answer<T: serde::de::DeserializeOwned>(&self, host: &Host, a: Answer, issuer: &str) -> Result<T> {
        match a.status {
            StatusCode::OK | StatusCode::CREATED => {
                serde_json::from_slice(&a.body).map_err(|e| bad(host, not_json(&a.headers, &e)))
            }
            StatusCode::UNAUTHORIZED => Err(refused_jwt(github_message(&a.body).as_deref(), a.date.as_deref(), issuer)),
            StatusCode::FORBIDDEN | StatusCode::TOO_MANY_REQUESTS
                if header(&a.headers, "x-ratelimit-remaining").as_deref() == Some("0") =>
            {
                Err(Error::RateLimited { retry_after_secs: None })
            }
            s => Err(bad(host, status_detail(s, Some(&a.body)))),
        }
    }

    /// `GET /app`: the app the JWT was signed for.
    pub async fn get_app(&self, host: &Host, jwt: &Secret, issuer: &str) -> Result<AppInfo> {
        let a = self.app_call(host, Method::GET, &host.api_url("app"), jwt, None).await?;
        self.app_answer(host, a, issuer)
    }

    /// `GET /app/installations`, every page (100 a page).
    pub async fn list_installations(&self, host: &Host, jwt: &Secret, issuer: &str) -> Result<Vec<InstallationInfo>> {
        let mut all = Vec::new();
        for page in 1..=50 {
            let url = format!("{}?per_page=100&page={page}", host.api_url("app/installations"));
            let a = self.app_call(host, Method::GET, &url, jwt, None).await?;
            let items: Vec<InstallationInfo> = self.app_answer(host, a, issuer)?;
            let last = items.len() < 100;
            all.extend(items);
            if last {
                break;
            }
        }
        Ok(all)
    }

    /// `POST /app/installations/{id}/access_tokens`, narrowed to `repositories` (names)
    /// and `permissions` when given. GitHub's 422 becomes the rule it names.
    pub async fn mint_installation_token(
        &self,
        host: &Host,
        jwt: &Secret,
        issuer: &str,
        installation: u64,
        repositories: Option<&[String]>,
        permissions: Option<&BTreeMap<String, String>>,
    ) -> Result<MintedToken> {
        let mut body = serde_json::Map::new();
        if let Some(r) = repositories {
            body.insert("repositories".into(), serde_json::json!(r));
        }
        if let Some(p) = permissions {
            body.insert("permissions".into(), serde_json::json!(p));
        }
        let url = host.api_url(&format!("app/installations/{installation}/access_tokens"));
        let bytes = serde_json::to_vec(&body).map_err(|e| Error::Internal { detail: e.to_string() })?;
        let a = self.app_call(host, Method::POST, &url, jwt, Some(bytes)).await?;
        match a.status {
            StatusCode::NOT_FOUND => return Err(Error::AppInstallationNotFound { installation }),
            StatusCode::UNPROCESSABLE_ENTITY => {
                let message = github_message(&a.body).unwrap_or_default();
                return Err(if message.contains(NOT_ACCESSIBLE) {
                    let repository = repositories.map(|r| r.join(", ")).unwrap_or_default();
                    Error::AppRepositoryNotReachable { repository }
                } else if message.contains(NOT_GRANTED) {
                    let key = permissions.map(|p| p.keys().cloned().collect::<Vec<_>>().join(", ")).unwrap_or_default();
                    Error::AppPermissionNotGranted { key, level: String::new(), granted: None }
                } else {
                    bad(host, status_detail(a.status, Some(&a.body)))
                });
            }
            _ => {}
        }
        let m: MintAnswer = self.app_answer(host, a, issuer)?;
        if !m.token.starts_with("ghs_") {
            return Err(bad(host, "the minted token is not an installation token".into()));
        }
        Ok(MintedToken {
            secret: Secret::new(m.token),
            expires_at: m.expires_at,
            permissions: m.permissions,
            repositories: m.repositories.map(|r| r.into_iter().map(|r| r.full_name).collect()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_skew_is_measured_from_the_date_header() {
        let now = DateTime::parse_from_rfc3339("2026-12-02T01:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(skew_from(Some("Wed, 02 Dec 2026 00:00:00 GMT"), now), Some(3600), "an hour ahead");
        assert_eq!(skew_from(Some("Wed, 02 Dec 2026 01:05:00 GMT"), now), Some(-300));
        assert_eq!(skew_from(Some("yesterday"), now), None);
        assert_eq!(skew_from(None, now), None);
    }

    #[test]
    fn a_refused_jwt_is_the_clock_or_the_key() {
        let iat = "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued";
        assert!(matches!(refused_jwt(Some(iat), None, "Iv1"), Error::AppClockSkew { skew_secs: None }));
        let exp = "'Expiration time' claim ('exp') is too far in the future";
        assert!(matches!(refused_jwt(Some(exp), None, "Iv1"), Error::AppClockSkew { .. }));
        let key = refused_jwt(Some("A JSON web token could not be decoded"), None, "Iv1");
        assert_eq!(key, Error::AppKeyRejected { issuer: "Iv1".into() });
    }
}
