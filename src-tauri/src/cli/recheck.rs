//! `jeton recheck [--json]`: asks each token's host again; exits 1 when any token is
//! not valid afterwards.

use jeton_core::i18n::Lang;
use jeton_core::model::TokenStatus;
use jeton_core::recheck::{RecheckOptions, DEFAULT_PER_HOST, MAX_PER_HOST};
use serde_json::Value;

use super::output;
use super::text;

// Help texts and placeholders: `text.rs`, set by `command.rs`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    json: bool,
    // 1 to 16: anything else is a usage error (exit 2), not silently clamped.
    #[arg(
        long,
        default_value_t = DEFAULT_PER_HOST,
        value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=MAX_PER_HOST as u64)
    )]
    concurrency: usize,
}

pub async fn run(a: Args, lang: Lang) -> i32 {
    let jeton = match super::open(lang, a.json) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let opts = RecheckOptions { per_host: a.concurrency, ..Default::default() };
    let json = a.json;
    let result = jeton
        .recheck_all(lang, opts, |p| {
            if !json {
                eprintln!("[{}/{}] {}", p.done, p.total, output::token_line(&p.token, lang));
            }
        })
        .await;
    let tokens = match result {
        Ok(t) => t,
        Err(e) => return output::fail(&e, lang, a.json),
    };
    if a.json {
        output::print_json(&Value::Array(tokens.iter().map(output::token_json).collect()));
    }
    let failing = tokens.iter().filter(|t| !matches!(t.status, TokenStatus::Valid | TokenStatus::Expiring)).count();
    if !a.json {
        println!("{}", text::summary(lang, tokens.len(), failing));
    }
    if failing == 0 {
        super::OK
    } else {
        super::FAILED
    }
}
