//! Tauri commands for revoking a token (core's `revoke.rs` holds the rules).

use jeton_core::revoke::{RevokeOutcome, RevokeRoute};
use jeton_core::ErrorPayload;
use tauri::State;

use crate::commands::AppState;

/// How a token would be revoked (GitHub's API, or its host's settings page), for the
/// confirmation to say so before anything is done.
#[tauri::command]
#[specta::specta]
pub fn revoke_route(state: State<'_, AppState>, id: String) -> Result<RevokeRoute, ErrorPayload> {
    state.jeton()?.revoke_route(&id).map_err(|e| state.fail(e))
}

/// Revokes a token at GitHub, then forgets it. When its host turns out to have no
/// revocation API, its settings page is opened in the browser instead and nothing is
/// forgotten (the outcome says so).
#[tauri::command]
#[specta::specta]
pub async fn revoke_token(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<RevokeOutcome, ErrorPayload> {
    let outcome = state.jeton()?.revoke(&id).await.map_err(|e| state.fail(e))?;
    if let RevokeOutcome::OpenSettings { url } = &outcome {
        crate::commands_create::open_in_browser(&app, url.clone()).await.map_err(|e| state.fail(e))?;
    }
    Ok(outcome)
}
