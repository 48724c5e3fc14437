//! The clipboard (F6), through arboard. A copied token is marked as a password
//! (`x-kde-passwordManagerHint` on Linux) so clipboard managers keep no history of it,
//! and cleared after a delay only if the clipboard still holds it: both rules are
//! core's (`jeton_core::clipboard`). On X11 the process that copied serves the
//! clipboard: the app does while it runs ([`Copier`]); `jeton copy` leaves a holder
//! process behind ([`hold`]).

use std::sync::{Arc, Mutex};
use std::time::Instant;

use arboard::Clipboard;
use jeton_core::clipboard::{should_clear, ClearAfter};
use jeton_core::{Error, Secret};

fn unavailable(e: arboard::Error) -> Error {
    Error::ClipboardUnavailable { detail: e.to_string() }
}

/// Puts the secret on the clipboard, excluded from clipboard managers' history.
fn set_secret(cb: &mut Clipboard, secret: &Secret) -> Result<(), arboard::Error> {
    #[cfg(target_os = "macos")]
    use arboard::SetExtApple as _;
    #[cfg(target_os = "linux")]
    use arboard::SetExtLinux as _;
    #[cfg(windows)]
    use arboard::SetExtWindows as _;
    cb.set().exclude_from_history().text(secret.expose())
}

/// Clears the clipboard if it still holds `secret`; true when it did.
fn clear_if_holding(cb: &mut Clipboard, secret: &Secret) -> bool {
    should_clear(cb.get_text().ok().as_deref(), secret) && cb.clear().is_ok()
}

/// The app's clipboard: it keeps the copied token served while Jeton runs and clears
/// it after the delay, or on quit, if it is still there.
#[derive(Clone, Default)]
pub struct Copier(Arc<Mutex<Held>>);

#[derive(Default)]
struct Held {
    clipboard: Option<Clipboard>,
    secret: Option<Secret>,
    /// Bumped on each copy, so that an earlier copy's timer leaves a later one alone.
    generation: u64,
}

impl Copier {
    pub fn copy(&self, secret: Secret, clear: ClearAfter) -> Result<(), Error> {
        let mut held = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let cb = match &mut held.clipboard {
            Some(cb) => cb,
            empty => empty.insert(Clipboard::new().map_err(unavailable)?),
        };
        set_secret(cb, &secret).map_err(unavailable)?;
        held.secret = Some(secret);
        held.generation += 1;
        if let Some(after) = clear.duration() {
            let (me, generation) = (self.clone(), held.generation);
            std::thread::spawn(move || {
                std::thread::sleep(after);
                me.clear(Some(generation));
            });
        }
        Ok(())
    }

    /// Copies a stored token's secret, to be cleared after the delay chosen in the
    /// settings (returned).
    pub async fn copy_stored(&self, jeton: &jeton_core::service::Jeton, id: &str) -> Result<ClearAfter, Error> {
        let secret = jeton.secret_to_copy(id).await?;
        let clear = jeton.clear_after();
        self.copy(secret, clear)?;
        Ok(clear)
    }

    /// Clears the clipboard if it still holds the token copied last (with `generation`,
    /// only if no copy came since). Called by the timer and on quit.
    pub fn clear(&self, generation: Option<u64>) -> bool {
        let mut held = self.0.lock().unwrap_or_else(|p| p.into_inner());
        if generation.is_some_and(|g| g != held.generation) {
            return false;
        }
        let Held { clipboard: Some(cb), secret: Some(secret), .. } = &mut *held else { return false };
        let cleared = clear_if_holding(cb, secret);
        held.secret = None;
        cleared
    }
}

