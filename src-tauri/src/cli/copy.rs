//! `jeton copy NAME [--clear-after SECONDS]`: puts a stored token on the clipboard,
//! kept out of clipboard history. On X11 the clipboard lives only as long as the
//! process that copied, so this leaves a small holder behind (the same binary,
//! re-run with a hidden subcommand, in its own process group): it gets the secret
//! through a pipe on its standard input (never arguments or environment), serves the
//! clipboard until the clear time, clears it if it still holds the token, and exits.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use jeton_core::clipboard::ClearAfter;
use jeton_core::i18n::Lang;
use jeton_core::{Error, Secret};

use super::output;
use super::text::{self, Key};

/// The hidden subcommand the holder runs.
pub const HOLDER_COMMAND: &str = "__hold-clipboard";
/// The holder's first line when the clipboard holds the token; otherwise it writes
/// `error ` and why.
const READY: &str = "ready";

// Help texts and placeholders: `text.rs`, set by `command.rs`.
#[derive(clap::Args)]
pub struct Args {
    name: String,
    #[arg(long)]
    clear_after: Option<u32>,
}

/// The holder's arguments; the secret comes on standard input.
#[derive(clap::Args)]
pub struct HoldArgs {
    /// Seconds before clearing (0: never).
    #[arg(long)]
    clear_after: u32,
}

pub async fn run(a: Args, lang: Lang) -> i32 {
    let jeton = match super::open(lang, false) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let clear = a.clear_after.map(ClearAfter::secs).unwrap_or_else(|| jeton.clear_after());
    let copied = match jeton.secret_to_copy(&a.name).await {
        Ok(secret) => start_holder(&secret, clear),
        Err(e) => Err(e),
    };
    if let Err(e) = copied {
        return output::fail(&e, lang, false);
    }
    let message = match clear.as_secs() {
        0 => text::tf(lang, Key::CopyDoneNever, &[("name", &a.name)]),
        s => text::tf(lang, Key::CopyDone, &[("name", &a.name), ("secs", &s.to_string())]),
    };
    println!("{message}");
    super::OK
}

/// Starts the holder and returns once it says the clipboard holds the token.
fn start_holder(secret: &Secret, clear: ClearAfter) -> Result<(), Error> {
    let failed = |detail: String| Error::ClipboardUnavailable { detail };
    let exe = std::env::current_exe().map_err(|e| failed(e.to_string()))?;
    let mut cmd = Command::new(exe);
    cmd.args([HOLDER_COMMAND, "--clear-after", &clear.as_secs().to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    // Its own process group: a Ctrl-C in this terminal does not end it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd.spawn().map_err(|e| failed(e.to_string()))?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(secret.expose().as_bytes()).map_err(|e| failed(e.to_string()))?;
    drop(stdin);
    let mut line = String::new();
    let stdout = child.stdout.take().expect("piped stdout");
    BufReader::new(stdout).read_line(&mut line).map_err(|e| failed(e.to_string()))?;
    match line.trim_end() {
        READY => Ok(()),
        other => Err(failed(other.strip_prefix("error ").unwrap_or("the clipboard holder stopped").to_owned())),
    }
}

/// The holder: reads the secret, serves it, then clears it if it is still there.
pub fn hold(a: HoldArgs) -> i32 {
    let Ok(input) = super::read_token("-", Lang::En) else { return super::FAILED };
    let secret = Secret::new(input);
    let said = crate::clipboard::hold(&secret, ClearAfter::secs(a.clear_after), || {
        let mut out = std::io::stdout();
        let _ = writeln!(out, "{READY}");
        let _ = out.flush();
    });
    match said {
        Ok(()) => super::OK,
        Err(e) => {
            let detail = match &e {
                Error::ClipboardUnavailable { detail } => detail.clone(),
                other => other.code().to_owned(),
            };
            let _ = writeln!(std::io::stdout(), "error {detail}");
            super::FAILED
        }
    }
}
