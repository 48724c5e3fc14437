//! Taking a new token from the clipboard, read in Rust so that the secret never goes
//! through the web view: what counts as the token asked for, and the watch that, while
//! the wizard waits and only then, notices one by itself (the shell reads the clipboard
//! once a second and asks [`ClipboardWatch::observe`] what it means).

use std::collections::hash_map::RandomState;
use std::hash::BuildHasher;
use std::time::{Duration, Instant};

use super::token_kind;
use crate::error::{Error, Result};
use crate::github::request::RequestKind;
use crate::secret::Secret;
use crate::token;

/// How often the shell reads the clipboard while watching.
pub const WATCH_EVERY: Duration = Duration::from_secs(1);
/// How long a watch lasts at most.
pub const WATCH_FOR: Duration = Duration::from_secs(15 * 60);

/// The token of kind `kind` the clipboard holds (`text`), or why not.
pub fn token_from_clipboard(text: Option<&str>, kind: RequestKind) -> Result<Secret> {
    let text = text.map(str::trim).filter(|t| !t.is_empty()).ok_or(Error::ClipboardEmpty)?;
    let parsed = token::parse(text).map_err(|_| Error::ClipboardNotToken)?;
    if parsed.kind != token_kind(kind) {
        return Err(Error::TokenWrongKind { expected: kind, found: parsed.kind });
    }
    Ok(parsed.secret)
}

/// What one look at the clipboard means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchStep {
    /// Nothing new: look again in [`WATCH_EVERY`].
    Wait,
    /// A new token of the kind asked for is there.
    Found,
    /// [`WATCH_FOR`] has passed: stop.
    Expired,
}

/// A watch for a new token of one kind. What the clipboard held when it started is not
/// new (the user may have copied an old token): only a change counts. It keeps no
/// text, only a keyed hash of the last one seen.
pub struct ClipboardWatch {
    kind: RequestKind,
    until: Instant,
    hasher: RandomState,
    last: Option<u64>,
}

impl ClipboardWatch {
    pub fn new(kind: RequestKind, now: Instant, current: Option<&str>) -> ClipboardWatch {
        let hasher = RandomState::new();
        let last = current.map(|t| hasher.hash_one(t.trim()));
        ClipboardWatch { kind, until: now + WATCH_FOR, hasher, last }
    }

    pub fn observe(&mut self, now: Instant, current: Option<&str>) -> WatchStep {
        if now >= self.until {
            return WatchStep::Expired;
        }
        let Some(text) = current.map(str::trim).filter(|t| !t.is_empty()) else {
            self.last = None;
            return WatchStep::Wait;
        };
        let hash = self.hasher.hash_one(text);
        if self.last == Some(hash) {
            return WatchStep::Wait;
        }
        self.last = Some(hash);
        match token_from_clipboard(Some(text), self.kind) {
            Ok(_) => WatchStep::Found,
            Err(_) => WatchStep::Wait,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    pub(crate) use crate::create::finish::tests_support::{classic_token, fine_grained_token};

    #[test]
    fn reading_says_what_is_wrong_with_the_clipboard() {
        let code = |t: Option<&str>, k| token_from_clipboard(t, k).map(|_| ()).unwrap_err().code();
        assert_eq!(code(None, RequestKind::Classic), "clipboard_empty");
        assert_eq!(code(Some("  \n"), RequestKind::Classic), "clipboard_empty");
        assert_eq!(code(Some("hello"), RequestKind::Classic), "clipboard_not_token");
        assert_eq!(code(Some(&classic_token()), RequestKind::FineGrained), "token_wrong_kind");
        let fine = fine_grained_token();
        let got = token_from_clipboard(Some(&format!("{fine}\n")), RequestKind::FineGrained).unwrap();
        assert_eq!(got.expose(), fine);
    }

    #[test]
    fn only_a_new_token_of_the_kind_asked_for_is_found() {
        let t0 = Instant::now();
        let old = classic_token();
        let mut w = ClipboardWatch::new(RequestKind::Classic, t0, Some(&old));
        let at = |s| t0 + Duration::from_secs(s);
        assert_eq!(w.observe(at(1), Some(&old)), WatchStep::Wait, "already there when the watch began");
        assert_eq!(w.observe(at(2), Some("some text")), WatchStep::Wait);
        assert_eq!(w.observe(at(3), Some(&fine_grained_token())), WatchStep::Wait, "another kind");
        assert_eq!(w.observe(at(4), None), WatchStep::Wait);
        let new = classic_token();
        assert_ne!(new, old);
        assert_eq!(w.observe(at(5), Some(&new)), WatchStep::Found);
        // The old one copied again after something else is a change too.
        let mut again = ClipboardWatch::new(RequestKind::Classic, t0, Some(&old));
        again.observe(at(1), Some("x"));
        assert_eq!(again.observe(at(2), Some(&old)), WatchStep::Found);
    }

    #[test]
    fn a_watch_ends_after_fifteen_minutes() {
        let t0 = Instant::now();
        let mut w = ClipboardWatch::new(RequestKind::Classic, t0, None);
        assert_eq!(w.observe(t0 + WATCH_FOR - Duration::from_secs(1), None), WatchStep::Wait);
        assert_eq!(w.observe(t0 + WATCH_FOR, Some(&classic_token())), WatchStep::Expired);
    }
}
