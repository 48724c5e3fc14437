//! A one-off desktop notice (`org.freedesktop.Notifications` on Linux), such as "Jeton
//! is still running" when the window is first closed, or why a tray action failed.
//! Sent from its own thread, so the caller (a window or menu event) never waits for the
//! notification service; without one, the notice is logged instead.

use jeton_core::i18n::Lang;

/// Shows `title` and `body` as a desktop notification from Jeton.
pub fn show(title: impl Into<String>, body: impl Into<String>) {
    let (title, body) = (title.into(), body.into());
    std::thread::spawn(move || {
        let sent = notify_rust::Notification::new().appname("Jeton").summary(&title).body(&body).show();
        if let Err(e) = sent {
            tracing::warn!(error = %e, notice = %title, "no notification service: the notice was not shown");
        }
    });
}

/// Says what went wrong (core's sentence, which never holds a secret).
pub fn show_error(e: &jeton_core::Error, lang: Lang) {
    show("Jeton", e.payload(lang).message);
}
