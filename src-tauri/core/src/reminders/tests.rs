use std::collections::HashSet;

use chrono::{FixedOffset, TimeZone};
use proptest::prelude::*;

use super::*;
use crate::clock::{Clock, ManualClock};
use crate::i18n::Lang;
use crate::model::{CheckRecord, TokenKind};

/// Calendar days in UTC: deterministic whatever the machine's time zone.
fn utc_days(exp: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    crate::status::days_left_in(&Utc, exp, now)
}

/// Calendar days in UTC+05:30 (midnight is not on a UTC hour).
fn india_days(exp: DateTime<Utc>, now: DateTime<Utc>) -> i64 {
    crate::status::days_left_in(&FixedOffset::east_opt(5 * 3600 + 1800).unwrap(), exp, now)
}

fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
}

fn token(id: &str, expires_at: Option<DateTime<Utc>>) -> TokenRecord {
    let mut r = TokenRecord::new(
        id.into(),
        format!("tok-{id}"),
        "https://github.com".into(),
        TokenKind::Classic,
        at(2026, 1, 1, 0, 0),
    );
    r.login = Some("octocat".into());
    r.expires_at = expires_at;
    r
}

fn schedule() -> Schedule {
    Schedule::default().with_day_rule(utc_days)
}

/// Plans, then records every due notice as the runtime would; returns the notices.
fn step(s: &Schedule, tokens: &mut [TokenRecord], now: DateTime<Utc>) -> Plan {
    let plan = s.plan(tokens, now);
    for n in &plan.due {
        let t = tokens.iter_mut().find(|t| t.id == n.token_id).unwrap();
        record_sent(&mut t.reminders_sent, n, now);
    }
    plan
}

fn kinds(p: &Plan) -> Vec<NoticeKind> {
    p.due.iter().map(|n| n.kind).collect()
}

#[test]
fn thresholds_are_distinct_in_range_farthest_first() {
    assert_eq!(Thresholds::default().days(), &[14, 7, 3, 1, 0]);
    assert_eq!(Thresholds::new([1, 14, 7, 7, -1, 400]).days(), &[14, 7, 1]);
    let t: Thresholds = serde_json::from_str("[3, 30]").unwrap();
    assert_eq!(t.days(), &[30, 3]);
}

#[test]
fn a_threshold_is_reached_at_the_start_of_its_day_and_expiry_at_the_instant() {
    let s = schedule();
    let exp = at(2026, 5, 20, 15, 30);
    assert_eq!(s.reached_at(exp, 7), at(2026, 5, 13, 0, 0));
    assert_eq!(s.reached_at(exp, 1), at(2026, 5, 19, 0, 0));
    assert_eq!(s.reached_at(exp, 0), exp);
    let india = Schedule::default().with_day_rule(india_days);
    assert_eq!(india.reached_at(exp, 1), at(2026, 5, 18, 18, 30), "midnight starting 19 May in UTC+05:30");
    // Core's own rule: reached exactly when it says `d` days or fewer are left.
    let core = Schedule::default();
    for d in [14, 7, 3, 1] {
        let t = core.reached_at(exp, d);
        assert!(crate::status::days_left(exp, t) <= d);
        assert!(crate::status::days_left(exp, t - Duration::seconds(1)) > d);
    }
}

#[test]
fn far_from_expiry_nothing_is_due_and_the_wake_is_the_first_threshold() {
    let mut t = [token("a", Some(at(2026, 5, 20, 15, 30)))];
    let p = step(&schedule(), &mut t, at(2026, 4, 1, 12, 0));
    assert!(p.due.is_empty());
    assert_eq!(p.next_wake, Some(at(2026, 5, 6, 0, 0)));
}

