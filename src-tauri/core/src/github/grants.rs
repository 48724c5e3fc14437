//! What a token's classic scopes grant, as the details drawer shows it: each scope
//! granted in its own right with the scopes it implies under it (the documented tree,
//! docs/github.md#scopes), read from [`scopes`](super::scopes) so that the UI keeps no
//! copy of the hierarchy.

use serde::{Deserialize, Serialize};

use super::scopes::{self, ScopeInfo, SCOPES};

/// A granted scope, or one a granted scope implies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GrantNode {
    pub name: String,
    /// The catalogue's sentence in English; `None` for a scope it does not know.
    pub description_en: Option<String>,
    /// The same in French.
    pub description_fr: Option<String>,
    /// Given by the scope above it in this tree rather than granted on its own.
    pub included: bool,
    /// Only exists where there are enterprise accounts (GHEC and GHES).
    pub enterprise: bool,
    /// Only exists on GitHub Enterprise Server.
    pub ghes_only: bool,
    pub children: Vec<GrantNode>,
}

/// The granted scopes as a tree. Each top-level node is a scope granted in its own
/// right (no other granted scope implies it), in the documented order; its children
/// are the scopes it implies, marked `included`. Scopes the catalogue does not know
/// come last, in the order given, without a description. Blank and repeated names are
/// dropped.
pub fn grant_tree<S: AsRef<str>>(granted: &[S]) -> Vec<GrantNode> {
    let mut wanted: Vec<&str> = Vec::with_capacity(granted.len());
    for name in granted.iter().map(|s| s.as_ref().trim()).filter(|s| !s.is_empty()) {
        if !wanted.contains(&name) {
            wanted.push(name);
        }
    }
    let implied_by_another = |name: &str| wanted.iter().any(|&w| w != name && scopes::implies(w, name));
    let known =
        SCOPES.iter().filter(|s| wanted.contains(&s.name) && !implied_by_another(s.name)).map(|s| node(s, false));
    let unknown = wanted.iter().filter(|w| scopes::info(w).is_none()).map(|&name| GrantNode {
        name: name.to_owned(),
        description_en: None,
        description_fr: None,
        included: false,
        enterprise: false,
        ghes_only: false,
        children: vec![],
    });
    known.chain(unknown).collect()
}

fn node(info: &ScopeInfo, included: bool) -> GrantNode {
    GrantNode {
        name: info.name.to_owned(),
        description_en: Some(info.description_en.to_owned()),
        description_fr: Some(info.description_fr.to_owned()),
        included,
        enterprise: info.enterprise,
        ghes_only: info.ghes_only,
        children: scopes::children(info.name).into_iter().map(|c| node(c, true)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `name` for granted nodes, `(name)` for included ones, children in brackets.
    fn shape(nodes: &[GrantNode]) -> Vec<String> {
        nodes
            .iter()
            .map(|n| {
                let own = if n.included { format!("({})", n.name) } else { n.name.clone() };
                if n.children.is_empty() {
                    own
                } else {
                    format!("{own}[{}]", shape(&n.children).join(" "))
                }
            })
            .collect()
    }

    #[test]
    fn each_granted_scope_comes_with_the_scopes_it_implies_marked_included() {
        let tree = grant_tree(&["repo", "gist"]);
        assert_eq!(
            shape(&tree),
            ["repo[(repo:status) (repo_deployment) (public_repo) (repo:invite) (security_events)]", "gist"]
        );
        assert!(!tree[0].included && tree[0].children.iter().all(|c| c.included));
        assert_eq!(tree[0].description_en.as_deref(), scopes::info("repo").map(|s| s.description_en));
    }

    #[test]
    fn follows_the_documented_order_not_the_order_given() {
        let tree = grant_tree(&["workflow", "read:org", "repo"]);
        assert_eq!(tree.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(), ["repo", "read:org", "workflow"]);
    }

    #[test]
    fn a_child_granted_alone_is_at_the_top_without_its_parents_siblings() {
        let tree = grant_tree(&["read:org", "user:email"]);
        assert_eq!(shape(&tree), ["read:org", "user:email"]);
        assert!(tree.iter().all(|n| !n.included));
    }

    #[test]
    fn a_scope_its_granted_parent_implies_is_not_repeated() {
        let tree = grant_tree(&["public_repo", "repo", "repo"]);
        assert_eq!(tree.len(), 1);
        assert_eq!(tree[0].name, "repo");
        assert!(tree[0].children.iter().any(|c| c.name == "public_repo" && c.included));
        // Siblings do not imply each other: both stay at the top.
        assert_eq!(shape(&grant_tree(&["read:org", "write:org"])), ["write:org", "read:org"]);
    }

    #[test]
    fn describes_in_english_and_french() {
        let gist = &grant_tree(&["gist"])[0];
        assert_eq!(gist.description_en.as_deref(), Some("Create and edit gists."));
        assert_eq!(gist.description_fr.as_deref(), Some("Créer et modifier des gists."));
    }

    #[test]
    fn unknown_scopes_are_kept_last_undescribed_and_blanks_dropped() {
        let tree = grant_tree(&["x-custom", "gist", " ", "x-custom", " trimmed "]);
        let got: Vec<_> = tree.iter().map(|n| (n.name.as_str(), n.description_en.is_some())).collect();
        assert_eq!(got, [("gist", true), ("x-custom", false), ("trimmed", false)]);
        assert!(tree[1].children.is_empty() && tree[1].description_fr.is_none());
    }

    #[test]
    fn flags_enterprise_and_ghes_only_scopes() {
        let tree = grant_tree(&["site_admin", "admin:enterprise"]);
        let got: Vec<_> = tree.iter().map(|n| (n.name.as_str(), n.enterprise, n.ghes_only)).collect();
        assert_eq!(got, [("admin:enterprise", true, false), ("site_admin", true, true)]);
        assert!(tree[0].children.iter().all(|c| c.enterprise && c.included));
    }

    #[test]
    fn nothing_granted_gives_an_empty_tree() {
        assert!(grant_tree::<&str>(&[]).is_empty());
        assert!(grant_tree(&["", "  "]).is_empty());
    }

    #[test]
    fn every_scope_granted_gives_the_whole_documented_tree() {
        let all: Vec<&str> = SCOPES.iter().map(|s| s.name).collect();
        let tree = grant_tree(&all);
        let roots: Vec<&str> = SCOPES.iter().filter(|s| s.parent.is_none()).map(|s| s.name).collect();
        assert_eq!(tree.iter().map(|n| n.name.as_str()).collect::<Vec<_>>(), roots);
        let json = serde_json::to_value(&tree[0]).unwrap();
        assert_eq!(json["children"][0]["included"], true);
        assert_eq!(json["children"][0]["description_fr"], scopes::info("repo:status").unwrap().description_fr);
    }
}
