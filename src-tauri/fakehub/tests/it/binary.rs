use std::os::unix::fs::PermissionsExt;
use std::process::Stdio;
use std::time::Duration;

use fakehub::seed::SeededToken;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use tokio::time::timeout;

use crate::common::{get, header};

#[tokio::test]
async fn binary_seeds_demo_and_stops_on_sigterm() {
    let dir = std::env::temp_dir().join(format!(
        "fakehub-test-{}-{}",
        std::process::id(),
        chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("seed.jsonl");
    let mut child = Command::new(env!("CARGO_BIN_EXE_fakehub"))
        .args(["--port", "0", "--seed", "demo", "--seed-out"])
        .arg(&out)
        .stdout(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = timeout(Duration::from_secs(30), lines.next_line())
        .await
        .expect("first line in time")
        .unwrap()
        .expect("a first line");
    let url = first
        .strip_prefix("fakehub listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {first:?}"))
        .to_string();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    url["http://127.0.0.1:".len()..].parse::<u16>().unwrap();

    let mode = std::fs::metadata(&out).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let seeded: Vec<SeededToken> =
        std::fs::read_to_string(&out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(seeded.len(), 6);
    for state in ["valid", "expiring", "expired", "revoked", "sso_required"] {
        assert!(seeded.iter().any(|s| s.state == state), "no {state} token");
    }
    let mut never_expiring = 0;
    for s in &seeded {
        let resp = get(&format!("{url}/user"), Some(&s.token)).await;
        let want = match s.state.as_str() {
            "expired" | "revoked" => 401,
            _ => 200,
        };
        assert_eq!(resp.status(), want, "{}", s.name);
        let expiry = header(&resp, "github-authentication-token-expiration");
        if s.state == "valid" && expiry.is_none() {
            never_expiring += 1;
        }
        if s.state == "expiring" {
            assert!(expiry.is_some());
            assert!(s.token.starts_with("github_pat_"));
        }
        let org = get(&format!("{url}/orgs/acme"), Some(&s.token)).await;
        if s.state == "sso_required" {
            assert_eq!(org.status(), 403);
            assert!(header(&org, "x-github-sso").unwrap().starts_with("required; url="));
        } else if want == 200 {
            assert_eq!(org.status(), 200, "{}", s.name);
        }
    }
    assert_eq!(never_expiring, 1);

    let pid = child.id().unwrap().to_string();
    let killed = std::process::Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let status = timeout(Duration::from_secs(10), child.wait()).await.expect("exits after SIGTERM").unwrap();
    assert!(status.success(), "{status:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn binary_rejects_bad_arguments() {
    for args in [&["--seed", "nope"][..], &["--bogus"][..], &["--seed-out", "/tmp/x"][..]] {
        let out = Command::new(env!("CARGO_BIN_EXE_fakehub")).args(args).output().await.unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
}

#[tokio::test]
async fn binary_stops_on_sigint_right_after_the_first_line() {
    let mut child =
        Command::new(env!("CARGO_BIN_EXE_fakehub")).stdout(Stdio::piped()).kill_on_drop(true).spawn().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = timeout(Duration::from_secs(30), lines.next_line()).await.unwrap().unwrap().unwrap();
    assert!(first.starts_with("fakehub listening on http://127.0.0.1:"));
    let pid = child.id().unwrap().to_string();
    let sent = std::process::Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    let status = timeout(Duration::from_secs(10), child.wait()).await.unwrap().unwrap();
    assert!(status.success(), "{status:?}");
}
