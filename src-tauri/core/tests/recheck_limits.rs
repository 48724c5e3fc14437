//! `recheck_all` keeps to its per-host limit and pauses a rate-limited host (sending it
//! nothing meanwhile) while other hosts go on. Two hosts on one fakehub:
//! `http://127.0.0.1:PORT/web` (API at `/`) and `http://localhost:PORT` (API at `/api/v3`).

mod client_common;

use std::time::Duration;

use client_common::{env, env_with, fast, Env, LOGIN};
use fakehub::{NewToken, NewUser, SecondaryLimit, TokenKind};
use jeton_core::i18n::Lang;
use jeton_core::model::TokenStatus;
use jeton_core::recheck::RecheckOptions;

const OTHER: &str = "hubot";

/// `n` tokens of octocat on github.com's stand-in, `m` of hubot on the GHES host; all
/// fine-grained, so that each check is one request (no SSO probe).
fn two_hosts(env: &Env, n: usize, m: usize) {
    env.hub.create_user(NewUser { login: OTHER.into(), ..Default::default() }).unwrap();
    for i in 0..n {
        let token = env.mint(NewToken::new(LOGIN, TokenKind::FineGrained));
        env.store(&format!("a{i}"), &token, &env.host().key(), None);
    }
    for i in 0..m {
        let token = env.mint(NewToken::new(OTHER, TokenKind::FineGrained));
        env.store(&format!("b{i}"), &token, &env.ghes_web(), None);
    }
}

async fn recheck(env: &Env, per_host: usize, max_pause: Duration) -> Vec<jeton_core::model::TokenView> {
    env.jeton.recheck_all(Lang::En, RecheckOptions { per_host, max_pause }, |_| {}).await.unwrap()
}

#[tokio::test]
async fn concurrency_per_host_never_exceeds_the_limit() {
    let env = env().await;
    two_hosts(&env, 9, 9);
    env.hub.set_latency(Some(Duration::from_millis(150)));
    let views = recheck(&env, 3, Duration::from_secs(5)).await;
    assert!(views.iter().all(|v| v.status == TokenStatus::Valid));
    let stats = env.hub.stats();
    assert_eq!((stats.path("/user"), stats.path("/api/v3/user")), (9, 9));
    for path in ["/user", "/api/v3/user"] {
        let max = stats.max_in_flight_at(path);
        assert!((2..=3).contains(&max), "{path}: {max} at once");
    }
    // Both hosts were asked at the same time.
    assert!((4..=6).contains(&stats.max_in_flight), "{}", stats.max_in_flight);
}

#[tokio::test]
async fn the_limit_is_clamped_between_1_and_16() {
    let env = env().await;
    two_hosts(&env, 24, 0);
    env.hub.set_latency(Some(Duration::from_millis(300)));
    recheck(&env, 100, Duration::from_secs(5)).await;
    let max = env.hub.stats().max_in_flight_at("/user");
    assert!((9..=16).contains(&max), "{max} at once");
    env.hub.reset_stats();
    env.hub.set_latency(Some(Duration::from_millis(20)));
    recheck(&env, 0, Duration::from_secs(5)).await;
    assert_eq!(env.hub.stats().max_in_flight_at("/user"), 1);
}

#[tokio::test]
async fn a_rate_limited_host_is_paused_while_the_others_go_on() {
    let mut opts = fast();
    opts.max_rate_wait = Duration::ZERO; // leave the waiting to recheck_all
    let env = env_with(opts).await;
    two_hosts(&env, 6, 10);
    env.hub.set_latency(Some(Duration::from_millis(100)));
    env.hub.set_secondary_rate_limit(LOGIN, Some(SecondaryLimit { after: 4, retry_after_secs: 2 })).unwrap();
    let views = recheck(&env, 2, Duration::from_secs(5)).await;
    assert!(views.iter().all(|v| v.status == TokenStatus::Valid), "{views:#?}");
    let stats = env.hub.stats();
    // fakehub refuses the host for 2 s after its first 429: every request sent to it
    // after that 429 was served, so none was sent while it was refusing.
    let refused_at = stats.requests_to("/user").find(|r| r.status == Some(429)).expect("a 429").ended_us.unwrap();
    let after: Vec<_> = stats.requests_to("/user").filter(|r| r.started_us > refused_at).collect();
    assert!(!after.is_empty() && after.iter().all(|r| r.status == Some(200)), "sent to a paused host: {after:?}");
    // Meanwhile the other host went on: asked between the 429 and the first request after it.
    let resumed_at = after.iter().map(|r| r.started_us).min().unwrap();
    let between = stats.requests_to("/api/v3/user").filter(|r| (refused_at..resumed_at).contains(&r.started_us));
    assert!(between.count() > 0, "the other host was paused too");
    // Only the requests already in flight met the limit; each was asked again once.
    let limited = stats.requests_to("/user").filter(|r| r.status == Some(429)).count();
    assert!((1..=2).contains(&limited), "{limited}");
    assert_eq!(stats.path("/user") as usize, 6 + limited);
    assert_eq!(stats.path("/api/v3/user"), 10);
}

#[tokio::test]
async fn a_pause_longer_than_allowed_marks_the_rest_without_asking() {
    let env = env().await;
    two_hosts(&env, 8, 4);
    env.hub.set_latency(Some(Duration::from_millis(50)));
    env.hub.set_secondary_rate_limit(LOGIN, Some(SecondaryLimit { after: 2, retry_after_secs: 60 })).unwrap();
    let views = recheck(&env, 2, Duration::from_secs(5)).await;
    let count = |prefix: &str, s| {
        views.iter().filter(|v| v.name.as_deref().unwrap().starts_with(prefix) && v.status == s).count()
    };
    assert_eq!((count("a", TokenStatus::Valid), count("a", TokenStatus::RateLimited)), (2, 6));
    assert_eq!(count("b", TokenStatus::Valid), 4);
    for v in views.iter().filter(|v| v.status == TokenStatus::RateLimited) {
        let e = v.error.as_ref().unwrap();
        assert_eq!(e.code, "rate_limited");
        assert!(e.message.contains("minute"), "{e:?}");
    }
    // Two served, at most two refused while in flight; the other four never sent.
    let sent = env.hub.stats().path("/user");
    assert!((3..=4).contains(&sent), "{sent}");
}
