//! One error type for all of Jeton, with stable codes.
//!
//! An error crosses to the UI and the CLI as `{code, message}`. The code is stable
//! (scripts and the UI rely on it); the message says what happened and what to do, in
//! English or French. No variant ever carries a secret.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Serialized (tagged by its code) only where a check's outcome is stored in the
/// metadata, so that the sentence is rendered later in the reader's language; it
/// never carries a secret.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Error {
    /// The token text breaks a format rule; `rule` says which, in plain words.
    #[error("token_malformed: {rule}")]
    TokenMalformed { rule: MalformedRule },
    #[error("token_invalid")]
    TokenInvalid,
    #[error("token_expired")]
    TokenExpired,
    #[error("sso_required")]
    SsoRequired { url: Option<String> },
    #[error("rate_limited")]
    RateLimited { retry_after_secs: Option<u64> },
    #[error("network: {detail}")]
    Network { host: String, detail: String },
    #[error("bad_response: {detail}")]
    BadResponse { host: String, detail: String },
    /// `url` is what the message may repeat of the input: `None` when it might be a
    /// secret (see `config::check_url`).
    #[error("host_invalid: {reason:?}")]
    HostInvalid { url: Option<String>, reason: HostRule },
    #[error("keychain_unavailable: {detail}")]
    KeychainUnavailable { detail: String },
    #[error("keychain_locked")]
    KeychainLocked,
    #[error("keychain_timeout")]
    KeychainTimeout,
    #[error("secret_missing: {name}")]
    SecretMissing { name: String },
    #[error("not_found: {name}")]
    NotFound { name: String },
    #[error("name_taken: {name}")]
    NameTaken { name: String },
    #[error("name_invalid")]
    NameInvalid,
    #[error("metadata_corrupt: {detail}")]
    MetadataCorrupt { path: String, backup: Option<String>, detail: String },
    #[error("metadata_too_new: version {found}")]
    MetadataTooNew { path: String, found: u32, supported: u32 },
    #[error("metadata_read_only")]
    MetadataReadOnly,
    #[error("storage: {detail}")]
    Storage { detail: String },
    /// A metadata import that is not a Jeton export (or `tokens.json`) this version reads.
    #[error("import_invalid: {detail}")]
    ImportInvalid { detail: String },
    /// A token GitHub's API cannot check (a GitHub App refresh token, `ghr_`): Jeton
    /// never sends it, and knows only that it is well formed.
    #[error("not_checkable")]
    NotCheckable,
    /// The secret is already stored under another name (found by a keyed fingerprint).
    #[error("token_duplicate: {name}")]
    TokenDuplicate { name: String },
    /// A pasted secret is not the token a record stands for (another account or host).
    #[error("token_mismatch")]
    TokenMismatch { expected: String, found: String },
    /// Something failed inside Jeton itself (a stopped task, an id collision): a bug.
    #[error("internal: {detail}")]
    Internal { detail: String },
    /// The TLS handshake failed: the server's certificate is not one this computer
    /// trusts (unknown authority, expired, or issued for another name). Nothing was sent.
    #[error("certificate_untrusted: {host}")]
    CertificateUntrusted { host: String },
    /// The host answered GitHub's failed-login lock-out (too many rejected tokens from
    /// this computer): it is left alone for a while (see docs/github.md).
    #[error("login_locked_out: {host}")]
    LoginLockedOut { host: String },
    /// The clipboard cannot be reached (no graphical session, or it refused).
    #[error("clipboard_unavailable: {detail}")]
    ClipboardUnavailable { detail: String },
    /// A page Jeton will not open for a token: not `https://` on the token's own host
    /// (`url`), or no such page known (`None`). See `pages.rs`.
    #[error("page_refused")]
    PageRefused { url: Option<String>, host: String },
    // A token request that breaks one of GitHub's rules for its creation page
    // (github/request.rs); each names the rule.
    #[error("request_name_invalid")]
    RequestNameInvalid,
    #[error("request_name_too_long")]
    RequestNameTooLong { length: usize, max: usize },
    #[error("request_description_too_long")]
    RequestDescriptionTooLong { length: usize, max: usize },
    #[error("request_expiry_invalid: {given}")]
    RequestExpiryInvalid { given: String },
    #[error("request_owner_invalid: {owner}")]
    RequestOwnerInvalid { owner: String },
    #[error("request_permission_unknown: {key}")]
    RequestPermissionUnknown { key: String },
    #[error("request_level_not_allowed: {key}={level}")]
    RequestLevelNotAllowed { key: String, level: String, allowed: Vec<String> },
    #[error("request_permissions_conflict")]
    RequestPermissionsConflict { account: String, organization: String },
    #[error("request_permission_wrong_owner: {key}")]
    RequestPermissionWrongOwner { key: String, section: crate::github::permissions::Section },
    #[error("request_scope_unknown: {scope}")]
    RequestScopeUnknown { scope: String },
    #[error("request_option_not_for_kind")]
    RequestOptionNotForKind { option: crate::github::request::RequestOption, kind: crate::github::request::RequestKind },
    // Making a token through GitHub's page and taking it back (create.rs).
    /// The resource owner is neither the account nor one of its organizations.
    #[error("request_owner_unknown: {owner}")]
    RequestOwnerUnknown { owner: String },
    /// The token taken back is not of the kind the wizard asked GitHub for.
    #[error("token_wrong_kind")]
    TokenWrongKind { expected: crate::github::request::RequestKind, found: crate::model::TokenKind },
    /// The token taken back belongs to another GitHub account than the one chosen.
    #[error("token_wrong_account")]
    TokenWrongAccount { expected: String, found: String },
    /// The clipboard holds no text.
    #[error("clipboard_empty")]
    ClipboardEmpty,
    /// The clipboard holds text that is not a GitHub token.
    #[error("clipboard_not_token")]
    ClipboardNotToken,
    /// No browser could be started to open a page.
    #[error("browser_unavailable: {detail}")]
    BrowserUnavailable { detail: String },
    // Revoking a token at GitHub (revoke.rs).
    /// The host refused the revocation request: 422 (invalid, or the endpoint was
    /// spammed), 403 (the request carried credentials), with GitHub's message.
    #[error("revoke_refused: {status}")]
    RevokeRefused { status: u16, detail: Option<String> },
    /// GitHub's limit of revocation requests (60 an hour) is reached; none is sent
    /// before the wait is over.
    #[error("revoke_rate_limited")]
    RevokeRateLimited { retry_after_secs: Option<u64> },
    // Tokens found outside the keychain (discover/).
    /// The found token is no longer where it was found (the file or variable changed).
    #[error("found_changed")]
    FoundChanged,
    /// The host a found token is for cannot be told (`GH_ENTERPRISE_TOKEN` without `GH_HOST`).
    #[error("found_no_host")]
    FoundNoHost,
    /// Jeton cannot remove this copy: an environment variable or gh's keychain entry.
    #[error("found_not_removable")]
    FoundNotRemovable { place: crate::discover::SourceKind },
    /// A plain-text copy is removed only once the keychain holds the token.
    #[error("found_not_stored")]
    FoundNotStored,
    // An organization's review of fine-grained tokens (apps/org_review.rs).
    /// No app installation on the org, in Jeton, has the permission this needs.
    #[error("org_review_no_installation: {org}")]
    OrgReviewNoInstallation { org: String, permission: String, level: String },
    /// The request is no longer pending: another owner approved or denied it.
    #[error("org_request_already_reviewed: {id}")]
    OrgRequestAlreadyReviewed { org: String, id: u64 },
    /// The org has no such request.
    #[error("org_request_unknown: {id}")]
    OrgRequestUnknown { org: String, id: u64 },
    /// The org has no such grant (never approved, or revoked already).
    #[error("org_grant_unknown: {id}")]
    OrgGrantUnknown { org: String, id: u64 },
    /// GitHub refused the installation's token (403): the permission was taken away.
    #[error("org_review_refused: {org}")]
    OrgReviewRefused { org: String },
    /// A review's reason is longer than GitHub takes.
    #[error("org_review_reason_too_long")]
    OrgReviewReasonTooLong { max: usize },
    // GitHub Apps and their installation tokens (apps/).
    /// The app's private key is not an RSA private key in PEM form.
    #[error("app_key_invalid")]
    AppKeyInvalid,
    /// GitHub could not verify the app's JWT: the key is another app's, or no app has
    /// this client ID or app ID on the host.
    #[error("app_key_rejected: {issuer}")]
    AppKeyRejected { issuer: String },
    /// GitHub refused the JWT's times: this computer's clock is off by `skew_secs`
    /// (positive: ahead of GitHub's), measured from the answer's `Date` header.
    #[error("app_clock_skew: {skew_secs:?}")]
    AppClockSkew { skew_secs: Option<i64> },
    /// The app has no such installation (uninstalled, or another app's).
    #[error("app_installation_not_found: {installation}")]
    AppInstallationNotFound { installation: u64 },
    /// A permission asked for a minted token is above what the installation has.
    #[error("app_permission_not_granted: {key}")]
    AppPermissionNotGranted { key: String, level: String, granted: Option<String> },
    /// A repository asked for a minted token is not one the installation reaches.
    #[error("app_repository_not_reachable: {repository}")]
    AppRepositoryNotReachable { repository: String },
    /// This app is already in Jeton for this host.
    #[error("app_duplicate: {name}")]
    AppDuplicate { name: String },
    /// The app's key file could not be read (gone, or not readable by this user).
    #[error("app_key_unreadable: {path}")]
    AppKeyUnreadable { path: String, detail: String },
    /// What was given as the app's client ID or app ID is neither (letters and digits).
    #[error("app_client_id_invalid")]
    AppClientIdInvalid { given: Option<String> },
}

