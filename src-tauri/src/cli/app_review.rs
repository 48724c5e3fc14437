//! `jeton app requests|review|grants|revoke-grant`: an organization's review of the
//! fine-grained tokens its members request, through an app installed on it
//! (docs/github.md, "Organization review"). The rules are core's
//! (`jeton_core::apps::org_review`); this prints what core says and asks before revoking.

use chrono::{DateTime, Utc};
use jeton_core::apps::org_review::{self, Grant, PendingRequest, TokenInfo};
use jeton_core::i18n::Lang;
use jeton_core::service::Jeton;
use jeton_core::Error;

use super::revoke::confirm;
use super::text::{self, Key};
use super::{output, OK};

// Help texts and placeholders: `text_app.rs`, set by `command.rs`.
/// `requests` and `grants`: an org's list.
#[derive(clap::Args)]
pub struct ListArgs {
    org: String,
    #[arg(long)]
    host: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args)]
pub struct ReviewArgs {
    org: String,
    #[arg(id = "request_ids", required = true, num_args = 1..)]
    ids: Vec<u64>,
    #[arg(long, conflicts_with = "deny", required_unless_present = "deny")]
    approve: bool,
    #[arg(long)]
    deny: bool,
    #[arg(long)]
    reason: Option<String>,
    #[arg(long)]
    host: Option<String>,
}

#[derive(clap::Args)]
pub struct RevokeGrantArgs {
    org: String,
    #[arg(id = "grant_ids", required = true, num_args = 1..)]
    ids: Vec<u64>,
    #[arg(long)]
    yes: bool,
    #[arg(long)]
    host: Option<String>,
}

fn ids_text(ids: impl IntoIterator<Item = u64>) -> String {
    ids.into_iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
}

fn date(at: Option<DateTime<Utc>>) -> String {
    at.map(|a| a.format("%Y-%m-%d %H:%M UTC").to_string()).unwrap_or_else(|| "?".into())
}

fn expiry(lang: Lang, at: Option<DateTime<Utc>>) -> String {
    match at {
        None => text::t(lang, Key::DaysNever).to_owned(),
        Some(e) => text::days(lang, jeton_core::status::days_left(e, Utc::now())),
    }
}

/// Prints a list: JSON, or a count line (`none` when empty) and each item; or its
/// error (JSON on stdout with `--json`). Returns the exit code.
fn print_list<T: serde::Serialize>(
    list: Result<Vec<T>, Error>,
    a: &ListArgs,
    lang: Lang,
    keys: (Key, Key),
    item: fn(&T, Lang),
) -> i32 {
    let list = match list {
        Ok(l) => l,
        Err(e) => return output::fail(&e, lang, a.json),
    };
    if a.json {
        output::print_json(&serde_json::to_value(&list).unwrap_or_default());
        return OK;
    }
    let org = a.org.trim();
    match list.len() {
        0 => println!("{}", text::tf(lang, keys.0, &[("org", org)])),
        n => println!("{}", text::tf(lang, keys.1, &[("org", org), ("n", &n.to_string())])),
    }
    for i in &list {
        item(i, lang);
    }
    OK
}

/// The lines under an item: its repositories and permissions.
fn print_access(token: &TokenInfo, repositories: &[String], lang: Lang) {
    let repos = match token.repository_selection.as_str() {
        // A grant's repositories are not listed here: "selected repositories".
        "subset" if repositories.is_empty() => text::t(lang, Key::AppReposSelected).to_owned(),
        "subset" => repositories.join(", "),
        "none" => text::t(lang, Key::OrgReposPublic).to_owned(),
        _ => text::t(lang, Key::AppReposAll).to_owned(),
    };
    let perms = token.permissions.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ");
    println!("      {}", text::tf(lang, Key::OrgReposLine, &[("repos", &repos)]));
    println!("      {}", text::tf(lang, Key::OrgPermissionsLine, &[("permissions", &perms)]));
}

