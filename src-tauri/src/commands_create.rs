//! Tauri commands of the token creation wizard (core: `jeton_core::create`). The token
//! comes back from a paste (`finish_creation`) or from the clipboard, read in Rust
//! (`finish_creation_from_clipboard`); the watch tells the wizard only that a token is
//! there, never the token.

use chrono::Local;
use jeton_core::create::accounts::Owners;
use jeton_core::create::catalogue::CreationCatalogue;
use jeton_core::create::checklist::CreationPage;
use jeton_core::create::finish::Finished;
use jeton_core::create::Creation;
use jeton_core::github::client::Repository;
use jeton_core::github::request::RequestKind;
use jeton_core::{ErrorPayload, Secret};
use tauri::ipc::Channel;
use tauri::State;

use crate::clipboard_watch::{self, WatchEvent, Watcher};
use crate::commands::AppState;

/// Opens `url` in the user's default browser through the opener, from Rust.
pub async fn open_in_browser(app: &tauri::AppHandle, url: String) -> Result<(), jeton_core::Error> {
    use tauri_plugin_opener::OpenerExt;
    let app = app.clone();
    let opened = tauri::async_runtime::spawn_blocking(move || app.opener().open_url(url, None::<&str>)).await;
    let failed = |detail: String| jeton_core::Error::BrowserUnavailable { detail };
    opened.map_err(|e| failed(e.to_string()))?.map_err(|e| failed(e.to_string()))
}

/// Fine-grained permissions (sections, levels, labels, descriptions) and presets, in
/// the window's language.
#[tauri::command]
#[specta::specta]
pub fn creation_catalogue(state: State<'_, AppState>) -> CreationCatalogue {
    jeton_core::create::catalogue::creation_catalogue(state.lang())
}

/// GitHub's pre-filled page for `creation` and the same settings as a checklist.
#[tauri::command]
#[specta::specta]
pub async fn creation_page(state: State<'_, AppState>, creation: Creation) -> Result<CreationPage, ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.creation_page(&creation, Local::now().date_naive(), state.lang()).await.map_err(|e| state.fail(e))
}

/// Opens GitHub's pre-filled page in the browser; answers it with its checklist.
#[tauri::command]
#[specta::specta]
pub async fn open_creation_page(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    creation: Creation,
) -> Result<CreationPage, ErrorPayload> {
    let jeton = state.jeton()?;
    let page = jeton.creation_page(&creation, Local::now().date_naive(), state.lang()).await;
    let page = page.map_err(|e| state.fail(e))?;
    open_in_browser(&app, page.url.clone()).await.map_err(|e| state.fail(e))?;
    Ok(page)
}

/// The user `login` and their organizations, when a token of the account is kept.
#[tauri::command]
#[specta::specta]
pub async fn creation_owners(
    state: State<'_, AppState>,
    host: Option<String>,
    login: String,
) -> Result<Owners, ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.owners(host.as_deref(), &login).await.map_err(|e| state.fail(e))
}

/// The repositories `login` can reach, to tick on GitHub's page.
#[tauri::command]
#[specta::specta]
pub async fn creation_repositories(
    state: State<'_, AppState>,
    host: Option<String>,
    login: String,
) -> Result<Vec<Repository>, ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.repositories(host.as_deref(), &login).await.map_err(|e| state.fail(e))
}

/// The wizard's choices to renew token `id`.
#[tauri::command]
#[specta::specta]
pub fn renewal(state: State<'_, AppState>, id: String) -> Result<Creation, ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.renewal(&id, Local::now().date_naive()).map_err(|e| state.fail(e))
}

/// Checks the pasted token against `creation` and stores it.
#[tauri::command]
#[specta::specta]
pub async fn finish_creation(
    state: State<'_, AppState>,
    watcher: State<'_, Watcher>,
    creation: Creation,
    token: String,
) -> Result<Finished, ErrorPayload> {
    finish(&state, &watcher, &creation, &Secret::new(token)).await
}

/// Stores the token taken back, and stops the clipboard watch once it is.
async fn finish(
    state: &AppState,
    watcher: &Watcher,
    creation: &Creation,
    token: &Secret,
) -> Result<Finished, ErrorPayload> {
    let jeton = state.jeton()?;
    let done = jeton.finish_creation(creation, token, state.lang()).await.map_err(|e| state.fail(e))?;
    watcher.stop();
    Ok(done)
}

/// Reads the token from the clipboard (in Rust), checks it against `creation` and
/// stores it; then clears the clipboard if it still holds it.
#[tauri::command]
#[specta::specta]
pub async fn finish_creation_from_clipboard(
    state: State<'_, AppState>,
    watcher: State<'_, Watcher>,
    creation: Creation,
) -> Result<Finished, ErrorPayload> {
    let kind = creation.kind();
    let token = tauri::async_runtime::spawn_blocking(move || clipboard_watch::read_token(kind)).await;
    let token = token.map_err(|e| state.fail(jeton_core::Error::Internal { detail: e.to_string() }))?;
    let token = token.map_err(|e| state.fail(e))?;
    let done = finish(&state, &watcher, &creation, &token).await?;
    clipboard_watch::clear_if_holding(&token);
    Ok(done)
}

/// Watches the clipboard for a new token of `kind` (every second, 15 minutes at most);
/// `on_event` hears `found` (never the token) or `expired`.
#[tauri::command]
#[specta::specta]
pub fn watch_clipboard(
    state: State<'_, AppState>,
    watcher: State<'_, Watcher>,
    kind: RequestKind,
    on_event: Channel<WatchEvent>,
) -> Result<(), ErrorPayload> {
    watcher.start(kind, move |e| drop(on_event.send(e))).map_err(|e| state.fail(e))
}

#[tauri::command]
#[specta::specta]
pub fn stop_clipboard_watch(watcher: State<'_, Watcher>) {
    watcher.stop();
}
