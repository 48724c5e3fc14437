//! The desktop app: window, tray, state and commands.

use std::sync::Arc;

use jeton_core::service::Jeton;
use tauri::Manager;

use crate::commands::AppState;

/// Starts the desktop app; `background` (the login entry) starts it in the tray,
/// without its window, when there is a tray to start in.
pub fn run(background: bool) {
    crate::startup::mark_start();
    crate::cli::init_tracing();
    let builder = crate::specta_builder();
    let jeton = Jeton::from_env().map(Arc::new);
    if let Err(e) = &jeton {
        tracing::error!(code = e.code(), "Jeton could not start its core");
    }
    let context = tauri::generate_context!();
    // First: a second launch hands over to the first before anything else starts.
    let single = crate::window::single_instance(&context.config().identifier, jeton.as_ref().ok().map(|j| &j.config));
    let watch = jeton.as_ref().ok().and_then(|j| crate::data_watch::watch(&j.config.data_dir));
    let state = AppState::new(jeton);
    tauri::Builder::default()
        .plugin(single)
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(crate::autostart::plugin())
        .manage(state)
        .manage(crate::clipboard::Copier::default())
        .manage(crate::clipboard_watch::Watcher::default())
        .invoke_handler(builder.invoke_handler())
        .on_window_event(crate::window::on_event)
        .setup(move |app| {
            builder.mount_events(app);
            crate::startup::listen(app.handle());
            let changes = watch.as_ref().map(|w| w.changes.clone());
            crate::reminders::start(app.handle(), changes.clone());
            crate::tray::start(app.handle(), changes);
            if let Some(w) = watch {
                app.manage(w);
            }
            crate::autostart::refresh(app.handle());
            if !(background && crate::tray::present(app.handle())) {
                crate::window::show_main(app.handle());
            }
            Ok(())
        })
        .build(context)
        .expect("error while building Jeton")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // A token copied from Jeton leaves with it, unless something else was copied since.
                app.state::<crate::clipboard::Copier>().clear(None);
            }
        });
}
