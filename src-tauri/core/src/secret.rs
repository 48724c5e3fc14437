//! The one type a token's secret lives in outside the keychain.
//!
//! `Secret` redacts itself in `Debug` and `Display`, implements neither `Serialize`
//! nor `Clone` by accident, and zeroizes its bytes on drop (through `secrecy`).

use secrecy::{ExposeSecret, SecretString};

/// A token's secret. It cannot be serialized or cloned by accident:
///
/// ```compile_fail
/// fn serializable<T: serde::Serialize>() {}
/// serializable::<jeton_core::Secret>();
/// ```
///
/// ```compile_fail
/// fn cloneable<T: Clone>() {}
/// cloneable::<jeton_core::Secret>();
/// ```
pub struct Secret(SecretString);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(SecretString::from(value.into()))
    }

    /// The secret's text. Call it only at the edge that needs the bytes
    /// (an HTTP header, the keychain, the clipboard, git).
    pub fn expose(&self) -> &str {
        self.0.expose_secret()
    }

    /// An explicit copy, for the rare place that needs two owners.
    pub fn duplicate(&self) -> Secret {
        Secret::new(self.expose().to_owned())
    }

    pub fn len(&self) -> usize {
        self.expose().len()
    }

    pub fn is_empty(&self) -> bool {
        self.expose().is_empty()
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl std::fmt::Display for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

impl From<String> for Secret {
    fn from(s: String) -> Self {
        Secret::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_redact() {
        let s = Secret::new("ghp_verysecretvalue");
        assert_eq!(format!("{s:?}"), "<redacted>");
        assert_eq!(format!("{s}"), "<redacted>");
        assert_eq!(format!("{:?}", Some(&s)), "Some(<redacted>)");
        assert_eq!(s.expose(), "ghp_verysecretvalue");
    }
}
