//! Conditional requests (ETag cache keyed by URL and token fingerprint; a 304 reuses
//! the kept answer and costs no rate limit) and rate limits waited out inside a call.

mod client_common;

use std::time::Duration;

use client_common::{env, env_with, fast, LOGIN};
use fakehub::{NewRepo, NewToken, Rewrite, SecondaryLimit};
use jeton_core::github::client::ClientOptions;
use jeton_core::{Error, Secret};

#[tokio::test]
async fn a_repeated_get_user_is_revalidated_and_free() {
    let env = env().await;
    let token = Secret::new(env.mint(NewToken::classic(LOGIN, &["repo"]).expires_in(chrono::Duration::days(9))));
    let first = env.client().get_user(&env.host(), &token).await.unwrap();
    let second = env.client().get_user(&env.host(), &token).await.unwrap();
    let third = env.client().clone().get_user(&env.host(), &token).await.unwrap();
    for again in [&second, &third] {
        assert_eq!((&again.login, again.id, &again.scopes), (&first.login, first.id, &first.scopes));
        assert_eq!((again.expires_at, &again.name), (first.expires_at, &first.name));
    }
    assert_eq!(env.statuses("/user"), [Some(200), Some(304), Some(304)]);
    assert_eq!(env.hub.rate_limit(LOGIN).unwrap().used, 1);
    // The rate-limit headers are those of the 304, not the kept ones.
    assert_eq!(third.rate.remaining, first.rate.remaining);
    assert_eq!(third.rate.used, Some(1));
}

#[tokio::test]
async fn the_cache_is_per_token_and_per_host() {
    let env = env().await;
    let a = Secret::new(env.classic(&["repo"]));
    let b = Secret::new(env.classic(&["repo"]));
    env.client().get_user(&env.host(), &a).await.unwrap();
    env.client().get_user(&env.host(), &b).await.unwrap();
    env.client().get_user(&env.ghes(), &a).await.unwrap();
    env.client().get_user(&env.host(), &a).await.unwrap();
    assert_eq!(env.statuses("/user"), [Some(200), Some(200), Some(304)]);
    assert_eq!(env.statuses("/api/v3/user"), [Some(200)]);
}

#[tokio::test]
async fn changed_data_is_fetched_again() {
    let env = env().await;
    let token = Secret::new(env.classic(&["repo"]));
    env.client().get_user(&env.host(), &token).await.unwrap();
    env.hub.create_repo(NewRepo { owner: LOGIN.into(), name: "new".into(), ..Default::default() }).unwrap();
    env.client().get_user(&env.host(), &token).await.unwrap();
    env.client().get_user(&env.host(), &token).await.unwrap();
    assert_eq!(env.statuses("/user"), [Some(200), Some(200), Some(304)]);
}

#[tokio::test]
async fn a_revoked_token_is_not_answered_from_the_cache() {
    let env = env().await;
    let raw = env.classic(&["repo"]);
    let token = Secret::new(&raw);
    env.client().get_user(&env.host(), &token).await.unwrap();
    env.hub.revoke_token(&raw).unwrap();
    assert_eq!(env.client().get_user(&env.host(), &token).await.unwrap_err(), Error::TokenInvalid);
    assert_eq!(env.client().get_user(&env.host(), &token).await.unwrap_err(), Error::TokenInvalid);
    assert_eq!(env.statuses("/user"), [Some(200), Some(401), Some(401)]);
}

#[tokio::test]
async fn new_headers_on_a_304_win_over_the_kept_ones() {
    let env = env().await;
    let raw = env.classic(&["repo"]);
    let token = Secret::new(&raw);
    env.client().get_user(&env.host(), &token).await.unwrap();
    env.hub.set_token_rewrite(&raw, Some(Rewrite::default().header("x-oauth-scopes", "repo, gist")));
    let user = env.client().get_user(&env.host(), &token).await.unwrap();
    assert_eq!(env.statuses("/user"), [Some(200), Some(304)]);
    assert_eq!(user.scopes.unwrap(), ["repo", "gist"]);
}

#[tokio::test]
async fn a_short_retry_after_is_waited_out_inside_the_call() {
    let env = env().await;
    let token = Secret::new(env.classic(&["repo"]));
    env.hub.set_secondary_rate_limit(LOGIN, Some(SecondaryLimit { after: 1, retry_after_secs: 1 })).unwrap();
    env.client().get_user(&env.host(), &token).await.unwrap();
    let user = env.client().get_user(&env.host(), &token).await.unwrap();
    assert_eq!(user.login, LOGIN);
    // fakehub refuses everything until the second has passed: had the client asked
    // again sooner, the second answer would be another 429 and the call an error.
    assert_eq!(env.statuses("/user"), [Some(200), Some(429), Some(304)]);
}

#[tokio::test]
async fn a_retry_after_longer_than_the_wait_allowed_is_returned() {
    let env = env().await;
    let token = Secret::new(env.classic(&["repo"]));
    env.hub.set_secondary_rate_limit(LOGIN, Some(SecondaryLimit { after: 0, retry_after_secs: 2 })).unwrap();
    let e = env.client().get_user(&env.host(), &token).await.unwrap_err();
    assert_eq!(e, Error::RateLimited { retry_after_secs: Some(2) });
    // Returned as it came: not waited out, not asked again.
    assert_eq!(env.statuses("/user"), [Some(429)]);
}

#[tokio::test]
async fn a_near_ratelimit_reset_is_waited_out_once() {
    let env = env_with(ClientOptions { max_rate_wait: Duration::from_secs(3), ..fast() }).await;
    let raw = env.classic(&["repo"]);
    env.hub.set_rate_limit(LOGIN, 0).unwrap();
    // The window resets one to two seconds from now (within the wait allowed).
    let reset = chrono::Utc::now().timestamp() + 2;
    env.hub.set_token_rewrite(&raw, Some(Rewrite::default().header("x-ratelimit-reset", &reset.to_string())));
    let e = env.client().get_user(&env.host(), &Secret::new(&raw)).await.unwrap_err();
    // It asked once more, after the reset: the second answer's reset is already past
    // (nothing left to wait), where one sent at once would still say a second or two.
    assert_eq!(e, Error::RateLimited { retry_after_secs: Some(0) });
    assert_eq!(env.statuses("/user"), [Some(403), Some(403)]);
}
