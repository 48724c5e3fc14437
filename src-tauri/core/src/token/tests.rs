use super::checksum::encode_base62;
use super::*;

// Public example (docs/github.md#checksums; checksum 937837982 -> 11T4V4); not a live token.
const CLASSIC: &str = "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";
const RANDOM: &str = "M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq";

pub(super) fn rule(input: &str) -> MalformedRule {
    match parse(input) {
        Err(Error::TokenMalformed { rule }) => rule,
        other => panic!("expected malformed, got {other:?}"),
    }
}

fn fine(head: &str, tail: &str) -> String {
    format!("github_pat_{head}_{tail}")
}

#[test]
fn classic_checksum_vector() {
    assert_eq!(checksum_of(RANDOM), "11T4V4");
    assert_eq!(parse(CLASSIC).unwrap().kind, TokenKind::Classic);
}

#[test]
fn datadog_vector_is_zero_padded() {
    // DataDog's test vector (docs/github.md#checksums): checks the base62 layout end to end.
    // `b62_QdwULL38u41vs1OcAjhKqcaSZ9W63r0Zu4ln`, whose checksum needs a padding zero.
    assert_eq!(checksum_of("QdwULL38u41vs1OcAjhKqcaSZ9W63r"), "0Zu4ln");
    let token = with_checksum(TokenKind::Classic, "QdwULL38u41vs1OcAjhKqcaSZ9W63r").unwrap();
    assert_eq!(token, "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");
    assert_eq!(parse(&token).unwrap().kind, TokenKind::Classic);
}

#[test]
fn base62_padding() {
    assert_eq!(encode_base62(0, 6), "000000");
    assert_eq!(encode_base62(61, 6), "00000z");
    assert_eq!(encode_base62(62, 1), "10");
    assert_eq!(encode_base62(u64::from(u32::MAX), 6).len(), 6);
}

#[test]
fn every_checksummed_kind() {
    for (kind, prefix) in [
        (TokenKind::Classic, "ghp_"),
        (TokenKind::Oauth, "gho_"),
        (TokenKind::AppUser, "ghu_"),
        (TokenKind::AppInstallation, "ghs_"),
        (TokenKind::AppRefresh, "ghr_"),
    ] {
        let token = with_checksum(kind, RANDOM).unwrap();
        assert!(token.starts_with(prefix));
        assert_eq!(token.len(), 40);
        assert_eq!(parse(&token).unwrap().kind, kind);
        assert_eq!(prefix_of(kind), Some(prefix));
    }
    assert_eq!(prefix_of(TokenKind::FineGrained), Some("github_pat_"));
    assert_eq!(prefix_of(TokenKind::Legacy), None);
    assert_eq!(with_checksum(TokenKind::FineGrained, RANDOM), None);
    assert_eq!(with_checksum(TokenKind::Classic, "short"), None);
    assert_eq!(with_checksum(TokenKind::Classic, &"é".repeat(15)), None);
}

#[test]
fn trims_and_reports_surrounding_whitespace() {
    let p = parse(&format!("  {CLASSIC}\n")).unwrap();
    assert_eq!(p.trimmed, Trimmed { leading: 2, trailing: 1 });
    assert_eq!(p.secret.expose(), CLASSIC);
    assert!(parse(CLASSIC).unwrap().trimmed.is_empty());
    // Counted in characters: CRLF is 2, a no-break space (2 bytes) is 1.
    let p = parse(&format!("\u{a0}\t{CLASSIC}\r\n")).unwrap();
    assert_eq!(p.trimmed, Trimmed { leading: 2, trailing: 2 });
}

#[test]
fn refuses_with_the_rule_broken() {
    assert_eq!(rule(""), MalformedRule::Empty);
    assert_eq!(rule(" \n"), MalformedRule::Empty);
    assert_eq!(rule("ghp_M7H4jxUDDWHP4kZ6A4 dxlQYsQIWJuq11T4V4"), MalformedRule::WhitespaceInside);
    assert_eq!(rule("ghp_M7H4jxUDDWHP4kZ6A4\u{a0}dxlQYsQIWJuq11T4V4"), MalformedRule::WhitespaceInside);
    assert_eq!(rule("xyz_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V4"), MalformedRule::UnknownPrefix);
    assert_eq!(rule("GHP_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V4"), MalformedRule::UnknownPrefix);
    assert_eq!(rule("ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V"), MalformedRule::Length);
    assert_eq!(rule(&format!("{CLASSIC}0")), MalformedRule::Length);
    assert_eq!(rule("ghp_"), MalformedRule::Length);
    assert_eq!(rule("ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V!"), MalformedRule::Charset);
    assert_eq!(rule("ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V5"), MalformedRule::Checksum);
}

#[test]
fn non_ascii_is_a_charset_error() {
    // Lookalike letters, zero-width characters, a byte-order mark, control characters.
    assert_eq!(rule("ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4Vé"), MalformedRule::Charset);
    assert_eq!(rule("ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V\u{200b}4"), MalformedRule::Charset);
    assert_eq!(rule(&format!("\u{feff}{CLASSIC}")), MalformedRule::Charset);
    assert_eq!(rule(&format!("{CLASSIC}\0")), MalformedRule::Charset);
    assert_eq!(rule("ｇｈｐ_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V4"), MalformedRule::Charset);
    assert_eq!(rule("🔑"), MalformedRule::Charset);
}

