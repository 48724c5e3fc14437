//! A notice's title and body, in English and French: the token, its account and host,
//! and when it expires, in the user's time zone.

use chrono::{DateTime, Datelike, Local, TimeZone, Timelike, Utc};
use serde::Serialize;

use super::{Notice, NoticeKind};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoticeText {
    pub title: String,
    pub body: String,
}

/// What a notification offers besides a click on it (which opens the token, like
/// [`NoticeAction::Open`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    /// Copies the token to the clipboard.
    Copy,
    /// Opens the token's settings page on its host, where it is regenerated.
    Renew,
    /// Opens Jeton on the token.
    Open,
}

impl NoticeAction {
    /// The key sent to the notification service and read back when it is invoked.
    pub fn key(self) -> &'static str {
        match self {
            NoticeAction::Copy => "copy",
            NoticeAction::Renew => "renew",
            NoticeAction::Open => "open",
        }
    }

    /// The action a key names; the service's `default` (a click on the notification) opens.
    pub fn from_key(key: &str) -> Option<NoticeAction> {
        match key {
            "copy" => Some(NoticeAction::Copy),
            "renew" => Some(NoticeAction::Renew),
            "open" | "default" => Some(NoticeAction::Open),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (NoticeAction::Copy, Lang::En) => "Copy",
            (NoticeAction::Copy, Lang::Fr) => "Copier",
            (NoticeAction::Renew, Lang::En) => "Renew",
            (NoticeAction::Renew, Lang::Fr) => "Renouveler",
            (NoticeAction::Open, Lang::En) => "Open",
            (NoticeAction::Open, Lang::Fr) => "Ouvrir",
        }
    }
}

impl Notice {
    /// The token no longer works: it has expired, or GitHub refuses it.
    pub fn dead(&self) -> bool {
        match self.kind {
            NoticeKind::Invalid | NoticeKind::Threshold(0) => true,
            NoticeKind::Threshold(_) => self.days_left.is_some_and(|d| d < 0),
            NoticeKind::ExpiryUnknown => false,
        }
    }

    /// The actions a notification about this notice offers: copying only a token that
    /// still works.
    pub fn actions(&self) -> Vec<NoticeAction> {
        let copy = (!self.dead()).then_some(NoticeAction::Copy);
        copy.into_iter().chain([NoticeAction::Renew, NoticeAction::Open]).collect()
    }

    /// The text in `lang`, with dates in the local time zone.
    pub fn text(&self, lang: Lang) -> NoticeText {
        self.text_in(lang, &Local)
    }

    /// The text in `lang`, with dates in `tz`.
    pub fn text_in<Tz: TimeZone>(&self, lang: Lang, tz: &Tz) -> NoticeText {
        let fr = lang == Lang::Fr;
        let name = if fr { format!("« {} »", self.token_name) } else { format!("“{}”", self.token_name) };
        let host = host_label(&self.host);
        let account = match (&self.login, fr) {
            (Some(l), true) => format!("Compte {l} sur {host}."),
            (Some(l), false) => format!("Account {l} on {host}."),
            (None, true) => format!("Sur {host}."),
            (None, false) => format!("On {host}."),
        };
        let when = self.expires_at.map(|e| date_time(e, tz, lang)).unwrap_or_default();
        let days = self.days_left.unwrap_or(0);
        let (title, then) = match (self.kind, fr) {
            (NoticeKind::Invalid, false) => (
                format!("{name} no longer works"),
                "GitHub refuses it: it was revoked or deleted. Create a new one to keep using it.".to_owned(),
            ),
            (NoticeKind::Invalid, true) => (
                format!("{name} ne fonctionne plus"),
                "GitHub le refuse : il a été révoqué ou supprimé. Créez-en un nouveau pour continuer.".to_owned(),
            ),
            (NoticeKind::ExpiryUnknown, false) => (
                format!("{name}: expiry unknown"),
                "GitHub gave an expiry date Jeton could not read; check the token on GitHub.".to_owned(),
            ),
            (NoticeKind::ExpiryUnknown, true) => (
                format!("{name} : date d’expiration inconnue"),
                "GitHub a donné une date d’expiration que Jeton n’a pas pu lire ; vérifiez le jeton sur GitHub."
                    .to_owned(),
            ),
            (NoticeKind::Threshold(_), false) if self.dead() => {
                (format!("{name} has expired"), format!("Expired on {when}. Renew it to keep using it."))
            }
            (NoticeKind::Threshold(_), true) if self.dead() => {
                (format!("{name} a expiré"), format!("Expiré le {when}. Renouvelez-le pour continuer à l’utiliser."))
            }
            (NoticeKind::Threshold(_), false) => {
                let left = match days {
                    0 => "today".to_owned(),
                    1 => "tomorrow".to_owned(),
                    n => format!("in {n} days"),
                };
                (format!("{name} expires {left}"), format!("Expires on {when}. Renew it before then."))
            }
            (NoticeKind::Threshold(_), true) => {
                let left = match days {
                    0 => "aujourd’hui".to_owned(),
                    1 => "demain".to_owned(),
                    n => format!("dans {n} jours"),
                };
                (format!("{name} expire {left}"), format!("Expire le {when}. Renouvelez-le avant."))
            }
        };
        NoticeText { title, body: format!("{account} {then}") }
    }
}

/// `https://github.com` → `github.com`.
pub(crate) fn host_label(host: &str) -> &str {
    let h = host.trim_end_matches('/');
    h.strip_prefix("https://").or_else(|| h.strip_prefix("http://")).unwrap_or(h)
}

const DAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const DAYS_FR: [&str; 7] = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// "Tuesday 14 April 2026 at 09:30" / "mardi 14 avril 2026 à 09:30".
fn date_time<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz, lang: Lang) -> String {
    let t = at.with_timezone(tz);
    let (wd, mo) = (t.weekday().num_days_from_monday() as usize, t.month0() as usize);
    let (d, y, hh, mm) = (t.day(), t.year(), t.hour(), t.minute());
    match lang {
        Lang::En => format!("{} {d} {} {y} at {hh:02}:{mm:02}", DAYS_EN[wd], MONTHS_EN[mo]),
        Lang::Fr => format!("{} {d} {} {y} à {hh:02}:{mm:02}", DAYS_FR[wd], MONTHS_FR[mo]),
    }
}
