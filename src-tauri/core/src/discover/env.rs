//! Tokens in the environment, by gh's rules (docs/github.md#discover): `GH_TOKEN`, then
//! `GITHUB_TOKEN`, are for github.com; `GH_ENTERPRISE_TOKEN`, then
//! `GITHUB_ENTERPRISE_TOKEN`, for an Enterprise host, the one `GH_HOST` names (without
//! it, the host cannot be told).

use super::{host_key, parsed, Finding, SourceKind};
use crate::config::Config;

const GITHUB: [&str; 2] = ["GH_TOKEN", "GITHUB_TOKEN"];
const ENTERPRISE: [&str; 2] = ["GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN"];

/// The variables read (the tokens' and `GH_HOST`).
pub(super) const NAMES: [&str; 5] =
    ["GH_TOKEN", "GITHUB_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN", "GH_HOST"];

fn get<'a>(env: &'a [(String, String)], name: &str) -> Option<&'a str> {
    env.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).filter(|v| !v.is_empty())
}

/// The host `GH_HOST` names, lower-cased, when it is one.
pub(super) fn gh_host(env: &[(String, String)]) -> Option<String> {
    let h = get(env, "GH_HOST")?.trim().to_ascii_lowercase();
    (!h.is_empty() && !h.contains(['/', '@', ' '])).then_some(h)
}

pub(super) fn find(config: &Config, env: &[(String, String)]) -> Vec<Finding> {
    let enterprise = gh_host(env).filter(|h| h != "github.com");
    let mut out = Vec::new();
    for name in GITHUB.iter().chain(&ENTERPRISE) {
        let Some(value) = get(env, name) else { continue };
        let host = if GITHUB.contains(name) {
            host_key(config, "https", "github.com")
        } else {
            enterprise.as_deref().and_then(|h| host_key(config, "https", h))
        };
        if let Some(p) = parsed(host, value) {
            out.push(Finding::new(SourceKind::Env, (*name).to_owned(), None, None, p));
        }
    }
    out
}
