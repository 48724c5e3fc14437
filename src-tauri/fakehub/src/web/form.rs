//! The two creation forms as GitHub reads them: from the template URL's parameters when
//! the page opens (GitHub docs, "Pre-filling fine-grained personal access token details
//! using URL parameters"; classic `scopes` and `description`), and from the submitted form,
//! with GitHub's validation. The same field names serve both, so a submitted form is the
//! template URL's parameters plus what the page adds (repository access).

use std::collections::BTreeMap;

use super::catalogue;
use crate::input::RepositoryAccess;
use crate::scopes;
use crate::state::{Store, User};

/// Lifetime as `expires_in` says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Expires {
    Days(u32),
    Never,
}

/// Parses `expires_in`; GitHub's default is 30 days.
fn expires(value: Option<&str>, errors: &mut Vec<String>) -> (Expires, String) {
    let Some(v) = value.map(str::trim) else { return (Expires::Days(30), "30".into()) };
    if v == "none" {
        return (Expires::Never, v.into());
    }
    match v.parse::<u32>() {
        Ok(d) if (1..=366).contains(&d) => (Expires::Days(d), v.into()),
        _ => {
            errors.push(format!("Expiration must be a number of days from 1 to 366, or none (got \"{v}\")."));
            (Expires::Days(30), v.into())
        }
    }
}

fn too_long(field: &str, value: &str, max: usize, errors: &mut Vec<String>) {
    if value.chars().count() > max {
        errors.push(format!("{field} is too long (maximum is {max} characters)."));
    }
}

fn last<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

/// Fields of the fine-grained page that are not permissions.
const FINE_GRAINED_FIELDS: &[&str] =
    &["name", "description", "target_name", "expires_in", "repository_access", "repositories"];

/// The fine-grained page's values and what GitHub says about them.
#[derive(Clone, Debug)]
pub(crate) struct FineGrained {
    pub name: String,
    pub description: String,
    /// The resource owner's login (the signed-in user by default).
    pub owner: String,
    pub owner_is_org: bool,
    pub expires: Expires,
    /// `expires_in` as given, to show it again.
    pub expires_text: String,
    /// Chosen permissions, `key -> level`.
    pub permissions: BTreeMap<String, String>,
    pub access: RepositoryAccess,
    pub errors: Vec<String>,
}

impl FineGrained {
    /// Reads `pairs` (URL parameters or the submitted form) for `user`. `submitted`
    /// adds the rules that only apply when generating (a name, a repository choice).
    pub(crate) fn read(pairs: &[(String, String)], store: &Store, user: &User, submitted: bool) -> FineGrained {
        let mut errors = Vec::new();
        let name = last(pairs, "name").unwrap_or_default().to_owned();
        if submitted && name.trim().is_empty() {
            errors.push("Name can't be blank.".into());
        }
        too_long("Name", &name, 40, &mut errors);
        let description = last(pairs, "description").unwrap_or_default().to_owned();
        too_long("Description", &description, 1024, &mut errors);
        let (owner, owner_is_org) = match last(pairs, "target_name").filter(|t| !t.is_empty()) {
            None => (user.login.clone(), false),
            Some(t) if t.eq_ignore_ascii_case(&user.login) => (user.login.clone(), false),
            Some(t) => match store.org_by_login(t).filter(|o| o.members.contains(&user.id)) {
                Some(org) => (org.login.clone(), true),
                None => {
                    errors.push(format!("Cannot find the specified resource owner: {t}"));
                    (user.login.clone(), false)
                }
            },
        };
        let (expires, expires_text) = expires(last(pairs, "expires_in"), &mut errors);
        let mut permissions = BTreeMap::new();
        for (key, level) in pairs.iter().filter(|(k, v)| !FINE_GRAINED_FIELDS.contains(&k.as_str()) && !v.is_empty()) {
            let Some(p) = catalogue::permission(key) else {
                errors.push(format!("Unknown permission: {key}."));
                continue;
            };
            if !p.levels.contains(level) {
                errors.push(format!("{key} cannot be {level}: it allows {}.", p.levels.join(", ")));
                continue;
            }
            match (p.section.as_str(), owner_is_org) {
                ("account", true) => {
                    errors.push(format!("{key} is an account permission: it needs you as the resource owner."))
                }
                ("organization", false) => errors.push(format!(
                    "{key} is an organization permission: it needs an organization as the resource owner."
                )),
                _ => {
                    permissions.insert(key.clone(), level.clone());
                }
            }
        }
        let access = Self::access(pairs, store, &owner, submitted, &mut errors);
        FineGrained { name, description, owner, owner_is_org, expires, expires_text, permissions, access, errors }
    }

    fn access(
        pairs: &[(String, String)],
        store: &Store,
        owner: &str,
        submitted: bool,
        errors: &mut Vec<String>,
    ) -> RepositoryAccess {
        let chosen: Vec<String> = pairs.iter().filter(|(k, _)| k == "repositories").map(|(_, v)| v.clone()).collect();
        match last(pairs, "repository_access") {
            Some("all") => RepositoryAccess::All,
            Some("selected") => {
                let owned = |full: &String| {
                    store.repos.iter().any(|r| {
                        r.owner_login.eq_ignore_ascii_case(owner) && format!("{}/{}", r.owner_login, r.name) == *full
                    })
                };
                if let Some(bad) = chosen.iter().find(|c| !owned(c)) {
                    errors.push(format!("{owner} has no repository {bad}."));
                }
                if submitted && chosen.is_empty() {
                    errors.push("Select at least one repository.".into());
                }
                RepositoryAccess::Selected(chosen)
            }
            _ => RepositoryAccess::Public,
        }
    }

    /// What the token gets: the permissions, plus metadata read with any repository one.
    pub(crate) fn granted(&self) -> BTreeMap<String, String> {
        let mut out = self.permissions.clone();
        let repo = out.keys().any(|k| catalogue::permission(k).is_some_and(|p| p.section == "repository"));
        if repo {
            out.entry("metadata".into()).or_insert_with(|| "read".into());
        }
        out
    }
}

/// The classic page's values and what GitHub says about them.
#[derive(Clone, Debug)]
pub(crate) struct Classic {
    /// The note (`description` in the URL and the form).
    pub note: String,
    /// Ticked scopes, in the page's order.
    pub scopes: Vec<String>,
    pub expires: Expires,
    pub expires_text: String,
    pub errors: Vec<String>,
}

impl Classic {
    pub(crate) fn read(pairs: &[(String, String)], submitted: bool) -> Classic {
        let mut errors = Vec::new();
        let note = last(pairs, "description").unwrap_or_default().to_owned();
        if submitted && note.trim().is_empty() {
            errors.push("Note can't be blank.".into());
        }
        let given: Vec<&str> = pairs
            .iter()
            .filter(|(k, _)| k == "scopes")
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        for unknown in given.iter().filter(|s| !scopes::is_known(s)) {
            errors.push(format!("Unknown scope: {unknown}."));
        }
        let scopes = scopes::ALL.iter().filter(|s| given.contains(s)).map(|s| (*s).to_owned()).collect();
        let (expires, expires_text) = expires(last(pairs, "expires_in"), &mut errors);
        Classic { note, scopes, expires, expires_text, errors }
    }
}
