//! Minting installation tokens: checked against the installation before anything is
//! sent (permissions from the wizard's catalogue, at levels no higher than the
//! installation's), minted by GitHub, then stored like any token. The git helper
//! reuses a minted token until [`GIT_REUSE_MARGIN_MINS`] before its expiry.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use super::{jwt_for, AppRecord, Installation, MintedFrom};
use crate::config::Host;
use crate::error::{Error, Result};
use crate::github::client::{GitHubClient, MintedToken};
use crate::github::permissions::{self, Level};
use crate::model::{CheckRecord, TokenKind, TokenRecord, TokenStatus};
use crate::secret::Secret;
use crate::vault::Vault;

/// The git helper mints a new token when the one it has expires within this.
pub const GIT_REUSE_MARGIN_MINS: i64 = 5;

/// What to mint.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MintRequest {
    // A number in TypeScript (GitHub's ids are far below 2^53, exact in JavaScript).
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub installation: u64,
    /// Repository names (or `owner/name` on the installation's account); `None`: all.
    pub repositories: Option<Vec<String>>,
    /// `key -> level`; `None`: the installation's.
    pub permissions: Option<BTreeMap<String, String>>,
    /// Keep the token in the vault once expired.
    pub pinned: bool,
}

/// Checks the permissions asked for against the catalogue and the installation.
fn check_permissions(asked: &BTreeMap<String, String>, inst: &Installation) -> Result<()> {
    for (key, level) in asked {
        let info = permissions::permission(key).ok_or_else(|| Error::RequestPermissionUnknown { key: key.clone() })?;
        let allowed = || info.levels.iter().map(|l| l.as_str().to_owned()).collect();
        let asked_level = Level::parse(level).filter(|l| info.allows(*l)).ok_or_else(|| {
            Error::RequestLevelNotAllowed { key: key.clone(), level: level.clone(), allowed: allowed() }
        })?;
        let granted = inst.permissions.get(key);
        if !granted.and_then(|g| Level::parse(g)).is_some_and(|g| g.includes(asked_level)) {
            return Err(Error::AppPermissionNotGranted {
                key: key.clone(),
                level: level.clone(),
                granted: granted.cloned(),
            });
        }
    }
    Ok(())
}

/// Repository names as GitHub wants them (without the owner, which is the installation's).
fn repo_names(asked: &[String], inst: &Installation) -> Result<Vec<String>> {
    asked
        .iter()
        .map(|r| match r.split_once('/') {
            None => Ok(r.clone()),
            Some((owner, name)) if owner.eq_ignore_ascii_case(&inst.account) => Ok(name.to_owned()),
            Some(_) => Err(Error::AppRepositoryNotReachable { repository: r.clone() }),
        })
        .collect()
}

/// Mints an installation token and stores it (kind `app_installation`, expiring in an hour).
pub async fn mint(
    vault: &Vault,
    client: &GitHubClient,
    host: &Host,
    app: &AppRecord,
    req: &MintRequest,
) -> Result<(TokenRecord, Secret)> {
    mint_for(vault, client, host, app, req, None).await
}

async fn mint_for(
    vault: &Vault,
    client: &GitHubClient,
    host: &Host,
    app: &AppRecord,
    req: &MintRequest,
    git_owner: Option<&str>,
) -> Result<(TokenRecord, Secret)> {
    let inst = app
        .installations
        .iter()
        .find(|i| i.id == req.installation)
        .ok_or(Error::AppInstallationNotFound { installation: req.installation })?;
    if let Some(p) = &req.permissions {
        check_permissions(p, inst)?;
    }
    let names = req.repositories.as_deref().map(|r| repo_names(r, inst)).transpose()?;
    let minted = mint_unstored(vault, client, host, app, inst, names.as_deref(), req.permissions.as_ref()).await?;
    let now = Utc::now();
    let name = vault.unused_name(&format!("{} for {}", app.name, inst.account))?;
    let mut record =
        TokenRecord::new(uuid::Uuid::new_v4().to_string(), name, host.key(), TokenKind::AppInstallation, now);
    record.login = Some(inst.account.clone());
    record.expires_at = Some(minted.expires_at);
    record.permissions = Some(minted.permissions);
    record.last_check = Some(CheckRecord { at: now, status: TokenStatus::Valid, sso_url: None, error: None });
    record.minted = Some(MintedFrom {
        app: app.id.clone(),
        installation: inst.id,
        repositories: minted.repositories,
        pinned: req.pinned,
        git_owner: git_owner.map(str::to_owned),
    });
    let stored = vault.add(record, &minted.secret)?;
    tracing::info!(id = %stored.id, installation = inst.id, "apps: installation token minted");
    Ok((stored, minted.secret))
}

/// Has GitHub mint a token of `inst`, narrowed to `names` and `permissions` (checked
/// by the caller); stores nothing (the organization review drops it once done).
pub(crate) async fn mint_unstored(
    vault: &Vault,
    client: &GitHubClient,
    host: &Host,
    app: &AppRecord,
    inst: &Installation,
    names: Option<&[String]>,
    permissions: Option<&BTreeMap<String, String>>,
) -> Result<MintedToken> {
    let jwt = jwt_for(vault, app)?;
    client.mint_installation_token(host, &jwt, &app.issuer, inst.id, names, permissions).await.map_err(|e| match e {
        Error::AppRepositoryNotReachable { .. } if names.is_some_and(|n| n.len() == 1) => {
            Error::AppRepositoryNotReachable {
                repository: format!("{}/{}", inst.account, names.unwrap_or_default()[0]),
            }
        }
        e => e,
    })
}

/// Forgets the minted tokens that expired (unless pinned); returns them.
pub fn sweep_expired(vault: &Vault, now: DateTime<Utc>) -> Result<Vec<TokenRecord>> {
    let expired: Vec<TokenRecord> = vault
        .list()?
        .into_iter()
        .filter(|r| r.minted.as_ref().is_some_and(|m| !m.pinned) && r.expires_at.is_some_and(|e| e <= now))
        .collect();
    for r in &expired {
        vault.forget(&r.id)?;
    }
    Ok(expired)
}

/// The token the git helper answers for `owner` on `host`, when an app installation
/// serves that owner: the one it minted before while it has more than
/// [`GIT_REUSE_MARGIN_MINS`] left, else a fresh one. `None`: no installation serves it.
pub async fn git_token(
    vault: &Vault,
    client: &GitHubClient,
    host: &Host,
    owner: &str,
) -> Result<Option<(TokenRecord, Secret)>> {
    let key = host.key();
    let apps = vault.apps()?;
    let served = apps.iter().find_map(|a| {
        let route = a.git_owners.iter().find(|g| g.owner.eq_ignore_ascii_case(owner));
        route.filter(|_| a.host == key).map(|g| (a, g.installation))
    });
    let Some((app, installation)) = served else {
        return Ok(None);
    };
    let now = Utc::now();
    let _ = sweep_expired(vault, now);
    let fresh_until = now + Duration::minutes(GIT_REUSE_MARGIN_MINS);
    let kept = vault.list()?.into_iter().find(|r| {
        r.minted.as_ref().is_some_and(|m| {
            m.app == app.id
                && m.installation == installation
                && m.git_owner.as_deref().is_some_and(|o| o.eq_ignore_ascii_case(owner))
        }) && r.expires_at.is_some_and(|e| e > fresh_until)
    });
    if let Some(rec) = kept {
        let secret = vault.secret(&rec)?;
        return Ok(Some((rec, secret)));
    }
    let req = MintRequest { installation, ..Default::default() };
    mint_for(vault, client, host, app, &req, Some(owner)).await.map(Some)
}