#[test]
fn very_long_input_is_refused_before_any_work() {
    let long = "a".repeat(MAX_INPUT_LEN + 1);
    assert_eq!(rule(&long), MalformedRule::Length);
    // Even when it is mostly whitespace around a valid token.
    let padded = format!("{}{CLASSIC}", " ".repeat(MAX_INPUT_LEN));
    assert_eq!(rule(&padded), MalformedRule::Length);
    let ok = format!("{}{CLASSIC}", " ".repeat(MAX_INPUT_LEN - CLASSIC.len()));
    assert_eq!(parse(&ok).unwrap().trimmed.leading, MAX_INPUT_LEN - CLASSIC.len());
}

#[test]
fn fine_grained_structure() {
    let good = fine(&format!("11{}", "A".repeat(20)), &"b".repeat(59));
    assert_eq!(good.len(), 93);
    assert_eq!(parse(&good).unwrap().kind, TokenKind::FineGrained);
    let shifted = fine(&format!("11{}", "A".repeat(21)), &"b".repeat(58));
    assert_eq!(rule(&shifted), MalformedRule::Structure);
    let no_separator = format!("github_pat_{}", "c".repeat(82));
    assert_eq!(rule(&no_separator), MalformedRule::Structure);
    let two_separators = fine(&"A".repeat(22), &format!("{}_{}", "b".repeat(29), "b".repeat(29)));
    assert_eq!(rule(&two_separators), MalformedRule::Structure);
    assert_eq!(rule(&format!("{good}x")), MalformedRule::Length);
    assert_eq!(rule(&good[..92]), MalformedRule::Length);
    assert_eq!(rule("github_pat_"), MalformedRule::Length);
    assert_eq!(rule(&fine(&"A".repeat(22), &format!("{}-", "b".repeat(58)))), MalformedRule::Charset);
}

#[test]
fn fine_grained_is_never_refused_by_checksum() {
    // Any 22/59 alphanumeric body is accepted: GitHub's scheme is unknown.
    for tail in ["0".repeat(59), "z".repeat(59), format!("{}AAAAAA", "Q".repeat(53))] {
        assert_eq!(parse(&fine(&"1".repeat(22), &tail)).unwrap().kind, TokenKind::FineGrained);
    }
}

#[test]
fn legacy_hex() {
    let hex = "0123456789abcdef".repeat(3);
    assert_eq!(parse(&hex[..40]).unwrap().kind, TokenKind::Legacy);
    assert_eq!(parse(&hex[..40].to_uppercase()).unwrap().kind, TokenKind::Legacy);
    assert_eq!(rule(&hex[..39]), MalformedRule::Length);
    assert_eq!(rule(&hex[..41]), MalformedRule::Length);
    assert_eq!(rule("abc"), MalformedRule::UnknownPrefix);
    assert_eq!(rule("0123456789abcdeg0123456789abcdef01234567"), MalformedRule::UnknownPrefix);
}

#[test]
fn stateless_installation_token() {
    let jwt = format!("ghs_{}.{}.{}", "a".repeat(100), "b".repeat(300), "c_-".repeat(40));
    assert_eq!(parse(&jwt).unwrap().kind, TokenKind::AppInstallation);
    assert_eq!(rule("ghs_abc.def"), MalformedRule::Length);
    let two_parts = format!("ghs_{}.{}", "a".repeat(40), "b".repeat(40));
    assert_eq!(rule(&two_parts), MalformedRule::Structure);
    let four_parts = format!("ghs_{0}.{0}.{0}.{0}", "a".repeat(20));
    assert_eq!(rule(&four_parts), MalformedRule::Structure);
    let empty_part = format!("ghs_{}..{}", "a".repeat(20), "b".repeat(20));
    assert_eq!(rule(&empty_part), MalformedRule::Structure);
    let trailing_dot = format!("ghs_{0}.{0}.", "a".repeat(20));
    assert_eq!(rule(&trailing_dot), MalformedRule::Structure);
    let bad_char = format!("ghs_{0}.{0}.{0}+", "a".repeat(20));
    assert_eq!(rule(&bad_char), MalformedRule::Charset);
    let too_long = format!("ghs_{0}.{0}.{0}", "a".repeat(1400));
    assert_eq!(rule(&too_long), MalformedRule::Length);
    // Dots only make sense for ghs_: other prefixes refuse them as a charset error.
    assert_eq!(rule(&format!("ghp_{0}.{0}.{0}", "a".repeat(20))), MalformedRule::Charset);
}

#[test]
fn errors_never_carry_the_input() {
    let err = parse("ghp_M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V5").unwrap_err();
    assert!(!format!("{err:?} {err}").contains("M7H4"));
    assert!(!format!("{:?}", parse(CLASSIC).unwrap()).contains("M7H4"));
}
