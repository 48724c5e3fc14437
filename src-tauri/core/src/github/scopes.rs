//! The catalogue of classic (OAuth) scopes, as data: the documented tree
//! (docs/github.md#scopes), with a one-line description of each
//! scope in English and French.
//!
//! GitHub normalizes a token's scopes by dropping those a granted parent implies
//! (`user,gist,user:email` is reported as `user, gist`); [`normalize_scopes`] does the
//! same, and [`implies`] answers "does this grant cover that one?".

use std::collections::HashSet;

use serde::Serialize;

/// One classic scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScopeInfo {
    pub name: &'static str,
    /// The scope that implies this one, if any.
    pub parent: Option<&'static str>,
    pub description_en: &'static str,
    pub description_fr: &'static str,
    /// Only exists on GitHub Enterprise Server.
    pub ghes_only: bool,
    /// Only exists where there are enterprise accounts (GHEC and GHES).
    pub enterprise: bool,
}

impl ScopeInfo {
    /// The description in `lang` (`"fr"` or anything else for English).
    pub fn description(&self, lang: &str) -> &'static str {
        if lang.starts_with("fr") {
            self.description_fr
        } else {
            self.description_en
        }
    }
}

const fn scope(
    name: &'static str,
    parent: Option<&'static str>,
    description_en: &'static str,
    description_fr: &'static str,
) -> ScopeInfo {
    ScopeInfo { name, parent, description_en, description_fr, ghes_only: false, enterprise: false }
}

const fn enterprise(mut s: ScopeInfo) -> ScopeInfo {
    s.enterprise = true;
    s
}

const fn ghes_only(mut s: ScopeInfo) -> ScopeInfo {
    s.ghes_only = true;
    s.enterprise = true;
    s
}

