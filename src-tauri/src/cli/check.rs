//! `jeton check [--offline] [--host URL] [--json] -`

use jeton_core::i18n::Lang;

use super::output;

// Help texts and placeholders: `text.rs`, set by `command.rs`.
#[derive(clap::Args)]
pub struct Args {
    // `-`: the token comes on standard input. First, so help lists it first.
    token: String,
    #[arg(long)]
    offline: bool,
    #[arg(long)]
    host: Option<String>,
    #[arg(long)]
    json: bool,
}

pub async fn run(a: Args, lang: Lang) -> i32 {
    let input = match super::read_token(&a.token, lang) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let jeton = match super::open(lang, a.json) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let outcome = jeton.check(&input, a.host.as_deref(), a.offline, lang).await;
    if a.json {
        output::print_json(&output::token_json(&outcome.view));
    } else {
        println!("{}", output::token_line(&outcome.view, lang));
        if let Some(e) = &outcome.view.error {
            eprintln!("jeton: {}", e.message);
        }
    }
    if outcome.ok {
        super::OK
    } else {
        super::FAILED
    }
}
