// Keep Windows from opening a console for the desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // `jeton` alone starts the desktop app; `jeton SUBCOMMAND` runs the CLI.
    if std::env::args_os().len() > 1 {
        std::process::exit(jeton_app::cli::run());
    }
    jeton_app::app::run();
}
