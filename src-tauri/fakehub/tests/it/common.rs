use std::future::Future;
use std::time::{Duration, Instant};

use fakehub::{FakeHub, FakeHubOptions, NewToken, NewUser};
use reqwest::{Client, Response};

pub const BAD_CREDENTIALS: &str =
    r#"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest","status":"401"}"#;

/// A hub with the user `octocat` (id 1).
pub async fn hub() -> FakeHub {
    hub_with(FakeHubOptions::default()).await
}

pub async fn hub_with(opts: FakeHubOptions) -> FakeHub {
    let hub = FakeHub::start(opts).await;
    hub.create_user(NewUser {
        login: "octocat".into(),
        id: Some(1),
        name: Some("The Octocat".into()),
        ..Default::default()
    })
    .unwrap();
    hub
}

pub fn classic(hub: &FakeHub, scopes: &[&str]) -> String {
    hub.create_token(NewToken::classic("octocat", scopes)).unwrap()
}

pub fn client() -> Client {
    Client::builder().timeout(Duration::from_secs(20)).build().unwrap()
}

pub async fn get(url: &str, token: Option<&str>) -> Response {
    let mut req = client().get(url);
    if let Some(t) = token {
        req = req.header("authorization", format!("token {t}"));
    }
    req.send().await.unwrap()
}

pub fn header(resp: &Response, name: &str) -> Option<String> {
    resp.headers().get(name).map(|v| v.to_str().unwrap().to_string())
}

/// The headers every authenticated API response has.
pub fn assert_api_headers(resp: &Response) {
    assert_eq!(header(resp, "content-type").as_deref(), Some("application/json; charset=utf-8"));
    assert_eq!(header(resp, "x-github-media-type").as_deref(), Some("github.v3; format=json"));
    assert!(header(resp, "x-github-request-id").is_some());
    for h in ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-used", "x-ratelimit-reset"] {
        let v = header(resp, h).unwrap_or_else(|| panic!("missing {h}"));
        v.parse::<i64>().unwrap_or_else(|_| panic!("{h} not a number: {v}"));
    }
    assert_eq!(header(resp, "x-ratelimit-resource").as_deref(), Some("core"));
}

/// Polls `done` until it holds, failing after 10 s: for what the hub finishes after
/// its client has moved on (a connection's end, a refusal running out).
pub async fn eventually<F: Future<Output = bool>>(what: &str, mut done: impl FnMut() -> F) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done().await {
        assert!(Instant::now() < deadline, "still not true after 10 s: {what}");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}