/// Every documented classic scope, parents before their children, in the docs' order.
pub const SCOPES: &[ScopeInfo] = &[
    scope(
        "repo",
        None,
        "Full control of repositories, public and private, including org projects, invitations, team memberships and webhooks.",
        "Contrôle total des dépôts, publics et privés, y compris projets d’organisation, invitations, équipes et webhooks.",
    ),
    scope(
        "repo:status",
        Some("repo"),
        "Read and write commit statuses in public and private repositories, without code access.",
        "Lire et écrire les statuts de commit des dépôts publics et privés, sans accès au code.",
    ),
    scope(
        "repo_deployment",
        Some("repo"),
        "Read and write deployment statuses, without code access.",
        "Lire et écrire les statuts de déploiement, sans accès au code.",
    ),
    scope(
        "public_repo",
        Some("repo"),
        "Read and write public repositories only (code, statuses, projects, stars).",
        "Lire et écrire les dépôts publics seulement (code, statuts, projets, étoiles).",
    ),
    scope(
        "repo:invite",
        Some("repo"),
        "Accept or decline invitations to collaborate on a repository.",
        "Accepter ou refuser les invitations à collaborer sur un dépôt.",
    ),
    scope(
        "security_events",
        Some("repo"),
        "Read and write security events (code scanning, secret scanning alerts).",
        "Lire et écrire les événements de sécurité (alertes d’analyse de code et de secrets).",
    ),
    scope(
        "admin:repo_hook",
        None,
        "Full control of repository webhooks, including deleting them.",
        "Contrôle total des webhooks de dépôt, suppression comprise.",
    ),
    scope(
        "write:repo_hook",
        Some("admin:repo_hook"),
        "Read, create and update repository webhooks.",
        "Lire, créer et modifier les webhooks de dépôt.",
    ),
    scope(
        "read:repo_hook",
        Some("admin:repo_hook"),
        "Read repository webhooks.",
        "Lire les webhooks de dépôt.",
    ),
    scope(
        "admin:org",
        None,
        "Full control of organizations, their teams, projects and memberships.",
        "Contrôle total des organisations, de leurs équipes, projets et membres.",
    ),
    scope(
        "write:org",
        Some("admin:org"),
        "Read and write organization membership, projects and team membership.",
        "Lire et écrire les membres, projets et équipes d’une organisation.",
    ),
    scope(
        "read:org",
        Some("admin:org"),
        "Read organization membership, projects and teams.",
        "Lire les membres, projets et équipes d’une organisation.",
    ),
    scope(
        "admin:public_key",
        None,
        "Full control of your public SSH keys.",
        "Contrôle total de vos clés SSH publiques.",
    ),
    scope(
        "write:public_key",
        Some("admin:public_key"),
        "Create, list and view your public SSH keys.",
        "Créer, lister et voir vos clés SSH publiques.",
    ),
    scope(
        "read:public_key",
        Some("admin:public_key"),
        "List and view your public SSH keys.",
        "Lister et voir vos clés SSH publiques.",
    ),
    scope(
        "admin:org_hook",
        None,
        "Full control of organization webhooks.",
        "Contrôle total des webhooks d’organisation.",
    ),
    scope("gist", None, "Create and edit gists.", "Créer et modifier des gists."),
    scope(
        "notifications",
        None,
        "Read your notifications and mark them read; watch and unwatch repositories.",
        "Lire vos notifications et les marquer lues ; suivre ou ne plus suivre des dépôts.",
    ),
    scope(
        "user",
        None,
        "Read and write your profile data.",
        "Lire et écrire les données de votre profil.",
    ),
    scope("read:user", Some("user"), "Read your profile data.", "Lire les données de votre profil."),
    scope(
        "user:email",
        Some("user"),
        "Read your email addresses.",
        "Lire vos adresses e-mail.",
    ),
    scope(
        "user:follow",
        Some("user"),
        "Follow and unfollow other users.",
        "Suivre d’autres utilisateurs ou cesser de les suivre.",
    ),
    scope(
        "project",
        None,
        "Read and write user and organization projects.",
        "Lire et écrire les projets des utilisateurs et des organisations.",
    ),
    scope(
        "read:project",
        Some("project"),
        "Read user and organization projects.",
        "Lire les projets des utilisateurs et des organisations.",
    ),
    scope(
        "delete_repo",
        None,
        "Delete repositories you administer.",
        "Supprimer les dépôts que vous administrez.",
    ),
    scope(
        "write:packages",
        None,
        "Upload and publish packages in GitHub Packages.",
        "Téléverser et publier des paquets dans GitHub Packages.",
    ),
    scope(
        "read:packages",
        None,
        "Download and install packages from GitHub Packages.",
        "Télécharger et installer des paquets depuis GitHub Packages.",
    ),
    scope(
        "delete:packages",
        None,
        "Delete packages from GitHub Packages.",
        "Supprimer des paquets de GitHub Packages.",
    ),
    scope(
        "admin:gpg_key",
        None,
        "Full control of your GPG keys.",
        "Contrôle total de vos clés GPG.",
    ),
    scope(
        "write:gpg_key",
        Some("admin:gpg_key"),
        "Create, list and view your GPG keys.",
        "Créer, lister et voir vos clés GPG.",
    ),
    scope(
        "read:gpg_key",
        Some("admin:gpg_key"),
        "List and view your GPG keys.",
        "Lister et voir vos clés GPG.",
    ),
    scope(
        "codespace",
        None,
        "Create and manage codespaces.",
        "Créer et gérer des codespaces.",
    ),
    scope(
        "workflow",
        None,
        "Add and update GitHub Actions workflow files.",
        "Ajouter et modifier les fichiers de workflow GitHub Actions.",
    ),
    enterprise(scope(
        "admin:enterprise",
        None,
        "Full control of enterprises (GHEC and GHES).",
        "Contrôle total des entreprises (GHEC et GHES).",
    )),
    enterprise(scope(
        "manage_runners:enterprise",
        Some("admin:enterprise"),
        "Full control of self-hosted runners in enterprises.",
        "Contrôle total des exécuteurs auto-hébergés des entreprises.",
    )),
    enterprise(scope(
        "manage_billing:enterprise",
        Some("admin:enterprise"),
        "Read and write enterprise billing data.",
        "Lire et écrire la facturation des entreprises.",
    )),
    enterprise(scope(
        "read:enterprise",
        Some("admin:enterprise"),
        "Read enterprise profile data.",
        "Lire le profil des entreprises.",
    )),
    scope(
        "read:audit_log",
        None,
        "Read audit log data.",
        "Lire le journal d’audit.",
    ),
    ghes_only(scope(
        "site_admin",
        None,
        "Site administrators: access to the GitHub Enterprise Server administration API.",
        "Administrateurs du site : accès à l’API d’administration de GitHub Enterprise Server.",
    )),
];

/// The catalogue entry for `name`, if it is a documented scope.
pub fn info(name: &str) -> Option<&'static ScopeInfo> {
    SCOPES.iter().find(|s| s.name == name)
}

/// The direct children of `name` (empty for unknown scopes and leaves).
pub fn children(name: &str) -> Vec<&'static ScopeInfo> {
    SCOPES.iter().filter(|s| s.parent == Some(name)).collect()
}

/// Whether holding `granted` gives `wanted`: the same scope, or an ancestor of it in
/// the documented tree. Unknown scopes only imply themselves.
pub fn implies(granted: &str, wanted: &str) -> bool {
    granted == wanted || ancestors(wanted).any(|a| a == granted)
}

/// GitHub's normalization: trims each scope, drops empty ones, duplicates and those
/// implied by another scope in the list. The order of the rest is kept.
/// `["user", "gist", "user:email"]` gives `["user", "gist"]`.
pub fn normalize_scopes<S: AsRef<str>>(scopes: &[S]) -> Vec<String> {
    let names: Vec<&str> = scopes.iter().map(|s| s.as_ref().trim()).filter(|s| !s.is_empty()).collect();
    let present: HashSet<&str> = names.iter().copied().collect();
    let mut seen: HashSet<&str> = HashSet::with_capacity(names.len());
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        if ancestors(name).any(|a| present.contains(a)) || !seen.insert(name) {
            continue;
        }
        out.push(name.to_owned());
    }
    out
}

