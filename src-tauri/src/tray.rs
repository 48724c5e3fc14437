//! The tray (F5): an icon for the worst state among the tokens and a menu listing them
//! with Copy / Renew / Open, then "New token…", "Open Jeton", "Quit". Both come from
//! core's model (`jeton_core::tray`). A Linux tray's menu cannot be replaced once set,
//! so the menu is built once and then changed in place with core's `changes`.
//!
//! The tray follows the tokens without polling: it looks again when Jeton's data
//! changes on disk ([`DataChanges`]), when the clock reaches a token's expiry or a
//! local midnight (`jeton_core::tray::next_change`), and at least every ten minutes so
//! that a suspend or a clock change cannot leave it stale.
//!
//! On Linux the tray needs libayatana-appindicator3 (or libappindicator3), loaded at
//! run time by the tray crate, which panics when it is missing: Jeton looks for the
//! library first and, without it, runs with no tray (the window then quits on close).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Duration;

use jeton_core::model::TokenView;
use jeton_core::tray::{self as model, MenuChange, MenuEntry, TrayAction, TrayIcon as IconState, TrayMenu};
use tauri::image::Image;
use tauri::menu::{IsMenuItem, Menu, MenuItem, MenuItemKind, PredefinedMenuItem, Submenu};
use tauri::tray::{TrayIcon, TrayIconBuilder};
use tauri::{AppHandle, Emitter, Manager, Wry};

use crate::commands::AppState;
use crate::data_watch::DataChanges;
use crate::window::show_main;

/// Never longer than this without reading the wall clock again.
const LONGEST_SLEEP: Duration = Duration::from_secs(600);

/// The event the window receives to show a token ("Open" in the tray); payload: its id.
pub const OPEN_TOKEN_EVENT: &str = "tray-open-token";
/// The event the window receives for "New token…".
pub const NEW_TOKEN_EVENT: &str = "tray-new-token";

/// The tray as shown: its icon, its menu and the model they were built from.
pub struct Tray {
    icon: TrayIcon<Wry>,
    menu: Menu<Wry>,
    shown: Mutex<Shown>,
}

struct Shown {
    model: TrayMenu,
    /// Every item of the menu (submenus' included) by its model id.
    items: HashMap<String, MenuItemKind<Wry>>,
}

/// Whether Jeton has a tray (so that closing the window can keep it running).
pub fn present(app: &AppHandle) -> bool {
    app.try_state::<Tray>().is_some()
}

/// Creates the tray and the task that keeps it current. Without the indicator library,
/// or when the tray cannot be created, says so once and leaves Jeton without a tray.
pub fn start(app: &AppHandle, changes: Option<DataChanges>) {
    if !indicator_library_loads() {
        tracing::warn!("tray: libayatana-appindicator3 is not installed, Jeton runs without a tray icon");
        return;
    }
    let first = model::menu(&tokens_now(app), lang(app));
    match create(app, first) {
        Ok(tray) => {
            app.manage(tray);
        }
        Err(e) => {
            tracing::warn!(error = %e, "tray: could not be created, Jeton runs without a tray icon");
            return;
        }
    }
    let app = app.clone();
    tauri::async_runtime::spawn(async move { keep_current(app, changes).await });
}

/// Loops for the life of the app: refresh, then sleep until the next reason to.
async fn keep_current(app: AppHandle, mut changes: Option<DataChanges>) {
    loop {
        let tokens = tokens_checked(&app).await;
        refresh(&app, &tokens);
        let now = chrono::Utc::now();
        let until_change = model::next_change(&tokens, now).and_then(|t| (t - now).to_std().ok());
        let sleep = until_change.map_or(LONGEST_SLEEP, |d| d.min(LONGEST_SLEEP));
        match &mut changes {
            Some(DataChanges(rx)) => {
                tokio::select! {
                    changed = rx.changed() => if changed.is_err() { changes = None },
                    _ = tokio::time::sleep(sleep) => {}
                }
            }
            None => tokio::time::sleep(sleep).await,
        }
    }
}

fn lang(app: &AppHandle) -> jeton_core::i18n::Lang {
    app.state::<AppState>().lang()
}

/// The tokens as stored, without asking the keychain (for the first menu, at start).
fn tokens_now(app: &AppHandle) -> Vec<TokenView> {
    let state = app.state::<AppState>();
    state.jeton.as_ref().ok().and_then(|j| j.list(state.lang()).ok()).unwrap_or_default()
}

