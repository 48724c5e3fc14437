//! `jeton discover [--json]` and `jeton import-found [--remove-plaintext]`: tokens found
//! outside the keychain, listed (never their secrets) or moved into it.

use jeton_core::discover::{Found, Places, SourceKind};
use jeton_core::i18n::Lang;
use jeton_core::service::Jeton;

use super::output;
use super::text::{self, Key};

// Help texts and placeholders: `text.rs`, set by `command.rs`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ImportArgs {
    #[arg(long)]
    remove_plaintext: bool,
}

async fn found(jeton: &Jeton, lang: Lang, json: bool) -> Result<Vec<Found>, i32> {
    let found = jeton.discover(&Places::from_env()).await.map_err(|e| output::fail(&e, lang, json))?;
    Ok(found.into_iter().map(|f| f.found).collect())
}

pub async fn run(a: Args, lang: Lang) -> i32 {
    let jeton = match super::open(lang, a.json) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let found = match found(&jeton, lang, a.json).await {
        Ok(f) => f,
        Err(code) => return code,
    };
    if a.json {
        output::print_json(&serde_json::to_value(&found).expect("findings serialize"));
        return super::OK;
    }
    if found.is_empty() {
        println!("{}", text::t(lang, Key::DiscoverNone));
        return super::OK;
    }
    println!("{}", text::tf(lang, Key::DiscoverCount, &[("n", &found.len().to_string())]));
    for f in &found {
        println!("  {}", line(f, lang));
    }
    if found.iter().any(|f| f.stored_as.is_none()) {
        println!("{}", text::t(lang, Key::DiscoverHint));
    }
    super::OK
}

/// One finding for a person: where, what, whose, and whether Jeton holds it.
fn line(f: &Found, lang: Lang) -> String {
    let place = place(f);
    let who = f.user.as_deref().unwrap_or(text::t(lang, Key::Unknown));
    let host = f.host.as_deref().unwrap_or(text::t(lang, Key::FoundHostUnknown));
    let state = match &f.stored_as {
        Some(name) => text::tf(lang, Key::FoundStoredAs, &[("name", name)]),
        None => text::t(lang, Key::FoundNotStored).to_owned(),
    };
    format!("{}  {place}  {}  {who}@{host}  {state}", source(lang, f.source), text::kind(lang, f.kind))
}

fn source(lang: Lang, s: SourceKind) -> &'static str {
    let key = match s {
        SourceKind::GitCredentials => Key::SourceGitCredentials,
        SourceKind::GhHosts => Key::SourceGhHosts,
        SourceKind::GhKeyring => Key::SourceGhKeyring,
        SourceKind::Env => Key::SourceEnv,
    };
    text::t(lang, key)
}

/// Imports every found token not yet in Jeton (each said on a line; a refused one is
/// said with why), then, with `--remove-plaintext`, removes the plain-text copies of
/// tokens the keychain now holds. Exit 1 only when Jeton cannot look at all.
pub async fn import(a: ImportArgs, lang: Lang) -> i32 {
    let jeton = match super::open(lang, false) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let places = Places::from_env();
    let found = match found(&jeton, lang, false).await {
        Ok(f) => f,
        Err(code) => return code,
    };
    let mut stored: Vec<&Found> = Vec::new();
    for f in &found {
        if f.stored_as.is_some() {
            stored.push(f);
            continue;
        }
        match jeton.import_found(&places, &f.id, lang).await {
            Ok(view) => {
                let name = view.name.unwrap_or_default();
                println!("{}", text::tf(lang, Key::ImportDone, &[("name", &name), ("place", &place(f))]));
                stored.push(f);
            }
            // The same secret met earlier in this run (gh keeps a token twice).
            Err(jeton_core::Error::TokenDuplicate { .. }) => stored.push(f),
            Err(e) => eprintln!("jeton: {}", skipped(f, &e.message(lang), lang)),
        }
    }
    if found.is_empty() {
        println!("{}", text::t(lang, Key::DiscoverNone));
    } else if found.iter().all(|f| f.stored_as.is_some()) {
        println!("{}", text::t(lang, Key::ImportNothing));
    }
    if a.remove_plaintext {
        remove(&jeton, &places, &stored, lang).await;
    }
    super::OK
}

/// Removes the file copies of stored tokens, last line first within a file so that
/// the lines still to remove keep their numbers.
async fn remove(jeton: &Jeton, places: &Places, stored: &[&Found], lang: Lang) {
    let mut files: Vec<&&Found> = stored.iter().filter(|f| f.removable).collect();
    files.sort_by(|a, b| (&a.location, std::cmp::Reverse(a.line)).cmp(&(&b.location, std::cmp::Reverse(b.line))));
    let mut git_lines = false;
    for f in files {
        match jeton.remove_found(places, &f.id).await {
            Ok(r) => {
                let line = r.line.to_string();
                let args = [("line", line.as_str()), ("path", &r.location), ("backup", &r.backup)];
                println!("{}", text::tf(lang, Key::RemovedLine, &args));
                git_lines |= f.source == SourceKind::GitCredentials;
            }
            Err(e) => eprintln!("jeton: {}", skipped(f, &e.message(lang), lang)),
        }
    }
    for f in stored.iter().filter(|f| !f.removable) {
        let e = jeton_core::Error::FoundNotRemovable { place: f.source };
        println!("{}", skipped(f, &e.message(lang), lang));
    }
    if git_lines {
        println!("{}", text::t(lang, Key::RemovedGitHint));
    }
}

fn place(f: &Found) -> String {
    match f.line {
        Some(n) => format!("{}:{n}", f.location),
        None => f.location.clone(),
    }
}

fn skipped(f: &Found, why: &str, lang: Lang) -> String {
    text::tf(lang, Key::FoundSkipped, &[("place", &place(f)), ("why", why)])
}
