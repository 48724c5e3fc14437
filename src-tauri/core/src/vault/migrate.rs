//! Schema versions of the metadata file, and the steps from each one to the next.
//!
//! A file carries `"version": N`; a file without one is version 0 (the prototype's
//! layout). Loading runs every step from the file's version up to [`CURRENT_VERSION`],
//! on the JSON value, before it is read into a [`Document`](super::Document). Adding a
//! version means: bump `CURRENT_VERSION`, append one step to `STEPS`, and add a fixture
//! `fixtures/vN.json` of the old layout (the tests check there is one per version).
//!
//! Versions:
//! - 0: no `version`; `host` may lack a scheme or end in `/`; `kind` is kebab-case;
//!   `scopes` is one comma-separated string; the creation time is `added`.
//! - 1: the first versioned layout (`TokenRecord` as it is).
//! - 2: adds `pending`, the journal of operations under way (`vault::Intent`);
//!   an older Jeton would drop it when writing, so it must open a v2 file read-only.
//! - 3: a check's error is stored as its code and parameters (`{"code": "network",
//!   "host": …}`), not as a sentence in the language of the day; a check that got no
//!   verdict (unreachable, rate limited) moves to `last_failure`, so that the verdict
//!   before it still shows.
//! - 4: adds `apps`, the GitHub Apps (their keys are in the keychain), and a token's
//!   `minted` (the app installation it was minted from); an older Jeton would drop
//!   both when writing, and would offer an app's key as a recovered token.

use serde_json::{Map, Value};

pub const CURRENT_VERSION: u32 = 4;

type Step = fn(Map<String, Value>) -> Result<Map<String, Value>, String>;

/// `STEPS[n]` turns a version-`n` document into a version-`n + 1` one.
const STEPS: [Step; CURRENT_VERSION as usize] = [v0_to_v1, v1_to_v2, v2_to_v3, v3_to_v4];

/// The version a parsed file declares: 0 when it has none.
pub(crate) fn version_of(doc: &Value) -> Result<u32, String> {
    match doc.get("version") {
        None => Ok(0),
        Some(v) => v.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or_else(|| format!("version {v} is not a number")),
    }
}

/// Brings a document of version `from` (at most the current one) to the current version.
pub(crate) fn migrate(doc: Value, from: u32) -> Result<Value, String> {
    let Value::Object(mut map) = doc else {
        return Err("the file is not a JSON object".into());
    };
    for step in STEPS.iter().skip(from as usize) {
        map = step(map)?;
    }
    Ok(Value::Object(map))
}

fn v0_to_v1(mut doc: Map<String, Value>) -> Result<Map<String, Value>, String> {
    let tokens = match doc.remove("tokens") {
        None | Some(Value::Null) => vec![],
        Some(Value::Array(items)) => items,
        Some(_) => return Err("`tokens` is not a list".into()),
    };
    let tokens = tokens.into_iter().map(v0_record).collect::<Result<Vec<_>, _>>()?;
    doc.insert("tokens".into(), Value::Array(tokens));
    doc.insert("version".into(), Value::from(1));
    Ok(doc)
}

fn v0_record(rec: Value) -> Result<Value, String> {
    let Value::Object(mut rec) = rec else {
        return Err("a token is not a JSON object".into());
    };
    if let Some(Value::String(host)) = rec.get("host") {
        let with_scheme = if host.contains("://") { host.clone() } else { format!("https://{host}") };
        rec.insert("host".into(), Value::String(with_scheme.trim_end_matches('/').to_owned()));
    }
    let kind = match rec.get("kind") {
        Some(Value::String(k)) => k.replace('-', "_"),
        _ => return Err("a token has no kind".into()),
    };
    rec.insert("kind".into(), Value::String(kind.clone()));
    let has_scopes = matches!(kind.as_str(), "classic" | "oauth" | "legacy");
    let scopes = match rec.remove("scopes") {
        Some(Value::String(s)) if has_scopes => {
            Value::Array(s.split(',').map(str::trim).filter(|s| !s.is_empty()).map(Value::from).collect())
        }
        Some(Value::Array(list)) if has_scopes => Value::Array(list),
        _ if has_scopes => Value::Array(vec![]),
        _ => Value::Null,
    };
    rec.insert("scopes".into(), scopes);
    let created = rec.remove("added").unwrap_or_else(|| Value::from("1970-01-01T00:00:00Z"));
    rec.entry("created_at").or_insert(created);
    rec.entry("login").or_insert(Value::Null);
    rec.entry("expires_at").or_insert(Value::Null);
    Ok(Value::Object(rec))
}

fn v1_to_v2(mut doc: Map<String, Value>) -> Result<Map<String, Value>, String> {
    doc.entry("pending").or_insert(Value::Array(vec![]));
    doc.insert("version".into(), Value::from(2));
    Ok(doc)
}

fn v2_to_v3(mut doc: Map<String, Value>) -> Result<Map<String, Value>, String> {
    for list in ["tokens", "pending"] {
        if let Some(Value::Array(items)) = doc.get_mut(list) {
            for item in items.iter_mut() {
                let rec = if list == "pending" { item.get_mut("record") } else { Some(item) };
                if let Some(Value::Object(rec)) = rec {
                    v3_record(rec);
                }
            }
        }
    }
    doc.insert("version".into(), Value::from(3));
    Ok(doc)
}

fn v3_to_v4(mut doc: Map<String, Value>) -> Result<Map<String, Value>, String> {
    doc.entry("apps").or_insert(Value::Array(vec![]));
    doc.insert("version".into(), Value::from(4));
    Ok(doc)
}

