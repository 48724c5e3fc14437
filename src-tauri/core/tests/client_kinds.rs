//! Every kind of token fakehub mints, against github.com's stand-in and a GHES host
//! (`/api/v3`): what `GET /user` says, and `GET /rate_limit` for installation tokens.

mod client_common;

use chrono::{Duration, Utc};
use client_common::{env, LOGIN};
use fakehub::{NewToken, TokenKind};
use jeton_core::model::TokenStatus;
use jeton_core::{Error, Secret};

#[tokio::test]
async fn user_tokens_of_every_kind_are_checked_with_get_user() {
    let env = env().await;
    let kinds = [
        (TokenKind::Classic, true),
        (TokenKind::FineGrained, false),
        (TokenKind::Oauth, true),
        (TokenKind::AppUser, false),
        (TokenKind::Legacy, true),
    ];
    for (kind, has_scopes) in kinds {
        let token = env.mint(NewToken::new(LOGIN, kind).scopes(&["repo"]).expires_in(Duration::days(60)));
        let parsed = jeton_core::token::parse(&token).unwrap();
        assert_eq!(parsed.kind.as_str(), serde_json::to_value(kind).unwrap(), "{token}");
        let user = env.client().get_user(&env.host(), &Secret::new(&token)).await.unwrap();
        assert_eq!(user.login, LOGIN, "{kind:?}");
        assert_eq!(user.scopes.is_some(), has_scopes, "{kind:?}");
        assert!(user.expires_at.is_some(), "{kind:?}");
        let v = env.check(&token, None).await;
        assert_eq!(v.status, TokenStatus::Valid, "{kind:?} {v:?}");
        assert_eq!(v.scopes.is_some(), has_scopes, "{kind:?}");
    }
}

#[tokio::test]
async fn installation_tokens_are_refused_by_get_user_and_checked_with_rate_limit() {
    let env = env().await;
    let at = Utc::now() + Duration::minutes(50);
    let at = at - Duration::nanoseconds(at.timestamp_subsec_nanos() as i64);
    for new in
        [NewToken::new(LOGIN, TokenKind::AppInstallation), NewToken::new(LOGIN, TokenKind::AppInstallation).stateless()]
    {
        let token = env.mint(new.expires_at(at));
        assert_eq!(jeton_core::token::parse(&token).unwrap().kind, jeton_core::model::TokenKind::AppInstallation);
        let secret = Secret::new(&token);
        let e = env.client().get_user(&env.host(), &secret).await.unwrap_err();
        assert_eq!(e.code(), "bad_response");
        assert!(e.to_string().contains("Resource not accessible by integration"), "{e}");
        let check = env.client().check_installation(&env.host(), &secret).await.unwrap();
        assert_eq!((check.expires_at, check.expiry_unparsable), (Some(at), false));
        assert!(check.rate.limit.is_some());
        env.hub.expire_token(&token).unwrap();
        assert_eq!(env.client().check_installation(&env.host(), &secret).await.unwrap_err(), Error::TokenInvalid);
    }
    // /rate_limit costs no rate limit: only the two refused `GET /user` counted.
    assert_eq!(env.hub.rate_limit(LOGIN).unwrap().used, 2);
    assert_eq!(env.requests("/rate_limit"), 4);
}

#[tokio::test]
async fn an_installation_check_wants_githubs_document() {
    let env = env().await;
    let token = env.mint(NewToken::new(LOGIN, TokenKind::AppInstallation));
    env.hub.set_token_fault(&token, Some(fakehub::Fault::NotJson));
    let e = env.client().check_installation(&env.host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e.code(), "bad_response");
    env.hub.set_token_fault(&token, Some(fakehub::Fault::InternalError));
    let e = env.client().check_installation(&env.host(), &Secret::new(&token)).await.unwrap_err();
    assert_eq!(e.code(), "bad_response");
    assert_eq!(env.requests("/rate_limit"), 4); // 1, then 3 attempts
}

#[tokio::test]
async fn refresh_tokens_cannot_call_the_api() {
    let env = env().await;
    let token = env.mint(NewToken::new(LOGIN, TokenKind::AppRefresh));
    assert_eq!(jeton_core::token::parse(&token).unwrap().kind, jeton_core::model::TokenKind::AppRefresh);
    let secret = Secret::new(&token);
    assert_eq!(env.client().get_user(&env.host(), &secret).await.unwrap_err(), Error::TokenInvalid);
    assert_eq!(env.client().check_installation(&env.host(), &secret).await.unwrap_err(), Error::TokenInvalid);
}