#[test]
fn found_inside_several_thresholds_one_notice_for_the_nearest() {
    let s = schedule();
    let exp = at(2026, 5, 20, 15, 30);
    let mut t = [token("a", Some(exp))];
    let now = at(2026, 5, 15, 9, 0);
    let p = step(&s, &mut t, now);
    assert_eq!(kinds(&p), [NoticeKind::Threshold(7)]);
    assert_eq!(p.due[0].days_left, Some(5));
    assert_eq!(p.next_wake, Some(at(2026, 5, 17, 0, 0)), "then the 3-day threshold");
    let again = step(&s, &mut t, now + Duration::hours(1));
    assert!(again.due.is_empty(), "never twice");
    // Long after expiry: one "expired" notice, not the three skipped thresholds.
    let p = step(&s, &mut t, exp + Duration::days(40));
    assert_eq!(kinds(&p), [NoticeKind::Threshold(0)]);
    assert_eq!(p.next_wake, None);
}

#[test]
fn a_clock_set_back_brings_no_farther_threshold_after_a_nearer_one() {
    let s = schedule();
    let exp = at(2026, 5, 20, 15, 30);
    let mut t = [token("a", Some(exp))];
    assert_eq!(kinds(&step(&s, &mut t, at(2026, 5, 18, 8, 0))), [NoticeKind::Threshold(3)]);
    let back = step(&s, &mut t, at(2026, 5, 10, 8, 0));
    assert!(back.due.is_empty());
    assert_eq!(back.next_wake, Some(at(2026, 5, 19, 0, 0)), "the next one still open is 1 day");
}

#[test]
fn a_renewed_expiry_starts_the_thresholds_over() {
    let s = schedule();
    let mut t = [token("a", Some(at(2026, 5, 20, 15, 30)))];
    assert_eq!(kinds(&step(&s, &mut t, at(2026, 5, 18, 8, 0))), [NoticeKind::Threshold(3)]);
    t[0].expires_at = Some(at(2026, 5, 25, 15, 30));
    let p = step(&s, &mut t, at(2026, 5, 18, 9, 0));
    assert_eq!(kinds(&p), [NoticeKind::Threshold(7)]);
    assert_eq!(p.due[0].expires_at, t[0].expires_at);
}

#[test]
fn never_expiring_revoked_and_unknown_tokens() {
    let s = schedule();
    let now = at(2026, 5, 18, 8, 0);
    let mut revoked = token("r", Some(now + Duration::days(2)));
    revoked.last_check = Some(CheckRecord { at: now, status: TokenStatus::Invalid, sso_url: None, error: None });
    let mut t = [token("n", None), revoked];
    let p = step(&s, &mut t, now);
    assert_eq!(kinds(&p), [NoticeKind::Invalid], "no expiry notice: one \"no longer works\" for the revoked token");
    assert_eq!((p.due[0].token_id.as_str(), p.next_wake), ("r", None));
    assert_eq!(step(&s, &mut t, now + Duration::days(3)), Plan::default(), "told once, and nothing to wake for");

    let mut u = [token("u", None)];
    u[0].expiry_unknown = true;
    let p = s.plan(&u, now);
    assert_eq!(kinds(&p), [NoticeKind::ExpiryUnknown]);
    record_sent(&mut u[0].reminders_sent, &p.due[0], now);
    assert_eq!(s.plan(&u, now + Duration::days(30)), Plan::default(), "only once");
}

#[test]
fn an_expired_token_refused_after_its_expiry_still_gets_the_expired_notice() {
    let exp = at(2026, 5, 20, 15, 30);
    let mut t = [token("a", Some(exp))];
    t[0].last_check =
        Some(CheckRecord { at: exp + Duration::hours(1), status: TokenStatus::Invalid, sso_url: None, error: None });
    assert_eq!(kinds(&step(&schedule(), &mut t, exp + Duration::hours(2))), [NoticeKind::Threshold(0)]);
}

