//! Per-user rate limits: all tokens of one user share one bucket; unauthenticated
//! requests share another. A primary limit answers with `x-ratelimit-remaining: 0`, a
//! secondary one with `retry-after`. GitHub documents either status, 403 or 429, for
//! both; by default a primary limit answers 403 and a secondary one 429, and each is
//! set per user ([`LimitStatuses`]).

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// The length of a primary rate-limit window.
pub const WINDOW_SECS: i64 = 3600;

/// A secondary limit: after `after` counted requests, refuse for `retry_after`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondaryLimit {
    /// How many counted requests are served before the limit trips.
    pub after: u32,
    /// How long requests are refused once it has tripped, in seconds.
    pub retry_after_secs: u64,
}

/// The HTTP status of each kind of limit (403 or 429).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LimitStatuses {
    pub primary: u16,
    pub secondary: u16,
}

impl Default for LimitStatuses {
    fn default() -> Self {
        LimitStatuses { primary: 403, secondary: 429 }
    }
}

/// What the headers say about a bucket.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RateSnapshot {
    pub limit: u32,
    pub remaining: u32,
    pub used: u32,
    /// UTC epoch seconds.
    pub reset: i64,
}

/// The verdict on a request before it is served.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// The primary limit is exhausted.
    Primary,
    /// A secondary limit tripped; retry after that many seconds.
    Secondary(u64),
}

#[derive(Clone, Debug)]
pub(crate) struct Bucket {
    limit: u32,
    used: u32,
    reset: i64,
    secondary: Option<SecondaryLimit>,
    secondary_count: u32,
    blocked_until: Option<Instant>,
    statuses: LimitStatuses,
}

impl Bucket {
    pub(crate) fn new(limit: u32, now: i64) -> Self {
        Bucket {
            limit,
            used: 0,
            reset: now + WINDOW_SECS,
            secondary: None,
            secondary_count: 0,
            blocked_until: None,
            statuses: LimitStatuses::default(),
        }
    }

    pub(crate) fn statuses(&self) -> LimitStatuses {
        self.statuses
    }

    pub(crate) fn set_statuses(&mut self, statuses: LimitStatuses) {
        self.statuses = statuses;
    }

    pub(crate) fn set_limit(&mut self, limit: u32, now: i64) {
        self.limit = limit;
        self.used = 0;
        self.reset = now + WINDOW_SECS;
    }

    pub(crate) fn set_secondary(&mut self, secondary: Option<SecondaryLimit>) {
        self.secondary = secondary;
        self.secondary_count = 0;
        self.blocked_until = None;
    }

    fn roll(&mut self, now: i64) {
        if now >= self.reset {
            self.used = 0;
            self.reset = now + WINDOW_SECS;
        }
    }

    /// Decides whether a request may be served (does not count it).
    pub(crate) fn check(&mut self, now: i64) -> Verdict {
        self.roll(now);
        if let Some(until) = self.blocked_until {
            let left = until.saturating_duration_since(Instant::now());
            if !left.is_zero() {
                return Verdict::Secondary(ceil_secs(left));
            }
            self.blocked_until = None;
            self.secondary_count = 0;
        }
        if self.used >= self.limit {
            return Verdict::Primary;
        }
        if let Some(sec) = self.secondary {
            if self.secondary_count >= sec.after {
                let d = Duration::from_secs(sec.retry_after_secs);
                self.blocked_until = Some(Instant::now() + d);
                return Verdict::Secondary(sec.retry_after_secs);
            }
        }
        Verdict::Allowed
    }

    /// Counts one served request.
    pub(crate) fn consume(&mut self, now: i64) {
        self.roll(now);
        self.used = self.used.saturating_add(1).min(self.limit);
        self.secondary_count = self.secondary_count.saturating_add(1);
    }

    pub(crate) fn snapshot(&self) -> RateSnapshot {
        RateSnapshot {
            limit: self.limit,
            remaining: self.limit.saturating_sub(self.used),
            used: self.used,
            reset: self.reset,
        }
    }
}

fn ceil_secs(d: Duration) -> u64 {
    let s = d.as_secs();
    if d.subsec_nanos() > 0 {
        s + 1
    } else {
        s
    }
}
