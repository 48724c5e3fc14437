use std::time::Duration;

use fakehub::Fault;
use serde_json::Value;

use crate::common::{self, get, header};

#[tokio::test]
async fn next_requests_fail_with_500_then_recover() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &[]);
    let url = format!("{}/user", hub.url());
    hub.inject_fault(Fault::InternalError, 2);
    for _ in 0..2 {
        let resp = get(&url, Some(&token)).await;
        assert_eq!(resp.status(), 500);
        assert_eq!(header(&resp, "content-type").as_deref(), Some("application/json; charset=utf-8"));
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["status"], "500");
    }
    assert_eq!(get(&url, Some(&token)).await.status(), 200);
    let stats = hub.stats();
    assert_eq!(stats.path("/user"), 3);
    assert_eq!(stats.token(&token), 3);
    assert_eq!(stats.total, 3);
}

#[tokio::test]
async fn bad_gateway_has_an_html_body() {
    let hub = common::hub().await;
    hub.inject_fault(Fault::BadGatewayHtml, 1);
    let resp = get(&format!("{}/rate_limit", hub.url()), None).await;
    assert_eq!(resp.status(), 502);
    assert!(header(&resp, "content-type").unwrap().starts_with("text/html"));
    assert!(resp.text().await.unwrap().contains("<html>"));
}

#[tokio::test]
async fn truncated_json_fails_to_decode() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &[]);
    hub.set_token_fault(&token, Some(Fault::TruncatedJson));
    let resp = get(&format!("{}/user", hub.url()), Some(&token)).await;
    assert_eq!(resp.status(), 200);
    let err = resp.json::<Value>().await.unwrap_err();
    assert!(err.is_decode(), "{err:?}");
    hub.set_token_fault(&token, None);
    assert_eq!(get(&format!("{}/user", hub.url()), Some(&token)).await.status(), 200);
}

#[tokio::test]
async fn connection_reset_is_a_connection_error() {
    let hub = common::hub().await;
    hub.inject_fault(Fault::ConnectionReset, 1);
    let err = common::client().get(format!("{}/user", hub.url())).send().await.unwrap_err();
    assert!(!err.is_timeout() && err.status().is_none(), "{err:?}");
    assert!(err.is_request() || err.is_connect(), "{err:?}");
    // The server itself is fine afterwards.
    assert_eq!(get(&format!("{}/user", hub.url()), None).await.status(), 401);
}

#[tokio::test]
async fn never_ending_body_times_the_client_out() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &[]);
    hub.set_token_fault(&token, Some(Fault::NeverEndingBody));
    let resp = common::client()
        .get(format!("{}/user", hub.url()))
        .header("authorization", format!("token {token}"))
        .timeout(Duration::from_millis(500))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let err = resp.text().await.unwrap_err();
    assert!(err.is_timeout(), "{err:?}");
}

/// Long enough that a request held this long is still held when one sent after it,
/// and not held, has its answer.
const HELD: Duration = Duration::from_secs(2);

/// Sends a request with `token` and waits until the hub has it (counted in flight).
async fn held(hub: &fakehub::FakeHub, url: &str, token: &str) -> tokio::task::JoinHandle<u16> {
    let before = hub.stats().total;
    let (url, token) = (url.to_string(), token.to_string());
    let call = tokio::spawn(async move { get(&url, Some(&token)).await.status().as_u16() });
    common::eventually("the request reached the hub", || std::future::ready(hub.stats().total > before)).await;
    call
}

/// The requests the hub has not answered yet.
fn unanswered(hub: &fakehub::FakeHub) -> usize {
    hub.stats().requests.iter().filter(|r| r.ended_us.is_none()).count()
}

#[tokio::test]
async fn latency_applies_globally_and_per_token() {
    let hub = common::hub().await;
    let slow = common::classic(&hub, &[]);
    let fast = common::classic(&hub, &[]);
    let url = format!("{}/user", hub.url());
    // A token's latency holds that token's requests only.
    hub.set_token_latency(&slow, Some(HELD));
    let slow_call = held(&hub, &url, &slow).await;
    assert_eq!(get(&url, Some(&fast)).await.status(), 200);
    assert_eq!(unanswered(&hub), 1, "the slow token's request, sent first, is still held");
    // The global latency holds every token's.
    hub.set_latency(Some(HELD));
    let fast_call = held(&hub, &url, &fast).await;
    // Clearing the faults ends both latencies for the requests that follow.
    hub.clear_faults();
    assert_eq!(get(&url, Some(&slow)).await.status(), 200);
    assert_eq!(unanswered(&hub), 2, "the requests sent before the clearing are still held");
    assert_eq!((slow_call.await.unwrap(), fast_call.await.unwrap()), (200, 200));
    let statuses: Vec<_> = hub.stats().requests.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [Some(200); 4]);
}