/// The tokens, those whose secret is gone from the keychain marked (Copy disabled).
async fn tokens_checked(app: &AppHandle) -> Vec<TokenView> {
    let state = app.state::<AppState>();
    let Ok(jeton) = state.jeton.clone() else { return vec![] };
    jeton.list_checked(state.lang()).await.unwrap_or_else(|e| {
        tracing::warn!(code = e.code(), "tray: the tokens could not be read");
        tokens_now(app)
    })
}

fn create(app: &AppHandle, first: TrayMenu) -> tauri::Result<Tray> {
    let menu = Menu::with_id(app, "tray")?;
    let mut items = HashMap::new();
    for entry in &first.entries {
        menu.append(&build_entry(app, entry, &mut items)?)?;
    }
    let icon = TrayIconBuilder::with_id("jeton")
        .icon(icon_image(first.icon))
        .menu(&menu)
        .on_menu_event(|app, event| on_menu(app, event.id().as_ref()))
        .build(app)?;
    Ok(Tray { icon, menu, shown: Mutex::new(Shown { model: first, items }) })
}

/// Shows `tokens` in the tray: the icon when its state changed, the menu's items
/// changed in place.
fn refresh(app: &AppHandle, tokens: &[TokenView]) {
    let Some(tray) = app.try_state::<Tray>() else { return };
    let new = model::menu(tokens, lang(app));
    let mut shown = tray.shown.lock().unwrap_or_else(|p| p.into_inner());
    if new == shown.model {
        return;
    }
    if new.icon != shown.model.icon {
        if let Err(e) = tray.icon.set_icon(Some(icon_image(new.icon))) {
            tracing::warn!(error = %e, "tray: the icon could not be changed");
        }
    }
    // A submenu's own label cannot be changed in place on Linux (muda's GTK submenu
    // item holds its label in a box, which GtkMenuItem's set_label does not reach, so
    // the tray never sees it): such an entry is replaced once the rest is applied.
    let mut replace = vec![];
    for change in model::changes(&shown.model, &new) {
        tracing::debug!(?change, "tray: menu change");
        let done = match change {
            MenuChange::Update { item } if matches!(shown.items.get(&item.id), Some(MenuItemKind::Submenu(_))) => {
                replace.push(item.id);
                Ok(())
            }
            change => apply(app, &tray.menu, &mut shown.items, change),
        };
        if let Err(e) = done {
            tracing::warn!(error = %e, "tray: a menu item could not be changed");
        }
    }
    for id in replace {
        let Some((index, entry)) = new.entries.iter().enumerate().find(|(_, e)| e.id() == id) else { continue };
        let again = remove(&tray.menu, &mut shown.items, &id)
            .and_then(|_| tray.menu.insert(&build_entry(app, entry, &mut shown.items)?, index));
        if let Err(e) = again {
            tracing::warn!(error = %e, "tray: a token's line could not be changed");
        }
    }
    shown.model = new;
}

/// Removes the top-level entry `id` (a token's submenu with its Copy / Renew / Open).
fn remove(menu: &Menu<Wry>, items: &mut HashMap<String, MenuItemKind<Wry>>, id: &str) -> tauri::Result<()> {
    if let Some(kind) = items.remove(id) {
        menu.remove(&kind)?;
    }
    items.retain(|k, _| !k.starts_with(&format!("{id}/")));
    Ok(())
}

fn apply(
    app: &AppHandle,
    menu: &Menu<Wry>,
    items: &mut HashMap<String, MenuItemKind<Wry>>,
    change: MenuChange,
) -> tauri::Result<()> {
    match change {
        MenuChange::Remove { id } => remove(menu, items, &id)?,
        MenuChange::Insert { index, entry } => menu.insert(&build_entry(app, &entry, items)?, index)?,
        MenuChange::Update { item } => {
            if let Some(MenuItemKind::MenuItem(i)) = items.get(&item.id) {
                i.set_text(label(&item.label))?;
                i.set_enabled(item.enabled)?;
            }
        }
    }
    Ok(())
}

/// GTK reads `&` as a mnemonic mark; a token's name shows as written.
fn label(text: &str) -> String {
    text.replace('&', "&&")
}

fn build_item(app: &AppHandle, item: &model::MenuItem) -> tauri::Result<MenuItem<Wry>> {
    MenuItem::with_id(app, &item.id, label(&item.label), item.enabled, None::<&str>)
}

