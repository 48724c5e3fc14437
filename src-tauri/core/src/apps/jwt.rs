//! The JWT a GitHub App signs to call the API as itself (docs/github.md, "GitHub App
//! tokens"): RS256 with the app's private key, `iat` 60 s in the past (for clocks a
//! little apart), `exp` 9 minutes ahead (GitHub refuses more than 10), `iss` the
//! client ID or app ID. The key and the JWT are secrets: neither is logged or shown.

use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::secret::Secret;

/// How far back `iat` is set.
pub const IAT_BACK_SECS: i64 = 60;
/// How far ahead `exp` is set: under GitHub's 10 minutes.
pub const EXP_AHEAD_SECS: i64 = 540;

/// A parsed private key, ready to sign. Its `Debug` shows nothing of the key.
pub struct AppKey(EncodingKey);

impl std::fmt::Debug for AppKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AppKey(…)")
    }
}

#[derive(Serialize)]
struct Claims<'a> {
    iat: i64,
    exp: i64,
    iss: &'a str,
}

impl AppKey {
    /// Reads an RSA private key in PEM form (PKCS #1, as GitHub gives it, or PKCS #8).
    pub fn parse(pem: &Secret) -> Result<AppKey> {
        let text = pem.expose().trim();
        if !text.starts_with("-----BEGIN") || !text.contains("PRIVATE KEY-----") {
            return Err(Error::AppKeyInvalid);
        }
        EncodingKey::from_rsa_pem(text.as_bytes()).map(AppKey).map_err(|_| Error::AppKeyInvalid)
    }

    /// A JWT for `issuer` (client ID or app ID), valid from a minute before `now` for 9 minutes.
    pub fn sign(&self, issuer: &str, now: DateTime<Utc>) -> Result<Secret> {
        let claims = Claims {
            iat: (now - Duration::seconds(IAT_BACK_SECS)).timestamp(),
            exp: (now + Duration::seconds(EXP_AHEAD_SECS)).timestamp(),
            iss: issuer,
        };
        encode(&Header::new(Algorithm::RS256), &claims, &self.0).map(Secret::new).map_err(|_| Error::AppKeyInvalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    #[test]
    fn text_that_is_not_a_pem_private_key_is_refused_without_repeating_it() {
        for bad in [
            "",
            "ghp_abc",
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----",
            "-----BEGIN RSA PRIVATE KEY-----\nnot base64!\n-----END RSA PRIVATE KEY-----",
        ] {
            let e = AppKey::parse(&Secret::new(bad)).unwrap_err();
            assert_eq!(e, Error::AppKeyInvalid);
            let shown = format!("{e} {e:?} {}", e.message(crate::i18n::Lang::En));
            assert!(!shown.contains("ghp_abc") && !shown.contains("not base64") && !shown.contains("AAAA"), "{shown}");
        }
    }

    #[test]
    fn the_jwt_carries_githubs_times_and_the_issuer() {
        let (pem, _) = fakehub::apps::generate_key();
        let key = AppKey::parse(&Secret::new(pem)).unwrap();
        assert_eq!(format!("{key:?}"), "AppKey(…)");
        let now = DateTime::from_timestamp(1_900_000_000, 0).unwrap();
        let jwt = key.sign("Iv23liabc", now).unwrap();
        let claims = jwt.expose().split('.').nth(1).unwrap();
        let claims: serde_json::Value =
            serde_json::from_slice(&base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(claims).unwrap()).unwrap();
        assert_eq!(claims["iss"], "Iv23liabc");
        assert_eq!(claims["iat"], 1_900_000_000 - 60);
        let life = claims["exp"].as_i64().unwrap() - 1_900_000_000;
        assert!(life > 0 && life < 600, "under GitHub's 10 minutes: {life}");
    }
}
