//! Parsers for the headers GitHub uses to describe a token and the API's limits
//! (docs/github.md#checking-a-token, #rate-limits). Pure functions over header text: no HTTP types here, and
//! nothing panics on any input. A value that cannot be read gives `None` (or an empty
//! list) and the caller records the problem.
//!
//! Every parser refuses values longer than [`MAX_HEADER_LEN`] bytes up front.

use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use serde::Serialize;

/// The longest header value looked at, in bytes. Real ones are far shorter.
pub const MAX_HEADER_LEN: usize = 8 * 1024;

/// The most of an unrecognized `X-GitHub-SSO` value kept in [`Sso::Unknown`], in bytes.
const MAX_UNKNOWN_LEN: usize = 256;

fn too_long(value: &str) -> bool {
    value.len() > MAX_HEADER_LEN
}

// ---------------------------------------------------------------------------------
// GitHub-Authentication-Token-Expiration

/// Reads `GitHub-Authentication-Token-Expiration`.
///
/// GitHub sends `2026-01-02 03:04:05 UTC`, and for some tokens a numeric offset,
/// `2026-01-02 03:04:05 +0200`. Also accepted: `-0700`, `+02:00`, `+02`, `GMT` or `Z`
/// for UTC, any amount of spacing, Go's `+0200 CEST` (offset then zone name), and
/// RFC 3339 (`2026-01-02T03:04:05Z`). A time without a zone is refused: it is not
/// known which day it means.
pub fn parse_token_expiration(value: &str) -> Option<DateTime<Utc>> {
    if value.len() > 100 {
        return None;
    }
    let parts: Vec<&str> = value.split_whitespace().collect();
    let (date, time, zone) = match parts.as_slice() {
        [single] => return DateTime::parse_from_rfc3339(single).ok().map(|d| d.with_timezone(&Utc)),
        [date, time, zone] => (*date, *time, *zone),
        [date, time, zone, name] if is_numeric_offset(zone) && is_zone_name(name) => (*date, *time, *zone),
        _ => return None,
    };
    let naive = NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M:%S").ok()?;
    let offset = zone_offset_secs(zone)?;
    let utc = naive.checked_sub_signed(TimeDelta::try_seconds(offset)?)?;
    Some(utc.and_utc())
}

fn is_numeric_offset(zone: &str) -> bool {
    zone.starts_with(['+', '-'])
}

fn is_zone_name(name: &str) -> bool {
    (1..=6).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Seconds east of UTC for `UTC`, `GMT`, `Z`, `±HHMM`, `±HH:MM` or `±HH`.
fn zone_offset_secs(zone: &str) -> Option<i64> {
    if ["UTC", "GMT", "Z"].iter().any(|z| zone.eq_ignore_ascii_case(z)) {
        return Some(0);
    }
    let (sign, digits) = match zone.as_bytes().first()? {
        b'+' => (1, &zone[1..]),
        b'-' => (-1, &zone[1..]),
        _ => return None,
    };
    let digits: String = match digits.len() {
        5 if digits.as_bytes()[2] == b':' => digits.chars().filter(|c| *c != ':').collect(),
        4 => digits.to_owned(),
        2 => format!("{digits}00"),
        _ => return None,
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i64 = digits[..2].parse().ok()?;
    let minutes: i64 = digits[2..].parse().ok()?;
    if hours > 23 || minutes > 59 {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60))
}

// ---------------------------------------------------------------------------------
// X-OAuth-Scopes, X-Accepted-OAuth-Scopes

/// Reads a scope list (`X-OAuth-Scopes: repo, user`). Commas and any spacing separate
/// scopes; empty items are dropped; order is kept; nothing is deduplicated or
/// normalized (see [`parse_normalized_scopes`]). An empty header gives an empty list.
pub fn parse_scopes(value: &str) -> Vec<String> {
    if too_long(value) {
        return Vec::new();
    }
    value.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

/// [`parse_scopes`] then [`super::scopes::normalize_scopes`]: implied child scopes
/// and duplicates dropped, as GitHub stores them.
#[cfg(test)]
pub(crate) fn parse_normalized_scopes(value: &str) -> Vec<String> {
    super::scopes::normalize_scopes(&parse_scopes(value))
}

// ---------------------------------------------------------------------------------
// X-GitHub-SSO

/// What `X-GitHub-SSO` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sso {
    /// The token must be authorized for an organization's SAML SSO at `url` (which
    /// expires after an hour). The URL is checked to be http(s).
    Required { url: String },
    /// Results from these organizations (by id) were left out of a list.
    PartialResults { organizations: Vec<u64> },
    /// A value this version does not understand, kept (up to 256 bytes) for the record.
    Unknown(String),
}

/// Reads `X-GitHub-SSO`: `required; url=https://github.com/orgs/ORG/sso?...` or
/// `partial-results; organizations=21955855,20582480`. `None` for an empty value.
pub fn parse_sso(value: &str) -> Option<Sso> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let unknown = || Some(Sso::Unknown(truncate(value, MAX_UNKNOWN_LEN).to_owned()));
    if too_long(value) {
        return unknown();
    }
    let mut parts = value.split(';');
    let directive = parts.next().unwrap_or_default().trim();
    let params: Vec<(String, &str)> = parts
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), unquote(v.trim())))
        .collect();
    let param = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| *v);
    let parsed = if directive.eq_ignore_ascii_case("required") {
        param("url").and_then(web_url).map(|url| Sso::Required { url })
    } else if directive.eq_ignore_ascii_case("partial-results") {
        match param("organizations") {
            None => Some(Sso::PartialResults { organizations: Vec::new() }),
            Some(list) => list
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| s.parse::<u64>().ok())
                .collect::<Option<Vec<u64>>>()
                .map(|organizations| Sso::PartialResults { organizations }),
        }
    } else {
        None
    };
    parsed.or_else(unknown)
}

