//! An organization's review of the fine-grained tokens its members request (docs/github.md,
//! "Organization review"). GitHub lets only GitHub Apps call these endpoints: Jeton mints
//! an installation token of an app installed on the org, narrowed to the one permission
//! the call needs (`organization_personal_access_token_requests` to list and review
//! requests, `organization_personal_access_tokens` to list and revoke grants; `read` to
//! list, `write` to change), uses it for that call and drops it. It is never stored.
//!
//! The reason's length is checked before anything is sent, a revocation's ids against the
//! list of grants, and a bulk review or revocation is one call, all or none.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{mint::mint_unstored, AppRecord, Installation};
use crate::config::Host;
use crate::error::{Error, Result};
use crate::github::client::{GitHubClient, PatGrantInfo, PatRequestInfo, PatToken, Posted};
use crate::github::permissions::Level;
use crate::secret::Secret;
use crate::vault::Vault;

/// The permission to list (`read`) and review (`write`) requests.
pub const REQUESTS: &str = "organization_personal_access_token_requests";
/// The permission to list (`read`) and revoke (`write`) the tokens granted.
pub const GRANTS: &str = "organization_personal_access_tokens";
/// The longest reason GitHub takes.
pub const MAX_REASON: usize = 1024;
/// The most ids one bulk call takes.
pub const MAX_IDS: usize = 100;

/// The fine-grained token behind a request or a grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenInfo {
    /// Who created it (the requester).
    pub owner: String,
    pub token_name: String,
    pub token_id: u64,
    /// `all`, `subset` or `none` (public repositories only).
    pub repository_selection: String,
    /// `key -> level`, the org's, repositories' and account's together.
    pub permissions: BTreeMap<String, String>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub token_expires_at: Option<DateTime<Utc>>,
    pub token_expired: bool,
}

/// A member's pending request for a fine-grained token to reach the org.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PendingRequest {
    pub id: u64,
    pub reason: Option<String>,
    /// `owner/name` of each repository asked for (a `subset` only).
    pub repositories: Vec<String>,
    pub created_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub token: TokenInfo,
}

/// A fine-grained token the org granted access.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Grant {
    /// The `pat_id` revoking takes.
    pub id: u64,
    pub granted_at: Option<DateTime<Utc>>,
    #[serde(flatten)]
    pub token: TokenInfo,
}

fn when(s: Option<&str>) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s?).ok().map(|d| d.with_timezone(&Utc))
}

impl From<PatToken> for TokenInfo {
    fn from(t: PatToken) -> TokenInfo {
        TokenInfo {
            owner: t.owner.login,
            token_name: t.token_name,
            token_id: t.token_id,
            repository_selection: t.repository_selection,
            permissions: t.permissions.into_values().flatten().collect(),
            last_used_at: when(t.token_last_used_at.as_deref()),
            token_expires_at: when(t.token_expires_at.as_deref()),
            token_expired: t.token_expired,
        }
    }
}

impl From<PatGrantInfo> for Grant {
    fn from(g: PatGrantInfo) -> Grant {
        Grant { id: g.id, granted_at: when(Some(&g.access_granted_at)), token: g.token.into() }
    }
}

fn pending(r: PatRequestInfo, repositories: Vec<String>) -> PendingRequest {
    let created_at = when(Some(&r.created_at));
    PendingRequest { id: r.id, reason: r.reason, repositories, created_at, token: r.token.into() }
}

/// An org's login as typed, checked before it goes into a URL.
fn org_login(org: &str) -> Result<&str> {
    let org = org.trim();
    let ok = (1..=39).contains(&org.len()) && org.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    ok.then_some(org).ok_or_else(|| Error::NotFound { name: org.to_owned() })
}

/// Whether an installation's `granted` level covers `wanted`.
fn covers(granted: Option<&String>, wanted: &str) -> bool {
    let wanted = Level::parse(wanted);
    granted.and_then(|g| Level::parse(g)).zip(wanted).is_some_and(|(g, w)| g.includes(w))
}

/// The installations on `org` (on `host`, a [`Host::key`]) with `permission` at `level`
/// or more, as last listed; the first is used.
pub fn reviewers<'a>(
    apps: &'a [AppRecord],
    host: &str,
    org: &str,
    permission: &str,
    level: &str,
) -> Vec<(&'a AppRecord, &'a Installation)> {
    let enough = |i: &Installation| covers(i.permissions.get(permission), level);
    apps.iter()
        .filter(|a| a.host == host)
        .flat_map(|a| a.installations.iter().map(move |i| (a, i)))
        .filter(|(_, i)| i.account.eq_ignore_ascii_case(org) && enough(i))
        .collect()
}

/// The orgs (on `host`) an installation in Jeton can list requests of.
pub fn reviewable_orgs(apps: &[AppRecord], host: &str) -> Vec<String> {
    let mut orgs: Vec<String> = apps
        .iter()
        .filter(|a| a.host == host)
        .flat_map(|a| &a.installations)
        .filter(|i| i.account_is_org && covers(i.permissions.get(REQUESTS), "read"))
        .map(|i| i.account.clone())
        .collect();
    orgs.sort_by_key(|o| o.to_lowercase());
    orgs.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    orgs
}

/// What a call needs: the org and a token narrowed to `permission` at `level`.
struct Call<'a> {
    vault: &'a Vault,
    client: &'a GitHubClient,
    host: &'a Host,
}

