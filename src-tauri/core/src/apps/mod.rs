//! GitHub Apps (docs/github.md, "GitHub App tokens"): an app's client ID (or app ID),
//! host and private key, the key in the keychain like a token's secret and the rest in
//! the metadata; and the installation tokens Jeton mints with it, one hour each,
//! stored like any token (kind `app_installation`), never reminded about, and dropped
//! once expired unless pinned.

mod jwt;
mod mint;
pub mod org_notice;
pub mod org_review;
mod service;
mod vault;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use jwt::{AppKey, EXP_AHEAD_SECS, IAT_BACK_SECS};
pub use mint::{git_token, mint, sweep_expired, MintRequest, GIT_REUSE_MARGIN_MINS};
pub use service::{read_key, read_key_file, MAX_KEY_BYTES};

use crate::config::Host;
use crate::error::{Error, Result};
use crate::github::client::{GitHubClient, InstallationInfo};
use crate::secret::Secret;
use crate::vault::Vault;

/// A GitHub App Jeton holds the key of. Never holds the key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AppRecord {
    /// Stable identifier; also the keychain entry of its private key (`app-…`).
    pub id: String,
    /// What the JWT's `iss` says: the client ID (or the app ID) as given.
    pub issuer: String,
    /// The web URL of the host, e.g. `https://github.com`.
    pub host: String,
    // A number in TypeScript (GitHub's ids are far below 2^53, exact in JavaScript).
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub app_id: u64,
    pub slug: Option<String>,
    /// The app's name, from `GET /app`.
    pub name: String,
    pub owner: Option<String>,
    /// The installations, as `GET /app/installations` last listed them.
    pub installations: Vec<Installation>,
    pub checked_at: DateTime<Utc>,
    /// Repository owners whose git credentials an installation serves (`jeton
    /// git-credential` mints for them).
    #[serde(default)]
    pub git_owners: Vec<GitOwner>,
    pub created_at: DateTime<Utc>,
}

/// One installation of an app, as last listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Installation {
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub id: u64,
    /// The user or organization it is installed on.
    pub account: String,
    pub account_is_org: bool,
    /// `all` or `selected`.
    pub repository_selection: String,
    pub permissions: BTreeMap<String, String>,
}

impl From<InstallationInfo> for Installation {
    fn from(i: InstallationInfo) -> Self {
        let account = i.account.as_ref();
        Installation {
            id: i.id,
            account: account.map(|a| a.login.clone()).unwrap_or_default(),
            account_is_org: account.and_then(|a| a.kind.as_deref()) == Some("Organization"),
            repository_selection: i.repository_selection,
            permissions: i.permissions,
        }
    }
}

/// A repository owner whose git credentials an installation serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GitOwner {
    pub owner: String,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub installation: u64,
}

/// Where a minted token came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MintedFrom {
    /// The [`AppRecord::id`].
    pub app: String,
    pub installation: u64,
    /// `owner/name` of the repositories it is limited to; `None`: all the installation's.
    #[serde(default)]
    pub repositories: Option<Vec<String>>,
    /// Kept in the vault once expired.
    #[serde(default)]
    pub pinned: bool,
    /// Minted by the git helper for this owner (reused until near its expiry).
    #[serde(default)]
    pub git_owner: Option<String>,
}

/// Signs a fresh JWT for `app` with its key from the keychain.
pub(crate) fn jwt_for(vault: &Vault, app: &AppRecord) -> Result<Secret> {
    let key = vault.app_key(app)?;
    AppKey::parse(&key)?.sign(&app.issuer, Utc::now())
}

