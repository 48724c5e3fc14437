//! `jeton check [--offline] [--host URL] [--json] -`

use jeton_core::i18n::Lang;

use super::output;

#[derive(clap::Args)]
pub struct Args {
    /// Only check the format; make no network call.
    #[arg(long)]
    offline: bool,
    /// The host's web URL (default github.com), e.g. https://ghe.example.com.
    #[arg(long)]
    host: Option<String>,
    #[arg(long)]
    json: bool,
    /// `-`: read the token from standard input.
    token: String,
}

pub async fn run(a: Args, lang: Lang) -> i32 {
    let input = match super::read_token(&a.token) {
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
        println!("{}", output::token_line(&outcome.view));
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
