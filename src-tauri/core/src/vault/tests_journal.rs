//! The journal and reconciliation: the states a crash can leave, and what becomes of them.

use super::tests::{record, vault};
use super::*;
use std::path::PathBuf;

/// A keychain that, at each write, notes what the metadata file said at that moment.
struct Spy {
    inner: MemoryStore,
    file: PathBuf,
    seen: Mutex<Vec<(String, Document)>>,
}

impl Spy {
    fn note(&self, op: &str) {
        let text = std::fs::read(&self.file).unwrap_or_default();
        let doc = serde_json::from_slice(&text).unwrap_or_default();
        self.seen.lock().unwrap().push((op.into(), doc));
    }
}

impl SecretStore for Spy {
    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        self.note("set");
        self.inner.set(account, secret)
    }
    fn get(&self, account: &str) -> Result<Option<Secret>> {
        self.inner.get(account)
    }
    fn delete(&self, account: &str) -> Result<()> {
        self.note("delete");
        self.inner.delete(account)
    }
}

#[test]
fn the_journal_is_on_disk_before_the_keychain_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    let meta = MetadataStore::new(dir.path());
    let spy = Arc::new(Spy { inner: MemoryStore::default(), file: meta.path(), seen: Mutex::default() });
    let v = Vault::new(spy.clone(), meta);
    v.add(record("a", "x"), &Secret::new("s")).unwrap();
    v.forget("x").unwrap();
    let seen = spy.seen.lock().unwrap();
    let (op, at_set) = &seen[0];
    assert_eq!(op, "set");
    assert!(at_set.tokens.is_empty(), "the token is not listed before its secret is written");
    assert!(matches!(&at_set.pending[..], [Intent::Add { record }] if record.id == "a"));
    let (op, at_delete) = seen.iter().rfind(|(op, _)| op == "delete").unwrap();
    assert_eq!(op, "delete");
    assert!(at_delete.tokens.is_empty(), "the metadata goes before the secret");
    assert!(matches!(&at_delete.pending[..], [Intent::Forget { record }] if record.id == "a"));
    assert!(v.metadata().load().unwrap().pending.is_empty());
}

/// Writes a metadata file as a writer killed mid-operation would have left it.
fn crashed(v: &Vault, tokens: Vec<TokenRecord>, pending: Vec<Intent>) {
    v.metadata().save(&Document { version: SCHEMA_VERSION, tokens, pending, ..Document::default() }).unwrap();
}

#[test]
fn an_add_killed_after_the_secret_was_written_completes() {
    let (_d, store, v) = vault();
    store.set("a", &Secret::new("s")).unwrap();
    crashed(&v, vec![], vec![Intent::Add { record: record("a", "laptop") }]);
    let r = v.reconcile().unwrap();
    assert_eq!(r.resolved, [Resolved::AddCompleted { id: "a".into(), name: "laptop".into() }]);
    assert!(r.recovered.is_empty() && r.missing.is_empty());
    assert_eq!(v.secret(&v.find("laptop").unwrap()).unwrap().expose(), "s");
    assert!(v.metadata().load().unwrap().pending.is_empty());
}

#[test]
fn an_add_killed_before_the_secret_was_written_is_undone() {
    let (_d, store, v) = vault();
    crashed(&v, vec![record("b", "kept")], vec![Intent::Add { record: record("a", "laptop") }]);
    store.set("b", &Secret::new("s")).unwrap();
    let r = v.reconcile().unwrap();
    assert_eq!(r.resolved, [Resolved::AddUndone { id: "a".into(), name: "laptop".into() }]);
    assert_eq!(v.list().unwrap().iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), ["b"]);
}

#[test]
fn a_forget_killed_midway_completes() {
    let (_d, store, v) = vault();
    store.set("a", &Secret::new("s")).unwrap();
    crashed(&v, vec![], vec![Intent::Forget { record: record("a", "laptop") }]);
    let r = v.reconcile().unwrap();
    assert_eq!(r.resolved, [Resolved::ForgetCompleted { id: "a".into(), name: "laptop".into() }]);
    assert!(store.is_empty(), "the secret went after its metadata");
    assert!(r.recovered.is_empty());
}

#[test]
fn any_write_resolves_the_journal_first() {
    let (_d, store, v) = vault();
    store.set("a", &Secret::new("s")).unwrap();
    crashed(&v, vec![], vec![Intent::Add { record: record("a", "laptop") }]);
    v.add(record("b", "laptop"), &Secret::new("s2")).unwrap_err();
    assert_eq!(v.find("laptop").unwrap().id, "a", "the completed add took its name first");
}

#[test]
fn a_locked_keychain_leaves_the_journal_for_later_and_metadata_writes_go_on() {
    let (_d, store, v) = vault();
    v.add(record("b", "other"), &Secret::new("s")).unwrap();
    crashed(&v, v.list().unwrap(), vec![Intent::Forget { record: record("a", "laptop") }]);
    store.set_locked(true);
    v.rename("other", "renamed").unwrap();
    assert_eq!(v.metadata().load().unwrap().pending.len(), 1, "kept, not dropped");
    assert_eq!(v.reconcile().unwrap_err().code(), "keychain_locked");
    store.set_locked(false);
    assert_eq!(v.reconcile().unwrap().resolved.len(), 1);
}
