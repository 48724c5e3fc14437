//! The data Jeton keeps about a token (never the secret) and the view it shows.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::ErrorPayload;

/// The kinds of GitHub token, named as in the CLI contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Classic,
    FineGrained,
    Oauth,
    AppUser,
    AppInstallation,
    AppRefresh,
    Legacy,
}

impl TokenKind {
    /// Whether GitHub reports scopes (`X-OAuth-Scopes`) for this kind.
    pub fn has_scopes(self) -> bool {
        matches!(self, TokenKind::Classic | TokenKind::Oauth | TokenKind::Legacy)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Classic => "classic",
            TokenKind::FineGrained => "fine_grained",
            TokenKind::Oauth => "oauth",
            TokenKind::AppUser => "app_user",
            TokenKind::AppInstallation => "app_installation",
            TokenKind::AppRefresh => "app_refresh",
            TokenKind::Legacy => "legacy",
        }
    }
}

/// A token's state, as in the CLI contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum TokenStatus {
    Valid,
    Expiring,
    Expired,
    Invalid,
    SsoRequired,
    Unreachable,
    RateLimited,
    Unknown,
}

impl TokenStatus {
    /// Whether this status should fail `jeton status --within`.
    pub fn is_bad(self) -> bool {
        matches!(self, TokenStatus::Expired | TokenStatus::Invalid)
    }
}

/// What Jeton learnt about a token the last time it asked GitHub.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    pub at: DateTime<Utc>,
    pub status: TokenStatus,
    #[serde(default)]
    pub sso_url: Option<String>,
    #[serde(default)]
    pub error: Option<ErrorPayload>,
}

/// One stored token's metadata. Never holds the secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenRecord {
    /// Stable identifier; also the keychain entry's account name.
    pub id: String,
    pub name: String,
    /// The web URL of the host, e.g. `https://github.com`.
    pub host: String,
    pub login: Option<String>,
    pub kind: TokenKind,
    /// Normalized classic scopes; `None` for kinds without scopes.
    pub scopes: Option<Vec<String>>,
    /// Fine-grained permissions requested at creation (`key -> level`); the API does
    /// not report them, so they are recorded, not observed.
    #[serde(default)]
    pub permissions: Option<std::collections::BTreeMap<String, String>>,
    pub expires_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub last_check: Option<CheckRecord>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The id of the token this one replaced (rotation).
    #[serde(default)]
    pub predecessor: Option<String>,
    /// The reminders already notified (threshold and the expiry it was about, and a
    /// snooze), so none fires twice across restarts; see `reminders`.
    #[serde(default)]
    pub reminders_sent: Vec<crate::reminders::SentReminder>,
}

impl TokenRecord {
    /// A record with nothing learnt yet: no login, grants, expiry, check or history.
    pub fn new(id: String, name: String, host: String, kind: TokenKind, created_at: DateTime<Utc>) -> TokenRecord {
        TokenRecord {
            id,
            name,
            host,
            login: None,
            kind,
            scopes: None,
            permissions: None,
            expires_at: None,
            created_at,
            last_check: None,
            notes: String::new(),
            tags: vec![],
            predecessor: None,
            reminders_sent: vec![],
        }
    }
}

/// What the UI and `--json` show of a token: the CLI contract's fields, and a few more.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TokenView {
    pub id: Option<String>,
    pub name: Option<String>,
    pub host: String,
    pub kind: Option<TokenKind>,
    pub well_formed: bool,
    pub login: Option<String>,
    pub scopes: Option<Vec<String>>,
    /// Fine-grained permissions as recorded when Jeton made the token (GitHub's API
    /// does not report them); `None` when unknown.
    pub permissions: Option<std::collections::BTreeMap<String, String>>,
    pub expires_at: Option<String>,
    pub status: TokenStatus,
    pub sso_url: Option<String>,
    pub error: Option<ErrorPayload>,
    /// Whole days left before expiry (negative once expired); `None` if it never expires.
    pub days_left: Option<i32>,
    pub last_checked: Option<String>,
    /// Whether the user should do something about it (see `status::wants_attention`).
    pub needs_attention: bool,
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
