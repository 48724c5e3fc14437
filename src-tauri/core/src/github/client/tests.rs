use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::StatusCode;

use super::transport::{backoff, rate_limited, status_detail};
use super::*;

fn map(pairs: &[(&'static str, &[u8])]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (k, v) in pairs {
        h.insert(*k, HeaderValue::from_bytes(v).unwrap());
    }
    h
}

#[test]
fn backoff_grows_with_jitter_inside_its_window() {
    let base = Duration::from_millis(100);
    for _ in 0..200 {
        let first = backoff(base, 1);
        assert!(first >= base / 2 && first < base, "{first:?}");
        let second = backoff(base, 2);
        assert!(second >= base && second < base * 2, "{second:?}");
    }
    let waits: std::collections::HashSet<_> = (0..20).map(|_| backoff(base, 1)).collect();
    assert!(waits.len() > 1, "no jitter");
    assert_eq!(backoff(Duration::ZERO, 3), Duration::ZERO);
    assert!(backoff(Duration::MAX, 40) > Duration::ZERO); // no overflow
}

#[test]
fn rate_limits_are_recognized_with_their_wait() {
    let none: &[u8] = b"";
    let secs = |s: u64| Some(Some(Duration::from_secs(s)));
    // 429 with retry-after (secondary limit).
    assert_eq!(rate_limited(StatusCode::TOO_MANY_REQUESTS, &map(&[("retry-after", b"30")]), none), secs(30));
    // 403 with the window used up: until x-ratelimit-reset.
    let reset = (Utc::now().timestamp() + 120).to_string();
    let h = map(&[("x-ratelimit-remaining", b"0"), ("x-ratelimit-reset", reset.as_bytes())]);
    let wait = rate_limited(StatusCode::FORBIDDEN, &h, none).unwrap().unwrap();
    assert!(wait > Duration::from_secs(110) && wait <= Duration::from_secs(120), "{wait:?}");
    // A reset in the past: no wait.
    let h = map(&[("x-ratelimit-remaining", b"0"), ("x-ratelimit-reset", b"1000")]);
    assert_eq!(rate_limited(StatusCode::FORBIDDEN, &h, none), Some(Some(Duration::ZERO)));
    // retry-after wins over the reset; a reset while requests remain is no wait.
    let h = map(&[("retry-after", b"5"), ("x-ratelimit-remaining", b"0"), ("x-ratelimit-reset", reset.as_bytes())]);
    assert_eq!(rate_limited(StatusCode::FORBIDDEN, &h, none), secs(5));
    let h = map(&[("x-ratelimit-remaining", b"10"), ("x-ratelimit-reset", reset.as_bytes())]);
    assert_eq!(rate_limited(StatusCode::TOO_MANY_REQUESTS, &h, none), Some(None));
    // A secondary limit known only by its message.
    let body = br#"{"message":"You have exceeded a secondary rate limit. Please wait."}"#;
    assert_eq!(rate_limited(StatusCode::FORBIDDEN, &HeaderMap::new(), body), Some(None));
    // Other 403s are not rate limits: SSO, integrations, bad retry-after.
    let sso = map(&[("x-github-sso", b"required; url=https://github.com/orgs/a/sso"), ("retry-after", b"1")]);
    assert_eq!(rate_limited(StatusCode::FORBIDDEN, &sso, none), None);
    let body = br#"{"message":"Resource not accessible by integration"}"#;
    assert_eq!(rate_limited(StatusCode::FORBIDDEN, &HeaderMap::new(), body), None);
    assert_eq!(rate_limited(StatusCode::FORBIDDEN, &map(&[("retry-after", b"soon")]), none), None);
    assert_eq!(rate_limited(StatusCode::OK, &map(&[("x-ratelimit-remaining", b"0")]), none), None);
}

#[test]
fn headers_that_are_not_text_read_as_unparsable_not_absent() {
    let h = map(&[("github-authentication-token-expiration", b"2030-01-01 00:00:00 \xff")]);
    assert_eq!(expiry(&h), (None, true));
    let h = map(&[("github-authentication-token-expiration", b"2030-01-01  00:00:00   +0200")]);
    let (at, unparsable) = expiry(&h);
    assert_eq!(at.unwrap().to_rfc3339(), "2029-12-31T22:00:00+00:00");
    assert!(!unparsable);
    assert_eq!(expiry(&HeaderMap::new()), (None, false));
}

#[test]
fn details_carry_githubs_message_cleaned_up() {
    let body = br#"{"message":"Resource not accessible\nby integration"}"#;
    assert_eq!(
        status_detail(StatusCode::FORBIDDEN, Some(body)),
        "HTTP 403 Forbidden: Resource not accessible by integration"
    );
    assert_eq!(status_detail(StatusCode::BAD_GATEWAY, Some(b"<html>")), "HTTP 502 Bad Gateway");
    let long = format!(r#"{{"message":"{}"}}"#, "x".repeat(5000));
    assert_eq!(github_message(long.as_bytes()).unwrap().len(), 200);
    assert_eq!(github_message(br#"{"message":"  "}"#), None);
    assert_eq!(github_message(br#"{"message":3}"#), None);
}

#[test]
fn logins_are_checked() {
    assert!(plausible_login("octocat") && plausible_login("jane-doe_corp") && plausible_login("a"));
    assert!(!plausible_login("") && !plausible_login("a b") && !plausible_login("<script>"));
    assert!(!plausible_login(&"a".repeat(101)));
}

#[test]
fn options_default_to_the_documented_limits() {
    let o = ClientOptions::default();
    assert_eq!((o.connect_timeout, o.total_timeout), (Duration::from_secs(5), Duration::from_secs(20)));
    assert_eq!(MAX_ATTEMPTS, 3);
    let c = GitHubClient::new().unwrap().with_retry_base(Duration::from_millis(1));
    assert_eq!(c.options().retry_base, Duration::from_millis(1));
    assert!(USER_AGENT.starts_with("Jeton/") && USER_AGENT.ends_with(env!("CARGO_PKG_VERSION")));
}

#[test]
fn an_answer_other_than_200_or_304_drops_the_kept_one() {
    let client = GitHubClient::new().unwrap();
    let host = crate::config::Host {
        web: "https://github.com".parse().unwrap(),
        api: "https://api.github.com".parse().unwrap(),
    };
    let key = client.cache.key("https://api.github.com/user", &crate::Secret::new("ghp_x"));
    let mut h = HeaderMap::new();
    h.insert("etag", HeaderValue::from_static("W/\"1\""));
    client.finish(&host, Some(&key), None, StatusCode::OK, h, b"{}".to_vec()).unwrap();
    assert_eq!(client.cache.len(), 1);
    // A 200 without an ETag replaces nothing with nothing: the old one goes.
    client.finish(&host, Some(&key), None, StatusCode::OK, HeaderMap::new(), b"{}".to_vec()).unwrap();
    assert_eq!(client.cache.len(), 0);
    let mut h = HeaderMap::new();
    h.insert("etag", HeaderValue::from_static("W/\"1\""));
    client.finish(&host, Some(&key), None, StatusCode::OK, h, b"{}".to_vec()).unwrap();
    let a = client.finish(&host, Some(&key), None, StatusCode::UNAUTHORIZED, HeaderMap::new(), vec![]).unwrap();
    assert_eq!((a.status, client.cache.len()), (StatusCode::UNAUTHORIZED, 0));
    // A 304 with nothing kept is not an answer.
    let e = client.finish(&host, Some(&key), None, StatusCode::NOT_MODIFIED, HeaderMap::new(), vec![]);
    assert_eq!(e.err().map(|e| e.code()), Some("bad_response"));
}

#[test]
fn the_authorization_header_is_sensitive_and_never_in_debug_output() {
    let client = GitHubClient::new().unwrap();
    let url = |u: &str| url::Url::parse(u).unwrap();
    let host = Host { web: url("https://ghe.example.com"), api: url("https://ghe.example.com/api/v3") };
    let secret = Secret::new("ghp_sensitiveheadervalue000000000000000");
    let req = client
        .request(&host, &host.api_url("user"), Duration::from_secs(1), Some(&secret), None, false)
        .unwrap()
        .build()
        .unwrap();
    let auth = req.headers().get(reqwest::header::AUTHORIZATION).expect("an Authorization header");
    assert!(auth.is_sensitive());
    let shown = format!("{req:?} {:?}", req.headers());
    assert!(!shown.contains("sensitiveheadervalue"), "{shown}");
}
