//! An org's review against fakehub: an app installed on the org with the permissions
//! lists, approves, denies and revokes; without them, or for a request reviewed already
//! or unknown, a clear error and nothing changed; no minted token is ever stored.

use std::collections::BTreeMap;
use std::sync::Arc;

use fakehub::{FakeHub, FakeHubOptions, NewApp, NewInstallation, NewOrg, NewRepo, NewToken, NewUser, RepositoryAccess};

use super::org_review::{self, GRANTS, REQUESTS};
use super::*;
use crate::github::client::ClientOptions;
use crate::vault::{MemoryStore, MetadataStore};

struct World {
    hub: FakeHub,
    vault: Vault,
    client: GitHubClient,
    host: Host,
    _dir: tempfile::TempDir,
}

fn perms(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// acme (octocat a member, the private `rocket`), the app "Reviewer" installed on acme
/// with `permissions`, and added to the vault.
async fn world(permissions: &[(&str, &str)]) -> World {
    world_installed(permissions, true).await
}

/// The same; installed on acme only after the app was added when `first` is false.
async fn world_installed(permissions: &[(&str, &str)], first: bool) -> World {
    let hub = FakeHub::start(FakeHubOptions::default()).await;
    hub.create_user(NewUser { login: "octocat".into(), ..Default::default() }).unwrap();
    hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    hub.add_member("acme", "octocat").unwrap();
    hub.create_repo(NewRepo { owner: "acme".into(), name: "rocket".into(), private: true, description: None }).unwrap();
    let new =
        NewApp { owner: "acme".into(), name: "Reviewer".into(), permissions: perms(permissions), ..Default::default() };
    let app = hub.create_app(new).unwrap();
    let install = || {
        let on_acme = NewInstallation { app: "reviewer".into(), account: "acme".into(), ..Default::default() };
        hub.create_installation(on_acme).unwrap();
    };
    if first {
        install();
    }
    let dir = tempfile::tempdir().unwrap();
    let vault = Vault::new(Arc::new(MemoryStore::default()), MetadataStore::new(dir.path().join("data")));
    let opts = ClientOptions { total_timeout: std::time::Duration::from_secs(10), ..ClientOptions::default() };
    let client = GitHubClient::with_options(opts).unwrap();
    let host = Host { web: hub.web_url().parse().unwrap(), api: hub.url().parse().unwrap() };
    add_app(&vault, &client, &host, &app.client_id, &Secret::new(app.private_key_pem)).await.unwrap();
    if !first {
        install();
    }
    World { hub, vault, client, host, _dir: dir }
}

impl World {
    /// octocat's fine-grained token for acme's `rocket`, asking acme for access.
    fn request(&self, name: &str) -> u64 {
        let mut new = NewToken::new("octocat", fakehub::TokenKind::FineGrained)
            .name(name)
            .owner("acme")
            .permission("contents", "read");
        new.repository_access = Some(RepositoryAccess::Selected(vec!["acme/rocket".into()]));
        let token = self.hub.create_token(new).unwrap();
        self.hub.request_org_access(&token, Some("deploys")).unwrap().id
    }

    async fn review(&self, ids: &[u64], approve: bool, reason: Option<&str>) -> Result<Vec<u64>> {
        org_review::review(&self.vault, &self.client, &self.host, "acme", ids, approve, reason).await
    }
}

const BOTH: &[(&str, &str)] = &[(REQUESTS, "write"), (GRANTS, "write")];

#[tokio::test]
async fn requests_are_listed_approved_then_granted_and_revoked_and_no_token_is_stored() {
    let w = world(BOTH).await;
    let id = w.request("ci-deploy");
    let list = org_review::requests(&w.vault, &w.client, &w.host, "acme").await.unwrap();
    assert_eq!(list.len(), 1);
    let r = &list[0];
    assert_eq!((r.id, r.token.owner.as_str(), r.token.token_name.as_str()), (id, "octocat", "ci-deploy"));
    assert_eq!(r.repositories, ["acme/rocket"]);
    assert_eq!(r.token.permissions, perms(&[("contents", "read")]));
    assert_eq!(r.reason.as_deref(), Some("deploys"));

    assert_eq!(w.review(&[id], true, Some("ok")).await.unwrap(), [id]);
    let again = w.review(&[id], false, None).await.unwrap_err();
    assert_eq!(again, Error::OrgRequestAlreadyReviewed { org: "acme".into(), id });
    assert_eq!(w.review(&[1], true, None).await.unwrap_err(), Error::OrgRequestUnknown { org: "acme".into(), id: 1 });

    let grants = org_review::grants(&w.vault, &w.client, &w.host, "acme").await.unwrap();
    assert_eq!(grants.len(), 1);
    assert_eq!(grants[0].token.token_name, "ci-deploy");
    let unknown = org_review::revoke(&w.vault, &w.client, &w.host, "acme", &[grants[0].id, 2]).await.unwrap_err();
    assert_eq!(unknown, Error::OrgGrantUnknown { org: "acme".into(), id: 2 }, "nothing revoked when one is unknown");
    assert_eq!(org_review::grants(&w.vault, &w.client, &w.host, "acme").await.unwrap().len(), 1);
    let revoked = org_review::revoke(&w.vault, &w.client, &w.host, "acme", &[grants[0].id]).await.unwrap();
    assert_eq!(revoked[0].token.owner, "octocat");
    assert!(org_review::grants(&w.vault, &w.client, &w.host, "acme").await.unwrap().is_empty());
    assert!(w.vault.list().unwrap().is_empty(), "the installation tokens minted for the calls are not stored");
}

#[tokio::test]
async fn a_bulk_review_is_all_or_none_and_a_long_reason_is_refused_before_sending() {
    let w = world(BOTH).await;
    let (a, b) = (w.request("a"), w.request("b"));
    w.review(&[a], false, None).await.unwrap();
    let mixed = w.review(&[a, b], true, None).await.unwrap_err();
    assert_eq!(mixed, Error::OrgRequestAlreadyReviewed { org: "acme".into(), id: a });
    let long = "x".repeat(1025);
    let refused = w.review(&[b], true, Some(&long)).await.unwrap_err();
    assert_eq!(refused, Error::OrgReviewReasonTooLong { max: 1024 });
    let still = org_review::requests(&w.vault, &w.client, &w.host, "acme").await.unwrap();
    assert_eq!(still.iter().map(|r| r.id).collect::<Vec<_>>(), [b], "b still pending");
    assert_eq!(w.review(&[b], true, Some(&"x".repeat(1024))).await.unwrap(), [b]);
}

#[tokio::test]
async fn without_an_installation_that_has_the_permission_nothing_is_asked() {
    let w = world(&[(REQUESTS, "read")]).await;
    w.request("a");
    assert_eq!(org_review::requests(&w.vault, &w.client, &w.host, "ACME").await.unwrap().len(), 1, "read lists");
    let review = w.review(&[1], true, None).await.unwrap_err();
    let wanted =
        |p: &str, l: &str| Error::OrgReviewNoInstallation { org: "acme".into(), permission: p.into(), level: l.into() };
    assert_eq!(review, wanted(REQUESTS, "write"));
    let grants = org_review::grants(&w.vault, &w.client, &w.host, "acme").await.unwrap_err();
    assert_eq!(grants, wanted(GRANTS, "read"));
    let elsewhere = org_review::requests(&w.vault, &w.client, &w.host, "other").await.unwrap_err();
    assert_eq!(elsewhere.code(), "org_review_no_installation");
    let bad = org_review::requests(&w.vault, &w.client, &w.host, "acme/../x").await.unwrap_err();
    assert_eq!(bad.code(), "not_found", "not a login: never put in a URL");
}

#[tokio::test]
async fn an_installation_made_since_the_app_was_added_is_found_by_listing_them_again() {
    let w = world_installed(BOTH, false).await;
    assert!(w.vault.apps().unwrap()[0].installations.is_empty(), "added before it was installed");
    let id = w.request("a");
    let list = org_review::requests(&w.vault, &w.client, &w.host, "acme").await.unwrap();
    assert_eq!(list.iter().map(|r| r.id).collect::<Vec<_>>(), [id]);
    assert_eq!(w.vault.apps().unwrap()[0].installations[0].account, "acme", "recorded");
}
