//! How the CLI prints tokens and errors: `--json` (the contract's fields) or lines
//! for people.

use jeton_core::i18n::Lang;
use jeton_core::model::{TokenStatus, TokenView};
use jeton_core::Error;
use serde_json::{json, Value};

use super::text::{self, Key};

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
        "never_expires": v.never_expires,
        "urgency": v.urgency,
        "unreachable": v.unreachable,
        "secret_missing": v.secret_missing,
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

/// One line for a person, in `lang`.
pub fn token_line(v: &TokenView, lang: Lang) -> String {
    let unknown = text::t(lang, Key::Unknown);
    let kind = v.kind.map(|k| text::kind(lang, k)).unwrap_or(unknown);
    let who = v.login.as_deref().unwrap_or(unknown);
    let mut parts: Vec<String> = v.name.iter().cloned().collect();
    parts.push(format!("{kind}  {who}@{host}  {status}", host = v.host, status = text::status(lang, v.status)));
    parts.extend(expiry(v, lang));
    if v.unreachable {
        parts.push(text::t(lang, Key::LastKnown).to_owned());
    }
    if v.secret_missing {
        parts.push(text::t(lang, Key::SecretMissing).to_owned());
    }
    if let Some(s) = &v.scopes {
        parts.push(format!("[{}]", if s.is_empty() { text::t(lang, Key::NoScopes).to_owned() } else { s.join(", ") }));
    }
    parts.join("  ")
}

/// What the line says about expiry: nothing when there is nothing to state (a token
/// that is not well formed, or one GitHub no longer accepts).
fn expiry(v: &TokenView, lang: Lang) -> Option<String> {
    if !v.well_formed {
        return None;
    }
    match (v.status, v.days_left) {
        (TokenStatus::Expired, Some(d)) if d < 0 => Some(text::days(lang, d.into())),
        (TokenStatus::Expired, _) => Some(text::t(lang, Key::DaysExpired).to_owned()),
        (TokenStatus::Invalid, _) => None,
        (_, Some(d)) => Some(text::days(lang, d.into())),
        (_, None) if v.never_expires => Some(text::t(lang, Key::DaysNever).to_owned()),
        (_, None) => None,
    }
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