/// Adds an app: checks the key by signing a JWT and asking `GET /app`, lists its
/// installations, then stores the key in the keychain and the rest in the metadata.
/// On any failure nothing is stored.
pub async fn add_app(
    vault: &Vault,
    client: &GitHubClient,
    host: &Host,
    issuer: &str,
    key: &Secret,
) -> Result<AppRecord> {
    let issuer = issuer.trim();
    if issuer.is_empty() || issuer.len() > 100 || !issuer.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.') {
        // Repeated only when as short as a client ID: a token pasted here is not echoed back.
        let shown = (issuer.len() <= 24 && !issuer.chars().any(char::is_control)).then(|| issuer.to_owned());
        return Err(Error::AppClientIdInvalid { given: shown.filter(|s| !s.is_empty()) });
    }
    let jwt = AppKey::parse(key)?.sign(issuer, Utc::now())?;
    let info = client.get_app(host, &jwt, issuer).await?;
    let installations = client.list_installations(host, &jwt, issuer).await?;
    let now = Utc::now();
    let record = AppRecord {
        id: format!("app-{}", uuid::Uuid::new_v4()),
        issuer: issuer.to_owned(),
        host: host.key(),
        app_id: info.id,
        slug: info.slug,
        name: info.name,
        owner: info.owner.map(|o| o.login),
        installations: installations.into_iter().map(Installation::from).collect(),
        checked_at: now,
        git_owners: vec![],
        created_at: now,
    };
    vault.add_app(record, key)
}

/// Lists the app's installations again and records them.
pub async fn refresh(vault: &Vault, client: &GitHubClient, host: &Host, app: &AppRecord) -> Result<AppRecord> {
    let jwt = jwt_for(vault, app)?;
    let list = client.list_installations(host, &jwt, &app.issuer).await?;
    let installations: Vec<Installation> = list.into_iter().map(Installation::from).collect();
    vault.update_app(&app.id, |a| {
        a.installations = installations;
        a.checked_at = Utc::now();
    })
}

/// Makes `installation` serve the git credentials of `owner` on the app's host.
pub fn serve_git_owner(vault: &Vault, app: &AppRecord, owner: &str, installation: u64) -> Result<AppRecord> {
    if !app.installations.iter().any(|i| i.id == installation) {
        return Err(Error::AppInstallationNotFound { installation });
    }
    let owner = owner.trim().to_owned();
    vault.update_app(&app.id, |a| {
        a.git_owners.retain(|g| !g.owner.eq_ignore_ascii_case(&owner));
        a.git_owners.push(GitOwner { owner, installation });
    })
}

/// Stops serving `owner`'s git credentials on `host` (a [`Host::key`]); whether an
/// installation served them.
pub fn unserve_git_owner(vault: &Vault, host: &str, owner: &str) -> Result<bool> {
    let owner = owner.trim();
    let serving = vault
        .apps()?
        .into_iter()
        .filter(|a| a.host == host && a.git_owners.iter().any(|g| g.owner.eq_ignore_ascii_case(owner)));
    let mut any = false;
    for app in serving {
        vault.update_app(&app.id, |a| a.git_owners.retain(|g| !g.owner.eq_ignore_ascii_case(owner)))?;
        any = true;
    }
    Ok(any)
}

/// The app that has installation `id` (on `host`, a [`Host::key`], when given), and
/// that installation as last listed.
pub fn find_installation(vault: &Vault, id: u64, host: Option<&str>) -> Result<(AppRecord, Installation)> {
    vault
        .apps()?
        .into_iter()
        .filter(|a| host.is_none_or(|h| a.host == h))
        .find_map(|a| {
            let inst = a.installations.iter().find(|i| i.id == id).cloned()?;
            Some((a, inst))
        })
        .ok_or(Error::AppInstallationNotFound { installation: id })
}

/// `KEY=LEVEL` words as asked permissions (`None` when there are none: the
/// installation's). The levels are checked when minting.
pub fn permission_words(words: &[String]) -> Option<BTreeMap<String, String>> {
    let split = |w: &String| {
        let (key, level) = w.split_once('=').unwrap_or((w.as_str(), ""));
        (key.trim().to_owned(), level.trim().to_owned())
    };
    (!words.is_empty()).then(|| words.iter().map(split).collect())
}

/// The app named by its name, slug, client ID or app ID.
pub fn find_app(vault: &Vault, which: &str) -> Result<AppRecord> {
    vault
        .apps()?
        .into_iter()
        .find(|a| {
            a.name == which || a.slug.as_deref() == Some(which) || a.issuer == which || a.app_id.to_string() == which
        })
        .ok_or_else(|| Error::NotFound { name: which.to_owned() })
}

#[cfg(test)]
mod org_review_tests;
#[cfg(test)]
mod tests;
