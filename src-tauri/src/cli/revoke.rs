//! `jeton revoke NAME [--yes]` (revoke at GitHub, then forget) and `jeton forget NAME
//! [--yes]` (remove from Jeton only). Both ask first on a terminal; without one they
//! need `--yes`, so that a script never destroys a token by accident. Exit 0 when done,
//! 1 otherwise (refused, not confirmed, or a host where the token is deleted on its
//! settings page).

use std::io::{BufRead, IsTerminal, Write};

use jeton_core::i18n::Lang;
use jeton_core::revoke::{RevokeOutcome, RevokeRoute};
use jeton_core::service::Jeton;

use super::output;
use super::text::{self, Key};

// Help texts and placeholders: `text.rs`, set by `command.rs`.
#[derive(clap::Args)]
pub struct Args {
    name: String,
    #[arg(long)]
    yes: bool,
}

pub async fn revoke(a: Args, lang: Lang) -> i32 {
    let jeton = match super::open(lang, false) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let route = match jeton.revoke_route(&a.name) {
        Ok(r) => r,
        Err(e) => return output::fail(&e, lang, false),
    };
    if let RevokeRoute::SettingsPage { url } = route {
        return on_page(lang, &a.name, &url);
    }
    if let Err(code) = confirmed(&jeton, &a, lang, Key::RevokeAsk) {
        return code;
    }
    match jeton.revoke(&a.name).await {
        Ok(RevokeOutcome::Revoked) => {
            println!("{}", text::tf(lang, Key::RevokeDone, &[("name", &a.name)]));
            super::OK
        }
        Ok(RevokeOutcome::OpenSettings { url }) => on_page(lang, &a.name, &url),
        Err(e) => output::fail(&e, lang, false),
    }
}

pub async fn forget(a: Args, lang: Lang) -> i32 {
    let jeton = match super::open(lang, false) {
        Ok(j) => j,
        Err(code) => return code,
    };
    if let Err(code) = confirmed(&jeton, &a, lang, Key::ForgetAsk) {
        return code;
    }
    match jeton.forget(&a.name).await {
        Ok(()) => {
            println!("{}", text::tf(lang, Key::ForgetDone, &[("name", &a.name)]));
            super::OK
        }
        Err(e) => output::fail(&e, lang, false),
    }
}

/// The token has no revocation API on its host: where to delete it, and what then.
fn on_page(lang: Lang, name: &str, url: &str) -> i32 {
    eprintln!("jeton: {}", text::tf(lang, Key::RevokeOnPage, &[("name", name), ("url", url)]));
    super::FAILED
}

/// Goes on with `--yes`, or when the person at the terminal says yes to `question`.
fn confirmed(jeton: &Jeton, a: &Args, lang: Lang, question: Key) -> Result<(), i32> {
    // An unknown name is said before any question.
    let record = jeton.vault.find(&a.name).map_err(|e| output::fail(&e, lang, false))?;
    if a.yes {
        return Ok(());
    }
    let who = format!("{}@{}", record.login.as_deref().unwrap_or(text::t(lang, Key::Unknown)), record.host);
    let question = text::tf(lang, question, &[("name", &a.name), ("who", &who)]);
    confirm(lang, &question, &a.name)
}

/// Asks `question` at the terminal: `Ok` on yes; otherwise says why nothing was done
/// (a no, or no terminal to ask at: then `--yes` is needed for `name`) and gives the
/// exit code.
pub(super) fn confirm(lang: Lang, question: &str, name: &str) -> Result<(), i32> {
    let terminal = std::io::stdin().is_terminal();
    match ask(lang, terminal, question, &mut std::io::stdin().lock(), &mut std::io::stderr()) {
        Answer::Yes => Ok(()),
        Answer::No => {
            eprintln!("{}", text::t(lang, Key::NotConfirmed));
            Err(super::FAILED)
        }
        Answer::NoTerminal => {
            eprintln!("jeton: {}", text::tf(lang, Key::NeedYes, &[("name", name)]));
            Err(super::FAILED)
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Answer {
    Yes,
    No,
    NoTerminal,
}

/// Asks `question` on `out` and reads one line: "y"/"yes" (and in French "o"/"oui")
/// is yes, anything else (an empty line, end of input) no. Without a terminal nothing
/// is asked.
pub(super) fn ask(lang: Lang, terminal: bool, question: &str, input: &mut dyn BufRead, out: &mut dyn Write) -> Answer {
    if !terminal {
        return Answer::NoTerminal;
    }
    let _ = write!(out, "{question} {} ", text::t(lang, Key::ConfirmChoices));
    let _ = out.flush();
    let mut line = String::new();
    if input.read_line(&mut line).is_err() {
        return Answer::No;
    }
    let word = line.trim().to_lowercase();
    let yes = matches!(word.as_str(), "y" | "yes") || (lang == Lang::Fr && matches!(word.as_str(), "o" | "oui"));
    if yes {
        Answer::Yes
    } else {
        Answer::No
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(lang: Lang, terminal: bool, typed: &str) -> (Answer, String) {
        let mut out = Vec::new();
        let a = ask(lang, terminal, "Revoke?", &mut typed.as_bytes(), &mut out);
        (a, String::from_utf8(out).unwrap())
    }

    #[test]
    fn only_a_yes_typed_at_a_terminal_goes_on() {
        assert_eq!(answer(Lang::En, true, "yes\n").0, Answer::Yes);
        assert_eq!(answer(Lang::En, true, "Y\n").0, Answer::Yes);
        assert_eq!(answer(Lang::Fr, true, "oui\n").0, Answer::Yes);
        for typed in ["\n", "", "no\n", "oui\n", "yess\n"] {
            assert_eq!(answer(Lang::En, true, typed).0, Answer::No, "{typed:?}");
        }
        let (a, asked) = answer(Lang::En, false, "yes\n");
        assert_eq!((a, asked.as_str()), (Answer::NoTerminal, ""), "nothing is asked without a terminal");
    }

    #[test]
    fn the_questions_say_it_cannot_be_undone_and_who_is_emailed() {
        let vars = [("name", "laptop"), ("who", "octocat@https://github.com")];
        let en = text::tf(Lang::En, Key::RevokeAsk, &vars);
        assert!(en.contains("cannot be undone") && en.contains("emails the token's owner"), "{en}");
        let fr = text::tf(Lang::Fr, Key::RevokeAsk, &vars);
        assert!(fr.contains("irréversible") && fr.contains("courriel"), "{fr}");
        let forget = text::tf(Lang::En, Key::ForgetAsk, &vars);
        assert!(forget.contains("still works at GitHub"), "{forget}");
        let (_, asked) = answer(Lang::Fr, true, "\n");
        assert!(asked.ends_with("[o/N] "), "{asked}");
    }
}
