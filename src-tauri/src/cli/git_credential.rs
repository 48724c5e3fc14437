//! `jeton git-credential get|store|erase`: git's credential helper
//! (docs/github.md#git-credential-helper), run by core (`jeton_core::gitcred::helper`),
//! as the slim `git-credential-jeton` runs it. Always exits 0: git must never be
//! stopped by its helper.

use jeton_core::i18n::Lang;

use super::OK;

// Help texts and placeholders: `text.rs`, set by `command.rs`.
#[derive(clap::Args)]
pub struct Args {
    operation: String,
}

pub async fn run(a: Args, lang: Lang) -> i32 {
    jeton_core::gitcred::helper::run(&a.operation, lang).await;
    OK
}
