//! Tauri commands: each one calls core and turns its error into `{code, message}`.
//! No rules live here.

use std::sync::{Arc, Mutex};

use jeton_core::health::{ImportSummary, VaultHealth};
use jeton_core::i18n::Lang;
use jeton_core::model::TokenView;
use jeton_core::service::Jeton;
use jeton_core::settings::{LangChoice, Settings};
use jeton_core::ErrorPayload;
use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;
use tauri::State;

pub struct AppState {
    pub jeton: Result<Arc<Jeton>, jeton_core::Error>,
    /// The language chosen in the window (remembered in Jeton's settings).
    pub lang: Mutex<LangChoice>,
}

impl AppState {
    /// The state for a core that may have failed to start, with the remembered language.
    pub fn new(jeton: Result<Arc<Jeton>, jeton_core::Error>) -> AppState {
        let choice = jeton.as_ref().map(|j| Settings::load(&j.config.data_dir).lang).unwrap_or_default();
        AppState { jeton, lang: Mutex::new(choice) }
    }

    fn lang_choice(&self) -> LangChoice {
        *self.lang.lock().unwrap()
    }

    /// The language Jeton speaks now: the one chosen in the window, or the system's.
    pub fn lang(&self) -> Lang {
        self.lang_choice().resolve(Lang::from_env())
    }

    pub fn jeton(&self) -> Result<Arc<Jeton>, ErrorPayload> {
        self.jeton.clone().map_err(|e| e.payload(self.lang()))
    }

    pub fn fail(&self, e: jeton_core::Error) -> ErrorPayload {
        e.payload(self.lang())
    }
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct AppInfo {
    pub version: String,
    pub lang: Lang,
    pub lang_choice: LangChoice,
    pub github_url: String,
    pub data_dir: String,
}

#[tauri::command]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    let (github_url, data_dir) = match &state.jeton {
        Ok(j) => (j.config.default_host().key(), j.config.data_dir.display().to_string()),
        Err(_) => (String::new(), String::new()),
    };
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        lang: state.lang(),
        lang_choice: state.lang_choice(),
        github_url,
        data_dir,
    }
}

#[tauri::command]
#[specta::specta]
pub async fn keychain_status(state: State<'_, AppState>) -> Result<(), ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.keychain_status().await.map_err(|e| state.fail(e))
}

#[tauri::command]
#[specta::specta]
pub async fn list_tokens(state: State<'_, AppState>) -> Result<Vec<TokenView>, ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.list_checked(state.lang()).await.map_err(|e| state.fail(e))
}

#[tauri::command]
#[specta::specta]
pub async fn add_token(
    state: State<'_, AppState>,
    name: String,
    host: Option<String>,
    token: String,
) -> Result<TokenView, ErrorPayload> {
    let jeton = state.jeton()?;
    let token = jeton_core::Secret::new(token);
    jeton.add(&name, host.as_deref(), token.expose(), state.lang()).await.map_err(|e| state.fail(e))
}

#[tauri::command]
#[specta::specta]
pub async fn recheck_token(state: State<'_, AppState>, id: String) -> Result<TokenView, ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.recheck(&id, state.lang()).await.map_err(|e| state.fail(e))
}

/// One token re-checked, and how far the run has come.
#[derive(Debug, Clone, Serialize, Type)]
pub struct RecheckProgress {
    pub done: u32,
    pub total: u32,
    pub token: TokenView,
}

/// Re-checks every token; each result is sent on `on_progress` as it finishes.
#[tauri::command]
#[specta::specta]
pub async fn recheck_all(
    state: State<'_, AppState>,
    on_progress: Channel<RecheckProgress>,
) -> Result<Vec<TokenView>, ErrorPayload> {
    let jeton = state.jeton()?;
    let send = |p: jeton_core::recheck::RecheckProgress| {
        let event = RecheckProgress { done: p.done as u32, total: p.total as u32, token: p.token };
        let _ = on_progress.send(event);
    };
    jeton.recheck_all(state.lang(), Default::default(), send).await.map_err(|e| state.fail(e))
}

#[tauri::command]
#[specta::specta]
pub async fn forget_token(state: State<'_, AppState>, id: String) -> Result<(), ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.forget(&id).await.map_err(|e| state.fail(e))
}

/// Read-only data, keychain trouble, recovered and missing secrets.
#[tauri::command]
#[specta::specta]
pub async fn vault_health(state: State<'_, AppState>) -> Result<VaultHealth, ErrorPayload> {
    let jeton = state.jeton()?;
    Ok(jeton.health(state.lang()).await)
}

