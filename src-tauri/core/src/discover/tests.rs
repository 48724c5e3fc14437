//! Finding and removing, on sample files of every source; no real home is read.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use super::remove::remove_line;
use super::*;

/// A well-formed token of the kind `prefix` names, its random part all `c`.
fn checksum_token(prefix: &str, c: char) -> String {
    let kind = if prefix == "gho_" { TokenKind::Oauth } else { TokenKind::Classic };
    crate::token::with_checksum(kind, &c.to_string().repeat(30)).unwrap()
}

fn config() -> Config {
    Config {
        github_web: url::Url::parse("https://github.com").unwrap(),
        github_api: url::Url::parse("https://api.github.com").unwrap(),
        data_dir: std::env::temp_dir(),
        keyring_namespace: "unused".into(),
    }
}

fn places(dir: &Path) -> Places {
    Places {
        git_credentials: vec![dir.join(".git-credentials"), dir.join("xdg/git/credentials")],
        gh_config_dir: Some(dir.join("gh")),
        env: vec![],
        gh_keyring: None,
    }
}

/// A finding as the tests compare it: source, line, host, user, kind.
type Shown<'a> = (SourceKind, Option<u32>, Option<&'a str>, Option<&'a str>, TokenKind);

fn shown(found: &[Finding]) -> Vec<Shown<'_>> {
    found
        .iter()
        .map(|f| (f.found.source, f.found.line, f.found.host.as_deref(), f.found.user.as_deref(), f.found.kind))
        .collect()
}

#[test]
fn git_credentials_lines_are_read_as_git_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (checksum_token("ghp_", 'a'), checksum_token("gho_", 'b'));
    let encoded = a.replace('_', "%5F");
    let text = format!(
        "# my tokens\r\n\r\nhttps://octocat:{encoded}@github.com\r\nnot a url\nhttps://gitlab.com\nhttps://u:hunter2@example.com\n\
         https://ci:{b}@ghe.example.com:8443/acme/app.git\nhttp://x:{a}@remote.example.com\n  https://sp:{a}@github.com\n"
    );
    fs::write(dir.path().join(".git-credentials"), text).unwrap();
    let found = find(&config(), &places(dir.path()));
    assert_eq!(
        shown(&found),
        vec![
            (SourceKind::GitCredentials, Some(3), Some("https://github.com"), Some("octocat"), TokenKind::Classic),
            (SourceKind::GitCredentials, Some(7), Some("https://ghe.example.com:8443"), Some("ci"), TokenKind::Oauth),
            // Plain http to a remote host: listed, but its host is not one Jeton sends to.
            (SourceKind::GitCredentials, Some(8), None, Some("x"), TokenKind::Classic),
        ]
    );
    assert_eq!(found[0].secret.expose(), a, "percent-encoding decoded, CR not part of the password");
    assert!(found[0].found.id.ends_with(".git-credentials:3"));
    assert!(found[0].found.removable);
}

#[test]
fn the_xdg_credentials_file_is_read_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("xdg/git")).unwrap();
    let t = checksum_token("ghp_", 'c');
    fs::write(dir.path().join("xdg/git/credentials"), format!("https://me:{t}@github.com")).unwrap();
    let found = find(&config(), &places(dir.path()));
    assert_eq!(
        shown(&found),
        vec![(SourceKind::GitCredentials, Some(1), Some("https://github.com"), Some("me"), TokenKind::Classic)]
    );
}

#[test]
fn gh_hosts_tokens_are_found_in_both_layouts() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("gh")).unwrap();
    let (a, b, c) = (checksum_token("gho_", 'd'), checksum_token("gho_", 'e'), checksum_token("ghp_", 'f'));
    let yml = format!(
        "github.com:\n    user: octocat\n    oauth_token: {a}\n    git_protocol: https\n    users:\n        octocat:\n            oauth_token: {a}\n        hubot:\n            oauth_token: '{b}' # second account\n\
         ghe.example.com:\n    users:\n        monalisa:\n    user: monalisa\n    git_protocol: ssh\nother.example.com: {{oauth_token: {c}}}\n"
    );
    fs::write(dir.path().join("gh/hosts.yml"), yml).unwrap();
    let found = find(&config(), &places(dir.path()));
    assert_eq!(
        shown(&found),
        vec![
            (SourceKind::GhHosts, Some(3), Some("https://github.com"), Some("octocat"), TokenKind::Oauth),
            (SourceKind::GhHosts, Some(7), Some("https://github.com"), Some("octocat"), TokenKind::Oauth),
            (SourceKind::GhHosts, Some(9), Some("https://github.com"), Some("hubot"), TokenKind::Oauth),
        ],
        "a flow mapping is passed over"
    );
    assert_eq!(found[2].secret.expose(), b);
}

struct FakeKeyring(Vec<(&'static str, &'static str, String)>);

impl GhKeyring for FakeKeyring {
    fn entries(&self, host: &str) -> crate::Result<Vec<(String, Secret)>> {
        if host == "broken.example.com" {
            return Err(crate::Error::KeychainLocked);
        }
        Ok(self
            .0
            .iter()
            .filter(|(h, _, _)| *h == host)
            .map(|(_, u, s)| ((*u).to_owned(), Secret::new(s.clone())))
            .collect())
    }
}

