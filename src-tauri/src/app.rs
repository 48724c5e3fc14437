//! The desktop app: window, state and commands.

use std::sync::Arc;

use jeton_core::service::Jeton;

use crate::commands::AppState;

pub fn run() {
    crate::cli::init_tracing();
    let builder = crate::specta_builder();
    let jeton = Jeton::from_env().map(Arc::new);
    if let Err(e) = &jeton {
        tracing::error!(code = e.code(), "Jeton could not start its core");
    }
    let state = AppState::new(jeton);
    tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(crate::clipboard::Copier::default())
        .manage(crate::clipboard_watch::Watcher::default())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            Ok(())
        })
        .build(tauri::generate_context!())
        .expect("error while building Jeton")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // A token copied from Jeton leaves with it, unless something else was copied since.
                use tauri::Manager;
                app.state::<crate::clipboard::Copier>().clear(None);
            }
        });
}