/// Which format rule a malformed token broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MalformedRule {
    Empty,
    WhitespaceInside,
    UnknownPrefix,
    Length,
    Charset,
    Checksum,
    Structure,
}

impl std::fmt::Display for MalformedRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MalformedRule::Empty => "empty",
            MalformedRule::WhitespaceInside => "whitespace_inside",
            MalformedRule::UnknownPrefix => "unknown_prefix",
            MalformedRule::Length => "length",
            MalformedRule::Charset => "charset",
            MalformedRule::Checksum => "checksum",
            MalformedRule::Structure => "structure",
        })
    }
}

/// Why a host URL was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostRule {
    Unparsable,
    PlainHttpNotLoopback,
    Scheme,
    /// A user name or password in the URL.
    Credentials,
    /// A path other than `/`.
    Path,
    Query,
    Fragment,
    /// It looks like a token (a GitHub token prefix, or 40 hex digits), not a host.
    Token,
}

/// Declares the stable codes once: the `ErrorCode` type (a string union in the UI's
/// bindings) and its text.
macro_rules! error_codes {
    ($($variant:ident => $code:literal,)*) => {
        /// Every stable error code, exported to the UI as a typed union.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "specta", derive(specta::Type))]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode { $($variant,)* }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code,)* }
            }
        }
    };
}

