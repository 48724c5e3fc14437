//! Unreadable, foreign and old metadata files: kept, copied aside, never overwritten.

use super::tests::record;
use super::*;

fn open_with(content: &[u8]) -> (tempfile::TempDir, Arc<MemoryStore>, Vault) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(metadata::FILE_NAME), content).unwrap();
    let store = Arc::new(MemoryStore::default());
    let v = Vault::new(store.clone(), MetadataStore::new(dir.path()));
    (dir, store, v)
}

fn copies(v: &Vault, label: &str) -> Vec<std::path::PathBuf> {
    let prefix = format!("{}.{label}-", metadata::FILE_NAME);
    let mut out: Vec<_> = std::fs::read_dir(v.metadata().dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .map(|e| e.path())
        .collect();
    out.sort();
    out
}

/// Every write is refused, nothing reaches the keychain, and the file keeps its bytes.
fn assert_refuses_writes(v: &Vault, store: &MemoryStore, original: &[u8]) {
    let s = Secret::new("s");
    assert_eq!(v.add(record("n", "new"), &s).unwrap_err().code(), "metadata_read_only");
    assert_eq!(v.rename("a", "b").unwrap_err().code(), "metadata_read_only");
    assert_eq!(v.forget("a").unwrap_err().code(), "metadata_read_only");
    assert_eq!(v.update("a", |_| ()).unwrap_err().code(), "metadata_read_only");
    assert_eq!(v.reconcile().unwrap_err().code(), "metadata_read_only");
    assert_eq!(v.import_metadata(r#"{"version":2,"tokens":[]}"#).unwrap_err().code(), "metadata_read_only");
    assert!(store.is_empty(), "no secret was written for a refused add");
    assert_eq!(std::fs::read(v.metadata().path()).unwrap(), original, "the user's file is untouched");
}

#[test]
fn truncated_invalid_or_empty_files_are_kept_and_read_only() {
    let good = serde_json::to_vec(&Document { tokens: vec![record("a", "laptop")], ..Document::default() }).unwrap();
    for bad in [&good[..good.len() / 2], b"this is not json".as_slice(), b"", br#"{"version": "x"}"#] {
        let (_d, store, v) = open_with(bad);
        let why = v.read_only().expect("read-only");
        assert_eq!(why.code(), "metadata_corrupt");
        let [copy] = &copies(&v, "corrupt")[..] else { panic!("one copy expected") };
        assert_eq!(std::fs::read(copy).unwrap(), bad);
        match &why {
            Error::MetadataCorrupt { backup, .. } => {
                assert_eq!(backup.as_deref(), Some(copy.display().to_string().as_str()))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(v.list().unwrap_err().code(), "metadata_corrupt");
        assert_refuses_writes(&v, &store, bad);
        let again = Vault::new(store.clone(), MetadataStore::new(v.metadata().dir()));
        assert!(again.read_only().is_some());
        assert_eq!(copies(&v, "corrupt").len(), 1, "the same bytes are copied once");
    }
}

#[test]
fn a_file_from_a_newer_jeton_is_shown_read_only() {
    let newer = include_bytes!("fixtures/v999.json");
    let (_d, store, v) = open_with(newer);
    let why = v.read_only().expect("read-only");
    assert_eq!(why.code(), "metadata_too_new");
    assert_eq!(copies(&v, "corrupt").len(), 1);
    assert_eq!(v.list().unwrap()[0].name, "laptop git", "what can be read is shown");
    assert_eq!(v.find("laptop git").unwrap().id, "2b1f8c0e-6a47-4d0b-9d0e-4f1c3e2a9b10");
    assert_refuses_writes(&v, &store, newer);
}

#[test]
fn a_file_spoilt_after_opening_turns_the_vault_read_only_without_overwriting_it() {
    let (_d, _s, v) = super::tests::vault();
    v.add(record("a", "laptop"), &Secret::new("s")).unwrap();
    std::fs::write(v.metadata().path(), b"{\"tokens\": [").unwrap();
    assert_eq!(v.add(record("b", "ci"), &Secret::new("s")).unwrap_err().code(), "metadata_corrupt");
    assert_eq!(v.read_only().unwrap().code(), "metadata_corrupt");
    assert_eq!(v.rename("a", "x").unwrap_err().code(), "metadata_read_only");
    assert_eq!(std::fs::read(v.metadata().path()).unwrap(), b"{\"tokens\": [");
}

#[test]
fn reload_lifts_read_only_once_the_file_is_fixed() {
    let (_d, _s, v) = open_with(b"garbage");
    assert!(v.read_only().is_some());
    std::fs::remove_file(v.metadata().path()).unwrap();
    assert!(v.reload().is_none());
    v.add(record("a", "x"), &Secret::new("s")).unwrap();
}

#[test]
fn an_old_file_is_copied_aside_migrated_and_saved_in_the_current_version() {
    let v0 = include_bytes!("fixtures/v0.json");
    let (_d, _s, v) = open_with(v0);
    assert!(v.read_only().is_none());
    let [copy] = &copies(&v, "v0")[..] else { panic!("one copy of the v0 file expected") };
    assert_eq!(std::fs::read(copy).unwrap(), v0);
    assert_eq!(v.list().unwrap().len(), 2);
    v.rename("ci", "ci (GHES)").unwrap();
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(v.metadata().path()).unwrap()).unwrap();
    assert_eq!(saved["version"], SCHEMA_VERSION);
    assert_eq!(saved["tokens"][0]["scopes"], serde_json::json!(["repo", "read:org", "gist"]));
    let again = Vault::new(Arc::new(MemoryStore::default()), MetadataStore::new(v.metadata().dir()));
    assert!(again.read_only().is_none());
    assert_eq!(copies(&again, "v0").len(), 1);
}
