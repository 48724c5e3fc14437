use super::*;

const OURS: &str = "!'/usr/bin/jeton' git-credential";
const OLD: &str = "!'/opt/Jeton/jeton' git-credential";
const GH: &str = "!/usr/bin/gh auth git-credential";

fn v(values: &[&str]) -> Vec<String> {
    values.iter().map(|s| s.to_string()).collect()
}

/// The helper lines after `plan`, as git would apply it.
fn apply(existing: &[&str], plan: &[Edit]) -> Vec<String> {
    let mut lines = v(existing);
    for e in plan {
        match e {
            Edit::Add(x) => lines.push(x.clone()),
            Edit::Remove(x) => lines.retain(|l| l != x),
        }
    }
    lines
}

#[test]
fn the_helper_line_runs_this_binary_quoted_for_the_shell() {
    let nowhere = "/no such dir/jeton";
    assert_eq!(helper_value(Path::new(nowhere)), format!("!'{nowhere}' git-credential"));
    let odd = helper_value(Path::new("/home/o'neil/my apps/jeton"));
    assert_eq!(odd, r"!'/home/o'\''neil/my apps/jeton' git-credential");
    for ours in [
        OURS,
        OLD,
        odd.as_str(),
        "!'C:\\Program Files\\Jeton\\jeton.exe' git-credential",
        "!'/usr/bin/git-credential-jeton'",
        "!'C:\\Program Files\\Jeton\\git-credential-jeton.exe'",
    ] {
        assert!(is_jeton_helper(ours), "{ours}");
    }
    for theirs in [
        GH,
        "",
        "store",
        "cache --timeout=300",
        "!'/usr/bin/jeton' get",
        "!'/usr/bin/other' git-credential",
        "!'/usr/bin/jeton'",
        "!'/usr/bin/git-credential-jeton' git-credential",
    ] {
        assert!(!is_jeton_helper(theirs), "{theirs}");
    }
}

/// Installed with its slim helper beside it, Jeton points git at the helper; a line for
/// `jeton git-credential` left from before is Jeton's, and is replaced.
#[test]
fn the_helper_line_names_the_slim_helper_beside_jeton() {
    let dir = tempfile::tempdir().unwrap();
    let exe = dir.path().join("jeton");
    std::fs::write(&exe, "").unwrap();
    let before = helper_value(&exe);
    assert!(before.ends_with("/jeton' git-credential"), "{before}");
    std::fs::write(dir.path().join(HELPER_PROGRAM), "").unwrap();
    let slim = helper_value(&exe);
    assert_eq!(slim, format!("!'{}'", dir.path().join(HELPER_PROGRAM).display()));
    assert!(is_jeton_helper(&slim) && is_jeton_helper(&before));
    assert_eq!(apply(&["", &before], &setup_plan(&v(&["", &before]), &slim)), ["", slim.as_str()]);
}

#[test]
fn setup_resets_inherited_helpers_then_adds_jeton_once() {
    #[rustfmt::skip]
    let cases: &[(&str, &[&str], &[&str])] = &[
        ("nothing yet", &[], &["", OURS]),
        ("already set up: no change", &["", OURS], &["", OURS]),
        ("Jeton moved: the old line replaced", &["", OLD], &["", OURS]),
        ("an old line without its reset", &[OLD], &["", OURS]),
        ("the user's helper for this host kept, asked first", &[GH], &[GH, OURS]),
        ("gh's own reset and helper kept", &["", GH], &["", GH, OURS]),
        ("ours twice: once", &["", OURS, OURS], &["", OURS]),
    ];
    for (what, existing, expected) in cases {
        let plan = setup_plan(&v(existing), OURS);
        assert_eq!(apply(existing, &plan), v(expected), "{what}");
        if existing == expected {
            assert!(plan.is_empty(), "{what}: {plan:?}");
        }
    }
}

#[test]
fn undo_takes_back_only_what_setup_added() {
    #[rustfmt::skip]
    let cases: &[(&str, &[&str], &[&str])] = &[
        ("set up", &["", OURS], &[]),
        ("not set up", &[], &[]),
        ("the user's helper stays", &[GH, OURS], &[GH]),
        ("gh's reset stays with gh", &["", GH, OURS], &["", GH]),
        ("a reset alone is the user's when Jeton is absent", &[""], &[""]),
        ("an old Jeton too", &["", OLD, OURS], &[]),
    ];
    for (what, existing, expected) in cases {
        assert_eq!(apply(existing, &undo_plan(&v(existing))), v(expected), "{what}");
    }
}

#[test]
fn the_global_config_files_git_reads() {
    let home = Path::new("/h");
    assert_eq!(
        global_config_files(None, Some(home), None),
        [PathBuf::from("/h/.gitconfig"), PathBuf::from("/h/.config/git/config")]
    );
    assert_eq!(
        global_config_files(None, Some(home), Some(Path::new("/x"))),
        [PathBuf::from("/h/.gitconfig"), PathBuf::from("/x/git/config")]
    );
    assert_eq!(global_config_files(Some(Path::new("/g")), Some(home), None), [PathBuf::from("/g")]);
}
