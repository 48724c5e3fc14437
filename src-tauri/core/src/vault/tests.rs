use super::*;
use crate::model::{TokenKind, TokenRecord};
use chrono::Utc;

fn record(id: &str, name: &str) -> TokenRecord {
    TokenRecord {
        id: id.into(),
        name: name.into(),
        host: "https://github.com".into(),
        login: None,
        kind: TokenKind::Classic,
        scopes: None,
        permissions: None,
        expires_at: None,
        created_at: Utc::now(),
        last_check: None,
        notes: String::new(),
        tags: vec![],
        predecessor: None,
        reminders_sent: vec![],
    }
}

fn vault() -> (tempfile::TempDir, Arc<MemoryStore>, Vault) {
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
}

#[test]
fn locked_keychain_stores_nothing_anywhere() {
    let (d, store, v) = vault();
    store.set_locked(true);
    let e = v.add(record("a", "x"), &Secret::new("ghp_secret")).unwrap_err();
    assert_eq!(e.code(), "keychain_locked");
    store.set_locked(false);
    assert!(v.list().unwrap().is_empty());
    let leaked = walk(d.path()).into_iter().any(|c| c.contains("ghp_secret"));
    assert!(!leaked);
}

#[test]
fn metadata_file_is_private_and_has_no_secret() {
    let (_d, _s, v) = vault();
    v.add(record("a", "x"), &Secret::new("ghp_topsecret")).unwrap();
    let path = v.metadata().path();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("ghp_topsecret"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::metadata(v.metadata().dir()).unwrap().permissions().mode() & 0o777, 0o700);
    }
}

#[test]
fn names_are_checked() {
    assert!(validate_name("CI token").is_ok());
    for bad in ["", " x", "a\nb", &"x".repeat(101)] {
        assert_eq!(validate_name(bad).unwrap_err().code(), "name_invalid");
    }
}

fn walk(dir: &std::path::Path) -> Vec<String> {
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
