//! Reading the credential of a request.

use axum::http::{header, HeaderMap};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// What the `Authorization` header holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Credential {
    None,
    Token(String),
    /// A header GitHub cannot read: answered as bad credentials.
    Malformed,
}

/// Parses `token X`, `Bearer X` and `Basic base64(user:token)`.
pub(crate) fn credential(headers: &HeaderMap) -> Credential {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Credential::None;
    };
    let Ok(value) = value.to_str() else {
        return Credential::Malformed;
    };
    let (scheme, rest) = value.trim().split_once(' ').unwrap_or((value.trim(), ""));
    let rest = rest.trim();
    let token = match scheme.to_ascii_lowercase().as_str() {
        "token" | "bearer" => rest.to_string(),
        "basic" => match STANDARD.decode(rest).ok().and_then(|b| String::from_utf8(b).ok()) {
            Some(pair) => {
                let (user, pass) = pair.split_once(':').unwrap_or((pair.as_str(), ""));
                if pass.is_empty() || pass == "x-oauth-basic" {
                    user.to_string()
                } else {
                    pass.to_string()
                }
            }
            None => return Credential::Malformed,
        },
        _ => return Credential::Malformed,
    };
    if token.is_empty() {
        Credential::Malformed
    } else {
        Credential::Token(token)
    }
}

/// The token of a request, if it has a readable one.
pub(crate) fn token_of(headers: &HeaderMap) -> Option<String> {
    match credential(headers) {
        Credential::Token(t) => Some(t),
        _ => None,
    }
}
