//! The settings window's reminder days and clipboard delay (the rules and the choices
//! offered are core's: `jeton_core::settings::Preferences`). The language and starting
//! at login have their own commands (`commands::set_lang`, `autostart`).

use jeton_core::settings::{Preferences, Settings};
use jeton_core::ErrorPayload;
use tauri::State;

use crate::commands::AppState;

/// The reminder days and clipboard delay chosen, with the choices offered.
#[tauri::command]
#[specta::specta]
pub fn preferences(state: State<'_, AppState>) -> Result<Preferences, ErrorPayload> {
    Ok(Preferences::of(&Settings::load(&state.jeton()?.config.data_dir)))
}

/// Saves the reminder days and clipboard delay; the reminders use them at their next
/// look (the data dir's change wakes them). Returns what was kept.
#[tauri::command]
#[specta::specta]
pub fn save_preferences(state: State<'_, AppState>, chosen: Preferences) -> Result<Preferences, ErrorPayload> {
    let dir = &state.jeton()?.config.data_dir;
    let saved = Settings::update(dir, |s| chosen.apply(s)).map_err(|e| state.fail(e))?;
    Ok(Preferences::of(&saved))
}