/// An item's first line, with `{id}`, `{owner}`, `{name}`, `{at}`, `{expiry}` and `extra`.
fn print_head(key: Key, id: u64, token: &TokenInfo, at: Option<DateTime<Utc>>, lang: Lang, extra: &[(&str, String)]) {
    let mut vars = vec![
        ("id", id.to_string()),
        ("owner", token.owner.clone()),
        ("name", token.token_name.clone()),
        ("at", date(at)),
        ("expiry", expiry(lang, token.token_expires_at)),
    ];
    vars.extend(extra.iter().cloned());
    let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    println!("  {}", text::tf(lang, key, &vars));
}

fn print_request(r: &PendingRequest, lang: Lang) {
    print_head(Key::OrgRequestLine, r.id, &r.token, r.created_at, lang, &[]);
    print_access(&r.token, &r.repositories, lang);
    if let Some(reason) = &r.reason {
        println!("      {}", text::tf(lang, Key::OrgReasonLine, &[("reason", reason)]));
    }
}

fn print_grant(g: &Grant, lang: Lang) {
    let used = match g.token.last_used_at {
        Some(at) => text::tf(lang, Key::OrgLastUsed, &[("at", &date(Some(at)))]),
        None => text::t(lang, Key::OrgNeverUsed).to_owned(),
    };
    print_head(Key::OrgGrantLine, g.id, &g.token, g.granted_at, lang, &[("used", used)]);
    print_access(&g.token, &[], lang);
}

pub async fn requests(jeton: &Jeton, a: ListArgs, lang: Lang) -> i32 {
    let list = match jeton.config.host(a.host.as_deref()) {
        Ok(host) => org_review::requests(&jeton.vault, &jeton.client, &host, &a.org).await,
        Err(e) => Err(e),
    };
    print_list(list, &a, lang, (Key::OrgRequestsNone, Key::OrgRequestsCount), print_request)
}

pub async fn grants(jeton: &Jeton, a: ListArgs, lang: Lang) -> i32 {
    let list = match jeton.config.host(a.host.as_deref()) {
        Ok(host) => org_review::grants(&jeton.vault, &jeton.client, &host, &a.org).await,
        Err(e) => Err(e),
    };
    print_list(list, &a, lang, (Key::OrgGrantsNone, Key::OrgGrantsCount), print_grant)
}

pub async fn review(jeton: &Jeton, a: ReviewArgs, lang: Lang) -> Result<i32, Error> {
    let host = jeton.config.host(a.host.as_deref())?;
    let approve = a.approve && !a.deny;
    let done =
        org_review::review(&jeton.vault, &jeton.client, &host, &a.org, &a.ids, approve, a.reason.as_deref()).await?;
    let key = if approve { Key::OrgApproved } else { Key::OrgDenied };
    let ids = ids_text(done.iter().copied());
    let vars = [("org", a.org.trim()), ("n", &done.len().to_string()), ("ids", &ids)];
    println!("{}", text::tf(lang, key, &vars));
    Ok(OK)
}

pub async fn revoke_grant(jeton: &Jeton, a: RevokeGrantArgs, lang: Lang) -> Result<i32, Error> {
    let host = jeton.config.host(a.host.as_deref())?;
    let org = a.org.trim();
    let ids = ids_text(a.ids.iter().copied());
    if !a.yes {
        let question = text::tf(lang, Key::OrgRevokeAsk, &[("org", org), ("ids", &ids)]);
        if let Err(code) = confirm(lang, &question, &ids) {
            return Ok(code);
        }
    }
    let done = org_review::revoke(&jeton.vault, &jeton.client, &host, org, &a.ids).await?;
    let owners: Vec<String> = done.iter().map(|g| format!("{} ({})", g.token.token_name, g.token.owner)).collect();
    let vars = [("org", org), ("n", &done.len().to_string()), ("tokens", &owners.join(", "))];
    println!("{}", text::tf(lang, Key::OrgRevoked, &vars));
    Ok(OK)
}
