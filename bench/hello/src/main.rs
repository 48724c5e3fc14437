//! A bare Tauri window: Jeton's Tauri version and window size, a static page that
//! reports its first paint the way Jeton's UI does. bench/app.rs starts it beside
//! Jeton and reads `BENCH {"first_paint_ms":…}` on its stdout.

use std::sync::OnceLock;
use std::time::Instant;

use tauri::Manager;

static START: OnceLock<Instant> = OnceLock::new();

/// The page's first frame is painted: prints the time since `main` (JETON_BENCH set).
#[tauri::command]
fn first_paint() {
    if std::env::var_os("JETON_BENCH").is_some() {
        let ms = START.get().map_or(0.0, |s| s.elapsed().as_secs_f64() * 1000.0);
        println!("BENCH {{\"first_paint_ms\":{ms:.1}}}");
    }
}

fn main() {
    START.get_or_init(Instant::now);
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![first_paint])
        .setup(|app| {
            // Shown once set up, as Jeton's window is (tauri.conf.json: visible false).
            if let Some(w) = app.get_webview_window("main") {
                w.show()?;
            }
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the bare window could not start");
}
