//! `jeton list [--json]`

use jeton_core::i18n::Lang;
use serde_json::Value;

use super::output;
use super::text::{self, Key};

// Help texts and placeholders: `text.rs`, set by `command.rs`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    json: bool,
}

pub async fn run(a: Args, lang: Lang) -> i32 {
    let (jeton, tokens) = match super::open_and_list(lang, a.json) {
        Ok(x) => x,
        Err(code) => return code,
    };
    let read_only = jeton.vault.read_only();
    if a.json {
        output::print_json(&Value::Array(tokens.iter().map(output::token_json).collect()));
    } else if tokens.is_empty() {
        println!("{}", text::t(lang, Key::ListEmpty));
    } else {
        let mut group = None;
        for t in &tokens {
            let g = (t.host.clone(), t.login.clone());
            if group.as_ref() != Some(&g) {
                println!("{} — {}", g.0, g.1.as_deref().unwrap_or(text::t(lang, Key::Unknown)));
                group = Some(g);
            }
            println!("  {}", output::token_line(t, lang));
        }
    }
    match read_only {
        // The tokens that could be read are listed; the problem is said, and the exit
        // code tells scripts that Jeton's data needs attention.
        Some(e) if !a.json => output::fail(&e, lang, false),
        Some(_) => super::FAILED,
        None => super::OK,
    }
}
