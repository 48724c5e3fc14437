//! Reconciliation beyond the journal: secrets nobody names, tokens whose secret is
//! gone, keychains that cannot list, leftovers of killed writers, timeouts.

use super::tests::{record, vault};
use super::*;

#[test]
fn secrets_nobody_names_are_recovered_not_dropped() {
    let (_d, store, v) = vault();
    v.add(record("a", "laptop"), &Secret::new("s1")).unwrap();
    store.set("orphan", &Secret::new("s2")).unwrap();
    let r = v.reconcile().unwrap();
    assert!(r.enumerated);
    assert_eq!(r.recovered, [RecoveredSecret { id: "orphan".into() }]);
    assert_eq!(v.reconcile().unwrap().recovered.len(), 1, "still there until the user decides");
    assert_eq!(
        v.delete_recovered("a").unwrap_err().code(),
        "not_found",
        "a named token's secret is not deletable here"
    );
    assert_eq!(v.name_recovered("a", record("x", "again")).unwrap_err().code(), "not_found");
    assert_eq!(v.name_recovered("orphan", record("x", "laptop")).unwrap_err().code(), "name_taken");
    let named = v.name_recovered("orphan", record("ignored", "found")).unwrap();
    assert_eq!(named.id, "orphan");
    assert_eq!(v.secret(&v.find("found").unwrap()).unwrap().expose(), "s2");
    assert!(v.reconcile().unwrap().recovered.is_empty());

    store.set("orphan2", &Secret::new("s3")).unwrap();
    v.delete_recovered("orphan2").unwrap();
    assert!(!store.exists("orphan2").unwrap());
    assert_eq!(v.name_recovered("orphan2", record("y", "z")).unwrap_err().code(), "not_found");
}

#[test]
fn tokens_whose_secret_is_gone_are_reported_missing_and_kept() {
    let (_d, store, v) = vault();
    v.add(record("a", "laptop"), &Secret::new("s1")).unwrap();
    store.delete("a").unwrap();
    let r = v.reconcile().unwrap();
    assert_eq!(r.missing, [MissingSecret { id: "a".into(), name: "laptop".into() }]);
    assert_eq!(v.list().unwrap().len(), 1);
    v.restore_secret("laptop", &Secret::new("s1")).unwrap();
    assert!(v.reconcile().unwrap().missing.is_empty());
}

/// A keychain that cannot list its entries (as some platforms' cannot).
struct NoListing(MemoryStore);

impl SecretStore for NoListing {
    fn set(&self, a: &str, s: &Secret) -> Result<()> {
        self.0.set(a, s)
    }
    fn get(&self, a: &str) -> Result<Option<Secret>> {
        self.0.get(a)
    }
    fn delete(&self, a: &str) -> Result<()> {
        self.0.delete(a)
    }
}

#[test]
fn without_listing_missing_secrets_are_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(NoListing(MemoryStore::default()));
    let v = Vault::new(store.clone(), MetadataStore::new(dir.path()));
    v.add(record("a", "laptop"), &Secret::new(format!("s{}", line!()))).unwrap();
    v.add(record("b", "ci"), &Secret::new(format!("s{}", line!()))).unwrap();
    store.0.delete("b").unwrap();
    let r = v.reconcile().unwrap();
    assert!(!r.enumerated);
    assert_eq!(r.missing, [MissingSecret { id: "b".into(), name: "ci".into() }]);
}

#[test]
fn temp_files_left_by_a_killed_writer_are_removed() {
    let (_d, _s, v) = vault();
    v.add(record("a", "x"), &Secret::new("s")).unwrap();
    let stale = v.metadata().dir().join(".tokens.json.999999.tmp");
    std::fs::write(&stale, b"{half a docu").unwrap();
    v.rename("x", "y").unwrap();
    assert!(!stale.exists());
}

/// A keychain whose first `set` is held until the test lets it go, telling the test
/// when it is being held.
struct Held {
    inner: MemoryStore,
    reached: std::sync::mpsc::Sender<()>,
    release: Mutex<Option<std::sync::mpsc::Receiver<()>>>,
}

impl SecretStore for Held {
    fn set(&self, a: &str, s: &Secret) -> Result<()> {
        let release = self.release.lock().unwrap().take();
        if let Some(release) = release {
            let _ = self.reached.send(());
            // Let go anyway after a while, so that a vault that does not time out fails
            // the test instead of hanging it.
            let _ = release.recv_timeout(std::time::Duration::from_secs(30));
        }
        self.inner.set(a, s)
    }
    fn get(&self, a: &str) -> Result<Option<Secret>> {
        self.inner.get(a)
    }
    fn delete(&self, a: &str) -> Result<()> {
        self.inner.delete(a)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn async_calls_time_out_and_the_work_still_ends_consistent() {
    let (reached_tx, reached) = std::sync::mpsc::channel();
    let (release, release_rx) = std::sync::mpsc::channel();
    let store = Held { inner: MemoryStore::default(), reached: reached_tx, release: Mutex::new(Some(release_rx)) };
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::new(Arc::new(store), MetadataStore::new(dir.path()));
    let hasty = v.clone().with_keychain_timeout(std::time::Duration::from_millis(50));
    let e = hasty.add_async(record("a", "x"), Secret::new("s")).await.unwrap_err();
    assert_eq!(e.code(), "keychain_timeout");
    // The add goes on: it holds the vault's lock, its journal written, inside the keychain.
    reached.recv_timeout(std::time::Duration::from_secs(30)).expect("the add reached the keychain");
    release.send(()).unwrap();
    // The next writer waits for that add to end, which it does by itself: nothing to resolve.
    let r = v.reconcile_async().await.unwrap();
    assert!(r.recovered.is_empty() && r.missing.is_empty() && r.resolved.is_empty(), "{r:?}");
    assert_eq!(v.find("x").unwrap().id, "a", "the add finished once the keychain answered");
    assert_eq!(v.secret_async(&v.find("x").unwrap()).await.unwrap().expose(), "s");
    assert_eq!(DEFAULT_KEYCHAIN_TIMEOUT, std::time::Duration::from_secs(120));
}
