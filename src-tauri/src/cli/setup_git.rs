//! `jeton setup-git [--host URL] [--undo]`: makes git ask Jeton for a host's tokens, in
//! the user's global git config, through `git config --global` (which writes the file
//! atomically, under its own lock). Which lines to add or remove is core's rule
//! (`jeton_core::gitcred::setup`, docs/github.md#git-credential-helper). A global config
//! git cannot parse is refused before anything is written.

use std::path::PathBuf;
use std::process::{Command, Output};

use jeton_core::config::Config;
use jeton_core::gitcred::setup::{self, Edit};
use jeton_core::i18n::Lang;

use super::text::{self, Key};
use super::{output, FAILED, OK};

// Help texts and placeholders: `text.rs`, set by `command.rs`.
#[derive(clap::Args)]
pub struct Args {
    #[arg(long)]
    host: Option<String>,
    #[arg(long)]
    undo: bool,
}

pub fn run(a: Args, lang: Lang) -> i32 {
    let host = match Config::from_env().and_then(|c| c.host(a.host.as_deref())) {
        Ok(h) => h,
        Err(e) => return output::fail(&e, lang, false),
    };
    let key = setup::config_key(&host);
    let url = host.key();
    let say = |k: Key, detail: &str| text::tf(lang, k, &[("url", &url), ("detail", detail)]);
    let refuse = |k: Key, detail: &str| {
        eprintln!("jeton: {}", say(k, detail));
        FAILED
    };
    if let Err(detail) = check_config() {
        return refuse(Key::SetupGitBadConfig, &detail);
    }
    let existing = match helper_lines(&key) {
        Ok(lines) => lines,
        Err(detail) => return refuse(Key::SetupGitBadConfig, &detail),
    };
    let plan = if a.undo {
        setup::undo_plan(&existing)
    } else {
        match std::env::current_exe() {
            Ok(exe) => setup::setup_plan(&existing, &setup::helper_value(&exe)),
            Err(e) => return refuse(Key::SetupGitFailed, &e.to_string()),
        }
    };
    for edit in &plan {
        if let Err(detail) = apply(&key, edit) {
            return refuse(Key::SetupGitFailed, &detail);
        }
    }
    if a.undo && !plan.is_empty() {
        // An empty `[credential "URL"]` header is left by git; take it away too.
        let _ = remove_section_if_empty(&url);
    }
    let others = existing.iter().any(|v| !v.is_empty() && !setup::is_jeton_helper(v));
    let done = match (a.undo, plan.is_empty(), others) {
        (true, true, _) => Key::SetupGitNotSet,
        (true, false, _) => Key::SetupGitUndone,
        (false, true, _) => Key::SetupGitAlready,
        (false, false, false) => Key::SetupGitDone,
        (false, false, true) => Key::SetupGitAfterOthers,
    };
    println!("{}", say(done, ""));
    OK
}

/// `git config --global ARGS`.
fn git(args: &[&str]) -> Result<Output, String> {
    Command::new("git").args(["config", "--global"]).args(args).output().map_err(|e| e.to_string())
}

/// What git said when it failed: its first line of errors.
fn complaint(out: &Output) -> String {
    let stderr = String::from_utf8_lossy(&out.stderr);
    stderr.lines().find(|l| !l.trim().is_empty()).unwrap_or("git config").trim().to_owned()
}

/// Whether git can read the global config (no file at all is an empty config).
fn check_config() -> Result<(), String> {
    let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let files = setup::global_config_files(
        env("GIT_CONFIG_GLOBAL").as_deref(),
        env("HOME").as_deref(),
        env("XDG_CONFIG_HOME").as_deref(),
    );
    if !files.iter().any(|f| f.exists()) {
        return Ok(());
    }
    let out = git(&["--list"])?;
    if out.status.success() {
        Ok(())
    } else {
        Err(complaint(&out))
    }
}

/// The helper lines of `key`, in order (`--get-all`; exit 1 means none).
fn helper_lines(key: &str) -> Result<Vec<String>, String> {
    let out = git(&["--null", "--get-all", key])?;
    match out.status.code() {
        Some(0) => Ok(String::from_utf8_lossy(&out.stdout).split_terminator('\0').map(str::to_owned).collect()),
        Some(1) => Ok(vec![]),
        _ => Err(complaint(&out)),
    }
}

fn apply(key: &str, edit: &Edit) -> Result<(), String> {
    let out = match edit {
        Edit::Add(value) => git(&["--add", key, value])?,
        Edit::Remove(value) => git(&["--fixed-value", "--unset-all", key, value])?,
    };
    if out.status.success() {
        Ok(())
    } else {
        Err(complaint(&out))
    }
}

fn remove_section_if_empty(url: &str) -> Result<(), String> {
    let out = git(&["--null", "--name-only", "--list"])?;
    let prefix = format!("credential.{url}.");
    let names = String::from_utf8_lossy(&out.stdout).into_owned();
    if names.split_terminator('\0').any(|n| n.starts_with(&prefix)) {
        return Ok(());
    }
    git(&["--remove-section", &format!("credential.{url}")]).map(|_| ())
}
