//! `jeton create-url --kind fine-grained|classic --name N [--description D] [--owner O]
//! [--expires DAYS|none] [--permission KEY=LEVEL]... [--scope S]... [--host URL]`
//!
//! Prints GitHub's pre-filled token creation page for these settings; a request that
//! breaks one of GitHub's rules exits 2 with the rule named (core's `request_*` errors).

use jeton_core::config::Config;
use jeton_core::github::request::{creation_url, RequestKind};
use jeton_core::github::request_fields::RequestFields;
use jeton_core::i18n::Lang;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    FineGrained,
    Classic,
}

#[derive(clap::Args)]
pub struct Args {
    // The help text names both values already.
    #[arg(long, value_enum, hide_possible_values = true)]
    kind: Kind,
    // Not `name`: that id is `jeton add --name`, Jeton’s name for a token, with its own help.
    #[arg(long = "name", id = "token_name")]
    name: String,
    #[arg(long)]
    description: Option<String>,
    #[arg(long)]
    owner: Option<String>,
    #[arg(long)]
    expires: Option<String>,
    #[arg(long = "permission")]
    permissions: Vec<String>,
    #[arg(long = "scope")]
    scopes: Vec<String>,
    #[arg(long)]
    host: Option<String>,
}

pub fn run(a: Args, lang: Lang) -> i32 {
    let fields = RequestFields {
        kind: match a.kind {
            Kind::FineGrained => RequestKind::FineGrained,
            Kind::Classic => RequestKind::Classic,
        },
        name: a.name,
        description: a.description,
        owner: a.owner,
        expires: a.expires,
        permissions: a.permissions,
        scopes: a.scopes,
    };
    let url = fields.into_request().and_then(|request| {
        let host = Config::from_env()?.host(a.host.as_deref())?;
        creation_url(&host, &request)
    });
    match url {
        Ok(url) => {
            println!("{url}");
            super::OK
        }
        Err(e) => {
            eprintln!("jeton: {}", e.message(lang));
            super::USAGE
        }
    }
}
