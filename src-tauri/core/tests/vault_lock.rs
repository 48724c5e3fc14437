//! The cross-process lock: the app and the CLI writing at once lose nothing, and a
//! writer killed while holding the lock does not block the next one.

mod vault_common;

use std::path::PathBuf;
use std::sync::{mpsc, Arc};
use std::time::Duration;

use jeton_core::vault::{MemoryStore, MetadataStore, SecretStore, Vault};
use jeton_core::{Result, Secret};
use vault_common::*;

const WRITERS: usize = 4;
const ADDS_EACH: usize = 25;

/// What the children do, when this binary runs as one.
#[test]
fn child_process() {
    let Some(role) = child_role() else { return };
    let dir = PathBuf::from(std::env::var("JETON_LOCK_DIR").unwrap());
    match role.as_str() {
        "hold" => {
            let v = Vault::new(Arc::new(Stall { marker: dir.join("holding") }), MetadataStore::new(&dir));
            let _ = v.add(record("held", "held by a dying writer"), &Secret::new("s"));
            unreachable!("the parent kills this process while it holds the lock");
        }
        writer => {
            let k: usize = writer.trim_start_matches("writer-").parse().unwrap();
            let v = Vault::new(Arc::new(MemoryStore::default()), MetadataStore::new(&dir));
            for i in 0..ADDS_EACH {
                v.add(
                    record(&format!("w{k}-{i}"), &format!("writer {k} token {i}")),
                    &Secret::new(format!("s{k}-{i}")),
                )
                .unwrap();
            }
        }
    }
}

/// A keychain that never answers a write: it marks that it was reached, then waits.
struct Stall {
    marker: PathBuf,
}

impl SecretStore for Stall {
    fn set(&self, _: &str, _: &Secret) -> Result<()> {
        std::fs::write(&self.marker, b"").unwrap();
        loop {
            std::thread::park();
        }
    }
    fn get(&self, _: &str) -> Result<Option<Secret>> {
        Ok(None)
    }
    fn delete(&self, _: &str) -> Result<()> {
        Ok(())
    }
}

#[test]
fn a_writer_killed_while_holding_the_lock_does_not_block_the_next() {
    if child_role().is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = child_command("child_process", "hold");
    cmd.env("JETON_LOCK_DIR", dir.path());
    let mut child = spawn_piped(cmd);
    assert!(wait_for_file(&dir.path().join("holding"), Duration::from_secs(30)), "child never took the lock");

    let (tx, rx) = mpsc::channel();
    let path = dir.path().to_owned();
    let store = Arc::new(MemoryStore::default());
    let s = store.clone();
    std::thread::spawn(move || {
        let v = Vault::new(s, MetadataStore::new(path));
        tx.send(v.add(record("mine", "mine"), &Secret::new("s2")).map(|r| r.id)).unwrap();
    });
    assert!(rx.recv_timeout(Duration::from_millis(500)).is_err(), "a second writer got in while the lock was held");
    child.kill().unwrap(); // SIGKILL: the lock's owner dies without releasing anything itself
    child.wait().unwrap();
    let added = rx.recv_timeout(Duration::from_secs(10)).expect("the lock of a dead process is still held");
    assert_eq!(added.unwrap(), "mine");

    let v = Vault::new(store, MetadataStore::new(dir.path()));
    let ids: Vec<String> = v.list().unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(ids, ["mine"], "the dead writer's unfinished add was undone, nothing else changed");
    assert!(v.metadata().load().unwrap().pending.is_empty());
}

#[test]
fn writers_in_several_processes_lose_nothing() {
    if child_role().is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let children: Vec<_> = (0..WRITERS)
        .map(|k| {
            let mut cmd = child_command("child_process", &format!("writer-{k}"));
            cmd.env("JETON_LOCK_DIR", dir.path());
            spawn_piped(cmd)
        })
        .collect();
    for child in children {
        let (ok, out) = finish(child, Duration::from_secs(120));
        assert!(ok, "writer failed:\n{out}");
    }
    let doc = MetadataStore::new(dir.path()).load().unwrap();
    assert_eq!(doc.tokens.len(), WRITERS * ADDS_EACH, "every add of every process is in the file");
    assert!(doc.pending.is_empty());
}
