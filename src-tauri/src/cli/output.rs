//! How the CLI prints tokens and errors: `--json` (the contract's fields) or lines
//! for people.

use jeton_core::i18n::Lang;
use jeton_core::model::{TokenStatus, TokenView};
use jeton_core::Error;
use serde_json::{json, Value};

/// The contract's JSON object for one token.
pub fn token_json(v: &TokenView) -> Value {
    let mut o = json!({
        "host": v.host,
        "kind": v.kind,
        "well_formed": v.well_formed,
        "login": v.login,
        "scopes": v.scopes,
        "permissions": v.permissions,
        "expires_at": v.expires_at,
        "status": v.status,
        "sso_url": v.sso_url,
        "error": v.error,
        "days_left": v.days_left,
        "last_checked": v.last_checked,
        "needs_attention": v.needs_attention,
    });
    if let (Some(name), Some(map)) = (&v.name, o.as_object_mut()) {
        map.insert("name".into(), json!(name));
        map.insert("id".into(), json!(v.id));
    }
    o
}

pub fn print_json(v: &Value) {
    println!("{}", serde_json::to_string_pretty(v).expect("JSON value"));
}

/// One line for a person.
pub fn token_line(v: &TokenView) -> String {
    let kind = v.kind.map(|k| k.as_str()).unwrap_or("?");
    let who = v.login.as_deref().unwrap_or("?");
    let days = match (v.status, v.days_left) {
        (TokenStatus::Expired, _) => "expired".to_owned(),
        (_, None) => "never expires".to_owned(),
        (_, Some(1)) => "1 day left".to_owned(),
        (_, Some(d)) => format!("{d} days left"),
    };
    let status = serde_json::to_value(v.status).ok().and_then(|s| s.as_str().map(str::to_owned)).unwrap_or_default();
    let scopes = v.scopes.as_ref().map(|s| if s.is_empty() { "(no scopes)".to_owned() } else { s.join(", ") });
    let mut line = format!("{kind}  {who}@{host}  {status}  {days}", host = v.host);
    if let Some(name) = &v.name {
        line = format!("{name}  {line}");
    }
    if let Some(s) = scopes {
        line.push_str(&format!("  [{s}]"));
    }
    line
}

/// Prints an error (JSON on stdout with `--json`, a sentence on stderr otherwise)
/// and returns exit code 1.
pub fn fail(e: &Error, lang: Lang, json: bool) -> i32 {
    if json {
        print_json(&json!({ "error": e.payload(lang) }));
    } else {
        eprintln!("jeton: {}", e.message(lang));
    }
    super::FAILED
}
