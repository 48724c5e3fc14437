//! A token's status, days left, urgency and whether it needs attention, from what
//! Jeton recorded and the time now. These are the only copies of these rules: the
//! app, the CLI, the tray and the reminders all read them from here (through
//! [`TokenView`]).

use chrono::{DateTime, Local, TimeZone, Utc};

use crate::i18n::Lang;
use crate::model::{rfc3339, TokenRecord, TokenStatus, TokenView, Urgency};

/// A token expiring within this many days (calendar days, 0..6) is "expiring".
pub const EXPIRING_WITHIN_DAYS: i64 = 7;
/// Within this many days of expiry a token already needs attention (the first reminder).
pub const ATTENTION_WITHIN_DAYS: i64 = 14;

impl TokenStatus {
    /// GitHub no longer accepts the token: it expired, or was revoked or refused.
    pub fn is_refused(self) -> bool {
        matches!(self, TokenStatus::Expired | TokenStatus::Invalid)
    }

    /// GitHub accepts the token as it is.
    pub fn is_accepted(self) -> bool {
        matches!(self, TokenStatus::Valid | TokenStatus::Expiring)
    }
}

/// Whether a token needs the user to do something: GitHub refuses it, it expires
/// within two weeks, an organization's SSO holds it back, or its secret is gone.
/// Unreachable and rate-limited tokens wait for the next check instead.
pub fn needs_attention(status: TokenStatus, days_left: Option<i64>, secret_missing: bool) -> bool {
    status.is_refused()
        || matches!(status, TokenStatus::Expiring | TokenStatus::SsoRequired)
        || secret_missing
        || days_left.is_some_and(|d| d <= ATTENTION_WITHIN_DAYS)
}

/// How close a token's end is (see [`Urgency`]).
pub fn urgency(status: TokenStatus, days_left: Option<i64>) -> Urgency {
    match (status, days_left) {
        (s, _) if s.is_refused() => Urgency::Over,
        (_, Some(d)) if d < 0 => Urgency::Over,
        (_, Some(d)) if d < EXPIRING_WITHIN_DAYS => Urgency::Urgent,
        (_, Some(d)) if d <= ATTENTION_WITHIN_DAYS => Urgency::Soon,
        _ => Urgency::None,
    }
}

/// Calendar days from `now`'s date to the expiry's date, both in the local time zone:
/// 1 when it expires tomorrow (whatever the hour), 0 today, -1 yesterday.
pub fn days_left(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    days_left_in(&Local, expires_at, now)
}

/// [`days_left`] in a given time zone (tests use several).
pub(crate) fn days_left_in<Tz: TimeZone>(tz: &Tz, expires_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    let end = expires_at.with_timezone(tz).date_naive();
    let today = now.with_timezone(tz).date_naive();
    (end - today).num_days()
}

/// The status a person should see. GitHub answers an expired token with the same 401
/// as a wrong one, so the expiry Jeton recorded decides between expired and invalid.
/// A check that got no verdict (unreachable, rate limited) leaves the last verdict in
/// place; only a token never checked shows that failure as its status.
pub(crate) fn status_of(record: &TokenRecord, now: DateTime<Utc>) -> TokenStatus {
    if record.expires_at.is_some_and(|exp| exp <= now) {
        return TokenStatus::Expired;
    }
    let checked = match (&record.last_check, &record.last_failure) {
        (Some(c), _) => c.status,
        (None, Some(f)) => crate::service::status_for_error(&f.error),
        (None, None) => TokenStatus::Unknown,
    };
    match checked {
        TokenStatus::Valid | TokenStatus::Expiring => match record.expires_at {
            Some(_) if short_lived(record) => TokenStatus::Valid,
            Some(exp) if days_left(exp, now) < EXPIRING_WITHIN_DAYS => TokenStatus::Expiring,
            _ => TokenStatus::Valid,
        },
        TokenStatus::Expired => TokenStatus::Invalid,
        other => other,
    }
}

/// An installation token Jeton minted: it lives an hour by design, so its near end is
/// no cause for alarm or reminder (docs/github.md, "GitHub App tokens").
fn short_lived(record: &TokenRecord) -> bool {
    record.kind == crate::model::TokenKind::AppInstallation
}

/// How a stored token looks now, with its sentences in `lang`.
pub(crate) fn view_of(record: &TokenRecord, now: DateTime<Utc>, lang: Lang) -> TokenView {
    let check = record.last_check.as_ref();
    let status = status_of(record, now);
    let days = match status {
        TokenStatus::Invalid => None,
        _ => record.expires_at.map(|e| days_left(e, now)),
    };
    let counted = days.filter(|_| !short_lived(record));
    let accepted = check.is_some_and(|c| c.status.is_accepted() || c.status == TokenStatus::SsoRequired);
    let error = match (&record.last_failure, check) {
        (Some(f), _) => Some(&f.error),
        (None, Some(c)) => c.error.as_ref(),
        (None, None) => None,
    };
    TokenView {
        id: Some(record.id.clone()),
        name: Some(record.name.clone()),
        host: record.host.clone(),
        kind: Some(record.kind),
        well_formed: true,
        login: record.login.clone(),
        scopes: record.scopes.clone(),
        grants: record.scopes.as_deref().map(crate::github::grants::grant_tree),
        permissions: record.permissions.clone(),
        expires_at: record.expires_at.map(rfc3339),
        status,
        sso_url: check.and_then(|c| c.sso_url.clone()),
        error: error.map(|e| e.payload(lang)),
        days_left: days.map(|d| d.clamp(i32::MIN as i64, i32::MAX as i64) as i32),
        never_expires: record.expires_at.is_none() && !record.expiry_unknown && accepted,
        last_checked: check.map(|c| rfc3339(c.at)),
        unreachable: record.last_failure.is_some() && check.is_some(),
        secret_missing: false,
        urgency: urgency(status, counted),
        needs_attention: needs_attention(status, counted, false),
        settings_url: Some(crate::pages::settings_url(&record.host, record.kind)),
    }
}

/// The same view, for a token whose secret is no longer in the keychain.
pub(crate) fn with_secret_missing(mut view: TokenView) -> TokenView {
    view.secret_missing = true;
    view.needs_attention = true;
    view
}

/// `jeton status --within SPAN`'s rule (the CLI contract): GitHub refuses the token, or
/// it expires within the span.
pub fn fails_within(view: &TokenView, within: Option<chrono::Duration>, now: DateTime<Utc>) -> bool {
    if view.status.is_refused() {
        return true;
    }
    let Some(within) = within else { return false };
    view.expires_at
        .as_deref()
        .and_then(|e| DateTime::parse_from_rfc3339(e).ok())
        .is_some_and(|e| e.with_timezone(&Utc) <= now + within)
}

/// Parses a span such as `7d`, `36h`, `90m`, `2w` or a bare number of days.
pub fn parse_span(s: &str) -> Option<chrono::Duration> {
    let s = s.trim();
    let (num, unit) = match s.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => s.split_at(i),
        None => (s, "d"),
    };
    let n: i64 = num.parse().ok()?;
    match unit.trim() {
        "w" => chrono::Duration::try_weeks(n),
        "d" | "" => chrono::Duration::try_days(n),
        "h" => chrono::Duration::try_hours(n),
        "m" => chrono::Duration::try_minutes(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
