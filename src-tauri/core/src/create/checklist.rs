//! GitHub's pre-filled creation page for a [`Creation`], and the same settings as a
//! checklist in the words of GitHub's page. GitHub's template URLs for fine-grained
//! tokens have changed before (docs/github.md, "Creation URLs"), and some settings
//! (a classic token's expiry, repository selection) cannot be pre-filled at all: the
//! checklist is what the user follows when the page comes up empty.

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::{Creation, RepositoryAccess};
use crate::config::Host;
use crate::error::Result;
use crate::github::permissions::{self, Level, Section};
use crate::github::request::{creation_url, Expiry, TokenRequest};
use crate::i18n::Lang;

/// One setting to check on GitHub's page: GitHub's label and value (GitHub's pages are
/// in English), and a word in the user's language when it helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ChecklistItem {
    pub label: String,
    pub value: String,
    pub note: Option<String>,
}

/// The page to open and what should be on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CreationPage {
    pub url: String,
    pub checklist: Vec<ChecklistItem>,
}

/// The lifetimes GitHub's expiration menu offers by name; any other is "Custom".
const MENU_DAYS: [u32; 4] = [7, 30, 60, 90];
/// GitHub's default lifetime, when none is chosen.
pub const DEFAULT_DAYS: u32 = 30;

fn item(label: impl Into<String>, value: impl Into<String>, note: Option<String>) -> ChecklistItem {
    ChecklistItem { label: label.into(), value: value.into(), note }
}

fn say(lang: Lang, en: &str, fr: &str) -> Option<String> {
    Some(if lang == Lang::Fr { fr } else { en }.to_owned())
}

/// The page on `host` for `creation` (GitHub's rules checked first) and its checklist.
pub fn creation_page(host: &Host, creation: &Creation, today: NaiveDate, lang: Lang) -> Result<CreationPage> {
    if let Some(e) = creation.expires {
        Expiry::parse(&e.as_param())?; // a classic token's lifetime is not in its URL
    }
    let url = creation_url(host, &creation.token_request())?;
    Ok(CreationPage { url: url.into(), checklist: checklist(creation, today, lang) })
}

/// The settings as GitHub's page words them, in the page's order.
pub fn checklist(creation: &Creation, today: NaiveDate, lang: Lang) -> Vec<ChecklistItem> {
    let mut out = Vec::new();
    match &creation.request {
        TokenRequest::Classic(c) => {
            out.push(item("Note", c.note.clone(), None));
            out.push(expiration(creation.expires, today, lang, true));
            if c.scopes.is_empty() {
                out.push(item(
                    "Select scopes",
                    "(none)",
                    say(lang, "Public data only.", "Données publiques seulement."),
                ));
            }
            for s in &c.scopes {
                out.push(item(format!("Select scopes › {s}"), "✓", None));
            }
        }
        TokenRequest::FineGrained(f) => {
            out.push(item("Token name", f.name.clone(), None));
            if !f.description.is_empty() {
                out.push(item("Description", f.description.clone(), None));
            }
            if let Some(owner) = creation.owner() {
                out.push(item("Resource owner", owner, None));
            }
            out.push(expiration(creation.expires, today, lang, false));
            out.extend(access(creation, lang));
            let requested = f.permissions.clone();
            for section in [Section::Repository, Section::Organization, Section::Account] {
                let granted = f.granted_permissions();
                for (key, level) in granted.iter().filter(|(k, _)| section_of(k) == Some(section)) {
                    let label = permissions::permission(key).map_or(key.as_str(), |p| p.label);
                    let note = (!requested.contains_key(key))
                        .then(|| say(lang, "GitHub adds it by itself.", "GitHub l’ajoute de lui-même."))
                        .flatten();
                    out.push(item(format!("{} › {label}", section_title(section)), level_words(*level), note));
                }
            }
        }
    }
    out
}

