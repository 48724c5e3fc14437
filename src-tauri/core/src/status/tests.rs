use super::*;
use crate::error::Error;
use crate::model::{CheckRecord, FailedCheck, TokenKind};
use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;
use proptest::prelude::*;

fn rec(expires_in: Option<Duration>, checked: Option<TokenStatus>, now: DateTime<Utc>) -> TokenRecord {
    let mut r = TokenRecord::new("i".into(), "n".into(), "https://github.com".into(), TokenKind::Classic, now);
    r.login = Some("octocat".into());
    r.expires_at = expires_in.map(|d| now + d);
    r.last_check = checked.map(|status| CheckRecord { at: now, status, sso_url: None, error: None });
    r
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
fn attention_is_one_rule() {
    use TokenStatus::*;
    assert!(!needs_attention(Valid, Some(90), false));
    assert!(!needs_attention(Valid, None, false));
    assert!(needs_attention(Valid, Some(14), false));
    assert!(needs_attention(Invalid, None, false));
    assert!(needs_attention(SsoRequired, Some(90), false));
    assert!(needs_attention(Expired, Some(0), false));
    assert!(needs_attention(Valid, Some(90), true), "a missing secret needs the user");
    assert!(!needs_attention(Unreachable, Some(90), false));
    assert!(!needs_attention(RateLimited, None, false));
}

#[test]
fn urgency_follows_the_same_windows() {
    use TokenStatus::*;
    assert_eq!(urgency(Valid, Some(30)), Urgency::None);
    assert_eq!(urgency(Valid, None), Urgency::None);
    assert_eq!(urgency(Valid, Some(14)), Urgency::Soon);
    assert_eq!(urgency(Expiring, Some(6)), Urgency::Urgent);
    assert_eq!(urgency(Expiring, Some(0)), Urgency::Urgent);
    assert_eq!(urgency(Expired, Some(-2)), Urgency::Over);
    assert_eq!(urgency(Invalid, None), Urgency::Over);
}

fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(y, m, d).unwrap().and_hms_opt(h, min, 0).unwrap().and_utc()
}

#[test]
fn days_are_calendar_days_in_the_local_zone() {
    // 1 December at 21:00 in Paris: the 2nd is tomorrow, the 3rd is in 2 days.
    let paris: Tz = "Europe/Paris".parse().unwrap();
    let now = utc(2026, 12, 1, 20, 0);
    assert_eq!(days_left_in(&paris, utc(2026, 12, 2, 9, 0), now), 1, "tomorrow");
    assert_eq!(days_left_in(&paris, utc(2026, 12, 3, 9, 0), now), 2);
    assert_eq!(days_left_in(&paris, utc(2026, 12, 31, 9, 0), now), 30);
    assert_eq!(days_left_in(&paris, utc(2026, 12, 1, 22, 0), now), 0, "later today");
    // 23:30 UTC on the 1st is already the 2nd in Paris.
    assert_eq!(days_left_in(&paris, utc(2026, 12, 1, 23, 30), now), 1);
    assert_eq!(days_left_in(&paris, utc(2026, 11, 30, 9, 0), now), -1, "yesterday");
    // The same instants counted in New York.
    let ny: Tz = "America/New_York".parse().unwrap();
    assert_eq!(days_left_in(&ny, utc(2026, 12, 2, 3, 0), now), 0, "still the 1st in New York");
}

#[test]
fn days_across_daylight_saving_changes() {
    let paris: Tz = "Europe/Paris".parse().unwrap();
    // The night of 28–29 March 2026 has 23 hours in Paris, 24–25 October 2026 has 25.
    assert_eq!(days_left_in(&paris, utc(2026, 3, 29, 22, 30), utc(2026, 3, 28, 23, 30)), 1);
    assert_eq!(days_left_in(&paris, utc(2026, 10, 25, 23, 30), utc(2026, 10, 24, 22, 30)), 1);
    assert_eq!(days_left_in(&paris, utc(2026, 4, 28, 10, 0), utc(2026, 3, 28, 10, 0)), 31);
}

const ZONES: [&str; 7] = [
    "UTC",
    "Europe/Paris",
    "America/New_York",
    "Pacific/Auckland",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
    "America/St_Johns",
];

