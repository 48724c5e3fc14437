//! `jeton setup-git` on a global git config in a temporary HOME.

use std::path::Path;
use std::process::Command;

/// The slim helper built beside `jeton`, which setup-git points git at.
const HELPER: &str = env!("CARGO_BIN_EXE_git-credential-jeton");

fn setup_git(home: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jeton"))
        .arg("setup-git")
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env_remove("GIT_CONFIG_GLOBAL")
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// The helpers git would use for `url`, as `git config` resolves them.
fn helpers(home: &Path, key: &str) -> Vec<String> {
    let out = Command::new("git")
        .args(["config", "--global", "--get-all", key])
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect()
}

const USER_CONFIG: &str = "[user]\n\tname = Octo\n[credential]\n\thelper = store\n\
[credential \"https://ghe.example.com\"]\n\thelper = !/usr/bin/gh auth git-credential\n";

#[test]
fn setup_adds_a_reset_and_jeton_for_one_host_and_undo_restores_the_file() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(".gitconfig");
    std::fs::write(&file, USER_CONFIG).unwrap();
    let (code, out, err) = setup_git(home.path(), &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("https://github.com"), "{out}");
    let ours = format!("!'{}'", HELPER);
    assert_eq!(helpers(home.path(), "credential.https://github.com.helper"), ["", ours.as_str()]);
    // What git resolves for github.com: only Jeton; other hosts keep theirs.
    let resolved = |url: &str| {
        let out = Command::new("git")
            .args(["config", "--global", "--get-urlmatch", "credential.helper", url])
            .env("HOME", home.path())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    };
    assert_eq!(resolved("https://github.com/octocat/x.git"), ours);
    assert_eq!(resolved("https://gitlab.example.org/x.git"), "store");
    assert!(std::fs::read_to_string(&file).unwrap().starts_with(USER_CONFIG), "the user's lines are untouched");

    // Again: nothing changes.
    let before = std::fs::read(&file).unwrap();
    assert_eq!(setup_git(home.path(), &[]).0, 0);
    assert_eq!(std::fs::read(&file).unwrap(), before);

    // A host with the user's own helper: Jeton after it, no reset.
    assert_eq!(setup_git(home.path(), &["--host", "https://ghe.example.com"]).0, 0);
    assert_eq!(
        helpers(home.path(), "credential.https://ghe.example.com.helper"),
        ["!/usr/bin/gh auth git-credential", ours.as_str()]
    );

    for host in ["https://github.com", "https://ghe.example.com"] {
        let (code, _, err) = setup_git(home.path(), &["--undo", "--host", host]);
        assert_eq!(code, 0, "{err}");
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), USER_CONFIG, "undo takes back exactly what was added");
    let (code, out, _) = setup_git(home.path(), &["--undo"]);
    assert_eq!(code, 0);
    assert!(out.contains("not set up"), "{out}");
}

#[test]
fn a_config_git_cannot_parse_is_refused_and_left_untouched() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join(".gitconfig");
    let broken = b"[user\n\tname = Octo\n[credential]\n\thelper = store\n";
    std::fs::write(&file, broken).unwrap();
    for args in [&[][..], &["--undo"][..], &["--host", "https://ghe.example.com"][..]] {
        let (code, out, err) = setup_git(home.path(), args);
        assert_eq!(code, 1, "{args:?}: {out}");
        assert!(err.contains("cannot read your global git config") && err.contains("Nothing was changed"), "{err}");
        assert_eq!(std::fs::read(&file).unwrap(), broken, "the file is untouched");
    }
    let entries: Vec<_> = std::fs::read_dir(home.path()).unwrap().flatten().map(|e| e.file_name()).collect();
    assert_eq!(entries, [std::ffi::OsString::from(".gitconfig")], "no lock or backup left behind");
}

#[test]
fn no_global_config_yet_is_an_empty_one() {
    let home = tempfile::tempdir().unwrap();
    assert_eq!(setup_git(home.path(), &["--host", "http://127.0.0.1:8080"]).0, 0);
    let ours = format!("!'{}'", HELPER);
    assert_eq!(helpers(home.path(), "credential.http://127.0.0.1:8080.helper"), ["", ours.as_str()]);
    assert_eq!(setup_git(home.path(), &["--undo", "--host", "http://127.0.0.1:8080"]).0, 0);
    let left = std::fs::read_to_string(home.path().join(".gitconfig")).unwrap();
    assert_eq!(left.trim(), "", "{left}");
}