/// The error of a v2 check, `{code, message}`, becomes `{code, …parameters}`. The
/// parameters a sentence held cannot be read back; the ones the record knows (its
/// host) are filled in, and codes this step does not know are dropped.
fn v3_record(rec: &mut Map<String, Value>) {
    let host = rec.get("host").and_then(Value::as_str).unwrap_or_default().to_owned();
    let Some(Value::Object(check)) = rec.get_mut("last_check") else { return };
    let code = check.get("error").and_then(|e| e.get("code")).and_then(Value::as_str).map(str::to_owned);
    let error = code.and_then(|code| {
        let e = match code.as_str() {
            "network" | "bad_response" => serde_json::json!({"code": code, "host": host, "detail": ""}),
            "sso_required" => {
                serde_json::json!({"code": code, "url": check.get("sso_url").cloned().unwrap_or(Value::Null)})
            }
            "rate_limited" => serde_json::json!({"code": code, "retry_after_secs": null}),
            "keychain_unavailable" => serde_json::json!({"code": code, "detail": ""}),
            "token_invalid" | "token_expired" | "not_checkable" | "keychain_locked" | "keychain_timeout" => {
                serde_json::json!({"code": code})
            }
            _ => return None,
        };
        Some(e)
    });
    let status = check.get("status").and_then(Value::as_str).unwrap_or_default().to_owned();
    match error {
        Some(e)
            if matches!(status.as_str(), "unreachable" | "rate_limited")
                || e["code"].as_str().is_some_and(|c| c.starts_with("keychain_")) =>
        {
            let at = check.get("at").cloned().unwrap_or(Value::Null);
            rec.insert("last_failure".into(), serde_json::json!({"at": at, "error": e}));
            rec.insert("last_check".into(), Value::Null);
        }
        e => {
            check.insert("error".into(), e.unwrap_or(Value::Null));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vault::metadata::Document;

    /// One fixture per earlier version; a new version without its fixture fails here.
    const FIXTURES: [(u32, &str); CURRENT_VERSION as usize] = [
        (0, include_str!("fixtures/v0.json")),
        (1, include_str!("fixtures/v1.json")),
        (2, include_str!("fixtures/v2.json")),
        (3, include_str!("fixtures/v3.json")),
    ];

    fn load(text: &str) -> Document {
        let v: Value = serde_json::from_str(text).unwrap();
        let from = version_of(&v).unwrap();
        serde_json::from_value(migrate(v, from).unwrap()).unwrap()
    }

    #[test]
    fn every_earlier_version_migrates_to_the_same_document() {
        for (n, (version, _)) in FIXTURES.iter().enumerate() {
            assert_eq!(*version as usize, n, "fixtures must cover versions 0..{CURRENT_VERSION}");
        }
        let docs: Vec<Document> = FIXTURES.iter().map(|(_, t)| load(t)).collect();
        for d in &docs {
            assert_eq!(d.version, CURRENT_VERSION);
            assert_eq!(d, &docs[CURRENT_VERSION as usize - 1], "all versions agree");
        }
        let laptop = &docs[0].tokens[0];
        assert_eq!(laptop.host, "https://github.com");
        assert_eq!(laptop.scopes.as_deref().unwrap(), ["repo", "read:org", "gist"]);
        assert_eq!(laptop.created_at.to_rfc3339(), "2025-01-15T09:30:00+00:00");
        assert_eq!(laptop.notes, "the old laptop");
        let ci = &docs[0].tokens[1];
        assert_eq!(ci.host, "https://ghe.example.com");
        assert_eq!(ci.kind, crate::model::TokenKind::FineGrained);
        assert_eq!(ci.scopes, None, "fine-grained tokens have no scopes");
        assert!(docs[0].pending.is_empty());
    }

    #[test]
    fn v2_sentences_become_codes_and_failures_keep_the_verdict_apart() {
        let doc = load(include_str!("fixtures/v2-checks.json"));
        let by_name = |n: &str| doc.tokens.iter().find(|t| t.name == n).unwrap();
        let revoked = by_name("revoked");
        let check = revoked.last_check.as_ref().unwrap();
        assert_eq!(check.error, Some(crate::Error::TokenInvalid), "stored as a code, not a sentence");
        let offline = by_name("offline");
        assert!(offline.last_check.is_none());
        let failure = offline.last_failure.as_ref().unwrap();
        assert_eq!(failure.error.code(), "network");
        assert!(failure.error.message(crate::i18n::Lang::Fr).contains("ghe.example.com"));
        let sso = by_name("sso");
        assert_eq!(sso.last_check.as_ref().unwrap().error.as_ref().unwrap().code(), "sso_required");
        let saved = serde_json::to_string(&doc).unwrap();
        assert!(!saved.contains("GitHub rejects"), "no English sentence left in the file");
        assert!(!saved.contains("Impossible de joindre"), "no French sentence left in the file");
    }

    #[test]
    fn a_file_without_version_is_v0_and_bad_versions_are_refused() {
        assert_eq!(version_of(&serde_json::json!({"tokens": []})).unwrap(), 0);
        assert_eq!(version_of(&serde_json::json!({"version": 2})).unwrap(), 2);
        assert!(version_of(&serde_json::json!({"version": "two"})).is_err());
        assert!(migrate(serde_json::json!([1, 2]), 0).is_err());
        assert!(migrate(serde_json::json!({"tokens": [{"id": "x"}]}), 0).is_err(), "no kind");
        assert!(migrate(serde_json::json!({"tokens": 3}), 0).is_err());
    }

    #[test]
    fn the_current_version_is_left_alone() {
        let v = serde_json::json!({"version": CURRENT_VERSION, "tokens": [], "pending": []});
        assert_eq!(migrate(v.clone(), CURRENT_VERSION).unwrap(), v);
    }
}
