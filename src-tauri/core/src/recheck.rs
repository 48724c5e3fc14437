//! Re-checking every stored token: bounded concurrency per host, a host paused while
//! GitHub says it is rate limited, results streamed as each token finishes.
//!
//! GitHub's guidance is to keep requests serial or nearly so and far below its
//! 100-concurrent secondary limit; the default of 4 per host stays well inside it.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use futures_util::future::join_all;
use tokio::sync::Semaphore;
use tokio::time::Instant;

use crate::error::Error;
use crate::i18n::Lang;
use crate::model::{TokenRecord, TokenView};
use crate::service::Jeton;

/// The most requests in flight to one host.
pub const DEFAULT_PER_HOST: usize = 4;
/// Never more than this, whatever is asked (GitHub's secondary limit is 100).
pub const MAX_PER_HOST: usize = 16;

#[derive(Debug, Clone, Copy)]
pub struct RecheckOptions {
    pub per_host: usize,
    /// A rate-limit pause up to this long is waited out; a longer one marks the
    /// host's remaining tokens rate limited without asking GitHub again.
    pub max_pause: Duration,
}

impl Default for RecheckOptions {
    fn default() -> Self {
        RecheckOptions { per_host: DEFAULT_PER_HOST, max_pause: Duration::from_secs(30) }
    }
}

/// One finished token, with how far the run has come.
#[derive(Debug, Clone)]
pub struct RecheckProgress {
    pub done: usize,
    pub total: usize,
    pub token: TokenView,
}

struct HostGate {
    permits: Semaphore,
    paused_until: Mutex<Option<Instant>>,
}

impl HostGate {
    fn pause_left(&self) -> Option<Duration> {
        let until = (*self.paused_until.lock().unwrap())?;
        until.checked_duration_since(Instant::now())
    }

    fn pause_for(&self, d: Duration) {
        let mut p = self.paused_until.lock().unwrap();
        let until = Instant::now() + d;
        if p.is_none_or(|old| old < until) {
            *p = Some(until);
        }
    }
}

impl Jeton {
    /// Re-checks every stored token. `on_progress` is called as each one finishes.
    /// A failed check is recorded as a status; no token is dropped or rewritten.
    pub async fn recheck_all(
        &self,
        lang: Lang,
        opts: RecheckOptions,
        on_progress: impl Fn(RecheckProgress) + Send + Sync,
    ) -> crate::Result<Vec<TokenView>> {
        let records = self.vault.list()?;
        let total = records.len();
        let per_host = opts.per_host.clamp(1, MAX_PER_HOST);
        let mut gates: HashMap<String, HostGate> = HashMap::new();
        for r in &records {
            gates.entry(r.host.clone()).or_insert_with(|| HostGate {
                permits: Semaphore::new(per_host),
                paused_until: Mutex::new(None),
            });
        }
        let done = Mutex::new(0usize);
        let jobs = records.iter().map(|record| {
            let gate = &gates[&record.host];
            let (done, on_progress) = (&done, &on_progress);
            async move {
                let view = self.recheck_gated(record, gate, lang, opts.max_pause).await;
                let n = {
                    let mut d = done.lock().unwrap();
                    *d += 1;
                    *d
                };
                on_progress(RecheckProgress { done: n, total, token: view.clone() });
                view
            }
        });
        Ok(join_all(jobs).await)
    }

    async fn recheck_gated(&self, record: &TokenRecord, gate: &HostGate, lang: Lang, max_pause: Duration) -> TokenView {
        let _permit = gate.permits.acquire().await.expect("semaphore is never closed");
        let mut waited = false;
        loop {
            if let Some(left) = gate.pause_left() {
                if left > max_pause || waited {
                    let e = Error::RateLimited { retry_after_secs: Some(left.as_secs().max(1)) };
                    return self.record_check(record, Err(e), lang);
                }
                tokio::time::sleep(left).await;
                waited = true;
            }
            let result = self.ask_github(record).await;
            if let Err(Error::RateLimited { retry_after_secs }) = &result {
                let pause = Duration::from_secs(retry_after_secs.unwrap_or(60).max(1));
                gate.pause_for(pause);
                if !waited && pause <= max_pause {
                    continue;
                }
            }
            return self.record_check(record, result, lang);
        }
    }
}
