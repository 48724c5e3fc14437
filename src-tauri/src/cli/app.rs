//! `jeton app add|list|forget|token|serve-git`: GitHub Apps (docs/github.md, "GitHub
//! App tokens"). The rules are core's (`jeton_core::apps`); this reads the key, prints
//! what core says, and, for `token` only, prints a secret: the installation token a
//! script asked for.

use std::path::Path;

use jeton_core::apps::{self, AppRecord, MintRequest};
use jeton_core::config::Host;
use jeton_core::i18n::Lang;
use jeton_core::service::Jeton;
use jeton_core::{Error, Secret};
use serde_json::{json, Value};

use super::app_review;
use super::revoke::confirm;
use super::text::{self, Key};
use super::{output, OK, USAGE};

// Help texts and placeholders: `text.rs`, set by `command.rs`.
#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: AppCommand,
}

#[derive(clap::Subcommand)]
pub enum AppCommand {
    Add(AddArgs),
    List(ListArgs),
    Forget(ForgetArgs),
    Token(TokenArgs),
    ServeGit(ServeArgs),
    Requests(app_review::ListArgs),
    Review(app_review::ReviewArgs),
    Grants(app_review::ListArgs),
    RevokeGrant(app_review::RevokeGrantArgs),
}

#[derive(clap::Args)]
pub struct AddArgs {
    #[arg(long)]
    client_id: String,
    #[arg(long)]
    host: Option<String>,
    // A path, or `-` (the default, said in the help text): standard input.
    #[arg(long, default_value = "-", hide_default_value = true)]
    key_file: String,
}

