//! Token formats: kinds by prefix, lengths, charsets and the CRC32 checksum
//! (docs/github.md#token-formats, #checksums). Pure and offline: nothing here touches the network.
//!
//! The rules, in the order they are applied:
//! 1. input longer than [`MAX_INPUT_LEN`] bytes: `Length`, before any other work;
//! 2. surrounding whitespace (Unicode `White_Space`, e.g. a pasted newline or a
//!    no-break space) is trimmed and reported in [`Trimmed`];
//! 3. nothing left: `Empty`; whitespace left inside: `WhitespaceInside`;
//! 4. any character that is not printable ASCII: `Charset`;
//! 5. the prefix picks the kind (`UnknownPrefix` when none fits), then the kind's own
//!    length, charset, structure and checksum rules apply.

mod checksum;

pub(crate) use checksum::checksum_of;

use crate::error::{Error, MalformedRule, Result};
use crate::model::TokenKind;
use crate::secret::Secret;

/// The longest input `parse` looks at, in bytes (whitespace included). Longer input
/// is refused with `Length` before anything else is done with it.
pub const MAX_INPUT_LEN: usize = 8 * 1024;

/// The longest stateless (`ghs_` + JWT) installation token accepted, in bytes after
/// the prefix. Real ones are about 520 characters.
const MAX_STATELESS_LEN: usize = 4096;

/// Length of the random part of a 40-character `gh?_` token.
pub const RANDOM_LEN: usize = 30;
/// Length of the checksum of a 40-character `gh?_` token.
pub const CHECKSUM_LEN: usize = 6;

const FINE_GRAINED_PREFIX: &str = "github_pat_";
const FINE_GRAINED_HEAD: usize = 22;
const FINE_GRAINED_TAIL: usize = 59;

/// What `parse` trimmed from around the token, counted in characters (not bytes):
/// `leading: 2, trailing: 1` for `"  ghp_…\n"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Trimmed {
    pub leading: usize,
    pub trailing: usize,
}

impl Trimmed {
    /// Whether nothing was trimmed.
    pub fn is_empty(&self) -> bool {
        self.leading == 0 && self.trailing == 0
    }
}

/// A well-formed token.
#[derive(Debug)]
pub struct ParsedToken {
    pub kind: TokenKind,
    pub secret: Secret,
    pub trimmed: Trimmed,
}

const CHECKSUMMED: [(&str, TokenKind); 5] = [
    ("ghp_", TokenKind::Classic),
    ("gho_", TokenKind::Oauth),
    ("ghu_", TokenKind::AppUser),
    ("ghs_", TokenKind::AppInstallation),
    ("ghr_", TokenKind::AppRefresh),
];

/// The prefix GitHub gives tokens of `kind` (`None` for legacy 40-hex tokens).
pub fn prefix_of(kind: TokenKind) -> Option<&'static str> {
    match kind {
        TokenKind::FineGrained => Some(FINE_GRAINED_PREFIX),
        TokenKind::Legacy => None,
        k => CHECKSUMMED.iter().find(|(_, c)| *c == k).map(|(p, _)| *p),
    }
}

/// Builds a 40-character `gh?_` token from its 30-character random part, appending
/// the checksum (for fakes and tests). `None` for kinds without that layout, or when
/// `random` is not 30 ASCII alphanumerics.
#[cfg(test)]
pub(crate) fn with_checksum(kind: TokenKind, random: &str) -> Option<String> {
    let prefix = CHECKSUMMED.iter().find(|(_, c)| *c == kind).map(|(p, _)| *p)?;
    if random.len() != RANDOM_LEN || !random.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some(format!("{prefix}{random}{}", checksum_of(random)))
}

/// Checks a token's format and tells its kind. Surrounding whitespace (a pasted
/// trailing newline) is trimmed and reported; anything else wrong is refused with
/// the rule it broke. The error never contains the input.
pub fn parse(input: &str) -> Result<ParsedToken> {
    if input.len() > MAX_INPUT_LEN {
        return malformed(MalformedRule::Length);
    }
    let body = input.trim();
    if body.is_empty() {
        return malformed(MalformedRule::Empty);
    }
    if body.chars().any(char::is_whitespace) {
        return malformed(MalformedRule::WhitespaceInside);
    }
    if !body.bytes().all(|b| b.is_ascii_graphic()) {
        return malformed(MalformedRule::Charset);
    }
    let kind = classify(body)?;
    let trailing_text = &input[input.trim_end().len()..];
    let leading_text = &input[..input.len() - input.trim_start().len()];
    let trimmed = Trimmed { leading: leading_text.chars().count(), trailing: trailing_text.chars().count() };
    Ok(ParsedToken { kind, secret: Secret::new(body), trimmed })
}

