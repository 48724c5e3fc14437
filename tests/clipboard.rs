//! `jeton copy` against the real X11 clipboard (run under `scripts/headless`, which
//! starts Xvfb): read back with `xclip`, as another application would.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{eventually, Env};

/// One clipboard for the whole display: these tests take turns.
static CLIPBOARD: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn need_display() {
    assert!(
        std::env::var_os("DISPLAY").is_some(),
        "the clipboard tests need an X display: run them under scripts/headless"
    );
}

/// What another application gets when it pastes `target` (text by default).
fn paste(target: Option<&str>) -> Option<String> {
    let mut cmd = Command::new("xclip");
    cmd.args(["-o", "-selection", "clipboard"]);
    if let Some(t) = target {
        cmd.args(["-t", t]);
    }
    let out = cmd.stderr(Stdio::null()).output().expect("xclip is installed");
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The holders `jeton copy` left for this test's data dir (found through /proc).
fn holders(env: &Env) -> Vec<u32> {
    let marker = format!("JETON_DATA_DIR={}", env.data_dir().display());
    let Ok(dir) = std::fs::read_dir("/proc") else { return vec![] };
    dir.flatten()
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let read = |f: &str| std::fs::read(format!("/proc/{pid}/{f}")).unwrap_or_default();
            let cmdline = read("cmdline");
            let environ = read("environ");
            common::contains(&cmdline, "__hold-clipboard") && environ.split(|b| *b == 0).any(|v| v == marker.as_bytes())
        })
        .collect()
}

/// An environment holding one stored token named `laptop`; returns its secret and
/// this test's turn at the clipboard.
async fn with_token() -> (Env, String, tokio::sync::MutexGuard<'static, ()>) {
    need_display();
    let turn = CLIPBOARD.lock().await;
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    let add = env.jeton(&["add", "--name", "laptop", "-"], &token).await;
    assert_eq!(add.code, 0, "{}", add.stderr);
    (env, token, turn)
}

#[tokio::test(flavor = "multi_thread")]
async fn copy_puts_the_token_on_the_clipboard_as_a_password_then_clears_it() {
    let (env, token, _turn) = with_token().await;
    let run = env.jeton(&["copy", "laptop", "--clear-after", "3"], "").await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("clears in 3 s"), "{}", run.stdout);
    assert!(!run.stdout.contains(&token) && !run.stderr.contains(&token), "the secret is never printed");
    // `jeton copy` returns once the clipboard serves the token, and it has exited.
    assert_eq!(paste(None).as_deref(), Some(token.as_str()));
    let targets = paste(Some("TARGETS")).unwrap_or_default();
    assert!(targets.contains("x-kde-passwordManagerHint"), "marked as a password: {targets}");
    assert_eq!(paste(Some("x-kde-passwordManagerHint")).as_deref(), Some("secret"));
    eventually("the clipboard no longer holds the token", || paste(None).as_deref() != Some(token.as_str()));
    assert!(paste(None).unwrap_or_default().is_empty(), "cleared, not replaced");
    eventually("the holder has exited", || holders(&env).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn something_copied_meanwhile_is_left_alone() {
    let (env, token, _turn) = with_token().await;
    let run = env.jeton(&["copy", "laptop", "--clear-after", "3"], "").await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(paste(None).as_deref(), Some(token.as_str()));
    // The user copies something else; `xclip -quiet` serves it in the foreground.
    let mut other = Command::new("xclip")
        .args(["-i", "-selection", "clipboard", "-quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("xclip");
    other.stdin.take().unwrap().write_all(b"the user's own text").unwrap();
    eventually("the user's text is on the clipboard", || paste(None).as_deref() == Some("the user's own text"));
    eventually("the holder has exited", || holders(&env).is_empty());
    assert_eq!(paste(None).as_deref(), Some("the user's own text"), "Jeton cleared what it did not copy");
    let _ = other.kill();
    let _ = other.wait();
}

#[tokio::test(flavor = "multi_thread")]
async fn copying_an_unknown_name_fails_and_leaves_the_clipboard_alone() {
    let (env, _token, _turn) = with_token().await;
    let run = env.jeton(&["copy", "nope"], "").await;
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("No token is named \"nope\""), "{}", run.stderr);
    assert!(holders(&env).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_display_copy_says_so() {
    let (env, _token, _turn) = with_token().await;
    let run = env.jeton_env(&["copy", "laptop"], "", &[("DISPLAY", ""), ("WAYLAND_DISPLAY", "")]).await;
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stderr.contains("could not reach the clipboard"), "{}", run.stderr);
    eventually("no holder is left behind", || holders(&env).is_empty());
}
