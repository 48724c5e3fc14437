//! What a person asks GitHub for when creating a token, GitHub's rules for it, and the
//! pre-filled creation URL that carries it (docs/github.md, "Creation URLs"):
//!
//! - classic: `{web}/settings/tokens/new?scopes=a,b&description=NOTE`;
//! - fine-grained: `{web}/settings/personal-access-tokens/new?name=…&description=…&
//!   target_name=…&expires_in=…&<permission>=<level>…`.
//!
//! Every rule is checked before a URL is built, so that a refusal names the rule instead
//! of GitHub's page coming up half empty. [`parse_creation_url`] reads a URL back.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use url::Url;

use super::permissions::{self, Level, Section};
use super::scopes;
use crate::config::Host;
use crate::error::{Error, Result};

/// GitHub's limit on a fine-grained token's name, in characters.
pub const NAME_MAX: usize = 40;
/// GitHub's limit on a fine-grained token's description, in characters. Jeton applies
/// it to a classic token's note too, which travels in the same `description` parameter
/// (GitHub documents no limit for it).
pub const DESCRIPTION_MAX: usize = 1024;
/// The longest lifetime `expires_in` takes, in days.
pub const EXPIRES_MAX_DAYS: u32 = 366;
/// GitHub's limit on a user or organization name.
const LOGIN_MAX: usize = 39;

const CLASSIC_PATH: [&str; 3] = ["settings", "tokens", "new"];
const FINE_GRAINED_PATH: [&str; 3] = ["settings", "personal-access-tokens", "new"];

/// Which kind of personal access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    Classic,
    FineGrained,
}

/// A fine-grained token's lifetime as `expires_in` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Expiry {
    /// Days from creation, 1 to 366.
    Days(u32),
    /// `none`: the token never expires (an organization's policy may refuse it).
    Never,
}

impl Expiry {
    /// Reads `expires_in`'s value: `1`–`366` or `none`.
    pub fn parse(s: &str) -> Result<Expiry> {
        let refused = || Error::RequestExpiryInvalid { given: s.to_owned() };
        if s == "none" {
            return Ok(Expiry::Never);
        }
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(refused());
        }
        let days = s.parse::<u32>().map_err(|_| refused())?;
        Expiry::Days(days).checked()
    }

    fn checked(self) -> Result<Expiry> {
        match self {
            Expiry::Days(d) if !(1..=EXPIRES_MAX_DAYS).contains(&d) => {
                Err(Error::RequestExpiryInvalid { given: d.to_string() })
            }
            e => Ok(e),
        }
    }

    /// The value of `expires_in`.
    pub fn as_param(self) -> String {
        match self {
            Expiry::Days(d) => d.to_string(),
            Expiry::Never => "none".into(),
        }
    }
}

/// A classic token: a note (its name on GitHub) and scopes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ClassicRequest {
    pub note: String,
    #[serde(default)]
    pub scopes: Vec<String>,
}

/// A fine-grained token. Repository selection cannot be pre-filled: the person ticks
/// the repositories on GitHub's page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FineGrainedRequest {
    pub name: String,
    /// Empty: none.
    #[serde(default)]
    pub description: String,
    /// The resource owner (`target_name`), a user or organization login; `None`: the
    /// signed-in user.
    #[serde(default)]
    pub owner: Option<String>,
    /// `None`: GitHub's default (30 days, or less under an organization's policy).
    #[serde(default)]
    pub expires: Option<Expiry>,
    #[serde(default)]
    pub permissions: BTreeMap<String, Level>,
}

/// What to ask GitHub for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TokenRequest {
    Classic(ClassicRequest),
    FineGrained(FineGrainedRequest),
}

/// A field of a request that only one kind of token has (for
/// [`Error::RequestOptionNotForKind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RequestOption {
    Scopes,
    Permissions,
    Owner,
    Expiry,
    Description,
}

fn check_name(name: &str, max: usize) -> Result<()> {
    if name.trim().is_empty() || name.chars().any(char::is_control) {
        return Err(Error::RequestNameInvalid);
    }
    let length = name.chars().count();
    if length > max {
        return Err(Error::RequestNameTooLong { length, max });
    }
    Ok(())
}

/// A GitHub login: letters, digits and hyphens, not starting with a hyphen, at most 39.
pub fn check_owner(owner: &str) -> Result<()> {
    let ok = !owner.is_empty()
        && owner.len() <= LOGIN_MAX
        && !owner.starts_with('-')
        && owner.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Error::RequestOwnerInvalid { owner: owner.to_owned() })
    }
}

/// Checks `key=level` against the catalogue.
pub fn check_permission(key: &str, level: &str) -> Result<Level> {
    let info = permissions::permission(key).ok_or_else(|| Error::RequestPermissionUnknown { key: key.to_owned() })?;
    Level::parse(level).filter(|l| info.allows(*l)).ok_or_else(|| Error::RequestLevelNotAllowed {
        key: key.to_owned(),
        level: level.to_owned(),
        allowed: info.levels.iter().map(|l| l.as_str().to_owned()).collect(),
    })
}

impl ClassicRequest {
    /// GitHub's rules; the scopes come back normalized as GitHub stores them.
    pub fn checked(&self) -> Result<ClassicRequest> {
        check_name(&self.note, DESCRIPTION_MAX)?;
        if let Some(bad) = self.scopes.iter().find(|s| scopes::info(s).is_none()) {
            return Err(Error::RequestScopeUnknown { scope: bad.clone() });
        }
        Ok(ClassicRequest { note: self.note.clone(), scopes: scopes::normalize_scopes(&self.scopes) })
    }
}

