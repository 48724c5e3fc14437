use fakehub::{NewToken, TokenKind};
use serde_json::{json, Value};

use crate::common::{self, get, header};

async fn post(url: &str, body: &str, token: Option<&str>) -> reqwest::Response {
    let mut req = common::client().post(url).header("content-type", "application/json").body(body.to_string());
    if let Some(t) = token {
        req = req.header("authorization", format!("token {t}"));
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn revokes_known_tokens_unauthenticated() {
    let hub = common::hub().await;
    let classic = common::classic(&hub, &["repo"]);
    let fine = hub.create_token(NewToken::new("octocat", TokenKind::FineGrained)).unwrap();
    let keep = common::classic(&hub, &[]);
    for base in [hub.url(), hub.api_v3_url()] {
        let body = json!({"credentials": [classic, fine, "ghp_unknownunknownunknownunknown000000"]});
        let resp = post(&format!("{base}/credentials/revoke"), &body.to_string(), None).await;
        assert_eq!(resp.status(), 202);
        assert_eq!(header(&resp, "content-type").as_deref(), Some("application/json; charset=utf-8"));
        let v: Value = resp.json().await.unwrap();
        assert_eq!(v, json!({}));
    }
    let url = format!("{}/user", hub.url());
    assert_eq!(get(&url, Some(&classic)).await.status(), 401);
    assert_eq!(get(&url, Some(&fine)).await.status(), 401);
    assert_eq!(get(&url, Some(&keep)).await.status(), 200);
    assert!(hub.token(&classic).unwrap().revoked);
}

#[tokio::test]
async fn authenticated_calls_are_refused() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &[]);
    let body = json!({"credentials": [token]}).to_string();
    let resp = post(&format!("{}/credentials/revoke", hub.url()), &body, Some(&token)).await;
    assert_eq!(resp.status(), 403);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["status"], "403");
    assert_eq!(get(&format!("{}/user", hub.url()), Some(&token)).await.status(), 200);
}

#[tokio::test]
async fn invalid_bodies_are_422() {
    let hub = common::hub().await;
    let url = format!("{}/credentials/revoke", hub.url());
    let too_many: Vec<String> = (0..1001).map(|i| format!("ghp_{i}")).collect();
    let bodies = [
        "not json".to_string(),
        "{}".to_string(),
        json!({"credentials": "ghp_x"}).to_string(),
        json!({"credentials": []}).to_string(),
        json!({"credentials": [1, 2]}).to_string(),
        json!({"credentials": too_many}).to_string(),
    ];
    for body in bodies {
        let resp = post(&url, &body, None).await;
        assert_eq!(resp.status(), 422, "{body}");
        let v: Value = resp.json().await.unwrap();
        assert!(v["message"].as_str().is_some());
        assert!(v["documentation_url"].as_str().is_some());
    }
    let thousand: Vec<String> = (0..1000).map(|i| format!("ghp_{i}")).collect();
    let resp = post(&url, &json!({"credentials": thousand}).to_string(), None).await;
    assert_eq!(resp.status(), 202);
}

#[tokio::test]
async fn sixty_requests_an_hour_then_403_with_the_reset() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &[]);
    let url = format!("{}/credentials/revoke", hub.url());
    let body = json!({"credentials": ["ghp_unknownunknownunknownunknown000000"]}).to_string();
    for i in 0..60 {
        let resp = post(&url, &body, None).await;
        assert_eq!(resp.status(), 202, "request {}", i + 1);
        assert_eq!(header(&resp, "x-ratelimit-limit").as_deref(), Some("60"));
        assert_eq!(header(&resp, "x-ratelimit-remaining"), Some((59 - i).to_string()));
    }
    let resp = post(&url, &json!({"credentials": [token]}).to_string(), None).await;
    assert_eq!(resp.status(), 403);
    assert_eq!(header(&resp, "x-ratelimit-remaining").as_deref(), Some("0"));
    let reset: i64 = header(&resp, "x-ratelimit-reset").unwrap().parse().unwrap();
    assert!(reset > chrono::Utc::now().timestamp());
    let v: Value = resp.json().await.unwrap();
    assert!(v["message"].as_str().unwrap().contains("rate limit exceeded"), "{v}");
    // The token was not revoked, and the rest of the API is not limited by it.
    assert_eq!(get(&format!("{}/user", hub.url()), Some(&token)).await.status(), 200);
    assert_eq!(get(&format!("{}/rate_limit", hub.url()), None).await.status(), 200);
}

#[tokio::test]
async fn the_revoke_limit_is_its_own_and_set_by_the_options() {
    let opts = fakehub::FakeHubOptions { revoke_rate_limit: 1, anonymous_rate_limit: 5000, ..Default::default() };
    let hub = common::hub_with(opts).await;
    let url = format!("{}/credentials/revoke", hub.url());
    let body = json!({"credentials": ["ghp_x"]}).to_string();
    let first = post(&url, &body, None).await;
    assert_eq!(first.status(), 202);
    assert_eq!(header(&first, "x-ratelimit-limit").as_deref(), Some("1"));
    assert_eq!(post(&url, &body, None).await.status(), 403);
    // Other unauthenticated requests still answer.
    assert_eq!(get(&format!("{}/orgs/nope", hub.url()), None).await.status(), 404);
}
