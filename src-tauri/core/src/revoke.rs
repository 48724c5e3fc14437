//! Revoking a stored token, then forgetting it (docs/github.md, "Revocation").
//!
//! On github.com (and the host `JETON_GITHUB_URL` names in its place) Jeton sends the
//! secret to `POST /credentials/revoke`, without authentication; once GitHub accepts
//! it (202), the token is forgotten (keychain entry and metadata, journalled as every
//! vault write). Any failure (network, 422, 403, rate limit) forgets nothing. A host
//! with no such endpoint (GitHub Enterprise Server, or an API that answers 404) is
//! given back as the token's settings page: the user deletes the token there and tells
//! Jeton to forget it. The endpoint allows 60 requests an hour: when GitHub says the
//! hour is used up, the time it gives is kept in `revoke-pause.json` in the data dir,
//! and no request goes out before it, from the app or the CLI.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::github::client::RevokeAnswer;
use crate::model::{TokenKind, TokenRecord};
use crate::pages::{page_url, Page};
use crate::service::Jeton;

const PAUSE_FILE: &str = "revoke-pause.json";
/// How long to wait when GitHub limits the endpoint without saying until when (its
/// guidance: at least a minute).
const UNKNOWN_WAIT: Duration = Duration::from_secs(60);

/// How a token is revoked, known before asking: what the confirmation says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "route", rename_all = "snake_case")]
pub enum RevokeRoute {
    /// Through GitHub's revocation API: it cannot be undone and GitHub emails the owner.
    Api,
    /// The host has no revocation API: the token is deleted on this page of its host.
    SettingsPage { url: String },
}

/// What a revocation did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum RevokeOutcome {
    /// GitHub accepted the revocation and Jeton forgot the token.
    Revoked,
    /// Nothing was revoked or forgotten: delete the token on this page, then forget it.
    OpenSettings { url: String },
}

/// The kinds `POST /credentials/revoke` takes (classic and fine-grained PATs, and since
/// March 2026 OAuth app tokens and GitHub App user and refresh tokens).
pub fn kind_revocable_by_api(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Classic | TokenKind::FineGrained | TokenKind::Oauth | TokenKind::AppUser | TokenKind::AppRefresh
    )
}

impl Jeton {
    /// How `record` would be revoked: the API on github.com for the kinds it takes,
    /// otherwise the token's settings page on its host (see `pages.rs`).
    fn route_of(&self, record: &TokenRecord, kind: TokenKind) -> Result<RevokeRoute> {
        let host = self.config.host(Some(&record.host))?;
        if host == self.config.default_host() && kind_revocable_by_api(kind) {
            return Ok(RevokeRoute::Api);
        }
        Ok(RevokeRoute::SettingsPage { url: page_url(&self.config, record, Page::Settings)? })
    }

    /// How a stored token would be revoked, for the confirmation to say so.
    pub fn revoke_route(&self, id_or_name: &str) -> Result<RevokeRoute> {
        let record = self.vault.find(id_or_name)?;
        self.route_of(&record, record.kind)
    }

    /// Revokes a stored token at GitHub, then forgets it. The kind is read again from
    /// the secret (never taken from the metadata). On a host without the endpoint the
    /// answer is the settings page, and nothing is forgotten.
    pub async fn revoke(&self, id_or_name: &str) -> Result<RevokeOutcome> {
        let record = self.vault.find(id_or_name)?;
        if let RevokeRoute::SettingsPage { url } = self.route_of(&record, record.kind)? {
            return Ok(RevokeOutcome::OpenSettings { url });
        }
        let secret = self.vault.secret_async(&record).await?;
        let parsed = crate::token::parse(secret.expose())?;
        if let RevokeRoute::SettingsPage { url } = self.route_of(&record, parsed.kind)? {
            return Ok(RevokeOutcome::OpenSettings { url });
        }
        let host = self.config.host(Some(&record.host))?;
        let pauses = Pauses::new(&self.config.data_dir);
        let now = Utc::now();
        if let Some(until) = pauses.until(&host.key()).filter(|u| *u > now) {
            return Err(Error::RevokeRateLimited { retry_after_secs: Some(secs_until(until, now)) });
        }
        match self.client.revoke_credentials(&host, &[&parsed.secret]).await {
            Ok(RevokeAnswer::Accepted { paused_until }) => {
                if let Some(until) = paused_until {
                    pauses.set(&host.key(), until);
                }
                tracing::info!(id = %record.id, "revoke: GitHub accepted the revocation");
                self.vault.forget_async(&record.id).await?;
                Ok(RevokeOutcome::Revoked)
            }
            Ok(RevokeAnswer::NoEndpoint) => {
                Ok(RevokeOutcome::OpenSettings { url: page_url(&self.config, &record, Page::Settings)? })
            }
            Err(Error::RateLimited { retry_after_secs }) => {
                let wait = retry_after_secs.map(Duration::from_secs).unwrap_or(UNKNOWN_WAIT);
                let until = now + chrono::Duration::from_std(wait).unwrap_or_else(|_| chrono::Duration::hours(1));
                pauses.set(&host.key(), until);
                Err(Error::RevokeRateLimited { retry_after_secs: Some(wait.as_secs()) })
            }
            Err(e) => Err(e),
        }
    }
}

fn secs_until(until: DateTime<Utc>, now: DateTime<Utc>) -> u64 {
    u64::try_from((until - now).num_seconds()).unwrap_or(0).max(1)
}

/// When each host accepts revocation requests again, kept across runs.
struct Pauses {
    path: PathBuf,
}

impl Pauses {
    fn new(dir: &Path) -> Pauses {
        Pauses { path: dir.join(PAUSE_FILE) }
    }

    fn load(&self) -> BTreeMap<String, DateTime<Utc>> {
        std::fs::read(&self.path).ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    fn until(&self, host: &str) -> Option<DateTime<Utc>> {
        self.load().get(host).copied()
    }

    /// Records a pause; one that cannot be written is logged (GitHub still refuses
    /// early requests, and Jeton then records it again).
    fn set(&self, host: &str, until: DateTime<Utc>) {
        let now = Utc::now();
        let mut all = self.load();
        all.retain(|_, u| *u > now);
        all.insert(host.to_owned(), until);
        let written = serde_json::to_vec(&all)
            .map_err(|e| Error::Internal { detail: e.to_string() })
            .and_then(|json| crate::vault::write_private(&self.path, &json));
        if let Err(e) = written {
            tracing::warn!(code = e.code(), "revoke: the rate-limit pause could not be saved");
        }
    }
}
