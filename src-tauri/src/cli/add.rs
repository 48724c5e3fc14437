//! `jeton add --name NAME [--host URL] [--json] -`

use jeton_core::i18n::Lang;

use super::output;

#[derive(clap::Args)]
pub struct Args {
    /// A name to find the token by (unique).
    #[arg(long)]
    name: String,
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
    match jeton.add(&a.name, a.host.as_deref(), &input).await {
        Ok(view) => {
            if a.json {
                output::print_json(&output::token_json(&view));
            } else {
                println!("{}", output::token_line(&view));
            }
            super::OK
        }
        Err(e) => output::fail(&e, lang, a.json),
    }
}
