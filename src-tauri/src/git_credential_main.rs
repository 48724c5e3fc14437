//! `git-credential-jeton get|store|erase`: Jeton as git's credential helper, the slim
//! program `jeton setup-git` points git at. It runs what `jeton git-credential` runs
//! (`jeton_core::gitcred::helper`), without the desktop's libraries (GTK, WebKit), which
//! `jeton` loads at every start even for a command: git waits for its helper on every
//! fetch and push. Named as git names helpers, so `credential.helper = jeton` finds it on
//! the PATH too.

use jeton_core::i18n::Lang;

fn main() {
    let lang = Lang::from_env();
    let operation = std::env::args().nth(1).unwrap_or_default();
    match operation.as_str() {
        "-h" | "--help" => return println!("{}", help(lang)),
        "-V" | "--version" => return println!("git-credential-jeton {}", env!("CARGO_PKG_VERSION")),
        _ => {}
    }
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into());
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
    let Ok(rt) = tokio::runtime::Builder::new_current_thread().enable_all().build() else { return };
    rt.block_on(jeton_core::gitcred::helper::run(&operation, lang));
}

/// Points to `jeton git-credential --help`, which says what each operation does (the
/// CLI's texts live with the app, which this program does not load).
fn help(lang: Lang) -> &'static str {
    match lang {
        Lang::En => {
            "Usage: git-credential-jeton get|store|erase\n\nGit's credential helper for the tokens Jeton keeps, \
             which `jeton setup-git` sets up. It does what `jeton git-credential` does: see \
             `jeton git-credential --help`."
        }
        Lang::Fr => {
            "Usage : git-credential-jeton get|store|erase\n\nL'assistant d'identification de git pour les jetons \
             que garde Jeton, que `jeton setup-git` installe. Il fait ce que fait `jeton git-credential` : voir \
             `jeton git-credential --help`."
        }
    }
}