#[test]
fn snooze_holds_the_token_then_repeats_once() {
    let s = schedule();
    let clock = ManualClock::new(at(2026, 5, 17, 10, 0));
    let mut t = [token("a", Some(at(2026, 5, 20, 15, 30)))];
    let first = step(&s, &mut t, clock.now());
    assert_eq!(kinds(&first), [NoticeKind::Threshold(3)]);
    let until = clock.now() + snooze_span();
    assert!(snooze(&mut t[0].reminders_sent, &first.due[0], until));
    let held = step(&s, &mut t, clock.advance(Duration::hours(3)));
    assert!(held.due.is_empty());
    assert_eq!(held.next_wake, Some(until));
    clock.set(until);
    let back = step(&s, &mut t, clock.now());
    assert_eq!(kinds(&back), [NoticeKind::Threshold(3)]);
    assert!(back.due[0].repeat);
    assert_eq!(back.due[0].days_left, Some(2));
    let after = step(&s, &mut t, clock.advance(Duration::minutes(1)));
    assert!(after.due.is_empty(), "the repeat comes once");
    assert_eq!(after.next_wake, Some(at(2026, 5, 19, 0, 0)));
}

#[test]
fn a_threshold_crossed_while_snoozed_comes_when_the_snooze_ends() {
    let s = schedule();
    let now = at(2026, 5, 18, 20, 0);
    let mut t = [token("a", Some(at(2026, 5, 20, 15, 30)))];
    let first = step(&s, &mut t, now);
    assert!(snooze(&mut t[0].reminders_sent, &first.due[0], now + snooze_span()));
    let p = step(&s, &mut t, now + snooze_span());
    assert_eq!(kinds(&p), [NoticeKind::Threshold(1)]);
    assert!(!p.due[0].repeat);
}

#[test]
fn the_log_round_trips_and_old_logs_start_over() {
    let mut t = token("a", Some(at(2026, 5, 20, 15, 30)));
    t.reminders_sent = serde_json::from_str("[14, 7]").unwrap();
    let p = step(&schedule(), std::slice::from_mut(&mut t), at(2026, 5, 15, 9, 0));
    assert_eq!(kinds(&p), [NoticeKind::Threshold(7)], "bare numbers name no expiry");
    let json = serde_json::to_string(&t.reminders_sent).unwrap();
    let back: Vec<SentReminder> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, t.reminders_sent);
}

#[test]
fn notice_text_names_token_account_and_expiry_in_both_languages() {
    let s = schedule();
    let mut t = [token("a", Some(at(2026, 5, 20, 15, 30)))];
    t[0].name = "laptop".into();
    let p = step(&s, &mut t, at(2026, 5, 18, 8, 0));
    let en = p.due[0].text_in(Lang::En, &Utc);
    assert_eq!(en.title, "“laptop” expires in 2 days");
    assert_eq!(
        en.body,
        "Account octocat on github.com. Expires on Wednesday 20 May 2026 at 15:30. Renew it before then."
    );
    let fr = p.due[0].text_in(Lang::Fr, &FixedOffset::east_opt(7200).unwrap());
    assert_eq!(fr.title, "« laptop » expire dans 2 jours");
    assert_eq!(fr.body, "Compte octocat sur github.com. Expire le mercredi 20 mai 2026 à 17:30. Renouvelez-le avant.");
    let p = step(&s, &mut t, at(2026, 5, 19, 8, 0));
    assert_eq!(p.due[0].text_in(Lang::En, &Utc).title, "“laptop” expires tomorrow");
    assert_eq!(p.due[0].text_in(Lang::Fr, &Utc).title, "« laptop » expire demain");
    let p = step(&s, &mut t, at(2026, 5, 21, 8, 0));
    assert_eq!(p.due[0].text_in(Lang::En, &Utc).title, "“laptop” has expired");
    assert!(p.due[0]
        .text_in(Lang::Fr, &Utc)
        .body
        .starts_with("Compte octocat sur github.com. Expiré le mercredi 20 mai 2026 à 15:30."));
    let unknown =
        Notice { kind: NoticeKind::ExpiryUnknown, expires_at: None, days_left: None, login: None, ..p.due[0].clone() };
    assert_eq!(unknown.text_in(Lang::Fr, &Utc).title, "« laptop » : date d’expiration inconnue");
    assert!(unknown.text_in(Lang::En, &Utc).body.starts_with("On github.com. GitHub gave an expiry date"));
}

