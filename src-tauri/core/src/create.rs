//! Making a token by pointing and clicking (docs/github.md, "Creation URLs"): the
//! wizard's choices ([`Creation`]), GitHub's pre-filled page and the same settings as
//! a checklist ([`checklist`]), the account's owners and repositories ([`accounts`]),
//! and taking the new token back from a paste or the clipboard, checked against what
//! was asked, then stored ([`finish`], [`clipboard`]).
//!
//! GitHub has no API to create a personal access token: the user confirms on GitHub's
//! page, which Jeton opens pre-filled, then hands the token back.

pub mod accounts;
pub mod catalogue;
pub mod checklist;
pub mod clipboard;
pub mod finish;

use serde::{Deserialize, Serialize};

use crate::github::request::{Expiry, RequestKind, TokenRequest};
use crate::model::TokenKind;

/// Which repositories a fine-grained token reaches; chosen on GitHub's page (its URL
/// cannot carry it), so the checklist says what to pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RepositoryAccess {
    /// Public repositories, read-only (GitHub's default).
    #[default]
    Public,
    All,
    /// Only the repositories listed in [`Creation::repositories`].
    Selected,
}

/// Everything the wizard asks for: where, for whom, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Creation {
    /// The host's web URL; `None`: the default host (github.com).
    #[serde(default)]
    pub host: Option<String>,
    /// The GitHub account (login) the token must belong to, when the user chose one.
    #[serde(default)]
    pub account: Option<String>,
    /// The token asked for. A fine-grained request's own `expires` is ignored:
    /// [`Creation::expires`] is the one lifetime, for both kinds.
    pub request: TokenRequest,
    /// How long the token lives; `None`: GitHub's default (30 days). A fine-grained
    /// token's page is pre-filled with it; a classic token's is not (its URL cannot
    /// carry it), so the checklist says what to pick.
    #[serde(default)]
    pub expires: Option<Expiry>,
    /// Fine-grained tokens: which repositories, ticked on GitHub's page.
    #[serde(default)]
    pub access: RepositoryAccess,
    /// With [`RepositoryAccess::Selected`]: `owner/name` of each.
    #[serde(default)]
    pub repositories: Vec<String>,
    /// The id of the token this one replaces (renewal).
    #[serde(default)]
    pub renews: Option<String>,
}

impl Creation {
    /// The request that goes into GitHub's URL, with the wizard's lifetime.
    pub fn token_request(&self) -> TokenRequest {
        match &self.request {
            TokenRequest::FineGrained(f) => TokenRequest::FineGrained(crate::github::request::FineGrainedRequest {
                expires: self.expires,
                ..f.clone()
            }),
            classic => classic.clone(),
        }
    }

    /// The token's name: a fine-grained token's name, a classic token's note.
    pub fn name(&self) -> &str {
        match &self.request {
            TokenRequest::Classic(c) => &c.note,
            TokenRequest::FineGrained(f) => &f.name,
        }
    }

    pub fn kind(&self) -> RequestKind {
        self.request.kind()
    }

    /// The resource owner: the one chosen, or the account itself.
    pub fn owner(&self) -> Option<&str> {
        match &self.request {
            TokenRequest::FineGrained(f) => f.owner.as_deref().or(self.account.as_deref()),
            TokenRequest::Classic(_) => self.account.as_deref(),
        }
    }
}

/// The kind of token GitHub's page for `kind` makes.
pub fn token_kind(kind: RequestKind) -> TokenKind {
    match kind {
        RequestKind::Classic => TokenKind::Classic,
        RequestKind::FineGrained => TokenKind::FineGrained,
    }
}

/// A renewed token's name: the old one with today's date in brackets (replacing an
/// earlier renewal's date), within GitHub's 40 characters. GitHub wants fine-grained
/// tokens' names to differ, and the two tokens live side by side until the old one goes.
pub fn renewal_name(old: &str, today: chrono::NaiveDate) -> String {
    let base = strip_date_suffix(old.trim());
    let suffix = format!(" ({})", today.format("%Y-%m-%d"));
    let room = crate::github::request::NAME_MAX.saturating_sub(suffix.chars().count());
    let base: String = base.chars().take(room).collect();
    format!("{}{suffix}", base.trim_end())
}

fn strip_date_suffix(name: &str) -> &str {
    let Some(open) = name.rfind(" (") else { return name };
    let inner = &name[open + 2..];
    let is_date = inner.len() == 11
        && inner.ends_with(')')
        && chrono::NaiveDate::parse_from_str(&inner[..10], "%Y-%m-%d").is_ok();
    if is_date {
        &name[..open]
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::request::{ClassicRequest, FineGrainedRequest};
    use chrono::NaiveDate;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_renewed_name_carries_todays_date_once_and_fits_githubs_limit() {
        assert_eq!(renewal_name("laptop git", day("2026-12-01")), "laptop git (2026-12-01)");
        assert_eq!(renewal_name("laptop git (2026-12-01)", day("2027-03-01")), "laptop git (2027-03-01)");
        assert_eq!(renewal_name("deploy (eu)", day("2027-03-01")), "deploy (eu) (2027-03-01)");
        let long = "a".repeat(40);
        let renewed = renewal_name(&long, day("2027-03-01"));
        assert_eq!(renewed.chars().count(), 40);
        assert!(renewed.ends_with("(2027-03-01)"));
    }

    #[test]
    fn the_wizards_lifetime_goes_into_a_fine_grained_url_and_names_are_read_per_kind() {
        let c = Creation {
            host: None,
            account: Some("octocat".into()),
            request: TokenRequest::FineGrained(FineGrainedRequest {
                name: "ci".into(),
                expires: Some(Expiry::Never),
                ..Default::default()
            }),
            expires: Some(Expiry::Days(7)),
            access: RepositoryAccess::Public,
            repositories: vec![],
            renews: None,
        };
        let TokenRequest::FineGrained(f) = c.token_request() else { panic!("fine-grained") };
        assert_eq!(f.expires, Some(Expiry::Days(7)));
        assert_eq!((c.name(), c.owner()), ("ci", Some("octocat")));
        let classic =
            Creation { request: TokenRequest::Classic(ClassicRequest { note: "n".into(), scopes: vec![] }), ..c };
        assert_eq!(classic.name(), "n");
        assert_eq!(token_kind(classic.kind()), TokenKind::Classic);
    }
}
