//! The catalogue of fine-grained personal access token permissions, as data: every key,
//! the section of GitHub's token page it belongs to, and the levels it allows.
//!
//! The list is generated (scripts/gen-permissions.mjs writes permissions.json) from the
//! `app-permissions` schema of GitHub's OpenAPI description, with the differences between
//! GitHub App and personal access token permissions that GitHub documents (docs/github.md,
//! "Fine-grained permissions"). A test compares the file with the schema. The words for
//! people live in permission_texts.rs.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::permission_texts::TEXTS;
use crate::i18n::Lang;

/// An access level. `write` includes `read`, and `admin` includes `write`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Read,
    Write,
    Admin,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Read, Level::Write, Level::Admin];

    /// The word GitHub's URLs use: `read`, `write`, `admin`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Read => "read",
            Level::Write => "write",
            Level::Admin => "admin",
        }
    }

    /// The level named `s` exactly as GitHub writes it.
    pub fn parse(s: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Whether holding `self` gives `other` (`write` gives `read`).
    pub fn includes(self, other: Level) -> bool {
        self >= other
    }
}

/// The part of GitHub's token page a permission is in. Account permissions only apply
/// when the resource owner is the user; organization ones only to an organization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Repository,
    Organization,
    Account,
}

/// One fine-grained permission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PermissionInfo {
    /// The URL parameter and API name, e.g. `pull_requests`.
    pub key: String,
    pub section: Section,
    /// The levels it allows, lowest first.
    pub levels: Vec<Level>,
    /// The label on GitHub's token page (GitHub's pages are in English).
    pub label: &'static str,
    pub description_en: &'static str,
    pub description_fr: &'static str,
}

impl PermissionInfo {
    pub fn description(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.description_fr,
            Lang::En => self.description_en,
        }
    }

    pub fn allows(&self, level: Level) -> bool {
        self.levels.contains(&level)
    }
}

/// The generated file, as written by scripts/gen-permissions.mjs (what only the drift
/// test reads is kept for it).
#[derive(Debug, Deserialize)]
#[cfg_attr(not(test), allow(dead_code))]
struct Generated {
    source: String,
    permissions: Vec<GeneratedEntry>,
    not_for_pats: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[cfg_attr(not(test), allow(dead_code))]
struct GeneratedEntry {
    key: String,
    section: Section,
    levels: Vec<Level>,
    /// The name in GitHub's schema (`None`: only documented for tokens).
    schema_key: Option<String>,
    schema_levels: Option<Vec<Level>>,
}

const GENERATED: &str = include_str!("permissions.json");

fn generated() -> Generated {
    serde_json::from_str(GENERATED).expect("permissions.json is written by scripts/gen-permissions.mjs")
}

/// Every permission personal access tokens can have: repository ones, then
/// organization ones, then account ones, each section by key.
pub fn permissions() -> &'static [PermissionInfo] {
    static CATALOGUE: OnceLock<Vec<PermissionInfo>> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        generated()
            .permissions
            .into_iter()
            .map(|e| {
                let (label, en, fr) = TEXTS
                    .iter()
                    .find(|t| t.0 == e.key)
                    .map(|t| (t.1, t.2, t.3))
                    // Never in a release: a test fails when an entry is missing.
                    .unwrap_or(("", "", ""));
                PermissionInfo {
                    key: e.key,
                    section: e.section,
                    levels: e.levels,
                    label,
                    description_en: en,
                    description_fr: fr,
                }
            })
            .collect()
    })
}

