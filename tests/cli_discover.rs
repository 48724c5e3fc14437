//! `jeton discover` and `jeton import-found` on sample files of every source (git's two
//! credential files, gh's hosts.yml in both layouts, gh's keyring entry, GH_TOKEN),
//! in a home of the test's own: listed without secrets, imported after GitHub's (fakehub's)
//! answer, and the plain-text lines removed with a backup, the rest of each file kept.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::{Env, Run};

/// A home with nothing in it but what the test writes, and every variable discover
/// reads pointed there (or emptied).
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir_all(dir.path().join(".config/git")).unwrap();
        fs::create_dir_all(dir.path().join("ghconf")).unwrap();
        Home { dir }
    }

    fn path(&self, rel: &str) -> std::path::PathBuf {
        self.dir.path().join(rel)
    }

    fn write(&self, rel: &str, text: &str, mode: u32) {
        fs::write(self.path(rel), text).unwrap();
        fs::set_permissions(self.path(rel), fs::Permissions::from_mode(mode)).unwrap();
    }

    fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.path(rel)).unwrap()
    }

    async fn jeton(&self, env: &Env, args: &[&str], gh_token: &str, lang: &str) -> Run {
        let home = self.dir.path().to_str().unwrap();
        let gh = self.path("ghconf");
        let vars = [
            ("HOME", home),
            ("XDG_CONFIG_HOME", ""),
            ("GH_CONFIG_DIR", gh.to_str().unwrap()),
            ("GH_TOKEN", gh_token),
            ("GITHUB_TOKEN", ""),
            ("GH_ENTERPRISE_TOKEN", ""),
            ("GITHUB_ENTERPRISE_TOKEN", ""),
            ("GH_HOST", ""),
            ("LANG", lang),
        ];
        env.jeton_env(args, "", &vars).await
    }
}

