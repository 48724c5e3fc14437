//! Request counters, so tests can prove that no call was made or count retries; an
//! in-flight gauge, so they can prove a client's concurrency limit; and a log of when
//! each request was served, so they can prove a client paused.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The most requests kept in [`Stats::requests`] (later ones are counted, not logged).
pub const MAX_LOGGED: usize = 20_000;

/// Counts of API requests received (admin requests are not counted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Every API request, including those answered with a fault.
    pub total: u64,
    /// By request path as received, without the query (`/user`, `/api/v3/user`).
    pub by_path: BTreeMap<String, u64>,
    /// By the token in the `Authorization` header.
    pub by_token: BTreeMap<String, u64>,
    /// Requests being served now: from arrival (before any latency) to the answer's
    /// headers (or to the connection's end, for a reset).
    #[serde(default)]
    pub in_flight: u64,
    /// The same, by path.
    #[serde(default)]
    pub in_flight_by_path: BTreeMap<String, u64>,
    /// The highest `in_flight` seen since the last reset.
    #[serde(default)]
    pub max_in_flight: u64,
    /// The highest in-flight count of each path since the last reset.
    #[serde(default)]
    pub max_in_flight_by_path: BTreeMap<String, u64>,
    /// The first [`MAX_LOGGED`] requests since the last reset, in arrival order.
    #[serde(default)]
    pub requests: Vec<RequestLog>,
}

/// One request: its path, when it arrived and was answered, and the answer's status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestLog {
    pub seq: u64,
    pub path: String,
    /// Microseconds since the hub started.
    pub started_us: u64,
    /// When the answer's headers left (`None` while in flight).
    pub ended_us: Option<u64>,
    /// The answer's status; `None` while in flight or when no answer was sent.
    pub status: Option<u16>,
}

impl Stats {
    pub(crate) fn record(&mut self, path: &str, token: Option<&str>) {
        self.total += 1;
        *self.by_path.entry(path.to_string()).or_default() += 1;
        if let Some(t) = token {
            *self.by_token.entry(t.to_string()).or_default() += 1;
        }
    }

    /// Request `seq` (unique for the hub's life) starts being served.
    pub(crate) fn begin(&mut self, seq: u64, path: &str, now_us: u64) {
        self.in_flight += 1;
        self.max_in_flight = self.max_in_flight.max(self.in_flight);
        let n = self.in_flight_by_path.entry(path.to_string()).or_default();
        *n += 1;
        let n = *n;
        let max = self.max_in_flight_by_path.entry(path.to_string()).or_default();
        *max = (*max).max(n);
        if self.requests.len() < MAX_LOGGED {
            let path = path.to_string();
            self.requests.push(RequestLog { seq, path, started_us: now_us, ended_us: None, status: None });
        }
    }

    /// The request `seq` to `path` is answered (`status`), or its connection is gone.
    /// Counters reset meanwhile are left alone.
    pub(crate) fn end(&mut self, seq: u64, path: &str, now_us: u64, status: Option<u16>) {
        self.in_flight = self.in_flight.saturating_sub(1);
        if let Some(n) = self.in_flight_by_path.get_mut(path) {
            *n = n.saturating_sub(1);
        }
        if let Some(entry) = self.requests.iter_mut().rev().find(|r| r.seq == seq && r.ended_us.is_none()) {
            entry.ended_us = Some(now_us);
            entry.status = status;
        }
    }

    /// Requests to exactly this path.
    pub fn path(&self, path: &str) -> u64 {
        self.by_path.get(path).copied().unwrap_or(0)
    }

    /// Requests that presented this token.
    pub fn token(&self, token: &str) -> u64 {
        self.by_token.get(token).copied().unwrap_or(0)
    }

    /// The most requests to this path served at once since the last reset.
    pub fn max_in_flight_at(&self, path: &str) -> u64 {
        self.max_in_flight_by_path.get(path).copied().unwrap_or(0)
    }

    /// The logged requests to this path.
    pub fn requests_to<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a RequestLog> + 'a {
        self.requests.iter().filter(move |r| r.path == path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gauge_follows_begin_and_end() {
        let mut s = Stats::default();
        let (a, b, c) = (1, 2, 3);
        s.begin(a, "/user", 10);
        s.begin(b, "/user", 20);
        s.begin(c, "/api/v3/user", 30);
        assert_eq!((s.in_flight, s.max_in_flight, s.max_in_flight_at("/user")), (3, 3, 2));
        s.end(a, "/user", 40, Some(200));
        s.end(b, "/user", 50, None);
        s.end(c, "/api/v3/user", 60, Some(429));
        assert_eq!((s.in_flight, s.max_in_flight, s.max_in_flight_at("/api/v3/user")), (0, 3, 1));
        let ends: Vec<_> = s.requests.iter().map(|r| (r.started_us, r.ended_us, r.status)).collect();
        assert_eq!(ends, [(10, Some(40), Some(200)), (20, Some(50), None), (30, Some(60), Some(429))]);
        assert_eq!(s.requests_to("/user").count(), 2);
    }

    #[test]
    fn an_end_after_a_reset_does_not_underflow() {
        let mut s = Stats::default();
        s.begin(7, "/user", 1);
        s = Stats::default();
        s.end(7, "/user", 2, Some(200));
        assert_eq!(s, Stats::default());
    }
}
