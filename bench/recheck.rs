//! How close `recheck_all` comes to the ideal: 200 fine-grained tokens (one request
//! each: no SSO probe) of 4 users in a vault with an in-memory keychain, against a
//! fakehub (on its own thread, as a remote GitHub would be) that adds 100 ms to each
//! request. The ideal at concurrency c is ceil(200 / c) × 100 ms; the goal is a wall
//! time within 1.3× of it.
//!
//!     cargo run --release -p jeton-bench --bin jeton-bench-recheck
//!
//! `JETON_BENCH_TOKENS` and `JETON_BENCH_LATENCY_MS` change the workload. Besides the
//! re-checks it times their two halves alone: the requests (the same client, the same
//! per-host limit, no vault) and the vault writes (one `vault.update` per token, no
//! network), to show where any excess comes from. Prints; never asserts.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use fakehub::{FakeHub, FakeHubOptions, NewToken, NewUser};
use jeton_core::config::Config;
use jeton_core::github::GitHubClient;
use jeton_core::i18n::Lang;
use jeton_core::model::{CheckRecord, TokenKind, TokenRecord, TokenStatus};
use jeton_core::recheck::RecheckOptions;
use jeton_core::service::Jeton;
use jeton_core::vault::MemoryStore;
use jeton_core::Secret;

const USERS: [&str; 4] = ["ada", "grace", "linus", "margaret"];
const CONCURRENCY: [usize; 4] = [1, 4, 8, 16];

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn record(i: usize, login: &str, host: &str) -> TokenRecord {
    TokenRecord {
        login: Some(login.into()),
        ..TokenRecord::new(
            format!("bench-{i:04}"),
            format!("token {i}"),
            host.to_string(),
            TokenKind::FineGrained,
            Utc::now(),
        )
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

#[tokio::main]
async fn main() {
    let n = env_number("JETON_BENCH_TOKENS", 200) as usize;
    let latency = Duration::from_millis(env_number("JETON_BENCH_LATENCY_MS", 100));
    let build = if cfg!(debug_assertions) { "debug" } else { "release" };
    println!(
        "jeton recheck benchmark: {n} tokens of {} users, +{} ms per request, {build} build",
        USERS.len(),
        latency.as_millis()
    );

    let hub = FakeHub::start_blocking(FakeHubOptions::default());
    for login in USERS {
        hub.create_user(NewUser { login: login.into(), ..Default::default() }).expect("user");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config {
        github_web: url::Url::parse(&hub.web_url()).expect("url"),
        github_api: url::Url::parse(&hub.url()).expect("url"),
        data_dir: dir.path().to_path_buf(),
        keyring_namespace: "jeton-bench".into(),
    };
    let mut jeton = Jeton::new(config, Arc::new(MemoryStore::default())).expect("jeton");
    let host = jeton.config.default_host();
    let mut secrets = Vec::with_capacity(n);
    for i in 0..n {
        let login = USERS[i % USERS.len()];
        let new = NewToken::new(login, fakehub::TokenKind::FineGrained).permission("contents", "read");
        let token = hub.create_token(new).expect("token");
        jeton.vault.add(record(i, login, &host.key()), &Secret::new(&token)).expect("vault add");
        secrets.push(Secret::new(token));
    }
    hub.set_latency(Some(latency));

    println!(
        "\n{:>11} {:>10} {:>10} {:>11} {:>13} {:>13}",
        "concurrency", "wall ms", "ideal ms", "wall/ideal", "requests ms", "requests/ideal"
    );
    let mut serial = None;
    let mut rows = Vec::new();
    for c in CONCURRENCY {
        let ideal = latency * n.div_ceil(c) as u32;
        // A fresh client each time, so no run profits from another's ETags.
        jeton.client = GitHubClient::new().expect("client");
        hub.reset_stats();
        let start = Instant::now();
        let opts = RecheckOptions { per_host: c, ..RecheckOptions::default() };
        let views = jeton.recheck_all(Lang::En, opts, |_| {}).await.expect("recheck");
        let wall = start.elapsed();
        let valid = views.iter().filter(|v| v.status == TokenStatus::Valid).count();
        let stats = hub.stats();
        let requests = requests_only(&host, &secrets, c).await;
        println!(
            "{c:>11} {:>10.0} {:>10.0} {:>10.2}x {:>13.0} {:>13.2}x",
            ms(wall),
            ms(ideal),
            wall.as_secs_f64() / ideal.as_secs_f64(),
            ms(requests),
            requests.as_secs_f64() / ideal.as_secs_f64(),
        );
        if valid != n || stats.max_in_flight as usize > c {
            println!("{:>11} note: {valid}/{n} valid, {} at once at most", "", stats.max_in_flight);
        }
        let ratio = wall.as_secs_f64() / ideal.as_secs_f64();
        println!(
            "BENCH {{\"name\":\"recheck_wall_c{c}_ms\",\"what\":\"re-check all {n}, {c} at once\",\"value\":{:.0},\"base\":{:.0},\"vs\":\"ideal\",\"unit\":\"ms\",\"ratio\":{ratio:.2},\"goal\":\"≤ 1.3×\",\"met\":{}}}",
            ms(wall),
            ms(ideal),
            ratio <= 1.3
        );
        if c == 1 {
            serial = Some(wall);
        }
        rows.push((c, wall));
    }
    if let Some(serial) = serial {
        println!("\nserial (concurrency 1): {:.0} ms", ms(serial));
        for (c, wall) in rows.iter().filter(|(c, _)| *c > 1) {
            println!("speed-up at {c}: {:.2}x (ideal {c}x)", serial.as_secs_f64() / wall.as_secs_f64());
        }
    }

    // The vault's share: one update per token, as each re-check records its answer.
    let start = Instant::now();
    for i in 0..n {
        let at = Utc::now();
        jeton
            .vault
            .update(&format!("bench-{i:04}"), |r| {
                r.last_check = Some(CheckRecord { at, status: TokenStatus::Valid, sso_url: None, error: None })
            })
            .expect("update");
    }
    let writes = start.elapsed();
    println!(
        "\nvault.update alone: {:.0} ms for {n} tokens ({:.2} ms each, file lock + load + fsync'd save)",
        ms(writes),
        ms(writes) / n as f64
    );
}

/// The requests alone: the same client, the same per-host limit, no vault.
async fn requests_only(host: &jeton_core::config::Host, secrets: &[Secret], per_host: usize) -> Duration {
    let client = GitHubClient::new().expect("client");
    let permits = Arc::new(tokio::sync::Semaphore::new(per_host));
    let start = Instant::now();
    let mut tasks = tokio::task::JoinSet::new();
    for s in secrets {
        let (client, host, permits, s) = (client.clone(), host.clone(), permits.clone(), s.duplicate());
        tasks.spawn(async move {
            let _p = permits.acquire_owned().await.expect("semaphore");
            client.get_user(&host, &s).await.is_ok()
        });
    }
    while tasks.join_next().await.is_some() {}
    start.elapsed()
}
