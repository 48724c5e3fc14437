use fakehub::tokens::{checksum_ok, mint, mint_stateless_installation};
use fakehub::{scopes, NewToken, TokenKind};

use crate::common;

const CHECKSUMMED: [TokenKind; 5] =
    [TokenKind::Classic, TokenKind::Oauth, TokenKind::AppUser, TokenKind::AppInstallation, TokenKind::AppRefresh];

#[test]
fn known_real_token_validates() {
    assert!(checksum_ok("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"));
    assert_eq!(fakehub::tokens::base62_6(937837982), "11T4V4");
    assert!(!checksum_ok("ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V5"));
}

#[test]
fn minted_tokens_have_valid_checksums() {
    for kind in CHECKSUMMED {
        for _ in 0..200 {
            let t = mint(kind);
            assert_eq!(t.len(), 40, "{t}");
            assert!(t.starts_with(kind.prefix()), "{t}");
            assert!(checksum_ok(&t), "bad checksum: {t}");
        }
    }
}

fn fine_grained_shape(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("github_pat_") else {
        return false;
    };
    let Some((a, b)) = rest.split_once('_') else {
        return false;
    };
    t.len() == 93
        && a.len() == 22
        && b.len() == 59
        && a.starts_with("11")
        && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_alphanumeric())
}

#[test]
fn fine_grained_is_93_chars_22_59() {
    for _ in 0..200 {
        let t = mint(TokenKind::FineGrained);
        assert!(fine_grained_shape(&t), "{t}");
    }
}

#[test]
fn legacy_is_40_lowercase_hex() {
    let t = mint(TokenKind::Legacy);
    assert_eq!(t.len(), 40);
    assert!(t.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
}

#[test]
fn stateless_installation_token_is_jwt_like() {
    let t = mint_stateless_installation(42, 2_000_000_000);
    let body = t.strip_prefix("ghs_").unwrap();
    let parts: Vec<&str> = body.split('.').collect();
    assert_eq!(parts.len(), 3, "{t}");
    for p in &parts {
        assert!(!p.is_empty());
        assert!(p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }
    assert!((480..=580).contains(&t.len()), "length {}", t.len());
}

#[tokio::test]
async fn hub_mints_every_kind_in_format() {
    let hub = common::hub().await;
    for kind in CHECKSUMMED {
        let t = hub.create_token(NewToken::new("octocat", kind)).unwrap();
        assert!(checksum_ok(&t), "{kind:?}: {t}");
    }
    let fg = hub.create_token(NewToken::new("octocat", TokenKind::FineGrained)).unwrap();
    assert!(fine_grained_shape(&fg), "{fg}");
    let stateless = hub.create_token(NewToken::new("octocat", TokenKind::AppInstallation).stateless()).unwrap();
    assert_eq!(stateless.matches('.').count(), 2);
    assert!(hub.create_token(NewToken::new("octocat", TokenKind::Classic).stateless()).is_err());
}

#[test]
fn scopes_are_normalized() {
    assert_eq!(scopes::normalize(&["user", "gist", "user:email"]), ["user", "gist"]);
    assert_eq!(scopes::normalize(&["public_repo", "repo", "repo:status", "repo"]), ["repo"]);
    assert_eq!(scopes::normalize(&["read:org", "admin:org", "write:org", "workflow"]), ["admin:org", "workflow"]);
    assert_eq!(scopes::normalize(&["write:packages", "read:packages"]), ["write:packages"]);
}