fn section_of(key: &str) -> Option<Section> {
    permissions::permission(key).map(|p| p.section)
}

fn section_title(s: Section) -> &'static str {
    match s {
        Section::Repository => "Repository permissions",
        Section::Organization => "Organization permissions",
        Section::Account => "Account permissions",
    }
}

/// A level as GitHub's permission menus word it.
pub fn level_words(level: Level) -> &'static str {
    match level {
        Level::Read => "Read-only",
        Level::Write => "Read and write",
        Level::Admin => "Admin",
    }
}

fn expiration(expires: Option<Expiry>, today: NaiveDate, lang: Lang, classic: bool) -> ChecklistItem {
    let until = |d: u32| today.checked_add_days(Days::new(u64::from(d))).map(|d| d.format("%Y-%m-%d").to_string());
    let (value, note) = match expires {
        None => (
            format!("{DEFAULT_DAYS} days"),
            say(
                lang,
                "GitHub's default; an organization's policy may shorten it.",
                "La valeur par défaut de GitHub ; la règle d’une organisation peut la raccourcir.",
            ),
        ),
        Some(Expiry::Never) => (
            "No expiration".to_owned(),
            say(lang, "An organization's policy may refuse it.", "La règle d’une organisation peut la refuser."),
        ),
        Some(Expiry::Days(d)) if MENU_DAYS.contains(&d) => {
            let date = until(d).unwrap_or_default();
            (
                format!("{d} days"),
                if lang == Lang::Fr { Some(format!("jusqu’au {date}")) } else { Some(format!("until {date}")) },
            )
        }
        Some(Expiry::Days(d)) => (
            format!("Custom… {}", until(d).unwrap_or_default()),
            say(lang, "Pick this date in GitHub's calendar.", "Choisissez cette date dans le calendrier de GitHub."),
        ),
    };
    let note = if classic {
        let set = say(
            lang,
            "Choose it on GitHub's page: its link cannot carry it.",
            "Choisissez-la sur la page de GitHub : son lien ne peut pas la transmettre.",
        );
        Some([note, set].into_iter().flatten().collect::<Vec<_>>().join(" "))
    } else {
        note
    };
    item("Expiration", value, note)
}