/// The catalogue entry for `key`, if tokens can have that permission.
pub fn permission(key: &str) -> Option<&'static PermissionInfo> {
    permissions().iter().find(|p| p.key == key)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};
    use std::path::Path;

    use super::*;

    /// `app-permissions` of the installed @octokit/openapi: `schema key -> levels`.
    fn schema() -> BTreeMap<String, Vec<Level>> {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/node_modules/@octokit/openapi/generated/api.github.com.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{}: {e}. Install the UI's packages (`npm ci --prefix ui`, which `make test` runs).", path.display())
        });
        let doc: serde_json::Value = serde_json::from_str(&text).expect("OpenAPI description is JSON");
        let props = doc["components"]["schemas"]["app-permissions"]["properties"].as_object().expect("app-permissions");
        props
            .iter()
            .map(|(k, v)| {
                let mut levels: Vec<Level> = serde_json::from_value(v["enum"].clone()).expect("levels");
                levels.sort();
                (k.clone(), levels)
            })
            .collect()
    }

    const REGENERATE: &str = "run `node scripts/gen-permissions.mjs` (and classify new keys in it)";

    #[test]
    fn generated_catalogue_agrees_with_githubs_schema() {
        let schema = schema();
        let generated = generated();
        let mut seen = HashSet::new();
        for e in &generated.permissions {
            let (Some(sk), Some(sl)) = (&e.schema_key, &e.schema_levels) else {
                assert!(!schema.contains_key(&e.key), "{} is now in GitHub's schema: {REGENERATE}", e.key);
                continue;
            };
            let levels = schema.get(sk).unwrap_or_else(|| panic!("{sk} is no longer in GitHub's schema: {REGENERATE}"));
            assert_eq!(sl, levels, "{sk}: the schema's levels changed: {REGENERATE}");
            assert!(e.levels.iter().all(|l| levels.contains(l)), "{}: levels outside the schema's", e.key);
            seen.insert(sk.as_str());
        }
        for key in &generated.not_for_pats {
            assert!(schema.contains_key(key), "{key} is no longer in GitHub's schema: {REGENERATE}");
            seen.insert(key.as_str());
        }
        for key in schema.keys() {
            assert!(seen.contains(key.as_str()), "GitHub's schema has a new permission, {key}: {REGENERATE}");
        }
        assert!(generated.source.contains("app-permissions"));
    }

    #[test]
    fn every_permission_has_a_label_and_both_descriptions() {
        let keys: HashSet<&str> = permissions().iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys.len(), permissions().len(), "duplicate keys");
        for p in permissions() {
            assert!(!p.label.is_empty(), "{} has no entry in permission_texts.rs", p.key);
            for d in [p.description_en, p.description_fr] {
                assert!(d.ends_with('.') && !d.contains('\n'), "{}: {d}", p.key);
            }
            assert_ne!(p.description_en, p.description_fr, "{} untranslated", p.key);
            assert!(!p.levels.is_empty() && p.levels.windows(2).all(|w| w[0] < w[1]), "{}", p.key);
        }
        for (key, ..) in TEXTS {
            assert!(keys.contains(key), "permission_texts.rs describes {key}, which is not in the catalogue");
        }
    }

    #[test]
    fn documented_sections_and_levels() {
        let p = |k| permission(k).unwrap_or_else(|| panic!("{k}"));
        assert_eq!(p("contents").section, Section::Repository);
        assert_eq!(p("metadata").levels, [Level::Read]);
        assert_eq!(p("workflows").levels, [Level::Write]);
        assert_eq!(p("organization_projects").levels, Level::ALL);
        assert_eq!(p("members").section, Section::Organization);
        // Named as on the token page, not as in the App schema.
        assert_eq!(p("emails").section, Section::Account);
        assert_eq!(p("gists").levels, [Level::Write]);
        assert!(permission("email_addresses").is_none());
        assert!(permission("checks").is_none(), "GitHub App only");
        assert_eq!(p("pull_requests").description(Lang::Fr), p("pull_requests").description_fr);
        assert_eq!(p("pull_requests").label, "Pull requests");
    }

    #[test]
    fn levels_include_lower_ones() {
        assert!(Level::Admin.includes(Level::Write) && Level::Write.includes(Level::Read));
        assert!(!Level::Read.includes(Level::Write));
        assert_eq!(Level::parse("write"), Some(Level::Write));
        assert_eq!(Level::parse("Write"), None);
        assert_eq!(serde_json::to_value(Level::Admin).unwrap(), "admin");
    }
}
