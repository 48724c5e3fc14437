//! An org's review of fine-grained tokens through an app installed on it: a member's
//! request is listed, approved (the token then reaches the org's private repositories
//! and is listed as granted), reviewed again (refused), revoked (access gone); bulk
//! review and revoke, pagination, and who may call.

use std::collections::BTreeMap;

use fakehub::{CreatedApp, FakeHub, NewApp, NewInstallation, NewOrg, NewRepo, NewToken, RepositoryAccess, TokenKind};
use reqwest::Method;
use serde_json::{json, Value};

use crate::apps::{bearer, good_jwt};
use crate::common::{self, get, header};

fn perms(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

pub const REQUESTS: &str = "organization_personal_access_token_requests";
pub const GRANTS: &str = "organization_personal_access_tokens";

/// acme (octocat a member) with the private `rocket` and the public `moon`; the app
/// "Reviewer" installed on acme with both review permissions at `write`, and on
/// octocat. Returns the hub, the app, the acme installation, the octocat one.
pub async fn world() -> (FakeHub, CreatedApp, u64, u64) {
    let hub = common::hub().await;
    hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    hub.add_member("acme", "octocat").unwrap();
    for (name, private) in [("rocket", true), ("moon", false)] {
        hub.create_repo(NewRepo { owner: "acme".into(), name: name.into(), private, description: None }).unwrap();
    }
    let permissions = perms(&[(REQUESTS, "write"), (GRANTS, "write"), ("metadata", "read")]);
    let app = NewApp { owner: "acme".into(), name: "Reviewer".into(), permissions, ..Default::default() };
    let app = hub.create_app(app).unwrap();
    let on_acme = NewInstallation { app: "reviewer".into(), account: "acme".into(), ..Default::default() };
    let inst = hub.create_installation(on_acme).unwrap().id;
    let on_user = NewInstallation { app: "reviewer".into(), account: "octocat".into(), ..Default::default() };
    let user_inst = hub.create_installation(on_user).unwrap().id;
    (hub, app, inst, user_inst)
}

/// An installation token of `inst`, narrowed to `permissions` when given.
pub async fn installation_token(hub: &FakeHub, app: &CreatedApp, inst: u64, permissions: Option<Value>) -> String {
    let url = format!("{}/app/installations/{inst}/access_tokens", hub.url());
    let body = permissions.map(|p| json!({"permissions": p}));
    let resp = bearer(Method::POST, &url, &good_jwt(app), body).await;
    assert_eq!(resp.status(), 201);
    resp.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_owned()
}

/// octocat's fine-grained token for acme (`rocket` only, contents read), asking access.
pub fn member_request(hub: &FakeHub, name: &str, reason: Option<&str>) -> (String, u64) {
    let mut new = NewToken::new("octocat", TokenKind::FineGrained)
        .name(name)
        .owner("acme")
        .permission("contents", "read")
        .permission("members", "read")
        .expires_in(chrono::Duration::days(30));
    new.repository_access = Some(RepositoryAccess::Selected(vec!["acme/rocket".into()]));
    let token = hub.create_token(new).unwrap();
    let request = hub.request_org_access(&token, reason).unwrap();
    (token, request.id)
}

async fn post(url: &str, token: &str, body: Value) -> reqwest::Response {
    common::client().post(url).header("authorization", format!("token {token}")).json(&body).send().await.unwrap()
}

async fn json_of(resp: reqwest::Response, status: u16) -> Value {
    assert_eq!(resp.status(), status);
    resp.json().await.unwrap()
}

/// The names of acme's repositories `token` sees.
async fn acme_repos(hub: &FakeHub, token: &str) -> Vec<String> {
    let list = json_of(get(&format!("{}/orgs/acme/repos", hub.url()), Some(token)).await, 200).await;
    let mut names: Vec<String> = list.as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap().into()).collect();
    names.sort();
    names
}