#[test]
fn gh_keyring_entries_are_asked_for_every_host_gh_knows() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("gh")).unwrap();
    fs::write(
        dir.path().join("gh/hosts.yml"),
        "ghe.example.com:\n    user: monalisa\nbroken.example.com:\n    user: x\n",
    )
    .unwrap();
    let (a, b) = (checksum_token("gho_", 'g'), checksum_token("gho_", 'h'));
    let keyring = FakeKeyring(vec![
        ("github.com", "", a.clone()),
        ("github.com", "octocat", a.clone()),
        ("ghe.example.com", "monalisa", b),
        ("never.example.com", "nobody", a),
    ]);
    let mut p = places(dir.path());
    p.gh_keyring = Some(Arc::new(keyring));
    let found = find(&config(), &p);
    assert_eq!(
        shown(&found),
        vec![
            (SourceKind::GhKeyring, None, Some("https://github.com"), None, TokenKind::Oauth),
            (SourceKind::GhKeyring, None, Some("https://github.com"), Some("octocat"), TokenKind::Oauth),
            (SourceKind::GhKeyring, None, Some("https://ghe.example.com"), Some("monalisa"), TokenKind::Oauth),
        ]
    );
    assert_eq!(found[1].found.id, "gh_keyring:gh:github.com:octocat");
    assert_eq!(found[1].found.location, "gh:github.com");
    assert!(!found[1].found.removable);
}

#[test]
fn environment_tokens_follow_gh_rules_for_hosts() {
    let (a, b, c) = (checksum_token("ghp_", 'i'), checksum_token("ghp_", 'j'), checksum_token("ghp_", 'k'));
    let env = |vars: &[(&str, &str)]| Places {
        env: vars.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
        ..Places::default()
    };
    let found = find(
        &config(),
        &env(&[("GITHUB_TOKEN", &b), ("GH_TOKEN", &a), ("GH_ENTERPRISE_TOKEN", &c), ("GH_HOST", "GHE.example.com")]),
    );
    let hosts: Vec<_> = found.iter().map(|f| (f.found.location.as_str(), f.found.host.as_deref())).collect();
    assert_eq!(
        hosts,
        vec![
            ("GH_TOKEN", Some("https://github.com")),
            ("GITHUB_TOKEN", Some("https://github.com")),
            ("GH_ENTERPRISE_TOKEN", Some("https://ghe.example.com"))
        ]
    );
    let found = find(&config(), &env(&[("GH_ENTERPRISE_TOKEN", &c), ("GH_TOKEN", "not a token")]));
    assert_eq!(shown(&found), vec![(SourceKind::Env, None, None, None, TokenKind::Classic)], "no GH_HOST: no host");
    assert!(!found[0].found.removable);
}

#[test]
fn nothing_shown_of_a_finding_holds_its_secret() {
    let t = checksum_token("ghp_", 'l');
    let found = find(&config(), &Places { env: vec![("GH_TOKEN".into(), t.clone())], ..Places::default() });
    let text = format!("{:?} {}", found, serde_json::to_string(&found[0].found).unwrap());
    assert!(!text.contains(&t[4..]), "{text}");
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn removing_a_line_keeps_every_other_byte_and_the_mode_and_writes_a_private_backup() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".git-credentials");
    let t = checksum_token("ghp_", 'm');
    let before = format!("# keep\r\nhttps://a:{t}@github.com\r\nhttps://b:x@example.com\nlast line, no newline");
    fs::write(&path, &before).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    let holds = |text: &[u8]| git_file::entry(&config(), text).map(|(_, p)| p.secret);
    let removed = remove_line(&path, 2, &Secret::new(t.clone()), true, holds).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), "# keep\r\nhttps://b:x@example.com\nlast line, no newline");
    assert_eq!(mode(&path), 0o640, "the file keeps its mode");
    assert_eq!(fs::read_to_string(&removed.backup).unwrap(), before);
    assert_eq!(mode(Path::new(&removed.backup)), 0o600);
    assert!(!dir.path().join(".git-credentials.lock").exists(), "git's lock is released");
    // A second removal does not overwrite the first backup.
    let again = remove_line(&path, 2, &Secret::new(t), true, holds);
    assert_eq!(again.unwrap_err(), crate::Error::FoundChanged, "that line no longer holds the token");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "the file and one backup, nothing else");
}

#[cfg(unix)]
#[test]
fn a_line_that_changed_or_a_file_git_is_writing_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".git-credentials");
    let (t, other) = (checksum_token("ghp_", 'n'), checksum_token("ghp_", 'o'));
    let text = format!("https://a:{other}@github.com\n");
    fs::write(&path, &text).unwrap();
    let holds = |text: &[u8]| git_file::entry(&config(), text).map(|(_, p)| p.secret);
    assert_eq!(remove_line(&path, 1, &Secret::new(t.clone()), true, holds).unwrap_err(), crate::Error::FoundChanged);
    assert_eq!(
        remove_line(&path, 5, &Secret::new(other.clone()), true, holds).unwrap_err(),
        crate::Error::FoundChanged
    );
    fs::write(dir.path().join(".git-credentials.lock"), "").unwrap();
    assert_eq!(remove_line(&path, 1, &Secret::new(other), true, holds).unwrap_err().code(), "storage");
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2, "no backup written");
}

#[cfg(unix)]
#[test]
fn a_symlinked_file_is_edited_where_it_lives_and_the_link_stays() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("dotfiles")).unwrap();
    let real = dir.path().join("dotfiles/hosts.yml");
    let t = checksum_token("gho_", 'p');
    fs::write(&real, format!("github.com:\n    oauth_token: {t}\n    user: octocat\n")).unwrap();
    let link = dir.path().join("hosts.yml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let removed = remove_line(&link, 2, &Secret::new(t), false, gh_hosts::token_on_line).unwrap();
    assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert_eq!(fs::read_to_string(&real).unwrap(), "github.com:\n    user: octocat\n");
    assert_eq!(Path::new(&removed.backup).parent(), Some(dir.path()), "the backup is beside the path given");
}