fn mode(p: &Path) -> u32 {
    fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// fakehub's origin as git writes it in a credential URL (`127.0.0.1:PORT`).
fn origin(env: &Env) -> String {
    env.hub.url().trim_end_matches('/').trim_start_matches("http://").to_owned()
}

/// Stores a gh-style keyring entry (service `gh:HOST`) in the test session's Secret Service.
fn gh_keyring_entry(host: &str, user: &str, secret: &str) {
    use std::io::Write;
    let mut child = std::process::Command::new("secret-tool")
        .args(["store", "--label", "gh test", "service", &format!("gh:{host}"), "username", user])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("secret-tool (libsecret-tools) is installed");
    child.stdin.take().unwrap().write_all(secret.as_bytes()).unwrap();
    assert!(child.wait().unwrap().success(), "the keychain takes gh's entry");
}

#[tokio::test(flavor = "multi_thread")]
async fn discover_lists_every_source_and_never_a_secret() {
    let env = Env::new().await;
    let home = Home::new();
    let (a, b, c, d, e) =
        (env.classic(&[]), env.classic(&["repo"]), env.classic(&[]), env.classic(&[]), env.classic(&[]));
    let o = origin(&env);
    let encoded = a.replacen('_', "%5F", 1);
    home.write(
        ".git-credentials",
        &format!("# old\r\n\r\nhttp://octocat:{encoded}@{o}\r\nhttps://user:password@example.com\r\n"),
        0o600,
    );
    home.write(".config/git/credentials", &format!("http://ci:{b}@{o}/acme/app.git"), 0o600);
    let other = format!("gh-test-{}.example", uuid::Uuid::new_v4().simple());
    home.write(
        "ghconf/hosts.yml",
        &format!("github.com:\n    oauth_token: {c}\n    user: octocat\n    users:\n        octocat:\n            oauth_token: {c}\n{other}:\n    user: hubot\n"),
        0o600,
    );
    gh_keyring_entry(&other, "hubot", &d);

    let run = home.jeton(&env, &["discover", "--json"], &e, "en_US.UTF-8").await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let items = run.json();
    let rows: Vec<(String, Option<u64>, String, String)> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let loc = i["location"].as_str().unwrap().replace(home.dir.path().to_str().unwrap(), "~");
            (
                i["source"].as_str().unwrap().to_owned(),
                i["line"].as_u64(),
                loc,
                i["user"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect();
    let row = |s: &str, l: Option<u64>, loc: &str, u: &str| (s.to_owned(), l, loc.to_owned(), u.to_owned());
    assert_eq!(
        rows,
        vec![
            row("git_credentials", Some(3), "~/.git-credentials", "octocat"),
            row("git_credentials", Some(1), "~/.config/git/credentials", "ci"),
            row("gh_hosts", Some(2), "~/ghconf/hosts.yml", "octocat"),
            row("gh_hosts", Some(6), "~/ghconf/hosts.yml", "octocat"),
            row("gh_keyring", None, &format!("gh:{other}"), "hubot"),
            row("env", None, "GH_TOKEN", "-"),
        ]
    );
    assert_eq!(items[0]["host"], env.hub.url().trim_end_matches('/'));
    assert_eq!((items[0]["kind"].as_str(), items[0]["stored_as"].as_str()), (Some("classic"), None));
    assert_eq!(items[4]["host"], format!("https://{other}"));
    for secret in [&a, &b, &c, &d, &e] {
        assert!(!run.stdout.contains(secret.as_str()) && !run.stderr.contains(secret.as_str()));
    }

    let fr = home.jeton(&env, &["discover"], &e, "fr_FR.UTF-8").await;
    assert_eq!(fr.code, 0);
    assert!(fr.stdout.starts_with("6 jeton(s) trouvé(s) hors du trousseau :"), "{}", fr.stdout);
    assert!(fr.stdout.contains("trousseau de gh") && fr.stdout.contains("absent de Jeton"), "{}", fr.stdout);
    assert!(!fr.stdout.contains(e.as_str()));
    let _ = std::process::Command::new("secret-tool")
        .args(["clear", "service", &format!("gh:{other}"), "username", "hubot"])
        .status();
}

#[tokio::test(flavor = "multi_thread")]
async fn import_found_stores_the_tokens_and_removes_only_their_lines() {
    let env = Env::new().await;
    let home = Home::new();
    let (a, c, e) = (env.classic(&["repo"]), env.classic(&["gist"]), env.classic(&[]));
    let revoked = env.classic(&[]);
    env.hub.revoke_token(&revoked).unwrap();
    let o = origin(&env);
    let creds = format!(
        "# mine\r\nhttp://octocat:{a}@{o}\r\nhttp://octocat:{revoked}@{o}\r\nhttps://user:password@example.com\r\n"
    );
    home.write(".git-credentials", &creds, 0o600);
    let yml = format!("github.com:\n    oauth_token: {c}\n    user: octocat\n    git_protocol: https\n");
    home.write("ghconf/hosts.yml", &yml, 0o644);

    let run = home.jeton(&env, &["import-found", "--remove-plaintext"], &e, "en_US.UTF-8").await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("Stored \"octocat · git-credentials\""), "{}", run.stdout);
    assert!(run.stderr.contains(":3: GitHub rejects this token"), "the revoked one is said and kept: {}", run.stderr);
    assert!(run.stdout.contains("Jeton cannot remove a token from the environment"), "{}", run.stdout);
    assert!(run.stdout.contains("jeton setup-git"), "{}", run.stdout);
    for secret in [&a, &c, &e, &revoked] {
        assert!(!run.stdout.contains(secret.as_str()) && !run.stderr.contains(secret.as_str()));
    }

    let list = env.jeton(&["list", "--json"], "").await.json();
    let mut names: Vec<&str> = list.as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    names.sort();
    assert_eq!(names, ["octocat · GH_TOKEN", "octocat · gh hosts.yml", "octocat · git-credentials"]);
    let id = list.as_array().unwrap().iter().find(|t| t["name"] == "octocat · git-credentials").unwrap()["id"].clone();
    assert_eq!(env.keychain_lookup(id.as_str().unwrap()).as_deref(), Some(a.as_str()));

    // Only the stored tokens' lines are gone; order, CRLF endings and modes are kept.
    assert_eq!(
        home.read(".git-credentials"),
        format!("# mine\r\nhttp://octocat:{revoked}@{o}\r\nhttps://user:password@example.com\r\n")
    );
    assert_eq!(home.read("ghconf/hosts.yml"), "github.com:\n    user: octocat\n    git_protocol: https\n");
    assert_eq!((mode(&home.path(".git-credentials")), mode(&home.path("ghconf/hosts.yml"))), (0o600, 0o644));
    let backups: Vec<_> = common::files_below(home.dir.path())
        .into_iter()
        .filter(|(p, _)| p.to_string_lossy().contains(".jeton-backup-"))
        .collect();
    assert_eq!(backups.len(), 2);
    for (p, bytes) in &backups {
        assert_eq!(mode(p), 0o600, "{}", p.display());
        let was = if p.to_string_lossy().contains("hosts.yml") { &yml } else { &creds };
        assert_eq!(String::from_utf8_lossy(bytes), was.as_str());
    }

    // Looking again: the revoked token is still there (not stored), the environment's copy is in Jeton.
    let again = home.jeton(&env, &["discover", "--json"], &e, "en_US.UTF-8").await.json();
    let left: Vec<(&str, Option<u64>, Option<&str>)> = again
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["source"].as_str().unwrap(), i["line"].as_u64(), i["stored_as"].as_str()))
        .collect();
    assert_eq!(left, [("git_credentials", Some(2), None), ("env", None, Some("octocat · GH_TOKEN"))], "{again}");
}
