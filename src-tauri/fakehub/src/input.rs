//! The inputs of admin operations and their errors.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::expiry::ExpiryLayout;
use crate::tokens::TokenKind;

/// A user to create.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NewUser {
    pub login: String,
    #[serde(default)]
    pub id: Option<u64>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub avatar_url: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
}

/// An organization to create.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NewOrg {
    pub login: String,
    #[serde(default)]
    pub id: Option<u64>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// Enforce SAML SSO: classic tokens must be authorized for the org.
    #[serde(default)]
    pub sso_enforced: bool,
}

/// A repository to create, owned by a user or an org (`owner` is a login).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct NewRepo {
    pub owner: String,
    pub name: String,
    #[serde(default)]
    pub private: bool,
    #[serde(default)]
    pub description: Option<String>,
}

/// A token to mint for a user.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct NewToken {
    /// The owner's login.
    pub login: String,
    pub kind: TokenKind,
    /// Classic scopes (classic, oauth, legacy); normalized when stored.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Fine-grained permissions, `name -> level` (kept for later endpoints).
    #[serde(default)]
    pub permissions: BTreeMap<String, String>,
    /// `None`: never expires.
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub expiry_layout: ExpiryLayout,
    /// Logins of the SSO orgs this classic token is authorized for.
    #[serde(default)]
    pub sso_authorized: Vec<String>,
    #[serde(default)]
    pub name: Option<String>,
    /// Installation tokens only: the stateless JWT-like form instead of 40 chars.
    #[serde(default)]
    pub stateless: bool,
    /// Fine-grained tokens: the resource owner's login (the user or an org).
    #[serde(default)]
    pub owner: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    /// Fine-grained tokens: which of the owner's repositories it reaches.
    #[serde(default)]
    pub repository_access: Option<RepositoryAccess>,
}

/// The repositories a fine-grained token reaches, as chosen on the creation page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "repositories")]
pub enum RepositoryAccess {
    /// Public repositories (read-only).
    Public,
    All,
    /// `owner/name` of each.
    Selected(Vec<String>),
}

impl NewToken {
    /// A token of `kind` for `login`: no scopes, never expires, UTC layout.
    pub fn new(login: impl Into<String>, kind: TokenKind) -> Self {
        NewToken {
            login: login.into(),
            kind,
            scopes: Vec::new(),
            permissions: BTreeMap::new(),
            expires_at: None,
            expiry_layout: ExpiryLayout::Utc,
            sso_authorized: Vec::new(),
            name: None,
            stateless: false,
            owner: None,
            description: None,
            repository_access: None,
        }
    }

    /// A classic `ghp_` token with these scopes.
    pub fn classic(login: impl Into<String>, scopes: &[&str]) -> Self {
        Self::new(login, TokenKind::Classic).scopes(scopes)
    }

    pub fn scopes(mut self, scopes: &[&str]) -> Self {
        self.scopes = scopes.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn permission(mut self, name: &str, level: &str) -> Self {
        self.permissions.insert(name.into(), level.into());
        self
    }

    pub fn expires_at(mut self, at: DateTime<Utc>) -> Self {
        self.expires_at = Some(at);
        self
    }

    /// Expires `d` from now.
    pub fn expires_in(self, d: Duration) -> Self {
        self.expires_at(Utc::now() + d)
    }

    pub fn layout(mut self, layout: ExpiryLayout) -> Self {
        self.expiry_layout = layout;
        self
    }

    pub fn sso_authorized(mut self, orgs: &[&str]) -> Self {
        self.sso_authorized = orgs.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn name(mut self, name: &str) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The resource owner (a fine-grained token's `target_name`).
    pub fn owner(mut self, login: &str) -> Self {
        self.owner = Some(login.into());
        self
    }

    pub fn stateless(mut self) -> Self {
        self.stateless = true;
        self
    }
}

/// Why an admin operation was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdminError {
    /// A user or org with that login, or a repo with that name, exists.
    AlreadyExists(String),
    UnknownUser(String),
    UnknownOrg(String),
    UnknownToken,
    Invalid(String),
}

impl fmt::Display for AdminError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AdminError::AlreadyExists(what) => write!(f, "already exists: {what}"),
            AdminError::UnknownUser(l) => write!(f, "unknown user: {l}"),
            AdminError::UnknownOrg(l) => write!(f, "unknown org: {l}"),
            AdminError::UnknownToken => write!(f, "unknown token"),
            AdminError::Invalid(why) => write!(f, "invalid: {why}"),
        }
    }
}

impl std::error::Error for AdminError {}