// ---- Properties: a runtime driven by a clock that jumps both ways.

#[derive(Debug, Clone)]
enum Move {
    /// The clock moves by this many seconds (negative: backwards).
    Jump(i64),
    /// "Remind me later" on the token's last notice, for this many seconds.
    Snooze(usize, i64),
}

fn moves() -> impl Strategy<Value = Vec<Move>> {
    let jump = prop_oneof![
        4 => (-3 * 86_400i64..6 * 86_400).prop_map(Move::Jump),
        2 => (1i64..7_200).prop_map(Move::Jump),
        1 => ((0usize..4), (60i64..3 * 86_400)).prop_map(|(t, s)| Move::Snooze(t, s)),
    ];
    proptest::collection::vec(jump, 1..40)
}

fn expiries() -> impl Strategy<Value = Vec<Option<i64>>> {
    proptest::collection::vec(proptest::option::weighted(0.85, -20 * 86_400i64..40 * 86_400), 1..5)
}

fn thresholds() -> impl Strategy<Value = Thresholds> {
    prop_oneof![Just(Thresholds::default()), proptest::collection::vec(0i64..30, 0..6).prop_map(Thresholds::new)]
}

fn rule() -> impl Strategy<Value = DayRule> {
    prop_oneof![Just(utc_days as DayRule), Just(india_days as DayRule), Just(crate::status::days_left as DayRule)]
}

/// Whether a threshold of `exp` is already notified, itself or a nearer one.
fn covered(t: &TokenRecord, exp: DateTime<Utc>, d: i64) -> bool {
    t.reminders_sent.iter().any(|x| x.expires_at == Some(exp) && matches!(x.kind, NoticeKind::Threshold(k) if k <= d))
}

fn snoozed(t: &TokenRecord, now: DateTime<Utc>) -> bool {
    t.reminders_sent.iter().any(|x| x.snoozed_until.is_some_and(|u| u > now))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn never_twice_never_missed_and_woken_in_time(
        start in 1_700_000_000i64..1_900_000_000,
        exps in expiries(),
        th in thresholds(),
        rule in rule(),
        moves in moves(),
        probe in proptest::collection::vec(0.0f64..1.0, 3),
    ) {
        let s = Schedule::new(th.clone()).with_day_rule(rule);
        let clock = ManualClock::new(DateTime::from_timestamp(start, 0).unwrap());
        let t0 = clock.now();
        let mut tokens: Vec<TokenRecord> = exps.iter().enumerate()
            .map(|(i, e)| token(&i.to_string(), e.map(|e| t0 + Duration::seconds(e))))
            .collect();
        let mut sent: HashSet<(String, NoticeKind, Option<DateTime<Utc>>)> = HashSet::new();
        for m in moves {
            match m {
                Move::Jump(by) => { clock.advance(Duration::seconds(by)); }
                Move::Snooze(i, secs) => {
                    if let Some(t) = tokens.get_mut(i) {
                        let last = t.reminders_sent.last().cloned();
                        if let Some(x) = last {
                            let n = Notice { token_id: t.id.clone(), token_name: t.name.clone(), login: None, host: t.host.clone(),
                                kind: x.kind, expires_at: x.expires_at, days_left: None, repeat: false };
                            prop_assert!(snooze(&mut t.reminders_sent, &n, clock.now() + Duration::seconds(secs)));
                        }
                    }
                    continue;
                }
            }
            let now = clock.now();
            let plan = step(&s, &mut tokens, now);
            let mut per_token = HashSet::new();
            for n in &plan.due {
                prop_assert!(per_token.insert(n.token_id.clone()), "one notice per token at a time");
                if !n.repeat {
                    prop_assert!(sent.insert((n.token_id.clone(), n.kind, n.expires_at)), "sent twice: {:?}", n);
                }
                prop_assert!(n.kind != NoticeKind::ExpiryUnknown);
                prop_assert!(n.expires_at.is_some(), "a token without expiry never gets an expiry notice");
            }
            if let Some(w) = plan.next_wake {
                prop_assert!(w > now, "next wake {} is not after now {}", w, now);
                // Nothing falls due before the wake...
                for f in &probe {
                    let secs = ((w - now).num_seconds() as f64 * f) as i64;
                    let t = now + Duration::seconds(secs);
                    if t < w {
                        prop_assert!(s.plan(&tokens, t).due.is_empty(), "a notice falls due at {} before the wake {}", t, w);
                    }
                }
                // ...and something does at it.
                prop_assert!(!s.plan(&tokens, w).due.is_empty(), "woke at {} for nothing", w);
            }
            for t in &tokens {
                let Some(exp) = t.expires_at else { continue };
                if snoozed(t, now) { continue; }
                for &d in th.days() {
                    let reached = s.reached_at(exp, d);
                    if reached <= now {
                        prop_assert!(covered(t, exp, d), "threshold {} of token {} passed at {} but not notified", d, t.id, reached);
                    } else if !covered(t, exp, d) {
                        prop_assert!(plan.next_wake.is_some_and(|w| w <= reached), "wake {:?} after threshold {} at {}", plan.next_wake, d, reached);
                    }
                }
                // Thresholds come nearest-last: each notice nearer than the one before.
                let order: Vec<i64> = t.reminders_sent.iter().filter(|x| x.expires_at == Some(exp))
                    .filter_map(|x| match x.kind { NoticeKind::Threshold(d) => Some(d), _ => None }).collect();
                prop_assert!(order.windows(2).all(|w| w[1] < w[0]), "{:?}", order);
            }
        }
    }
}

