//! The data Jeton keeps about a token (never the secret) and the view it shows.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorPayload};

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

/// GitHub's last verdict on a token: what it answered, when. The error is stored as
/// its code and parameters, never as a sentence: the sentence is written when the
/// token is shown, in the reader's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    pub at: DateTime<Utc>,
    pub status: TokenStatus,
    #[serde(default)]
    pub sso_url: Option<String>,
    #[serde(default, with = "crate::error::stored")]
    pub error: Option<Error>,
}

/// The latest attempt to check a token, when it got no verdict (GitHub unreachable,
/// rate limited, keychain locked): what was known before still stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FailedCheck {
    pub at: DateTime<Utc>,
    #[serde(with = "failure_error")]
    pub error: Error,
}

mod failure_error {
    use crate::error::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(e: &Error, s: S) -> Result<S::Ok, S::Error> {
        e.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Error, D::Error> {
        Ok(Error::from_stored(serde_json::Value::deserialize(d)?))
    }
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
    /// GitHub sent an expiry Jeton could not read and none was known before: the token
    /// may expire, so it is neither "never expires" nor reminded about by date (one
    /// "expiry unknown" notice instead; see `reminders`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub expiry_unknown: bool,
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub last_check: Option<CheckRecord>,
    /// Set while the latest attempt got no verdict; cleared by the next verdict.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_failure: Option<FailedCheck>,
    /// A keyed fingerprint of the secret (HMAC-SHA256 with the vault's own key), to
    /// notice the same token added twice without keeping the secret anywhere else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// The user's own words about the token.
    #[serde(default)]
    pub notes: String,
    /// The id of the token this one replaced (rotation).
    #[serde(default)]
    pub predecessor: Option<String>,
    /// What Jeton asked GitHub for when it made this token (the wizard's choices), to
    /// renew it alike; `None` for a token made elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<crate::create::Creation>,
    /// The reminders already notified (threshold and the expiry it was about, and a
    /// snooze), so none fires twice across restarts; see `reminders`.
    #[serde(default)]
    pub reminders_sent: Vec<crate::reminders::SentReminder>,
    /// An installation token Jeton minted for a GitHub App: from which app and
    /// installation, for what, and whether it is kept once expired (see `apps`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minted: Option<crate::apps::MintedFrom>,
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
            expiry_unknown: false,
            created_at,
            last_check: None,
            last_failure: None,
            fingerprint: None,
            notes: String::new(),
            predecessor: None,
            request: None,
            reminders_sent: vec![],
            minted: None,
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
    /// What the scopes grant, as the documented tree (see `github::grants`); `None`
    /// when the scopes are unknown.
    pub grants: Option<Vec<crate::github::grants::GrantNode>>,
    /// Fine-grained permissions as recorded when Jeton made the token (GitHub's API
    /// does not report them); `None` when unknown.
    pub permissions: Option<std::collections::BTreeMap<String, String>>,
    pub expires_at: Option<String>,
    pub status: TokenStatus,
    pub sso_url: Option<String>,
    pub error: Option<ErrorPayload>,
    /// Calendar days from today to the expiry date in the local time zone (1 is
    /// tomorrow, 0 today, negative once expired); `None` when it never expires or
    /// GitHub no longer accepts it (its days no longer count).
    pub days_left: Option<i32>,
    /// GitHub said this token has no expiry date.
    pub never_expires: bool,
    /// When GitHub last gave a verdict on it.
    pub last_checked: Option<String>,
    /// The latest check could not reach GitHub: `status`, the expiry and
    /// `last_checked` are the last known ones and `error` says why it failed.
    pub unreachable: bool,
    /// The keychain no longer holds this token's secret.
    pub secret_missing: bool,
    /// How close its expiry is, for colour and words (see `status::urgency`).
    pub urgency: Urgency,
    /// Whether the user should do something about it (see `status::needs_attention`).
    pub needs_attention: bool,
    /// The page on its host where the token is managed (renewed, deleted).
    pub settings_url: Option<String>,
}

/// How close a token's end is: the one rule for colours and the tray's icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// Nothing to do about its expiry (far off, none, or no longer relevant).
    None,
    /// Expires within the attention window (two weeks).
    Soon,
    /// Expires within the expiring window (a week).
    Urgent,
    /// Expired or no longer accepted.
    Over,
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
