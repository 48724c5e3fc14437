//! Presets: what people most often make a token for, with the least that does it, each
//! explained in a sentence (English and French). Fine-grained where GitHub allows it;
//! classic where fine-grained tokens cannot do the job (GitHub Packages) or a tool asks for
//! scopes (`gh`).

use serde::Serialize;

use super::permissions::Level;
use super::request::{ClassicRequest, FineGrainedRequest, RequestKind, TokenRequest};
use crate::i18n::Lang;

/// One fine-grained permission of a preset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PresetPermission {
    pub key: &'static str,
    pub level: Level,
}

/// A ready-made set of grants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preset {
    /// Stable identifier, e.g. `clone_push`.
    pub id: &'static str,
    pub kind: RequestKind,
    pub title_en: &'static str,
    pub title_fr: &'static str,
    /// One sentence: what a token made from it can do.
    pub explanation_en: &'static str,
    pub explanation_fr: &'static str,
    /// Fine-grained presets: the permissions (metadata read comes with any repository one).
    pub permissions: &'static [PresetPermission],
    /// Classic presets: the scopes.
    pub scopes: &'static [&'static str],
}

impl Preset {
    pub fn title(&self, lang: Lang) -> &'static str {
        if lang == Lang::Fr {
            self.title_fr
        } else {
            self.title_en
        }
    }

    pub fn explanation(&self, lang: Lang) -> &'static str {
        if lang == Lang::Fr {
            self.explanation_fr
        } else {
            self.explanation_en
        }
    }

    /// A request of the preset's kind with its grants, named `name`; the other fields
    /// are GitHub's defaults for the wizard to change.
    pub fn request(&self, name: &str) -> TokenRequest {
        match self.kind {
            RequestKind::Classic => TokenRequest::Classic(ClassicRequest {
                note: name.to_owned(),
                scopes: self.scopes.iter().map(|s| (*s).to_owned()).collect(),
            }),
            RequestKind::FineGrained => TokenRequest::FineGrained(FineGrainedRequest {
                name: name.to_owned(),
                permissions: self.permissions.iter().map(|p| (p.key.to_owned(), p.level)).collect(),
                ..Default::default()
            }),
        }
    }
}

const fn perm(key: &'static str, level: Level) -> PresetPermission {
    PresetPermission { key, level }
}