fn unquote(v: &str) -> &str {
    v.strip_prefix('"').and_then(|s| s.strip_suffix('"')).unwrap_or(v)
}

/// `s` as an absolute http(s) URL with a host, normalized.
fn web_url(s: &str) -> Option<String> {
    let url = url::Url::parse(s).ok()?;
    (matches!(url.scheme(), "https" | "http") && url.host().is_some()).then(|| url.to_string())
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

// ---------------------------------------------------------------------------------
// Rate limits

/// The `x-ratelimit-*` headers of one answer. Every field is `None` when its header
/// is absent or unreadable.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RateLimit {
    pub limit: Option<u64>,
    pub remaining: Option<u64>,
    pub used: Option<u64>,
    /// When the window resets (`x-ratelimit-reset`, epoch seconds).
    pub reset: Option<DateTime<Utc>>,
    /// Which limit this is, e.g. `core`, `search`, `graphql`.
    pub resource: Option<String>,
}

impl RateLimit {
    /// Reads the headers through `lookup`, which is given lower-case header names
    /// (`x-ratelimit-limit`, …) and should match them case-insensitively, as HTTP
    /// header maps do.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> RateLimit {
        let number = |name: &str| lookup(name).and_then(|v| parse_u64(&v));
        RateLimit {
            limit: number("x-ratelimit-limit"),
            remaining: number("x-ratelimit-remaining"),
            used: number("x-ratelimit-used"),
            reset: lookup("x-ratelimit-reset").and_then(|v| parse_epoch(&v)),
            resource: lookup("x-ratelimit-resource").and_then(|v| parse_resource(&v)),
        }
    }

    /// Whether none of the headers was there (or readable).
    pub fn is_empty(&self) -> bool {
        *self == RateLimit::default()
    }

    /// Whether the window is used up (`remaining` is 0).
    pub(crate) fn is_exhausted(&self) -> bool {
        self.remaining == Some(0)
    }

    /// How long to wait before the next request when the window is used up: until
    /// `reset` (zero if that is past). `None` while requests remain or when unknown.
    pub fn wait_until_reset(&self, now: DateTime<Utc>) -> Option<Duration> {
        if !self.is_exhausted() {
            return None;
        }
        let reset = self.reset?;
        Some((reset - now).to_std().unwrap_or(Duration::ZERO))
    }
}

fn parse_u64(v: &str) -> Option<u64> {
    let v = v.trim();
    if v.is_empty() || v.len() > 20 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    v.parse().ok()
}

fn parse_epoch(v: &str) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(i64::try_from(parse_u64(v)?).ok()?, 0)
}

fn parse_resource(v: &str) -> Option<String> {
    let v = v.trim();
    let ok = !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_graphic());
    ok.then(|| v.to_owned())
}

/// Reads `retry-after`: a number of seconds, or an HTTP date (then the time left
/// until it, zero if past). `None` when unreadable.
pub fn retry_after(value: &str) -> Option<Duration> {
    retry_after_at(value, Utc::now())
}