/// Whether `text` may hold a token, whole or in part: a GitHub token prefix anywhere
/// (in any case), or a word that is a well-formed token (a legacy one is 40 hex
/// digits). Where a token does not belong (a host), such text is neither used nor
/// repeated.
pub(crate) fn may_hold_token(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    CHECKSUMMED.iter().map(|(p, _)| *p).chain([FINE_GRAINED_PREFIX]).any(|p| lower.contains(p))
        || text.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| parse(w).is_ok())
}

fn malformed<T>(rule: MalformedRule) -> Result<T> {
    Err(Error::TokenMalformed { rule })
}

/// `t` is trimmed, non-empty printable ASCII.
fn classify(t: &str) -> Result<TokenKind> {
    if let Some(rest) = t.strip_prefix(FINE_GRAINED_PREFIX) {
        return fine_grained(rest);
    }
    for (prefix, kind) in CHECKSUMMED {
        if let Some(rest) = t.strip_prefix(prefix) {
            if kind == TokenKind::AppInstallation && rest.contains('.') {
                return stateless_installation(rest);
            }
            return checksummed(kind, rest);
        }
    }
    if t.bytes().all(|b| b.is_ascii_hexdigit()) {
        // A legacy token is 40 hex digits; one that is nearly that is a
        // truncated or padded legacy token rather than an unknown kind.
        return match t.len() {
            40 => Ok(TokenKind::Legacy),
            30..=50 => malformed(MalformedRule::Length),
            _ => malformed(MalformedRule::UnknownPrefix),
        };
    }
    malformed(MalformedRule::UnknownPrefix)
}

/// `gh?_` + 30 random base62 characters + 6 checksum characters.
fn checksummed(kind: TokenKind, rest: &str) -> Result<TokenKind> {
    if !rest.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return malformed(MalformedRule::Charset);
    }
    if rest.len() != RANDOM_LEN + CHECKSUM_LEN {
        return malformed(MalformedRule::Length);
    }
    let (random, check) = rest.split_at(RANDOM_LEN);
    if checksum_of(random) != check {
        return malformed(MalformedRule::Checksum);
    }
    Ok(kind)
}

/// `github_pat_` + 22 alphanumerics + `_` + 59 alphanumerics (93 characters in all).
/// GitHub's fine-grained checksum scheme is unknown, so it is not checked.
fn fine_grained(rest: &str) -> Result<TokenKind> {
    if !rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return malformed(MalformedRule::Charset);
    }
    if rest.len() != FINE_GRAINED_HEAD + 1 + FINE_GRAINED_TAIL {
        return malformed(MalformedRule::Length);
    }
    match rest.split_once('_') {
        Some((head, tail))
            if head.len() == FINE_GRAINED_HEAD && tail.len() == FINE_GRAINED_TAIL && !tail.contains('_') =>
        {
            Ok(TokenKind::FineGrained)
        }
        _ => malformed(MalformedRule::Structure),
    }
}

/// The stateless `ghs_` form (a JWT of about 520 characters with 2 dots); GitHub's
/// own pattern is `ghs_[A-Za-z0-9._]{36,}`. `-` is accepted too, since a JWT's
/// segments are base64url.
fn stateless_installation(rest: &str) -> Result<TokenKind> {
    if !rest.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')) {
        return malformed(MalformedRule::Charset);
    }
    if rest.len() < 36 || rest.len() > MAX_STATELESS_LEN {
        return malformed(MalformedRule::Length);
    }
    let mut segments = rest.split('.');
    let three = segments.by_ref().take(3).filter(|s| !s.is_empty()).count() == 3;
    if !three || segments.next().is_some() {
        return malformed(MalformedRule::Structure);
    }
    Ok(TokenKind::AppInstallation)
}

#[cfg(test)]
mod prop_tests;
#[cfg(test)]
mod tests;
