//! The reminder task's decisions against a fake GitHub and a clock that moves: a token
//! expiring in two days is shown once, a restart does not repeat it, and the daily
//! re-check finds the token revoked and tells it once.

mod client_common;

use chrono::Duration;
use fakehub::NewToken;
use jeton_core::clock::{Clock, ManualClock};
use jeton_core::i18n::Lang;
use jeton_core::reminders::runner::Runner;
use jeton_core::reminders::NoticeKind;
use jeton_core::settings::{Preferences, Settings};

use client_common::{env, LOGIN};

#[tokio::test]
async fn expiring_token_told_once_then_revoked_found_by_the_daily_recheck_and_told_once() {
    let env = env().await;
    let secret = env.hub.create_token(NewToken::classic(LOGIN, &["repo"]).expires_in(Duration::days(2))).unwrap();
    env.jeton.add("laptop", None, &secret, Lang::En).await.unwrap();
    let clock = ManualClock::new(chrono::Utc::now());

    let mut runner = Runner::default();
    let step = runner.step(&env.jeton, clock.now()).unwrap();
    assert!(!step.recheck, "just checked when added");
    let kinds: Vec<_> = step.due.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, [NoticeKind::Threshold(3)], "one notice, for the nearest threshold");
    assert_eq!(step.due[0].text(Lang::En).title, "“laptop” expires in 2 days");
    runner.shown(&env.jeton, &step.due[0], clock.now()).unwrap();
    assert!(runner.step(&env.jeton, clock.now()).unwrap().due.is_empty(), "not twice");
    assert!(Runner::default().step(&env.jeton, clock.now()).unwrap().due.is_empty(), "nor after a restart");

    // A day later the token has been revoked: the re-check is due and finds it.
    env.hub.revoke_token(&secret).unwrap();
    clock.advance(Duration::days(1) + Duration::minutes(1));
    let step = runner.step(&env.jeton, clock.now()).unwrap();
    assert!(step.recheck, "a day after the last check");
    runner.rechecking(clock.now());
    env.jeton.recheck_all(Lang::En, Default::default(), |_| {}).await.unwrap();
    let step = runner.step(&env.jeton, clock.now()).unwrap();
    assert!(!step.recheck, "not again straight away");
    let kinds: Vec<_> = step.due.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, [NoticeKind::Invalid], "told it no longer works, and no expiry notice");
    runner.shown(&env.jeton, &step.due[0], clock.now()).unwrap();
    clock.advance(Duration::days(3));
    assert!(Runner::default().step(&env.jeton, clock.now()).unwrap().due.is_empty(), "told once, even after a restart");
}

#[tokio::test]
async fn a_token_whose_expiry_cannot_be_read_is_not_never_expiring_and_gets_one_expiry_unknown_notice() {
    let env = env().await;
    let secret = env.hub.create_token(NewToken::classic(LOGIN, &["repo"]).expires_in(Duration::days(40))).unwrap();
    let garbled = fakehub::Rewrite::default().header_bytes("github-authentication-token-expiration", b"next tuesday");
    env.hub.set_token_rewrite(&secret, Some(garbled));
    let view = env.jeton.add("odd", None, &secret, Lang::En).await.unwrap();
    assert_eq!((view.expires_at.as_deref(), view.never_expires), (None, false), "unknown is not \"never expires\"");

    let clock = ManualClock::new(chrono::Utc::now());
    let mut runner = Runner::default();
    let step = runner.step(&env.jeton, clock.now()).unwrap();
    let kinds: Vec<_> = step.due.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, [NoticeKind::ExpiryUnknown]);
    assert_eq!(step.due[0].text(Lang::En).title, "“odd”: expiry unknown");
    runner.shown(&env.jeton, &step.due[0], clock.now()).unwrap();
    clock.advance(Duration::days(30));
    assert!(Runner::default().step(&env.jeton, clock.now()).unwrap().due.is_empty(), "told once, even after a restart");
}

#[tokio::test]
async fn the_reminder_days_chosen_in_the_settings_are_the_ones_used() {
    let env = env().await;
    let secret = env.hub.create_token(NewToken::classic(LOGIN, &["repo"]).expires_in(Duration::days(20))).unwrap();
    env.jeton.add("ci", None, &secret, Lang::En).await.unwrap();
    let now = chrono::Utc::now();
    let dir = &env.jeton.config.data_dir;
    assert!(Runner::default().step(&env.jeton, now).unwrap().due.is_empty(), "20 days out: nothing by default");

    let choose = |days: Vec<i32>| {
        let mut p = Preferences::of(&Settings::load(dir));
        p.reminder_days = days;
        Settings::update(dir, |s| p.apply(s)).unwrap();
    };
    choose(vec![30, 7]);
    let kinds: Vec<_> = Runner::default().step(&env.jeton, now).unwrap().due.iter().map(|n| n.kind).collect();
    assert_eq!(kinds, [NoticeKind::Threshold(30)], "a month ahead, as chosen");
    choose(vec![]);
    let step = Runner::default().step(&env.jeton, now).unwrap();
    assert!(step.due.is_empty(), "no reminders chosen, none sent");
}
