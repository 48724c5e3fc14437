//! Copying a token (F6): how long the clipboard keeps it and when Jeton may clear it.
//! The clipboard calls themselves are the shell's (`src-tauri/src/clipboard.rs`); the
//! secret never goes to the web view.

use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::Secret;

/// Seconds a copied token stays on the clipboard unless configured otherwise.
pub const DEFAULT_CLEAR_AFTER_SECS: u32 = 30;

/// How long a copied token stays on the clipboard: seconds, 0 meaning never cleared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ClearAfter(u32);

impl ClearAfter {
    pub fn secs(secs: u32) -> ClearAfter {
        ClearAfter(secs)
    }

    pub fn never() -> ClearAfter {
        ClearAfter(0)
    }

    /// The seconds, 0 for never (what the UI shows: "clears in 30 s").
    pub fn as_secs(self) -> u32 {
        self.0
    }

    pub fn duration(self) -> Option<Duration> {
        (self.0 > 0).then(|| Duration::from_secs(self.0.into()))
    }

    /// When a copy made at `copied` is due to be cleared; `None`: never.
    pub fn deadline(self, copied: Instant) -> Option<Instant> {
        self.duration().map(|d| copied + d)
    }
}

impl Default for ClearAfter {
    fn default() -> Self {
        ClearAfter(DEFAULT_CLEAR_AFTER_SECS)
    }
}

/// Whether Jeton may clear the clipboard: only while it still holds the token Jeton
/// put there. Anything copied since (even another token) is the user's and stays.
pub fn should_clear(current: Option<&str>, copied: &Secret) -> bool {
    current.is_some_and(|c| !copied.is_empty() && c == copied.expose())
}

impl crate::service::Jeton {
    /// How long a copy stays on the clipboard, as chosen in the settings.
    pub fn clear_after(&self) -> ClearAfter {
        crate::settings::Settings::load(&self.config.data_dir).clear_after
    }

    /// The secret of a stored token (by id or name), for the clipboard.
    pub async fn secret_to_copy(&self, id_or_name: &str) -> crate::Result<Secret> {
        let record = self.vault.find(id_or_name)?;
        self.vault.secret_async(&record).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleared_only_while_it_still_holds_the_token() {
        let token = Secret::new("ghp_copiedToken");
        assert!(should_clear(Some("ghp_copiedToken"), &token));
        assert!(!should_clear(Some("something the user copied"), &token));
        assert!(!should_clear(Some("ghp_copiedToken "), &token));
        assert!(!should_clear(Some(""), &token), "an emptied clipboard is left alone");
        assert!(!should_clear(None, &token), "nothing to read: nothing to clear");
        assert!(!should_clear(Some(""), &Secret::new("")));
    }

    #[test]
    fn delay_defaults_to_thirty_seconds_and_zero_is_never() {
        let now = Instant::now();
        assert_eq!(ClearAfter::default().as_secs(), 30);
        assert_eq!(ClearAfter::default().deadline(now), Some(now + Duration::from_secs(30)));
        assert_eq!(ClearAfter::secs(5).duration(), Some(Duration::from_secs(5)));
        assert_eq!(ClearAfter::never().deadline(now), None);
        assert_eq!(ClearAfter::secs(0), ClearAfter::never());
        assert_eq!(serde_json::from_str::<ClearAfter>("45").unwrap(), ClearAfter::secs(45));
    }
}
