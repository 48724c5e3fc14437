// Keep Windows from opening a console for the desktop app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // `jeton` alone starts the desktop app (`jeton --background`, from the login entry,
    // starts it in the tray); `jeton SUBCOMMAND` runs the CLI.
    let args: Vec<_> = std::env::args_os().skip(1).collect();
    match args.as_slice() {
        [] => jeton_app::app::run(false),
        [arg] if arg == jeton_app::window::BACKGROUND_ARG => jeton_app::app::run(true),
        _ => std::process::exit(jeton_app::cli::run()),
    }
}
