//! GitHub Apps: JWTs checked as GitHub checks them, installations, and installation
//! tokens narrowed to what was asked.

use std::collections::BTreeMap;

use aws_lc_rs::rsa::KeyPair;
use aws_lc_rs::signature::RSA_PKCS1_SHA256;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::{DateTime, Utc};
use fakehub::{CreatedApp, FakeHub, NewApp, NewInstallation, NewOrg, NewRepo};
use serde_json::{json, Value};

use crate::common::{self, get};

/// Signs a JWT with `pem` (PKCS #1), `iat` and `exp` relative to now.
pub fn jwt(pem: &str, iss: &str, iat: i64, exp: i64) -> String {
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let key = KeyPair::from_der(&STANDARD.decode(body).unwrap()).unwrap();
    let now = Utc::now().timestamp();
    let header = URL_SAFE_NO_PAD.encode(json!({"alg": "RS256", "typ": "JWT"}).to_string());
    let claims = URL_SAFE_NO_PAD.encode(json!({"iat": now + iat, "exp": now + exp, "iss": iss}).to_string());
    let signed = format!("{header}.{claims}");
    let mut sig = vec![0; key.public_modulus_len()];
    key.sign(&RSA_PKCS1_SHA256, &aws_lc_rs::rand::SystemRandom::new(), signed.as_bytes(), &mut sig).unwrap();
    format!("{signed}.{}", URL_SAFE_NO_PAD.encode(sig))
}

pub fn good_jwt(app: &CreatedApp) -> String {
    jwt(&app.private_key_pem, &app.client_id, -60, 540)
}

