//! What the `jeton` binary logs on stderr: plain text when stderr is a file or a pipe
//! (no terminal colour codes), and each problem once.

mod common;

use common::Env;

/// A data dir that is a file: Jeton's data cannot be read, which it logs as a warning.
async fn list_with_a_file_as_data_dir(env: &Env) -> common::Run {
    let file = env.data_dir().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    env.jeton_env(&["list"], "", &[("JETON_DATA_DIR", file.to_str().unwrap()), ("RUST_LOG", "warn")]).await
}

#[tokio::test(flavor = "multi_thread")]
async fn log_lines_carry_no_colour_codes_when_stderr_is_a_pipe() {
    let env = Env::new().await;
    let run = list_with_a_file_as_data_dir(&env).await;
    assert!(run.stderr.contains("WARN"), "a warning is logged:\n{}", run.stderr);
    assert!(!run.stderr.contains('\u{1b}'), "terminal escape codes in a pipe:\n{:?}", run.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn unreadable_data_is_warned_about_once() {
    let env = Env::new().await;
    let run = list_with_a_file_as_data_dir(&env).await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    let warnings = run.stderr.lines().filter(|l| l.contains("metadata unreadable")).count();
    assert_eq!(warnings, 1, "the data is read once at start:\n{}", run.stderr);
}
