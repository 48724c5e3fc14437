//! The vault against the real Secret Service (gnome-keyring): a round trip on the
//! session's keychain, and each keychain trouble with its own error code, each in a
//! private D-Bus session of its own (so locking or freezing a keyring disturbs no
//! other test): no Secret Service (`keychain_unavailable`, then it appears and the same
//! store reconnects), a locked collection (`keychain_locked`), a keychain that does not
//! answer (`keychain_timeout`). Never a plain-text fallback.
//!
//! Run under `scripts/headless` for the session round trip. Without dbus-run-session
//! and gnome-keyring-daemon (or a session Secret Service) the tests fail, unless
//! `JETON_SKIP_KEYCHAIN_TESTS=1` says this machine has none: then they say "skipped".

mod vault_common;
#[allow(dead_code)]
mod vault_keychain_support;

use std::sync::Arc;
use std::time::Duration;

use jeton_core::vault::{KeyringStore, MetadataStore, SecretStore, Vault};
use jeton_core::Secret;
use vault_common::*;
use vault_keychain_support::*;

#[test]
fn child_process() {
    let Some(role) = child_role() else { return };
    let rt = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let ns = unique_namespace("private");
    match role.as_str() {
        "round_trip" => {
            start_keyring();
            round_trip(&ns);
        }
        "unavailable_then_appears" => {
            let store = Arc::new(KeyringStore::new(ns.clone()));
            assert_eq!(store.probe().unwrap_err().code(), "keychain_unavailable");
            let v = Vault::new(store.clone(), MetadataStore::new(dir.path()));
            let e = v.add(record("a", "laptop"), &Secret::new("ghp_mustnotbeanywhere")).unwrap_err();
            assert_eq!(e.code(), "keychain_unavailable");
            assert_eq!(rt.block_on(v.keychain_status()).unwrap_err().code(), "keychain_unavailable");
            assert!(v.list().unwrap().is_empty());
            assert!(v.metadata().load().unwrap().pending.is_empty());
            assert!(!any_file_contains(dir.path(), "ghp_mustnotbeanywhere"), "no plain-text fallback");

            start_keyring();
            store.probe().expect("the same store connects once the Secret Service is there");
            v.add(record("a", "laptop"), &Secret::new("s1")).unwrap();
            assert_eq!(v.secret(&v.find("laptop").unwrap()).unwrap().expose(), "s1");
        }
        "locked" => {
            start_keyring();
            let store = Arc::new(KeyringStore::new(ns.clone()));
            let v = Vault::new(store.clone(), MetadataStore::new(dir.path()))
                .with_keychain_timeout(Duration::from_secs(30));
            let laptop = v.add(record("a", "laptop"), &Secret::new("s1")).unwrap();
            lock_default_collection();
            assert_eq!(store.probe().unwrap_err().code(), "keychain_locked");
            assert_eq!(rt.block_on(v.keychain_status()).unwrap_err().code(), "keychain_locked");
            let e = rt.block_on(v.add_async(record("b", "ci"), Secret::new("ghp_lockedout"))).unwrap_err();
            assert_eq!(e.code(), "keychain_locked");
            assert_eq!(rt.block_on(v.secret_async(&laptop)).unwrap_err().code(), "keychain_locked");
            assert_eq!(v.forget("laptop").unwrap_err().code(), "keychain_locked");
            assert_eq!(v.reconcile().unwrap_err().code(), "keychain_locked");
            let names: Vec<String> = v.list().unwrap().into_iter().map(|r| r.name).collect();
            assert_eq!(names, ["laptop"], "the metadata is still readable and unchanged");
            assert!(v.metadata().load().unwrap().pending.is_empty());
            assert!(!any_file_contains(dir.path(), "ghp_lockedout"), "no plain-text fallback");
        }
        "hung" => {
            start_keyring();
            let v = Vault::new(Arc::new(KeyringStore::new(ns.clone())), MetadataStore::new(dir.path()))
                .with_keychain_timeout(Duration::from_secs(2));
            let laptop = rt.block_on(v.add_async(record("a", "laptop"), Secret::new("s1"))).unwrap();
            let frozen = Frozen::new(secret_service_pid());
            // `keychain_timeout` comes only from the vault's own timeout: the bus's own
            // (D-Bus's 25 s) would end as `keychain_unavailable`.
            assert_eq!(rt.block_on(v.secret_async(&laptop)).unwrap_err().code(), "keychain_timeout");
            assert_eq!(rt.block_on(v.keychain_status()).unwrap_err().code(), "keychain_timeout");
            drop(frozen);
            let again = rt.block_on(v.clone().with_keychain_timeout(Duration::from_secs(30)).secret_async(&laptop));
            assert_eq!(again.unwrap().expose(), "s1", "the keychain answers again once it is back");
        }
        "restart" => {
            start_keyring();
            let v = Vault::new(Arc::new(KeyringStore::new(ns.clone())), MetadataStore::new(dir.path()));
            let laptop = v.add(record("a", "laptop"), &Secret::new("s1")).unwrap();
            stop(secret_service_pid());
            let gone = v.secret(&laptop).unwrap_err();
            assert_eq!(gone.code(), "keychain_unavailable", "{gone}");
            start_keyring();
            let back = v.secret(&laptop).or_else(|_| v.secret(&laptop));
            assert_eq!(back.unwrap().expose(), "s1", "the store reconnects to the new daemon");
        }
        other => panic!("unknown role {other}"),
    }
    println!("child {role}: ok");
}

