//! Tauri commands for tokens found outside the keychain (core's `discover`): each
//! calls core and turns its error into `{code, message}`. No secret crosses.

use jeton_core::discover::{Found, Places, Removed};
use jeton_core::model::TokenView;
use jeton_core::ErrorPayload;
use tauri::State;

use crate::commands::AppState;

#[tauri::command]
#[specta::specta]
pub async fn discover_tokens(state: State<'_, AppState>) -> Result<Vec<Found>, ErrorPayload> {
    let found = state.jeton()?.discover(&Places::from_env()).await.map_err(|e| state.fail(e))?;
    Ok(found.into_iter().map(|f| f.found).collect())
}

#[tauri::command]
#[specta::specta]
pub async fn check_found(state: State<'_, AppState>, id: String) -> Result<TokenView, ErrorPayload> {
    state.jeton()?.check_found(&Places::from_env(), &id, state.lang()).await.map_err(|e| state.fail(e))
}

#[tauri::command]
#[specta::specta]
pub async fn import_found(state: State<'_, AppState>, id: String) -> Result<TokenView, ErrorPayload> {
    state.jeton()?.import_found(&Places::from_env(), &id, state.lang()).await.map_err(|e| state.fail(e))
}

#[tauri::command]
#[specta::specta]
pub async fn remove_found(state: State<'_, AppState>, id: String) -> Result<Removed, ErrorPayload> {
    state.jeton()?.remove_found(&Places::from_env(), &id).await.map_err(|e| state.fail(e))
}