const fn fine(
    id: &'static str,
    titles: [&'static str; 2],
    explanations: [&'static str; 2],
    permissions: &'static [PresetPermission],
) -> Preset {
    Preset {
        id,
        kind: RequestKind::FineGrained,
        title_en: titles[0],
        title_fr: titles[1],
        explanation_en: explanations[0],
        explanation_fr: explanations[1],
        permissions,
        scopes: &[],
    }
}

const fn classic(
    id: &'static str,
    titles: [&'static str; 2],
    explanations: [&'static str; 2],
    scopes: &'static [&'static str],
) -> Preset {
    Preset {
        id,
        kind: RequestKind::Classic,
        title_en: titles[0],
        title_fr: titles[1],
        explanation_en: explanations[0],
        explanation_fr: explanations[1],
        permissions: &[],
        scopes,
    }
}

use Level::{Read, Write};

/// Every preset, the most common first.
pub const PRESETS: &[Preset] = &[
    fine(
        "clone_push",
        ["Clone and push to chosen repositories", "Cloner et pousser vers des dépôts choisis"],
        [
            "Clone, pull and push code, branches and tags in the repositories you select on GitHub's page, and nothing else.",
            "Cloner, tirer et pousser code, branches et étiquettes dans les dépôts que vous choisissez sur la page de GitHub, et rien d’autre.",
        ],
        &[perm("contents", Write)],
    ),
    fine(
        "read_only",
        ["Read chosen repositories", "Lire des dépôts choisis"],
        [
            "Clone and pull the repositories you select, without being able to change anything.",
            "Cloner et tirer les dépôts que vous choisissez, sans pouvoir rien y modifier.",
        ],
        &[perm("contents", Read)],
    ),
    fine(
        "pull_requests",
        ["Open and review pull requests", "Ouvrir et relire des pull requests"],
        [
            "Push branches, open pull requests, comment on them and review them in the repositories you select.",
            "Pousser des branches, ouvrir des pull requests, les commenter et les relire dans les dépôts que vous choisissez.",
        ],
        &[perm("contents", Write), perm("pull_requests", Write)],
    ),
    fine(
        "issues",
        ["Triage issues", "Trier les tickets"],
        [
            "Open, comment on, label, assign and close issues in the repositories you select, without access to the code.",
            "Ouvrir, commenter, étiqueter, assigner et fermer des tickets dans les dépôts que vous choisissez, sans accès au code.",
        ],
        &[perm("issues", Write)],
    ),
    fine(
        "ci_release",
        ["CI release", "Publication depuis la CI"],
        [
            "For a CI job that publishes releases: push tags, create releases with their files and open release pull requests.",
            "Pour une tâche de CI qui publie des versions : pousser des étiquettes, créer des versions avec leurs fichiers et ouvrir des pull requests de publication.",
        ],
        &[perm("contents", Write), perm("pull_requests", Write)],
    ),
    fine(
        "actions",
        ["Manage GitHub Actions", "Gérer GitHub Actions"],
        [
            "Change workflow files, set Actions secrets and variables, and re-run or cancel runs in the repositories you select.",
            "Modifier les fichiers de workflow, définir les secrets et variables Actions, et relancer ou annuler des exécutions dans les dépôts que vous choisissez.",
        ],
        &[
            perm("actions", Write),
            perm("actions_variables", Write),
            perm("contents", Write),
            perm("secrets", Write),
            perm("workflows", Write),
        ],
    ),
    fine(
        "gists",
        ["Gists", "Gists"],
        [
            "Create, edit and delete your gists, with no access to any repository.",
            "Créer, modifier et supprimer vos gists, sans accès à aucun dépôt.",
        ],
        &[perm("gists", Write)],
    ),
    classic(
        "packages",
        ["Read and publish packages", "Lire et publier des paquets"],
        [
            "Install and publish packages in GitHub Packages (container images, npm, Maven…): fine-grained tokens cannot, so this one is classic.",
            "Installer et publier des paquets dans GitHub Packages (images de conteneur, npm, Maven…) : les jetons à granularité fine ne le peuvent pas, celui-ci est donc classique.",
        ],
        &["write:packages", "read:packages"],
    ),
    classic(
        "gh_cli",
        ["gh CLI minimum", "Minimum pour gh"],
        [
            "The scopes GitHub's `gh` command line asks for at least: repositories, reading your organizations, and gists.",
            "Les portées que demande au minimum la ligne de commande `gh` de GitHub : dépôts, lecture de vos organisations et gists.",
        ],
        &["repo", "read:org", "gist"],
    ),
];

/// The preset with identifier `id`.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::{permissions, scopes};

    #[test]
    fn every_preset_is_explained_and_valid() {
        for (i, p) in PRESETS.iter().enumerate() {
            assert!(PRESETS[..i].iter().all(|o| o.id != p.id), "duplicate {}", p.id);
            for s in [p.explanation_en, p.explanation_fr] {
                assert!(s.ends_with('.') && !s.contains('\n'), "{}: {s}", p.id);
            }
            assert_ne!(p.explanation_en, p.explanation_fr, "{}", p.id);
            assert!(!p.title_en.is_empty() && !p.title_fr.is_empty());
            match p.kind {
                RequestKind::Classic => assert!(p.permissions.is_empty() && !p.scopes.is_empty(), "{}", p.id),
                RequestKind::FineGrained => assert!(p.scopes.is_empty() && !p.permissions.is_empty(), "{}", p.id),
            }
            for perm in p.permissions {
                let info = permissions::permission(perm.key).unwrap_or_else(|| panic!("{}: {}", p.id, perm.key));
                assert!(info.allows(perm.level), "{}: {} {:?}", p.id, perm.key, perm.level);
            }
            for s in p.scopes {
                assert!(scopes::info(s).is_some(), "{}: {s}", p.id);
            }
            // A request made from it passes the URL builder's rules.
            p.request("from a preset").checked().unwrap_or_else(|e| panic!("{}: {e}", p.id));
        }
    }

    #[test]
    fn the_issues_presets() {
        let cp = preset("clone_push").unwrap();
        assert_eq!(cp.permissions, [perm("contents", Write)]);
        assert_eq!(preset("packages").unwrap().scopes, ["write:packages", "read:packages"]);
        assert_eq!(preset("gh_cli").unwrap().scopes, ["repo", "read:org", "gist"]);
        assert_eq!(preset("pull_requests").unwrap().title(Lang::En), "Open and review pull requests");
        assert!(preset("ci_release").is_some());
        let TokenRequest::Classic(c) = preset("gh_cli").unwrap().request("laptop") else { panic!("classic") };
        assert_eq!((c.note.as_str(), c.scopes.len()), ("laptop", 3));
    }
}