#[tokio::test]
async fn an_approved_request_becomes_a_grant_and_a_revoked_grant_loses_the_orgs_private_repositories() {
    let (hub, app, inst, _) = world().await;
    let ghs = installation_token(&hub, &app, inst, None).await;
    let (pat, id) = member_request(&hub, "ci-deploy", Some("CI deploys rocket"));
    assert_eq!(acme_repos(&hub, &pat).await, ["moon"], "pending: public repositories only");

    let base = format!("{}/orgs/acme", hub.url());
    let list = json_of(get(&format!("{base}/personal-access-token-requests"), Some(&ghs)).await, 200).await;
    let item = &list.as_array().unwrap()[0];
    assert_eq!(item["id"], id);
    assert_eq!(item["reason"], "CI deploys rocket");
    assert_eq!(item["owner"]["login"], "octocat");
    assert_eq!(item["token_name"], "ci-deploy");
    assert_eq!(item["repository_selection"], "subset");
    assert_eq!(
        item["permissions"],
        json!({"organization": {"members": "read"}, "repository": {"contents": "read"}, "other": {}})
    );
    assert_eq!(item["token_expired"], false);
    let repos = json_of(get(item["repositories_url"].as_str().unwrap(), Some(&ghs)).await, 200).await;
    assert_eq!(repos[0]["full_name"], "acme/rocket");

    let review = format!("{base}/personal-access-token-requests/{id}");
    let approved = post(&review, &ghs, json!({"action": "approve", "reason": "ok"})).await;
    assert_eq!(approved.status(), 204);
    assert_eq!(header(&approved, "content-type"), None);
    assert_eq!(acme_repos(&hub, &pat).await, ["moon", "rocket"], "approved: the org's private repositories");
    let pending = json_of(get(&format!("{base}/personal-access-token-requests"), Some(&ghs)).await, 200).await;
    assert_eq!(pending, json!([]));

    let again = post(&review, &ghs, json!({"action": "deny"})).await;
    assert_eq!(again.status(), 422, "already reviewed");
    let unknown = post(&format!("{base}/personal-access-token-requests/1"), &ghs, json!({"action": "deny"})).await;
    assert_eq!(unknown.status(), 404);

    let grants = json_of(get(&format!("{base}/personal-access-tokens"), Some(&ghs)).await, 200).await;
    let grant = &grants.as_array().unwrap()[0];
    assert_eq!((grant["owner"]["login"].as_str(), grant["token_name"].as_str()), (Some("octocat"), Some("ci-deploy")));
    assert!(grant["token_last_used_at"].is_string(), "the token was used: {grant}");
    let pat_id = grant["id"].as_u64().unwrap();
    let revoke = format!("{base}/personal-access-tokens/{pat_id}");
    assert_eq!(post(&revoke, &ghs, json!({"action": "revoke"})).await.status(), 204);
    assert_eq!(acme_repos(&hub, &pat).await, ["moon"], "revoked: public repositories only");
    assert_eq!(json_of(get(&format!("{base}/personal-access-tokens"), Some(&ghs)).await, 200).await, json!([]));
    assert_eq!(post(&revoke, &ghs, json!({"action": "revoke"})).await.status(), 404, "nothing left to revoke");
}

