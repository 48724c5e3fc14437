//! `jeton revoke NAME [--yes]` and `jeton forget NAME [--yes]` against fakehub, with the
//! real keychain (run under `scripts/headless`): revoked tokens stop working at GitHub
//! and leave Jeton; forgotten ones leave Jeton only; nothing happens without a yes.

mod common;

use common::Env;

const REVOKE: &str = "/credentials/revoke";

/// Stores `token` as `name` through the CLI, and returns its id.
async fn add(env: &Env, name: &str, token: &str, host: Option<&str>) -> String {
    let mut args = vec!["add", "--name", name, "--json"];
    if let Some(h) = host {
        args.extend(["--host", h]);
    }
    args.push("-");
    let run = env.jeton(&args, token).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()["id"].as_str().unwrap().to_owned()
}

async fn names(env: &Env) -> Vec<String> {
    let run = env.jeton(&["list", "--json"], "").await;
    run.json().as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap().to_owned()).collect()
}

/// Whether GitHub (fakehub) accepts the token, as `jeton check` sees it.
async fn works(env: &Env, token: &str) -> bool {
    let run = env.jeton(&["check", "--json", "-"], token).await;
    run.json()["status"] == "valid"
}

#[tokio::test(flavor = "multi_thread")]
async fn revoke_with_yes_revokes_at_github_then_forgets() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    let keep = env.classic(&[]);
    let id = add(&env, "leaked", &token, None).await;
    add(&env, "other", &keep, None).await;
    let run = env.jeton_env(&["revoke", "leaked", "--yes"], "", &[("RUST_LOG", "trace")]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Revoked \"leaked\"") && run.stdout.contains("emails"), "{}", run.stdout);
    assert!(!works(&env, &token).await, "the token still works at GitHub");
    assert!(works(&env, &keep).await);
    assert_eq!(names(&env).await, vec!["other"]);
    assert_eq!(env.keychain_lookup(&id), None, "the secret is still in the keychain");
    assert!(!run.stderr.contains(&token[4..]), "a log line holds the token");
}

#[tokio::test(flavor = "multi_thread")]
async fn without_yes_and_no_terminal_nothing_happens() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    add(&env, "laptop", &token, None).await;
    for cmd in ["revoke", "forget"] {
        let run = env.jeton(&[cmd, "laptop"], "yes\n").await;
        assert_eq!(run.code, 1, "{cmd}: {}", run.stderr);
        assert!(run.stderr.contains("pass --yes"), "{cmd}: {}", run.stderr);
    }
    let fr = env.jeton_env(&["revoke", "laptop"], "", &[("LANG", "fr_FR.UTF-8")]).await;
    assert_eq!(fr.code, 1);
    assert!(fr.stderr.contains("ajoutez --yes"), "{}", fr.stderr);
    assert_eq!(names(&env).await, vec!["laptop"]);
    assert!(works(&env, &token).await);
    assert_eq!(env.hub.stats().path(REVOKE), 0);
}

/// Runs `jeton ARGS` on a pseudo-terminal (util-linux `script`), typing `typed`.
fn on_terminal(env: &Env, args: &str, typed: &str) -> (i32, String) {
    use std::io::Write;
    let line = format!("{} {args}", env!("CARGO_BIN_EXE_jeton"));
    let mut child = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("JETON_GITHUB_URL", env.hub.url())
        .env("JETON_GITHUB_API_URL", env.hub.url())
        .env("JETON_DATA_DIR", env.data_dir())
        .env("JETON_KEYRING_NAMESPACE", &env.namespace)
        .env("LANG", "en_US.UTF-8")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("script (util-linux) is installed");
    child.stdin.take().unwrap().write_all(typed.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[tokio::test(flavor = "multi_thread")]
async fn on_a_terminal_it_asks_and_only_yes_revokes() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    add(&env, "laptop", &token, None).await;
    let (code, shown) = on_terminal(&env, "revoke laptop", "no\n");
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains("cannot be undone") && shown.contains("emails the token's owner"), "{shown}");
    assert!(shown.contains("Nothing was done"), "{shown}");
    assert!(works(&env, &token).await);
    let (code, shown) = on_terminal(&env, "revoke laptop", "yes\n");
    assert_eq!(code, 0, "{shown}");
    assert!(!works(&env, &token).await);
    assert!(names(&env).await.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn forget_removes_it_from_jeton_only() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    let id = add(&env, "laptop", &token, None).await;
    let run = env.jeton(&["forget", "laptop", "--yes"], "").await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("still works at GitHub"), "{}", run.stdout);
    assert!(names(&env).await.is_empty());
    assert_eq!(env.keychain_lookup(&id), None);
    assert!(works(&env, &token).await, "forget must not revoke");
    assert_eq!(env.hub.stats().path(REVOKE), 0);
    let again = env.jeton(&["forget", "laptop", "--yes"], "").await;
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("laptop"), "{}", again.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn with_the_network_down_nothing_is_forgotten() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    add(&env, "laptop", &token, None).await;
    let dead = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let api = format!("http://127.0.0.1:{dead}");
    let run = env.jeton_env(&["revoke", "laptop", "--yes"], "", &[("JETON_GITHUB_API_URL", &api)]).await;
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("Could not reach"), "{}", run.stderr);
    assert_eq!(names(&env).await, vec!["laptop"]);
    assert!(works(&env, &token).await);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_enterprise_token_is_deleted_on_its_settings_page() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    let ghes = format!("http://localhost:{}", env.hub.addr().port());
    add(&env, "work", &token, Some(&ghes)).await;
    let run = env.jeton(&["revoke", "work", "--yes"], "").await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains(&format!("{ghes}/settings/tokens")), "{}", run.stderr);
    assert!(run.stderr.contains("jeton forget work"), "{}", run.stderr);
    assert_eq!(names(&env).await, vec!["work"]);
    assert!(works(&env, &token).await);
    assert_eq!(env.hub.stats().path(REVOKE), 0);
}
