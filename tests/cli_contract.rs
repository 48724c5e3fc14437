//! The command line's contract (README's table, docs/architecture.md): every command
//! answers `--help` in English and French with its documented options, and a usage
//! error exits 2 with a sentence in the user's language. Nothing here reaches a network
//! or a keychain: help and usage errors stop before either.
//!
//! A new command adds one row to `COMMANDS`; `every_command_has_a_row` fails until it does.

mod common;

use std::process::{Command, Output, Stdio};

struct Row {
    /// The subcommand as typed (`git-credential`; `app token` for a group's command).
    name: &'static str,
    /// Options the contract documents; each must be in the command's help.
    options: &'static [&'static str],
    /// Arguments after the name that are usage errors (each must exit 2).
    usage_errors: &'static [&'static [&'static str]],
}

const COMMANDS: &[Row] = &[
    Row {
        name: "check",
        options: &["--offline", "--host", "--json"],
        usage_errors: &[&["--nope", "-"], &["ghp_in_the_arguments"], &[]],
    },
    Row {
        name: "add",
        options: &["--name", "--host", "--json"],
        usage_errors: &[&["-"], &["--name"], &["--name", "x", "ghp_in_the_arguments"]],
    },
    Row { name: "list", options: &["--json"], usage_errors: &[&["--nope"], &["extra"]] },
    Row { name: "status", options: &["--within", "--json"], usage_errors: &[&["--within", "soon"], &["--within"]] },
    Row {
        name: "recheck",
        options: &["--json", "--concurrency"],
        usage_errors: &[&["--concurrency", "many"], &["--concurrency", "99"], &["--concurrency", "0"]],
    },
    Row { name: "copy", options: &["--clear-after"], usage_errors: &[&[], &["x", "--clear-after", "soon"]] },
    Row {
        name: "create-url",
        options: &["--kind", "--name", "--description", "--owner", "--expires", "--permission", "--scope", "--host"],
        usage_errors: &[
            &[],
            &["--kind", "modern", "--name", "x"],
            &["--kind", "fine-grained", "--name", "x", "--expires", "400"],
        ],
    },
    Row { name: "git-credential", options: &[], usage_errors: &[&[], &["get", "extra"]] },
    Row { name: "setup-git", options: &["--host", "--undo"], usage_errors: &[&["--nope"], &["--host"]] },
    Row { name: "discover", options: &["--json"], usage_errors: &[&["--nope"], &["extra"]] },
    Row { name: "import-found", options: &["--remove-plaintext"], usage_errors: &[&["--nope"], &["extra"]] },
    Row { name: "completions", options: &[], usage_errors: &[&[], &["powershell-7"], &["bash", "zsh"]] },
    Row { name: "revoke", options: &["--yes"], usage_errors: &[&[], &["a", "b"]] },
    Row { name: "forget", options: &["--yes"], usage_errors: &[&[], &["a", "b"]] },
    Row {
        name: "app",
        options: &["add", "list", "forget", "token", "serve-git", "requests", "review", "grants", "revoke-grant"],
        usage_errors: &[&[], &["nope"]],
    },
    Row {
        name: "app add",
        options: &["--client-id", "--host", "--key-file"],
        usage_errors: &[&[], &["--client-id"], &["--client-id", "Iv1", "--nope"]],
    },
    Row { name: "app list", options: &["--json"], usage_errors: &[&["--nope"], &["extra"]] },
    Row { name: "app forget", options: &["--yes"], usage_errors: &[&[], &["a", "b"]] },
    Row {
        name: "app token",
        options: &["--installation", "--repo", "--permission", "--pin"],
        usage_errors: &[&[], &["--installation", "many"], &["--installation", "1", "ghs_in_the_arguments"]],
    },
    Row {
        name: "app serve-git",
        options: &["--owner", "--installation", "--host", "--undo"],
        usage_errors: &[&[], &["--owner", "acme"], &["--owner", "acme", "--installation", "1", "--undo"]],
    },
    Row { name: "app requests", options: &["--host", "--json"], usage_errors: &[&[], &["acme", "extra"]] },
    Row {
        name: "app review",
        options: &["--approve", "--deny", "--reason", "--host"],
        usage_errors: &[
            &["acme", "1"],
            &["acme", "--approve"],
            &["acme", "1", "--approve", "--deny"],
            &["acme", "x", "--deny"],
        ],
    },
    Row { name: "app grants", options: &["--host", "--json"], usage_errors: &[&[], &["acme", "--nope"]] },
    Row { name: "app revoke-grant", options: &["--yes", "--host"], usage_errors: &[&["acme"], &["acme", "one"]] },
    Row { name: "help", options: &[], usage_errors: &[&["nope"]] },
];