error_codes! {
    TokenMalformed => "token_malformed",
    TokenInvalid => "token_invalid",
    TokenExpired => "token_expired",
    SsoRequired => "sso_required",
    RateLimited => "rate_limited",
    Network => "network",
    BadResponse => "bad_response",
    HostInvalid => "host_invalid",
    KeychainUnavailable => "keychain_unavailable",
    KeychainLocked => "keychain_locked",
    KeychainTimeout => "keychain_timeout",
    SecretMissing => "secret_missing",
    NotFound => "not_found",
    NameTaken => "name_taken",
    NameInvalid => "name_invalid",
    MetadataCorrupt => "metadata_corrupt",
    MetadataTooNew => "metadata_too_new",
    MetadataReadOnly => "metadata_read_only",
    Storage => "storage",
    ImportInvalid => "import_invalid",
    NotCheckable => "not_checkable",
    TokenDuplicate => "token_duplicate",
    TokenMismatch => "token_mismatch",
    Internal => "internal",
    CertificateUntrusted => "certificate_untrusted",
    LoginLockedOut => "login_locked_out",
    ClipboardUnavailable => "clipboard_unavailable",
    PageRefused => "page_refused",
    RequestNameInvalid => "request_name_invalid",
    RequestNameTooLong => "request_name_too_long",
    RequestDescriptionTooLong => "request_description_too_long",
    RequestExpiryInvalid => "request_expiry_invalid",
    RequestOwnerInvalid => "request_owner_invalid",
    RequestPermissionUnknown => "request_permission_unknown",
    RequestLevelNotAllowed => "request_level_not_allowed",
    RequestPermissionsConflict => "request_permissions_conflict",
    RequestPermissionWrongOwner => "request_permission_wrong_owner",
    RequestScopeUnknown => "request_scope_unknown",
    RequestOptionNotForKind => "request_option_not_for_kind",
    RequestOwnerUnknown => "request_owner_unknown",
    TokenWrongKind => "token_wrong_kind",
    TokenWrongAccount => "token_wrong_account",
    ClipboardEmpty => "clipboard_empty",
    ClipboardNotToken => "clipboard_not_token",
    BrowserUnavailable => "browser_unavailable",
    RevokeRefused => "revoke_refused",
    RevokeRateLimited => "revoke_rate_limited",
    FoundChanged => "found_changed",
    FoundNoHost => "found_no_host",
    FoundNotRemovable => "found_not_removable",
    FoundNotStored => "found_not_stored",
    OrgReviewNoInstallation => "org_review_no_installation",
    OrgRequestAlreadyReviewed => "org_request_already_reviewed",
    OrgRequestUnknown => "org_request_unknown",
    OrgGrantUnknown => "org_grant_unknown",
    OrgReviewRefused => "org_review_refused",
    OrgReviewReasonTooLong => "org_review_reason_too_long",
    AppKeyInvalid => "app_key_invalid",
    AppKeyRejected => "app_key_rejected",
    AppClockSkew => "app_clock_skew",
    AppInstallationNotFound => "app_installation_not_found",
    AppPermissionNotGranted => "app_permission_not_granted",
    AppRepositoryNotReachable => "app_repository_not_reachable",
    AppDuplicate => "app_duplicate",
    AppKeyUnreadable => "app_key_unreadable",
    AppClientIdInvalid => "app_client_id_invalid",
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The input an error is about, so that the UI shows it beside that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorField {
    Name,
    Token,
    Host,
}

/// The part of the system an error is about, when the UI treats it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorArea {
    /// The system keychain (unavailable, locked, not answering): the UI's keychain banner.
    Keychain,
}