impl FineGrainedRequest {
    /// GitHub's rules for the creation page.
    pub fn checked(&self) -> Result<FineGrainedRequest> {
        check_name(&self.name, NAME_MAX)?;
        let length = self.description.chars().count();
        if length > DESCRIPTION_MAX {
            return Err(Error::RequestDescriptionTooLong { length, max: DESCRIPTION_MAX });
        }
        if let Some(owner) = &self.owner {
            check_owner(owner)?;
        }
        let expires = self.expires.map(Expiry::checked).transpose()?;
        for (key, level) in &self.permissions {
            check_permission(key, level.as_str())?;
        }
        let first_of = |section| self.permissions.keys().find(|k| section_of(k) == Some(section));
        if let (Some(account), Some(organization)) = (first_of(Section::Account), first_of(Section::Organization)) {
            return Err(Error::RequestPermissionsConflict {
                account: account.clone(),
                organization: organization.clone(),
            });
        }
        Ok(FineGrainedRequest { expires, ..self.clone() })
    }

    /// The rule GitHub's page applies once it knows who the owner is: account
    /// permissions only for the user, organization ones only for an organization.
    pub fn check_owner_kind(&self, owner_is_organization: bool) -> Result<()> {
        let wrong = if owner_is_organization { Section::Account } else { Section::Organization };
        match self.permissions.keys().find(|k| section_of(k) == Some(wrong)) {
            Some(key) => Err(Error::RequestPermissionWrongOwner { key: key.clone(), section: wrong }),
            None => Ok(()),
        }
    }

    /// What the token will have: the requested permissions, plus `metadata: read`,
    /// which GitHub adds to any token with a repository permission.
    pub fn granted_permissions(&self) -> BTreeMap<String, Level> {
        let mut out = self.permissions.clone();
        if out.keys().any(|k| section_of(k) == Some(Section::Repository)) {
            out.entry("metadata".into()).or_insert(Level::Read);
        }
        out
    }
}

fn section_of(key: &str) -> Option<Section> {
    permissions::permission(key).map(|p| p.section)
}

impl TokenRequest {
    pub fn kind(&self) -> RequestKind {
        match self {
            TokenRequest::Classic(_) => RequestKind::Classic,
            TokenRequest::FineGrained(_) => RequestKind::FineGrained,
        }
    }

    /// GitHub's rules; the request as GitHub will read it back (scopes normalized).
    pub fn checked(&self) -> Result<TokenRequest> {
        Ok(match self {
            TokenRequest::Classic(c) => TokenRequest::Classic(c.checked()?),
            TokenRequest::FineGrained(f) => TokenRequest::FineGrained(f.checked()?),
        })
    }
}

/// The pre-filled creation page on `host` for `request`, after checking GitHub's rules.
/// Any Unicode is percent-encoded (`application/x-www-form-urlencoded`, as GitHub's
/// examples write it).
pub fn creation_url(host: &Host, request: &TokenRequest) -> Result<Url> {
    let request = request.checked()?;
    let mut url = host.web.clone();
    url.set_query(None);
    url.set_fragment(None);
    let path = match request {
        TokenRequest::Classic(_) => CLASSIC_PATH,
        TokenRequest::FineGrained(_) => FINE_GRAINED_PATH,
    };
    url.path_segments_mut()
        .map_err(|_| Error::HostInvalid { url: Some(host.key()), reason: crate::error::HostRule::Unparsable })?
        .pop_if_empty()
        .extend(path);
    {
        let mut q = url.query_pairs_mut();
        match &request {
            TokenRequest::Classic(c) => {
                if !c.scopes.is_empty() {
                    q.append_pair("scopes", &c.scopes.join(","));
                }
                q.append_pair("description", &c.note);
            }
            TokenRequest::FineGrained(f) => {
                q.append_pair("name", &f.name);
                if !f.description.is_empty() {
                    q.append_pair("description", &f.description);
                }
                if let Some(owner) = &f.owner {
                    q.append_pair("target_name", owner);
                }
                if let Some(e) = f.expires {
                    q.append_pair("expires_in", &e.as_param());
                }
                for (key, level) in &f.permissions {
                    q.append_pair(key, level.as_str());
                }
            }
        }
    }
    Ok(url)
}

/// Reads a creation URL back into the request it carries (`None` when it is not one
/// of the two pages, or a value cannot be read). The request is not checked.
pub fn parse_creation_url(url: &Url) -> Option<TokenRequest> {
    let segments: Vec<&str> = url.path_segments()?.collect();
    let tail = segments.get(segments.len().checked_sub(3)?..)?;
    if tail == CLASSIC_PATH {
        let mut req = ClassicRequest::default();
        for (k, v) in url.query_pairs() {
            match &*k {
                "scopes" => req.scopes = v.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect(),
                "description" => req.note = v.into_owned(),
                _ => {}
            }
        }
        return Some(TokenRequest::Classic(req));
    }
    if tail != FINE_GRAINED_PATH {
        return None;
    }
    let mut req = FineGrainedRequest::default();
    for (k, v) in url.query_pairs() {
        match &*k {
            "name" => req.name = v.into_owned(),
            "description" => req.description = v.into_owned(),
            "target_name" => req.owner = Some(v.into_owned()),
            "expires_in" => req.expires = Some(Expiry::parse(&v).ok()?),
            key => {
                req.permissions.insert(key.to_owned(), Level::parse(&v)?);
            }
        }
    }
    Some(TokenRequest::FineGrained(req))
}

#[cfg(test)]
#[path = "request_tests.rs"]
mod tests;
