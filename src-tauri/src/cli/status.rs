//! `jeton status [--within DURATION] [--json]`: statuses from what Jeton recorded (no
//! network); exits 1 when a token is invalid or expired, or expires within DURATION.

use jeton_core::i18n::Lang;
use jeton_core::status::{fails_within, parse_span};
use serde_json::Value;

use super::output;
use super::text::{self, Key};

// Help texts and placeholders: `text.rs`, set by `command.rs`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    within: Option<String>,
    #[arg(long)]
    json: bool,
}

pub async fn run(a: Args, lang: Lang) -> i32 {
    let within = match a.within.as_deref().map(|w| (w, parse_span(w))) {
        None => None,
        Some((_, Some(d))) => Some(d),
        Some((w, None)) => {
            eprintln!("jeton: {}", text::tf(lang, Key::WithinInvalid, &[("value", w)]));
            return super::USAGE;
        }
    };
    let (_, tokens) = match super::open_and_list(lang, a.json) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let now = chrono::Utc::now();
    let flagged: Vec<_> = tokens.iter().filter(|t| fails_within(t, within, now)).collect();
    if a.json {
        output::print_json(&Value::Array(tokens.iter().map(output::token_json).collect()));
    } else {
        for t in &tokens {
            let mark = if flagged.iter().any(|f| f.id == t.id) { "!" } else { " " };
            println!("{mark} {}", output::token_line(t, lang));
        }
        println!("{}", text::summary(lang, tokens.len(), flagged.len()));
    }
    if flagged.is_empty() {
        super::OK
    } else {
        super::FAILED
    }
}
