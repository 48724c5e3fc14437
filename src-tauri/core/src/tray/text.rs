//! The tray menu's words, in English and French.

use crate::i18n::Lang;
use crate::model::{TokenStatus, TokenView, Urgency};

pub(super) struct Words {
    pub copy: &'static str,
    pub renew: &'static str,
    pub open: &'static str,
    pub new_token: &'static str,
    pub open_jeton: &'static str,
    pub quit: &'static str,
}

impl Words {
    pub fn of(lang: Lang) -> Words {
        match lang {
            Lang::En => Words {
                copy: "Copy",
                renew: "Renew",
                open: "Open",
                new_token: "New token…",
                open_jeton: "Open Jeton",
                quit: "Quit",
            },
            Lang::Fr => Words {
                copy: "Copier",
                renew: "Renouveler",
                open: "Ouvrir",
                new_token: "Nouveau jeton…",
                open_jeton: "Ouvrir Jeton",
                quit: "Quitter",
            },
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "4 tokens · 1 expired or refused · next expiry in 5 days".
pub(super) fn summary(tokens: &[TokenView], lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    if tokens.is_empty() {
        return if fr { "Aucun jeton pour l’instant" } else { "No tokens yet" }.into();
    }
    let mut parts =
        vec![if fr { plural(tokens.len(), "jeton", "jetons") } else { plural(tokens.len(), "token", "tokens") }];
    let over = tokens.iter().filter(|t| t.urgency == Urgency::Over).count();
    if over > 0 {
        parts.push(if fr {
            plural(over, "expiré ou refusé", "expirés ou refusés")
        } else {
            format!("{over} expired or refused")
        });
    }
    let next =
        tokens.iter().filter(|t| t.urgency != Urgency::Over).filter_map(|t| t.days_left).filter(|d| *d >= 0).min();
    parts.push(match (next, fr) {
        (Some(d), false) => format!("next expiry {}", in_days(d, lang)),
        (Some(d), true) => format!("prochaine expiration {}", in_days(d, lang)),
        (None, false) => "no expiry ahead".into(),
        (None, true) => "aucune expiration à venir".into(),
    });
    parts.join(" · ")
}

fn in_days(d: i32, lang: Lang) -> String {
    match (d, lang) {
        (0, Lang::En) => "today".into(),
        (1, Lang::En) => "tomorrow".into(),
        (d, Lang::En) => format!("in {d} days"),
        (0, Lang::Fr) => "aujourd’hui".into(),
        (1, Lang::Fr) => "demain".into(),
        (d, Lang::Fr) => format!("dans {d} jours"),
    }
}

/// "laptop (octocat) — 5 days left".
pub(super) fn token_line(t: &TokenView, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let name = t.name.as_deref().unwrap_or_default();
    let who = t.login.as_deref().map(|l| format!("{name} ({l})")).unwrap_or_else(|| name.to_owned());
    let state = if t.secret_missing {
        Some(if fr { "secret absent du trousseau" } else { "secret missing from the keychain" }.to_owned())
    } else if t.status == TokenStatus::Invalid {
        Some(if fr { "refusé par GitHub" } else { "refused by GitHub" }.to_owned())
    } else {
        match (t.days_left, fr) {
            (Some(d), false) if d < 0 || t.status == TokenStatus::Expired => Some("expired".into()),
            (Some(d), true) if d < 0 || t.status == TokenStatus::Expired => Some("expiré".into()),
            (Some(0), false) => Some("expires today".into()),
            (Some(1), false) => Some("expires tomorrow".into()),
            (Some(d), false) => Some(format!("{d} days left")),
            (Some(0), true) => Some("expire aujourd’hui".into()),
            (Some(1), true) => Some("expire demain".into()),
            (Some(d), true) => Some(format!("{d} jours restants")),
            (None, false) if t.never_expires => Some("never expires".into()),
            (None, true) if t.never_expires => Some("n’expire jamais".into()),
            (None, _) => None,
        }
    };
    match state {
        Some(s) => format!("{who} — {s}"),
        None => who,
    }
}

/// "and 3 more — open Jeton".
pub(super) fn more(n: usize, lang: Lang) -> String {
    match lang {
        Lang::En => format!("and {n} more in Jeton’s window"),
        Lang::Fr => format!("et {n} de plus dans la fenêtre de Jeton"),
    }
}

/// The notice shown the first time the window is closed: title and body.
pub(super) fn closed_to_tray(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (
            "Jeton is still running",
            "Closing the window keeps Jeton in the tray, to remind you before a token expires. \
             Open it again from the tray or by launching Jeton; quit from the tray menu.",
        ),
        Lang::Fr => (
            "Jeton tourne toujours",
            "Fermer la fenêtre garde Jeton dans la zone de notification, pour vous prévenir avant \
             qu’un jeton expire. Rouvrez-le depuis cette zone ou en relançant Jeton ; quittez-le \
             depuis son menu.",
        ),
    }
}
