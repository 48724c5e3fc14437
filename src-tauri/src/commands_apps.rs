//! Tauri commands for GitHub Apps and the installation tokens they mint (core:
//! `jeton_core::apps`, docs/github.md "GitHub App tokens"). An app's private key reaches
//! Rust from a file the user picks in the system's dialog (read here, never sent to the
//! web view) or pasted once, as a token is; a minted token is answered as its record.

use jeton_core::apps::{AppRecord, MintRequest};
use jeton_core::github::client::Repository;
use jeton_core::model::TokenView;
use jeton_core::{ErrorPayload, Secret};
use tauri::State;

use crate::commands::AppState;

/// Every app with its installations as last listed.
#[tauri::command]
#[specta::specta]
pub fn list_apps(state: State<'_, AppState>) -> Result<Vec<AppRecord>, ErrorPayload> {
    state.jeton()?.apps().map_err(|e| state.fail(e))
}

/// Adds app `client_id` (or app ID) on `host` with a pasted private key.
#[tauri::command]
#[specta::specta]
pub async fn add_app(
    state: State<'_, AppState>,
    client_id: String,
    host: Option<String>,
    key: String,
) -> Result<AppRecord, ErrorPayload> {
    let key = Secret::new(key);
    state.jeton()?.add_app(host.as_deref(), &client_id, &key).await.map_err(|e| state.fail(e))
}

/// Adds app `client_id` with the `.pem` the user picks in the system's open dialog, read
/// in Rust. `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn add_app_from_file(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    client_id: String,
    host: Option<String>,
) -> Result<Option<AppRecord>, ErrorPayload> {
    use tauri_plugin_dialog::DialogExt;
    let jeton = state.jeton()?;
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog().file().add_filter("PEM", &["pem"]).blocking_pick_file()
    })
    .await
    .ok()
    .flatten();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else { return Ok(None) };
    let key = jeton_core::apps::read_key_file(&path).map_err(|e| state.fail(e))?;
    jeton.add_app(host.as_deref(), &client_id, &key).await.map(Some).map_err(|e| state.fail(e))
}

/// Lists app `id`'s installations again.
#[tauri::command]
#[specta::specta]
pub async fn refresh_app(state: State<'_, AppState>, id: String) -> Result<AppRecord, ErrorPayload> {
    state.jeton()?.refresh_app(&id).await.map_err(|e| state.fail(e))
}

/// Forgets app `id` and its key.
#[tauri::command]
#[specta::specta]
pub async fn forget_app(state: State<'_, AppState>, id: String) -> Result<(), ErrorPayload> {
    state.jeton()?.forget_app(&id).await.map(|_| ()).map_err(|e| state.fail(e))
}

/// An installation's id as the web view holds it, from `list_apps`: a number in
/// TypeScript (GitHub's ids are far below 2^53, exact in JavaScript).
#[derive(serde::Deserialize, specta::Type)]
#[serde(transparent)]
pub struct InstallationId(#[specta(type = u32)] u64);

/// The repositories an installation reaches, to choose from when minting.
#[tauri::command]
#[specta::specta]
pub async fn installation_repositories(
    state: State<'_, AppState>,
    installation: InstallationId,
) -> Result<Vec<Repository>, ErrorPayload> {
    state.jeton()?.installation_repositories(installation.0).await.map_err(|e| state.fail(e))
}

/// Mints an installation token as asked and stores it; answers its record, never the
/// secret (copied like any token's, by `copy_token`).
#[tauri::command]
#[specta::specta]
pub async fn mint_token(state: State<'_, AppState>, request: MintRequest) -> Result<TokenView, ErrorPayload> {
    state.jeton()?.mint_token(&request, state.lang()).await.map_err(|e| state.fail(e))
}
