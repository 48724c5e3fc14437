//! When the tray must look again without being told: what it shows (status, days left,
//! the icon) changes with the clock at a token's expiry instant and at each local
//! midnight (days left are calendar days, see `status::days_left`).

use chrono::{DateTime, Days, Local, TimeZone, Utc};

use crate::model::TokenView;

/// The next instant after `now` at which the menu built from `tokens` may differ,
/// `None` when it only changes when the tokens do.
pub fn next_change(tokens: &[TokenView], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    next_change_in(&Local, tokens, now)
}

/// [`next_change`] in the time zone `tz`.
pub fn next_change_in<Tz: TimeZone>(tz: &Tz, tokens: &[TokenView], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let expiries = tokens
        .iter()
        .filter(|t| t.days_left.is_some())
        .filter_map(|t| t.expires_at.as_deref())
        .filter_map(|e| DateTime::parse_from_rfc3339(e).ok())
        .map(|e| e.with_timezone(&Utc));
    let soonest = expiries.filter(|e| *e > now).min()?;
    Some(soonest.min(next_midnight(tz, now)))
}

/// The next local midnight after `now` (an hour later where the zone skips midnight).
fn next_midnight<Tz: TimeZone>(tz: &Tz, now: DateTime<Utc>) -> DateTime<Utc> {
    let tomorrow = now.with_timezone(tz).date_naive().checked_add_days(Days::new(1));
    tomorrow
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .and_then(|m| tz.from_local_datetime(&m).earliest())
        .map(|m| m.with_timezone(&Utc))
        .filter(|m| *m > now)
        .unwrap_or(now + chrono::Duration::hours(1))
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, FixedOffset};

    use super::*;
    use crate::i18n::Lang;
    use crate::model::{TokenKind, TokenRecord};
    use crate::status::view_of;

    fn token(expires: Option<DateTime<Utc>>, now: DateTime<Utc>) -> TokenView {
        let mut r = TokenRecord::new("id".into(), "n".into(), "https://github.com".into(), TokenKind::Classic, now);
        r.expires_at = expires;
        view_of(&r, now, Lang::En)
    }

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn wakes_at_the_expiry_when_it_comes_before_midnight() {
        let paris = FixedOffset::east_opt(3600).unwrap();
        let now = at("2026-03-10T10:00:00Z");
        let soon = now + Duration::minutes(5);
        assert_eq!(next_change_in(&paris, &[token(Some(soon), now)], now), Some(soon));
    }

    #[test]
    fn wakes_at_local_midnight_when_days_left_change_first() {
        let paris = FixedOffset::east_opt(3600).unwrap();
        let now = at("2026-03-10T10:00:00Z");
        let later = now + Duration::days(9);
        // Midnight in Paris is 23:00 UTC.
        assert_eq!(next_change_in(&paris, &[token(Some(later), now)], now), Some(at("2026-03-10T23:00:00Z")));
    }

    #[test]
    fn nothing_to_wait_for_without_an_expiry_ahead() {
        let now = at("2026-03-10T10:00:00Z");
        assert_eq!(next_change_in(&Utc, &[], now), None);
        assert_eq!(next_change_in(&Utc, &[token(None, now)], now), None);
        let gone = token(Some(now - Duration::days(2)), now);
        assert_eq!(next_change_in(&Utc, &[gone], now), None, "an expired token changes no more");
    }
}
