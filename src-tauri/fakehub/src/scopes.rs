//! Classic OAuth scopes and their normalization (docs/github.md#scopes): a scope implied
//! by another scope of the same token is dropped, duplicates are dropped, and the
//! remaining scopes keep the order they were given in.

/// `(parent, children)`: a parent scope implies each of its children.
const TREE: &[(&str, &[&str])] = &[
    ("repo", &["repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events"]),
    ("admin:repo_hook", &["write:repo_hook", "read:repo_hook"]),
    ("write:repo_hook", &["read:repo_hook"]),
    ("admin:org", &["write:org", "read:org"]),
    ("write:org", &["read:org"]),
    ("admin:public_key", &["write:public_key", "read:public_key"]),
    ("write:public_key", &["read:public_key"]),
    ("admin:gpg_key", &["write:gpg_key", "read:gpg_key"]),
    ("write:gpg_key", &["read:gpg_key"]),
    ("user", &["read:user", "user:email", "user:follow"]),
    ("project", &["read:project"]),
    ("write:packages", &["read:packages"]),
    ("admin:enterprise", &["manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise"]),
];

/// Every scope the classic token page offers, in its order (docs
/// `scopes-for-oauth-apps.md`); a child follows its parent.
#[rustfmt::skip]
pub const ALL: &[&str] = &[
    "repo", "repo:status", "repo_deployment", "public_repo", "repo:invite", "security_events",
    "admin:repo_hook", "write:repo_hook", "read:repo_hook",
    "admin:org", "write:org", "read:org",
    "admin:public_key", "write:public_key", "read:public_key",
    "admin:org_hook", "gist", "notifications",
    "user", "read:user", "user:email", "user:follow",
    "project", "read:project", "delete_repo",
    "write:packages", "read:packages", "delete:packages",
    "admin:gpg_key", "write:gpg_key", "read:gpg_key",
    "codespace", "workflow",
    "admin:enterprise", "manage_runners:enterprise", "manage_billing:enterprise", "read:enterprise",
    "read:audit_log", "site_admin",
];

/// Whether `scope` is one GitHub knows.
pub fn is_known(scope: &str) -> bool {
    ALL.contains(&scope)
}

/// Whether another scope implies `scope` (the page shows it indented under it).
pub fn is_child(scope: &str) -> bool {
    TREE.iter().any(|(_, children)| children.contains(&scope))
}

fn implied_by(scope: &str, parent: &str) -> bool {
    TREE.iter().any(|(p, children)| *p == parent && children.contains(&scope))
}

/// Normalizes a list of scopes the way GitHub stores them.
pub fn normalize<S: AsRef<str>>(scopes: &[S]) -> Vec<String> {
    let given: Vec<&str> = scopes.iter().map(|s| s.as_ref().trim()).filter(|s| !s.is_empty()).collect();
    let mut out: Vec<String> = Vec::new();
    for scope in &given {
        let implied = given.iter().any(|other| other != scope && implied_by(scope, other));
        if !implied && !out.iter().any(|s| s == scope) {
            out.push((*scope).to_string());
        }
    }
    out
}

/// The `X-OAuth-Scopes` header value: comma plus space.
pub fn header_value(scopes: &[String]) -> String {
    scopes.join(", ")
}
