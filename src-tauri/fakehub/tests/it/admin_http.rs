use fakehub::{FakeHub, FakeHubOptions, Stats};
use serde_json::{json, Value};

use crate::common::{self, get, header};

async fn admin(hub: &FakeHub, path: &str, body: Value) -> reqwest::Response {
    common::client().post(format!("{}/_admin{path}", hub.url())).json(&body).send().await.unwrap()
}

#[tokio::test]
async fn drive_everything_over_http() {
    let hub = FakeHub::start(FakeHubOptions::default()).await;
    let resp = admin(&hub, "/users", json!({"login": "octocat", "id": 1, "name": "Mona"})).await;
    assert_eq!(resp.status(), 201);
    let user: Value = resp.json().await.unwrap();
    assert_eq!(user["id"], 1);
    assert_eq!(admin(&hub, "/users", json!({"login": "octocat"})).await.status(), 409);
    let resp = admin(&hub, "/orgs", json!({"login": "acme", "sso_enforced": true})).await;
    assert_eq!(resp.status(), 201);
    assert_eq!(admin(&hub, "/orgs/acme/members", json!({"login": "octocat"})).await.status(), 204);
    assert_eq!(admin(&hub, "/orgs/acme/members", json!({"login": "ghost"})).await.status(), 404);
    let resp = admin(&hub, "/repos", json!({"owner": "octocat", "name": "hello", "private": true})).await;
    assert_eq!(resp.status(), 201);

    let resp = admin(
        &hub,
        "/tokens",
        json!({"login": "octocat", "kind": "classic", "scopes": ["repo", "public_repo"],
               "expires_at": "2031-01-02T03:04:05Z", "expiry_layout": "offset"}),
    )
    .await;
    assert_eq!(resp.status(), 201);
    let minted: Value = resp.json().await.unwrap();
    let token = minted["token"].as_str().unwrap().to_string();
    assert!(fakehub::tokens::checksum_ok(&token));
    assert_eq!(minted["kind"], "classic");

    let url = format!("{}/user", hub.url());
    let resp = get(&url, Some(&token)).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(header(&resp, "x-oauth-scopes").as_deref(), Some("repo"));
    assert_eq!(header(&resp, "github-authentication-token-expiration").as_deref(), Some("2031-01-02 05:04:05 +0200"));
    let resp = get(&format!("{}/orgs/acme", hub.url()), Some(&token)).await;
    assert_eq!(resp.status(), 403);

    let info: Value = admin(&hub, "/tokens/info", json!({"token": token})).await.json().await.unwrap();
    assert_eq!(info["scopes"], json!(["repo"]));

    // Faults and latency.
    let resp = admin(&hub, "/faults", json!({"fault": "internal_error", "count": 1})).await;
    assert_eq!(resp.status(), 204);
    assert_eq!(get(&url, Some(&token)).await.status(), 500);
    admin(&hub, "/faults", json!({"fault": "bad_gateway_html", "token": token})).await;
    assert_eq!(get(&url, Some(&token)).await.status(), 502);
    let resp = common::client().delete(format!("{}/_admin/faults", hub.url())).send().await.unwrap();
    assert_eq!(resp.status(), 204);
    assert_eq!(admin(&hub, "/latency", json!({"ms": 10})).await.status(), 204);
    assert_eq!(get(&url, Some(&token)).await.status(), 200);

    // Rate limit.
    let snap: Value = admin(&hub, "/rate-limit", json!({"login": "octocat", "limit": 1})).await.json().await.unwrap();
    assert_eq!(snap["limit"], 1);
    assert_eq!(get(&url, Some(&token)).await.status(), 200);
    assert_eq!(get(&url, Some(&token)).await.status(), 403);
    let body = json!({"login": "octocat", "limit": 100, "secondary": {"after": 0, "retry_after_secs": 30}});
    admin(&hub, "/rate-limit", body).await;
    let resp = get(&url, Some(&token)).await;
    assert_eq!(resp.status(), 429);
    assert_eq!(header(&resp, "retry-after").as_deref(), Some("30"));
    admin(&hub, "/rate-limit", json!({"login": "octocat", "secondary": null})).await;
    assert_eq!(get(&url, Some(&token)).await.status(), 200);

    // Expire, revoke.
    assert_eq!(admin(&hub, "/tokens/expire", json!({"token": token})).await.status(), 204);
    assert_eq!(get(&url, Some(&token)).await.status(), 401);
    assert_eq!(admin(&hub, "/tokens/revoke", json!({"token": "nope"})).await.status(), 404);

    // Stats count API requests only.
    let stats: Stats =
        common::client().get(format!("{}/_admin/stats", hub.url())).send().await.unwrap().json().await.unwrap();
    assert_eq!(stats.path("/user"), 9);
    assert_eq!(stats.path("/orgs/acme"), 1);
    assert_eq!(stats.token(&token), 10);
    assert!(stats.by_path.keys().all(|p| !p.starts_with("/_admin")));

    // Reset forgets everything.
    assert_eq!(admin(&hub, "/reset", json!({})).await.status(), 204);
    assert_eq!(hub.stats(), Stats::default());
    assert!(hub.token(&token).is_none());
    assert_eq!(admin(&hub, "/users", json!({"login": "octocat", "id": 1})).await.status(), 201);
    assert_eq!(admin(&hub, "/users", json!({"nope": 1})).await.status(), 400);
}

#[test]
fn start_blocking_works_without_a_runtime() {
    let hub = FakeHub::start_blocking(FakeHubOptions::default());
    hub.create_user(fakehub::NewUser { login: "octocat".into(), ..Default::default() }).unwrap();
    let token = hub.create_token(fakehub::NewToken::classic("octocat", &["repo"])).unwrap();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    let status = rt.block_on(async { get(&format!("{}/user", hub.url()), Some(&token)).await.status() });
    assert_eq!(status, 200);
    let addr = hub.addr();
    drop(hub);
    // Dropping it stops the server on its own thread: it soon refuses connections.
    let refused = || std::future::ready(std::net::TcpStream::connect(addr).is_err());
    rt.block_on(common::eventually("the dropped hub refuses connections", refused));
}
