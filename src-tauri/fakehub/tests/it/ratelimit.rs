use fakehub::{FakeHubOptions, SecondaryLimit};
use serde_json::{json, Value};

use crate::common::{self, get, header};

#[tokio::test]
async fn primary_limit_answers_403_with_reset() {
    let hub = common::hub().await;
    let a = common::classic(&hub, &["repo"]);
    let b = common::classic(&hub, &["gist"]);
    hub.set_rate_limit("octocat", 3).unwrap();
    let url = format!("{}/user", hub.url());
    // Tokens of one user share the bucket.
    for (i, t) in [&a, &b, &a].into_iter().enumerate() {
        let resp = get(&url, Some(t)).await;
        assert_eq!(resp.status(), 200);
        assert_eq!(header(&resp, "x-ratelimit-limit").as_deref(), Some("3"));
        assert_eq!(header(&resp, "x-ratelimit-remaining"), Some((2 - i).to_string()));
        assert_eq!(header(&resp, "x-ratelimit-used"), Some((i + 1).to_string()));
    }
    let resp = get(&url, Some(&b)).await;
    assert_eq!(resp.status(), 403);
    assert_eq!(header(&resp, "x-ratelimit-remaining").as_deref(), Some("0"));
    assert_eq!(header(&resp, "retry-after"), None);
    let reset: i64 = header(&resp, "x-ratelimit-reset").unwrap().parse().unwrap();
    assert!(reset > chrono::Utc::now().timestamp());
    let body: Value = resp.json().await.unwrap();
    assert!(body["message"].as_str().unwrap().starts_with("API rate limit exceeded for user ID 1."));
    assert_eq!(body["status"], "403");

    // /rate_limit still answers and does not count.
    let resp = get(&format!("{}/rate_limit", hub.url()), Some(&a)).await;
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["resources"]["core"]["remaining"], 0);
    assert_eq!(body["rate"]["used"], 3);
    assert_eq!(hub.rate_limit("octocat").unwrap().used, 3);
}

#[tokio::test]
async fn secondary_limit_answers_429_with_retry_after() {
    let hub = common::hub().await;
    let token = common::classic(&hub, &["repo"]);
    hub.set_secondary_rate_limit("octocat", Some(SecondaryLimit { after: 2, retry_after_secs: 1 })).unwrap();
    let url = format!("{}/user", hub.url());
    assert_eq!(get(&url, Some(&token)).await.status(), 200);
    assert_eq!(get(&url, Some(&token)).await.status(), 200);
    let resp = get(&url, Some(&token)).await;
    assert_eq!(resp.status(), 429);
    assert_eq!(header(&resp, "retry-after").as_deref(), Some("1"));
    assert!(header(&resp, "x-ratelimit-remaining").is_some());
    let body: Value = resp.json().await.unwrap();
    assert!(body["message"].as_str().unwrap().contains("secondary rate limit"));
    // Refused (429) until the second is over, then served again.
    let answered = || async { get(&url, Some(&token)).await.status() };
    common::eventually("served again", || async { answered().await != 429 }).await;
    assert_eq!(answered().await, 200);
}

#[tokio::test]
async fn anonymous_requests_have_their_own_limit() {
    let opts = FakeHubOptions { anonymous_rate_limit: 2, ..Default::default() };
    let hub = common::hub_with(opts).await;
    let url = format!("{}/orgs/nope", hub.url());
    assert_eq!(get(&url, None).await.status(), 404);
    assert_eq!(get(&url, None).await.status(), 404);
    let resp = get(&url, None).await;
    assert_eq!(resp.status(), 403);
    assert_eq!(header(&resp, "x-ratelimit-limit").as_deref(), Some("2"));
    // A user is not affected.
    let token = common::classic(&hub, &[]);
    assert_eq!(get(&format!("{}/user", hub.url()), Some(&token)).await.status(), 200);
}

async fn admin(hub: &fakehub::FakeHub, path: &str, body: Value) -> reqwest::Response {
    common::client().post(format!("{}/_admin{path}", hub.url())).json(&body).send().await.unwrap()
}

#[tokio::test]
async fn each_limit_answers_403_or_429_as_set_over_the_admin_api() {
    for (primary, secondary) in [(403, 429), (429, 403), (429, 429), (403, 403)] {
        let hub = common::hub().await;
        let token = common::classic(&hub, &["repo"]);
        let url = format!("{}/user", hub.url());
        let body = json!({"login": "octocat", "limit": 1, "statuses": {"primary": primary, "secondary": secondary}});
        assert_eq!(admin(&hub, "/rate-limit", body).await.status(), 200);
        assert_eq!(get(&url, Some(&token)).await.status(), 200);
        let resp = get(&url, Some(&token)).await;
        assert_eq!(resp.status(), primary, "primary");
        assert_eq!(header(&resp, "x-ratelimit-remaining").as_deref(), Some("0"));
        let body: Value = resp.json().await.unwrap();
        assert!(body["message"].as_str().unwrap().starts_with("API rate limit exceeded"));
        assert_eq!(body["status"], primary.to_string());

        let body = json!({"login": "octocat", "limit": 100, "secondary": {"after": 0, "retry_after_secs": 60}});
        assert_eq!(admin(&hub, "/rate-limit", body).await.status(), 200);
        let resp = get(&url, Some(&token)).await;
        assert_eq!(resp.status(), secondary, "secondary");
        assert_eq!(header(&resp, "retry-after").as_deref(), Some("60"));
        let body: Value = resp.json().await.unwrap();
        assert!(body["message"].as_str().unwrap().contains("secondary rate limit"));
    }
    let hub = common::hub().await;
    let bad = json!({"login": "octocat", "statuses": {"primary": 500, "secondary": 429}});
    assert_eq!(admin(&hub, "/rate-limit", bad).await.status(), 422);
}

#[tokio::test]
async fn too_many_bad_credentials_lock_out_every_attempt_for_a_while() {
    let hub = common::hub().await;
    let good = common::classic(&hub, &["repo"]);
    let rule = json!({"after": 3, "window_secs": 60, "lockout_secs": 600});
    assert_eq!(admin(&hub, "/login-lockout", rule).await.status(), 204);
    let url = format!("{}/user", hub.url());
    let revoked = common::classic(&hub, &[]);
    hub.revoke_token(&revoked).unwrap();
    for _ in 0..2 {
        assert_eq!(get(&url, Some(&revoked)).await.status(), 401);
    }
    assert_eq!(get(&url, Some(&good)).await.status(), 200, "two failures are not enough");
    assert_eq!(get(&url, Some(&revoked)).await.status(), 401);
    assert_eq!(hub.login_lockouts(), 1);
    // Now even a good token is refused, with GitHub's message; anonymous requests are not.
    let resp = get(&url, Some(&good)).await;
    assert_eq!(resp.status(), 403);
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["message"], "Maximum number of login attempts exceeded. Please try again later.");
    assert_eq!(get(&format!("{}/orgs/nope", hub.url()), None).await.status(), 404);
    // Switched off, the lock-out is lifted.
    assert_eq!(admin(&hub, "/login-lockout", Value::Null).await.status(), 204);
    assert_eq!(get(&url, Some(&good)).await.status(), 200);
}
