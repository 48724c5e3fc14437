//! Keychain entries a person can recognise: each carries the label "Jeton — NAME
//! (LOGIN on HOST)" and `host`/`login` attributes, set when the token is added,
//! restored or adopted and kept current when its name, login or host changes, while
//! the token's id stays the key. Read back through the Secret Service with
//! `secret-tool` (libsecret, as GNOME's Passwords and Keys reads them) under
//! `scripts/headless`, and on the in-memory store for every write.

mod vault_common;

use std::collections::BTreeMap;
use std::sync::Arc;

use jeton_core::model::TokenRecord;
use jeton_core::vault::{EntryLabel, KeyringStore, MemoryStore, MetadataStore, SecretStore, Vault};
use jeton_core::Secret;
use vault_common::*;

type Change = Box<dyn FnOnce(&mut TokenRecord)>;

fn attrs(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn label(text: &str, pairs: &[(&str, &str)]) -> EntryLabel {
    EntryLabel { label: text.into(), attributes: attrs(pairs) }
}

#[test]
fn the_label_names_the_token_its_account_and_host() {
    let mut r = record("id-1", "laptop git");
    assert_eq!(
        EntryLabel::of(&r),
        label("Jeton — laptop git (octocat on github.com)", &[("host", "github.com"), ("login", "octocat")])
    );
    r.host = "https://ghe.example.com:8443".into();
    r.login = None;
    assert_eq!(
        EntryLabel::of(&r),
        label("Jeton — laptop git (ghe.example.com:8443)", &[("host", "ghe.example.com:8443")])
    );
}

#[test]
fn every_write_keeps_the_entry_label_current() {
    if child_role().is_some() {
        return;
    }
    let store = Arc::new(MemoryStore::default());
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::new(store.clone(), MetadataStore::new(dir.path()));
    let shown = |id: &str| store.label(id).map(|l| l.label);

    v.add(record("a", "laptop git"), &Secret::new("s1")).unwrap();
    assert_eq!(shown("a").as_deref(), Some("Jeton — laptop git (octocat on github.com)"));

    v.rename("laptop git", "desktop").unwrap();
    assert_eq!(shown("a").as_deref(), Some("Jeton — desktop (octocat on github.com)"));

    v.update("a", |r| r.login = Some("hubot".into())).unwrap();
    assert_eq!(store.label("a").unwrap().attributes, attrs(&[("host", "github.com"), ("login", "hubot")]));

    v.add(record("b", "ci"), &Secret::new("s2")).unwrap();
    let changes: Vec<(String, Change)> = vec![
        ("a".into(), Box::new(|r| r.name = "laptop".into())),
        ("b".into(), Box::new(|r| r.host = "https://ghe.example.com".into())),
    ];
    v.update_many(changes).unwrap();
    assert_eq!(shown("a").as_deref(), Some("Jeton — laptop (hubot on github.com)"));
    assert_eq!(shown("b").as_deref(), Some("Jeton — ci (octocat on ghe.example.com)"));

    store.delete("b").unwrap();
    v.restore_secret("ci", &Secret::new("s2")).unwrap();
    assert_eq!(shown("b").as_deref(), Some("Jeton — ci (octocat on ghe.example.com)"), "a restored secret");

    store.set("orphan", &Secret::new("s3")).unwrap();
    assert_eq!(shown("orphan"), None);
    v.name_recovered("orphan", record("ignored", "found again")).unwrap();
    assert_eq!(shown("orphan").as_deref(), Some("Jeton — found again (octocat on github.com)"), "an adopted secret");
}

#[test]
fn a_keychain_that_refuses_the_label_does_not_undo_the_rename() {
    let store = Arc::new(MemoryStore::default());
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::new(store.clone(), MetadataStore::new(dir.path()));
    v.add(record("a", "laptop"), &Secret::new("s1")).unwrap();
    store.set_locked(true);
    v.rename("laptop", "desktop").unwrap();
    store.set_locked(false);
    assert_eq!(v.find("a").unwrap().name, "desktop");
    assert_eq!(store.label("a").unwrap().label, "Jeton — laptop (octocat on github.com)", "the old label stays");
}

/// What `secret-tool search --all service NAMESPACE username ID` shows of the entry:
/// its label and its attributes, as libsecret (and so GNOME's Passwords and Keys)
/// reads them. `None` when there is no such entry.
fn read_back(ns: &str, id: &str) -> Option<(String, BTreeMap<String, String>)> {
    let out = std::process::Command::new("secret-tool")
        .args(["search", "--all", "service", ns, "username", id])
        .output()
        .expect("secret-tool (libsecret-tools) is installed");
    // secret-tool prints the item on stdout and its attributes on stderr.
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let mut label = None;
    let mut attributes = BTreeMap::new();
    for line in text.lines() {
        let Some((key, value)) = line.split_once(" = ") else { continue };
        match key.trim() {
            "label" => label = Some(value.to_owned()),
            k => {
                if let Some(name) = k.strip_prefix("attribute.") {
                    attributes.insert(name.to_owned(), value.to_owned());
                }
            }
        }
    }
    label.map(|l| (l, attributes))
}

#[test]
fn secret_service_entries_carry_the_label_and_attributes() {
    let ns = unique_namespace("labels");
    let store = Arc::new(KeyringStore::new(ns.clone()));
    let usable = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() && store.probe().is_ok();
    if !usable && may_skip_keychain("no Secret Service answers on the session bus") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let v = Vault::new(store.clone(), MetadataStore::new(dir.path()));
    let own = [("service", ns.as_str()), ("username", "id-1")];

    v.add(record("id-1", "laptop git"), &Secret::new("ghp_labelled")).unwrap();
    let (shown, attributes) = read_back(&ns, "id-1").expect("the entry is in the Secret Service");
    assert_eq!(shown, "Jeton — laptop git (octocat on github.com)");
    assert_eq!(attributes, attrs(&[own[0], own[1], ("host", "github.com"), ("login", "octocat")]));

    v.rename("laptop git", "desktop").unwrap();
    v.update("id-1", |r| {
        r.login = Some("hubot".into());
        r.host = "https://ghe.example.com".into();
    })
    .unwrap();
    let (shown, attributes) = read_back(&ns, "id-1").unwrap();
    assert_eq!(shown, "Jeton — desktop (hubot on ghe.example.com)");
    assert_eq!(attributes, attrs(&[own[0], own[1], ("host", "ghe.example.com"), ("login", "hubot")]));
    assert_eq!(v.secret(&v.find("desktop").unwrap()).unwrap().expose(), "ghp_labelled", "the id is still the key");

    v.forget("desktop").unwrap();
    assert_eq!(read_back(&ns, "id-1"), None);
}
