//! Expiry reminders (F5): from the tokens, the time now, the thresholds and the log of
//! notices already sent, which notices are due now and when to look again. Pure: the
//! caller passes the time (see `clock`) and writes the log back with [`record_sent`].
//!
//! The rules:
//! - threshold `d` (days) is reached once the day rule (`status::days_left`) says `d`
//!   days or fewer are left; threshold 0 is the moment of expiry itself;
//! - each (token, threshold, expiry) is notified at most once, and never after a nearer
//!   threshold for the same expiry (so a clock set back cannot bring "7 days" after
//!   "3 days"); a renewed expiry starts over;
//! - a token found inside several thresholds at once gets one notice, for the nearest;
//! - a snoozed notice holds every notice of that token until the snooze ends, then the
//!   newest due one (or the snoozed one again) is sent once;
//! - no expiry notice for a token that never expires or that GitHub refuses; one
//!   "expiry unknown" notice for a token whose expiry could not be read;
//! - a token GitHub refuses before its expiry (revoked, deleted) gets one "no longer
//!   works" notice, kept in the same log.
//!
//! [`runner`] holds what the desktop's reminder task decides: when to look again (never
//! more than ten minutes of sleep), when the daily re-check is due, and what it already
//! showed.

mod log;
pub mod runner;
#[cfg(test)]
mod tests;
mod text;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::model::{TokenRecord, TokenStatus};

pub use log::{record_sent, snooze, SentReminder};
pub use text::{NoticeAction, NoticeText};

/// Days before expiry at which Jeton reminds, by default; 0 is "at expiry".
pub const DEFAULT_THRESHOLDS: [i64; 5] = [14, 7, 3, 1, 0];
/// The longest threshold accepted: GitHub's longest token lifetime.
pub const MAX_THRESHOLD_DAYS: i64 = 366;

/// How long "remind me tomorrow" holds a token's notices.
pub fn snooze_span() -> Duration {
    Duration::days(1)
}

/// Thresholds in days before expiry: distinct, between 0 and [`MAX_THRESHOLD_DAYS`],
/// farthest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<i64>", into = "Vec<i64>")]
pub struct Thresholds(Vec<i64>);

impl Thresholds {
    pub fn new(days: impl IntoIterator<Item = i64>) -> Thresholds {
        let mut d: Vec<i64> = days.into_iter().filter(|d| (0..=MAX_THRESHOLD_DAYS).contains(d)).collect();
        d.sort_unstable_by(|a, b| b.cmp(a));
        d.dedup();
        Thresholds(d)
    }

    pub fn days(&self) -> &[i64] {
        &self.0
    }
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds::new(DEFAULT_THRESHOLDS)
    }
}

impl From<Vec<i64>> for Thresholds {
    fn from(v: Vec<i64>) -> Self {
        Thresholds::new(v)
    }
}

impl From<Thresholds> for Vec<i64> {
    fn from(t: Thresholds) -> Self {
        t.0
    }
}

/// What a notice is about; with the expiry, the key of the log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// `d` days before expiry; 0 is "has expired".
    Threshold(i64),
    /// GitHub gave an expiry Jeton could not read.
    ExpiryUnknown,
    /// GitHub refused the token before its expiry: it was revoked or deleted.
    Invalid,
}

/// A token's expiry as far as reminders go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expiry {
    Never,
    At(DateTime<Utc>),
    /// GitHub sent an expiry that could not be read.
    Unknown,
}

impl Expiry {
    /// What the record says: its expiry, else unknown when GitHub's could not be read,
    /// else never.
    pub fn of(record: &TokenRecord) -> Expiry {
        match (record.expires_at, record.expiry_unknown) {
            (Some(at), _) => Expiry::At(at),
            (None, true) => Expiry::Unknown,
            (None, false) => Expiry::Never,
        }
    }
}

/// A notice to raise now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub token_id: String,
    pub token_name: String,
    pub login: Option<String>,
    pub host: String,
    pub kind: NoticeKind,
    pub expires_at: Option<DateTime<Utc>>,
    /// Days left by the day rule when planned (negative once expired).
    pub days_left: Option<i64>,
    /// The snoozed notice coming back, not a new threshold.
    pub repeat: bool,
}

/// What to do now and when to look again.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Plan {
    pub due: Vec<Notice>,
    /// The next instant a notice can fall due, always after `now`; `None`: nothing will
    /// fall due unless the tokens change.
    pub next_wake: Option<DateTime<Utc>>,
}

/// The rule counting days left: `(expires_at, now) -> days`.
pub type DayRule = fn(DateTime<Utc>, DateTime<Utc>) -> i64;

#[derive(Debug, Clone)]
pub struct Schedule {
    pub thresholds: Thresholds,
    days_left: DayRule,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule::new(Thresholds::default())
    }
}

impl Schedule {
    /// A schedule counting days with core's rule (`status::days_left`).
    pub fn new(thresholds: Thresholds) -> Schedule {
        Schedule { thresholds, days_left: crate::status::days_left }
    }