fn perms(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// octocat with `hello` and `secret`, org acme with `rocket` and `moon`; the app
/// `deployer` (contents write, metadata read, issues write) installed on octocat
/// (every repository) and on acme (`rocket` only, contents read, metadata read).
pub async fn world() -> (FakeHub, CreatedApp, u64, u64) {
    let hub = common::hub().await;
    hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    for (owner, name, private) in
        [("octocat", "hello", false), ("octocat", "secret", true), ("acme", "rocket", true), ("acme", "moon", false)]
    {
        hub.create_repo(NewRepo { owner: owner.into(), name: name.into(), private, description: None }).unwrap();
    }
    let app = hub
        .create_app(NewApp {
            owner: "acme".into(),
            name: "Deployer".into(),
            permissions: perms(&[("contents", "write"), ("metadata", "read"), ("issues", "write")]),
            ..Default::default()
        })
        .unwrap();
    let user = hub
        .create_installation(NewInstallation {
            app: "deployer".into(),
            account: "octocat".into(),
            ..Default::default()
        })
        .unwrap();
    let org = hub
        .create_installation(NewInstallation {
            app: "deployer".into(),
            account: "acme".into(),
            repositories: Some(vec!["rocket".into()]),
            permissions: perms(&[("contents", "read"), ("metadata", "read")]),
        })
        .unwrap();
    (hub, app, user.id, org.id)
}

pub async fn bearer(method: reqwest::Method, url: &str, jwt: &str, body: Option<Value>) -> reqwest::Response {
    let mut req = common::client().request(method, url).header("authorization", format!("Bearer {jwt}"));
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

async fn message(resp: reqwest::Response, status: u16) -> String {
    assert_eq!(resp.status(), status);
    let v: Value = resp.json().await.unwrap();
    v["message"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn the_app_sees_itself_and_its_installations_with_client_id_or_app_id() {
    let (hub, app, user_inst, org_inst) = world().await;
    let me: Value =
        bearer(reqwest::Method::GET, &format!("{}/app", hub.url()), &good_jwt(&app), None).await.json().await.unwrap();
    assert_eq!(me["name"], "Deployer");
    assert_eq!(me["client_id"], app.client_id.as_str());
    assert_eq!(me["owner"]["login"], "acme");
    let by_id = jwt(&app.private_key_pem, &app.id.to_string(), -60, 540);
    let list = bearer(reqwest::Method::GET, &format!("{}/api/v3/app/installations", hub.url()), &by_id, None).await;
    assert_eq!(list.status(), 200);
    let list: Value = list.json().await.unwrap();
    let ids: Vec<u64> = list.as_array().unwrap().iter().map(|i| i["id"].as_u64().unwrap()).collect();
    assert_eq!(ids, [user_inst, org_inst]);
    assert_eq!(list[1]["account"]["login"], "acme");
    assert_eq!(list[1]["repository_selection"], "selected");
    assert_eq!(list[1]["permissions"], json!({"contents": "read", "metadata": "read"}));
    assert!(app.private_key_pem.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"), "PKCS #1, as GitHub gives it");
}

#[tokio::test]
async fn jwts_github_would_refuse_are_refused_with_its_messages() {
    let (hub, app, _, _) = world().await;
    let other = hub.create_app(NewApp { owner: "octocat".into(), name: "Other".into(), ..Default::default() }).unwrap();
    let url = format!("{}/app", hub.url());
    let get_app = |jwt: String| {
        let url = url.clone();
        async move { bearer(reqwest::Method::GET, &url, &jwt, None).await }
    };
    let wrong_key = jwt(&other.private_key_pem, &app.client_id, -60, 540);
    assert_eq!(message(get_app(wrong_key).await, 401).await, "A JSON web token could not be decoded");
    let unknown = jwt(&app.private_key_pem, "Iv23linobody", -60, 540);
    assert_eq!(message(get_app(unknown).await, 401).await, "A JSON web token could not be decoded");
    let far = jwt(&app.private_key_pem, &app.client_id, -60, 700);
    assert_eq!(message(get_app(far).await, 401).await, "'Expiration time' claim ('exp') is too far in the future");
    let expired = jwt(&app.private_key_pem, &app.client_id, -700, -100);
    assert!(message(get_app(expired).await, 401)
        .await
        .starts_with("'Expiration time' claim ('exp') must be a numeric"));
    let future = jwt(&app.private_key_pem, &app.client_id, 120, 500);
    assert!(message(get_app(future).await, 401).await.starts_with("'Issued at' claim ('iat') must be an Integer"));
    assert_eq!(message(get_app("ghp_notajwt".into()).await, 401).await, "A JSON web token could not be decoded");
    assert_eq!(get_app(good_jwt(&app)).await.status(), 200);
}

#[tokio::test]
async fn a_hub_clock_behind_refuses_a_fresh_jwt_and_says_its_time_in_date() {
    let (hub, app, _, _) = world().await;
    hub.set_clock_offset(-3600);
    let resp = bearer(reqwest::Method::GET, &format!("{}/app", hub.url()), &good_jwt(&app), None).await;
    let date = common::header(&resp, "date").unwrap();
    let date = DateTime::parse_from_rfc2822(&date).unwrap().with_timezone(&Utc);
    assert!((Utc::now() - date).num_seconds() > 3000, "Date says the hub's time: {date}");
    assert!(message(resp, 401).await.starts_with("'Issued at' claim ('iat')"));
    hub.set_clock_offset(0);
    assert_eq!(bearer(reqwest::Method::GET, &format!("{}/app", hub.url()), &good_jwt(&app), None).await.status(), 200);
}

async fn mint(hub: &FakeHub, app: &CreatedApp, inst: u64, body: Option<Value>) -> reqwest::Response {
    let url = format!("{}/app/installations/{inst}/access_tokens", hub.url());
    bearer(reqwest::Method::POST, &url, &good_jwt(app), body).await
}

#[tokio::test]
async fn an_installation_token_lives_an_hour_and_reaches_what_was_asked() {
    let (hub, app, user_inst, org_inst) = world().await;
    let resp =
        mint(&hub, &app, user_inst, Some(json!({"repositories": ["hello"], "permissions": {"contents": "read"}})))
            .await;
    assert_eq!(resp.status(), 201);
    let v: Value = resp.json().await.unwrap();
    let token = v["token"].as_str().unwrap();
    assert!(token.starts_with("ghs_") && fakehub::tokens::checksum_ok(token));
    let expires: DateTime<Utc> = v["expires_at"].as_str().unwrap().parse().unwrap();
    let left = (expires - Utc::now()).num_minutes();
    assert!((58..=60).contains(&left), "one hour: {left} min");
    assert_eq!(v["permissions"], json!({"contents": "read"}));
    assert_eq!(v["repositories"][0]["full_name"], "octocat/hello");
    let repos: Value =
        get(&format!("{}/installation/repositories", hub.url()), Some(token)).await.json().await.unwrap();
    assert_eq!(repos["total_count"], 1);
    assert_eq!(repos["repositories"][0]["name"], "hello");
    assert_eq!(get(&format!("{}/user", hub.url()), Some(token)).await.status(), 403, "not a user");
    assert_eq!(hub.installation_of(token), Some(user_inst));

    let whole: Value = mint(&hub, &app, user_inst, None).await.json().await.unwrap();
    assert_eq!(whole["permissions"], json!({"contents": "write", "issues": "write", "metadata": "read"}));
    let t = whole["token"].as_str().unwrap();
    let repos: Value = get(&format!("{}/installation/repositories", hub.url()), Some(t)).await.json().await.unwrap();
    assert_eq!(repos["total_count"], 2, "every repository of octocat");
    let org: Value = mint(&hub, &app, org_inst, None).await.json().await.unwrap();
    let t = org["token"].as_str().unwrap();
    let repos: Value = get(&format!("{}/installation/repositories", hub.url()), Some(t)).await.json().await.unwrap();
    assert_eq!(repos["repositories"].as_array().unwrap().len(), 1, "only rocket");
}

#[tokio::test]
async fn asking_beyond_the_installation_is_refused_with_githubs_messages() {
    let (hub, app, user_inst, org_inst) = world().await;
    let cases = [
        (
            org_inst,
            json!({"permissions": {"contents": "write"}}),
            "The permissions requested are not granted to this installation.",
        ),
        (
            org_inst,
            json!({"permissions": {"issues": "read"}}),
            "The permissions requested are not granted to this installation.",
        ),
        (
            user_inst,
            json!({"permissions": {"contents": "superuser"}}),
            "The permissions requested are not granted to this installation.",
        ),
        (
            org_inst,
            json!({"repositories": ["moon"]}),
            "There is at least one repository that does not exist or is not accessible to the parent installation.",
        ),
        (
            user_inst,
            json!({"repositories": ["rocket"]}),
            "There is at least one repository that does not exist or is not accessible to the parent installation.",
        ),
        (
            user_inst,
            json!({"repositories": ["nope"]}),
            "There is at least one repository that does not exist or is not accessible to the parent installation.",
        ),
    ];
    for (inst, body, expected) in cases {
        assert_eq!(message(mint(&hub, &app, inst, Some(body.clone())).await, 422).await, expected, "{body}");
    }
    let other = hub.create_app(NewApp { owner: "octocat".into(), name: "Other".into(), ..Default::default() }).unwrap();
    assert_eq!(mint(&hub, &other, user_inst, None).await.status(), 404, "not its installation");
}
