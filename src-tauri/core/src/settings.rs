//! What the user chose in the window and Jeton remembers across restarts: the
//! language ("system" follows the locale), starting at login, and notices already
//! given. Kept in `settings.json` beside the metadata, written atomically with mode
//! 0600; an unreadable file means defaults.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::i18n::Lang;

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
}

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
        assert_eq!(now, Settings { lang: LangChoice::Fr, start_at_login: true, close_notice_shown: true });
    }
}
