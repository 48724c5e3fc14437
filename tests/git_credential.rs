//! `jeton git-credential` and the slim `git-credential-jeton` as git calls them, against
//! fakehub and the real keychain (run under `scripts/headless`;
//! `JETON_SKIP_KEYCHAIN_TESTS=1` skips the keychain part).

mod common;

use common::Env;

fn keychain_skipped() -> bool {
    let skip = std::env::var("JETON_SKIP_KEYCHAIN_TESTS").is_ok_and(|v| v == "1");
    if skip {
        println!("skipped (JETON_SKIP_KEYCHAIN_TESTS=1): needs a Secret Service");
    }
    skip
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_gets_no_answer_exit_0_and_no_secret_in_logs() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    let host = env.hub.url().trim_start_matches("http://").to_owned();
    let long = format!("protocol=http\nhost={host}\nwwwauth[]={}\n", "a".repeat(70_000));
    // Bytes that are not UTF-8 are core's tests (`gitcred::protocol`); these go through a pipe.
    let cases: Vec<(&str, String)> = vec![
        ("garbage", "hello\nworld\n".into()),
        ("binary", "\0\u{1}\u{9f}\u{92}\u{ff}\n\0\u{7f}".into()),
        ("an over-long line", long),
        ("a line without =", format!("protocol=http\nhost={host}\n{token}\n")),
        ("a NUL", format!("protocol=http\0\nhost={host}\npassword={token}\n")),
        ("closed stdin", String::new()),
        ("no blank line and a cut line", format!("protocol=http\nhost={host}\npassword={token}")),
    ];
    let trace = [("RUST_LOG", "trace")];
    for (what, input) in cases {
        for op in ["get", "erase", "store", "frobnicate"] {
            let jeton = env.jeton_env(&["git-credential", op], &input, &trace).await;
            let slim = env.program_env(common::HELPER, &[op], &input, &trace).await;
            for (who, run) in [("jeton git-credential", jeton), ("git-credential-jeton", slim)] {
                assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{who}, {what} / {op}: {}", run.stderr);
                assert!(!run.stderr.contains(&token), "{who}, {what} / {op}: a secret was logged");
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn help_says_erase_rechecks_and_store_does_nothing() {
    let env = Env::new().await;
    let run = env.jeton(&["git-credential", "--help"], "").await;
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("erase") && run.stdout.contains("never deletes it"), "{}", run.stdout);
    assert!(run.stdout.contains("store: does nothing"), "{}", run.stdout);
    for (lang, says) in [("en_US.UTF-8", "It does what"), ("fr_FR.UTF-8", "Il fait ce que")] {
        let slim = env.program_env(common::HELPER, &["--help"], "", &[("LANG", lang)]).await;
        assert_eq!(slim.code, 0);
        assert!(slim.stdout.contains(says) && slim.stdout.contains("jeton git-credential"), "{}", slim.stdout);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn get_answers_with_expiry_and_state_only_when_announced_and_erase_rechecks() {
    if keychain_skipped() {
        return;
    }
    let env = Env::new().await;
    let mut new = fakehub::NewToken::classic("octocat", &["repo"]);
    let expires = chrono::Utc::now() + chrono::Duration::days(40);
    new.expires_at = Some(expires);
    let token = env.hub.create_token(new).unwrap();
    assert_eq!(env.jeton(&["add", "--name", "laptop", "-"], &token).await.code, 0);
    let host = env.hub.url().trim_start_matches("http://").to_owned();

    let plain = env.jeton(&["git-credential", "get"], &format!("protocol=http\nhost={host}\n\n")).await;
    let lines: Vec<&str> = plain.stdout.lines().collect();
    let expected_expiry = format!("password_expiry_utc={}", expires.timestamp());
    assert_eq!(lines, ["username=octocat", &format!("password={token}"), expected_expiry.as_str()]);
    let request = format!("protocol=http\nhost={host}\n\n");
    let slim = env.program_env(common::HELPER, &["get"], &request, &[]).await;
    assert_eq!((slim.code, slim.stdout.as_str()), (0, plain.stdout.as_str()), "the slim helper answers alike");

    let caps = "capability[]=authtype\ncapability[]=state\n";
    let with_state = env.jeton(&["git-credential", "get"], &format!("{caps}protocol=http\nhost={host}\n\n")).await;
    let lines: Vec<&str> = with_state.stdout.lines().collect();
    assert_eq!(lines.first(), Some(&"capability[]=state"));
    assert!(lines.last().unwrap().starts_with("state[]=jeton:token="), "{lines:?}");
    assert!(!with_state.stdout.contains("authtype=") && !with_state.stdout.contains("credential="));

    // Not https and not this computer, or another protocol: no answer.
    for other in ["protocol=https\nhost=example.com\n", "protocol=ssh\nhost=github.com\n"] {
        assert_eq!(env.jeton(&["git-credential", "get"], other).await.stdout, "");
    }

    // Revoked: git's erase (with the password only, as git before 2.46 sends it) makes
    // Jeton ask GitHub again; the token stays, shown invalid, and is no longer offered.
    env.hub.revoke_token(&token).unwrap();
    let erase = format!("protocol=http\nhost={host}\nusername=octocat\npassword={token}\n\n");
    let run = env.program_env(common::HELPER, &["erase"], &erase, &[]).await;
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
    let list = env.jeton(&["list", "--json"], "").await.json();
    assert_eq!(list[0]["name"], "laptop");
    assert_eq!(list[0]["status"], "invalid");
    let after = env.jeton(&["git-credential", "get"], &format!("protocol=http\nhost={host}\n\n")).await;
    assert_eq!(after.stdout, "", "a revoked token is never offered");
}

/// A token whose secret the keychain no longer holds is passed over for the next best
/// (git-credential get reads secrets in turn rather than listing the keychain first).
#[tokio::test(flavor = "multi_thread")]
async fn get_passes_over_a_token_whose_secret_is_gone() {
    if keychain_skipped() {
        return;
    }
    let env = Env::new().await;
    let mut tokens = vec![];
    for (name, days) in [("short", 10), ("long", 60)] {
        let mut new = fakehub::NewToken::classic("octocat", &["repo"]);
        new.expires_at = Some(chrono::Utc::now() + chrono::Duration::days(days));
        let token = env.hub.create_token(new).unwrap();
        assert_eq!(env.jeton(&["add", "--name", name, "-"], &token).await.code, 0);
        tokens.push(token);
    }
    let host = env.hub.url().trim_start_matches("http://").to_owned();
    let request = format!("protocol=http\nhost={host}\n\n");
    let best = env.jeton(&["git-credential", "get"], &request).await;
    assert!(best.stdout.contains(&format!("password={}\n", tokens[1])), "the longest-lasting token first");

    let list = env.jeton(&["list", "--json"], "").await.json();
    let long = list.as_array().unwrap().iter().find(|t| t["name"] == "long").unwrap();
    let cleared = std::process::Command::new("secret-tool")
        .args(["clear", "service", &env.namespace, "username", long["id"].as_str().unwrap()])
        .status()
        .unwrap();
    assert!(cleared.success() && env.keychain_lookup(long["id"].as_str().unwrap()).is_none());

    let next = env.jeton(&["git-credential", "get"], &request).await;
    assert_eq!(next.code, 0);
    assert!(next.stdout.contains(&format!("password={}\n", tokens[0])), "{}", next.stdout);
}
