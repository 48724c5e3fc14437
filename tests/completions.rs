//! `jeton completions bash|zsh|fish`: each script is accepted by its shell and offers
//! every command `jeton --help` lists (and never the hidden clipboard holder). The shells
//! come from Debian (`scripts/deps --test` installs zsh and fish). The packages ship the
//! English scripts of `completions/`, which must be what `jeton completions` prints
//! (`make completions` writes them anew).

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn script(shell: &str, lang: &str, dir: &Path) -> std::path::PathBuf {
    let out = Command::new(env!("CARGO_BIN_EXE_jeton"))
        .args(["completions", shell])
        .env("LANG", lang)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("run jeton completions");
    assert_eq!(out.status.code(), Some(0), "jeton completions {shell}: {}", String::from_utf8_lossy(&out.stderr));
    assert!(!out.stdout.is_empty(), "jeton completions {shell} printed nothing");
    let path = dir.join(format!("jeton.{shell}"));
    std::fs::write(&path, &out.stdout).unwrap();
    path
}

/// Runs `shell ARGS`; a missing shell fails with how to install it.
fn shell(shell: &str, args: &[&str]) -> Output {
    Command::new(shell)
        .args(args)
        .env("HOME", std::env::temp_dir())
        .output()
        .unwrap_or_else(|e| panic!("{shell} is needed ({e}): run scripts/deps --test"))
}

fn ok(out: &Output, what: &str) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{what}: {stdout}{}", String::from_utf8_lossy(&out.stderr));
    stdout
}

fn commands() -> Vec<String> {
    let names = common::help_commands("en_US.UTF-8");
    assert!(names.len() >= 5, "could not read the commands from jeton --help: {names:?}");
    names
}

#[test]
fn bash_completes_every_command_and_the_shells() {
    let dir = tempfile::tempdir().unwrap();
    let file = script("bash", "en_US.UTF-8", dir.path());
    let file = file.to_str().unwrap();
    ok(&shell("bash", &["-n", file]), "bash -n");
    // What bash offers after `jeton ` and after `jeton completions `.
    let probe = format!(
        "source {file}
complete -p jeton
COMP_WORDS=(jeton ''); COMP_CWORD=1; _jeton jeton '' jeton; printf 'command %s\\n' \"${{COMPREPLY[@]}}\"
COMP_WORDS=(jeton completions ''); COMP_CWORD=2; _jeton jeton '' completions; printf 'shell %s\\n' \"${{COMPREPLY[@]}}\""
    );
    let out = ok(&shell("bash", &["-c", &probe]), "bash: source and complete");
    assert!(out.contains("-F _jeton") && out.contains(" jeton\n"), "complete -p jeton: {out}");
    for name in commands() {
        assert!(out.contains(&format!("command {name}\n")), "bash does not offer {name}:\n{out}");
    }
    for sh in ["bash", "zsh", "fish"] {
        assert!(out.contains(&format!("shell {sh}\n")), "bash does not offer completions {sh}:\n{out}");
    }
    assert!(!out.contains("__hold"), "the hidden holder is offered:\n{out}");
}

#[test]
fn zsh_accepts_the_script_and_registers_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = script("zsh", "en_US.UTF-8", dir.path());
    let file = file.to_str().unwrap();
    ok(&shell("zsh", &["-n", file]), "zsh -n");
    let probe = format!("autoload -Uz compinit && compinit -u -D && source {file} && print -r -- \"$_comps[jeton]\"");
    let out = ok(&shell("zsh", &["-f", "-c", &probe]), "zsh: compinit and source");
    assert_eq!(out.trim(), "_jeton", "compdef did not register _jeton for jeton");
    let text = std::fs::read_to_string(file).unwrap();
    for name in commands() {
        assert!(text.contains(&format!("'{name}:")), "the zsh script does not offer {name}");
    }
    assert!(!text.contains("__hold"), "the hidden holder is offered");
}

#[test]
fn fish_completes_every_command_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    for (lang, about_check) in
        [("en_US.UTF-8", "Check a token read from standard input"), ("fr_FR.UTF-8", "Vérifie un jeton lu")]
    {
        let file = script("fish", lang, dir.path());
        let file = file.to_str().unwrap();
        ok(&shell("fish", &["--no-execute", file]), "fish --no-execute");
        let probe = format!(
            "source {file}; complete -C 'jeton '; complete -C 'jeton completions ' | sed 's/^/shell /'; complete -C 'jeton help ' | sed 's/^/help /'"
        );
        let out = ok(&shell("fish", &["--no-config", "-c", &probe]), "fish: source and complete");
        for name in commands() {
            assert!(out.lines().any(|l| l.split('\t').next() == Some(&name)), "fish does not offer {name}:\n{out}");
            assert!(out.contains(&format!("help {name}")), "fish does not offer help {name}:\n{out}");
        }
        for sh in ["bash", "zsh", "fish"] {
            assert!(out.contains(&format!("shell {sh}")), "fish does not offer completions {sh}:\n{out}");
        }
        assert!(out.contains(about_check), "fish's descriptions are not in {lang}:\n{out}");
        assert!(!out.contains("__hold"), "the hidden holder is offered:\n{out}");
    }
}

/// `completions/`, shipped by the .deb and the .rpm (tauri.conf.json), is what the
/// program prints in English. `JETON_WRITE_COMPLETIONS=1` (`make completions`) writes it.
#[test]
fn the_packaged_scripts_are_current() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let tmp = tempfile::tempdir().unwrap();
    let write = std::env::var_os("JETON_WRITE_COMPLETIONS").is_some();
    for (sh, name) in [("bash", "jeton.bash"), ("zsh", "_jeton"), ("fish", "jeton.fish")] {
        let fresh = std::fs::read(script(sh, "en_US.UTF-8", tmp.path())).unwrap();
        let path = dir.join(name);
        if write {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &fresh).unwrap();
        }
        let packaged = std::fs::read(&path).unwrap_or_default();
        assert!(
            packaged == fresh,
            "{} is not what `jeton completions {sh}` prints: run make completions",
            path.display()
        );
    }
}