/// [`retry_after`] with the current time given, for tests and callers with a clock.
pub(crate) fn retry_after_at(value: &str, now: DateTime<Utc>) -> Option<Duration> {
    if value.len() > 100 {
        return None;
    }
    if let Some(secs) = parse_u64(value) {
        return Some(Duration::from_secs(secs));
    }
    let at = parse_http_date(value.trim())?;
    Some((at - now).to_std().unwrap_or(Duration::ZERO))
}

/// An HTTP date in any of the three forms RFC 9110 §5.6.7 lets a recipient accept:
/// `Sun, 06 Nov 1994 08:49:37 GMT`, `Sunday, 06-Nov-94 08:49:37 GMT` and
/// `Sun Nov  6 08:49:37 1994`.
fn parse_http_date(v: &str) -> Option<DateTime<Utc>> {
    if let Ok(d) = DateTime::parse_from_rfc2822(v) {
        return Some(d.with_timezone(&Utc));
    }
    let words: Vec<&str> = v.split_whitespace().collect();
    let normalized = words.join(" ");
    if let Ok(d) = NaiveDateTime::parse_from_str(&normalized, "%A, %d-%b-%y %H:%M:%S GMT") {
        return Some(d.and_utc());
    }
    NaiveDateTime::parse_from_str(&normalized, "%a %b %e %H:%M:%S %Y").ok().map(|d| d.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, s).unwrap()
    }

    #[test]
    fn expiration_both_layouts() {
        let at = utc(2026, 1, 2, 3, 4, 5);
        assert_eq!(parse_token_expiration("2026-01-02 03:04:05 UTC"), Some(at));
        assert_eq!(parse_token_expiration("2026-01-02 05:04:05 +0200"), Some(at));
        assert_eq!(parse_token_expiration("2026-01-01 20:04:05 -0700"), Some(at));
        // Real captures (docs/github.md#expiry).
        assert_eq!(parse_token_expiration("2021-09-03 14:34:04 UTC"), Some(utc(2021, 9, 3, 14, 34, 4)));
        assert_eq!(parse_token_expiration("2023-04-26 20:23:26 +0200"), Some(utc(2023, 4, 26, 18, 23, 26)));
    }

    #[test]
    fn expiration_tolerates_variants() {
        let at = utc(2026, 1, 2, 3, 4, 5);
        for v in [
            "  2026-01-02   03:04:05  UTC \r\n",
            "2026-01-02\t03:04:05\tutc",
            "2026-01-02 03:04:05 GMT",
            "2026-01-02 03:04:05 Z",
            "2026-01-02 03:04:05 +0000",
            "2026-01-02 03:04:05 -0000",
            "2026-01-02 05:34:05 +02:30",
            "2026-01-02 05:04:05 +02",
            "2026-01-02 05:04:05 +0200 CEST",
            "2026-01-02T03:04:05Z",
            "2026-01-02T05:04:05+02:00",
        ] {
            assert_eq!(parse_token_expiration(v), Some(at), "{v:?}");
        }
        // The offset can cross a day, a month and a year.
        assert_eq!(parse_token_expiration("2026-01-01 00:30:00 +0100"), Some(utc(2025, 12, 31, 23, 30, 0)));
    }

    #[test]
    fn expiration_unparsable_is_none() {
        for v in [
            "",
            "   ",
            "never",
            "2026-01-02",
            "2026-01-02 03:04:05",
            "2026-01-02 03:04:05 CEST",
            "2026-01-02 03:04:05 +2400",
            "2026-01-02 03:04:05 +0060",
            "2026-01-02 03:04:05 +02000",
            "2026-01-02 03:04:05 0200",
            "2026-01-02 03:04:05 +0é0",
            "2026-13-02 03:04:05 UTC",
            "2026-02-30 03:04:05 UTC",
            "2026-01-02 25:04:05 UTC",
            "2026-01-02 03:04:05 UTC extra",
            "1735787045",
            "+262143-12-31 23:59:59 -2359",
            "-262143-01-01 00:00:00 +2359",
        ] {
            assert_eq!(parse_token_expiration(v), None, "{v:?}");
        }
        assert_eq!(parse_token_expiration(&format!("2026-01-02 03:04:05 UTC{}", " ".repeat(100))), None);
    }

    #[test]
    fn scopes_lists() {
        assert_eq!(parse_scopes("repo, user"), ["repo", "user"]);
        assert_eq!(parse_scopes("repo,user"), ["repo", "user"]);
        assert_eq!(parse_scopes("  repo ,, user ,\tgist  "), ["repo", "user", "gist"]);
        assert_eq!(parse_scopes("repo user"), ["repo", "user"]);
        assert_eq!(parse_scopes("repo, repo"), ["repo", "repo"]);
        assert!(parse_scopes("").is_empty());
        assert!(parse_scopes(" , ").is_empty());
        assert!(parse_scopes(&"a,".repeat(MAX_HEADER_LEN)).is_empty());
    }

    #[test]
    fn scopes_normalized() {
        assert_eq!(parse_normalized_scopes("user, gist, user:email"), ["user", "gist"]);
        assert_eq!(parse_normalized_scopes("public_repo, repo, repo"), ["repo"]);
        assert!(parse_normalized_scopes("").is_empty());
    }

    #[test]
    fn sso_required() {
        let url = "https://github.com/orgs/acme/sso?authorization_request=A1b2_C3";
        let want = Some(Sso::Required { url: url.into() });
        assert_eq!(parse_sso(&format!("required; url={url}")), want);
        assert_eq!(parse_sso(&format!("  Required ;URL = {url} ")), want);
        assert_eq!(parse_sso(&format!("required; url=\"{url}\"")), want);
        assert_eq!(parse_sso(&format!("required; foo=bar; url={url}")), want);
        let local = "http://127.0.0.1:8080/orgs/acme/sso?authorization_request=x";
        assert_eq!(parse_sso(&format!("required; url={local}")), Some(Sso::Required { url: local.into() }));
    }

    #[test]
    fn sso_required_refuses_odd_urls() {
        for v in ["required", "required; url=", "required; url=javascript:alert(1)", "required; url=/orgs/x/sso"] {
            assert_eq!(parse_sso(v), Some(Sso::Unknown(v.into())), "{v:?}");
        }
    }

    #[test]
    fn sso_partial_results() {
        let want = Some(Sso::PartialResults { organizations: vec![21955855, 20582480] });
        assert_eq!(parse_sso("partial-results; organizations=21955855,20582480"), want);
        assert_eq!(parse_sso("partial-results;organizations= 21955855 , 20582480 ,"), want);
        assert_eq!(parse_sso("partial-results"), Some(Sso::PartialResults { organizations: vec![] }));
        let bad = "partial-results; organizations=1,x";
        assert_eq!(parse_sso(bad), Some(Sso::Unknown(bad.into())));
        let overflow = "partial-results; organizations=99999999999999999999999";
        assert_eq!(parse_sso(overflow), Some(Sso::Unknown(overflow.into())));
    }

    #[test]
    fn sso_other_values() {
        assert_eq!(parse_sso(""), None);
        assert_eq!(parse_sso("  "), None);
        assert_eq!(parse_sso("something-new; x=1"), Some(Sso::Unknown("something-new; x=1".into())));
        let long = "é".repeat(MAX_HEADER_LEN);
        match parse_sso(&long) {
            Some(Sso::Unknown(kept)) => assert!(kept.len() <= 256 && long.starts_with(&kept)),
            other => panic!("{other:?}"),
        }
    }

    fn lookup<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| pairs.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn rate_limit_headers() {
        let rl = RateLimit::from_lookup(lookup(&[
            ("X-RateLimit-Limit", "5000"),
            ("X-RateLimit-Remaining", "4999"),
            ("X-RateLimit-Used", "1"),
            ("X-RateLimit-Reset", "1767323045"),
            ("X-RateLimit-Resource", "core"),
        ]));
        assert_eq!(
            rl,
            RateLimit {
                limit: Some(5000),
                remaining: Some(4999),
                used: Some(1),
                reset: Some(utc(2026, 1, 2, 3, 4, 5)),
                resource: Some("core".into()),
            }
        );
        assert!(!rl.is_empty() && !rl.is_exhausted());
        assert_eq!(rl.wait_until_reset(utc(2026, 1, 2, 3, 0, 0)), None);
    }

    #[test]
    fn rate_limit_missing_or_garbled() {
        let none = RateLimit::from_lookup(|_| None);
        assert!(none.is_empty());
        let bad = RateLimit::from_lookup(lookup(&[
            ("x-ratelimit-limit", "-1"),
            ("x-ratelimit-remaining", "lots"),
            ("x-ratelimit-used", "99999999999999999999999"),
            ("x-ratelimit-reset", "99999999999999999"),
            ("x-ratelimit-resource", "a b"),
        ]));
        assert!(bad.is_empty(), "{bad:?}");
        let spaced = RateLimit::from_lookup(lookup(&[("x-ratelimit-remaining", " 0 ")]));
        assert_eq!(spaced.remaining, Some(0));
    }

    #[test]
    fn rate_limit_wait_until_reset() {
        let now = utc(2026, 1, 2, 3, 0, 0);
        let rl = RateLimit { remaining: Some(0), reset: Some(utc(2026, 1, 2, 3, 4, 5)), ..Default::default() };
        assert_eq!(rl.wait_until_reset(now), Some(Duration::from_secs(245)));
        assert_eq!(rl.wait_until_reset(utc(2026, 1, 2, 4, 0, 0)), Some(Duration::ZERO));
        let unknown = RateLimit { remaining: Some(0), ..Default::default() };
        assert_eq!(unknown.wait_until_reset(now), None);
    }

    #[test]
    fn retry_after_seconds_and_dates() {
        let now = utc(2015, 10, 21, 7, 27, 0);
        assert_eq!(retry_after_at("60", now), Some(Duration::from_secs(60)));
        assert_eq!(retry_after_at(" 0 ", now), Some(Duration::ZERO));
        assert_eq!(retry_after_at("Wed, 21 Oct 2015 07:28:00 GMT", now), Some(Duration::from_secs(60)));
        assert_eq!(retry_after_at("Wednesday, 21-Oct-15 07:28:00 GMT", now), Some(Duration::from_secs(60)));
        assert_eq!(retry_after_at("Wed Oct 21 07:28:00 2015", now), Some(Duration::from_secs(60)));
        assert_eq!(retry_after_at("Sun Nov  6 08:49:37 1994", now), Some(Duration::ZERO));
        assert_eq!(retry_after_at("Wed, 21 Oct 2015 07:00:00 GMT", now), Some(Duration::ZERO));
        for bad in ["", "-1", "1.5", "soon", "1e3", "99999999999999999999999", "Wed, 32 Oct 2015 07:28:00 GMT"] {
            assert_eq!(retry_after_at(bad, now), None, "{bad:?}");
        }
        assert_eq!(retry_after("30"), Some(Duration::from_secs(30)));
    }
}

