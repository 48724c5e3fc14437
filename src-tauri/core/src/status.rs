//! A token's status and days left, from what Jeton recorded and the time now.

use chrono::{DateTime, Utc};

use crate::model::{rfc3339, TokenRecord, TokenStatus, TokenView};

/// A token expiring within this many days is "expiring".
pub const EXPIRING_WITHIN_DAYS: i64 = 7;
/// Within this many days of expiry a token already needs attention (the first reminder).
pub const ATTENTION_WITHIN_DAYS: i64 = 14;

/// Whether a token needs the user to do something: it is expiring, expired, refused
/// or held back by SSO, or expires within two weeks. Unreachable and rate-limited
/// tokens wait for the next check instead.
pub fn wants_attention(status: TokenStatus, days_left: Option<i64>) -> bool {
    matches!(status, TokenStatus::Expiring | TokenStatus::Expired | TokenStatus::Invalid | TokenStatus::SsoRequired)
        || days_left.is_some_and(|d| d <= ATTENTION_WITHIN_DAYS)
}

/// Whole days from `now` to `expires_at`, rounded toward zero: 1 with 47 hours left,
/// 0 on the last day and on the day it expired, -1 a full day after.
pub fn days_left(expires_at: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    (expires_at - now).num_seconds() / 86_400
}

/// The status a person should see. GitHub answers an expired token with the same 401
/// as a wrong one, so the expiry Jeton recorded decides between expired and invalid.
pub fn status_of(record: &TokenRecord, now: DateTime<Utc>) -> TokenStatus {
    if let Some(exp) = record.expires_at {
        if exp <= now {
            return TokenStatus::Expired;
        }
    }
    let checked = record.last_check.as_ref().map(|c| c.status).unwrap_or(TokenStatus::Unknown);
    match checked {
        TokenStatus::Valid | TokenStatus::Expiring => match record.expires_at {
            Some(exp) if days_left(exp, now) < EXPIRING_WITHIN_DAYS => TokenStatus::Expiring,
            _ => TokenStatus::Valid,
        },
        TokenStatus::Expired => TokenStatus::Invalid,
        other => other,
    }
}

pub fn view_of(record: &TokenRecord, now: DateTime<Utc>) -> TokenView {
    let check = record.last_check.as_ref();
    let status = status_of(record, now);
    let days = record.expires_at.map(|e| days_left(e, now));
    TokenView {
        id: Some(record.id.clone()),
        name: Some(record.name.clone()),
        host: record.host.clone(),
        kind: Some(record.kind),
        well_formed: true,
        login: record.login.clone(),
        scopes: record.scopes.clone(),
        permissions: record.permissions.clone(),
        expires_at: record.expires_at.map(rfc3339),
        status,
        sso_url: check.and_then(|c| c.sso_url.clone()),
        error: check.and_then(|c| c.error.clone()),
        days_left: days.map(|d| d.clamp(i32::MIN as i64, i32::MAX as i64) as i32),
        last_checked: check.map(|c| rfc3339(c.at)),
        needs_attention: wants_attention(status, days),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CheckRecord, TokenKind};
    use chrono::Duration;

    fn rec(expires_in: Option<Duration>, checked: Option<TokenStatus>, now: DateTime<Utc>) -> TokenRecord {
        TokenRecord {
            id: "i".into(),
            name: "n".into(),
            host: "https://github.com".into(),
            login: Some("octocat".into()),
            kind: TokenKind::Classic,
            scopes: Some(vec!["repo".into()]),
            permissions: None,
            expires_at: expires_in.map(|d| now + d),
            created_at: now,
            last_check: checked.map(|status| CheckRecord { at: now, status, sso_url: None, error: None }),
            notes: String::new(),
            tags: vec![],
            predecessor: None,
            reminders_sent: vec![],
        }
    }

    #[test]
    fn statuses() {
        let now = Utc::now();
        let s = |e, c| status_of(&rec(e, c, now), now);
        assert_eq!(s(Some(Duration::days(30)), Some(TokenStatus::Valid)), TokenStatus::Valid);
        assert_eq!(s(None, Some(TokenStatus::Valid)), TokenStatus::Valid);
        assert_eq!(s(Some(Duration::days(2)), Some(TokenStatus::Valid)), TokenStatus::Expiring);
        assert_eq!(s(Some(Duration::days(-1)), Some(TokenStatus::Valid)), TokenStatus::Expired);
        assert_eq!(s(Some(Duration::days(-1)), Some(TokenStatus::Invalid)), TokenStatus::Expired);
        assert_eq!(s(Some(Duration::days(30)), Some(TokenStatus::Invalid)), TokenStatus::Invalid);
        assert_eq!(s(Some(Duration::days(30)), None), TokenStatus::Unknown);
        assert_eq!(s(None, Some(TokenStatus::SsoRequired)), TokenStatus::SsoRequired);
    }

    #[test]
    fn attention() {
        use TokenStatus::*;
        assert!(!wants_attention(Valid, Some(90)));
        assert!(!wants_attention(Valid, None));
        assert!(wants_attention(Valid, Some(14)));
        assert!(wants_attention(Invalid, None));
        assert!(wants_attention(SsoRequired, Some(90)));
        assert!(wants_attention(Expired, Some(0)));
        assert!(!wants_attention(Unreachable, Some(90)));
        assert!(!wants_attention(RateLimited, None));
    }

    #[test]
    fn days_left_rounds_down() {
        let now = Utc::now();
        assert_eq!(days_left(now + Duration::hours(47), now), 1);
        assert_eq!(days_left(now + Duration::hours(48), now), 2);
        assert_eq!(days_left(now - Duration::hours(1), now), 0);
        assert_eq!(days_left(now - Duration::hours(25), now), -1);
    }
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

/// Whether a token needs attention: invalid or expired, or expiring within `within`.
pub fn needs_attention(view: &TokenView, within: Option<chrono::Duration>, now: DateTime<Utc>) -> bool {
    if view.status.is_bad() {
        return true;
    }
    let Some(within) = within else { return false };
    view.expires_at
        .as_deref()
        .and_then(|e| DateTime::parse_from_rfc3339(e).ok())
        .is_some_and(|e| e.with_timezone(&Utc) <= now + within)
}

#[cfg(test)]
mod span_tests {
    use super::*;

    #[test]
    fn spans() {
        assert_eq!(parse_span("7d"), Some(chrono::Duration::days(7)));
        assert_eq!(parse_span("7"), Some(chrono::Duration::days(7)));
        assert_eq!(parse_span("36h"), Some(chrono::Duration::hours(36)));
        assert_eq!(parse_span("2w"), Some(chrono::Duration::days(14)));
        assert_eq!(parse_span("5y"), None);
        assert_eq!(parse_span("d"), None);
    }
}
