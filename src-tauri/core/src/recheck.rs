//! Re-checking every stored token: bounded concurrency per host, a host paused while
//! GitHub says it is rate limited, results streamed as each token finishes.
//!
//! GitHub's guidance is to keep requests serial or nearly so and far below its
//! 100-concurrent secondary limit; the default of 4 per host stays well inside it.
//!
//! The checks run concurrently; recording their answers (a locked, fsync'd write of the
//! metadata file each) runs on tokio's blocking pool, one batch at a time, so that a
//! slow disk never holds requests back. A batch is whatever finished while the previous
//! one was being written.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use futures_util::future::join_all;
use tokio::sync::{mpsc, Semaphore};
use tokio::time::Instant;

use crate::error::{Error, Result};
use crate::github::client::TokenCheck;
use crate::i18n::Lang;
use crate::model::{TokenRecord, TokenView};
use crate::service::Jeton;

/// The most requests in flight to one host.
pub const DEFAULT_PER_HOST: usize = 4;
/// Never more than this, whatever is asked (GitHub's secondary limit is 100).
pub const MAX_PER_HOST: usize = 16;
/// The most answers recorded in one write.
const MAX_BATCH: usize = 64;

#[derive(Debug, Clone, Copy)]
pub struct RecheckOptions {
    /// Requests in flight to one host at most (clamped to 1..=[`MAX_PER_HOST`]).
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
        let until = (*self.paused_until.lock().unwrap_or_else(|e| e.into_inner()))?;
        until.checked_duration_since(Instant::now())
    }

    fn pause_for(&self, d: Duration) {
        let mut p = self.paused_until.lock().unwrap_or_else(|e| e.into_inner());
        let until = Instant::now() + d;
        if p.is_none_or(|old| old < until) {
            *p = Some(until);
        }
    }
}

/// A finished check: the token's index in the run and GitHub's answer.
type Answer = (usize, Result<TokenCheck>);

impl Jeton {
    /// Re-checks every stored token. `on_progress` is called once per token as its
    /// answer is recorded, with `done` counting up to `total`. A failed check is
    /// recorded as a status; no token is dropped or rewritten. The views come back in
    /// the vault's order.
    pub async fn recheck_all(
        &self,
        lang: Lang,
        opts: RecheckOptions,
        on_progress: impl Fn(RecheckProgress) + Send + Sync,
    ) -> Result<Vec<TokenView>> {
        let records = self.vault.list()?;
        let total = records.len();
        let per_host = opts.per_host.clamp(1, MAX_PER_HOST);
        let key = |r: &TokenRecord| self.config.host(Some(&r.host)).map(|h| h.key()).unwrap_or_else(|_| r.host.clone());
        let mut gates: HashMap<String, HostGate> = HashMap::new();
        for r in &records {
            gates
                .entry(key(r))
                .or_insert_with(|| HostGate { permits: Semaphore::new(per_host), paused_until: Mutex::new(None) });
        }
        let (tx, mut rx) = mpsc::unbounded_channel::<Answer>();
        let checks = {
            let jobs = records.iter().enumerate().map(|(i, record)| {
                let (gate, tx) = (&gates[&key(record)], tx.clone());
                async move {
                    let answer = self.check_gated(record, gate, opts.max_pause).await;
                    let _ = tx.send((i, answer));
                }
            });
            let all = join_all(jobs);
            drop(tx);
            all
        };
        let writer = async {
            let handle = Arc::new(self.handle());
            let mut views: Vec<Option<TokenView>> = vec![None; total];
            let mut done = 0;
            let mut batch = Vec::with_capacity(MAX_BATCH);
            while rx.recv_many(&mut batch, MAX_BATCH).await > 0 {
                let items = batch.drain(..).map(|(i, answer)| (i, records[i].clone(), answer)).collect();
                for (i, view) in record_batch(handle.clone(), items, lang).await {
                    done += 1;
                    on_progress(RecheckProgress { done, total, token: view.clone() });
                    views[i] = Some(view);
                }
            }
            views
        };
        let ((), views) = tokio::join!(
            async {
                checks.await;
            },
            writer
        );
        Ok(views.into_iter().flatten().collect())
    }

    /// Asks GitHub about one token once its host lets it: a permit, and no pause.
    async fn check_gated(&self, record: &TokenRecord, gate: &HostGate, max_pause: Duration) -> Result<TokenCheck> {
        let _permit =
            gate.permits.acquire().await.map_err(|_| Error::Internal { detail: "the re-check was stopped".into() })?;
        let mut waited = false;
        loop {
            if let Some(left) = gate.pause_left() {
                if left > max_pause || waited {
                    return Err(Error::RateLimited { retry_after_secs: Some(left.as_secs().max(1)) });
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
            return result;
        }
    }

    /// A second handle on the same vault, client and configuration, for the blocking pool.
    fn handle(&self) -> Jeton {
        Jeton { config: self.config.clone(), vault: self.vault.clone(), client: self.client.clone() }
    }
}

/// Records a batch of answers on the blocking pool. Should that task fail, each token is
/// still shown, as it was, with the error (nothing is dropped).
async fn record_batch(
    jeton: Arc<Jeton>,
    items: Vec<(usize, TokenRecord, Result<TokenCheck>)>,
    lang: Lang,
) -> Vec<(usize, TokenView)> {
    let fallback: Vec<(usize, TokenRecord)> = items.iter().map(|(i, r, _)| (*i, r.clone())).collect();
    let task = tokio::task::spawn_blocking(move || {
        let (index, items): (Vec<usize>, Vec<_>) = items.into_iter().map(|(i, r, a)| (i, (r, a))).unzip();
        index.into_iter().zip(jeton.record_checks(items, lang)).collect()
    });
    task.await.unwrap_or_else(|e| {
        let error = Error::Internal { detail: format!("recording the answers failed: {e}") }.payload(lang);
        let now = Utc::now();
        fallback
            .into_iter()
            .map(|(i, r)| (i, TokenView { error: Some(error.clone()), ..crate::status::view_of(&r, now, lang) }))
            .collect()
    })
}