#[cfg(test)]
mod prop_tests {
    //! "Never panics" properties: any text, and text shaped like each header.
    use super::*;
    use proptest::prelude::*;

    fn all_parsers(s: &str) {
        let _ = parse_token_expiration(s);
        let _ = parse_scopes(s);
        let _ = parse_normalized_scopes(s);
        let _ = parse_sso(s);
        let _ = RateLimit::from_lookup(|_| Some(s.to_owned()));
        let _ = retry_after_at(s, Utc::now());
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(s in any::<String>()) {
            all_parsers(&s);
        }

        #[test]
        fn expiration_shaped_text_never_panics(
            s in "[+-]?[0-9]{1,7}-[0-9]{1,3}-[0-9]{1,3}[ T]{1,3}[0-9]{1,3}:[0-9]{1,3}:[0-9]{1,3} {0,3}(UTC|Z|[+-][0-9:]{0,6})( [A-Z]{0,5})?"
        ) {
            all_parsers(&s);
        }

        #[test]
        fn expiration_round_trips(secs in -30_000_000_000i64..30_000_000_000, off_min in -1439i64..=1439) {
            let at = DateTime::from_timestamp(secs, 0).unwrap();
            let offset = chrono::FixedOffset::east_opt((off_min * 60) as i32).unwrap();
            let text = at.with_timezone(&offset).format("%Y-%m-%d %H:%M:%S %z").to_string();
            prop_assert_eq!(parse_token_expiration(&text), Some(at), "{}", text);
            let utc_text = at.format("%Y-%m-%d %H:%M:%S UTC").to_string();
            prop_assert_eq!(parse_token_expiration(&utc_text), Some(at));
        }

        #[test]
        fn header_shaped_text_never_panics(
            s in "(required|partial-results|[a-z]{0,4})?[;, =\"]{0,3}(url|organizations|[a-z_]{0,6})?[ =]{0,2}[a-zA-Z0-9:/.?=,;_ \"-]{0,60}"
        ) {
            all_parsers(&s);
        }

        #[test]
        fn scopes_never_keep_separators(s in "[a-z:_, \t]{0,80}") {
            for scope in parse_scopes(&s) {
                prop_assert!(!scope.is_empty() && !scope.contains(',') && !scope.contains(char::is_whitespace));
            }
            let normalized = parse_normalized_scopes(&s);
            let unique: std::collections::HashSet<&String> = normalized.iter().collect();
            prop_assert_eq!(unique.len(), normalized.len());
        }
    }
}
