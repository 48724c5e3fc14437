//! Taking a new token from the clipboard for the creation wizard, in Rust so that the
//! secret never goes through the web view: a read when the user asks, and a watch
//! while the wizard waits (and only then) that reads the clipboard once a second for
//! at most 15 minutes and tells the wizard when a new token of the kind asked for is
//! there, without the token (core's rules: `jeton_core::create::clipboard`).

use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use arboard::Clipboard;
use jeton_core::create::clipboard::{token_from_clipboard, ClipboardWatch, WatchStep, WATCH_EVERY};
use jeton_core::github::request::RequestKind;
use jeton_core::{Error, Secret};
use serde::Serialize;
use specta::Type;

/// What the watch tells the wizard. Never the token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum WatchEvent {
    /// A new token of the kind asked for is on the clipboard: finish from it.
    Found,
    /// 15 minutes passed with none: the watch stopped.
    Expired,
}

fn unavailable(e: arboard::Error) -> Error {
    Error::ClipboardUnavailable { detail: e.to_string() }
}

/// The clipboard's text; `None` when it holds none.
fn text(cb: &mut Clipboard) -> Result<Option<String>, Error> {
    match cb.get_text() {
        Ok(t) => Ok(Some(t)),
        Err(arboard::Error::ContentNotAvailable) => Ok(None),
        Err(e) => Err(unavailable(e)),
    }
}

/// The token of kind `kind` on the clipboard, or why not.
pub fn read_token(kind: RequestKind) -> Result<Secret, Error> {
    let mut cb = Clipboard::new().map_err(unavailable)?;
    let t = text(&mut cb)?;
    token_from_clipboard(t.as_deref(), kind)
}

/// Clears the clipboard if it still holds `secret` (once it is in the keychain).
pub fn clear_if_holding(secret: &Secret) {
    if let Ok(mut cb) = Clipboard::new() {
        if jeton_core::clipboard::should_clear(cb.get_text().ok().as_deref(), secret) {
            let _ = cb.clear();
        }
    }
}

/// The app's one watch: starting one stops the one before.
#[derive(Clone, Default)]
pub struct Watcher(Arc<Mutex<Option<Sender<()>>>>);

impl Watcher {
    /// Watches for a new token of `kind`; `tell` hears when one is found or the
    /// watch expires. Fails at once when the clipboard cannot be read.
    pub fn start(&self, kind: RequestKind, tell: impl Fn(WatchEvent) + Send + 'static) -> Result<(), Error> {
        let mut cb = Clipboard::new().map_err(unavailable)?;
        let current = text(&mut cb)?;
        let mut watch = ClipboardWatch::new(kind, Instant::now(), current.as_deref());
        drop(current);
        let (stop, stopped) = channel::<()>();
        *self.0.lock().unwrap_or_else(|p| p.into_inner()) = Some(stop);
        std::thread::spawn(move || loop {
            // A stop, or a newer watch dropping this one's sender, ends it.
            match stopped.recv_timeout(WATCH_EVERY) {
                Err(RecvTimeoutError::Timeout) => {}
                _ => return,
            }
            let current = text(&mut cb).ok().flatten();
            match watch.observe(Instant::now(), current.as_deref()) {
                WatchStep::Wait => {}
                WatchStep::Found => return tell(WatchEvent::Found),
                WatchStep::Expired => return tell(WatchEvent::Expired),
            }
        });
        Ok(())
    }

    pub fn stop(&self) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).take();
    }
}
