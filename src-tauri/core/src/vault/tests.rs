use super::*;
use crate::model::{TokenKind, TokenRecord};
use chrono::Utc;

pub(super) fn record(id: &str, name: &str) -> TokenRecord {
    TokenRecord::new(id.to_string(), name.to_string(), "https://github.com".to_string(), TokenKind::Classic, Utc::now())
}

pub(super) fn vault() -> (tempfile::TempDir, Arc<MemoryStore>, Vault) {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::default());
    let v = Vault::new(store.clone(), MetadataStore::new(dir.path().join("data")));
    (dir, store, v)
}

#[test]
fn add_find_forget() {
    let (_d, store, v) = vault();
    v.add(record("a", "laptop"), &Secret::new("s1")).unwrap();
    assert_eq!(v.find("laptop").unwrap().id, "a");
    assert_eq!(v.secret(&v.find("a").unwrap()).unwrap().expose(), "s1");
    assert_eq!(v.add(record("b", "laptop"), &Secret::new("s2")).unwrap_err().code(), "name_taken");
    assert_eq!(store.len(), 1);
    v.forget("laptop").unwrap();
    assert!(v.list().unwrap().is_empty());
    assert!(store.is_empty());
    assert_eq!(v.forget("laptop").unwrap_err().code(), "not_found");
}

#[test]
fn rename_changes_the_name_only() {
    let (_d, store, v) = vault();
    v.add(record("a", "laptop"), &Secret::new("s1")).unwrap();
    v.add(record("b", "ci"), &Secret::new("s2")).unwrap();
    assert_eq!(v.rename("laptop", "desk").unwrap().id, "a");
    assert_eq!(v.find("desk").unwrap().id, "a");
    assert_eq!(v.find("laptop").unwrap_err().code(), "not_found");
    assert_eq!(v.rename("a", "ci").unwrap_err().code(), "name_taken");
    assert_eq!(v.rename("a", " bad").unwrap_err().code(), "name_invalid");
    assert_eq!(v.rename("zzz", "x").unwrap_err().code(), "not_found");
    assert_eq!(v.rename("a", "desk").unwrap().name, "desk", "renaming to its own name is fine");
    assert_eq!(v.secret(&v.find("desk").unwrap()).unwrap().expose(), "s1");
    assert_eq!(store.len(), 2);
}

#[test]
fn update_keeps_the_id_and_checks_a_new_name() {
    let (_d, _s, v) = vault();
    v.add(record("a", "one"), &Secret::new("s1")).unwrap();
    v.add(record("b", "two"), &Secret::new("s2")).unwrap();
    let r = v.update("a", |r| {
        r.id = "hijacked".into();
        r.notes = "n".into();
    });
    assert_eq!(r.unwrap().id, "a");
    assert_eq!(v.find("a").unwrap().notes, "n");
    assert_eq!(v.update("a", |r| r.name = "two".into()).unwrap_err().code(), "name_taken");
    assert_eq!(v.update("a", |r| r.name = "".into()).unwrap_err().code(), "name_invalid");
}

#[test]
fn locked_keychain_stores_nothing_anywhere() {
    let (d, store, v) = vault();
    store.set_locked(true);
    let e = v.add(record("a", "x"), &Secret::new("ghp_secret")).unwrap_err();
    assert_eq!(e.code(), "keychain_locked");
    store.set_locked(false);
    assert!(v.list().unwrap().is_empty());
    assert!(v.metadata().load().unwrap().pending.is_empty(), "the journal entry is undone");
    let leaked = walk(d.path()).into_iter().any(|c| c.contains("ghp_secret"));
    assert!(!leaked);
}

#[test]
fn forget_with_a_locked_keychain_changes_nothing() {
    let (_d, store, v) = vault();
    v.add(record("a", "x"), &Secret::new("s")).unwrap();
    store.set_locked(true);
    assert_eq!(v.forget("x").unwrap_err().code(), "keychain_locked");
    store.set_locked(false);
    assert_eq!(v.find("x").unwrap().id, "a");
    assert!(v.metadata().load().unwrap().pending.is_empty());
    assert_eq!(v.secret(&v.find("a").unwrap()).unwrap().expose(), "s");
}

#[test]
fn restore_secret_puts_a_missing_secret_back() {
    let (_d, store, v) = vault();
    v.add(record("a", "x"), &Secret::new("s")).unwrap();
    store.delete("a").unwrap();
    assert_eq!(v.secret(&v.find("a").unwrap()).unwrap_err().code(), "secret_missing");
    v.restore_secret("x", &Secret::new("s2")).unwrap();
    assert_eq!(v.secret(&v.find("a").unwrap()).unwrap().expose(), "s2");
    assert_eq!(v.restore_secret("nope", &Secret::new("s")).unwrap_err().code(), "not_found");
}