/// What crosses to the UI and out of `--json`: a stable code and a sentence, whether
/// trying the same thing again may help, the input it is about and its area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ErrorPayload {
    pub code: ErrorCode,
    pub message: String,
    pub retryable: bool,
    pub field: Option<ErrorField>,
    pub area: Option<ErrorArea>,
}

impl Error {
    /// The stable code; never changes once released.
    pub fn error_code(&self) -> ErrorCode {
        use ErrorCode as C;
        match self {
            Error::TokenMalformed { .. } => C::TokenMalformed,
            Error::TokenInvalid => C::TokenInvalid,
            Error::TokenExpired => C::TokenExpired,
            Error::SsoRequired { .. } => C::SsoRequired,
            Error::RateLimited { .. } => C::RateLimited,
            Error::Network { .. } => C::Network,
            Error::BadResponse { .. } => C::BadResponse,
            Error::HostInvalid { .. } => C::HostInvalid,
            Error::KeychainUnavailable { .. } => C::KeychainUnavailable,
            Error::KeychainLocked => C::KeychainLocked,
            Error::KeychainTimeout => C::KeychainTimeout,
            Error::SecretMissing { .. } => C::SecretMissing,
            Error::NotFound { .. } => C::NotFound,
            Error::NameTaken { .. } => C::NameTaken,
            Error::NameInvalid => C::NameInvalid,
            Error::MetadataCorrupt { .. } => C::MetadataCorrupt,
            Error::MetadataTooNew { .. } => C::MetadataTooNew,
            Error::MetadataReadOnly => C::MetadataReadOnly,
            Error::Storage { .. } => C::Storage,
            Error::ImportInvalid { .. } => C::ImportInvalid,
            Error::NotCheckable => C::NotCheckable,
            Error::TokenDuplicate { .. } => C::TokenDuplicate,
            Error::TokenMismatch { .. } => C::TokenMismatch,
            Error::Internal { .. } => C::Internal,
            Error::CertificateUntrusted { .. } => C::CertificateUntrusted,
            Error::LoginLockedOut { .. } => C::LoginLockedOut,
            Error::ClipboardUnavailable { .. } => C::ClipboardUnavailable,
            Error::PageRefused { .. } => C::PageRefused,
            Error::RequestNameInvalid => C::RequestNameInvalid,
            Error::RequestNameTooLong { .. } => C::RequestNameTooLong,
            Error::RequestDescriptionTooLong { .. } => C::RequestDescriptionTooLong,
            Error::RequestExpiryInvalid { .. } => C::RequestExpiryInvalid,
            Error::RequestOwnerInvalid { .. } => C::RequestOwnerInvalid,
            Error::RequestPermissionUnknown { .. } => C::RequestPermissionUnknown,
            Error::RequestLevelNotAllowed { .. } => C::RequestLevelNotAllowed,
            Error::RequestPermissionsConflict { .. } => C::RequestPermissionsConflict,
            Error::RequestPermissionWrongOwner { .. } => C::RequestPermissionWrongOwner,
            Error::RequestScopeUnknown { .. } => C::RequestScopeUnknown,
            Error::RequestOptionNotForKind { .. } => C::RequestOptionNotForKind,
            Error::RequestOwnerUnknown { .. } => C::RequestOwnerUnknown,
            Error::TokenWrongKind { .. } => C::TokenWrongKind,
            Error::TokenWrongAccount { .. } => C::TokenWrongAccount,
            Error::ClipboardEmpty => C::ClipboardEmpty,
            Error::ClipboardNotToken => C::ClipboardNotToken,
            Error::BrowserUnavailable { .. } => C::BrowserUnavailable,
            Error::RevokeRefused { .. } => C::RevokeRefused,
            Error::RevokeRateLimited { .. } => C::RevokeRateLimited,
            Error::FoundChanged => C::FoundChanged,
            Error::FoundNoHost => C::FoundNoHost,
            Error::FoundNotRemovable { .. } => C::FoundNotRemovable,
            Error::FoundNotStored => C::FoundNotStored,
            Error::OrgReviewNoInstallation { .. } => C::OrgReviewNoInstallation,
            Error::OrgRequestAlreadyReviewed { .. } => C::OrgRequestAlreadyReviewed,
            Error::OrgRequestUnknown { .. } => C::OrgRequestUnknown,
            Error::OrgGrantUnknown { .. } => C::OrgGrantUnknown,
            Error::OrgReviewRefused { .. } => C::OrgReviewRefused,
            Error::OrgReviewReasonTooLong { .. } => C::OrgReviewReasonTooLong,
            Error::AppKeyInvalid => C::AppKeyInvalid,
            Error::AppKeyRejected { .. } => C::AppKeyRejected,
            Error::AppClockSkew { .. } => C::AppClockSkew,
            Error::AppInstallationNotFound { .. } => C::AppInstallationNotFound,
            Error::AppPermissionNotGranted { .. } => C::AppPermissionNotGranted,
            Error::AppRepositoryNotReachable { .. } => C::AppRepositoryNotReachable,
            Error::AppDuplicate { .. } => C::AppDuplicate,
            Error::AppKeyUnreadable { .. } => C::AppKeyUnreadable,
            Error::AppClientIdInvalid { .. } => C::AppClientIdInvalid,
        }
    }

