//! Real git with Jeton as its only credential helper, against a private smart-HTTP
//! server that takes only a valid fakehub token of the repository's owner
//! (`tests/git_server`). Uses the real keychain: run under `scripts/headless`
//! (`JETON_SKIP_KEYCHAIN_TESTS=1` skips it on a machine without a Secret Service).

mod common;
mod git_server;

use std::path::Path;
use std::process::{Command, Output};

use chrono::{Duration, Utc};
use common::Env;
use fakehub::{NewApp, NewInstallation, NewOrg, NewRepo, NewToken, NewUser};
use git_server::GitServer;

fn skipped() -> bool {
    let skip = std::env::var("JETON_SKIP_KEYCHAIN_TESTS").is_ok_and(|v| v == "1");
    if skip {
        println!("skipped (JETON_SKIP_KEYCHAIN_TESTS=1): needs a Secret Service");
    }
    skip
}

/// `git ARGS` in `dir`, with a home of its own, no prompt, and Jeton as the only helper.
struct Git<'a> {
    env: &'a Env,
    home: &'a Path,
    server: &'a GitServer,
}

impl Git<'_> {
    fn run(&self, dir: &Path, args: &[&str]) -> Output {
        let helper = format!("credential.helper=!'{}'", common::HELPER);
        Command::new("git")
            .current_dir(dir)
            .args(["-c", "credential.helper=", "-c", &helper, "-c", "credential.useHttpPath=true"])
            .args(args)
            .env("HOME", self.home)
            .env("XDG_CONFIG_HOME", self.home.join(".config"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_ASKPASS", "")
            .env("SSH_ASKPASS", "")
            .env("GIT_AUTHOR_NAME", "Octo Cat")
            .env("GIT_AUTHOR_EMAIL", "octocat@example.com")
            .env("GIT_COMMITTER_NAME", "Octo Cat")
            .env("GIT_COMMITTER_EMAIL", "octocat@example.com")
            // Jeton, as git starts it: this test's data, keychain namespace and GitHub.
            .env("JETON_GITHUB_URL", &self.server.url)
            .env("JETON_GITHUB_API_URL", self.env.hub.url())
            .env("JETON_DATA_DIR", self.env.data_dir())
            .env("JETON_KEYRING_NAMESPACE", &self.env.namespace)
            .output()
            .expect("git is installed")
    }

    fn ok(&self, dir: &Path, args: &[&str]) -> String {
        let out = self.run(dir, args);
        assert!(out.status.success(), "git {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn git_clones_and_pushes_with_jetons_token_and_a_revoked_one_shows_invalid() {
    if skipped() {
        return;
    }
    let env = Env::new().await;
    env.hub.create_user(NewUser { login: "hubot".into(), ..Default::default() }).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (home, srv) = (dir.path().join("home"), dir.path().join("srv"));
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(srv.join("octocat")).unwrap();
    let server = GitServer::start(&srv, env.hub.addr());
    let git = Git { env: &env, home: &home, server: &server };

    // A private repository with one commit, made locally.
    git.ok(&srv.join("octocat"), &["init", "-q", "--bare", "-b", "main", "private.git"]);
    let seed = dir.path().join("seed");
    git.ok(dir.path(), &["init", "-q", "-b", "main", seed.to_str().unwrap()]);
    std::fs::write(seed.join("README"), "hello from octocat\n").unwrap();
    git.ok(&seed, &["add", "README"]);
    git.ok(&seed, &["commit", "-q", "-m", "first"]);
    git.ok(&seed, &["push", "-q", srv.join("octocat/private.git").to_str().unwrap(), "main"]);

    // Octocat's token, and another account's that lasts longer: with the path, Jeton
    // offers the owner's (the server refuses any other).
    let mut mine = NewToken::classic("octocat", &["repo"]);
    mine.expires_at = Some(Utc::now() + Duration::days(30));
    let mine = env.hub.create_token(mine).unwrap();
    let other = env.hub.create_token(NewToken::classic("hubot", &["repo"])).unwrap();
    let web = [("JETON_GITHUB_URL", server.url.as_str())];
    for (name, token) in [("laptop", &mine), ("bot", &other)] {
        let add = env.jeton_env(&["add", "--name", name, "-"], token, &web).await;
        assert_eq!(add.code, 0, "{}", add.stderr);
    }

    let url = format!("{}/octocat/private.git", server.url);
    let work = dir.path().join("work");
    tokio::task::block_in_place(|| {
        git.ok(dir.path(), &["clone", "-q", &url, work.to_str().unwrap()]);
        assert_eq!(std::fs::read_to_string(work.join("README")).unwrap(), "hello from octocat\n");
        std::fs::write(work.join("NOTES"), "pushed through Jeton\n").unwrap();
        git.ok(&work, &["add", "NOTES"]);
        git.ok(&work, &["commit", "-q", "-m", "second"]);
        git.ok(&work, &["push", "-q", "origin", "main"]);
    });
    let pushed = git.ok(&srv.join("octocat/private.git"), &["log", "--format=%s", "main"]);
    assert_eq!(pushed.lines().collect::<Vec<_>>(), ["second", "first"], "the push reached the server");

    // Revoked on GitHub: the server refuses it, git tells Jeton to erase it, and
    // Jeton's re-check records what GitHub now says. Nothing is deleted.
    env.hub.revoke_token(&mine).unwrap();
    let again = dir.path().join("again");
    let failed = tokio::task::block_in_place(|| git.run(dir.path(), &["clone", "-q", &url, again.to_str().unwrap()]));
    assert!(!failed.status.success(), "a revoked token must not clone");
    let list = env.jeton_env(&["list", "--json"], "", &web).await;
    let tokens = list.json();
    let status =
        |name: &str| tokens.as_array().unwrap().iter().find(|t| t["name"] == name).map(|t| t["status"].clone());
    assert_eq!(status("laptop"), Some("invalid".into()), "{}", list.stdout);
    assert_eq!(status("bot"), Some("valid".into()), "the other token is kept as it was");
    let everything = format!("{}{}", String::from_utf8_lossy(&failed.stderr), String::from_utf8_lossy(&failed.stdout));
    assert!(!everything.contains(&mine) && !everything.contains(&other), "no secret in git's output");
}

/// An organization's repository reached through a GitHub App installation Jeton serves
/// git with: git gets a one-hour installation token (`x-access-token`, with
/// `password_expiry_utc`), the same one while it has more than 5 minutes left.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn git_clones_and_pushes_with_an_installation_token_minted_for_the_served_owner() {
    if skipped() {
        return;
    }
    let env = Env::new().await;
    env.hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    for name in ["rocket", "moon"] {
        env.hub
            .create_repo(NewRepo { owner: "acme".into(), name: name.into(), private: true, description: None })
            .unwrap();
    }
    let perms = |p: &[(&str, &str)]| p.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let permissions = perms(&[("contents", "write"), ("metadata", "read")]);
    let app = NewApp { owner: "acme".into(), name: "Deployer".into(), permissions, ..Default::default() };
    let app = env.hub.create_app(app).unwrap();
    let inst = NewInstallation {
        app: "deployer".into(),
        account: "acme".into(),
        repositories: Some(vec!["rocket".into()]),
        permissions: perms(&[("contents", "write"), ("metadata", "read")]),
    };
    let inst = env.hub.create_installation(inst).unwrap().id.to_string();
    let dir = tempfile::tempdir().unwrap();
    let (home, srv) = (dir.path().join("home"), dir.path().join("srv"));
    std::fs::create_dir_all(&home).unwrap();
    std::fs::create_dir_all(srv.join("acme")).unwrap();
    let server = GitServer::start(&srv, env.hub.addr());
    let git = Git { env: &env, home: &home, server: &server };
    for name in ["rocket.git", "moon.git"] {
        git.ok(&srv.join("acme"), &["init", "-q", "--bare", "-b", "main", name]);
    }

    let web = [("JETON_GITHUB_URL", server.url.as_str())];
    let add = env.jeton_env(&["app", "add", "--client-id", &app.client_id], &app.private_key_pem, &web).await;
    assert_eq!(add.code, 0, "{}", add.stderr);
    let serve = env.jeton_env(&["app", "serve-git", "--owner", "acme", "--installation", &inst], "", &web).await;
    assert_eq!(serve.code, 0, "{}", serve.stderr);

    let work = dir.path().join("work");
    let url = format!("{}/acme/rocket.git", server.url);
    tokio::task::block_in_place(|| {
        git.ok(dir.path(), &["clone", "-q", &url, work.to_str().unwrap()]);
        std::fs::write(work.join("README"), "pushed with an installation token\n").unwrap();
        git.ok(&work, &["add", "README"]);
        git.ok(&work, &["commit", "-q", "-m", "first"]);
        git.ok(&work, &["push", "-q", "origin", "main"]);
    });
    let pushed = git.ok(&srv.join("acme/rocket.git"), &["log", "--format=%s", "main"]);
    assert_eq!(pushed.trim(), "first", "the push reached the server");

    let minted = |list: serde_json::Value| -> Vec<serde_json::Value> {
        list.as_array().unwrap().iter().filter(|t| t["kind"] == "app_installation").cloned().collect()
    };
    let tokens = minted(env.jeton_env(&["list", "--json"], "", &web).await.json());
    assert_eq!(tokens.len(), 1, "one token minted, then reused: {tokens:?}");
    let expires: chrono::DateTime<Utc> = tokens[0]["expires_at"].as_str().unwrap().parse().unwrap();
    assert!(expires - Utc::now() > Duration::minutes(55), "one hour");

    // What git receives: the installation token, its user name and its expiry.
    let host = server.url.trim_start_matches("http://");
    let request = format!("capability[]=authtype\nprotocol=http\nhost={host}\npath=acme/rocket.git\n\n");
    let answer = env.jeton_env(&["git-credential", "get"], &request, &web).await;
    assert!(answer.stdout.contains("username=x-access-token\n"), "{}", answer.stdout);
    assert!(answer.stdout.contains(&format!("password_expiry_utc={}\n", expires.timestamp())), "{}", answer.stdout);
    let password = answer.stdout.lines().find_map(|l| l.strip_prefix("password=")).unwrap();
    assert!(password.starts_with("ghs_"), "an installation token");
    assert_eq!(env.hub.installation_of(password), Some(inst.parse().unwrap()));
    assert_eq!(minted(env.jeton_env(&["list", "--json"], "", &web).await.json()).len(), 1, "still reused");

    // A repository the installation was not given: the server refuses, git fails.
    let moon = format!("{}/acme/moon.git", server.url);
    let refused = tokio::task::block_in_place(|| git.run(dir.path(), &["clone", "-q", &moon, "moon"]));
    assert!(!refused.status.success(), "the installation cannot reach acme/moon");
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(!said.contains(password), "no secret in git's output");
}
