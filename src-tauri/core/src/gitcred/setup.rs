//! `jeton setup-git`'s rules (docs/github.md#git-credential-helper): which lines of
//! `credential.<url>.helper` in the user's global git config to add or remove. The
//! shell runs them through `git config --global`.
//!
//! Git builds one list of helpers for a URL from every `credential.helper` and matching
//! `credential.<url>.helper`, in config order, and an empty value empties the list
//! read so far (gitcredentials(7), "helper"). Set under the host's URL, the empty line
//! therefore stops inherited helpers for that host only; other hosts keep theirs.

use std::path::{Path, PathBuf};

use crate::config::Host;

/// The config key for `host`: `credential.https://github.com.helper`.
pub fn config_key(host: &Host) -> String {
    format!("credential.{}.helper", host.key())
}

/// The slim helper program installed beside `jeton` (named as git names helpers).
pub const HELPER_PROGRAM: &str = "git-credential-jeton";

/// The helper line for the Jeton at `exe`: its slim helper beside it when there is one,
/// `!'/usr/bin/git-credential-jeton'` (git adds the operation), which starts without the
/// desktop's libraries; else `!'/usr/bin/jeton' git-credential`. The `!` form runs a
/// shell command, so the path is quoted for the shell.
pub fn helper_value(exe: &Path) -> String {
    let slim = exe.with_file_name(format!("{HELPER_PROGRAM}{}", std::env::consts::EXE_SUFFIX));
    if slim.is_file() {
        format!("!{}", shell_quoted(&slim))
    } else {
        format!("!{} git-credential", shell_quoted(exe))
    }
}

fn shell_quoted(path: &Path) -> String {
    format!("'{}'", path.to_string_lossy().replace('\'', r"'\''"))
}

/// Whether a helper line is one `setup-git` wrote (this Jeton or one installed
/// elsewhere, the slim helper or `jeton git-credential`).
pub fn is_jeton_helper(value: &str) -> bool {
    let Some(cmd) = value.strip_prefix("!") else { return false };
    let (cmd, wanted) = match cmd.strip_suffix(" git-credential") {
        Some(jeton) => (jeton, "jeton"),
        None => (cmd, HELPER_PROGRAM),
    };
    let program = cmd.trim_matches('\'').replace(r"'\''", "'");
    // The file name, on any system's paths.
    let name = program.rsplit(['/', '\\']).next().unwrap_or_default();
    let name = name.strip_suffix(".exe").unwrap_or(name);
    name.eq_ignore_ascii_case(wanted)
}

/// One change to the helper lines of a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Append this line (`git config --global --add`).
    Add(String),
    /// Remove every line with exactly this value (`--fixed-value --unset-all`).
    Remove(String),
}

/// What `setup-git` changes, given the URL's helper lines in order (`--get-all`).
/// Jeton's line ends the list, after the empty line that resets inherited helpers;
/// when the user has helpers of their own for this URL, the empty line is left out so
/// that they keep working (they are then asked before Jeton). Nothing when Jeton is
/// already set up this way.
pub fn setup_plan(existing: &[String], ours: &str) -> Vec<Edit> {
    let others = existing.iter().any(|v| !v.is_empty() && !is_jeton_helper(v));
    let wanted: Vec<&str> = if others { vec![ours] } else { vec!["", ours] };
    let tail: Vec<&str> =
        existing.iter().map(String::as_str).skip(existing.len().saturating_sub(wanted.len())).collect();
    let stale = existing.iter().any(|v| is_jeton_helper(v) && v != ours);
    let ours_count = existing.iter().filter(|v| *v == ours).count();
    if tail == wanted && !stale && ours_count == 1 {
        return vec![];
    }
    let mut plan = removals(existing);
    let reset_left = existing.iter().any(String::is_empty);
    if !others && !reset_left {
        plan.push(Edit::Add(String::new()));
    }
    plan.push(Edit::Add(ours.to_owned()));
    plan
}

/// What `setup-git --undo` changes: Jeton's lines go, and the empty line too when no
/// helper of the user's is left for this URL. Nothing when Jeton is not set up.
pub fn undo_plan(existing: &[String]) -> Vec<Edit> {
    let mut plan = removals(existing);
    if plan.is_empty() {
        return plan;
    }
    let left: Vec<&String> = existing.iter().filter(|v| !is_jeton_helper(v)).collect();
    if !left.is_empty() && left.iter().all(|v| v.is_empty()) {
        plan.push(Edit::Remove(String::new()));
    }
    plan
}

/// One removal per distinct line of Jeton's.
fn removals(existing: &[String]) -> Vec<Edit> {
    let mut seen = std::collections::BTreeSet::new();
    existing.iter().filter(|v| is_jeton_helper(v) && seen.insert(v.as_str())).map(|v| Edit::Remove(v.clone())).collect()
}

/// The files `git config --global` reads, given `GIT_CONFIG_GLOBAL`, `HOME` and
/// `XDG_CONFIG_HOME`: the first alone when set, else `~/.gitconfig` and
/// `$XDG_CONFIG_HOME/git/config` (`~/.config/git/config` by default).
pub fn global_config_files(
    git_config_global: Option<&Path>,
    home: Option<&Path>,
    xdg_config_home: Option<&Path>,
) -> Vec<PathBuf> {
    if let Some(file) = git_config_global {
        return vec![file.to_owned()];
    }
    let xdg = xdg_config_home.map(Path::to_owned).or_else(|| home.map(|h| h.join(".config")));
    home.map(|h| h.join(".gitconfig")).into_iter().chain(xdg.map(|x| x.join("git").join("config"))).collect()
}

#[cfg(test)]
#[path = "setup_tests.rs"]
mod tests;
