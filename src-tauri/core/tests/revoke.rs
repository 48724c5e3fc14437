//! Revoking a stored token (`Jeton::revoke`) against fakehub's `POST /credentials/revoke`:
//! accepted then forgotten; on a host without the endpoint, its settings page and
//! nothing forgotten; the network down, nothing forgotten; GitHub's hourly limit
//! obeyed without another request; batches of at most 1000.

mod client_common;

use std::sync::Arc;

use client_common::{env, fast, Env, LOGIN};
use fakehub::{FakeHub, FakeHubOptions, Fault, NewUser};
use jeton_core::config::Config;
use jeton_core::github::client::{RevokeAnswer, MAX_BATCH};
use jeton_core::github::GitHubClient;
use jeton_core::revoke::{RevokeOutcome, RevokeRoute};
use jeton_core::service::Jeton;
use jeton_core::vault::MemoryStore;
use jeton_core::Secret;
use url::Url;

const PATH: &str = "/credentials/revoke";

/// Whether fakehub still accepts the token.
async fn accepted(env: &Env, token: &str) -> bool {
    env.client().get_user(&env.host(), &Secret::new(token)).await.is_ok()
}

/// A hub whose revocation endpoint allows `limit` requests an hour, and a Jeton on it.
async fn env_with_revoke_limit(limit: u32) -> Env {
    let hub = FakeHub::start(FakeHubOptions { revoke_rate_limit: limit, ..Default::default() }).await;
    hub.create_user(NewUser { login: LOGIN.into(), ..Default::default() }).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        github_web: Url::parse(&hub.web_url()).unwrap(),
        github_api: Url::parse(&hub.url()).unwrap(),
        data_dir: dir.path().to_path_buf(),
        keyring_namespace: "jeton-revoke-tests".into(),
    };
    let mut jeton = Jeton::new(config, Arc::new(MemoryStore::default())).unwrap();
    jeton.client = GitHubClient::with_options(fast()).unwrap();
    Env { hub, jeton, dir }
}

#[tokio::test]
async fn github_com_revokes_then_forgets() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    let keep = env.classic(&[]);
    let host = env.host().key();
    let stored = env.store("leaked", &token, &host, None);
    env.store("other", &keep, &host, None);
    assert_eq!(env.jeton.revoke_route("leaked").unwrap(), RevokeRoute::Api);

    assert_eq!(env.jeton.revoke("leaked").await.unwrap(), RevokeOutcome::Revoked);
    assert!(!accepted(&env, &token).await, "GitHub still accepts the revoked token");
    assert!(accepted(&env, &keep).await, "another token was revoked");
    assert_eq!(env.jeton.vault.find("leaked").unwrap_err().code(), "not_found");
    assert!(env.jeton.vault.secrets().get(&stored.id).unwrap().is_none(), "the secret is still in the keychain");
    assert!(env.jeton.vault.metadata().load().unwrap().pending.is_empty(), "the forget did not finish");
    // 202 proves the call went without authentication (fakehub answers 403 otherwise).
    assert_eq!(env.statuses(PATH), vec![Some(202)]);
}

#[tokio::test]
async fn an_enterprise_host_gives_its_settings_page_and_forgets_nothing() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    env.store("work", &token, &env.ghes_web(), None);
    let page = format!("{}/settings/tokens", env.ghes_web());
    assert_eq!(env.jeton.revoke_route("work").unwrap(), RevokeRoute::SettingsPage { url: page.clone() });
    assert_eq!(env.jeton.revoke("work").await.unwrap(), RevokeOutcome::OpenSettings { url: page });
    assert!(env.jeton.vault.find("work").is_ok(), "forgotten before the user deleted it");
    assert_eq!(env.requests(PATH), 0);
    assert!(accepted(&env, &token).await);
}