/// `(LANG, words only the help in that language has)`.
const LANGS: &[(&str, &[&str])] =
    &[("en_US.UTF-8", &["Usage:", "Show this help."]), ("fr_FR.UTF-8", &["Utilisation :", "Affiche cette aide."])];

fn jeton(args: &[&str], lang: &str) -> Output {
    let data = std::env::temp_dir().join(format!("jeton-contract-{}", std::process::id()));
    Command::new(env!("CARGO_BIN_EXE_jeton"))
        .args(args)
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        // Should a row ever run a command for real: nothing of the user's is touched
        // and no request leaves the machine (port 9 is discard; nothing listens).
        .env("JETON_DATA_DIR", &data)
        .env("JETON_KEYRING_NAMESPACE", "jeton-cli-contract")
        .env("JETON_GITHUB_URL", "http://127.0.0.1:9")
        .env("JETON_GITHUB_API_URL", "http://127.0.0.1:9")
        .stdin(Stdio::null())
        .output()
        .expect("run jeton")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn every_command_answers_help_in_both_languages_with_its_options() {
    for row in COMMANDS {
        let mut helps = vec![];
        for &(lang, words) in LANGS {
            let parts: Vec<&str> = row.name.split(' ').collect();
            let with = |extra: &[&'static str]| [&parts[..], extra].concat();
            let asked_help = (parts.len() == 1).then(|| vec!["help", row.name]);
            for args in [with(&["--help"]), with(&["-h"])].into_iter().chain(asked_help) {
                let out = jeton(&args, lang);
                let stdout = text(&out.stdout);
                assert_eq!(out.status.code(), Some(0), "jeton {args:?} ({lang}): {stdout}{}", text(&out.stderr));
                for w in words.iter().chain(row.options) {
                    assert!(stdout.contains(w), "jeton {args:?} ({lang}) does not say {w:?}:\n{stdout}");
                }
                let usage =
                    stdout.lines().find(|l| l.contains(&format!("jeton {} ", row.name)) || l.ends_with(row.name));
                assert!(usage.is_some(), "jeton {args:?} ({lang}): no usage line for {}:\n{stdout}", row.name);
            }
            helps.push(text(&jeton(&with(&["--help"]), lang).stdout));
        }
        assert_ne!(helps[0], helps[1], "jeton {} --help is not translated", row.name);
    }
}

#[test]
fn usage_errors_exit_2_with_a_sentence_in_the_users_language() {
    for row in COMMANDS {
        for extra in row.usage_errors {
            let args: Vec<&str> = row.name.split(' ').chain(extra.iter().copied()).collect();
            for &(lang, _) in LANGS {
                let out = jeton(&args, lang);
                let stderr = text(&out.stderr);
                assert_eq!(out.status.code(), Some(2), "jeton {args:?} ({lang}): {}{stderr}", text(&out.stdout));
                assert!(stderr.starts_with("jeton: ") || stderr.contains("Usage") || stderr.contains("Utilisation"));
                let french = lang.starts_with("fr");
                for english in [" is not ", "unexpected", "missing", "Usage:", "pass the token"] {
                    assert!(
                        !(french && stderr.contains(english)),
                        "jeton {args:?} in French says {english:?}: {stderr}"
                    );
                }
            }
        }
    }
    for args in [&["chek"][..], &["--nope"], &["help", "chek"]] {
        assert_eq!(jeton(args, "en_US.UTF-8").status.code(), Some(2), "jeton {args:?}");
    }
}

#[test]
fn every_command_has_a_row() {
    let listed = common::help_commands("en_US.UTF-8");
    assert!(listed.len() >= 5, "could not read the commands from jeton --help: {listed:?}");
    for name in &listed {
        assert!(
            COMMANDS.iter().any(|r| r.name == name),
            "jeton {name} is not in tests/cli_contract.rs: add its row (options, usage errors)"
        );
    }
    for row in COMMANDS {
        let top = row.name.split(' ').next().unwrap();
        assert!(listed.iter().any(|n| n == top), "jeton --help does not list {}: {listed:?}", row.name);
    }
    assert_eq!(common::help_commands("fr_FR.UTF-8"), listed, "the French help lists other commands");
}

#[test]
fn version_is_printed() {
    let out = jeton(&["--version"], "en_US.UTF-8");
    assert_eq!(out.status.code(), Some(0));
    assert!(text(&out.stdout).starts_with("jeton "), "{}", text(&out.stdout));
}
