use std::time::Duration;

use fakehub::{FakeHubOptions, SecondaryLimit};
use serde_json::Value;

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
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(get(&url, Some(&token)).await.status(), 200);
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