#[tokio::test]
async fn a_denied_request_never_reaches_the_org_and_bulk_review_is_all_or_nothing() {
    let (hub, app, inst, _) = world().await;
    let ghs = installation_token(&hub, &app, inst, None).await;
    let (pat, a) = member_request(&hub, "a", None);
    let (_, b) = member_request(&hub, "b", None);
    let url = format!("{}/orgs/acme/personal-access-token-requests", hub.url());
    let one = post(&format!("{url}/{a}"), &ghs, json!({"action": "deny", "reason": "too broad"})).await;
    assert_eq!(one.status(), 204);
    assert_eq!(acme_repos(&hub, &pat).await, ["moon"]);

    let mixed = post(&url, &ghs, json!({"action": "approve", "pat_request_ids": [b, a]})).await;
    assert_eq!(mixed.status(), 422, "a was reviewed already: nothing done");
    assert_eq!(json_of(get(&url, Some(&ghs)).await, 200).await.as_array().unwrap().len(), 1, "b still pending");
    let bad = post(&url, &ghs, json!({"action": "maybe", "pat_request_ids": [b]})).await;
    assert_eq!(bad.status(), 422);
    let bulk = post(&url, &ghs, json!({"action": "approve", "pat_request_ids": [b]})).await;
    assert_eq!(json_of(bulk, 202).await, json!({}));
    let grants = format!("{}/orgs/acme/personal-access-tokens", hub.url());
    let list = json_of(get(&grants, Some(&ghs)).await, 200).await;
    let ids: Vec<u64> = list.as_array().unwrap().iter().map(|g| g["id"].as_u64().unwrap()).collect();
    assert_eq!(ids.len(), 1);
    assert_eq!(json_of(post(&grants, &ghs, json!({"action": "revoke", "pat_ids": ids})).await, 202).await, json!({}));
    assert_eq!(json_of(get(&grants, Some(&ghs)).await, 200).await, json!([]));
}

#[tokio::test]
async fn only_an_installation_on_the_org_with_the_permission_may_list_or_review() {
    let (hub, app, inst, user_inst) = world().await;
    let (_, id) = member_request(&hub, "a", None);
    let url = format!("{}/orgs/acme/personal-access-token-requests", hub.url());
    let read_only = installation_token(&hub, &app, inst, Some(json!({REQUESTS: "read"}))).await;
    assert_eq!(get(&url, Some(&read_only)).await.status(), 200, "read lists");
    let refused = post(&format!("{url}/{id}"), &read_only, json!({"action": "approve"})).await;
    assert_eq!(refused.status(), 403, "read does not review");
    let grants = format!("{}/orgs/acme/personal-access-tokens", hub.url());
    assert_eq!(get(&grants, Some(&read_only)).await.status(), 403, "no organization_personal_access_tokens");

    let pat = common::classic(&hub, &["admin:org"]);
    let body = json_of(get(&url, Some(&pat)).await, 403).await;
    assert_eq!(body["message"], "Resource not accessible by personal access token");
    let on_user = installation_token(&hub, &app, user_inst, None).await;
    let body = json_of(get(&url, Some(&on_user)).await, 403).await;
    assert_eq!(body["message"], "Resource not accessible by integration", "installed on octocat, not acme");
    let elsewhere = format!("{}/orgs/nope/personal-access-token-requests", hub.url());
    assert_eq!(get(&elsewhere, Some(&read_only)).await.status(), 404);
    assert_eq!(get(&url, None).await.status(), 401);
}

#[tokio::test]
async fn requests_are_paged_newest_first_with_a_link_header() {
    let (hub, app, inst, _) = world().await;
    let ghs = installation_token(&hub, &app, inst, None).await;
    let ids: Vec<u64> = (0..3).map(|i| member_request(&hub, &format!("t{i}"), None).1).collect();
    let url = format!("{}/orgs/acme/personal-access-token-requests?per_page=2", hub.url());
    let resp = get(&url, Some(&ghs)).await;
    let link = header(&resp, "link").unwrap();
    assert!(link.contains("page=2>; rel=\"next\"") && link.contains("rel=\"last\""), "{link}");
    let first = json_of(resp, 200).await;
    let got: Vec<u64> = first.as_array().unwrap().iter().map(|r| r["id"].as_u64().unwrap()).collect();
    assert_eq!(got, [ids[2], ids[1]], "newest first");
    let asc = json_of(get(&format!("{url}&direction=asc&page=2"), Some(&ghs)).await, 200).await;
    assert_eq!(asc[0]["id"], ids[2]);
}
