//! What the UI's test doubles (the Playwright IPC mock, the Vitest fake back end) need
//! from Rust, generated as the bindings are into `ui/src/test/generated/doubles.json`:
//! the command names, every error code with the payload core sends (its sentence in
//! English and French, whether it is retryable, the field it is about), the scope
//! catalogue and the default settings the window edits. Sentences are rendered for sample parameters written `{name}`, `{host}`...,
//! which the doubles fill in. The test fails when the file is stale; `make bindings`
//! (`JETON_WRITE_BINDINGS=1`) rewrites it.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use jeton_core::error::{Error, ErrorCode, HostRule, MalformedRule};
use jeton_core::github::permissions::Section;
use jeton_core::github::request::{RequestKind, RequestOption};
use jeton_core::i18n::Lang;
use jeton_core::model::TokenKind;
use serde_json::{json, Value};

/// Where the generated file lives, from the workspace root.
pub const PATH: &str = "ui/src/test/generated/doubles.json";

/// A sample of the error behind `code`, with placeholders for its text parameters.
fn sample(code: ErrorCode) -> Option<Error> {
    let p = |name: &str| format!("{{{name}}}");
    use ErrorCode as C;
    Some(match code {
        C::TokenMalformed => Error::TokenMalformed { rule: MalformedRule::UnknownPrefix },
        C::TokenInvalid => Error::TokenInvalid,
        C::TokenExpired => Error::TokenExpired,
        C::SsoRequired => Error::SsoRequired { url: Some(p("url")) },
        C::RateLimited => Error::RateLimited { retry_after_secs: None },
        C::Network => Error::Network { host: p("host"), detail: p("detail") },
        C::BadResponse => Error::BadResponse { host: p("host"), detail: p("detail") },
        C::HostInvalid => Error::HostInvalid { url: Some(p("url")), reason: HostRule::Scheme },
        C::KeychainUnavailable => Error::KeychainUnavailable { detail: p("detail") },
        C::KeychainLocked => Error::KeychainLocked,
        C::KeychainTimeout => Error::KeychainTimeout,
        C::SecretMissing => Error::SecretMissing { name: p("name") },
        C::NotFound => Error::NotFound { name: p("name") },
        C::NameTaken => Error::NameTaken { name: p("name") },
        C::NameInvalid => Error::NameInvalid,
        C::MetadataCorrupt => {
            Error::MetadataCorrupt { path: p("path"), backup: Some(p("backup")), detail: p("detail") }
        }
        C::MetadataTooNew => Error::MetadataTooNew { path: p("path"), found: 9, supported: 3 },
        C::MetadataReadOnly => Error::MetadataReadOnly,
        C::Storage => Error::Storage { detail: p("detail") },
        C::ImportInvalid => Error::ImportInvalid { detail: p("detail") },
        C::NotCheckable => Error::NotCheckable,
        C::TokenDuplicate => Error::TokenDuplicate { name: p("name") },
        C::TokenMismatch => Error::TokenMismatch { expected: p("expected"), found: p("found") },
        C::Internal => Error::Internal { detail: p("detail") },
        C::CertificateUntrusted => Error::CertificateUntrusted { host: p("host") },
        C::LoginLockedOut => Error::LoginLockedOut { host: p("host") },
        C::ClipboardUnavailable => Error::ClipboardUnavailable { detail: p("detail") },
        C::PageRefused => Error::PageRefused { url: Some(p("url")), host: p("host") },
        C::RequestNameInvalid => Error::RequestNameInvalid,
        C::RequestNameTooLong => Error::RequestNameTooLong { length: 50, max: 40 },
        C::RequestDescriptionTooLong => Error::RequestDescriptionTooLong { length: 300, max: 255 },
        C::RequestExpiryInvalid => Error::RequestExpiryInvalid { given: p("given") },
        C::RequestOwnerInvalid => Error::RequestOwnerInvalid { owner: p("owner") },
        C::RequestPermissionUnknown => Error::RequestPermissionUnknown { key: p("key") },
        C::RequestLevelNotAllowed => {
            Error::RequestLevelNotAllowed { key: p("key"), level: p("level"), allowed: vec!["read".into()] }
        }
        C::RequestPermissionsConflict => {
            Error::RequestPermissionsConflict { account: p("account"), organization: p("organization") }
        }
        C::RequestPermissionWrongOwner => {
            Error::RequestPermissionWrongOwner { key: p("key"), section: Section::Organization }
        }
        C::RequestScopeUnknown => Error::RequestScopeUnknown { scope: p("scope") },
        C::RequestOptionNotForKind => {
            Error::RequestOptionNotForKind { option: RequestOption::Scopes, kind: RequestKind::FineGrained }
        }
        C::RequestOwnerUnknown => Error::RequestOwnerUnknown { owner: p("owner") },
        C::TokenWrongKind => Error::TokenWrongKind { expected: RequestKind::FineGrained, found: TokenKind::Classic },
        C::TokenWrongAccount => Error::TokenWrongAccount { expected: p("expected"), found: p("found") },
        C::ClipboardEmpty => Error::ClipboardEmpty,
        C::ClipboardNotToken => Error::ClipboardNotToken,
        C::BrowserUnavailable => Error::BrowserUnavailable { detail: p("detail") },
        C::RevokeRefused => Error::RevokeRefused { status: 422, detail: Some(p("detail")) },
        C::RevokeRateLimited => Error::RevokeRateLimited { retry_after_secs: None },
        C::OrgReviewNoInstallation => {
            Error::OrgReviewNoInstallation { org: p("org"), permission: p("permission"), level: p("level") }
        }
        C::OrgRequestAlreadyReviewed => Error::OrgRequestAlreadyReviewed { org: p("org"), id: 42 },
        C::OrgRequestUnknown => Error::OrgRequestUnknown { org: p("org"), id: 42 },
        C::OrgGrantUnknown => Error::OrgGrantUnknown { org: p("org"), id: 42 },
        C::OrgReviewRefused => Error::OrgReviewRefused { org: p("org") },
        C::OrgReviewReasonTooLong => Error::OrgReviewReasonTooLong { max: 1024 },
        C::AppKeyInvalid => Error::AppKeyInvalid,
        C::AppKeyRejected => Error::AppKeyRejected { issuer: p("issuer") },
        C::AppClockSkew => Error::AppClockSkew { skew_secs: None },
        C::AppInstallationNotFound => Error::AppInstallationNotFound { installation: 42 },
        C::AppPermissionNotGranted => {
            Error::AppPermissionNotGranted { key: p("key"), level: p("level"), granted: Some(p("granted")) }
        }
        C::AppRepositoryNotReachable => Error::AppRepositoryNotReachable { repository: p("repository") },
        C::AppDuplicate => Error::AppDuplicate { name: p("name") },
        C::AppKeyUnreadable => Error::AppKeyUnreadable { path: p("path"), detail: p("detail") },
        C::AppClientIdInvalid => Error::AppClientIdInvalid { given: Some(p("given")) },
        C::FoundChanged => Error::FoundChanged,
        C::FoundNoHost => Error::FoundNoHost,
        C::FoundNotRemovable => Error::FoundNotRemovable { place: jeton_core::discover::SourceKind::Env },
        C::FoundNotStored => Error::FoundNotStored,
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

/// The kinds core revokes through GitHub's API on github.com (others: the settings page).
fn revoke_api_kinds() -> Vec<TokenKind> {
    use TokenKind::*;
    [Classic, FineGrained, Oauth, AppUser, AppInstallation, AppRefresh, Legacy]
        .into_iter()
        .filter(|k| jeton_core::revoke::kind_revocable_by_api(*k))
        .collect()
}

/// The names the IPC knows the commands by, as the bindings invoke them.
fn command_names() -> Vec<String> {
    /// A bindings "language" that only keeps the command names.
    struct Names(Arc<Mutex<Vec<String>>>);
    impl tauri_specta::LanguageExt for Names {
        type Error = std::io::Error;
        fn export(self, cfg: &tauri_specta::BuilderConfiguration, _: &std::path::Path) -> Result<(), Self::Error> {
            let mut names = self.0.lock().expect("names");
            names.extend(cfg.commands.iter().map(|f| f.name().to_string()));
            Ok(())
        }
    }
    let names = Arc::new(Mutex::new(vec![]));
    crate::specta_builder().export(Names(names.clone()), std::path::Path::new("")).expect("command names");
    let names = names.lock().expect("names").clone();
    names
}

/// The scope lists the doubles' token views use (space-separated), each with the tree
/// core gives for it (`TokenView.grants`); a double asked for another list fails and
/// says to add it here.
const GRANT_SAMPLES: &[&str] = &[
    "repo",
    "repo workflow",
    "repo workflow read:org",
    "repo read:org",
    "repo gist",
    "repo admin:org",
    "repo admin:repo_hook",
    "repo write:packages read:org gist user:email",
    "admin:org",
    "admin:org gist",
    "read:packages",
    "",
];

fn grant_samples() -> BTreeMap<&'static str, Vec<jeton_core::github::grants::GrantNode>> {
    GRANT_SAMPLES
        .iter()
        .map(|&s| (s, jeton_core::github::grants::grant_tree(&s.split_whitespace().collect::<Vec<_>>())))
        .collect()
}

/// Beyond this many days either side of today, core's attention and urgency rules no
/// longer change (a test checks it), so the doubles clamp to it.
const ATTENTION_DAYS: i64 = 31;

/// Core's answers for every status, missing secret or not, and days left in
/// -ATTENTION_DAYS..=ATTENTION_DAYS or none (key `"none"`): `[needs_attention, urgency]`.
/// The doubles look these up instead of re-deciding them.
fn attention_table() -> BTreeMap<String, BTreeMap<String, (bool, jeton_core::model::Urgency)>> {
    use jeton_core::model::TokenStatus as S;
    use jeton_core::status::{needs_attention, urgency};
    let statuses =
        [S::Valid, S::Expiring, S::Expired, S::Invalid, S::SsoRequired, S::Unreachable, S::RateLimited, S::Unknown];
    let mut table = BTreeMap::new();
    for status in statuses {
        for missing in [false, true] {
            let name = serde_json::to_value(status).expect("status").as_str().expect("a string").to_owned();
            let mut row = BTreeMap::new();
            for days in (-ATTENTION_DAYS..=ATTENTION_DAYS).map(Some).chain([None]) {
                let k = days.map_or("none".to_owned(), |d| d.to_string());
                row.insert(k, (needs_attention(status, days, missing), urgency(status, days)));
            }
            table.insert(format!("{name}{}", if missing { "/missing" } else { "" }), row);
        }
    }
    table
}

/// The file's content.
pub fn generate() -> String {
    let mut errors = BTreeMap::new();
    for &code in ErrorCode::ALL {
        let e = sample(code).unwrap_or_else(|| panic!("no sample for {code:?}: add one to src-tauri/src/doubles.rs"));
        let (en, fr) = (e.payload(Lang::En), e.payload(Lang::Fr));
        errors.insert(
            code.as_str(),
            json!({
                "retryable": en.retryable,
                "field": en.field,
                "area": en.area,
                "message": { "en": en.message, "fr": fr.message },
            }),
        );
    }
    let doc: Value = json!({
        "generated": "By `make bindings` from src-tauri/src/doubles.rs. Do not edit.",
        "commands": command_names(),
        "errors": errors,
        "scopes": jeton_core::github::scopes::scope_tree(),
        "grants": grant_samples(),
        "attention_days": ATTENTION_DAYS,
        "attention": attention_table(),
        "revoke_api_kinds": revoke_api_kinds(),
        "preferences": jeton_core::settings::Preferences::of(&jeton_core::settings::Settings::default()),
    });
    serde_json::to_string_pretty(&doc).expect("JSON") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fails when the committed doubles differ from what Rust says now; `make bindings`
    /// rewrites them.
    #[test]
    fn doubles_are_current() {
        let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PATH);
        let fresh = generate();
        if std::env::var_os("JETON_WRITE_BINDINGS").is_some() {
            std::fs::create_dir_all(committed.parent().expect("parent")).expect("create dir");
            std::fs::write(&committed, &fresh).expect("write doubles");
            return;
        }
        let old = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(old == fresh, "{PATH} is out of date with Rust: run `make bindings`");
    }

    /// The doubles clamp days left to ±ATTENTION_DAYS: the rules must not change past it.
    #[test]
    fn attention_is_settled_past_the_clamp() {
        use jeton_core::model::TokenStatus as S;
        use jeton_core::status::{needs_attention, urgency};
        for status in [S::Valid, S::Expiring, S::Expired, S::Invalid, S::SsoRequired, S::Unknown] {
            for missing in [false, true] {
                for days in -400..=400i64 {
                    let clamped = days.clamp(-ATTENTION_DAYS, ATTENTION_DAYS);
                    assert_eq!(
                        needs_attention(status, Some(days), missing),
                        needs_attention(status, Some(clamped), missing)
                    );
                    assert_eq!(urgency(status, Some(days)), urgency(status, Some(clamped)));
                }
            }
        }
    }

    #[test]
    fn every_code_has_a_sentence_in_both_languages_and_the_commands_are_listed() {
        let doc: Value = serde_json::from_str(&generate()).expect("JSON");
        for code in ErrorCode::ALL {
            let m = &doc["errors"][code.as_str()]["message"];
            assert!(m["en"].as_str().is_some_and(|s| !s.is_empty()) && m["fr"] != m["en"], "{code:?}: {m}");
        }
        let names = doc["commands"].as_array().expect("commands");
        assert!(names.iter().any(|n| n == "add_token") && names.iter().any(|n| n == "scope_catalogue"), "{names:?}");
        assert_eq!(doc["scopes"][0]["name"], "repo");
    }
}
