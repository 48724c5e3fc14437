//! GitHub's failed-login limit: re-checking many revoked tokens stays under it (each
//! rejected token sent once, never retried, spaced out once a burst is spent), and a
//! host that answers the lock-out anyway is left alone: nothing more is sent to it.

use std::time::Duration;

use fakehub::{FakeHub, FakeHubOptions, LoginLockout, NewToken, NewUser, TokenKind};
use futures_util::future::join_all;
use jeton_core::config::Host;
use jeton_core::github::client::ClientOptions;
use jeton_core::github::GitHubClient;
use jeton_core::{Error, Secret};
use url::Url;

async fn hub_with_revoked(n: usize) -> (FakeHub, Host, Vec<Secret>) {
    let hub = FakeHub::start(FakeHubOptions::default()).await;
    hub.create_user(NewUser { login: "octocat".into(), ..Default::default() }).unwrap();
    let revoked = (0..n)
        .map(|_| {
            let t = hub.create_token(NewToken::new("octocat", TokenKind::FineGrained)).unwrap();
            hub.revoke_token(&t).unwrap();
            Secret::new(t)
        })
        .collect();
    let host = Host { web: Url::parse(&hub.web_url()).unwrap(), api: Url::parse(&hub.url()).unwrap() };
    (hub, host, revoked)
}

fn client(login_burst: u32, login_every: Duration) -> GitHubClient {
    GitHubClient::with_options(ClientOptions { login_burst, login_every, ..ClientOptions::default() }).unwrap()
}

#[tokio::test]
async fn many_revoked_tokens_checked_at_once_stay_under_the_failed_login_limit() {
    // The hub locks out after 6 rejected tokens within a second; Jeton allows itself 3
    // at once, then one every half second: never more than 5 in any second.
    let (hub, host, revoked) = hub_with_revoked(12).await;
    hub.set_login_lockout(Some(LoginLockout { after: 6, window_secs: 1, lockout_secs: 600 }));
    let client = client(3, Duration::from_millis(500));
    let answers = join_all(revoked.iter().map(|t| client.get_user(&host, t))).await;
    for a in &answers {
        assert_eq!(a.as_ref().unwrap_err(), &Error::TokenInvalid);
    }
    assert_eq!(hub.login_lockouts(), 0, "the lock-out was triggered");
    assert_eq!(hub.stats().path("/user"), 12, "each rejected token sent once, none retried");
    // A valid token is still served at once afterwards.
    let good = Secret::new(hub.create_token(NewToken::new("octocat", TokenKind::FineGrained)).unwrap());
    assert_eq!(client.get_user(&host, &good).await.unwrap().login, "octocat");
}

#[tokio::test]
async fn a_host_that_answers_the_lock_out_is_left_alone() {
    let (hub, host, revoked) = hub_with_revoked(6).await;
    hub.set_login_lockout(Some(LoginLockout { after: 2, window_secs: 60, lockout_secs: 600 }));
    let client = client(100, Duration::from_millis(1));
    let mut codes = Vec::new();
    for t in &revoked {
        codes.push(client.get_user(&host, t).await.unwrap_err().code());
    }
    let locked = "login_locked_out";
    assert_eq!(codes, ["token_invalid", "token_invalid", locked, locked, locked, locked]);
    assert_eq!(hub.stats().path("/user"), 3, "after the lock-out answer, nothing more was sent");
    // Not even a good token, until the pause is over.
    let good = Secret::new(hub.create_token(NewToken::new("octocat", TokenKind::FineGrained)).unwrap());
    assert_eq!(client.get_user(&host, &good).await.unwrap_err().code(), locked);
    assert_eq!(hub.stats().path("/user"), 3);
    let e = Error::LoginLockedOut { host: "api.github.com".into() };
    assert!(e.retryable());
}
