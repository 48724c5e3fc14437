//! One error type for all of Jeton, with stable codes.
//!
//! An error crosses to the UI and the CLI as `{code, message}`. The code is stable
//! (scripts and the UI rely on it); the message says what happened and what to do, in
//! English or French. No variant ever carries a secret.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
    #[error("host_invalid: {url}")]
    HostInvalid { url: String, reason: HostRule },
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
    /// The TLS handshake failed: the server's certificate is not one this computer
    /// trusts (unknown authority, expired, or issued for another name). Nothing was sent.
    #[error("certificate_untrusted: {host}")]
    CertificateUntrusted { host: String },
    /// The host answered GitHub's failed-login lock-out (too many rejected tokens from
    /// this computer): it is left alone for a while (see docs/github.md).
    #[error("login_locked_out: {host}")]
    LoginLockedOut { host: String },
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

/// What crosses to the UI and out of `--json`: a stable code and a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
}

impl Error {
    /// The stable code; never changes once released.
    pub fn code(&self) -> &'static str {
        match self {
            Error::TokenMalformed { .. } => "token_malformed",
            Error::TokenInvalid => "token_invalid",
            Error::TokenExpired => "token_expired",
            Error::SsoRequired { .. } => "sso_required",
            Error::RateLimited { .. } => "rate_limited",
            Error::Network { .. } => "network",
            Error::BadResponse { .. } => "bad_response",
            Error::HostInvalid { .. } => "host_invalid",
            Error::KeychainUnavailable { .. } => "keychain_unavailable",
            Error::KeychainLocked => "keychain_locked",
            Error::KeychainTimeout => "keychain_timeout",
            Error::SecretMissing { .. } => "secret_missing",
            Error::NotFound { .. } => "not_found",
            Error::NameTaken { .. } => "name_taken",
            Error::NameInvalid => "name_invalid",
            Error::MetadataCorrupt { .. } => "metadata_corrupt",
            Error::MetadataTooNew { .. } => "metadata_too_new",
            Error::MetadataReadOnly => "metadata_read_only",
            Error::Storage { .. } => "storage",
            Error::ImportInvalid { .. } => "import_invalid",
            Error::NotCheckable => "not_checkable",
            Error::CertificateUntrusted { .. } => "certificate_untrusted",
            Error::LoginLockedOut { .. } => "login_locked_out",
            Error::RequestNameInvalid => "request_name_invalid",
            Error::RequestNameTooLong { .. } => "request_name_too_long",
            Error::RequestDescriptionTooLong { .. } => "request_description_too_long",
            Error::RequestExpiryInvalid { .. } => "request_expiry_invalid",
            Error::RequestOwnerInvalid { .. } => "request_owner_invalid",
            Error::RequestPermissionUnknown { .. } => "request_permission_unknown",
            Error::RequestLevelNotAllowed { .. } => "request_level_not_allowed",
            Error::RequestPermissionsConflict { .. } => "request_permissions_conflict",
            Error::RequestPermissionWrongOwner { .. } => "request_permission_wrong_owner",
            Error::RequestScopeUnknown { .. } => "request_scope_unknown",
            Error::RequestOptionNotForKind { .. } => "request_option_not_for_kind",
        }
    }

    /// A sentence for a person: what happened and what to do.
    pub fn message(&self, lang: Lang) -> String {
        crate::error_messages::message(self, lang)
    }

    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        ErrorPayload { code: self.code().to_owned(), message: self.message(lang) }
    }
}
