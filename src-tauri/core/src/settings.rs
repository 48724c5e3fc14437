//! What the user chose in the window and Jeton remembers across restarts: for now the
//! language ("system" follows the locale). Kept in `settings.json` beside the
//! metadata, written atomically with mode 0600; an unreadable file means defaults.

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
        Settings { lang: LangChoice::Fr }.save(dir.path()).unwrap();
        let again = Settings::load(dir.path());
        assert_eq!(again.lang.resolve(Lang::En), Lang::Fr);
        Settings { lang: LangChoice::System }.save(dir.path()).unwrap();
        assert_eq!(Settings::load(dir.path()).lang.resolve(Lang::Fr), Lang::Fr);
        std::fs::write(dir.path().join(FILE_NAME), b"{not json").unwrap();
        assert_eq!(Settings::load(dir.path()), Settings::default());
    }
}
