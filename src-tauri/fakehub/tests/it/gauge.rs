//! The in-flight gauge and request log in the stats; rewrites; the not-JSON fault.

use std::time::Duration;

use fakehub::{Fault, Rewrite};
use serde_json::json;

use crate::common::{self, get, header};

#[tokio::test]
async fn the_gauge_sees_concurrent_requests_by_path_and_resets() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &[]);
    hub.set_latency(Some(Duration::from_millis(300)));
    let user = format!("{}/user", hub.url());
    let ghes = format!("{}/api/v3/user", hub.url());
    let calls = (0..3).map(|_| get(&user, Some(&token))).chain([get(&ghes, Some(&token))]);
    for resp in futures_util::future::join_all(calls).await {
        assert_eq!(resp.status(), 200);
    }
    let stats = hub.stats();
    assert_eq!(stats.max_in_flight_at("/user"), 3);
    assert_eq!(stats.max_in_flight_at("/api/v3/user"), 1);
    assert_eq!((stats.max_in_flight, stats.in_flight), (4, 0));
    assert_eq!(stats.requests.len(), 4);
    assert!(stats.requests.iter().all(|r| r.status == Some(200)), "{:?}", stats.requests);
    // The log agrees with the gauge: all four had arrived before the first was answered.
    let last_start = stats.requests.iter().map(|r| r.started_us).max().unwrap();
    let first_end = stats.requests.iter().map(|r| r.ended_us.unwrap()).min().unwrap();
    assert!(last_start < first_end, "{:?}", stats.requests);
    // One at a time, after a reset, is one at a time.
    hub.reset_stats();
    get(&user, Some(&token)).await;
    get(&user, Some(&token)).await;
    let stats = hub.stats();
    assert_eq!((stats.max_in_flight, stats.total), (1, 2));
    let log: Vec<_> = stats.requests_to("/user").collect();
    assert!(log[1].started_us >= log[0].ended_us.unwrap());
}

#[tokio::test]
async fn the_log_records_statuses_and_resets_without_an_answer() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &[]);
    let url = format!("{}/user", hub.url());
    hub.inject_fault(Fault::ConnectionReset, 1);
    assert!(common::client().get(&url).send().await.is_err());
    assert_eq!(get(&url, Some("nope")).await.status(), 401);
    assert_eq!(get(&url, Some(&token)).await.status(), 200);
    // The reset connection's end may reach the hub after the client has seen it.
    common::eventually("nothing in flight", || std::future::ready(hub.stats().in_flight == 0)).await;
    let stats = hub.stats();
    let statuses: Vec<_> = stats.requests.iter().map(|r| r.status).collect();
    assert_eq!(statuses, [None, Some(401), Some(200)]);
    assert!(stats.requests.iter().all(|r| r.ended_us.is_some()));
    assert_eq!(stats.in_flight, 0);
}

#[tokio::test]
async fn not_json_is_an_html_page_with_200() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &[]);
    hub.set_token_fault(&token, Some(Fault::NotJson));
    let resp = get(&format!("{}/user", hub.url()), Some(&token)).await;
    assert_eq!(resp.status(), 200);
    assert!(header(&resp, "content-type").unwrap().starts_with("text/html"));
    let body = resp.text().await.unwrap();
    assert!(body.starts_with("<!DOCTYPE html>") && serde_json::from_str::<serde_json::Value>(&body).is_err());
}

#[tokio::test]
async fn a_rewrite_changes_only_that_tokens_answers() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &["repo"]);
    let other = common::classic(&hub, &["repo"]);
    let url = format!("{}/user", hub.url());
    let rw = Rewrite::default()
        .status(403)
        .remove("etag")
        .header("x-oauth-scopes", "repo ,,  user")
        .header_bytes("github-authentication-token-expiration", b"2030-01-01 00:00:00 \xff");
    hub.set_token_rewrite(&token, Some(rw));
    let resp = get(&url, Some(&token)).await;
    assert_eq!(resp.status(), 403);
    assert!(header(&resp, "etag").is_none());
    assert_eq!(header(&resp, "x-oauth-scopes").as_deref(), Some("repo ,,  user"));
    let raw = resp.headers()["github-authentication-token-expiration"].as_bytes();
    assert_eq!(raw, b"2030-01-01 00:00:00 \xff");
    let resp = get(&url, Some(&other)).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(header(&resp, "x-oauth-scopes").as_deref(), Some("repo"));
    hub.set_token_rewrite(&token, None);
    assert_eq!(get(&url, Some(&token)).await.status(), 200);
}

#[tokio::test]
async fn rewrites_over_http() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &["repo"]);
    let url = format!("{}/user", hub.url());
    let admin = format!("{}/_admin/rewrite", hub.url());
    let body = json!({"token": token, "status": 502, "set": {"x-github-sso": "weird; thing=1"}});
    let resp = common::client().post(&admin).json(&body).send().await.unwrap();
    assert_eq!(resp.status(), 204);
    let resp = get(&url, Some(&token)).await;
    assert_eq!(resp.status(), 502);
    assert_eq!(header(&resp, "x-github-sso").as_deref(), Some("weird; thing=1"));
    let resp = common::client().post(&admin).json(&json!({"token": token})).send().await.unwrap();
    assert_eq!(resp.status(), 204);
    assert_eq!(get(&url, Some(&token)).await.status(), 200);
    // Clearing the faults clears rewrites too.
    hub.set_token_rewrite(&token, Some(Rewrite::default().status(500)));
    hub.clear_faults();
    assert_eq!(get(&url, Some(&token)).await.status(), 200);
}
