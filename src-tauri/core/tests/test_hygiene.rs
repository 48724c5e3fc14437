//! Keeps the project's test rules from slipping back (docs/architecture.md, "Tests and
//! where they run"): no test asserts a measured duration (durations belong in `bench/`),
//! and no test sleeps to wait for something: it polls the condition with a deadline or
//! waits for an event.
//!
//! Scanned: every Rust test file of the workspace (`tests/`, `src-tauri/*/tests/`, the
//! `tests*.rs` modules) and the `#[cfg(test)]` part of the other source files. Found:
//! an assertion that reads a stopwatch (`elapsed()`, `duration_since`), and any sleep or
//! stopwatch reading outside the functions of [`TIMING_ALLOWED`], each saying why.

use std::path::{Path, PathBuf};

/// `(file, function, why)`: the only places of test code that may sleep or read a
/// stopwatch (a deadline is best written `Instant::now() < deadline`, which is neither).
const TIMING_ALLOWED: &[(&str, &str, &str)] = &[
    ("tests/common/mod.rs", "eventually", "polls a condition, with a deadline"),
    ("src-tauri/fakehub/tests/it/common.rs", "eventually", "polls a condition, with a deadline"),
    ("src-tauri/src/clipboard.rs", "eventually", "polls the X11 clipboard, with a deadline"),
    ("src-tauri/src/reminders/tests.rs", "eventually", "polls a condition, with a deadline"),
    ("tests/tray.rs", "until", "polls the tray's D-Bus properties, with a deadline"),
    ("tests/tray.rs", "exit_status", "polls the app's exit, with a deadline"),
    ("src-tauri/core/tests/vault_common/mod.rs", "finish", "polls a child's exit, killing it at the deadline"),
    ("src-tauri/core/tests/vault_common/mod.rs", "wait_for_file", "polls for a child's marker, with a deadline"),
    ("src-tauri/core/tests/vault_keychain_support/mod.rs", "start_keyring", "polls the new daemon, 100 tries"),
    ("src-tauri/core/tests/vault_keychain_support/mod.rs", "stop", "polls until the bus name is free, 100 tries"),
    (
        "src-tauri/core/tests/vault_crash.rs",
        "killed_writers_lose_nothing",
        "times a first round to spread the kills over one, polls the child's journal, then waits a \
         random time before killing it: the fault injected",
    ),
];

/// What sleeps or reads a stopwatch.
const TIMING: &[&str] = &["sleep(", "sleep_until(", ".elapsed()"];

/// Where Rust test code lives, from the workspace root.
const TEST_DIRS: &[&str] = &["tests", "src-tauri/core/tests", "src-tauri/fakehub/tests"];
/// This guard, whose own samples would be found.
const THIS_FILE: &str = "src-tauri/core/tests/test_hygiene.rs";
/// Source trees whose `#[cfg(test)]` parts and `tests*.rs` files are test code.
const SOURCE_DIRS: &[&str] = &["src-tauri/src", "src-tauri/core/src", "src-tauri/fakehub/src"];

#[test]
fn no_test_asserts_a_measured_duration() {
    let found: Vec<String> = test_code().iter().flat_map(|(path, code)| timed_assertions(path, code)).collect();
    assert!(found.is_empty(), "assertions on elapsed time (assert counts, order and outcomes):\n{}", found.join("\n"));
}

#[test]
fn no_test_sleeps_or_times_outside_the_allowed_places() {
    let code = test_code();
    let found: Vec<String> = code.iter().flat_map(|(path, code)| timing(path, code)).collect();
    let advice = "poll the condition with a deadline through a helper listed in TIMING_ALLOWED \
                  (src-tauri/core/tests/test_hygiene.rs), wait for an event, or measure in bench/";
    assert!(found.is_empty(), "sleeps or stopwatches in tests ({advice}):\n{}", found.join("\n"));
    // An allowance nobody needs any more goes, so that it cannot cover a new sleep.
    for (path, function, _) in TIMING_ALLOWED {
        let used = code.iter().any(|(p, c)| p == path && !timing_in(p, c, |_, f| f == *function).is_empty());
        assert!(used, "{path}: fn {function} no longer sleeps or times; take it off TIMING_ALLOWED");
    }
}

#[test]
fn the_scanner_finds_what_it_looks_for() {
    let code = "fn t() {\n    let s = Instant::now();\n    assert!(\n        s.elapsed() < d,\n    );\n    \
                std::thread::sleep(d);\n    // tokio::time::sleep(d) in a comment\n}\nfn eventually() {\n    \
                tokio::time::sleep(d).await;\n}\n";
    assert_eq!(timed_assertions("x.rs", code), ["x.rs:3"]);
    assert_eq!(timing("x.rs", code), ["x.rs:4 (in fn t)", "x.rs:6 (in fn t)", "x.rs:10 (in fn eventually)"]);
    assert_eq!(
        timing("tests/common/mod.rs", code),
        ["tests/common/mod.rs:4 (in fn t)", "tests/common/mod.rs:6 (in fn t)"]
    );
    let ok = "fn t() {\n    assert_eq!(o.total_timeout, Duration::from_secs(20));\n    \
              assert!(Instant::now() < deadline, \"(not yet)\");\n    debug_assert!(x.len() > 1);\n}\n";
    assert!(timed_assertions("x.rs", ok).is_empty());
    assert!(timing("x.rs", ok).is_empty());
    let debug = "fn t() {\n    prop_assert!(t.duration_since(s) < d);\n    my_assert!(s.elapsed());\n}\n";
    assert_eq!(timed_assertions("x.rs", debug), ["x.rs:2"]);
}

