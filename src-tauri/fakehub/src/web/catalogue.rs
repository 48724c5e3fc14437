//! What GitHub's token creation pages offer: the fine-grained permissions (read from the
//! catalogue generated from GitHub's OpenAPI description, `core/src/github/permissions.json`,
//! the data GitHub's own page follows) and the classic scopes (`crate::scopes`).

use std::sync::OnceLock;

use serde::Deserialize;

/// One fine-grained permission.
#[derive(Debug, Deserialize)]
pub(crate) struct Permission {
    pub key: String,
    /// `repository`, `organization` or `account`.
    pub section: String,
    /// Lowest first: `read`, `write`, `admin`.
    pub levels: Vec<String>,
}

#[derive(Deserialize)]
struct Catalogue {
    permissions: Vec<Permission>,
}

/// Every permission, repository ones first.
pub(crate) fn permissions() -> &'static [Permission] {
    static ALL: OnceLock<Vec<Permission>> = OnceLock::new();
    ALL.get_or_init(|| {
        let text = include_str!("../../../core/src/github/permissions.json");
        serde_json::from_str::<Catalogue>(text).expect("permissions.json").permissions
    })
}

pub(crate) fn permission(key: &str) -> Option<&'static Permission> {
    permissions().iter().find(|p| p.key == key)
}
