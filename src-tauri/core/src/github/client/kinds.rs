//! Checking a token the way its kind allows. User tokens answer `GET /user`; classic
//! ones may also be held back by an organization's SAML SSO (`GET /user/orgs` tells);
//! installation tokens (`ghs_`) are no user, so `GET /user` refuses them and
//! `GET /rate_limit` is asked instead. Refresh tokens (`ghr_`) cannot call the API at
//! all (GitHub answers 401, which would read as revoked), so they are never sent.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;

use super::{bad, expiry, header, not_json, status_detail, GitHubClient, UserCheck};
use crate::config::Host;
use crate::error::{Error, Result};
use crate::github::headers::{RateLimit, Sso};
use crate::model::TokenKind;
use crate::secret::Secret;

/// What `GET /rate_limit` says about an installation token (`ghs_`), which is no user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallationCheck {
    /// `GitHub-Authentication-Token-Expiration`, when sent (installation tokens last an hour).
    pub expires_at: Option<DateTime<Utc>>,
    pub expiry_unparsable: bool,
    pub rate: RateLimit,
}

/// What a check learnt about a token, whichever endpoint answered.
#[derive(Debug, Clone)]
pub struct TokenCheck {
    /// The account; `None` for installation tokens, which act for an app.
    pub login: Option<String>,
    /// `X-OAuth-Scopes`, normalized; `None` when not sent.
    pub scopes: Option<Vec<String>>,
    /// `None`: never expires (or, with `expiry_unparsable`, unknown).
    pub expires_at: Option<DateTime<Utc>>,
    /// The expiry header was present but unreadable (keep the expiry known before).
    pub expiry_unparsable: bool,
    pub sso: Option<Sso>,
    pub rate: RateLimit,
}

impl From<UserCheck> for TokenCheck {
    fn from(u: UserCheck) -> Self {
        let (scopes, expires_at, expiry_unparsable) = (u.scopes, u.expires_at, u.expiry_unparsable);
        TokenCheck { login: Some(u.login), scopes, expires_at, expiry_unparsable, sso: u.sso, rate: u.rate }
    }
}

impl From<InstallationCheck> for TokenCheck {
    fn from(i: InstallationCheck) -> Self {
        let (expires_at, expiry_unparsable) = (i.expires_at, i.expiry_unparsable);
        TokenCheck { login: None, scopes: None, expires_at, expiry_unparsable, sso: None, rate: i.rate }
    }
}

impl GitHubClient {
    /// Checks a token of `kind`: `GET /rate_limit` for an installation token, else
    /// `GET /user`, then for a classic token without an SSO answer `GET /user/orgs`
    /// (a probe that fails is no SSO answer, not a failed check). `None` for a refresh
    /// token, which cannot be checked online: nothing is sent (GitHub would answer 401,
    /// and repeated 401s lock the account out of the API for a while).
    pub async fn check_token(&self, host: &Host, kind: TokenKind, token: &Secret) -> Result<Option<TokenCheck>> {
        match kind {
            TokenKind::AppRefresh => Ok(None),
            TokenKind::AppInstallation => self.check_installation(host, token).await.map(|i| Some(i.into())),
            _ => {
                let mut user = self.get_user(host, token).await?;
                if kind == TokenKind::Classic && user.sso.is_none() {
                    user.sso = self.probe_sso(host, token).await.unwrap_or(None);
                }
                Ok(Some(user.into()))
            }
        }
    }

    /// Whether an installation token (`ghs_`) works. Such a token is no user, so
    /// `GET /user` refuses it (403 "Resource not accessible by integration");
    /// `GET /rate_limit` answers 200 to a valid one (without using the rate limit) and
    /// 401 to an invalid or expired one.
    pub async fn check_installation(&self, host: &Host, token: &Secret) -> Result<InstallationCheck> {
        let a = self.get(host, &host.api_url("rate_limit"), Some(token), false).await?;
        match a.status {
            StatusCode::OK => {}
            StatusCode::UNAUTHORIZED => return Err(Error::TokenInvalid),
            s => return Err(bad(host, status_detail(s, Some(&a.body)))),
        }
        let body: serde_json::Value =
            serde_json::from_slice(&a.body).map_err(|e| bad(host, not_json(&a.headers, &e)))?;
        if !body.get("resources").is_some_and(serde_json::Value::is_object) {
            return Err(bad(host, "not the rate-limit document GitHub sends".into()));
        }
        let (expires_at, expiry_unparsable) = expiry(&a.headers);
        Ok(InstallationCheck { expires_at, expiry_unparsable, rate: RateLimit::from_lookup(|k| header(&a.headers, k)) })
    }
}