/// `(path from the root, test code)` of every file scanned.
fn test_code() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in TEST_DIRS {
        for file in rust_files(&root.join(dir)) {
            let path = relative(&root, &file);
            if path != THIS_FILE {
                out.push((path, std::fs::read_to_string(&file).unwrap()));
            }
        }
    }
    for dir in SOURCE_DIRS {
        for file in rust_files(&root.join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            let name = file.file_name().unwrap().to_string_lossy();
            let whole = name.starts_with("tests") || file.components().any(|c| c.as_os_str() == "tests");
            // Lines before the first `#[cfg(test)]` are blanked, so line numbers hold.
            let code = match text.lines().position(|l| l.trim() == "#[cfg(test)]") {
                _ if whole => text,
                None => continue,
                Some(first) => {
                    let lines = text.lines().enumerate();
                    lines.map(|(i, l)| if i < first { "" } else { l }).collect::<Vec<_>>().join("\n")
                }
            };
            out.push((relative(&root, &file), code));
        }
    }
    assert!(out.len() > 20, "found only {} files of test code under {}", out.len(), root.display());
    out
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return out };
    for entry in entries.map(Result::unwrap) {
        let path = entry.path();
        if entry.file_type().unwrap().is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

fn relative(root: &Path, file: &Path) -> String {
    file.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/")
}

/// The line without its `//` comment (a `//` inside a string literal is rare in tests,
/// and would only hide the rest of its line).
fn code_of(line: &str) -> &str {
    line.find("//").map_or(line, |i| &line[..i])
}

/// `path:line` of each assertion macro whose arguments measure time.
fn timed_assertions(path: &str, code: &str) -> Vec<String> {
    let lines: Vec<&str> = code.lines().map(code_of).collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(start) = assertion_start(line) else { continue };
        // The macro's arguments: up to its closing bracket, over as many lines as it takes.
        let (mut depth, mut args) = (0i32, String::new());
        'lines: for l in std::iter::once(&line[start..]).chain(lines[i + 1..].iter().copied()) {
            for c in l.chars() {
                depth += match c {
                    '(' | '[' | '{' => 1,
                    ')' | ']' | '}' => -1,
                    _ => 0,
                };
                args.push(c);
                if depth == 0 && matches!(c, ')' | ']' | '}') {
                    break 'lines;
                }
            }
            args.push('\n');
        }
        if ["elapsed(", "duration_since(", "Instant::now() -"].iter().any(|m| args.contains(m)) {
            out.push(format!("{path}:{}", i + 1));
        }
    }
    out
}

/// Where the arguments of an `assert!`/`assert_eq!`/`assert_ne!` (or `debug_`/`prop_`
/// variant) on this line begin.
fn assertion_start(line: &str) -> Option<usize> {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut from = 0;
    while let Some(at) = line[from..].find("assert").map(|i| from + i) {
        from = at + "assert".len();
        let before = ["debug_", "prop_"].iter().find_map(|p| line[..at].strip_suffix(p)).unwrap_or(&line[..at]);
        let name_len = line[at..].find(|c: char| !ident(c)).unwrap_or(line.len() - at);
        let name = &line[at..at + name_len];
        let after = line[at + name_len..].strip_prefix('!').map(str::trim_start);
        let opens = after.is_some_and(|a| a.starts_with(['(', '[']));
        if !before.ends_with(ident) && ["assert", "assert_eq", "assert_ne"].contains(&name) && opens {
            return Some(line.len() - after.unwrap().len());
        }
    }
    None
}

/// `path:line (in fn NAME)` of each sleep or stopwatch outside the functions allowed.
fn timing(path: &str, code: &str) -> Vec<String> {
    timing_in(path, code, |p, f| !TIMING_ALLOWED.iter().any(|(ap, af, _)| *ap == p && *af == f))
}

/// `path:line (in fn NAME)` of each sleep or stopwatch in a function that
/// `pick(path, NAME)` keeps.
fn timing_in(path: &str, code: &str, pick: impl Fn(&str, &str) -> bool) -> Vec<String> {
    let mut function = String::new();
    let mut out = Vec::new();
    for (i, line) in code.lines().map(code_of).enumerate() {
        if let Some(name) = line.split("fn ").nth(1).filter(|_| is_fn_line(line)) {
            function = name.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or("").to_string();
        }
        if TIMING.iter().any(|t| line.contains(t)) && pick(path, &function) {
            out.push(format!("{path}:{} (in fn {function})", i + 1));
        }
    }
    out
}

fn is_fn_line(line: &str) -> bool {
    let t = line.trim_start();
    let t = t.strip_prefix("pub(crate) ").or_else(|| t.strip_prefix("pub ")).unwrap_or(t);
    let t = t.strip_prefix("async ").unwrap_or(t);
    t.starts_with("fn ")
}