impl Call<'_> {
    async fn token(&self, org: &str, permission: &str, level: &str) -> Result<Secret> {
        let key = self.host.key();
        let mut apps = self.vault.apps()?;
        if reviewers(&apps, &key, org, permission, level).is_empty() {
            // The installations may have changed on GitHub since they were listed
            // (installed, or the permission granted since): list them again.
            for app in apps.iter().filter(|a| a.host == key) {
                if let Err(e) = super::refresh(self.vault, self.client, self.host, app).await {
                    tracing::warn!(code = e.code(), app = %app.id, "org review: installations not listed again");
                }
            }
            apps = self.vault.apps()?;
        }
        let found = reviewers(&apps, &key, org, permission, level);
        let Some((app, inst)) = found.first() else {
            let (org, permission, level) = (org.to_owned(), permission.to_owned(), level.to_owned());
            return Err(Error::OrgReviewNoInstallation { org, permission, level });
        };
        let asked = BTreeMap::from([(permission.to_owned(), level.to_owned())]);
        let minted = mint_unstored(self.vault, self.client, self.host, app, inst, None, Some(&asked)).await?;
        tracing::debug!(installation = inst.id, permission, level, "org review: installation token minted, not stored");
        Ok(minted.secret)
    }
}

/// The pending requests of `org`, with the repositories each asks for.
pub async fn requests(vault: &Vault, client: &GitHubClient, host: &Host, org: &str) -> Result<Vec<PendingRequest>> {
    let org = org_login(org)?;
    let token = Call { vault, client, host }.token(org, REQUESTS, "read").await?;
    let mut out = Vec::new();
    for r in client.list_pat_requests(host, &token, org).await? {
        let repos = match r.repositories_url.as_deref().filter(|_| r.token.repository_selection == "subset") {
            Some(url) => client.pat_request_repositories(host, &token, org, url).await?,
            None => Vec::new(),
        };
        out.push(pending(r, repos));
    }
    Ok(out)
}

/// The tokens `org` granted access.
pub async fn grants(vault: &Vault, client: &GitHubClient, host: &Host, org: &str) -> Result<Vec<Grant>> {
    let org = org_login(org)?;
    let token = Call { vault, client, host }.token(org, GRANTS, "read").await?;
    Ok(client.list_pat_grants(host, &token, org).await?.into_iter().map(Grant::from).collect())
}

/// Distinct ids, 1 to [`MAX_IDS`] of them.
fn ids_of(ids: &[u64]) -> Result<Vec<u64>> {
    let mut out = ids.to_vec();
    out.sort_unstable();
    out.dedup();
    if out.is_empty() || out.len() > MAX_IDS {
        return Err(Error::Internal { detail: format!("1 to {MAX_IDS} ids at a time") });
    }
    Ok(out)
}

/// Approves (`approve`) or denies the pending requests `ids` of `org`, with `reason`, in
/// one call (all or none). GitHub's 404 is a request the org does not have, its 422 one
/// no longer pending: approved or denied already, by another owner or earlier. Returns
/// the ids reviewed.
pub async fn review(
    vault: &Vault,
    client: &GitHubClient,
    host: &Host,
    org: &str,
    ids: &[u64],
    approve: bool,
    reason: Option<&str>,
) -> Result<Vec<u64>> {
    let org = org_login(org)?;
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| r.chars().count() > MAX_REASON) {
        return Err(Error::OrgReviewReasonTooLong { max: MAX_REASON });
    }
    let ids = ids_of(ids)?;
    let token = Call { vault, client, host }.token(org, REQUESTS, "write").await?;
    let posted = client.review_pat_requests(host, &token, org, &ids, approve, reason).await?;
    if posted != Posted::Done {
        // Which one: the first that is not pending (the only one, for a single review).
        let still = match ids.len() {
            1 => Vec::new(),
            _ => client.list_pat_requests(host, &token, org).await.unwrap_or_default(),
        };
        let id = *ids.iter().find(|id| !still.iter().any(|r| r.id == **id)).unwrap_or(&ids[0]);
        let org = org.to_owned();
        return Err(match posted {
            Posted::NotFound => Error::OrgRequestUnknown { org, id },
            _ => Error::OrgRequestAlreadyReviewed { org, id },
        });
    }
    tracing::info!(org, count = ids.len(), approve, "org review: requests reviewed");
    Ok(ids)
}

/// Revokes the access of the grants `ids` to `org` (checked against the list first:
/// nothing is sent when one is unknown), in one call. Returns the grants revoked.
pub async fn revoke(vault: &Vault, client: &GitHubClient, host: &Host, org: &str, ids: &[u64]) -> Result<Vec<Grant>> {
    let org = org_login(org)?;
    let ids = ids_of(ids)?;
    let token = Call { vault, client, host }.token(org, GRANTS, "write").await?;
    let listed = client.list_pat_grants(host, &token, org).await?;
    let chosen: Vec<Grant> = listed.into_iter().filter(|g| ids.contains(&g.id)).map(Grant::from).collect();
    if let Some(id) = ids.iter().find(|id| !chosen.iter().any(|g| g.id == **id)) {
        return Err(Error::OrgGrantUnknown { org: org.to_owned(), id: *id });
    }
    if client.revoke_pat_grants(host, &token, org, &ids).await? != Posted::Done {
        return Err(Error::OrgGrantUnknown { org: org.to_owned(), id: ids[0] });
    }
    tracing::info!(org, count = ids.len(), "org review: grants revoked");
    Ok(chosen)
}