/// The parent of `name`, its parent, and so on (bounded, in case of a cycle in data).
fn ancestors(name: &str) -> impl Iterator<Item = &'static str> {
    std::iter::successors(info(name).and_then(|s| s.parent), |p| info(p).and_then(|s| s.parent)).take(SCOPES.len())
}

/// A scope and its children, for the UI's tree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ScopeNode {
    #[serde(flatten)]
    pub info: ScopeInfo,
    pub children: Vec<ScopeNode>,
}

/// The documented tree: top-level scopes in the docs' order, each with its children.
pub fn scope_tree() -> Vec<ScopeNode> {
    fn node(info: &ScopeInfo) -> ScopeNode {
        ScopeNode { info: *info, children: children(info.name).into_iter().map(node).collect() }
    }
    SCOPES.iter().filter(|s| s.parent.is_none()).map(node).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_normalization_example() {
        assert_eq!(normalize_scopes(&["user", "gist", "user:email"]), ["user", "gist"]);
        assert_eq!(normalize_scopes(&["user:email", "gist", "user"]), ["gist", "user"]);
    }

    #[test]
    fn normalize_dedupes_trims_and_keeps_order() {
        assert_eq!(normalize_scopes(&[" repo", "repo", "", "workflow ", "public_repo"]), ["repo", "workflow"]);
        assert_eq!(normalize_scopes(&["read:org", "write:org", "read:org"]), ["read:org", "write:org"]);
        assert_eq!(normalize_scopes(&["read:org", "admin:org"]), ["admin:org"]);
        assert_eq!(normalize_scopes(&["x-unknown", "repo:status"]), ["x-unknown", "repo:status"]);
        assert!(normalize_scopes::<&str>(&[]).is_empty());
        let owned: Vec<String> = vec!["gist".into(), "gist".into()];
        assert_eq!(normalize_scopes(&owned), ["gist"]);
    }

    #[test]
    fn implies_follows_the_tree() {
        assert!(implies("repo", "repo"));
        assert!(implies("repo", "public_repo"));
        assert!(implies("admin:org", "read:org"));
        assert!(implies("admin:enterprise", "read:enterprise"));
        assert!(!implies("public_repo", "repo"));
        assert!(!implies("read:org", "admin:org"));
        assert!(!implies("repo", "workflow"));
        assert!(!implies("repo", "delete_repo"));
        // Siblings do not imply each other in the documented tree.
        assert!(!implies("write:org", "read:org"));
        assert!(!implies("write:packages", "read:packages"));
        assert!(implies("unknown", "unknown"));
        assert!(!implies("unknown", "repo"));
    }

    #[test]
    fn children_of_documented_parents() {
        let names = |p| children(p).iter().map(|s| s.name).collect::<Vec<_>>();
        assert_eq!(names("repo"), ["repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"]);
        assert_eq!(names("user"), ["read:user", "user:email", "user:follow"]);
        assert_eq!(
            names("admin:enterprise"),
            ["manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise"]
        );
        assert!(names("gist").is_empty());
        assert!(names("nope").is_empty());
    }

    #[test]
    fn catalogue_is_consistent() {
        for (i, s) in SCOPES.iter().enumerate() {
            assert!(SCOPES[..i].iter().all(|o| o.name != s.name), "duplicate {}", s.name);
            if let Some(p) = s.parent {
                let parent = SCOPES[..i].iter().find(|o| o.name == p).expect("parent listed first");
                assert!(parent.parent.is_none(), "{} nests too deep", s.name);
                assert_eq!(parent.enterprise, s.enterprise);
            }
            assert!(!s.description_en.is_empty() && !s.description_fr.is_empty());
            assert!(!s.description_en.contains('\n') && !s.description_fr.contains('\n'));
            assert_ne!(s.description_en, s.description_fr, "{} untranslated", s.name);
        }
        assert!(info("site_admin").unwrap().ghes_only);
        assert!(info("read:enterprise").unwrap().enterprise);
        assert!(!info("repo").unwrap().enterprise);
        assert_eq!(info("gist").unwrap().description("fr-FR"), "Créer et modifier des gists.");
        assert_eq!(info("gist").unwrap().description("en"), "Create and edit gists.");
    }

    #[test]
    fn tree_covers_every_scope_once() {
        fn count(nodes: &[ScopeNode]) -> usize {
            nodes.iter().map(|n| 1 + count(&n.children)).sum()
        }
        let tree = scope_tree();
        assert_eq!(count(&tree), SCOPES.len());
        assert_eq!(tree[0].info.name, "repo");
        assert_eq!(tree[0].children.len(), 5);
        let json = serde_json::to_value(&tree[0]).unwrap();
        assert_eq!(json["name"], "repo");
        assert_eq!(json["children"][0]["parent"], "repo");
    }
}
