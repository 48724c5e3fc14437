//! Token kinds and minting, in GitHub's formats (docs/github.md#token-formats).
//!
//! `ghp_`, `gho_`, `ghu_`, `ghs_` (40-character form) and `ghr_` tokens are the
//! prefix, 30 random base62 characters and a 6-character checksum: CRC32 (IEEE) of
//! the 30 random characters, written in base62 (`0-9A-Za-z`), most significant
//! digit first, left-padded with `0`.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::Rng;
use serde::{Deserialize, Serialize};

/// The base62 alphabet GitHub uses for token bodies and checksums.
pub const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// The kinds of token GitHub issues. Serialized as in Jeton's `--json` output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// `ghp_`: classic personal access token.
    Classic,
    /// `github_pat_`: fine-grained personal access token.
    FineGrained,
    /// `gho_`: OAuth app access token.
    Oauth,
    /// `ghu_`: GitHub App user access token.
    AppUser,
    /// `ghs_`: GitHub App installation token.
    AppInstallation,
    /// `ghr_`: GitHub App refresh token (cannot call the API).
    AppRefresh,
    /// 40 lowercase hex characters: a pre-2021 token.
    Legacy,
}

impl TokenKind {
    /// The prefix of tokens of this kind (empty for legacy tokens).
    pub fn prefix(self) -> &'static str {
        match self {
            TokenKind::Classic => "ghp_",
            TokenKind::FineGrained => "github_pat_",
            TokenKind::Oauth => "gho_",
            TokenKind::AppUser => "ghu_",
            TokenKind::AppInstallation => "ghs_",
            TokenKind::AppRefresh => "ghr_",
            TokenKind::Legacy => "",
        }
    }

    /// Whether tokens of this kind carry OAuth scopes (`X-OAuth-Scopes`).
    pub fn has_scopes(self) -> bool {
        matches!(self, TokenKind::Classic | TokenKind::Oauth | TokenKind::Legacy)
    }
}

pub(crate) fn random_base62(n: usize) -> String {
    let mut rng = rand::rng();
    (0..n).map(|_| BASE62[rng.random_range(0..BASE62.len())] as char).collect()
}

/// Encodes `value` in base62, most significant digit first, left-padded to 6.
pub fn base62_6(mut value: u32) -> String {
    let mut digits = [b'0'; 6];
    for slot in digits.iter_mut().rev() {
        *slot = BASE62[(value % 62) as usize];
        value /= 62;
    }
    String::from_utf8(digits.to_vec()).expect("ascii")
}

/// The 6-character checksum of a 30-character random part.
pub fn checksum(random: &str) -> String {
    base62_6(crc32fast::hash(random.as_bytes()))
}

/// Whether a `gh?_` 40-character token's checksum is right.
pub fn checksum_ok(token: &str) -> bool {
    let Some((_, body)) = token.split_once('_') else {
        return false;
    };
    body.len() == 36 && body.bytes().all(|b| b.is_ascii_alphanumeric()) && checksum(&body[..30]) == body[30..]
}

fn checksummed(prefix: &str) -> String {
    let random = random_base62(30);
    let sum = checksum(&random);
    format!("{prefix}{random}{sum}")
}

/// Mints a fresh token of `kind` (the 40-character form for installation tokens).
pub fn mint(kind: TokenKind) -> String {
    match kind {
        TokenKind::FineGrained => {
            format!("github_pat_11{}_{}", random_base62(20), random_base62(59))
        }
        TokenKind::Legacy => {
            let mut rng = rand::rng();
            (0..40).map(|_| char::from_digit(rng.random_range(0..16), 16).expect("hex")).collect()
        }
        other => checksummed(other.prefix()),
    }
}

/// Mints a stateless installation token: `ghs_` followed by three dot-separated
/// base64url parts (header, claims, signature), about 520 characters long.
pub fn mint_stateless_installation(installation_id: u64, exp_epoch: i64) -> String {
    let header = serde_json::json!({"alg": "RS256", "typ": "JWT", "kid": random_base62(12)});
    let claims = serde_json::json!({
        "iss": "github.com",
        "sub": format!("installation:{installation_id}"),
        "exp": exp_epoch,
        "jti": random_base62(22),
    });
    let mut sig = [0u8; 256];
    rand::rng().fill(&mut sig[..]);
    format!(
        "ghs_{}.{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        URL_SAFE_NO_PAD.encode(sig)
    )
}

/// The kinds whose tokens `POST /credentials/revoke` accepts (docs/github.md#revoking-credentials).
pub fn revocable(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Classic | TokenKind::FineGrained | TokenKind::Oauth | TokenKind::AppUser | TokenKind::AppRefresh
    )
}
