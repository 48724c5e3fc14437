use base64::Engine;
use chrono::{TimeZone, Utc};
use fakehub::{ExpiryLayout, NewToken, TokenKind};
use serde_json::Value;

use crate::common::{self, assert_api_headers, get, header, BAD_CREDENTIALS};

#[tokio::test]
async fn get_user_with_classic_token() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &["user", "gist", "user:email", "repo"]);
    for auth in [format!("token {token}"), format!("Bearer {token}")] {
        let resp =
            common::client().get(format!("{}/user", hub.url())).header("authorization", auth).send().await.unwrap();
        assert_eq!(resp.status(), 200);
        assert_api_headers(&resp);
        assert_eq!(header(&resp, "x-oauth-scopes").as_deref(), Some("user, gist, repo"));
        assert_eq!(header(&resp, "x-accepted-oauth-scopes").as_deref(), Some(""));
        assert_eq!(header(&resp, "github-authentication-token-expiration"), None);
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["login"], "octocat");
        assert_eq!(body["id"], 1);
        assert_eq!(body["node_id"], "MDQ6VXNlcjE=");
        assert_eq!(body["type"], "User");
        assert_eq!(body["name"], "The Octocat");
        assert_eq!(body["url"], format!("{}/users/octocat", hub.url()));
    }
}

#[tokio::test]
async fn basic_auth_carries_the_token_as_password() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &[]);
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("octocat:{token}"));
    let resp = common::client()
        .get(format!("{}/user", hub.url()))
        .header("authorization", format!("Basic {basic}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(header(&resp, "x-oauth-scopes").as_deref(), Some(""));
}

#[tokio::test]
async fn expiry_header_in_both_layouts() {
    let hub = common::hub().await;
    let at = Utc.with_ymd_and_hms(2031, 1, 2, 3, 4, 5).unwrap();
    let cases = [
        (ExpiryLayout::Utc, "2031-01-02 03:04:05 UTC"),
        (ExpiryLayout::offset(), "2031-01-02 05:04:05 +0200"),
        (ExpiryLayout::Offset { minutes: -330 }, "2031-01-01 21:34:05 -0530"),
    ];
    for (layout, want) in cases {
        let t = hub.create_token(NewToken::classic("octocat", &["repo"]).expires_at(at).layout(layout)).unwrap();
        let resp = get(&format!("{}/user", hub.url()), Some(&t)).await;
        assert_eq!(resp.status(), 200);
        let got = header(&resp, "github-authentication-token-expiration");
        assert_eq!(got.as_deref(), Some(want));
    }
}

#[tokio::test]
async fn fine_grained_has_no_scopes_header() {
    let hub = common::hub().await;
    let at = Utc.with_ymd_and_hms(2031, 1, 2, 3, 4, 5).unwrap();
    let t = hub.create_token(NewToken::new("octocat", TokenKind::FineGrained).expires_at(at)).unwrap();
    let resp = get(&format!("{}/api/v3/user", hub.url()), Some(&t)).await;
    assert_eq!(resp.status(), 200);
    assert_api_headers(&resp);
    assert_eq!(header(&resp, "x-oauth-scopes"), None);
    assert_eq!(header(&resp, "x-accepted-oauth-scopes"), None);
    assert_eq!(header(&resp, "github-authentication-token-expiration").as_deref(), Some("2031-01-02 03:04:05 UTC"));
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["url"], format!("{}/api/v3/users/octocat", hub.url()));
}

async fn assert_bad_credentials(url: &str, token: &str) {
    let resp = get(url, Some(token)).await;
    assert_eq!(resp.status(), 401, "{token}");
    assert_eq!(header(&resp, "content-type").as_deref(), Some("application/json; charset=utf-8"));
    assert!(header(&resp, "x-github-request-id").is_some());
    assert_eq!(resp.text().await.unwrap(), BAD_CREDENTIALS);
}

#[tokio::test]
async fn unknown_revoked_expired_and_refresh_tokens_are_bad_credentials() {
    let hub = common::hub().await;
    let url = format!("{}/user", hub.url());
    assert_bad_credentials(&url, "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").await;

    let revoked = common::classic(&hub, &["repo"]);
    assert_eq!(get(&url, Some(&revoked)).await.status(), 200);
    hub.revoke_token(&revoked).unwrap();
    assert_bad_credentials(&url, &revoked).await;

    let expired = hub.create_token(NewToken::classic("octocat", &[]).expires_in(chrono::Duration::days(7))).unwrap();
    assert_eq!(get(&url, Some(&expired)).await.status(), 200);
    hub.expire_token(&expired).unwrap();
    assert_bad_credentials(&url, &expired).await;

    let refresh = hub.create_token(NewToken::new("octocat", TokenKind::AppRefresh)).unwrap();
    assert_bad_credentials(&url, &refresh).await;

    let resp = common::client().get(&url).header("authorization", "Weird xyz").send().await.unwrap();
    assert_eq!(resp.status(), 401);
}

#[tokio::test]
async fn no_auth_requires_authentication() {
    let hub = common::hub().await;
    let resp = get(&format!("{}/user", hub.url()), None).await;
    assert_eq!(resp.status(), 401);
    assert_eq!(header(&resp, "x-ratelimit-limit").as_deref(), Some("60"));
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["message"], "Requires authentication");
    assert_eq!(body["status"], "401");
    assert!(body["documentation_url"].as_str().unwrap().starts_with("https://docs.github.com/rest"));
}

#[tokio::test]
async fn installation_token_is_not_a_user() {
    let hub = common::hub().await;
    let t = hub.create_token(NewToken::new("octocat", TokenKind::AppInstallation)).unwrap();
    let resp = get(&format!("{}/user", hub.url()), Some(&t)).await;
    assert_eq!(resp.status(), 403);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["message"], "Resource not accessible by integration");
    let resp = get(&format!("{}/rate_limit", hub.url()), Some(&t)).await;
    assert_eq!(resp.status(), 200);
}

#[tokio::test]
async fn other_token_kinds_work_on_user() {
    let hub = common::hub().await;
    for kind in [TokenKind::Oauth, TokenKind::AppUser, TokenKind::Legacy] {
        let t = hub.create_token(NewToken::new("octocat", kind).scopes(&["read:user"])).unwrap();
        let resp = get(&format!("{}/user", hub.url()), Some(&t)).await;
        assert_eq!(resp.status(), 200, "{kind:?}");
        let scopes = header(&resp, "x-oauth-scopes");
        if kind == TokenKind::AppUser {
            assert_eq!(scopes, None);
        } else {
            assert_eq!(scopes.as_deref(), Some("read:user"));
        }
    }
}

#[tokio::test]
async fn unknown_routes_are_404() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &[]);
    for path in ["/nope", "/api/v3/nope", "/user/nope"] {
        let resp = get(&format!("{}{path}", hub.url()), Some(&token)).await;
        assert_eq!(resp.status(), 404, "{path}");
        assert_api_headers(&resp);
        assert_eq!(
            resp.text().await.unwrap(),
            r#"{"message":"Not Found","documentation_url":"https://docs.github.com/rest","status":"404"}"#
        );
    }
    let resp = common::client().delete(format!("{}/user", hub.url())).send().await.unwrap();
    assert_eq!(resp.status(), 404);
}
