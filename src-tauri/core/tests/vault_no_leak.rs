//! A secret never appears in a log line, an error, or anything serialized, on the
//! vault's happy paths and its failures alike.

mod vault_common;

use std::sync::Arc;

use jeton_core::i18n::Lang;
use jeton_core::vault::{Document, Intent, MemoryStore, MetadataStore, SecretStore, Vault};
use jeton_core::{Error, Secret};
use vault_common::{record, Capture};

const CANARY: &str = "ghp_LEAKCANARY0123456789abcdefghijklmnop";

#[test]
fn a_secret_never_reaches_a_log_an_error_or_a_serialized_record() {
    let capture = Capture::default();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(capture.clone())
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .finish();
    let dir = tempfile::tempdir().unwrap();
    let secret = || Secret::new(CANARY);
    let mut errors: Vec<Error> = vec![];
    let mut serialized: Vec<String> = vec![];

    tracing::subscriber::with_default(subscriber, || {
        let store = Arc::new(MemoryStore::default());
        let v = Vault::new(store.clone(), MetadataStore::new(dir.path()));
        let laptop = v.add(record("a", "laptop"), &secret()).unwrap();
        tracing::info!(secret = ?secret(), "a careless debug field");
        tracing::info!("a careless display: {}", secret());
        assert_eq!(v.secret(&laptop).unwrap().expose(), CANARY);
        v.rename("laptop", "desk").unwrap();

        store.set_locked(true);
        errors.push(v.add(record("b", "ci"), &secret()).unwrap_err());
        errors.push(v.secret(&laptop).unwrap_err());
        errors.push(v.forget("desk").unwrap_err());
        store.fail_with(Some(Error::KeychainUnavailable { detail: "the bus went away".into() }));
        errors.push(v.restore_secret("desk", &secret()).unwrap_err());
        store.fail_with(None);
        errors.push(v.add(record("c", "desk"), &secret()).unwrap_err());
        errors.push(v.add(record("c", " bad name"), &secret()).unwrap_err());
        store.delete("a").unwrap();
        errors.push(v.secret(&laptop).unwrap_err());
        v.restore_secret("desk", &secret()).unwrap();

        // A writer killed mid-add, resolved on reconcile.
        store.set("k", &secret()).unwrap();
        let mut doc = v.metadata().load().unwrap();
        doc.pending.push(Intent::Add { record: record("k", "killed") });
        v.metadata().save(&doc).unwrap();
        store.set("orphan", &secret()).unwrap();
        let report = v.reconcile().unwrap();
        serialized.push(serde_json::to_string(&report).unwrap());
        serialized.push(format!("{report:?}"));
        serialized.push(v.export_metadata().unwrap());
        serialized.push(serde_json::to_string(&v.list().unwrap()).unwrap());
        serialized.push(format!("{:?}", v.list().unwrap()));
        serialized.push(format!("{:?}", v.metadata().load().unwrap()));
        serialized.push(serde_json::to_string(&v.import_metadata(&v.export_metadata().unwrap()).unwrap()).unwrap());
        v.forget("desk").unwrap();
    });

    let logs = capture.text();
    assert!(
        logs.contains("vault: token added") && logs.contains("interrupted operation resolved"),
        "the vault logs:\n{logs}"
    );
    assert!(logs.contains("<redacted>"));
    assert!(!logs.contains("LEAKCANARY"), "a log line has the secret:\n{logs}");
    assert_eq!(errors.len(), 7);
    for e in &errors {
        for text in [e.to_string(), format!("{e:?}"), e.message(Lang::En), e.message(Lang::Fr)] {
            assert!(!text.contains("LEAKCANARY"), "{}: {text}", e.code());
        }
        assert!(!serde_json::to_string(&e.payload(Lang::En)).unwrap().contains("LEAKCANARY"));
    }
    for text in &serialized {
        assert!(!text.contains("LEAKCANARY"), "{text}");
    }
    for entry in std::fs::read_dir(dir.path()).unwrap().flatten() {
        let bytes = std::fs::read(entry.path()).unwrap();
        assert!(!String::from_utf8_lossy(&bytes).contains("LEAKCANARY"), "{:?} has the secret", entry.path());
    }
    let empty = serde_json::to_string(&Document::default()).unwrap();
    assert!(empty.contains("\"pending\""));
}
