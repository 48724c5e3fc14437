//! Importing metadata never decides, by itself, where a secret already in the keychain
//! is sent: a crafted file naming an unknown host gets no request carrying it, and a
//! kind the file claims never overrides the kind read from the secret (issue 7, point 4).

mod client_common;

use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use client_common::{env, LOGIN};
use fakehub::{NewToken, TokenKind};
use jeton_core::i18n::Lang;
use jeton_core::model::TokenKind as Kind;
use jeton_core::recheck::RecheckOptions;
use jeton_core::Secret;

/// A loopback server that only counts the connections it gets.
fn unknown_host() -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = hits.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            counted.fetch_add(1, Ordering::SeqCst);
            drop(stream);
        }
    });
    (url, hits)
}

fn record(id: &str, name: &str, host: &str, kind: &str) -> serde_json::Value {
    serde_json::json!({
        "id": id, "name": name, "host": host, "login": LOGIN, "kind": kind,
        "scopes": ["repo"], "expires_at": null, "created_at": "2026-01-01T00:00:00Z"
    })
}

#[tokio::test]
async fn a_crafted_import_sends_no_secret_to_a_host_it_names() {
    let env = env().await;
    let (evil, hits) = unknown_host();
    let laptop = env.classic(&["repo"]);
    let stolen = env.classic(&["repo"]);
    let refresh = env.mint(NewToken::new(LOGIN, TokenKind::AppRefresh));
    let store = env.jeton.vault.secrets();
    store.set("id-laptop", &Secret::new(&laptop)).unwrap();
    store.set("id-stolen", &Secret::new(&stolen)).unwrap();
    store.set("id-refresh", &Secret::new(&refresh)).unwrap();
    let home = env.host().key();
    let file = serde_json::json!({
        "format": "jeton-metadata", "version": 3,
        "tokens": [
            record("id-laptop", "laptop", &home, "classic"),
            record("id-stolen", "stolen", &evil, "classic"),
            record("id-refresh", "refresh", &home, "classic"),
        ]
    });

    let summary = env.jeton.import_backup(file.to_string()).await.unwrap();

    assert_eq!(summary.to_confirm, ["stolen"], "left for the user to confirm");
    assert!(summary.added.contains(&"laptop".to_string()) && summary.added.contains(&"refresh".to_string()));
    let tokens = env.jeton.list(Lang::En).unwrap();
    assert!(tokens.iter().all(|t| t.host != evil), "no record bound to the unknown host");
    let refresh_view = tokens.iter().find(|t| t.name.as_deref() == Some("refresh")).unwrap();
    assert_eq!(refresh_view.kind, Some(Kind::AppRefresh), "the kind comes from the secret, not the file");
    assert_eq!(refresh_view.error.as_ref().unwrap().code.as_str(), "not_checkable");
    env.jeton.recheck_all(Lang::En, RecheckOptions::default(), |_| {}).await.unwrap();
    assert_eq!(hits.load(Ordering::SeqCst), 0, "no connection ever reached the host the file named");
    let health = env.jeton.health(Lang::En).await;
    assert_eq!(health.recovered, ["id-stolen"], "still offered under Found in your keychain");
}
