//! Keeping under GitHub's failed-login limit: after several requests with bad
//! credentials in a short time, GitHub refuses every token from this computer for a
//! while (see docs/github.md). It does not say how many, so Jeton paces itself per host:
//! a request with a token takes one unit of a budget of [`ClientOptions::login_burst`]
//! units that refills one unit per [`ClientOptions::login_every`], and gets its unit
//! back unless the answer was a 401. Valid tokens thus never wait; rejected ones are
//! spaced out once the burst is spent. A host that answers the lock-out anyway is left
//! alone for [`LOCKOUT_PAUSE`]: its requests fail at once, without being sent.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use tokio::time::Instant;

use super::ClientOptions;
use crate::error::{Error, Result};

/// How long a host that answered the lock-out is left alone.
pub const LOCKOUT_PAUSE: Duration = Duration::from_secs(5 * 60);

#[derive(Debug)]
struct HostLogins {
    budget: f64,
    refilled: Instant,
    locked_until: Option<Instant>,
}

#[derive(Debug, Default)]
pub(super) struct Logins {
    hosts: Mutex<HashMap<String, HostLogins>>,
}

impl Logins {
    /// Takes a unit for a request with a token to `host`, waiting for one if needed.
    pub(super) async fn acquire(&self, host: &str, opts: &ClientOptions) -> Result<()> {
        loop {
            let wait = {
                let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
                let now = Instant::now();
                let burst = f64::from(opts.login_burst.max(1));
                let h = hosts.entry(host.to_owned()).or_insert(HostLogins {
                    budget: burst,
                    refilled: now,
                    locked_until: None,
                });
                if h.locked_until.is_some_and(|u| now < u) {
                    return Err(Error::LoginLockedOut { host: host.to_owned() });
                }
                let every = opts.login_every.as_secs_f64();
                let earned = if every > 0.0 { now.duration_since(h.refilled).as_secs_f64() / every } else { burst };
                h.budget = (h.budget + earned).min(burst);
                h.refilled = now;
                if h.budget >= 1.0 {
                    h.budget -= 1.0;
                    return Ok(());
                }
                Duration::from_secs_f64((1.0 - h.budget) * every)
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// Settles a unit taken by [`Logins::acquire`]: given back unless the token was
    /// rejected (401).
    pub(super) fn settle(&self, host: &str, rejected: bool, opts: &ClientOptions) {
        if rejected {
            return;
        }
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(h) = hosts.get_mut(host) {
            h.budget = (h.budget + 1.0).min(f64::from(opts.login_burst.max(1)));
        }
    }

    /// The host answered the lock-out: leave it alone for a while.
    pub(super) fn locked_out(&self, host: &str) {
        let mut hosts = self.hosts.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(h) = hosts.get_mut(host) {
            h.locked_until = Some(Instant::now() + LOCKOUT_PAUSE);
        }
    }
}

/// Whether an answer is GitHub's failed-login lock-out: a 403 saying so.
pub(super) fn is_lockout(status: reqwest::StatusCode, message: Option<&str>) -> bool {
    status == reqwest::StatusCode::FORBIDDEN
        && message.is_some_and(|m| m.to_ascii_lowercase().contains("maximum number of login attempts"))
}
