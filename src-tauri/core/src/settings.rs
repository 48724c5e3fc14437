//! What the user chose in the window and Jeton remembers across restarts: the
//! language ("system" follows the locale), starting at login, when to be reminded, how
//! long a copied token stays on the clipboard, and notices already given. Kept in `settings.json` beside the metadata, written atomically with mode
//! 0600; an unreadable file means defaults.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::clipboard::ClearAfter;
use crate::error::Result;
use crate::i18n::Lang;
use crate::reminders::Thresholds;

pub const FILE_NAME: &str = "settings.json";

/// The language chosen in the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum LangChoice {
    /// Follow the system's locale.
    #[default]
    System,
    En,
    Fr,
}

impl LangChoice {
    /// The language to speak: the one chosen, or the system's.
    pub fn resolve(self, system: Lang) -> Lang {
        match self {
            LangChoice::System => system,
            LangChoice::En => Lang::En,
            LangChoice::Fr => Lang::Fr,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub lang: LangChoice,
    /// Start Jeton (in the tray) when the user logs in; off until they turn it on.
    #[serde(default)]
    pub start_at_login: bool,
    /// The notice that closing the window keeps Jeton in the tray was shown once.
    #[serde(default)]
    pub close_notice_shown: bool,
    /// Days before expiry at which Jeton reminds (0: at expiry).
    #[serde(default)]
    pub reminder_days: Thresholds,
    /// How long a token copied from the app stays on the clipboard.
    #[serde(default)]
    pub clear_after: ClearAfter,
}

/// The reminder days offered in the settings, farthest first (0: at expiry).
pub const REMINDER_DAY_CHOICES: [i64; 7] = [30, 14, 7, 3, 2, 1, 0];
/// The clipboard delays offered in the settings, in seconds (0: never cleared).
pub const CLEAR_AFTER_CHOICES: [u32; 5] = [10, 30, 60, 120, 0];

/// The settings the window edits, with the choices it offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preferences {
    /// Days before expiry at which Jeton reminds, farthest first; empty: no reminders.
    pub reminder_days: Vec<i32>,
    /// Seconds a copied token stays on the clipboard; 0: never cleared.
    pub clear_after_secs: u32,
    pub reminder_day_choices: Vec<i32>,
    pub clear_after_choices: Vec<u32>,
}

impl Preferences {
    pub fn of(s: &Settings) -> Preferences {
        Preferences {
            reminder_days: s.reminder_days.days().iter().map(|d| *d as i32).collect(),
            clear_after_secs: s.clear_after.as_secs(),
            reminder_day_choices: REMINDER_DAY_CHOICES.iter().map(|d| *d as i32).collect(),
            clear_after_choices: CLEAR_AFTER_CHOICES.to_vec(),
        }
    }

    /// Writes these preferences into `s`: reminder days out of range are dropped (see
    /// [`Thresholds`]), and the clipboard delay is at most a day.
    pub fn apply(&self, s: &mut Settings) {
        s.reminder_days = Thresholds::new(self.reminder_days.iter().map(|d| i64::from(*d)));
        s.clear_after = ClearAfter::secs(self.clear_after_secs.min(MAX_CLEAR_AFTER_SECS));
    }
}

/// The longest a copied token may stay on the clipboard before Jeton clears it.
pub const MAX_CLEAR_AFTER_SECS: u32 = 24 * 3600;

fn path(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

impl Settings {
    /// The settings in `dir`, or the defaults when there are none or they cannot be read.
    pub fn load(dir: &Path) -> Settings {
        let Ok(bytes) = std::fs::read(path(dir)) else { return Settings::default() };
        serde_json::from_slice(&bytes).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "settings: unreadable, using the defaults");
            Settings::default()
        })
    }

    /// Changes the settings in `dir` with `change` and saves them, keeping the others.
    pub fn update(dir: &Path, change: impl FnOnce(&mut Settings)) -> Result<Settings> {
        let mut settings = Settings::load(dir);
        change(&mut settings);
        settings.save(dir)?;
        Ok(settings)
    }

    pub fn save(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).map_err(|e| crate::vault::storage_error(&e))?;
        let json = serde_json::to_vec_pretty(self).map_err(|e| crate::Error::Internal { detail: e.to_string() })?;
        crate::vault::write_private(&path(dir), &json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_choice_survives_a_restart_and_system_follows_the_locale() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Settings::load(dir.path()).lang, LangChoice::System, "default");
        Settings { lang: LangChoice::Fr, ..Settings::default() }.save(dir.path()).unwrap();
        let again = Settings::load(dir.path());
        assert_eq!(again.lang.resolve(Lang::En), Lang::Fr);
        Settings::update(dir.path(), |s| s.lang = LangChoice::System).unwrap();
        assert_eq!(Settings::load(dir.path()).lang.resolve(Lang::Fr), Lang::Fr);
        std::fs::write(dir.path().join(FILE_NAME), b"{not json").unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
    }

    #[test]
    fn start_at_login_is_off_until_chosen_and_one_change_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        // A file from before these settings existed.
        std::fs::write(dir.path().join(FILE_NAME), br#"{"lang":"fr"}"#).unwrap();
        let old = Settings::load(dir.path());
        assert!(!old.start_at_login && !old.close_notice_shown);
        Settings::update(dir.path(), |s| s.start_at_login = true).unwrap();
        Settings::update(dir.path(), |s| s.close_notice_shown = true).unwrap();
        let now = Settings::load(dir.path());
        assert_eq!(
            now,
            Settings { lang: LangChoice::Fr, start_at_login: true, close_notice_shown: true, ..Settings::default() }
        );
    }

    #[test]
    fn reminder_days_and_clipboard_delay_default_then_follow_the_window() {
        let dir = tempfile::tempdir().unwrap();
        let p = Preferences::of(&Settings::load(dir.path()));
        assert_eq!((p.reminder_days, p.clear_after_secs), (vec![14, 7, 3, 1, 0], 30), "the documented defaults");
        let asked = Preferences { reminder_days: vec![1, 30, 400, -2, 30], clear_after_secs: 0, ..p };
        Settings::update(dir.path(), |s| asked.apply(s)).unwrap();
        let again = Settings::load(dir.path());
        assert_eq!(again.reminder_days.days(), [30, 1], "distinct, in range, farthest first");
        assert_eq!(again.clear_after.duration(), None, "0 is never");
        let long = Preferences { clear_after_secs: u32::MAX, ..Preferences::of(&again) };
        Settings::update(dir.path(), |s| long.apply(s)).unwrap();
        assert_eq!(Settings::load(dir.path()).clear_after.as_secs(), MAX_CLEAR_AFTER_SECS);
    }
}