    /// The same schedule with another day rule (tests: another time zone).
    pub fn with_day_rule(mut self, rule: DayRule) -> Schedule {
        self.days_left = rule;
        self
    }

    pub fn plan(&self, records: &[TokenRecord], now: DateTime<Utc>) -> Plan {
        let mut plan = Plan::default();
        // An installation token lives an hour: it is renewed by minting, never reminded about.
        for r in records.iter().filter(|r| r.kind != crate::model::TokenKind::AppInstallation) {
            let (due, wake) = self.token_plan(r, now);
            plan.due.extend(due);
            plan.next_wake = match (plan.next_wake, wake) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
        }
        plan
    }

    /// The instant threshold `days` is reached for expiry `exp`: the expiry itself for
    /// 0, otherwise the first whole second at which the day rule gives `days` or fewer.
    pub fn reached_at(&self, exp: DateTime<Utc>, days: i64) -> DateTime<Utc> {
        if days == 0 {
            return exp;
        }
        let within = |t: i64| DateTime::from_timestamp(t, 0).is_some_and(|t| (self.days_left)(exp, t) <= days);
        // `hi` is inside (no days left at expiry); step `lo` back until it is outside.
        let hi = exp.timestamp() + 1;
        let mut span = (days + 2) * 86_400;
        let mut lo = hi - span;
        while within(lo) && span < 4 * MAX_THRESHOLD_DAYS * 86_400 {
            span *= 2;
            lo = hi - span;
        }
        let (mut lo, mut hi) = (lo, hi);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if within(mid) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        DateTime::from_timestamp(hi, 0).unwrap_or(exp)
    }

    fn token_plan(&self, r: &TokenRecord, now: DateTime<Utc>) -> (Option<Notice>, Option<DateTime<Utc>>) {
        let notice = |kind, expires_at: Option<DateTime<Utc>>, repeat| Notice {
            token_id: r.id.clone(),
            token_name: r.name.clone(),
            login: r.login.clone(),
            host: r.host.clone(),
            kind,
            expires_at,
            days_left: expires_at.map(|e| (self.days_left)(e, now)),
            repeat,
        };
        if refused_before_expiry(r) {
            // Told once, keyed by the expiry it had, like the thresholds.
            let told = r.reminders_sent.iter().any(|x| x.kind == NoticeKind::Invalid && x.expires_at == r.expires_at);
            let invalid = Notice { days_left: None, ..notice(NoticeKind::Invalid, r.expires_at, false) };
            return ((!told).then_some(invalid), None);
        }
        let (exp, relevant): (Option<DateTime<Utc>>, Vec<&SentReminder>) = match Expiry::of(r) {
            Expiry::Never => return (None, None),
            Expiry::At(e) => (Some(e), r.reminders_sent.iter().filter(|x| x.expires_at == Some(e)).collect()),
            Expiry::Unknown => {
                (None, r.reminders_sent.iter().filter(|x| x.kind == NoticeKind::ExpiryUnknown).collect())
            }
        };
        let snooze = relevant.iter().filter(|x| x.snoozed_until.is_some()).max_by_key(|x| x.snoozed_until);
        if let Some(until) = snooze.and_then(|x| x.snoozed_until).filter(|u| *u > now) {
            return (None, Some(until));
        }
        // The new notice due now, if any, and the next instant one falls due.
        let (fresh, wake) = match exp {
            None if relevant.is_empty() => (Some(NoticeKind::ExpiryUnknown), None),
            None => (None, None),
            Some(e) => {
                let covered = relevant
                    .iter()
                    .filter_map(|x| match x.kind {
                        NoticeKind::Threshold(d) => Some(d),
                        NoticeKind::ExpiryUnknown | NoticeKind::Invalid => None,
                    })
                    .min();
                let open = self.thresholds.days().iter().copied().filter(|d| covered.is_none_or(|c| *d < c));
                let (reached, ahead): (Vec<_>, Vec<_>) =
                    open.map(|d| (d, self.reached_at(e, d))).partition(|(_, at)| *at <= now);
                let nearest = reached.iter().map(|(d, _)| *d).min();
                (nearest.map(NoticeKind::Threshold), ahead.iter().map(|(_, at)| *at).min())
            }
        };
        let kind = fresh.map(|k| (k, false)).or_else(|| snooze.map(|x| (x.kind, true)));
        (kind.map(|(kind, repeat)| notice(kind, exp, repeat)), wake)
    }
}

/// GitHub refused the token while it had not expired yet: it was revoked, so reminding
/// about its expiry would mislead (a refusal after the expiry is the expiry itself).
fn refused_before_expiry(r: &TokenRecord) -> bool {
    r.last_check.as_ref().is_some_and(|c| {
        matches!(c.status, TokenStatus::Invalid | TokenStatus::Expired) && r.expires_at.is_none_or(|e| c.at < e)
    })
}
