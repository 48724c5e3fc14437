//! An organization's review of fine-grained tokens (docs/github.md, "Organization
//! review"), called with an installation token of an app installed on the org: the
//! pending requests and the tokens granted, every page; approving or denying
//! requests, revoking grants. The token only goes into `Authorization: Bearer`,
//! marked sensitive. Nothing is retried: a review is not repeated behind the user's back.

use std::collections::BTreeMap;

use reqwest::{Method, StatusCode};
use serde::Deserialize;
use serde_json::json;

use super::apps::Answer;
use super::{bad, github_message, header, not_json, status_detail, GitHubClient};
use crate::config::Host;
use crate::error::{Error, Result};
use crate::secret::Secret;

/// A token's owner.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PatUser {
    pub login: String,
}

/// What GitHub says of the token behind a request or a grant.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PatToken {
    pub owner: PatUser,
    /// `none`, `all` or `subset` (then `repositories_url` lists them).
    pub repository_selection: String,
    /// `organization|repository|other -> key -> level`.
    #[serde(default)]
    pub permissions: BTreeMap<String, BTreeMap<String, String>>,
    pub token_id: u64,
    #[serde(default)]
    pub token_name: String,
    #[serde(default)]
    pub token_expired: bool,
    #[serde(default)]
    pub token_expires_at: Option<String>,
    #[serde(default)]
    pub token_last_used_at: Option<String>,
}

/// One pending request (`organization-programmatic-access-grant-request`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PatRequestInfo {
    pub id: u64,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub repositories_url: Option<String>,
    pub created_at: String,
    #[serde(flatten)]
    pub token: PatToken,
}

/// One token granted (`organization-programmatic-access-grant`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PatGrantInfo {
    pub id: u64,
    pub access_granted_at: String,
    #[serde(flatten)]
    pub token: PatToken,
}

#[derive(Deserialize)]
struct RepoName {
    full_name: String,
}

/// How GitHub took a review or a revocation. GitHub documents 404 and 422 for these
/// calls; docs/github.md says how Jeton reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Posted {
    Done,
    /// 404: no such request (or grant) in the org.
    NotFound,
    /// 422, with GitHub's message: not pending any more, or a body GitHub refused.
    Unprocessable(String),
}

/// What a review or a revocation was refused for.
fn refused(host: &Host, org: &str, a: &Answer) -> Error {
    match a.status {
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
            if header(&a.headers, "x-ratelimit-remaining").as_deref() == Some("0") =>
        {
            Error::RateLimited { retry_after_secs: None }
        }
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => Error::OrgReviewRefused { org: org.to_owned() },
        s => bad(host, status_detail(s, Some(&a.body))),
    }
}

impl GitHubClient {
    async fn org_list<T: serde::de::DeserializeOwned>(
        &self,
        host: &Host,
        token: &Secret,
        org: &str,
        path: &str,
    ) -> Result<Vec<T>> {
        let mut all = Vec::new();
        for page in 1..=50 {
            let url = format!("{}?per_page=100&page={page}", host.api_url(&format!("orgs/{org}/{path}")));
            let a = self.app_call(host, Method::GET, &url, token, None).await?;
            if a.status != StatusCode::OK {
                return Err(refused(host, org, &a));
            }
            let items: Vec<T> = serde_json::from_slice(&a.body).map_err(|e| bad(host, not_json(&a.headers, &e)))?;
            let last = items.len() < 100;
            all.extend(items);
            if last {
                break;
            }
        }
        Ok(all)
    }

    /// `GET /orgs/{org}/personal-access-token-requests`, every page.
    pub async fn list_pat_requests(&self, host: &Host, token: &Secret, org: &str) -> Result<Vec<PatRequestInfo>> {
        self.org_list(host, token, org, "personal-access-token-requests").await
    }

    /// `GET /orgs/{org}/personal-access-tokens`, every page.
    pub async fn list_pat_grants(&self, host: &Host, token: &Secret, org: &str) -> Result<Vec<PatGrantInfo>> {
        self.org_list(host, token, org, "personal-access-tokens").await
    }

    /// The `owner/name` of the repositories a request asks for, from its
    /// `repositories_url` (followed only on the same API host: the token goes nowhere else).
    pub async fn pat_request_repositories(
        &self,
        host: &Host,
        token: &Secret,
        org: &str,
        url: &str,
    ) -> Result<Vec<String>> {
        let base = host.api_url("");
        if !url.starts_with(&base) || url.contains('?') {
            return Err(bad(host, "a repositories_url on another host".into()));
        }
        let url = format!("{url}?per_page=100");
        let a = self.app_call(host, Method::GET, &url, token, None).await?;
        if a.status != StatusCode::OK {
            return Err(refused(host, org, &a));
        }
        let repos: Vec<RepoName> = serde_json::from_slice(&a.body).map_err(|e| bad(host, not_json(&a.headers, &e)))?;
        Ok(repos.into_iter().map(|r| r.full_name).collect())
    }

    /// Approves or denies requests: one through `POST …/{id}`, several through the bulk
    /// `POST /orgs/{org}/personal-access-token-requests` (all or none).
    pub async fn review_pat_requests(
        &self,
        host: &Host,
        token: &Secret,
        org: &str,
        ids: &[u64],
        approve: bool,
        reason: Option<&str>,
    ) -> Result<Posted> {
        let action = if approve { "approve" } else { "deny" };
        let (url, body) = match ids {
            [id] => (
                host.api_url(&format!("orgs/{org}/personal-access-token-requests/{id}")),
                json!({"action": action, "reason": reason}),
            ),
            _ => (
                host.api_url(&format!("orgs/{org}/personal-access-token-requests")),
                json!({"action": action, "reason": reason, "pat_request_ids": ids}),
            ),
        };
        self.org_post(host, token, org, &url, &body).await
    }

    /// Revokes grants: one through `POST …/personal-access-tokens/{id}`, several in bulk.
    pub async fn revoke_pat_grants(&self, host: &Host, token: &Secret, org: &str, ids: &[u64]) -> Result<Posted> {
        let (url, body) = match ids {
            [id] => (host.api_url(&format!("orgs/{org}/personal-access-tokens/{id}")), json!({"action": "revoke"})),
            _ => (
                host.api_url(&format!("orgs/{org}/personal-access-tokens")),
                json!({"action": "revoke", "pat_ids": ids}),
            ),
        };
        self.org_post(host, token, org, &url, &body).await
    }

    async fn org_post(
        &self,
        host: &Host,
        token: &Secret,
        org: &str,
        url: &str,
        body: &serde_json::Value,
    ) -> Result<Posted> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Internal { detail: e.to_string() })?;
        let a = self.app_call(host, Method::POST, url, token, Some(bytes)).await?;
        let message = || github_message(&a.body).unwrap_or_default();
        match a.status {
            StatusCode::NO_CONTENT | StatusCode::ACCEPTED | StatusCode::OK => Ok(Posted::Done),
            StatusCode::NOT_FOUND => Ok(Posted::NotFound),
            StatusCode::UNPROCESSABLE_ENTITY => Ok(Posted::Unprocessable(message())),
            _ => Err(refused(host, org, &a)),
        }
    }
}
