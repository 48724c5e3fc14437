//! One test per status a check can give: valid, expiring, expired (by the stored
//! date), invalid (revoked), SSO required, unreachable, rate limited.

mod client_common;

use chrono::{Duration, Utc};
use client_common::{assert_explained, code, dead_port, env, LOGIN};
use fakehub::{NewToken, SecondaryLimit};
use jeton_core::model::TokenStatus;

#[tokio::test]
async fn valid() {
    let env = env().await;
    let token = env.classic(&["repo", "user"]);
    let v = env.check(&token, None).await;
    assert_eq!(v.status, TokenStatus::Valid);
    assert_eq!(v.login.as_deref(), Some(LOGIN));
    assert_eq!(v.scopes.unwrap(), ["repo", "user"]);
    assert!(v.error.is_none() && v.expires_at.is_none());
}

#[tokio::test]
async fn expiring() {
    let env = env().await;
    let token = env.mint(NewToken::classic(LOGIN, &["repo"]).expires_in(Duration::days(3)));
    // Three days from now, at this hour: three calendar days away (docs/architecture.md).
    let v = env.check(&token, None).await;
    assert_eq!((v.status, v.days_left), (TokenStatus::Expiring, Some(3)));
    env.store("soon", &token, &env.host().key(), None);
    let v = env.recheck("soon").await;
    assert_eq!((v.status, v.days_left), (TokenStatus::Expiring, Some(3)));
}

#[tokio::test]
async fn expired_by_date() {
    let env = env().await;
    let token = env.mint(NewToken::classic(LOGIN, &["repo"]).expires_in(Duration::days(10)));
    env.store("old", &token, &env.host().key(), Some(Utc::now() - Duration::hours(2)));
    env.hub.expire_token(&token).unwrap();
    // GitHub answers an expired token as a wrong one; the stored date tells them apart.
    let v = env.recheck("old").await;
    assert_eq!((v.status, code(&v)), (TokenStatus::Expired, "token_invalid"));
    assert_explained(&v);
    assert_eq!(env.requests("/user"), 1);
}

#[tokio::test]
async fn invalid_when_revoked() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    env.store("gone", &token, &env.host().key(), Some(Utc::now() + Duration::days(30)));
    env.hub.revoke_token(&token).unwrap();
    let v = env.recheck("gone").await;
    assert_eq!((v.status, code(&v)), (TokenStatus::Invalid, "token_invalid"));
    assert_explained(&v);
    let v = env.check(&token, None).await;
    assert_eq!(v.status, TokenStatus::Invalid);
}

#[tokio::test]
async fn sso_required() {
    let env = env().await;
    env.hub.create_org(fakehub::NewOrg { login: "acme".into(), sso_enforced: true, ..Default::default() }).unwrap();
    env.hub.add_member("acme", LOGIN).unwrap();
    let token = env.classic(&["repo"]);
    let v = env.check(&token, None).await;
    assert_eq!(v.status, TokenStatus::SsoRequired);
    assert!(v.sso_url.unwrap().ends_with("/settings/tokens"));
}

#[tokio::test]
async fn unreachable() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    let web = format!("http://127.0.0.1:{}", dead_port());
    env.store("far", &token, &web, None);
    let v = env.recheck("far").await;
    assert_eq!((v.status, code(&v)), (TokenStatus::Unreachable, "network"));
    assert_explained(&v);
}

#[tokio::test]
async fn rate_limited_by_the_primary_limit_with_its_reset() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    env.hub.set_rate_limit(LOGIN, 1).unwrap();
    assert_eq!(env.check(&token, None).await.status, TokenStatus::Valid);
    let e = env.client().get_user(&env.host(), &jeton_core::Secret::new(&token)).await.unwrap_err();
    let jeton_core::Error::RateLimited { retry_after_secs: Some(wait) } = e else { panic!("{e:?}") };
    assert!((3500..=3600).contains(&wait), "{wait}");
    env.store("busy", &token, &env.host().key(), None);
    let v = env.recheck("busy").await;
    assert_eq!((v.status, code(&v)), (TokenStatus::RateLimited, "rate_limited"));
    assert!(v.error.unwrap().message.contains("60 minute"));
    // Neither call waited or retried: 1 + 1 + 1 requests.
    assert_eq!(env.requests("/user"), 3);
}

#[tokio::test]
async fn rate_limited_by_a_long_secondary_limit() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    env.hub.set_secondary_rate_limit(LOGIN, Some(SecondaryLimit { after: 0, retry_after_secs: 120 })).unwrap();
    let v = env.check(&token, None).await;
    assert_eq!((v.status, code(&v)), (TokenStatus::RateLimited, "rate_limited"));
    assert!(v.error.unwrap().message.contains("2 minute"));
    assert_eq!(env.statuses("/user"), [Some(429)]);
}