#[derive(clap::Args)]
pub struct ListArgs {
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct ForgetArgs {
    client_id: String,
    #[arg(long)]
    yes: bool,
}

#[derive(clap::Args)]
pub struct TokenArgs {
    #[arg(long)]
    installation: u64,
    #[arg(long = "repo")]
    repos: Vec<String>,
    // Not `permissions`: that id is create-url's, with its own help.
    #[arg(long = "permission", id = "app_permissions")]
    permissions: Vec<String>,
    #[arg(long)]
    pin: bool,
}

#[derive(clap::Args)]
pub struct ServeArgs {
    // Not `owner`: that id is create-url's, with its own help.
    #[arg(long = "owner", id = "git_owner")]
    owner: String,
    #[arg(long, required_unless_present = "stop", conflicts_with = "stop")]
    installation: Option<u64>,
    #[arg(long)]
    host: Option<String>,
    // Not `undo`: that id is setup-git's, with its own help.
    #[arg(long = "undo", id = "stop")]
    undo: bool,
}

pub async fn run(a: Args, lang: Lang) -> i32 {
    let json = match &a.command {
        AppCommand::List(l) => l.json,
        AppCommand::Requests(l) | AppCommand::Grants(l) => l.json,
        _ => false,
    };
    let jeton = match super::open(lang, json) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let done = match a.command {
        AppCommand::Add(a) => add(&jeton, a, lang).await,
        AppCommand::List(a) => return list(&jeton, a.json, lang),
        AppCommand::Forget(a) => forget(&jeton, a, lang),
        AppCommand::Token(a) => token(&jeton, a).await,
        AppCommand::ServeGit(a) => serve_git(&jeton, a, lang),
        AppCommand::Requests(a) => return app_review::requests(&jeton, a, lang).await,
        AppCommand::Review(a) => app_review::review(&jeton, a, lang).await,
        AppCommand::Grants(a) => return app_review::grants(&jeton, a, lang).await,
        AppCommand::RevokeGrant(a) => app_review::revoke_grant(&jeton, a, lang).await,
    };
    match done {
        Ok(code) => code,
        Err(e) => output::fail(&e, lang, false),
    }
}

/// The host an app lives on, by core's host rule.
fn app_host(jeton: &Jeton, app: &AppRecord) -> Result<Host, Error> {
    jeton.config.host(Some(&app.host))
}

async fn add(jeton: &Jeton, a: AddArgs, lang: Lang) -> Result<i32, Error> {
    let key = match read_key(&a.key_file, lang) {
        Ok(k) => k,
        Err(code) => return Ok(code),
    };
    let host = jeton.config.host(a.host.as_deref())?;
    let app = apps::add_app(&jeton.vault, &jeton.client, &host, &a.client_id, &key).await?;
    let vars = [("name", app.name.as_str()), ("id", &app.app_id.to_string()), ("host", &app.host)];
    println!("{}", text::tf(lang, Key::AppAdded, &vars));
    print_app(&app, lang, false);
    Ok(OK)
}

/// The key from a file, or from standard input with `-` (core's reading and limits).
/// Never from an argument, never printed. A file that cannot be read is a usage error.
fn read_key(path: &str, lang: Lang) -> Result<Secret, i32> {
    let read = if path == "-" { apps::read_key(std::io::stdin(), "-") } else { apps::read_key_file(Path::new(path)) };
    read.map_err(|e| match e {
        Error::AppKeyUnreadable { .. } => {
            output::fail(&e, lang, false);
            USAGE
        }
        other => output::fail(&other, lang, false),
    })
}

fn list(jeton: &Jeton, json: bool, lang: Lang) -> i32 {
    let apps = match jeton.vault.apps() {
        Ok(a) => a,
        Err(e) => return output::fail(&e, lang, json),
    };
    if json {
        output::print_json(&Value::Array(apps.iter().map(app_json).collect()));
    } else if apps.is_empty() {
        println!("{}", text::t(lang, Key::AppNone));
    }
    for app in apps.iter().filter(|_| !json) {
        print_app(app, lang, true);
    }
    OK
}

/// What scripts rely on: the app, its installations and the owners they serve for git.
fn app_json(app: &AppRecord) -> Value {
    json!({
        "name": app.name,
        "slug": app.slug,
        "app_id": app.app_id,
        "client_id": app.issuer,
        "host": app.host,
        "owner": app.owner,
        "checked_at": app.checked_at,
        "installations": app.installations.iter().map(|i| json!({
            "id": i.id,
            "account": i.account,
            "account_is_org": i.account_is_org,
            "repository_selection": i.repository_selection,
            "permissions": i.permissions,
        })).collect::<Vec<_>>(),
        "git_owners": app.git_owners.iter().map(|g| json!({"owner": g.owner, "installation": g.installation})).collect::<Vec<_>>(),
    })
}

fn print_app(app: &AppRecord, lang: Lang, heading: bool) {
    if heading {
        println!("{} ({}, app {}) — {}", app.name, app.issuer, app.app_id, app.host);
    }
    for i in &app.installations {
        let account = text::t(lang, if i.account_is_org { Key::AppAccountOrg } else { Key::AppAccountUser });
        let repos =
            text::t(lang, if i.repository_selection == "all" { Key::AppReposAll } else { Key::AppReposSelected });
        let perms: Vec<String> = i.permissions.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let vars =
            [("id", i.id.to_string()), ("account", format!("{} ({account})", i.account)), ("repos", repos.into())];
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        println!("  {}  [{}]", text::tf(lang, Key::AppInstallationLine, &vars), perms.join(", "));
    }
    for g in &app.git_owners {
        let vars = [("owner", g.owner.as_str()), ("id", &g.installation.to_string())];
        println!("  {}", text::tf(lang, Key::AppServesLine, &vars));
    }
}

fn forget(jeton: &Jeton, a: ForgetArgs, lang: Lang) -> Result<i32, Error> {
    let app = apps::find_app(&jeton.vault, &a.client_id)?;
    if !a.yes {
        let question = text::tf(lang, Key::AppForgetAsk, &[("name", &app.name), ("host", &app.host)]);
        if let Err(code) = confirm(lang, &question, &a.client_id) {
            return Ok(code);
        }
    }
    jeton.vault.forget_app(&app.id)?;
    println!("{}", text::tf(lang, Key::AppForgotten, &[("name", &app.name)]));
    Ok(OK)
}

/// Prints a fresh installation token on standard output: by design, the one secret the
/// command line prints.
async fn token(jeton: &Jeton, a: TokenArgs) -> Result<i32, Error> {
    let (app, _) = apps::find_installation(&jeton.vault, a.installation, None)?;
    let host = app_host(jeton, &app)?;
    let req = MintRequest {
        installation: a.installation,
        repositories: (!a.repos.is_empty()).then_some(a.repos),
        permissions: apps::permission_words(&a.permissions),
        pinned: a.pin,
    };
    let (_, secret) = apps::mint(&jeton.vault, &jeton.client, &host, &app, &req).await?;
    println!("{}", secret.expose());
    Ok(OK)
}

fn serve_git(jeton: &Jeton, a: ServeArgs, lang: Lang) -> Result<i32, Error> {
    let host = a.host.as_deref().map(|h| jeton.config.host(Some(h))).transpose()?;
    let host_key = host.as_ref().map(Host::key);
    let Some(installation) = a.installation.filter(|_| !a.undo) else {
        let host_key = host_key.unwrap_or_else(|| jeton.config.default_host().key());
        let vars = [("owner", a.owner.as_str()), ("host", &host_key)];
        let was = apps::unserve_git_owner(&jeton.vault, &host_key, &a.owner)?;
        println!("{}", text::tf(lang, if was { Key::AppServeUndone } else { Key::AppServeNotSet }, &vars));
        return Ok(OK);
    };
    let (app, _) = apps::find_installation(&jeton.vault, installation, host_key.as_deref())?;
    let app = apps::serve_git_owner(&jeton.vault, &app, &a.owner, installation)?;
    let vars = [("owner", a.owner.trim()), ("host", &app.host), ("id", &installation.to_string())];
    println!("{}", text::tf(lang, Key::AppServeDone, &vars));
    Ok(OK)
}
