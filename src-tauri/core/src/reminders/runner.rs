//! What the desktop's reminder task decides, so that the shell only sleeps, shows and
//! records: what to show now, whether the daily re-check is due, and how long to sleep.
//!
//! - The task never sleeps longer than [`LONGEST_SLEEP`] without reading the wall clock
//!   again: a suspend, a resume or a clock set forwards or back is noticed within it, and
//!   the log of notices sent keeps it from repeating one.
//! - Every token is re-checked once a day ([`recheck_due`]): a revoked token or a
//!   changed expiry is found without the user asking, and the schedule then sends the
//!   "no longer works" notice once.
//! - A notice shown is written to its token's log; should that write fail (read-only
//!   data), the runner still remembers it until Jeton quits.

use std::collections::HashSet;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Utc};

use super::{record_sent, Notice, NoticeKind, Schedule};
use crate::error::Result;
use crate::model::TokenRecord;
use crate::service::Jeton;

/// The longest the reminder task sleeps without reading the wall clock again.
pub const LONGEST_SLEEP: StdDuration = StdDuration::from_secs(10 * 60);

/// How often every token is re-checked with its host.
pub fn recheck_every() -> Duration {
    Duration::days(1)
}

/// A re-check whose answers could not be recorded is not tried again before this.
pub fn recheck_retry() -> Duration {
    Duration::hours(1)
}

/// When the daily re-check falls due: a day after the token heard of longest ago (its
/// last answer from GitHub, its last failed attempt, or when it was added), and not
/// before [`recheck_retry`] after the last attempt. `None` without tokens.
pub fn recheck_due(records: &[TokenRecord], last_attempt: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    let oldest = records.iter().map(last_heard).min()? + recheck_every();
    Some(last_attempt.map_or(oldest, |a| oldest.max(a + recheck_retry())))
}

fn last_heard(r: &TokenRecord) -> DateTime<Utc> {
    let check = r.last_check.as_ref().map(|c| c.at);
    let failure = r.last_failure.as_ref().map(|f| f.at);
    [check, failure].into_iter().flatten().max().unwrap_or(r.created_at)
}

/// How long to sleep at `now` before the earliest of `wakes`: zero for one already
/// passed, never more than [`LONGEST_SLEEP`].
pub fn sleep_for(now: DateTime<Utc>, wakes: impl IntoIterator<Item = Option<DateTime<Utc>>>) -> StdDuration {
    match wakes.into_iter().flatten().min() {
        Some(at) => (at - now).to_std().unwrap_or(StdDuration::ZERO).min(LONGEST_SLEEP),
        None => LONGEST_SLEEP,
    }
}

/// One look at the tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The notices to show now.
    pub due: Vec<Notice>,
    /// Whether to re-check every token now (then look again).
    pub recheck: bool,
    /// Whether to look at the orgs' pending token requests now (daily, like the
    /// re-check; see `apps::org_notice`), then look again.
    pub org_look: bool,
    /// How long to sleep once the notices are shown, unless the tokens change.
    pub sleep: StdDuration,
}

type Key = (String, NoticeKind, Option<DateTime<Utc>>);

fn key(n: &Notice) -> Key {
    (n.token_id.clone(), n.kind, n.expires_at)
}

/// The reminder task's memory while Jeton runs.
#[derive(Debug, Clone, Default)]
pub struct Runner {
    shown: HashSet<Key>,
    last_recheck: Option<DateTime<Utc>>,
    last_org_look: Option<DateTime<Utc>>,
}

