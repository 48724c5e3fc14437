//! Request counters, so tests can prove that no call was made or count retries.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Counts of API requests received (admin requests are not counted).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Every API request, including those answered with a fault.
    pub total: u64,
    /// By request path as received, without the query (`/user`, `/api/v3/user`).
    pub by_path: BTreeMap<String, u64>,
    /// By the token in the `Authorization` header.
    pub by_token: BTreeMap<String, u64>,
}

impl Stats {
    pub(crate) fn record(&mut self, path: &str, token: Option<&str>) {
        self.total += 1;
        *self.by_path.entry(path.to_string()).or_default() += 1;
        if let Some(t) = token {
            *self.by_token.entry(t.to_string()).or_default() += 1;
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
}