#[tokio::test]
async fn a_ghes_host_is_asked_under_api_v3() {
    let env = env().await;
    let ghes = env.ghes();
    assert_eq!(ghes.api_url("user"), format!("{}/api/v3/user", env.ghes_web()));
    let token = env.mint(NewToken::classic(LOGIN, &["repo"]).expires_in(Duration::days(30)));
    let user = env.client().get_user(&ghes, &Secret::new(&token)).await.unwrap();
    assert_eq!((user.login.as_str(), user.scopes.as_deref()), (LOGIN, Some(&["repo".to_string()][..])));
    let v = env.check(&token, Some(&env.ghes_web())).await;
    assert_eq!((v.status, v.host.as_str()), (TokenStatus::Valid, env.ghes_web().as_str()));
    env.store("ghes", &token, &env.ghes_web(), None);
    assert_eq!(env.recheck("ghes").await.status, TokenStatus::Valid);
    let stats = env.hub.stats();
    assert_eq!(stats.path("/user"), 0);
    assert_eq!(stats.path("/api/v3/user"), 3);
    // Errors name the GHES host.
    env.hub.revoke_token(&token).unwrap();
    assert_eq!(env.client().get_user(&ghes, &Secret::new(&token)).await.unwrap_err(), Error::TokenInvalid);
    env.hub.inject_fault(fakehub::Fault::InternalError, 3);
    let e = env.client().get_user(&ghes, &Secret::new(&token)).await.unwrap_err();
    assert!(matches!(e, Error::BadResponse { ref host, .. } if host == "localhost"), "{e:?}");
}

#[tokio::test]
async fn check_token_asks_each_kind_the_way_it_allows() {
    let env = env().await;
    env.hub.create_org(fakehub::NewOrg { login: "acme".into(), sso_enforced: true, ..Default::default() }).unwrap();
    env.hub.add_member("acme", LOGIN).unwrap();
    let e = &env;
    let check = |kind: TokenKind| {
        let token = e.mint(NewToken::new(LOGIN, kind).scopes(&["repo"]).expires_in(Duration::days(5)));
        let kind = jeton_core::token::parse(&token).unwrap().kind;
        async move { e.client().check_token(&e.host(), kind, &Secret::new(token)).await }
    };
    // Refresh tokens: nothing is sent.
    assert!(check(TokenKind::AppRefresh).await.unwrap().is_none());
    assert_eq!(env.hub.stats().total, 0);
    // Installation tokens: /rate_limit only, no login.
    let c = check(TokenKind::AppInstallation).await.unwrap().unwrap();
    assert_eq!((c.login, c.scopes, c.expires_at.is_some()), (None, None, true));
    assert_eq!((env.requests("/rate_limit"), env.requests("/user")), (1, 0));
    // Fine-grained tokens: /user only (SSO authorizes them when they are made).
    let c = check(TokenKind::FineGrained).await.unwrap().unwrap();
    assert_eq!((c.login.as_deref(), c.sso), (Some(LOGIN), None));
    assert_eq!((env.requests("/user"), env.requests("/user/orgs")), (1, 0));
    // Classic tokens: /user, then the SSO probe.
    let c = check(TokenKind::Classic).await.unwrap().unwrap();
    assert!(matches!(c.sso, Some(jeton_core::github::headers::Sso::PartialResults { .. })), "{c:?}");
    assert_eq!(c.scopes.unwrap(), ["repo"]);
    assert_eq!((env.requests("/user"), env.requests("/user/orgs")), (2, 1));
    // A failing probe (here: the rate limit runs out after `GET /user`) is no SSO
    // answer, not a failed check.
    let token = env.classic(&["repo"]);
    env.hub.set_rate_limit(LOGIN, 1).unwrap();
    let c = env.client().check_token(&env.host(), jeton_core::model::TokenKind::Classic, &Secret::new(&token)).await;
    let c = c.unwrap().unwrap();
    assert_eq!((c.login.as_deref(), c.sso), (Some(LOGIN), None));
    assert_eq!(env.statuses("/user/orgs"), [Some(200), Some(403)]);
}
