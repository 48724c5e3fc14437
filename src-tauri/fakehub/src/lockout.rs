//! GitHub's failed-login limit: after several requests with bad credentials in a short
//! time, GitHub refuses every authentication attempt for a while with 403, even with
//! valid credentials (docs: "Failed login limit" in "Authenticating to the REST API").
//! GitHub does not publish its numbers, so the rule is set per hub (off by default).
//! Every client of fakehub is this computer, so the count is the hub's.

use std::collections::VecDeque;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// After `after` bad-credential answers within `window_secs`, refuse every request
/// carrying credentials for `lockout_secs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginLockout {
    pub after: u32,
    pub window_secs: u64,
    pub lockout_secs: u64,
}

/// GitHub's message on the lock-out.
pub const MESSAGE: &str = "Maximum number of login attempts exceeded. Please try again later.";

#[derive(Clone, Debug, Default)]
pub(crate) struct Lockout {
    rule: Option<LoginLockout>,
    failures: VecDeque<Instant>,
    until: Option<Instant>,
    /// How many times the lock-out was triggered.
    pub(crate) tripped: u32,
}

impl Lockout {
    pub(crate) fn set(&mut self, rule: Option<LoginLockout>) {
        *self = Lockout { rule, ..Lockout::default() };
    }

    /// Whether requests with credentials are refused now.
    pub(crate) fn locked(&self) -> bool {
        self.until.is_some_and(|u| Instant::now() < u)
    }

    /// Counts one bad-credential answer; may start the lock-out.
    pub(crate) fn failed(&mut self) {
        let Some(rule) = self.rule else { return };
        let now = Instant::now();
        let window = Duration::from_secs(rule.window_secs);
        self.failures.push_back(now);
        while self.failures.front().is_some_and(|t| now.duration_since(*t) > window) {
            self.failures.pop_front();
        }
        if self.failures.len() as u32 >= rule.after.max(1) {
            self.failures.clear();
            self.until = Some(now + Duration::from_secs(rule.lockout_secs));
            self.tripped += 1;
        }
    }
}
