//! git's credential store (`git credential-store`, docs/github.md#discover): one URL
//! a line, `https://USER:PASSWORD@HOST[:PORT][/PATH]`, user and password
//! percent-encoded. git skips a line it cannot read; so does Jeton (a comment, a blank
//! line, a URL with no password, a password that is not a GitHub token). A line ends
//! with LF or CRLF; the CR is not part of the password.

use std::path::Path;

use percent_encoding::percent_decode_str;
use url::Url;

use super::{host_key, parsed, Finding, SourceKind};
use crate::config::Config;

/// One line of the file, without its line ending.
pub(super) struct Line<'a> {
    /// From 1.
    pub number: u32,
    pub text: &'a [u8],
}

/// The file's lines (LF or CRLF endings stripped), numbered from 1.
pub(super) fn lines(bytes: &[u8]) -> impl Iterator<Item = Line<'_>> {
    bytes.split_inclusive(|b| *b == b'\n').zip(1u32..).map(|(raw, number)| {
        let text = raw.strip_suffix(b"\n").unwrap_or(raw);
        let text = text.strip_suffix(b"\r").unwrap_or(text);
        Line { number, text }
    })
}

/// What one line holds: the user name (if any), the host key and the password, or
/// `None` for a line git would not use or whose password is not a GitHub token.
pub(super) fn entry(config: &Config, text: &[u8]) -> Option<(Option<String>, super::Parsed)> {
    let text = std::str::from_utf8(text).ok()?;
    if text.trim() != text || text.is_empty() {
        return None;
    }
    let url = Url::parse(text).ok()?;
    let host = url.host_str()?;
    let password = percent_decode_str(url.password()?).decode_utf8().ok()?;
    let user = percent_decode_str(url.username()).decode_utf8().ok()?;
    let hostport = match url.port() {
        Some(p) => format!("{host}:{p}"),
        None => host.to_owned(),
    };
    let key = host_key(config, url.scheme(), &hostport);
    let p = parsed(key, &password)?;
    Some((Some(user.into_owned()).filter(|u| !u.is_empty()), p))
}

pub(super) fn find(config: &Config, path: &Path, bytes: &[u8]) -> Vec<Finding> {
    let location = path.display().to_string();
    lines(bytes)
        .filter_map(|l| {
            let (user, p) = entry(config, l.text)?;
            Some(Finding::new(SourceKind::GitCredentials, location.clone(), Some(l.number), user, p))
        })
        .collect()
}
