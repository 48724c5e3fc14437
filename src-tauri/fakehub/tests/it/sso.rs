use fakehub::{FakeHub, NewOrg, NewRepo, NewToken, TokenKind};
use serde_json::Value;

use crate::common::{self, get, header};

const SSO_MESSAGE: &str = "Resource protected by organization SAML enforcement. You must grant your personal token access to this organization.";

async fn setup() -> FakeHub {
    let hub = common::hub().await;
    hub.create_org(NewOrg { login: "acme".into(), id: Some(21955855), sso_enforced: true, ..Default::default() })
        .unwrap();
    hub.create_org(NewOrg { login: "plain".into(), id: Some(20582480), ..Default::default() }).unwrap();
    hub.add_member("acme", "octocat").unwrap();
    hub.add_member("plain", "octocat").unwrap();
    for (owner, name) in [("acme", "rocket"), ("plain", "tools"), ("octocat", "mine")] {
        hub.create_repo(NewRepo { owner: owner.into(), name: name.into(), private: false, description: None }).unwrap();
    }
    hub
}

#[tokio::test]
async fn unauthorized_classic_token_gets_403_on_org_resources() {
    let hub = setup().await;
    let token = common::classic(&hub, &["repo", "read:org"]);
    for base in [hub.url(), hub.api_v3_url()] {
        for path in ["/orgs/acme", "/orgs/acme/repos"] {
            let resp = get(&format!("{base}{path}"), Some(&token)).await;
            assert_eq!(resp.status(), 403, "{path}");
            let sso = header(&resp, "x-github-sso").unwrap();
            let web = if base.ends_with("/api/v3") { hub.url() } else { hub.web_url() };
            let prefix = format!("required; url={web}/orgs/acme/sso?authorization_request=");
            assert!(sso.starts_with(&prefix), "{sso}");
            assert!(sso.len() > prefix.len());
            let body: Value = resp.json().await.unwrap();
            assert_eq!(body["message"], SSO_MESSAGE);
        }
    }
    // The org without SSO is fine.
    let resp = get(&format!("{}/orgs/plain", hub.url()), Some(&token)).await;
    assert_eq!(resp.status(), 200);
}

#[tokio::test]
async fn lists_give_partial_results() {
    let hub = setup().await;
    let token = common::classic(&hub, &["repo", "read:org"]);
    let resp = get(&format!("{}/user/orgs", hub.url()), Some(&token)).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(header(&resp, "x-github-sso").as_deref(), Some("partial-results; organizations=21955855"));
    let orgs: Vec<Value> = resp.json().await.unwrap();
    let logins: Vec<&str> = orgs.iter().map(|o| o["login"].as_str().unwrap()).collect();
    assert_eq!(logins, ["plain"]);

    let resp = get(&format!("{}/user/repos", hub.url()), Some(&token)).await;
    assert_eq!(header(&resp, "x-github-sso").as_deref(), Some("partial-results; organizations=21955855"));
    let repos: Vec<Value> = resp.json().await.unwrap();
    let names: Vec<&str> = repos.iter().map(|r| r["full_name"].as_str().unwrap()).collect();
    assert_eq!(names, ["octocat/mine", "plain/tools"]);
}

#[tokio::test]
async fn authorized_and_fine_grained_tokens_are_not_asked() {
    let hub = setup().await;
    let authorized = hub.create_token(NewToken::classic("octocat", &["repo"]).sso_authorized(&["acme"])).unwrap();
    let fine = hub.create_token(NewToken::new("octocat", TokenKind::FineGrained)).unwrap();
    for token in [authorized, fine] {
        let resp = get(&format!("{}/orgs/acme", hub.url()), Some(&token)).await;
        assert_eq!(resp.status(), 200);
        assert_eq!(header(&resp, "x-github-sso"), None);
        let resp = get(&format!("{}/user/repos", hub.url()), Some(&token)).await;
        assert_eq!(header(&resp, "x-github-sso"), None);
        let repos: Vec<Value> = resp.json().await.unwrap();
        assert_eq!(repos.len(), 3);
    }
}

#[tokio::test]
async fn non_members_see_the_public_org() {
    let hub = setup().await;
    hub.create_user(fakehub::NewUser { login: "stranger".into(), ..Default::default() }).unwrap();
    let token = hub.create_token(NewToken::classic("stranger", &["repo"])).unwrap();
    let resp = get(&format!("{}/orgs/acme", hub.url()), Some(&token)).await;
    assert_eq!(resp.status(), 200);
    let resp = get(&format!("{}/orgs/acme", hub.url()), None).await;
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["login"], "acme");
    assert!(body.get("total_private_repos").is_none());
}