/// Serves `secret` on the clipboard until `clear` says (or until something else is
/// copied), then clears it if it is still there. Calls `ready` once the clipboard holds
/// it. Blocks: this is the `jeton copy` holder's whole life.
pub fn hold(secret: &Secret, clear: ClearAfter, ready: impl FnOnce() + Send + 'static) -> Result<(), Error> {
    let mut cb = Clipboard::new().map_err(unavailable)?;
    let deadline = clear.deadline(Instant::now());
    announce_when_served(secret.duplicate(), ready);
    loop {
        serve_until(&mut cb, secret, deadline).map_err(unavailable)?;
        let still_ours = should_clear(cb.get_text().ok().as_deref(), secret);
        match deadline {
            _ if !still_ours => return Ok(()),
            Some(d) if Instant::now() >= d => {
                clear_if_holding(&mut cb, secret);
                return Ok(());
            }
            // Woken early with the token still there: serve on.
            _ => {}
        }
    }
}

/// Sets the clipboard and blocks until it is replaced or `deadline` passes.
#[cfg(target_os = "linux")]
fn serve_until(cb: &mut Clipboard, secret: &Secret, deadline: Option<Instant>) -> Result<(), arboard::Error> {
    use arboard::SetExtLinux;
    let set = cb.set().exclude_from_history();
    let set = match deadline {
        Some(d) => set.wait_until(d),
        None => set.wait(),
    };
    set.text(secret.expose())
}

/// Elsewhere the clipboard keeps its contents without us: set it, then wait.
#[cfg(not(target_os = "linux"))]
fn serve_until(cb: &mut Clipboard, secret: &Secret, deadline: Option<Instant>) -> Result<(), arboard::Error> {
    set_secret(cb, secret)?;
    match deadline {
        Some(d) => std::thread::sleep(d.saturating_duration_since(Instant::now())),
        None => std::thread::park(),
    }
    Ok(())
}

/// Calls `ready` from another thread once the clipboard serves `secret` (the serving
/// call blocks), polling only until then.
fn announce_when_served(secret: Secret, ready: impl FnOnce() + Send + 'static) {
    std::thread::spawn(move || {
        let give_up = Instant::now() + std::time::Duration::from_secs(10);
        let Ok(mut cb) = Clipboard::new() else { return };
        while Instant::now() < give_up {
            if should_clear(cb.get_text().ok().as_deref(), &secret) {
                ready();
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    });
}

/// The app's copies against the real X11 clipboard (run under `scripts/headless`),
/// read back with `xclip` as another application would.
#[cfg(test)]
mod tests {
    use std::io::Write;
    use std::process::{Command, Stdio};
    use std::time::Duration;

    use super::*;

    fn paste() -> Option<String> {
        let out = Command::new("xclip").args(["-o", "-selection", "clipboard"]).stderr(Stdio::null()).output();
        let out = out.expect("xclip is installed");
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    fn eventually(what: &str, mut done: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !done() {
            assert!(Instant::now() < deadline, "still not true: {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    #[test]
    fn the_app_clears_its_own_copy_only() {
        assert!(std::env::var_os("DISPLAY").is_some(), "needs an X display: run under scripts/headless");
        let copier = Copier::default();
        copier.copy(Secret::new("ghp_first"), ClearAfter::secs(1)).unwrap();
        assert_eq!(paste().as_deref(), Some("ghp_first"));
        eventually("the delay clears it", || paste().is_none());

        // The user copies something else: quitting leaves it.
        copier.copy(Secret::new("ghp_second"), ClearAfter::never()).unwrap();
        assert_eq!(paste().as_deref(), Some("ghp_second"));
        let mut user = Command::new("xclip")
            .args(["-i", "-selection", "clipboard", "-quiet"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("xclip");
        user.stdin.take().unwrap().write_all(b"mine").unwrap();
        eventually("the user's text is there", || paste().as_deref() == Some("mine"));
        assert!(!copier.clear(None));
        assert_eq!(paste().as_deref(), Some("mine"));

        // A copy still there when Jeton quits goes with it.
        copier.copy(Secret::new("ghp_third"), ClearAfter::never()).unwrap();
        assert_eq!(paste().as_deref(), Some("ghp_third"));
        assert!(copier.clear(None));
        assert_eq!(paste(), None);
        let _ = user.kill();
        let _ = user.wait();
    }
}
