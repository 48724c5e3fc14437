//! The log of notices sent, kept in each token's metadata.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Notice, NoticeKind};

/// One notice sent, kept in the token's metadata (`TokenRecord::reminders_sent`) so
/// that a restart never repeats it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "SentRepr")]
pub struct SentReminder {
    pub kind: NoticeKind,
    /// The expiry the notice was about: a renewed expiry starts the thresholds over.
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was sent (`None` in logs written before Jeton kept it).
    pub at: Option<DateTime<Utc>>,
    /// "Remind me tomorrow": the token's notices wait until then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub snoozed_until: Option<DateTime<Utc>>,
}

/// Logs written before this one held bare threshold numbers; they name no expiry, so
/// they never match one and the thresholds start over once.
#[derive(Deserialize)]
#[serde(untagged)]
enum SentRepr {
    Legacy(i64),
    Full {
        kind: NoticeKind,
        #[serde(default)]
        expires_at: Option<DateTime<Utc>>,
        #[serde(default)]
        at: Option<DateTime<Utc>>,
        #[serde(default)]
        snoozed_until: Option<DateTime<Utc>>,
    },
}

impl From<SentRepr> for SentReminder {
    fn from(r: SentRepr) -> Self {
        match r {
            SentRepr::Legacy(d) => {
                SentReminder { kind: NoticeKind::Threshold(d), expires_at: None, at: None, snoozed_until: None }
            }
            SentRepr::Full { kind, expires_at, at, snoozed_until } => {
                SentReminder { kind, expires_at, at, snoozed_until }
            }
        }
    }
}

/// Writes a sent notice into its token's log, and ends any snooze of that token.
pub fn record_sent(log: &mut Vec<SentReminder>, notice: &Notice, now: DateTime<Utc>) {
    for x in log.iter_mut() {
        x.snoozed_until = None;
    }
    if !notice.repeat {
        log.push(SentReminder { kind: notice.kind, expires_at: notice.expires_at, at: Some(now), snoozed_until: None });
    }
}

/// "Remind me later" on a notice already recorded: its token's notices wait until
/// `until`. Returns false when the log does not hold that notice.
pub fn snooze(log: &mut [SentReminder], notice: &Notice, until: DateTime<Utc>) -> bool {
    let entry = log.iter_mut().rev().find(|x| x.kind == notice.kind && x.expires_at == notice.expires_at);
    match entry {
        Some(x) => {
            x.snoozed_until = Some(until);
            true
        }
        None => false,
    }
}
