//! GitHub documents 403 or 429 for both its primary and its secondary rate limits: the
//! client reads each of the four combinations as `rate_limited` with the right wait.

use chrono::Utc;
use fakehub::{FakeHub, FakeHubOptions, LimitStatuses, NewToken, NewUser, SecondaryLimit, TokenKind};
use jeton_core::config::Host;
use jeton_core::github::client::ClientOptions;
use jeton_core::github::GitHubClient;
use jeton_core::{Error, Secret};
use url::Url;

#[tokio::test]
async fn primary_and_secondary_limits_are_recognized_as_403_or_429() {
    for (primary, secondary) in [(403, 429), (429, 403), (403, 403), (429, 429)] {
        let hub = FakeHub::start(FakeHubOptions::default()).await;
        hub.create_user(NewUser { login: "octocat".into(), ..Default::default() }).unwrap();
        hub.set_rate_limit_statuses("octocat", LimitStatuses { primary, secondary }).unwrap();
        let token = Secret::new(hub.create_token(NewToken::new("octocat", TokenKind::FineGrained)).unwrap());
        let host = Host { web: Url::parse(&hub.web_url()).unwrap(), api: Url::parse(&hub.url()).unwrap() };
        let opts = ClientOptions { max_rate_wait: std::time::Duration::ZERO, ..ClientOptions::default() };
        let client = GitHubClient::with_options(opts).unwrap();
        let case = format!("primary {primary}, secondary {secondary}");

        // Primary: the window used up; the wait is until x-ratelimit-reset (an hour).
        hub.set_rate_limit("octocat", 1).unwrap();
        client.get_user(&host, &token).await.unwrap();
        match client.get_user(&host, &token).await {
            Err(Error::RateLimited { retry_after_secs: Some(s) }) => assert!((3000..=3601).contains(&s), "{case}: {s}"),
            other => panic!("{case}: primary gave {other:?}"),
        }
        assert!(hub.rate_limit("octocat").unwrap().reset > Utc::now().timestamp());

        // Secondary: retry-after.
        hub.set_rate_limit("octocat", 100).unwrap();
        hub.set_secondary_rate_limit("octocat", Some(SecondaryLimit { after: 0, retry_after_secs: 120 })).unwrap();
        match client.get_user(&host, &token).await {
            Err(Error::RateLimited { retry_after_secs: Some(120) }) => {}
            other => panic!("{case}: secondary gave {other:?}"),
        }
        let statuses: Vec<_> = hub.stats().requests_to("/user").map(|r| r.status).collect();
        assert_eq!(statuses, [Some(200), Some(primary), Some(secondary)], "{case}: none retried");
    }
}
