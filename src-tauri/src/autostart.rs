//! Opt-in start at login (tauri-plugin-autostart: an XDG autostart entry on Linux).
//! Off until the user turns it on; the choice is remembered in Jeton's settings, and
//! each start with it on writes the entry again so that it names the current program.
//! The login entry starts Jeton in the tray, without its window.

use jeton_core::settings::Settings;
use jeton_core::ErrorPayload;
use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Manager, State, Wry};
use tauri_plugin_autostart::ManagerExt;

use crate::commands::AppState;

pub fn plugin() -> TauriPlugin<Wry> {
    tauri_plugin_autostart::Builder::new().arg(crate::window::BACKGROUND_ARG).build()
}

/// Writes the login entry again when the setting is on (the program may have moved).
pub fn refresh(app: &AppHandle) {
    let state = app.state::<AppState>();
    let Ok(jeton) = &state.jeton else { return };
    if Settings::load(&jeton.config.data_dir).start_at_login {
        if let Err(e) = app.autolaunch().enable() {
            tracing::warn!(error = %e, "autostart: the login entry could not be written");
        }
    }
}

fn set(app: &AppHandle, on: bool) -> Result<(), jeton_core::Error> {
    let launcher = app.autolaunch();
    let done = if on { launcher.enable() } else { launcher.disable() };
    done.map_err(|e| jeton_core::Error::Internal { detail: format!("the login entry could not be changed: {e}") })
}

/// Whether Jeton starts at login, as the user chose.
#[tauri::command]
#[specta::specta]
pub fn start_at_login(state: State<'_, AppState>) -> bool {
    state.jeton.as_ref().is_ok_and(|j| Settings::load(&j.config.data_dir).start_at_login)
}

/// Turns starting at login on or off, and remembers the choice.
#[tauri::command]
#[specta::specta]
pub fn set_start_at_login(app: AppHandle, state: State<'_, AppState>, on: bool) -> Result<(), ErrorPayload> {
    let fail = |e: jeton_core::Error| e.payload(state.lang());
    let jeton = state.jeton.as_ref().map_err(|e| fail(e.clone()))?;
    set(&app, on).map_err(fail)?;
    Settings::update(&jeton.config.data_dir, |s| s.start_at_login = on).map_err(fail)?;
    Ok(())
}