proptest! {
    /// Whatever the zone and the hour, the count is the difference of the two local
    /// dates, it never jumps by more than one day from one hour to the next, and it
    /// agrees with the hours left to within one day.
    #[test]
    fn days_left_is_the_local_date_difference(
        zone in 0..ZONES.len(),
        now_s in 1_700_000_000i64..1_900_000_000,
        span_s in -40 * 86_400i64..400 * 86_400,
    ) {
        let tz: Tz = ZONES[zone].parse().unwrap();
        let now = DateTime::from_timestamp(now_s, 0).unwrap();
        let exp = now + Duration::seconds(span_s);
        let d = days_left_in(&tz, exp, now);
        let expected = (exp.with_timezone(&tz).date_naive() - now.with_timezone(&tz).date_naive()).num_days();
        prop_assert_eq!(d, expected);
        let hours = span_s as f64 / 3600.0;
        prop_assert!((d as f64) >= hours / 24.0 - 1.05 && (d as f64) <= hours / 24.0 + 1.05, "{d} days for {hours} h");
        let later = days_left_in(&tz, exp, now + Duration::hours(1));
        prop_assert!(later == d || later == d - 1);
    }
}

#[test]
fn a_failed_check_keeps_what_was_known() {
    let now = Utc::now();
    let mut r = rec(Some(Duration::days(1)), Some(TokenStatus::SsoRequired), now - Duration::hours(2));
    r.last_check.as_mut().unwrap().at = now - Duration::hours(2);
    r.last_failure = Some(FailedCheck { at: now, error: Error::Network { host: "h".into(), detail: "down".into() } });
    let v = view_of(&r, now, Lang::En);
    assert_eq!(v.status, TokenStatus::SsoRequired, "the last verdict stands");
    assert!(v.unreachable);
    assert!(v.needs_attention);
    assert_eq!(v.last_checked.as_deref(), Some(rfc3339(now - Duration::hours(2)).as_str()));
    assert_eq!(v.error.unwrap().code.as_str(), "network");
    // Never checked at all: the failure is all there is.
    let mut fresh = rec(None, None, now);
    fresh.last_failure = Some(FailedCheck { at: now, error: Error::RateLimited { retry_after_secs: None } });
    let v = view_of(&fresh, now, Lang::En);
    assert_eq!(v.status, TokenStatus::RateLimited);
    assert!(!v.unreachable, "no last known verdict to show beside it");
}

#[test]
fn revoked_tokens_have_no_days_left_and_never_expiring_ones_say_so() {
    let now = Utc::now();
    let revoked = view_of(&rec(Some(Duration::days(181)), Some(TokenStatus::Invalid), now), now, Lang::En);
    assert_eq!(revoked.days_left, None);
    assert!(!revoked.never_expires);
    assert_eq!(revoked.urgency, Urgency::Over);
    let forever = view_of(&rec(None, Some(TokenStatus::Valid), now), now, Lang::En);
    assert!(forever.never_expires);
    assert_eq!(forever.days_left, None);
    let unchecked = view_of(&rec(None, None, now), now, Lang::En);
    assert!(!unchecked.never_expires, "not known yet");
}

#[test]
fn a_minted_installation_token_is_no_alarm_until_it_expires() {
    let now = Utc::now();
    let mut minted = rec(Some(Duration::minutes(59)), Some(TokenStatus::Valid), now);
    minted.kind = TokenKind::AppInstallation;
    let v = view_of(&minted, now, Lang::En);
    assert_eq!(v.status, TokenStatus::Valid, "an hour is its normal life, not 'expiring'");
    assert_eq!(v.urgency, Urgency::None);
    assert!(!v.needs_attention);
    assert!(v.expires_at.is_some(), "the dashboard counts down from it");
    let classic = view_of(&rec(Some(Duration::minutes(59)), Some(TokenStatus::Valid), now), now, Lang::En);
    assert_eq!((classic.status, classic.urgency), (TokenStatus::Expiring, Urgency::Urgent));
    minted.expires_at = Some(now - Duration::minutes(1));
    let over = view_of(&minted, now, Lang::En);
    assert_eq!((over.status, over.urgency), (TokenStatus::Expired, Urgency::Over));
}

#[test]
fn stored_errors_are_rendered_in_the_readers_language() {
    let now = Utc::now();
    let mut r = rec(None, Some(TokenStatus::Invalid), now);
    r.last_check.as_mut().unwrap().error = Some(Error::TokenInvalid);
    let en = view_of(&r, now, Lang::En).error.unwrap();
    let fr = view_of(&r, now, Lang::Fr).error.unwrap();
    assert_eq!(en.code, fr.code);
    assert_eq!(en.message, Error::TokenInvalid.message(Lang::En));
    assert_eq!(fr.message, Error::TokenInvalid.message(Lang::Fr));
}

#[test]
fn spans() {
    assert_eq!(parse_span("7d"), Some(Duration::days(7)));
    assert_eq!(parse_span("7"), Some(Duration::days(7)));
    assert_eq!(parse_span("36h"), Some(Duration::hours(36)));
    assert_eq!(parse_span("2w"), Some(Duration::days(14)));
    assert_eq!(parse_span("5y"), None);
    assert_eq!(parse_span("d"), None);
}