#[test]
fn metadata_file_is_private_and_has_no_secret() {
    let (_d, _s, v) = vault();
    v.add(record("a", "x"), &Secret::new("ghp_topsecret")).unwrap();
    let path = v.metadata().path();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("ghp_topsecret"));
    assert!(text.contains(&format!("\"version\": {}", super::SCHEMA_VERSION)));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(v.metadata().dir()).unwrap().permissions().mode() & 0o777, 0o700);
        let lock = v.metadata().dir().join(metadata::LOCK_NAME);
        assert_eq!(std::fs::metadata(lock).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

#[test]
fn names_are_checked() {
    assert!(validate_name("CI token").is_ok());
    for bad in ["", " x", "a\nb", &"x".repeat(101)] {
        assert_eq!(validate_name(bad).unwrap_err().code(), "name_invalid");
    }
}

#[test]
fn export_has_a_note_and_no_secret() {
    let (_d, _s, v) = vault();
    v.add(record("a", "laptop"), &Secret::new("ghp_exportsecret")).unwrap();
    let json = v.export_metadata().unwrap();
    assert!(!json.contains("ghp_exportsecret"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["format"], EXPORT_FORMAT);
    assert_eq!(value["note"], EXPORT_NOTE);
    assert_eq!(value["tokens"][0]["name"], "laptop");
}

#[cfg(unix)]
#[test]
fn export_to_an_existing_world_readable_file_leaves_it_private() {
    use std::os::unix::fs::PermissionsExt;
    let (d, _s, v) = vault();
    v.add(record("a", "laptop"), &Secret::new("s1")).unwrap();
    let target = d.path().join("jeton-export.json");
    std::fs::write(&target, "an older, longer file the user saved here before").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o644)).unwrap();
    v.export_metadata_to(&target).unwrap();
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "an export names tokens and accounts: readable by its owner only");
    let value: serde_json::Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(value["tokens"][0]["name"], "laptop");
}

#[test]
fn import_merges_by_id_and_reports_secrets_not_here() {
    let (_d, _s, there) = vault();
    there.add(record("a", "laptop"), &Secret::new("s1")).unwrap();
    there.add(record("b", "ci"), &Secret::new("s2")).unwrap();
    there.add(record("c", "gone"), &Secret::new("s3")).unwrap();
    let export = there.export_metadata().unwrap();

    let (_d2, store, here) = vault();
    here.add(record("a", "laptop (renamed here)"), &Secret::new("s1")).unwrap();
    here.add(record("z", "ci"), &Secret::new("sz")).unwrap();
    store.set("c", &Secret::new("s3")).unwrap();
    let report = here.import_metadata(&export).unwrap();
    assert_eq!(report.already_present, ["laptop (renamed here)"]);
    assert_eq!(report.added, ["ci (2)"]);
    let held: Vec<&str> = report.held.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(held, ["c"], "a secret already here is not bound by the file alone");
    assert_eq!(report.renamed, [Renamed { from: "ci".into(), to: "ci (2)".into() }]);
    assert_eq!(report.without_secret, ["ci (2)"], "b's secret is only on the other machine");
    assert_eq!(here.find("a").unwrap().name, "laptop (renamed here)", "local metadata is kept");
    assert_eq!(here.list().unwrap().len(), 3);
    let again = here.import_metadata(&export).unwrap();
    assert!(again.added.is_empty(), "importing twice adds nothing");
}

#[test]
fn import_refuses_what_it_cannot_read_and_writes_nothing() {
    let (_d, _s, v) = vault();
    v.add(record("a", "x"), &Secret::new("s")).unwrap();
    let before = std::fs::read(v.metadata().path()).unwrap();
    for bad in [
        "not json",
        r#"{"format": "something-else", "tokens": []}"#,
        r#"{"version": 99, "tokens": []}"#,
        r#"{"version": 2, "tokens": [{"id": "q"}]}"#,
        r#"{"version": 0, "tokens": [{"id": "q", "name": "", "kind": "classic", "host": "h"}]}"#,
    ] {
        assert_eq!(v.import_metadata(bad).unwrap_err().code(), "import_invalid", "{bad}");
    }
    assert_eq!(std::fs::read(v.metadata().path()).unwrap(), before);
    let v0 = include_str!("fixtures/v0.json");
    assert_eq!(v.import_metadata(v0).unwrap().added.len(), 2, "an old tokens.json imports");
}

pub(super) fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut out = vec![];
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if let Ok(b) = std::fs::read(&p) {
            out.push(String::from_utf8_lossy(&b).into_owned());
        }
    }
    out
}
