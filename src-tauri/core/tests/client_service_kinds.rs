//! How the service checks each kind (through `GitHubClient::check_token`): installation
//! tokens with `GET /rate_limit`, refresh tokens never sent; and a large `recheck_all`
//! recording every answer in batches (`Vault::update_many`; the gain is measured by
//! `jeton-bench-recheck`).

mod client_common;

use chrono::Duration;
use client_common::{code, env, LOGIN};
use fakehub::{NewToken, TokenKind};
use jeton_core::i18n::Lang;
use jeton_core::model::TokenStatus;
use jeton_core::recheck::RecheckOptions;

#[tokio::test]
async fn refresh_tokens_are_unknown_and_never_sent() {
    let env = env().await;
    let token = env.mint(NewToken::new(LOGIN, TokenKind::AppRefresh));
    let out = env.jeton.check(&token, None, false, Lang::En).await;
    assert!(!out.ok);
    assert_eq!((out.view.status, code(&out.view), out.view.well_formed), (TokenStatus::Unknown, "not_checkable", true));
    assert!(out.view.error.unwrap().message.contains("ghr_"));
    let added = env.jeton.add("refresh", None, &token, Lang::En).await.unwrap();
    assert_eq!((added.status, added.login.as_deref()), (TokenStatus::Unknown, None));
    assert_eq!(code(&added), "not_checkable");
    let v = env.recheck("refresh").await;
    assert_eq!((v.status, code(&v)), (TokenStatus::Unknown, "not_checkable"));
    let views = env.jeton.recheck_all(Lang::En, RecheckOptions::default(), |_| {}).await.unwrap();
    assert_eq!((views[0].status, code(&views[0])), (TokenStatus::Unknown, "not_checkable"));
    assert_eq!(env.hub.stats().total, 0, "a refresh token was sent to GitHub");
}

#[tokio::test]
async fn installation_tokens_are_checked_with_rate_limit() {
    let env = env().await;
    let token = env.mint(NewToken::new(LOGIN, TokenKind::AppInstallation).expires_in(Duration::minutes(50)));
    let out = env.jeton.check(&token, None, false, Lang::En).await;
    assert!(out.ok, "{:?}", out.view);
    // Short-lived by design: valid, not "expiring", until its hour is over (status.rs).
    assert_eq!((out.view.status, out.view.login.as_deref()), (TokenStatus::Valid, None));
    assert!(out.view.expires_at.is_some());
    env.jeton.add("app", None, &token, Lang::En).await.unwrap();
    let views = env.jeton.recheck_all(Lang::En, RecheckOptions::default(), |_| {}).await.unwrap();
    assert_eq!(views[0].status, TokenStatus::Valid);
    // Ended early (the stored expiry is still ahead): GitHub's 401 makes it invalid.
    env.hub.revoke_token(&token).unwrap();
    assert_eq!(env.recheck("app").await.status, TokenStatus::Invalid);
    assert_eq!((env.requests("/user"), env.requests("/rate_limit")), (0, 4));
}

#[tokio::test]
async fn a_large_recheck_records_every_answer() {
    let env = env().await;
    for i in 0..40 {
        env.store(&format!("t{i}"), &env.mint(NewToken::new(LOGIN, TokenKind::FineGrained)), &env.host().key(), None);
    }
    let views = env.jeton.recheck_all(Lang::En, RecheckOptions { per_host: 16, ..Default::default() }, |_| {}).await;
    assert!(views.unwrap().iter().all(|v| v.status == TokenStatus::Valid));
    let stored = env.jeton.vault.list().unwrap();
    assert_eq!(stored.len(), 40);
    assert!(stored.iter().all(|r| r.last_check.as_ref().is_some_and(|c| c.status == TokenStatus::Valid)));
}
