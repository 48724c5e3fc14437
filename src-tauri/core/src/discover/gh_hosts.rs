//! gh's `hosts.yml` (docs/github.md#discover): a map of hosts, each with `user`,
//! `oauth_token` (when gh keeps the token in the file rather than the keyring) and, in
//! the multi-account layout, `users: LOGIN: oauth_token: …`. gh writes it as block
//! mappings indented with spaces; Jeton reads that form line by line, so that each
//! token has its line (to remove that line only). A line in another YAML form (flow
//! mappings, tabs, anchors, multi-line scalars) is passed over, never rewritten.

use std::path::Path;

use super::git_file::lines;
use super::{host_key, parsed, Finding, SourceKind};
use crate::config::Config;

/// A scalar of the file, with where it sits.
pub(super) struct Scalar {
    /// The keys leading to it (`["github.com", "users", "octocat", "oauth_token"]`).
    pub path: Vec<String>,
    pub value: String,
    /// From 1.
    pub line: u32,
}

pub(super) struct HostsFile {
    pub scalars: Vec<Scalar>,
    /// Every top-level key, in order.
    pub top: Vec<String>,
}

impl HostsFile {
    pub fn hosts(&self) -> Vec<String> {
        self.top.clone()
    }

    fn value(&self, path: &[&str]) -> Option<&str> {
        self.scalars.iter().find(|s| s.path.iter().map(String::as_str).eq(path.iter().copied())).map(|s| &*s.value)
    }
}

pub(super) fn scan(bytes: &[u8]) -> HostsFile {
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut file = HostsFile { scalars: Vec::new(), top: Vec::new() };
    for l in lines(bytes) {
        let Ok(text) = std::str::from_utf8(l.text) else { continue };
        let body = text.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') || text == "---" {
            continue;
        }
        let indent = text.len() - body.len();
        let Some((key, value)) = key_value(body) else {
            // Not a `key:` line: what is below it cannot be placed either.
            stack.retain(|(i, _)| *i < indent);
            continue;
        };
        stack.retain(|(i, _)| *i < indent);
        if indent == 0 {
            file.top.push(key.clone());
        }
        match value {
            Some(v) => {
                let mut path: Vec<String> = stack.iter().map(|(_, k)| k.clone()).collect();
                path.push(key);
                file.scalars.push(Scalar { path, value: v, line: l.number });
            }
            None => stack.push((indent, key)),
        }
    }
    file
}

/// `key: value` or `key:` (a mapping below), with plain or quoted scalars; `None` for
/// anything else.
fn key_value(body: &str) -> Option<(String, Option<String>)> {
    if body.starts_with(['-', '{', '[', '&', '*', '!', '?', '|', '>', '\t']) {
        return None;
    }
    let (key, rest) = match body.chars().next()? {
        '"' | '\'' => {
            let (k, used) = quoted(body)?;
            (k, body[used..].strip_prefix(':')?)
        }
        _ => {
            let at = body.find(": ").or_else(|| body.strip_suffix(':').map(|k| k.len()))?;
            (body[..at].trim_end().to_owned(), &body[at + 1..])
        }
    };
    let rest = rest.trim();
    if rest.is_empty() || rest.starts_with('#') {
        return Some((key, None));
    }
    let value = match rest.chars().next()? {
        '"' | '\'' => {
            let (v, used) = quoted(rest)?;
            let after = rest[used..].trim();
            if !(after.is_empty() || after.starts_with('#')) {
                return None;
            }
            v
        }
        '{' | '[' | '&' | '*' | '!' | '|' | '>' => return None,
        _ => rest.split(" #").next().unwrap_or(rest).trim_end().to_owned(),
    };
    Some((key, Some(value)))
}

/// A quoted scalar at the start of `s` and the bytes it took; double-quoted ones with
/// escapes are not read (gh never writes a token that way).
fn quoted(s: &str) -> Option<(String, usize)> {
    let q = s.chars().next()?;
    let mut out = String::new();
    let mut chars = s.char_indices().skip(1).peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' if q == '"' => return None,
            c if c == q => {
                if q == '\'' && chars.peek().map(|(_, n)| *n) == Some('\'') {
                    chars.next();
                    out.push('\'');
                    continue;
                }
                return Some((out, i + 1));
            }
            c => out.push(c),
        }
    }
    None
}

pub(super) fn find(config: &Config, path: &Path, file: &HostsFile) -> Vec<Finding> {
    let location = path.display().to_string();
    file.scalars
        .iter()
        .filter_map(|s| {
            let user = match s.path.iter().map(String::as_str).collect::<Vec<_>>()[..] {
                [host, "oauth_token"] => file.value(&[host, "user"]).map(str::to_owned),
                [_, "users", login, "oauth_token"] => Some(login.to_owned()),
                _ => return None,
            };
            let host = host_key(config, "https", &s.path[0]);
            let p = parsed(host, &s.value)?;
            Some(Finding::new(SourceKind::GhHosts, location.clone(), Some(s.line), user, p))
        })
        .collect()
}

/// The token an `oauth_token: …` line holds (to check a line before removing it).
pub(super) fn token_on_line(text: &[u8]) -> Option<crate::secret::Secret> {
    let body = std::str::from_utf8(text).ok()?.trim_start_matches(' ');
    match key_value(body)? {
        (key, Some(value)) if key == "oauth_token" => parsed(None, &value).map(|p| p.secret),
        _ => None,
    }
}
