//! At TRACE, with every crate's events captured (Jeton's, hyper's and zbus's through
//! `tracing`, reqwest's through `log`), no token's bytes appear in a log line: not from
//! the HTTP client on any kind of answer, not from the service adding, re-checking and
//! forgetting tokens, not from a revocation (whose request body holds the secret), not
//! from the keyring store on the Secret Service. One subscriber
//! for the whole test binary, so events from every thread and task are caught.

mod client_common;
mod vault_common;

use std::sync::{Arc, OnceLock};

use client_common::{env, LOGIN};
use fakehub::{Fault, NewToken};
use jeton_core::i18n::Lang;
use jeton_core::recheck::RecheckOptions;
use jeton_core::vault::{EntryLabel, KeyringStore, MetadataStore, SecretStore, Vault};
use jeton_core::Secret;
use vault_common::{may_skip_keychain, record, unique_namespace, Capture};

fn logs() -> &'static Capture {
    static LOGS: OnceLock<Capture> = OnceLock::new();
    LOGS.get_or_init(|| {
        let capture = Capture::default();
        tracing_subscriber::fmt()
            .with_writer(capture.clone())
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .try_init()
            .expect("this binary's only subscriber");
        capture
    })
}

/// Fails if a token (or its last 16 characters) is in the logs, or if no event came
/// from one of `sources` (the capture would then miss what it is meant to scan).
fn assert_no_token_logged(tokens: &[&str], sources: &[&str]) {
    let text = logs().text();
    for source in sources {
        assert!(text.contains(source), "no event from {source} was captured:\n{text}");
    }
    for token in tokens {
        let tail = &token[token.len() - 16..];
        assert!(!text.contains(tail), "a log line has a token:\n{text}");
    }
}

#[tokio::test]
async fn the_http_client_logs_no_token_at_trace() {
    logs();
    let env = env().await;
    let (client, host) = (env.client(), env.host());
    let good = env.classic(&["repo"]);
    let revoked = env.classic(&[]);
    env.hub.revoke_token(&revoked).unwrap();
    let sso = env.mint(NewToken::classic(LOGIN, &["repo"]).sso_authorized(&["acme"]));

    client.get_user(&host, &Secret::new(good.as_str())).await.unwrap();
    client.get_user(&env.ghes(), &Secret::new(good.as_str())).await.unwrap();
    client.get_user(&host, &Secret::new(revoked.as_str())).await.unwrap_err();
    let _ = client.probe_sso(&host, &Secret::new(sso.as_str())).await;
    for fault in
        [Fault::InternalError, Fault::BadGatewayHtml, Fault::TruncatedJson, Fault::ConnectionReset, Fault::NotJson]
    {
        env.hub.inject_fault(fault, 1);
        let _ = client.get_user(&host, &Secret::new(good.as_str())).await;
    }
    env.hub.set_rate_limit(LOGIN, 1).unwrap();
    for _ in 0..2 {
        let _ = client.get_user(&host, &Secret::new(good.as_str())).await;
    }
    assert_no_token_logged(&[&good, &revoked, &sso], &["TRACE hyper_util", "reqwest::"]);
}

#[tokio::test]
async fn the_service_logs_no_token_at_trace() {
    logs();
    let env = env().await;
    let (a, b) = (env.classic(&["repo"]), env.classic(&[]));
    let jeton = &env.jeton;
    jeton.check(&a, None, false, Lang::En).await;
    jeton.add("a", None, &a, Lang::En).await.unwrap();
    jeton.add("b", None, &b, Lang::Fr).await.unwrap();
    let _ = jeton.add("a again", None, &a, Lang::En).await;
    env.hub.revoke_token(&b).unwrap();
    jeton.recheck("b", Lang::En).await.unwrap();
    jeton.recheck_all(Lang::Fr, RecheckOptions::default(), |_| {}).await.unwrap();
    jeton.forget("a").await.unwrap();
    jeton.forget("b").await.unwrap();
    assert_no_token_logged(&[&a, &b], &["vault: token added", "vault: token forgotten"]);
}

#[tokio::test]
async fn revocation_logs_no_token_at_trace() {
    logs();
    let env = env().await;
    let (a, b) = (env.classic(&["repo"]), env.classic(&[]));
    env.jeton.add("revoked", None, &a, Lang::En).await.unwrap();
    env.jeton.revoke("revoked").await.unwrap();
    // The request body holds the secrets: neither an accepted nor a failed one is logged.
    env.hub.inject_fault(Fault::InternalError, 3);
    let _ = env.client().revoke_credentials(&env.host(), &[&Secret::new(b.as_str())]).await;
    env.hub.clear_faults();
    assert_no_token_logged(&[&a, &b], &["revoke: GitHub accepted the revocation", "github: retrying"]);
}

#[test]
fn the_keyring_store_logs_no_token_at_trace() {
    logs();
    let ns = unique_namespace("noleak");
    let store = Arc::new(KeyringStore::new(ns.clone()));
    let usable = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() && store.probe().is_ok();
    if !usable && may_skip_keychain("no Secret Service answers on the session bus") {
        return;
    }
    let token = "ghp_TRACECANARY0123456789abcdefghijklm";
    store.set("a", &Secret::new(token)).unwrap();
    store.describe("a", &EntryLabel::of(&record("a", "laptop"))).unwrap();
    assert_eq!(store.get("a").unwrap().unwrap().expose(), token);
    assert_eq!(store.accounts().unwrap(), Some(vec!["a".to_owned()]));
    store.delete("a").unwrap();

    let dir = tempfile::tempdir().unwrap();
    let v = Vault::new(store.clone(), MetadataStore::new(dir.path()));
    let laptop = v.add(record("b", "laptop"), &Secret::new(token)).unwrap();
    assert_eq!(v.secret(&laptop).unwrap().expose(), token);
    v.reconcile().unwrap();
    v.forget("laptop").unwrap();
    assert_no_token_logged(&[token], &["TRACE zbus"]);
}
