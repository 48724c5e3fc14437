use proptest::prelude::*;

use super::*;

const GIT_247_GET: &str = "capability[]=authtype\ncapability[]=state\nprotocol=https\nhost=github.com\n\
path=octocat/hello.git\nwwwauth[]=Basic realm=\"GitHub\"\nurl=https://github.com/x\nfuture_key=whatever\n";

#[test]
fn reads_what_git_sends_and_ignores_the_rest() {
    let r = parse(GIT_247_GET.as_bytes()).expect("a request");
    assert_eq!(r.protocol.as_deref(), Some("https"));
    assert_eq!(r.host.as_deref(), Some("github.com"));
    assert_eq!(r.path.as_deref(), Some("octocat/hello.git"));
    assert_eq!(r.username, None);
    assert!(r.password.is_none());
    assert!(r.announces(Capability::AuthType) && r.announces(Capability::State));
}

#[test]
fn a_blank_line_or_the_end_ends_the_request_and_crlf_is_a_line_end() {
    let r = parse(b"protocol=https\r\nhost=a.example\r\n\r\nhost=b.example\n").unwrap();
    assert_eq!(r.host.as_deref(), Some("a.example"));
    // git closes its side without a blank line; the last line may lack its newline.
    let r = parse(b"protocol=https\nhost=c.example").unwrap();
    assert_eq!(r.host.as_deref(), Some("c.example"));
    // Closed standard input: nothing asked.
    let r = parse(b"").unwrap();
    assert!(r.protocol.is_none() && r.host.is_none());
}

#[test]
fn list_keys_add_and_an_empty_value_clears() {
    let r =
        parse(b"capability[]=state\ncapability[]=\ncapability[]=authtype\nstate[]=other:1\nstate[]=jeton:token=abc\n")
            .unwrap();
    assert!(!r.announces(Capability::State) && r.announces(Capability::AuthType));
    assert_eq!(r.token_id(), Some("abc"));
    assert_eq!(parse(b"state[]=jeton:token=\n").unwrap().token_id(), None);
}

#[test]
fn later_values_replace_earlier_ones_and_values_may_hold_equals_signs() {
    let r = parse(b"host=a\nhost=b\npassword=x=y\n").unwrap();
    assert_eq!(r.host.as_deref(), Some("b"));
    assert_eq!(r.password.as_ref().map(|p| p.expose()), Some("x=y"));
}

#[test]
fn what_is_not_a_request_is_refused_whole() {
    let long = format!("protocol=https\nhost={}\n", "a".repeat(MAX_LINE));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage", b"hello world\n".to_vec()),
        ("a line without =", b"protocol=https\nhost\n".to_vec()),
        ("a NUL byte", b"protocol=https\nhost=github.com\0\n".to_vec()),
        ("binary", vec![0xff, 0xfe, 0x00, 0x01, b'\n']),
        ("an over-long line", long.into_bytes()),
        ("too much input", b"k=v\n".repeat(MAX_INPUT / 4 + 1)),
        ("a used value that is not UTF-8", b"protocol=https\nhost=\xffgithub.com\n".to_vec()),
    ];
    for (what, input) in cases {
        assert!(parse(&input).is_none(), "{what} must not be a request");
    }
    // A line of exactly git's limit is fine, and bytes in a key Jeton ignores too.
    let mut at_limit = format!("protocol=https\nx={}\n", "a".repeat(MAX_LINE - 2)).into_bytes();
    at_limit.extend_from_slice(b"wwwauth[]=\xe9\xff");
    assert!(parse(&at_limit).is_some());
}

fn answer(id: &str) -> Answer {
    Answer {
        username: "octocat".into(),
        password: Secret::new("ghp_secret"),
        expiry_utc: Some(1_900_000_000),
        token_id: id.into(),
    }
}

fn request(caps: &str) -> Request {
    parse(format!("{caps}protocol=https\nhost=github.com\n").as_bytes()).unwrap()
}

