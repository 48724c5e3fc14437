//! Property tests of the token parser.

use proptest::prelude::*;

use super::tests::rule;
use super::*;

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const KINDS: [TokenKind; 5] =
    [TokenKind::Classic, TokenKind::Oauth, TokenKind::AppUser, TokenKind::AppInstallation, TokenKind::AppRefresh];

fn random_body() -> impl Strategy<Value = String> {
    "[0-9A-Za-z]{30}"
}

/// Whitespace as it arrives in a paste: ASCII and a few Unicode spaces.
fn whitespace() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec![' ', '\t', '\n', '\r', '\u{a0}', '\u{2003}', '\u{3000}', '\u{2028}']),
        0..6,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// Token-shaped text: a real prefix (or none) and characters near the real ones, so
/// the deeper rules are reached, not only `UnknownPrefix`.
fn token_like() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "gh"]),
        "[0-9A-Za-z._\\- \n\u{a0}é]{0,120}",
    )
        .prop_map(|(p, rest)| format!("{p}{rest}"))
}

proptest! {
    #[test]
    fn checksummed_bodies_parse_as_their_kind(body in random_body(), k in 0..KINDS.len()) {
        let kind = KINDS[k];
        let token = with_checksum(kind, &body).unwrap();
        let parsed = parse(&token).unwrap();
        prop_assert_eq!(parsed.kind, kind);
        prop_assert_eq!(parsed.secret.expose(), token.as_str());
        prop_assert!(parsed.trimmed.is_empty());
    }

    #[test]
    fn every_one_character_substitution_fails(body in random_body()) {
        let token = with_checksum(TokenKind::Classic, &body).unwrap();
        for pos in 0..token.len() {
            for &c in BASE62.iter().filter(|&&c| c != token.as_bytes()[pos]) {
                let mut bytes = token.clone().into_bytes();
                bytes[pos] = c;
                let changed = String::from_utf8(bytes).unwrap();
                if pos >= 4 {
                    prop_assert_eq!(rule(&changed), MalformedRule::Checksum, "{}", pos);
                    continue;
                }
                // The checksum covers only the random part, so turning `ghp_` into
                // another real prefix gives a well-formed token of that other kind.
                let other = CHECKSUMMED.iter().find(|(p, _)| changed.starts_with(p));
                match other {
                    Some((_, kind)) => {
                        prop_assert_ne!(*kind, TokenKind::Classic);
                        prop_assert_eq!(parse(&changed).unwrap().kind, *kind);
                    }
                    None => prop_assert_eq!(rule(&changed), MalformedRule::UnknownPrefix),
                }
            }
        }
    }

    #[test]
    fn wrong_checksum_is_refused(body in random_body(), check in "[0-9A-Za-z]{6}") {
        prop_assume!(check != checksum_of(&body));
        prop_assert_eq!(rule(&format!("ghp_{body}{check}")), MalformedRule::Checksum);
    }

    #[test]
    fn fine_grained_bodies_parse(head in "[0-9A-Za-z]{22}", tail in "[0-9A-Za-z]{59}") {
        let token = format!("github_pat_{head}_{tail}");
        prop_assert_eq!(parse(&token).unwrap().kind, TokenKind::FineGrained);
    }

    #[test]
    fn legacy_hex_parses(hex in "[0-9a-f]{40}") {
        prop_assert_eq!(parse(&hex).unwrap().kind, TokenKind::Legacy);
    }

    #[test]
    fn stateless_installation_parses(a in "[0-9A-Za-z_-]{1,200}", b in "[0-9A-Za-z_-]{1,400}", c in "[0-9A-Za-z_-]{34,100}") {
        let token = format!("ghs_{a}.{b}.{c}");
        prop_assert_eq!(parse(&token).unwrap().kind, TokenKind::AppInstallation);
    }

    #[test]
    fn surrounding_whitespace_round_trips(
        body in random_body(),
        k in 0..KINDS.len(),
        lead in whitespace(),
        trail in whitespace(),
    ) {
        let token = with_checksum(KINDS[k], &body).unwrap();
        let parsed = parse(&format!("{lead}{token}{trail}")).unwrap();
        prop_assert_eq!(parsed.secret.expose(), token.as_str());
        prop_assert_eq!(parsed.kind, KINDS[k]);
        let expected = Trimmed { leading: lead.chars().count(), trailing: trail.chars().count() };
        prop_assert_eq!(parsed.trimmed, expected);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        check_consistent(&s)?;
    }

    #[test]
    fn token_like_strings_never_panic(s in token_like()) {
        check_consistent(&s)?;
    }
}

/// Whatever `parse` says about `s`, it is consistent: an accepted token is the
/// trimmed input, printable ASCII, at most `MAX_INPUT_LEN` long, with the kind its
/// prefix names.
fn check_consistent(s: &str) -> std::result::Result<(), TestCaseError> {
    match parse(s) {
        Ok(p) => {
            let secret = p.secret.expose();
            prop_assert_eq!(secret, s.trim());
            prop_assert!(secret.bytes().all(|b| b.is_ascii_graphic()));
            prop_assert!(s.len() <= MAX_INPUT_LEN);
            match prefix_of(p.kind) {
                Some(prefix) => prop_assert!(secret.starts_with(prefix)),
                None => prop_assert!(secret.len() == 40),
            }
        }
        Err(Error::TokenMalformed { .. }) => {}
        Err(other) => prop_assert!(false, "unexpected error {:?}", other),
    }
    Ok(())
}