#[test]
fn private_secret_service_round_trip() {
    in_private_session("round_trip");
}

#[test]
fn no_secret_service_is_unavailable_until_one_appears() {
    in_private_session("unavailable_then_appears");
}

#[test]
fn a_locked_collection_is_keychain_locked() {
    in_private_session("locked");
}

#[test]
fn a_keychain_that_does_not_answer_is_keychain_timeout() {
    in_private_session("hung");
}

#[test]
fn a_restarted_keychain_is_reconnected() {
    in_private_session("restart");
}

/// The session's own Secret Service (the one `scripts/headless` starts, or a
/// desktop's), in a namespace of this run only, cleaned up afterwards.
#[test]
fn session_secret_service_round_trip() {
    if child_role().is_some() {
        return;
    }
    let ns = unique_namespace("session");
    let usable =
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() && KeyringStore::new(ns.clone()).probe().is_ok();
    if !usable && may_skip_keychain("no Secret Service answers on the session bus") {
        return;
    }
    round_trip(&ns);
}

/// Store and vault on a real Secret Service, namespace `ns`; leaves nothing behind.
fn round_trip(ns: &str) {
    let store = Arc::new(KeyringStore::new(ns));
    store.probe().unwrap();
    assert_eq!(store.accounts().unwrap(), Some(vec![]));
    store.set("a", &Secret::new("s1")).unwrap();
    store.set("a", &Secret::new("s2 é ✓")).unwrap();
    assert_eq!(store.get("a").unwrap().unwrap().expose(), "s2 é ✓", "set replaces, unicode intact");
    assert_eq!(store.accounts().unwrap(), Some(vec!["a".to_owned()]), "one entry, not two");
    assert!(store.exists("a").unwrap() && !store.exists("b").unwrap());
    let neighbour = KeyringStore::new(format!("{ns}-other"));
    assert!(neighbour.get("a").unwrap().is_none(), "namespaces are separate");
    assert_eq!(neighbour.accounts().unwrap(), Some(vec![]));
    store.delete("a").unwrap();
    store.delete("a").unwrap();
    assert!(store.get("a").unwrap().is_none());

    let dir = tempfile::tempdir().unwrap();
    let v = Vault::new(store.clone(), MetadataStore::new(dir.path()));
    let laptop = v.add(record("id-1", "laptop"), &Secret::new("ghp_roundtrip")).unwrap();
    assert_eq!(v.secret(&laptop).unwrap().expose(), "ghp_roundtrip");
    store.set("orphan", &Secret::new("o")).unwrap();
    let r = v.reconcile().unwrap();
    assert!(r.enumerated);
    assert_eq!(r.recovered.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["orphan"]);
    assert!(r.missing.is_empty());
    v.delete_recovered("orphan").unwrap();
    v.forget("laptop").unwrap();
    assert_eq!(store.accounts().unwrap(), Some(vec![]));
    assert!(!any_file_contains(dir.path(), "ghp_roundtrip"));
}
