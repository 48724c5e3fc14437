//! Odd and malformed headers: both expiry layouts, an unreadable expiry (the stored one
//! is kept), scopes with odd spacing, SSO answers in known and unknown forms.

mod client_common;

use chrono::{Duration, Utc};
use client_common::{assert_explained, code, env};
use fakehub::{ExpiryLayout, NewToken, Rewrite};
use jeton_core::github::headers::Sso;
use jeton_core::model::TokenStatus;
use jeton_core::Secret;

const EXPIRY: &str = "github-authentication-token-expiration";

#[tokio::test]
async fn both_expiry_layouts_give_the_same_instant() {
    let env = env().await;
    let at = (Utc::now() + Duration::days(30)).with_timezone(&Utc);
    let at = at - Duration::nanoseconds(at.timestamp_subsec_nanos() as i64);
    for layout in [ExpiryLayout::Utc, ExpiryLayout::offset(), ExpiryLayout::Offset { minutes: -330 }] {
        let token = env.mint(NewToken::classic("octocat", &["repo"]).expires_at(at).layout(layout));
        let user = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap();
        assert_eq!(user.expires_at, Some(at), "{layout:?}");
        assert!(!user.expiry_unparsable);
        let v = env.check(&token, None).await;
        // 30 days from now is 30 calendar days away, whatever the hour (docs/architecture.md).
        assert_eq!((v.status, v.days_left), (TokenStatus::Valid, Some(30)), "{layout:?}");
    }
}

#[tokio::test]
async fn a_token_without_expiry_never_expires() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    let user = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap();
    assert_eq!((user.expires_at, user.expiry_unparsable), (None, false));
}

#[tokio::test]
async fn an_unreadable_expiry_is_flagged_and_the_stored_one_kept() {
    let env = env().await;
    let stored = Utc::now() + Duration::days(20);
    let stored = stored - Duration::nanoseconds(stored.timestamp_subsec_nanos() as i64);
    for (i, raw) in
        [&b"next tuesday"[..], b"2030-01-01 00:00:00", b"2030-01-01 00:00:00 \xff\xfe", b"2030-13-45 25:61:00 UTC"]
            .into_iter()
            .enumerate()
    {
        let token = env.mint(NewToken::classic("octocat", &["repo"]).expires_in(Duration::days(40)));
        env.hub.set_token_rewrite(&token, Some(Rewrite::default().header_bytes(EXPIRY, raw)));
        let user = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap();
        assert_eq!((user.expires_at, user.expiry_unparsable), (None, true), "{raw:?}");
        let name = format!("t{i}");
        env.store(&name, &token, &env.host().key(), Some(stored));
        let v = env.recheck(&name).await;
        assert_eq!(v.status, TokenStatus::Valid);
        assert_eq!(v.expires_at.as_deref(), Some(jeton_core::model::rfc3339(stored).as_str()), "{raw:?}");
    }
}

#[tokio::test]
async fn scopes_with_odd_spacing_are_read() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    let rw = Rewrite::default().header("x-oauth-scopes", "repo,user ,  gist,,\tread:org  ,repo");
    env.hub.set_token_rewrite(&token, Some(rw));
    let user = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap();
    assert_eq!(user.scopes.unwrap(), ["repo", "user", "gist", "read:org"]);
    // Present but empty: no scopes at all (not "unknown").
    env.hub.set_token_rewrite(&token, Some(Rewrite::default().header("x-oauth-scopes", "")));
    let user = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap();
    assert_eq!(user.scopes, Some(vec![]));
}

#[tokio::test]
async fn a_403_asking_for_sso_is_sso_required_with_its_page() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    let url = "https://github.com/orgs/acme/sso?authorization_request=ABC";
    let rw = Rewrite::default().status(403).header("x-github-sso", &format!("required; url={url}"));
    env.hub.set_token_rewrite(&token, Some(rw));
    let v = env.check(&token, None).await;
    assert_eq!((v.status, code(&v), v.sso_url.as_deref()), (TokenStatus::SsoRequired, "sso_required", Some(url)));
    assert_explained(&v);
}

#[tokio::test]
async fn sso_in_an_unknown_form_is_sso_on_a_403_and_ignored_on_a_200() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    let odd = "enforced; org=acme; when=\"later\"";
    env.hub.set_token_rewrite(&token, Some(Rewrite::default().header("x-github-sso", odd)));
    let user = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap();
    assert!(matches!(user.sso, Some(Sso::Unknown(ref v)) if v == odd), "{:?}", user.sso);
    env.hub.set_token_rewrite(&token, Some(Rewrite::default().status(403).header("x-github-sso", odd)));
    let v = env.check(&token, None).await;
    assert_eq!((v.status, v.sso_url.as_deref()), (TokenStatus::SsoRequired, None));
    assert_explained(&v);
    // A 403 without SSO or rate-limit headers is explained, with GitHub's message.
    let rw = Rewrite::default().status(403).remove("x-github-sso");
    env.hub.set_token_rewrite(&token, Some(rw));
    let v = env.check(&token, None).await;
    assert_eq!((v.status, code(&v)), (TokenStatus::Unreachable, "bad_response"));
    assert!(v.error.unwrap().message.contains("403"));
}

#[tokio::test]
async fn rate_limit_headers_that_are_garbage_are_ignored() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    let rw = Rewrite::default()
        .header("x-ratelimit-remaining", "-1")
        .header("x-ratelimit-reset", "tomorrow")
        .header_bytes("x-ratelimit-limit", b"\xff5000");
    env.hub.set_token_rewrite(&token, Some(rw));
    let user = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap();
    assert_eq!((user.rate.remaining, user.rate.reset, user.rate.limit), (None, None, None));
    assert_eq!(user.rate.used, Some(1));
}

#[tokio::test]
async fn an_sso_org_holding_results_back_is_found_by_the_probe() {
    let env = env().await;
    env.hub.create_org(fakehub::NewOrg { login: "acme".into(), sso_enforced: true, ..Default::default() }).unwrap();
    env.hub.add_member("acme", "octocat").unwrap();
    let token = env.classic(&["repo", "read:org"]);
    let sso = env.client().probe_sso(&env.host(), &Secret::new(&token)).await.unwrap();
    assert!(matches!(sso, Some(Sso::PartialResults { ref organizations }) if organizations.len() == 1), "{sso:?}");
    let v = env.check(&token, None).await;
    assert_eq!(v.status, TokenStatus::SsoRequired);
    assert!(v.sso_url.is_some());
    let authorized = env.mint(NewToken::classic("octocat", &["repo"]).sso_authorized(&["acme"]));
    assert_eq!(env.check(&authorized, None).await.status, TokenStatus::Valid);
}
