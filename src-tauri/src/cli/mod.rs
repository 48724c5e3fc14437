//! The command line (a contract: the README's table, docs/architecture.md). Each subcommand
//! lives in its own module; all of them call core.

mod add;
mod check;
mod list;
mod output;
mod recheck;
mod status;

use std::io::Read;

use clap::{Parser, Subcommand};
use jeton_core::i18n::Lang;
use jeton_core::service::Jeton;

/// Exit codes of the contract.
pub const OK: i32 = 0;
pub const FAILED: i32 = 1;
pub const USAGE: i32 = 2;

#[derive(Parser)]
#[command(name = "jeton", version, about = "Keeps your GitHub tokens. Run without arguments for the desktop app.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a token read from standard input (`-`): its format, then GitHub's answer.
    Check(check::Args),
    /// Check a token read from standard input (`-`), then store it in the keychain.
    Add(add::Args),
    /// List stored tokens (never their secrets).
    List(list::Args),
    /// Statuses from what Jeton recorded; fails when a token needs attention.
    Status(status::Args),
    /// Ask GitHub again about every stored token.
    Recheck(recheck::Args),
}

pub fn run() -> i32 {
    init_tracing();
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { USAGE } else { OK };
            let _ = e.print();
            return code;
        }
    };
    let lang = Lang::from_env();
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("tokio runtime");
    rt.block_on(async {
        match cli.command {
            Command::Check(a) => check::run(a, lang).await,
            Command::Add(a) => add::run(a, lang).await,
            Command::List(a) => list::run(a, lang).await,
            Command::Status(a) => status::run(a, lang).await,
            Command::Recheck(a) => recheck::run(a, lang).await,
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
    let tokens = jeton.list().map_err(|e| output::fail(&e, lang, json))?;
    Ok((jeton, tokens))
}

/// Reads a token from standard input when the argument is `-`. Tokens never come from
/// arguments: they would land in shell history and `ps`.
fn read_token(arg: &str) -> Result<String, i32> {
    if arg != "-" {
        eprintln!("jeton: pass the token on standard input and write `-` in its place (a token in the arguments would be visible to other users and kept in shell history).");
        return Err(USAGE);
    }
    let mut s = String::new();
    std::io::stdin().take(64 * 1024).read_to_string(&mut s).map_err(|e| {
        eprintln!("jeton: could not read standard input: {e}");
        USAGE
    })?;
    Ok(s)
}
