use chrono::Utc;

use super::*;
use crate::model::{TokenKind, TokenRecord, TokenStatus};
use crate::status::{urgency, view_of};

/// A token view with `days` left (None: never expires) and GitHub's `status`.
fn view(id: &str, name: &str, days: Option<i32>, status: TokenStatus) -> TokenView {
    let mut r = TokenRecord::new(id.into(), name.into(), "https://github.com".into(), TokenKind::Classic, Utc::now());
    r.login = Some("octocat".into());
    let mut v = view_of(&r, Utc::now(), Lang::En);
    v.status = status;
    v.days_left = days;
    v.never_expires = days.is_none() && status.is_accepted();
    v.urgency = urgency(status, days.map(i64::from));
    v.needs_attention = v.urgency != Urgency::None;
    v
}

fn labels(m: &TrayMenu) -> Vec<String> {
    m.entries
        .iter()
        .map(|e| match e {
            MenuEntry::Item(i) | MenuEntry::Submenu { item: i, .. } => i.label.clone(),
            MenuEntry::Separator { .. } => "---".into(),
        })
        .collect()
}

fn four() -> Vec<TokenView> {
    vec![
        view("a", "ci", None, TokenStatus::Valid),
        view("b", "laptop", Some(5), TokenStatus::Expiring),
        view("c", "deploy", Some(40), TokenStatus::Valid),
        view("d", "old", Some(9), TokenStatus::Valid),
    ]
}

#[test]
fn menu_sums_up_then_lists_tokens_by_expiry_then_the_app_actions() {
    let m = menu(&four(), Lang::En);
    assert_eq!(
        labels(&m),
        [
            "4 tokens · next expiry in 5 days",
            "---",
            "laptop (octocat) — 5 days left",
            "old (octocat) — 9 days left",
            "deploy (octocat) — 40 days left",
            "ci (octocat) — never expires",
            "---",
            "New token…",
            "Open Jeton",
            "Quit",
        ]
    );
    let MenuEntry::Item(summary) = &m.entries[0] else { panic!("summary first") };
    assert!(!summary.enabled, "the summary line cannot be clicked");
    let MenuEntry::Submenu { items, .. } = &m.entries[2] else { panic!("a token") };
    let ids: Vec<_> = items.iter().map(|i| (i.id.as_str(), i.label.as_str())).collect();
    assert_eq!(ids, [("token/b/copy", "Copy"), ("token/b/renew", "Renew"), ("token/b/open", "Open")]);
    assert_eq!(m.icon, TrayIcon::Expiring);
}

#[test]
fn french_menu() {
    let mut tokens = four();
    tokens.push(view("e", "vieux", Some(-2), TokenStatus::Expired));
    tokens[1].days_left = Some(1);
    let m = menu(&tokens, Lang::Fr);
    let l = labels(&m);
    assert_eq!(l[0], "5 jetons · 1 expiré ou refusé · prochaine expiration demain");
    assert_eq!(l[2], "vieux (octocat) — expiré", "the expired one comes first");
    assert_eq!(l[3], "laptop (octocat) — expire demain");
    assert_eq!(l[6], "ci (octocat) — n’expire jamais");
    assert_eq!(&l[8..], ["Nouveau jeton…", "Ouvrir Jeton", "Quitter"]);
    assert_eq!(m.icon, TrayIcon::Bad);
}

#[test]
fn summary_without_tokens_or_expiry() {
    assert_eq!(labels(&menu(&[], Lang::En))[0], "No tokens yet");
    assert_eq!(labels(&menu(&[], Lang::Fr))[0], "Aucun jeton pour l’instant");
    let one = [view("a", "ci", None, TokenStatus::Valid)];
    assert_eq!(labels(&menu(&one, Lang::En))[0], "1 token · no expiry ahead");
    let today = [view("a", "ci", Some(0), TokenStatus::Expiring), view("b", "x", None, TokenStatus::Invalid)];
    let m = menu(&today, Lang::En);
    assert_eq!(labels(&m)[0], "2 tokens · 1 expired or refused · next expiry today");
    assert_eq!(labels(&m)[2], "x (octocat) — refused by GitHub");
}

#[test]
fn icon_is_the_worst_state() {
    assert_eq!(icon_of(&[]), TrayIcon::Ok);
    assert_eq!(icon_of(&[view("a", "a", Some(60), TokenStatus::Valid)]), TrayIcon::Ok);
    assert_eq!(icon_of(&[view("a", "a", None, TokenStatus::Valid)]), TrayIcon::Ok);
    let mut sso = view("s", "s", None, TokenStatus::SsoRequired);
    sso.needs_attention = true;
    assert_eq!(icon_of(&[sso]), TrayIcon::Expiring);
    assert_eq!(icon_of(&[view("a", "a", Some(12), TokenStatus::Valid)]), TrayIcon::Expiring);
    let all = [
        view("a", "a", Some(60), TokenStatus::Valid),
        view("b", "b", Some(2), TokenStatus::Expiring),
        view("c", "c", Some(30), TokenStatus::Invalid),
    ];
    assert_eq!(icon_of(&all), TrayIcon::Bad);
}

