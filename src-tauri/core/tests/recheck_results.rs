//! `recheck_all` reports progress once per token, and a failed check never drops or
//! rewrites a token: only its last check changes.

mod client_common;

use std::collections::HashSet;
use std::sync::Mutex;
use std::time::Duration;

use chrono::Utc;
use client_common::{dead_port, env};
use fakehub::{Fault, NewToken, Rewrite};
use jeton_core::i18n::Lang;
use jeton_core::model::{TokenRecord, TokenStatus};
use jeton_core::recheck::RecheckOptions;

#[tokio::test]
async fn progress_is_reported_once_per_token_up_to_the_total() {
    let env = env().await;
    for i in 0..12 {
        let host = if i % 3 == 0 { env.ghes_web() } else { env.host().key() };
        env.store(&format!("t{i}"), &env.classic(&["repo"]), &host, None);
    }
    env.hub.set_latency(Some(Duration::from_millis(20)));
    let seen = Mutex::new(Vec::new());
    let views = env
        .jeton
        .recheck_all(Lang::En, RecheckOptions::default(), |p| {
            seen.lock().unwrap().push((p.done, p.total, p.token.id.clone().unwrap()));
        })
        .await
        .unwrap();
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen.len(), 12);
    assert!(seen.iter().enumerate().all(|(i, (done, total, _))| *done == i + 1 && *total == 12), "{seen:?}");
    let ids: HashSet<_> = seen.iter().map(|(_, _, id)| id.clone()).collect();
    let stored: HashSet<_> = env.jeton.vault.list().unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(ids, stored);
    assert_eq!(views.len(), 12);
}

#[tokio::test]
async fn an_empty_vault_is_no_work() {
    let env = env().await;
    let calls = Mutex::new(0);
    let views = env.jeton.recheck_all(Lang::En, RecheckOptions::default(), |_| *calls.lock().unwrap() += 1).await;
    assert!(views.unwrap().is_empty());
    assert_eq!((*calls.lock().unwrap(), env.hub.stats().total), (0, 0));
}

/// A record as the user sees it, without its last check.
fn kept(r: &TokenRecord) -> TokenRecord {
    TokenRecord { last_check: None, last_failure: None, ..r.clone() }
}

#[tokio::test]
async fn failed_checks_neither_drop_nor_rewrite_a_token() {
    let env = env().await;
    let expiry = Some(Utc::now() + chrono::Duration::days(20));
    let expiry = expiry.map(|e| e - chrono::Duration::nanoseconds(e.timestamp_subsec_nanos() as i64));
    let mut tokens = Vec::new();
    for name in ["revoked", "500", "reset", "html", "truncated", "garbled-expiry", "nowhere", "fine"] {
        let t = env.mint(NewToken::classic(client_common::LOGIN, &["repo"]).expires_at(expiry.unwrap()));
        let host = if name == "nowhere" { format!("http://127.0.0.1:{}", dead_port()) } else { env.host().key() };
        env.store(name, &t, &host, expiry);
        tokens.push((name, t));
    }
    let token = |n: &str| tokens.iter().find(|(name, _)| *name == n).unwrap().1.clone();
    env.hub.revoke_token(&token("revoked")).unwrap();
    env.hub.set_token_fault(&token("500"), Some(Fault::InternalError));
    env.hub.set_token_fault(&token("reset"), Some(Fault::ConnectionReset));
    env.hub.set_token_fault(&token("html"), Some(Fault::NotJson));
    env.hub.set_token_fault(&token("truncated"), Some(Fault::TruncatedJson));
    let garbled = Rewrite::default().header("github-authentication-token-expiration", "soon-ish");
    env.hub.set_token_rewrite(&token("garbled-expiry"), Some(garbled));
    let before = env.jeton.vault.list().unwrap();

    let views = env.jeton.recheck_all(Lang::En, RecheckOptions::default(), |_| {}).await.unwrap();

    let after = env.jeton.vault.list().unwrap();
    assert_eq!(after.len(), before.len());
    for (b, a) in before.iter().zip(&after) {
        // Same token, same secret; the fields a check may set are unchanged too, since
        // every answer (even the good ones) agrees with what was stored.
        assert_eq!(kept(b), kept(a));
        assert_eq!(env.jeton.vault.secret(a).unwrap().expose(), token(&a.name));
        assert!(a.last_check.is_some() || a.last_failure.is_some(), "{}", a.name);
    }
    let status = |n: &str| views.iter().find(|v| v.name.as_deref() == Some(n)).unwrap();
    let expect = [
        ("revoked", TokenStatus::Invalid, "token_invalid"),
        ("500", TokenStatus::Unreachable, "bad_response"),
        ("reset", TokenStatus::Unreachable, "network"),
        ("html", TokenStatus::Unreachable, "bad_response"),
        ("truncated", TokenStatus::Unreachable, "bad_response"),
        ("nowhere", TokenStatus::Unreachable, "network"),
    ];
    for (name, s, code) in expect {
        let v = status(name);
        assert_eq!((v.status, v.error.as_ref().map(|e| e.code.as_str())), (s, Some(code)), "{name}");
        assert!(v.error.as_ref().unwrap().message.len() > 20);
    }
    for name in ["garbled-expiry", "fine"] {
        assert_eq!((status(name).status, status(name).error.as_ref()), (TokenStatus::Valid, None), "{name}");
        assert_eq!(status(name).expires_at, expiry.map(jeton_core::model::rfc3339));
    }
}

/// With GitHub out of reach, a token keeps the status and expiry GitHub last gave
/// (an expiring or SSO-held token never looks less urgent), says it could not be
/// reached, and its "last checked" stays the time of that last answer.
#[tokio::test]
async fn a_failed_recheck_keeps_what_jeton_knew() {
    let env = env().await;
    let tomorrow = Utc::now() + chrono::Duration::days(1);
    let t = env.mint(NewToken::classic(client_common::LOGIN, &["repo"]).expires_at(tomorrow));
    let stored = env.store("soon", &t, &env.host().key(), Some(tomorrow));
    let first = env.jeton.recheck(&stored.id, Lang::En).await.unwrap();
    assert_eq!((first.status, first.unreachable), (TokenStatus::Expiring, false));
    assert!(first.needs_attention);

    env.hub.set_token_fault(&t, Some(Fault::ConnectionReset));
    let views = env.jeton.recheck_all(Lang::Fr, RecheckOptions::default(), |_| {}).await.unwrap();
    let v = &views[0];
    assert_eq!(v.status, TokenStatus::Expiring, "the last known status stands");
    assert!(v.unreachable && v.needs_attention);
    assert_eq!(v.last_checked, first.last_checked, "checked when GitHub last answered");
    assert_eq!(v.expires_at, first.expires_at);
    let e = v.error.as_ref().unwrap();
    assert_eq!(e.code.as_str(), "network");
    assert!(e.message.starts_with("Impossible de joindre"), "rendered in the caller's language: {}", e.message);

    env.hub.set_token_fault(&t, None);
    let back = env.jeton.recheck(&stored.id, Lang::En).await.unwrap();
    assert!(!back.unreachable && back.error.is_none());
}
