//! The catalogues the wizard shows, in the reader's language: every fine-grained
//! permission with its section, levels, GitHub's label and a description, and the
//! presets with the request each one fills in. (The classic scopes' tree is
//! `github::scopes::scope_tree`, which carries both languages.)

use serde::Serialize;

use crate::github::permissions::{permissions, Level, Section};
use crate::github::presets::PRESETS;
use crate::github::request::{RequestKind, TokenRequest};
use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PermissionEntry {
    pub key: String,
    pub section: Section,
    /// The levels it allows, lowest first.
    pub levels: Vec<Level>,
    /// The label on GitHub's page (in English, as there).
    pub label: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PresetEntry {
    pub id: String,
    pub kind: RequestKind,
    pub title: String,
    pub explanation: String,
    /// The preset's grants as a request (its name left empty, for the wizard to fill).
    pub request: TokenRequest,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct CreationCatalogue {
    pub permissions: Vec<PermissionEntry>,
    pub presets: Vec<PresetEntry>,
}

pub fn creation_catalogue(lang: Lang) -> CreationCatalogue {
    CreationCatalogue {
        permissions: permissions()
            .iter()
            .map(|p| PermissionEntry {
                key: p.key.clone(),
                section: p.section,
                levels: p.levels.clone(),
                label: p.label.to_owned(),
                description: p.description(lang).to_owned(),
            })
            .collect(),
        presets: PRESETS
            .iter()
            .map(|p| PresetEntry {
                id: p.id.to_owned(),
                kind: p.kind,
                title: p.title(lang).to_owned(),
                explanation: p.explanation(lang).to_owned(),
                request: p.request(""),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_permission_and_preset_in_the_readers_language() {
        let en = creation_catalogue(Lang::En);
        let fr = creation_catalogue(Lang::Fr);
        assert_eq!(en.permissions.len(), permissions().len());
        let contents = |c: &CreationCatalogue| c.permissions.iter().find(|p| p.key == "contents").cloned().unwrap();
        assert_eq!(contents(&en).label, "Contents");
        assert_eq!(contents(&en).levels, [Level::Read, Level::Write]);
        assert!(contents(&fr).description.starts_with("Le code"));
        assert_eq!(en.presets.len(), PRESETS.len());
        let gh = fr.presets.iter().find(|p| p.id == "gh_cli").unwrap();
        assert_eq!((gh.kind, gh.title.as_str()), (RequestKind::Classic, "Minimum pour gh"));
        let TokenRequest::Classic(c) = &gh.request else { panic!("classic") };
        assert_eq!(c.scopes, ["repo", "read:org", "gist"]);
    }
}