#[test]
fn newer_fields_only_when_git_announced_them() {
    let plain = write(&answer("id-1"), &request("")).unwrap();
    assert_eq!(plain.as_str(), "username=octocat\npassword=ghp_secret\npassword_expiry_utc=1900000000\n");
    let authtype = write(&answer("id-1"), &request("capability[]=authtype\n")).unwrap();
    assert_eq!(authtype.as_str(), plain.as_str(), "Jeton sends no authtype or credential");
    let state = write(&answer("id-1"), &request("capability[]=authtype\ncapability[]=state\n")).unwrap();
    assert_eq!(
        state.as_str(),
        "capability[]=state\nusername=octocat\npassword=ghp_secret\npassword_expiry_utc=1900000000\n\
         state[]=jeton:token=id-1\n"
    );
    let never = Answer { expiry_utc: None, ..answer("id-1") };
    assert!(!write(&never, &request("")).unwrap().contains("password_expiry_utc"));
}

#[test]
fn a_value_that_would_break_a_line_is_not_written() {
    for bad in ["octo\ncat", "octo\rcat", "octo\0cat", ""] {
        assert!(write(&Answer { username: bad.into(), ..answer("id") }, &request("")).is_none(), "{bad:?}");
    }
    assert!(write(&Answer { password: Secret::new("a\nb"), ..answer("id") }, &request("")).is_none());
}

#[test]
fn operations() {
    assert_eq!(Operation::parse("get"), Operation::Get);
    assert_eq!(Operation::parse("store"), Operation::Store);
    assert_eq!(Operation::parse("erase"), Operation::Erase);
    assert_eq!(Operation::parse("capability"), Operation::Unknown);
    assert_eq!(Operation::parse("GET"), Operation::Unknown);
}

/// A value git could send: any bytes but newline and NUL, not starting a CRLF pair.
fn value() -> impl Strategy<Value = String> {
    "[^\n\r\0]{0,80}"
}

proptest! {
    #[test]
    fn any_bytes_never_panic_and_a_nul_is_never_a_request(input in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let parsed = parse(&input);
        let framed = [b'\n'].iter().chain(&input).copied().collect::<Vec<u8>>();
        let has_blank_line = framed.windows(2).any(|w| w == b"\n\n") || framed.windows(3).any(|w| w == b"\n\r\n");
        if !has_blank_line && input.contains(&0) {
            prop_assert!(parsed.is_none());
        }
    }

    #[test]
    fn garbage_around_a_valid_request_is_never_read_as_more(
        protocol in value(), host in value(), path in value(), junk in proptest::collection::vec(any::<u8>(), 0..256)
    ) {
        let mut input = format!("protocol={protocol}\nhost={host}\npath={path}\n\n").into_bytes();
        input.extend_from_slice(&junk);
        let r = parse(&input).expect("what follows the blank line is not read");
        prop_assert_eq!(r.protocol.as_deref(), Some(protocol.as_str()));
        prop_assert_eq!(r.host.as_deref(), Some(host.as_str()));
        prop_assert_eq!(r.path.as_deref(), Some(path.as_str()));
    }

    #[test]
    fn what_jeton_writes_git_reads_back(user in "[A-Za-z0-9-]{1,39}", secret in "[A-Za-z0-9_]{1,120}",
        expiry in proptest::option::of(0i64..4_000_000_000), id in "[a-f0-9-]{1,36}", state in any::<bool>()) {
        let caps = if state { "capability[]=state\n" } else { "" };
        let a = Answer { username: user.clone(), password: Secret::new(secret.clone()), expiry_utc: expiry, token_id: id.clone() };
        let out = write(&a, &request(caps)).unwrap();
        let back = parse(out.as_bytes()).unwrap();
        prop_assert_eq!(back.username.as_deref(), Some(user.as_str()));
        prop_assert_eq!(back.password.as_ref().map(|p| p.expose()), Some(secret.as_str()));
        prop_assert_eq!(back.token_id(), state.then_some(id.as_str()));
        prop_assert_eq!(out.contains("capability[]"), state);
    }
}
