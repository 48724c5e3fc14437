//! The command line (a contract: the README's table, docs/architecture.md). Each subcommand
//! lives in its own module; all of them call core.

mod add;
mod app;
mod app_review;
mod check;
mod command;
mod completions;
mod copy;
mod create_url;
mod discover;
mod git_credential;
mod list;
mod output;
mod recheck;
mod revoke;
mod setup_git;
mod status;
mod text;
mod text_app;

use std::io::Read;

use clap::{Parser, Subcommand};
use jeton_core::i18n::Lang;
use jeton_core::service::Jeton;

/// Exit codes of the contract.
pub const OK: i32 = 0;
pub const FAILED: i32 = 1;
pub const USAGE: i32 = 2;

/// The parser's shape; `command::command` gives it its texts in the user's language.
#[derive(Parser)]
#[command(name = "jeton", version, disable_help_subcommand = true, disable_version_flag = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Check(check::Args),
    Add(add::Args),
    List(list::Args),
    Status(status::Args),
    Recheck(recheck::Args),
    Copy(copy::Args),
    CreateUrl(create_url::Args),
    GitCredential(git_credential::Args),
    SetupGit(setup_git::Args),
    Revoke(revoke::Args),
    Forget(revoke::Args),
    Discover(discover::Args),
    ImportFound(discover::ImportArgs),
    Completions(completions::Args),
    App(app::Args),
    /// The background holder `jeton copy` leaves to serve the clipboard.
    #[command(name = copy::HOLDER_COMMAND, hide = true)]
    HoldClipboard(copy::HoldArgs),
    Help(HelpArgs),
}

#[derive(clap::Args)]
struct HelpArgs {
    command: Option<String>,
}

pub fn run() -> i32 {
    init_tracing();
    let lang = Lang::from_env();
    let cli = match command::parse(lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    rt.block_on(async {
        match cli.command {
            Command::Check(a) => check::run(a, lang).await,
            Command::Add(a) => add::run(a, lang).await,
            Command::List(a) => list::run(a, lang).await,
            Command::Status(a) => status::run(a, lang).await,
            Command::Recheck(a) => recheck::run(a, lang).await,
            Command::Copy(a) => copy::run(a, lang).await,
            Command::CreateUrl(a) => create_url::run(a, lang),
            Command::GitCredential(a) => git_credential::run(a, lang).await,
            Command::SetupGit(a) => setup_git::run(a, lang),
            Command::Revoke(a) => revoke::revoke(a, lang).await,
            Command::Forget(a) => revoke::forget(a, lang).await,
            Command::Discover(a) => discover::run(a, lang).await,
            Command::ImportFound(a) => discover::import(a, lang).await,
            Command::Completions(a) => completions::run(a, lang),
            Command::App(a) => app::run(a, lang).await,
            Command::HoldClipboard(a) => copy::hold(a),
            Command::Help(a) => command::help(lang, a.command.as_deref()),
        }
    })
}

/// Logs go to stderr, at `warn` unless `RUST_LOG` says otherwise, coloured only when
/// stderr is a terminal. No secret is ever passed to a log macro.
pub fn init_tracing() {
    use std::io::IsTerminal;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "warn".into());
    let ansi = std::io::stderr().is_terminal();
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_ansi(ansi).with_writer(std::io::stderr).try_init();
}

/// Opens the core, or prints why it cannot and returns the exit code.
fn open(lang: Lang, json: bool) -> Result<Jeton, i32> {
    Jeton::from_env().map_err(|e| output::fail(&e, lang, json))
}

/// Opens the core and lists every token, or prints why it cannot.
fn open_and_list(lang: Lang, json: bool) -> Result<(Jeton, Vec<jeton_core::model::TokenView>), i32> {
    let jeton = open(lang, json)?;
    let tokens = jeton.list(lang).map_err(|e| output::fail(&e, lang, json))?;
    Ok((jeton, tokens))
}

/// Reads a token from standard input when the argument is `-`. Tokens never come from
/// arguments: they would land in shell history and `ps`.
fn read_token(arg: &str, lang: Lang) -> Result<String, i32> {
    if arg != "-" {
        eprintln!("jeton: {}", text::t(lang, text::Key::TokenInArguments));
        return Err(USAGE);
    }
    let mut s = String::new();
    std::io::stdin().take(64 * 1024).read_to_string(&mut s).map_err(|e| {
        eprintln!("jeton: {}", text::tf(lang, text::Key::StdinUnreadable, &[("detail", &e.to_string())]));
        USAGE
    })?;
    Ok(s)
}
