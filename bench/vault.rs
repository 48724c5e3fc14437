//! The vault's cost per operation: 1,000 tokens added, listed, read, reconciled and
//! forgotten, with an in-memory keychain (metadata work alone) and with the real
//! keychain (when a Secret Service answers on the session bus), side by side.
//!
//!     cargo run --release -p jeton-bench --bin jeton-bench-vault
//!     scripts/headless cargo run --release -p jeton-bench --bin jeton-bench-vault
//!
//! `JETON_BENCH_TOKENS` changes the count. Prints; never asserts.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use jeton_core::model::{TokenKind, TokenRecord};
use jeton_core::vault::{KeyringStore, MemoryStore, MetadataStore, SecretStore, Vault};
use jeton_core::Secret;

const OPS: [&str; 7] = ["add", "add (first 10%)", "add (last 10%)", "list", "secret", "reconcile", "forget"];

fn main() {
    let n: usize = std::env::var("JETON_BENCH_TOKENS").ok().and_then(|v| v.parse().ok()).unwrap_or(1000);
    let build = if cfg!(debug_assertions) { "debug" } else { "release" };
    println!("jeton vault benchmark: {n} tokens, {build} build");
    let memory = run(Arc::new(MemoryStore::default()), n);
    let keychain = keychain_store().map(|(store, ns)| {
        let timings = run(store.clone(), n);
        for account in store.accounts().ok().flatten().unwrap_or_default() {
            let _ = store.delete(&account);
        }
        println!("(keychain namespace {ns} cleaned up)");
        timings
    });
    if keychain.is_none() {
        println!("no Secret Service on the session bus: keychain column skipped (run under scripts/headless)");
    }
    println!("\n{:<18} {:>16} {:>18} {:>10}", "operation", "memory µs/op", "keychain µs/op", "ratio");
    let mut bench_lines = Vec::new();
    for (i, op) in OPS.iter().enumerate() {
        let m = micros(memory[i]);
        match &keychain {
            Some(k) => {
                let k = micros(k[i]);
                println!("{op:<18} {m:>16.1} {k:>18.1} {:>9.1}x", k / m.max(0.001));
                if ["add", "list", "secret", "reconcile"].contains(op) {
                    let json = format!(
                        "{{\"name\":\"vault_{op}_us\",\"what\":\"{op}, keychain ({n} tokens)\",\"value\":{k:.1},\"base\":{m:.1},\"vs\":\"in memory\",\"unit\":\"µs/op\",\"ratio\":{:.1}}}",
                        k / m.max(0.001)
                    );
                    bench_lines.push(json);
                }
            }
            None => println!("{op:<18} {m:>16.1} {:>18} {:>10}", "-", "-"),
        }
    }
    println!("\nlist and reconcile: one call over the whole vault; secret: one keychain read (a copy).");
    bench_lines.iter().for_each(|l| println!("BENCH {l}"));
    println!("ratio: keychain / memory.");
}

fn keychain_store() -> Option<(Arc<KeyringStore>, String)> {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS")?;
    let ns = format!("jeton-bench-{}", std::process::id());
    let store = Arc::new(KeyringStore::new(ns.clone()));
    match store.probe() {
        Ok(()) => Some((store, ns)),
        Err(e) => {
            println!("keychain: {} ({})", e.code(), e);
            None
        }
    }
}

/// Time per operation for each of `OPS`.
fn run(store: Arc<dyn SecretStore>, n: usize) -> Vec<Duration> {
    let dir = tempfile::tempdir().expect("temp dir");
    let vault = Vault::new(store, MetadataStore::new(dir.path()));
    let mut adds = Vec::with_capacity(n);
    for i in 0..n {
        let start = Instant::now();
        vault.add(record(i), &Secret::new(format!("ghp_bench{i:032}"))).expect("add");
        adds.push(start.elapsed());
    }
    let tenth = (n / 10).max(1);
    let lists = 20;
    let start = Instant::now();
    for _ in 0..lists {
        std::hint::black_box(vault.list().expect("list"));
    }
    let list = start.elapsed() / lists;
    let records = vault.list().expect("list");
    let start = Instant::now();
    for r in &records {
        vault.secret(r).expect("secret");
    }
    let secret = start.elapsed() / n as u32;
    let start = Instant::now();
    let report = vault.reconcile().expect("reconcile");
    let reconcile = start.elapsed();
    if !report.recovered.is_empty() || !report.missing.is_empty() {
        println!("reconcile found {} recovered, {} missing", report.recovered.len(), report.missing.len());
    }
    let start = Instant::now();
    for r in &records {
        vault.forget(&r.id).expect("forget");
    }
    let forget = start.elapsed() / n as u32;
    let mean = |d: &[Duration]| d.iter().sum::<Duration>() / d.len() as u32;
    vec![mean(&adds), mean(&adds[..tenth]), mean(&adds[n - tenth..]), list, secret, reconcile, forget]
}

fn record(i: usize) -> TokenRecord {
    TokenRecord {
        login: Some("octocat".into()),
        scopes: Some(vec!["repo".into(), "read:org".into()]),
        expires_at: Some(Utc::now() + chrono::Duration::days(30)),
        ..TokenRecord::new(
            format!("bench-{i:05}"),
            format!("token {i}"),
            "https://github.com".to_string(),
            TokenKind::Classic,
            Utc::now(),
        )
    }
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}