impl Runner {
    /// Looks at the stored tokens at `now`, with the reminder days chosen in the
    /// settings (read each time: a change applies at the next look).
    pub fn step(&self, jeton: &Jeton, now: DateTime<Utc>) -> Result<Step> {
        // Installation tokens are not reminded about: they leave once expired, unless pinned.
        if let Err(e) = crate::apps::sweep_expired(&jeton.vault, now) {
            tracing::warn!(code = e.code(), "reminders: expired installation tokens not dropped");
        }
        let records = jeton.vault.list()?;
        let days = crate::settings::Settings::load(&jeton.config.data_dir).reminder_days;
        let plan = Schedule::new(days).plan(&records, now);
        let recheck_at = recheck_due(&records, self.last_recheck);
        let recheck = recheck_at.is_some_and(|at| at <= now);
        let due = plan.due.into_iter().filter(|n| !self.shown.contains(&key(n))).collect();
        let next_sweep =
            records.iter().filter(|r| r.minted.as_ref().is_some_and(|m| !m.pinned)).filter_map(|r| r.expires_at).min();
        let org_at = crate::apps::org_notice::next_look(&jeton.vault.apps()?, self.last_org_look, now);
        let org_look = org_at.is_some_and(|at| at <= now);
        let sleep = sleep_for(now, [plan.next_wake, recheck_at, next_sweep, org_at]);
        Ok(Step { due, recheck, org_look, sleep })
    }

    /// The daily look at the orgs' pending token requests starts at `now`.
    pub fn org_looking(&mut self, now: DateTime<Utc>) {
        self.last_org_look = Some(now);
    }

    /// The daily re-check starts at `now`.
    pub fn rechecking(&mut self, now: DateTime<Utc>) {
        self.last_recheck = Some(now);
    }

    /// `notice` was shown at `now`: written to its token's log, so that no restart
    /// repeats it, and remembered until Jeton quits should the write fail.
    pub fn shown(&mut self, jeton: &Jeton, notice: &Notice, now: DateTime<Utc>) -> Result<()> {
        self.shown.insert(key(notice));
        jeton.vault.update(&notice.token_id, |r| record_sent(&mut r.reminders_sent, notice, now)).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckRecord, FailedCheck, TokenKind, TokenStatus};

    fn t(secs: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + secs, 0).unwrap()
    }

    fn record(created: i64) -> TokenRecord {
        TokenRecord::new("a".into(), "a".into(), "https://github.com".into(), TokenKind::Classic, t(created))
    }

    #[test]
    fn sleeps_until_the_earliest_wake_but_never_more_than_ten_minutes() {
        assert_eq!(sleep_for(t(0), [Some(t(90)), Some(t(30)), None]), StdDuration::from_secs(30));
        assert_eq!(sleep_for(t(0), [Some(t(86_400))]), LONGEST_SLEEP);
        assert_eq!(sleep_for(t(0), [None]), LONGEST_SLEEP, "nothing ahead: still looks again");
        assert_eq!(sleep_for(t(100), [Some(t(30))]), StdDuration::ZERO, "a wake already passed is now");
        assert_eq!(LONGEST_SLEEP, StdDuration::from_secs(600));
    }

    #[test]
    fn the_recheck_is_due_a_day_after_the_token_heard_of_longest_ago() {
        assert_eq!(recheck_due(&[], None), None, "no tokens, no re-check");
        let day = 86_400;
        let added = record(0);
        let mut checked = record(0);
        checked.last_check = Some(CheckRecord { at: t(5_000), status: TokenStatus::Valid, sso_url: None, error: None });
        let mut failed = record(0);
        failed.last_failure = Some(FailedCheck { at: t(9_000), error: crate::Error::NotCheckable });
        assert_eq!(recheck_due(&[checked.clone(), failed.clone()], None), Some(t(5_000 + day)));
        assert_eq!(recheck_due(&[added, checked.clone()], None), Some(t(day)), "added and never checked");
        // An attempt whose answers were not recorded is not repeated at once.
        assert_eq!(recheck_due(&[checked.clone()], Some(t(5_000 + day))), Some(t(5_000 + day + 3_600)));
        assert_eq!(recheck_due(&[checked], Some(t(0))), Some(t(5_000 + day)), "an old attempt does not delay");
    }
}