/// Reads Jeton's data again, e.g. after the user restored a backup of the file.
#[tauri::command]
#[specta::specta]
pub async fn reload_vault(state: State<'_, AppState>) -> Result<VaultHealth, ErrorPayload> {
    let jeton = state.jeton()?;
    Ok(jeton.reload(state.lang()).await)
}

/// Names a secret found in the keychain with no token, after checking it with GitHub.
#[tauri::command]
#[specta::specta]
pub async fn adopt_recovered(
    state: State<'_, AppState>,
    id: String,
    name: String,
    host: Option<String>,
) -> Result<TokenView, ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.adopt_recovered(&id, &name, host.as_deref(), state.lang()).await.map_err(|e| state.fail(e))
}

#[tauri::command]
#[specta::specta]
pub async fn delete_recovered(state: State<'_, AppState>, id: String) -> Result<(), ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.delete_recovered(&id).await.map_err(|e| state.fail(e))
}

/// Saves every token's metadata (never a secret) to a file the user picks in the
/// system's save dialog, to move to another machine. `None` when the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_backup(app: tauri::AppHandle, state: State<'_, AppState>) -> Result<Option<String>, ErrorPayload> {
    use tauri_plugin_dialog::DialogExt;
    let jeton = state.jeton()?;
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog().file().set_file_name("jeton-metadata.json").add_filter("JSON", &["json"]).blocking_save_file()
    })
    .await
    .ok()
    .flatten();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else { return Ok(None) };
    jeton.export_backup_to(&path).map_err(|e| state.fail(e))?;
    Ok(Some(path.display().to_string()))
}

#[tauri::command]
#[specta::specta]
pub async fn import_backup(state: State<'_, AppState>, json: String) -> Result<ImportSummary, ErrorPayload> {
    let jeton = state.jeton()?;
    jeton.import_backup(json).await.map_err(|e| state.fail(e))
}

/// Opens one of a token's pages (its SSO authorization, its settings) in the user's
/// browser. Core names the URL and refuses one off the token's host; the web view
/// itself may open no URL (see src-tauri/capabilities/default.json).
#[tauri::command]
#[specta::specta]
pub async fn open_page(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: String,
    page: jeton_core::pages::Page,
) -> Result<(), ErrorPayload> {
    let jeton = state.jeton()?;
    open_token_page(&app, &jeton, &id, page).await.map_err(|e| state.fail(e))
}

/// Opens a token's page in the user's browser (the window's and the tray's way).
pub async fn open_token_page(
    app: &tauri::AppHandle,
    jeton: &Jeton,
    id: &str,
    page: jeton_core::pages::Page,
) -> Result<(), jeton_core::Error> {
    let url = jeton.page_url(id, page)?;
    crate::commands_create::open_in_browser(app, url).await
}

/// The classic scopes as GitHub documents them: a tree with a sentence for each.
#[tauri::command]
#[specta::specta]
pub fn scope_catalogue() -> Vec<jeton_core::github::scopes::ScopeNode> {
    jeton_core::github::scopes::scope_tree()
}

/// Copies a token's secret to the clipboard in Rust (it never reaches the web view),
/// hidden from clipboard history. Returns the seconds until Jeton clears it (0: never),
/// for "Copied — clears in 30 s".
#[tauri::command]
#[specta::specta]
pub async fn copy_token(
    state: State<'_, AppState>,
    copier: State<'_, crate::clipboard::Copier>,
    id: String,
) -> Result<u32, ErrorPayload> {
    let jeton = state.jeton()?;
    let clear = copier.copy_stored(&jeton, &id).await.map_err(|e| state.fail(e))?;
    Ok(clear.as_secs())
}

#[tauri::command]
#[specta::specta]
pub fn set_lang(state: State<'_, AppState>, choice: LangChoice) {
    *state.lang.lock().unwrap() = choice;
    if let Ok(j) = &state.jeton {
        if let Err(e) = Settings::update(&j.config.data_dir, |s| s.lang = choice) {
            tracing::warn!(code = e.code(), "settings: the language choice could not be saved");
        }
    }
}

/// Restores the secret of a token whose keychain entry is gone, after GitHub confirms
/// the pasted token is that token (same account, same host).
#[tauri::command]
#[specta::specta]
pub async fn provide_secret(state: State<'_, AppState>, id: String, token: String) -> Result<TokenView, ErrorPayload> {
    let jeton = state.jeton()?;
    let token = jeton_core::Secret::new(token);
    jeton.provide_secret(&id, token.expose(), state.lang()).await.map_err(|e| state.fail(e))
}