#[test]
fn a_token_without_its_secret_cannot_be_copied_from_the_tray() {
    let mut t = view("a", "ci", Some(30), TokenStatus::Valid);
    t.secret_missing = true;
    let m = menu(&[t], Lang::En);
    let MenuEntry::Submenu { item, items } = &m.entries[2] else { panic!() };
    assert_eq!(item.label, "ci (octocat) — secret missing from the keychain");
    assert!(!items[0].enabled && items[1].enabled && items[2].enabled);
}

#[test]
fn long_lists_end_with_a_line_pointing_to_the_window() {
    let many: Vec<_> =
        (0..MAX_TOKENS + 3).map(|i| view(&i.to_string(), "t", Some(i as i32), TokenStatus::Valid)).collect();
    let l = labels(&menu(&many, Lang::En));
    assert_eq!(l.len(), 2 + MAX_TOKENS + 1 + 4);
    assert_eq!(l[2 + MAX_TOKENS], "and 3 more in Jeton’s window");
}

#[test]
fn item_ids_read_back_to_actions() {
    let m = menu(&four(), Lang::En);
    let mut ids = vec![];
    for e in &m.entries {
        ids.push(e.id().to_owned());
        if let MenuEntry::Submenu { items, .. } = e {
            ids.extend(items.iter().map(|i| i.id.clone()));
        }
    }
    let unique: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique: {ids:?}");
    assert_eq!(action_of("token/b/copy"), Some(TrayAction::Copy("b".into())));
    assert_eq!(action_of("token/b/renew"), Some(TrayAction::Renew("b".into())));
    assert_eq!(action_of("token/b/open"), Some(TrayAction::Open("b".into())));
    assert_eq!(action_of(NEW_TOKEN_ID), Some(TrayAction::NewToken));
    assert_eq!(action_of(OPEN_JETON_ID), Some(TrayAction::OpenJeton));
    assert_eq!(action_of(QUIT_ID), Some(TrayAction::Quit));
    assert_eq!(action_of(SUMMARY_ID), None);
    assert_eq!(action_of("token/b"), None);
}

/// Applies changes the way the shell does, to check they turn `old` into `new`.
fn apply(old: &TrayMenu, changes: &[MenuChange]) -> Vec<MenuEntry> {
    let mut e = old.entries.clone();
    for c in changes {
        match c {
            MenuChange::Remove { id } => e.retain(|x| x.id() != id),
            MenuChange::Insert { index, entry } => e.insert(*index, entry.clone()),
            MenuChange::Update { item } => {
                for x in e.iter_mut() {
                    match x {
                        MenuEntry::Item(i) if i.id == item.id => *i = item.clone(),
                        MenuEntry::Submenu { item: i, items } => {
                            if i.id == item.id {
                                *i = item.clone();
                            }
                            items.iter_mut().filter(|s| s.id == item.id).for_each(|s| *s = item.clone());
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    e
}

#[test]
fn a_day_passing_updates_labels_in_place() {
    let old = menu(&four(), Lang::En);
    let mut later = four();
    for t in &mut later {
        t.days_left = t.days_left.map(|d| d - 1);
    }
    let new = menu(&later, Lang::En);
    let c = changes(&old, &new);
    assert!(c.iter().all(|c| matches!(c, MenuChange::Update { .. })), "{c:?}");
    assert_eq!(c.len(), 4, "the summary and three token lines: {c:?}");
    assert_eq!(apply(&old, &c), new.entries);
    assert!(changes(&new, &new).is_empty());
}

#[test]
fn tokens_added_removed_or_reordered_change_only_their_entries() {
    let old = menu(&four(), Lang::En);
    let mut more = four();
    more.push(view("e", "new", Some(7), TokenStatus::Valid));
    let new = menu(&more, Lang::En);
    let c = changes(&old, &new);
    assert!(c.contains(&MenuChange::Insert { index: 3, entry: new.entries[3].clone() }), "{c:?}");
    assert!(!c.iter().any(|c| matches!(c, MenuChange::Remove { .. })), "nothing removed: {c:?}");
    assert_eq!(apply(&old, &c), new.entries);

    let fewer = menu(&four()[1..], Lang::En);
    let c = changes(&old, &fewer);
    assert!(c.contains(&MenuChange::Remove { id: "token/a".into() }));
    assert_eq!(apply(&old, &c), fewer.entries);

    let mut reordered = four();
    reordered[2].days_left = Some(1);
    let new = menu(&reordered, Lang::En);
    assert_eq!(apply(&old, &changes(&old, &new)), new.entries);
    assert_eq!(apply(&new, &changes(&new, &old)), old.entries);
    let empty = menu(&[], Lang::En);
    assert_eq!(apply(&old, &changes(&old, &empty)), empty.entries);
    assert_eq!(apply(&empty, &changes(&empty, &old)), old.entries);
}