#[tokio::test]
async fn an_api_without_the_endpoint_gives_the_settings_page() {
    let env = env().await;
    let token = env.classic(&[]);
    // github.com's stand-in, with an API root where nothing is served.
    let mut config = env.jeton.config.clone();
    config.github_api = Url::parse(&format!("{}/nothing-here", env.hub.url())).unwrap();
    let jeton = Jeton::new(config, Arc::new(MemoryStore::default())).unwrap();
    let host = jeton.config.default_host().key();
    let mut record = jeton_core::model::TokenRecord::new(
        "id1".into(),
        "n".into(),
        host.clone(),
        jeton_core::model::TokenKind::Classic,
        chrono::Utc::now(),
    );
    record.login = Some(LOGIN.into());
    jeton.vault.add(record, &Secret::new(token.as_str())).unwrap();
    let page = format!("{host}/settings/tokens");
    assert_eq!(jeton.revoke("n").await.unwrap(), RevokeOutcome::OpenSettings { url: page });
    assert!(jeton.vault.find("n").is_ok());
    assert!(accepted(&env, &token).await);
}

#[tokio::test]
async fn with_the_network_down_nothing_is_forgotten() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    env.store("laptop", &token, &env.host().key(), None);
    env.hub.inject_fault(Fault::ConnectionReset, 10);
    let e = env.jeton.revoke("laptop").await.unwrap_err();
    env.hub.clear_faults();
    assert_eq!(e.code(), "network");
    assert!(e.message(jeton_core::i18n::Lang::En).contains("try again"), "{e:?}");
    assert!(!e.message(jeton_core::i18n::Lang::En).contains(&token[4..]));
    assert!(env.jeton.vault.find("laptop").is_ok(), "forgotten although GitHub never answered");
    assert!(accepted(&env, &token).await);
}

#[tokio::test]
async fn the_hourly_limit_is_kept_and_obeyed_without_another_request() {
    let env = env_with_revoke_limit(1).await;
    let (a, b) = (env.classic(&[]), env.classic(&["gist"]));
    let host = env.host().key();
    env.store("a", &a, &host, None);
    env.store("b", &b, &host, None);
    // The one request of the hour: accepted, and GitHub says none is left.
    assert_eq!(env.jeton.revoke("a").await.unwrap(), RevokeOutcome::Revoked);
    let e = env.jeton.revoke("b").await.unwrap_err();
    assert_eq!(e.code(), "revoke_rate_limited");
    assert!(e.retryable());
    let wait = match &e {
        jeton_core::Error::RevokeRateLimited { retry_after_secs: Some(s) } => *s,
        other => panic!("{other:?}"),
    };
    assert!(wait > 60, "the wait is GitHub's reset, about an hour away: {wait}");
    assert_eq!(env.requests(PATH), 1, "a request went out while GitHub's limit was used up");
    assert!(env.jeton.vault.find("b").is_ok());
    assert!(accepted(&env, &b).await);

    // Kept on disk for the next run (the CLI is a new process each time); without it,
    // GitHub's own refusal (403, no request left) is recognized and kept again.
    let pause = env.dir.path().join("revoke-pause.json");
    assert!(pause.exists());
    std::fs::remove_file(&pause).unwrap();
    assert_eq!(env.jeton.revoke("b").await.unwrap_err().code(), "revoke_rate_limited");
    assert_eq!(env.statuses(PATH), vec![Some(202), Some(403)]);
    assert!(pause.exists());
    assert_eq!(env.jeton.revoke("b").await.unwrap_err().code(), "revoke_rate_limited");
    assert_eq!(env.requests(PATH), 2);
}

#[tokio::test]
async fn more_than_a_thousand_go_in_batches() {
    let env = env().await;
    let token = env.classic(&[]);
    let mut secrets: Vec<Secret> = (0..MAX_BATCH).map(|i| Secret::new(format!("ghp_{i:036}"))).collect();
    secrets.push(Secret::new(token.as_str()));
    let refs: Vec<&Secret> = secrets.iter().collect();
    let answer = env.client().revoke_credentials(&env.host(), &refs).await.unwrap();
    assert_eq!(answer, RevokeAnswer::Accepted { paused_until: None });
    assert_eq!(env.statuses(PATH), vec![Some(202), Some(202)]);
    assert!(!accepted(&env, &token).await);
}