    /// The stable code as text.
    pub fn code(&self) -> &'static str {
        self.error_code().as_str()
    }

    /// Whether the same request may succeed later without the user changing anything:
    /// the network, GitHub's rate limit, a locked or slow keychain.
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            Error::Network { .. }
                | Error::BadResponse { .. }
                | Error::RateLimited { .. }
                | Error::RevokeRateLimited { .. }
                | Error::LoginLockedOut { .. }
                | Error::KeychainLocked
                | Error::KeychainTimeout
                | Error::KeychainUnavailable { .. }
        )
    }

    /// Whether this is GitHub's verdict on a token (it answered), rather than a failure
    /// to get one (network, rate limit, keychain): a failure keeps what was known.
    pub fn is_verdict(&self) -> bool {
        matches!(self, Error::TokenInvalid | Error::TokenExpired | Error::SsoRequired { .. } | Error::NotCheckable)
    }

    /// The input the error is about, if it is about one.
    pub fn field(&self) -> Option<ErrorField> {
        match self {
            Error::TokenMalformed { .. }
            | Error::TokenInvalid
            | Error::TokenExpired
            | Error::TokenDuplicate { .. }
            | Error::TokenMismatch { .. }
            | Error::TokenWrongKind { .. }
            | Error::TokenWrongAccount { .. }
            | Error::ClipboardEmpty
            | Error::ClipboardNotToken
            | Error::NotCheckable => Some(ErrorField::Token),
            Error::NameTaken { .. }
            | Error::NameInvalid
            | Error::RequestNameInvalid
            | Error::RequestNameTooLong { .. } => Some(ErrorField::Name),
            Error::HostInvalid { .. } => Some(ErrorField::Host),
            _ => None,
        }
    }

    /// The part of the system the error is about, if the UI shows it apart.
    pub fn area(&self) -> Option<ErrorArea> {
        match self {
            Error::KeychainUnavailable { .. } | Error::KeychainLocked | Error::KeychainTimeout => {
                Some(ErrorArea::Keychain)
            }
            _ => None,
        }
    }

    /// A sentence for a person: what happened and what to do.
    pub fn message(&self, lang: Lang) -> String {
        crate::error_messages::message(self, lang)
    }

    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        ErrorPayload {
            code: self.error_code(),
            message: self.message(lang),
            retryable: self.retryable(),
            field: self.field(),
            area: self.area(),
        }
    }

    /// An error read back from stored metadata; one this version does not know (from a
    /// newer Jeton) becomes `internal` rather than making the file unreadable.
    pub(crate) fn from_stored(value: serde_json::Value) -> Error {
        serde_json::from_value(value.clone()).unwrap_or_else(|_| Error::Internal {
            detail: format!("unknown error {}", value.get("code").and_then(|c| c.as_str()).unwrap_or("?")),
        })
    }
}

/// (De)serializes a stored `Option<Error>` leniently (see [`Error::from_stored`]).
pub(crate) mod stored {
    use super::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(e: &Option<Error>, s: S) -> Result<S::Ok, S::Error> {
        e.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Error>, D::Error> {
        let v = Option::<serde_json::Value>::deserialize(d)?;
        Ok(v.filter(|v| !v.is_null()).map(Error::from_stored))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keychain_errors_and_only_those_are_in_the_keychain_area() {
        let keychain =
            [Error::KeychainUnavailable { detail: "d".into() }, Error::KeychainLocked, Error::KeychainTimeout];
        for e in keychain {
            assert_eq!(e.payload(Lang::En).area, Some(ErrorArea::Keychain), "{e:?}");
        }
        let others = [
            Error::Network { host: "h".into(), detail: "d".into() },
            Error::SecretMissing { name: "n".into() },
            Error::MetadataReadOnly,
            Error::Storage { detail: "d".into() },
            Error::TokenInvalid,
        ];
        for e in others {
            assert_eq!(e.payload(Lang::En).area, None, "{e:?}");
        }
        let json = serde_json::to_value(Error::KeychainLocked.payload(Lang::Fr)).unwrap();
        assert_eq!(json["area"], "keychain");
    }
}