#[test]
fn a_revoked_token_is_told_once_in_both_languages_without_copy() {
    let s = schedule();
    let now = at(2026, 5, 18, 8, 0);
    let mut t = [token("a", None)];
    t[0].name = "laptop".into();
    t[0].last_check = Some(CheckRecord { at: now, status: TokenStatus::Invalid, sso_url: None, error: None });
    let p = step(&s, &mut t, now);
    let n = &p.due[0];
    assert_eq!(n.text_in(Lang::En, &Utc).title, "“laptop” no longer works");
    assert!(n.text_in(Lang::En, &Utc).body.starts_with("Account octocat on github.com. GitHub refuses it"));
    assert_eq!(n.text_in(Lang::Fr, &Utc).title, "« laptop » ne fonctionne plus");
    assert_eq!(n.actions(), [NoticeAction::Renew, NoticeAction::Open], "a dead token is not offered for copying");
    // The mark survives a restart: it is in the token's metadata.
    let json = serde_json::to_string(&t[0]).unwrap();
    let back: TokenRecord = serde_json::from_str(&json).unwrap();
    assert_eq!(s.plan(&[back], now + Duration::days(1)), Plan::default());
}

#[test]
fn actions_round_trip_and_copy_only_while_the_token_works() {
    let s = schedule();
    let mut t = [token("a", Some(at(2026, 5, 20, 15, 30)))];
    let soon = step(&s, &mut t, at(2026, 5, 18, 8, 0));
    assert_eq!(soon.due[0].actions(), [NoticeAction::Copy, NoticeAction::Renew, NoticeAction::Open]);
    let gone = step(&s, &mut t, at(2026, 5, 21, 8, 0));
    assert_eq!(gone.due[0].actions(), [NoticeAction::Renew, NoticeAction::Open]);
    for a in [NoticeAction::Copy, NoticeAction::Renew, NoticeAction::Open] {
        assert_eq!(NoticeAction::from_key(a.key()), Some(a));
        assert_ne!(a.label(Lang::En), a.label(Lang::Fr));
    }
    assert_eq!(NoticeAction::from_key("default"), Some(NoticeAction::Open), "a click opens the token");
    assert_eq!(NoticeAction::from_key("__closed"), None);
}
