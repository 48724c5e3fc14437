//! Crash test: a child process runs random add / rename / forget operations on a real
//! metadata file and a keychain that outlives it, and is SIGKILLed at a random
//! moment, round after round. The Secret Service is required: the file-backed
//! stand-in is used only when `JETON_SKIP_KEYCHAIN_TESTS=1` says this machine has none,
//! and the test says so. After each kill the vault is reopened and reconciled:
//! every operation the child saw succeed must be there with its secret, the one that
//! was interrupted must be wholly done or wholly undone, and nothing else may differ.
//!
//! `JETON_CRASH_ROUNDS` (default 50) and `JETON_CRASH_OPS` (default 200) size it.

mod vault_common;
mod vault_crash_check;

use std::io::Write;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jeton_core::vault::{KeyringStore, MetadataStore, SecretStore, Vault};
use jeton_core::Secret;
use vault_common::*;
use vault_crash_check::{Model, Tally};

fn env_num(key: &str, default: u64) -> u64 {
    std::env::var(key).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// `ss:NAMESPACE` or `file:DIR`.
fn open_store(spec: &str) -> Arc<dyn SecretStore> {
    match spec.split_once(':').unwrap() {
        ("ss", ns) => Arc::new(KeyringStore::new(ns)),
        ("file", dir) => Arc::new(FileStore::new(dir)),
        _ => panic!("bad keychain spec {spec}"),
    }
}

/// The child: random operations, each logged (fsync'd) before it starts and after it
/// returns, until it is killed or has done its share.
#[test]
fn child_process() {
    if child_role().as_deref() != Some("crash") {
        return;
    }
    let var = |k: &str| std::env::var(k).unwrap();
    let vault = Vault::new(open_store(&var("JETON_CRASH_KEYCHAIN")), MetadataStore::new(var("JETON_CRASH_DIR")));
    let round: u64 = var("JETON_CRASH_ROUND").parse().unwrap();
    let mut rng = Rng::new(var("JETON_CRASH_SEED").parse().unwrap());
    let mut journal = std::fs::OpenOptions::new().create(true).append(true).open(var("JETON_CRASH_JOURNAL")).unwrap();
    let mut log = |line: String| {
        journal.write_all(format!("{line}\n").as_bytes()).unwrap();
        journal.sync_data().unwrap();
    };
    for i in 0..env_num("JETON_CRASH_OPS", 200) {
        let names: Vec<String> = vault.list().unwrap().into_iter().map(|r| r.id).collect();
        // Adds dominate below 40 tokens, forgets above, so the file stays a realistic size.
        let pick = rng.below(10);
        let adds = if names.len() < 40 { 5 } else { 3 };
        let result = if names.is_empty() || pick < adds {
            let (id, secret) = (format!("r{round}-{i}"), rng.token());
            log(format!("start add {id} t{round}-{i} {secret}"));
            vault.add(record(&id, &format!("t{round}-{i}")), &Secret::new(secret)).map(|_| ())
        } else if pick < adds + 3 {
            let id = &names[rng.below(names.len() as u64) as usize];
            log(format!("start rename {id} n{round}-{i}"));
            vault.rename(id, &format!("n{round}-{i}")).map(|_| ())
        } else {
            let id = &names[rng.below(names.len() as u64) as usize];
            log(format!("start forget {id}"));
            vault.forget(id).map(|_| ())
        };
        match result {
            Ok(()) => log("ok".into()),
            Err(e) => log(format!("err {}", e.code())),
        }
    }
}

#[test]
fn killed_writers_lose_nothing() {
    if child_role().is_some() {
        return;
    }
    let scratch = tempfile::tempdir().unwrap();
    let data = scratch.path().join("data");
    let (keychain, label) = match secret_service_namespace() {
        Some(ns) => (format!("ss:{ns}"), "the Secret Service"),
        None => {
            may_skip_keychain("no usable Secret Service on the session bus");
            (
                format!("file:{}", scratch.path().join("keychain").display()),
                "a file-backed stand-in (JETON_SKIP_KEYCHAIN_TESTS=1, no Secret Service)",
            )
        }
    };
    let store = open_store(&keychain);
    let (rounds, seed) = (env_num("JETON_CRASH_ROUNDS", 50), env_num("JETON_CRASH_SEED", now_seed()));
    println!("crash test: keychain = {label}, seed = {seed}, {rounds} rounds");
    let mut rng = Rng::new(seed);
    let (mut model, mut tally) = (Model::default(), Tally::default());
    let mut round_time = Duration::ZERO;
    for round in 0..=rounds {
        let journal = scratch.path().join(format!("journal-{round}"));
        let mut cmd = child_command("child_process", "crash");
        cmd.env("JETON_CRASH_KEYCHAIN", &keychain).env("JETON_CRASH_DIR", &data).env("JETON_CRASH_JOURNAL", &journal);
        cmd.env("JETON_CRASH_ROUND", round.to_string()).env("JETON_CRASH_SEED", rng.next().to_string());
        let started = Instant::now();
        let mut child = spawn_piped(cmd);
        if round == 0 {
            // A first, whole round measures how long one takes, to spread the kills over it.
            let (ok, out) = finish(child, Duration::from_secs(600));
            assert!(ok, "the first round failed:\n{out}");
            round_time = started.elapsed();
            let left = vault_crash_check::temp_files(&data);
            assert_eq!(left, 0, "a writer that ran to the end left {left} temp file(s) in the data dir");
        } else {
            // Kill point: once the child has started a random operation, a random
            // moment within about one operation's time (so inside any of its steps).
            // One round in four is aimed instead at a metadata write caught half-way
            // (its temp file exists), so the clean-up on reopen is exercised every run.
            let ops = env_num("JETON_CRASH_OPS", 200);
            let target = rng.below(ops) as usize;
            while started_ops(&journal) <= target && child.try_wait().unwrap().is_none() {
                std::thread::sleep(Duration::from_micros(500));
            }
            if round % 4 == 1 {
                while vault_crash_check::temp_files(&data) == 0 && child.try_wait().unwrap().is_none() {
                    std::thread::yield_now();
                }
            } else {
                let per_op = round_time.as_micros() as u64 / ops;
                std::thread::sleep(Duration::from_micros(rng.below(per_op * 2)));
            }
            if child.try_wait().unwrap().is_none() {
                child.kill().unwrap(); // SIGKILL
                tally.kills += 1;
            }
            let (_, out) = finish(child, Duration::from_secs(600));
            assert!(!out.contains("panicked"), "the child failed on its own:\n{out}");
        }
        let vault = Vault::new(store.clone(), MetadataStore::new(&data));
        vault_crash_check::check_round(&vault, &journal, &mut model, &mut tally);
    }
    if let Some(ns) = keychain.strip_prefix("ss:") {
        cleanup(ns);
    }
    tally.print(rounds);
    assert_eq!(tally.losses, 0, "{:#?}", tally.problems);
    assert!(tally.problems.is_empty(), "{:#?}", tally.problems);
    // Without these the rounds above prove nothing: every kill fell between two
    // operations, or none caught a metadata write half-way.
    let interrupted = tally.in_flight_done + tally.in_flight_undone;
    assert!(interrupted > 0, "none of the {} kills interrupted an operation", tally.kills);
    assert!(tally.rounds_with_temp > 0, "no kill left a metadata temp file, so their clean-up was never exercised");
}

fn started_ops(journal: &std::path::Path) -> usize {
    std::fs::read_to_string(journal).map(|t| t.matches("start ").count()).unwrap_or(0)
}

/// A fresh namespace on the session's Secret Service, if one answers.
fn secret_service_namespace() -> Option<String> {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS")?;
    let ns = unique_namespace("crash");
    match KeyringStore::new(ns.clone()).probe() {
        Ok(()) => Some(ns),
        Err(e) => {
            println!("crash test: Secret Service unusable ({})", e.code());
            None
        }
    }
}

fn cleanup(ns: &str) {
    let store = KeyringStore::new(ns);
    for account in store.accounts().unwrap().unwrap_or_default() {
        store.delete(&account).unwrap();
    }
}

fn now_seed() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64
}