fn access(creation: &Creation, lang: Lang) -> Vec<ChecklistItem> {
    let tick = say(lang, "Tick it on GitHub's page.", "Cochez-le sur la page de GitHub.");
    match creation.access {
        RepositoryAccess::Public => vec![item("Repository access", "Public repositories", None)],
        RepositoryAccess::All => vec![item("Repository access", "All repositories", None)],
        RepositoryAccess::Selected => std::iter::once(item(
            "Repository access",
            "Only select repositories",
            if creation.repositories.is_empty() {
                say(
                    lang,
                    "GitHub's link cannot choose them: pick them on GitHub's page.",
                    "Le lien de GitHub ne peut pas les choisir : sélectionnez-les sur la page de GitHub.",
                )
            } else {
                say(
                    lang,
                    "GitHub's link cannot choose them: pick each one below.",
                    "Le lien de GitHub ne peut pas les choisir : sélectionnez chacun de ceux ci-dessous.",
                )
            },
        ))
        .chain(creation.repositories.iter().map(|r| item("Select repositories", r.clone(), tick.clone())))
        .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::request::{ClassicRequest, FineGrainedRequest};
    use std::collections::BTreeMap;

    fn host() -> Host {
        Host { web: "https://github.com".parse().unwrap(), api: "https://api.github.com".parse().unwrap() }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    fn fine(permissions: &[(&str, Level)]) -> Creation {
        Creation {
            host: None,
            account: Some("octocat".into()),
            request: TokenRequest::FineGrained(FineGrainedRequest {
                name: "deploy".into(),
                description: "for CI".into(),
                owner: Some("acme".into()),
                permissions: permissions.iter().map(|(k, l)| ((*k).to_owned(), *l)).collect::<BTreeMap<_, _>>(),
                ..Default::default()
            }),
            expires: Some(Expiry::Days(45)),
            access: RepositoryAccess::Selected,
            repositories: vec!["acme/api".into(), "acme/web".into()],
            renews: None,
        }
    }

    fn rows(page: &CreationPage) -> Vec<(String, String)> {
        page.checklist.iter().map(|i| (i.label.clone(), i.value.clone())).collect()
    }

    #[test]
    fn a_fine_grained_checklist_follows_githubs_page_with_what_the_url_cannot_say() {
        let page =
            creation_page(&host(), &fine(&[("contents", Level::Write), ("members", Level::Read)]), today(), Lang::En)
                .unwrap();
        assert!(page.url.starts_with("https://github.com/settings/personal-access-tokens/new?name=deploy"));
        assert!(page.url.contains("expires_in=45") && page.url.contains("target_name=acme"));
        let s = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            rows(&page),
            [
                s("Token name", "deploy"),
                s("Description", "for CI"),
                s("Resource owner", "acme"),
                s("Expiration", "Custom… 2027-01-15"),
                s("Repository access", "Only select repositories"),
                s("Select repositories", "acme/api"),
                s("Select repositories", "acme/web"),
                s("Repository permissions › Contents", "Read and write"),
                s("Repository permissions › Metadata", "Read-only"),
                s("Organization permissions › Members", "Read-only"),
            ]
        );
        let metadata = &page.checklist[8];
        assert_eq!(metadata.note.as_deref(), Some("GitHub adds it by itself."));
        let none = Creation { repositories: vec![], ..fine(&[]) };
        assert!(checklist(&none, today(), Lang::En)[4].note.as_deref().unwrap().contains("pick them on GitHub's page"));
        let fr = checklist(&fine(&[("contents", Level::Write)]), today(), Lang::Fr);
        assert_eq!(fr[5].note.as_deref(), Some("Cochez-le sur la page de GitHub."));
    }

    #[test]
    fn a_classic_checklist_says_to_pick_the_expiry_githubs_link_cannot_carry() {
        let c = Creation {
            request: TokenRequest::Classic(ClassicRequest {
                note: "gh".into(),
                scopes: vec!["repo".into(), "gist".into()],
            }),
            expires: Some(Expiry::Days(30)),
            ..fine(&[])
        };
        let page = creation_page(&host(), &c, today(), Lang::En).unwrap();
        assert_eq!(page.url, "https://github.com/settings/tokens/new?scopes=repo%2Cgist&description=gh");
        assert_eq!(rows(&page)[1], ("Expiration".to_owned(), "30 days".to_owned()));
        assert!(page.checklist[1].note.as_deref().unwrap().contains("until 2026-12-31"));
        assert!(page.checklist[1].note.as_deref().unwrap().contains("cannot carry it"));
        assert_eq!(rows(&page)[2].0, "Select scopes › repo");
        let never = Creation { expires: Some(Expiry::Never), ..c.clone() };
        assert_eq!(checklist(&never, today(), Lang::En)[1].value, "No expiration");
        let default = Creation { expires: None, ..c };
        assert_eq!(checklist(&default, today(), Lang::Fr)[1].value, "30 days");
    }

    #[test]
    fn a_broken_rule_stops_before_any_url() {
        let mut c = fine(&[]);
        c.request = TokenRequest::FineGrained(FineGrainedRequest { name: "x".repeat(41), ..Default::default() });
        assert_eq!(creation_page(&host(), &c, today(), Lang::En).unwrap_err().code(), "request_name_too_long");
        c.expires = Some(Expiry::Days(400));
        c.request = TokenRequest::FineGrained(FineGrainedRequest { name: "ok".into(), ..Default::default() });
        assert_eq!(creation_page(&host(), &c, today(), Lang::En).unwrap_err().code(), "request_expiry_invalid");
    }
}