/// The real menu entry for a model entry, recorded in `items`.
fn build_entry(
    app: &AppHandle,
    entry: &MenuEntry,
    items: &mut HashMap<String, MenuItemKind<Wry>>,
) -> tauri::Result<MenuItemKind<Wry>> {
    let kind = match entry {
        MenuEntry::Item(item) => MenuItemKind::MenuItem(build_item(app, item)?),
        MenuEntry::Separator { .. } => MenuItemKind::Predefined(PredefinedMenuItem::separator(app)?),
        MenuEntry::Submenu { item, items: children } => {
            let sub = Submenu::with_id(app, &item.id, label(&item.label), item.enabled)?;
            for child in children {
                let built = build_item(app, child)?;
                sub.append(&built as &dyn IsMenuItem<Wry>)?;
                items.insert(child.id.clone(), MenuItemKind::MenuItem(built));
            }
            MenuItemKind::Submenu(sub)
        }
    };
    items.insert(entry.id().to_owned(), kind.clone());
    Ok(kind)
}

fn icon_image(state: IconState) -> Image<'static> {
    match state {
        IconState::Ok => tauri::include_image!("icons/tray/ok.png"),
        IconState::Expiring => tauri::include_image!("icons/tray/expiring.png"),
        IconState::Bad => tauri::include_image!("icons/tray/bad.png"),
    }
}

/// What a click on a menu item does (Linux trays send no click on the icon itself).
fn on_menu(app: &AppHandle, id: &str) {
    let Some(action) = model::action_of(id) else { return };
    match action {
        TrayAction::Copy(token) => {
            let app = app.clone();
            tauri::async_runtime::spawn(async move { copy(&app, &token).await });
        }
        TrayAction::Renew(token) => {
            let app = app.clone();
            tauri::async_runtime::spawn(async move { renew(&app, &token).await });
        }
        TrayAction::Open(token) => {
            show_main(app);
            let _ = app.emit(OPEN_TOKEN_EVENT, token);
        }
        TrayAction::NewToken => {
            show_main(app);
            let _ = app.emit(NEW_TOKEN_EVENT, ());
        }
        TrayAction::OpenJeton => show_main(app),
        TrayAction::Quit => app.exit(0),
    }
}

async fn copy(app: &AppHandle, token: &str) {
    let state = app.state::<AppState>();
    let Ok(jeton) = state.jeton.clone() else { return };
    let copier = app.state::<crate::clipboard::Copier>();
    if let Err(e) = copier.copy_stored(&jeton, token).await {
        tracing::warn!(code = e.code(), "tray: the token could not be copied");
        crate::notice::show_error(&e, state.lang());
    }
}

async fn renew(app: &AppHandle, token: &str) {
    let state = app.state::<AppState>();
    let Ok(jeton) = state.jeton.clone() else { return };
    let page = jeton_core::pages::Page::Settings;
    if let Err(e) = crate::commands::open_token_page(app, &jeton, token, page).await {
        tracing::warn!(code = e.code(), "tray: the token's page could not be opened");
        crate::notice::show_error(&e, state.lang());
    }
}

/// Whether the tray crate will find its library (it panics when it does not).
#[cfg(target_os = "linux")]
fn indicator_library_loads() -> bool {
    // The names libappindicator-sys tries, in its order.
    const NAMES: [&str; 4] = [
        "libayatana-appindicator3.so.1",
        "libappindicator3.so.1",
        "libayatana-appindicator3.so",
        "libappindicator3.so",
    ];
    any_loads(&NAMES)
}

#[cfg(target_os = "linux")]
fn any_loads(names: &[&str]) -> bool {
    // SAFETY: these libraries run no code of their own on load beyond GTK's, which the
    // app links already; the handle is closed at once.
    names.iter().any(|n| unsafe { libloading::Library::new(n) }.is_ok())
}

#[cfg(not(target_os = "linux"))]
fn indicator_library_loads() -> bool {
    true
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;

    #[test]
    fn a_missing_indicator_library_is_seen_before_the_tray_crate_loads_it() {
        assert!(!any_loads(&["libjeton-no-such-indicator.so.1"]));
        assert!(indicator_library_loads(), "libayatana-appindicator3-1 is installed by scripts/deps");
    }

    #[test]
    fn a_tokens_name_keeps_its_ampersand() {
        assert_eq!(label("build & deploy (octocat)"), "build && deploy (octocat)");
    }
}
