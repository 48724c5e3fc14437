//! The main window's life beside the tray: shown on demand (the tray, a second launch
//! of Jeton), hidden rather than closed while a tray can bring it back, with a notice
//! the first time. One Jeton per data dir: a second launch shows the first one's window
//! and exits (the CLI, `jeton SUBCOMMAND`, never comes here and runs beside it).

use std::sync::atomic::{AtomicBool, Ordering};

use jeton_core::settings::Settings;
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, Window, WindowEvent, Wry};

use crate::commands::AppState;

/// The label of the main window (tauri.conf.json).
pub const MAIN: &str = "main";

/// The argument the login entry starts Jeton with: in the tray, no window.
pub const BACKGROUND_ARG: &str = "--background";

/// Shows the main window, brought to the front. Off the main thread these calls are
/// queued to it; the last, a question, returns once it has done the others, so that the
/// log line says they are done (a close in between would otherwise be undone by the
/// focus, which shows the window again).
pub fn show_main(app: &AppHandle) {
    let Some(w) = app.get_webview_window(MAIN) else { return };
    let _ = w.unminimize();
    let _ = w.show();
    let _ = w.set_focus();
    let visible = w.is_visible().unwrap_or_default();
    tracing::debug!(visible, "window: shown");
}

/// Closing the main window hides it while Jeton has a tray; the first time ever, a
/// notice says Jeton is still running. Without a tray, closing quits as usual.
pub fn on_event(window: &Window, event: &WindowEvent) {
    let WindowEvent::CloseRequested { api, .. } = event else { return };
    let app = window.app_handle();
    let tray = crate::tray::present(app);
    tracing::debug!(window = window.label(), tray, "window: close requested");
    if window.label() != MAIN || !tray {
        return;
    }
    api.prevent_close();
    let _ = window.hide();
    if first_close(app) {
        let lang = app.state::<AppState>().lang();
        let (title, body) = jeton_core::tray::close_notice(lang);
        crate::notice::show(title, body);
    }
}

/// Whether this is the first close ever (remembered in the settings), or in this run
/// when there are no settings to remember it in.
fn first_close(app: &AppHandle) -> bool {
    static THIS_RUN: AtomicBool = AtomicBool::new(false);
    let state = app.state::<AppState>();
    let Ok(jeton) = &state.jeton else { return !THIS_RUN.swap(true, Ordering::Relaxed) };
    let dir = &jeton.config.data_dir;
    if Settings::load(dir).close_notice_shown || THIS_RUN.swap(true, Ordering::Relaxed) {
        return false;
    }
    if let Err(e) = Settings::update(dir, |s| s.close_notice_shown = true) {
        tracing::warn!(code = e.code(), "settings: the close notice will show again next time");
    }
    true
}

/// The single-instance plugin: a second launch (on the same data dir and keychain
/// namespace) shows this window, unless it is the login entry's background start.
pub fn single_instance(app_id: &str, config: Option<&jeton_core::config::Config>) -> TauriPlugin<Wry> {
    let id = match config {
        Some(c) => instance_id(app_id, &c.data_dir.to_string_lossy(), &c.keyring_namespace),
        None => app_id.to_owned(),
    };
    tauri_plugin_single_instance::Builder::new()
        .dbus_id(id)
        .callback(|app, argv, _cwd| {
            if !argv.iter().any(|a| a == BACKGROUND_ARG) {
                show_main(app);
            }
        })
        .build()
}

/// The D-Bus name Jeton owns for a data dir and keychain namespace: the demo, the
/// tests and the user's own Jeton are separate instances. A stable hash (FNV-1a), the
/// same from one build of Jeton to the next.
fn instance_id(app_id: &str, data_dir: &str, namespace: &str) -> String {
    let hash = [data_dir.as_bytes(), b"\0", namespace.as_bytes()]
        .concat()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3));
    format!("{app_id}.i{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_data_dir_and_namespace_is_its_own_instance() {
        let mine = instance_id("dev.jeton.desktop", "/home/u/.local/share/jeton", "jeton");
        assert_eq!(mine, instance_id("dev.jeton.desktop", "/home/u/.local/share/jeton", "jeton"));
        assert_ne!(mine, instance_id("dev.jeton.desktop", "/tmp/demo", "jeton"));
        assert_ne!(mine, instance_id("dev.jeton.desktop", "/home/u/.local/share/jeton", "jeton-demo"));
        // A valid D-Bus name: elements of letters, digits and `_`, none starting with a digit.
        assert!(mine.starts_with("dev.jeton.desktop.i") && mine.len() == "dev.jeton.desktop.i".len() + 16);
        assert!(mine.split('.').all(|e| !e.starts_with(|c: char| c.is_ascii_digit())));
    }
}
