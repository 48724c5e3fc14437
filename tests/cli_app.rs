//! `jeton app` against fakehub, with the real keychain (run under `scripts/headless`):
//! an app added with its key lists its installations, a bad key stores nothing and says
//! why, `jeton app token` prints a one-hour installation token GitHub accepts, and a
//! permission beyond the installation's is refused before anything is minted.

mod common;
#[path = "cli_app/org_review.rs"]
mod org_review;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use common::Env;
use fakehub::{CreatedApp, NewApp, NewInstallation, NewOrg, NewRepo};

fn perms(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

/// The app "Deployer" of acme, installed on acme's `rocket` only (contents: read) and on
/// octocat (all its repositories, the app's permissions).
struct World {
    env: Env,
    app: CreatedApp,
    org_inst: u64,
    user_inst: u64,
}

async fn world() -> World {
    let env = Env::new().await;
    env.hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    for (owner, name) in [("octocat", "hello"), ("acme", "rocket"), ("acme", "moon")] {
        let repo = NewRepo { owner: owner.into(), name: name.into(), private: true, description: None };
        env.hub.create_repo(repo).unwrap();
    }
    let app = env
        .hub
        .create_app(NewApp {
            owner: "acme".into(),
            name: "Deployer".into(),
            permissions: perms(&[("contents", "write"), ("metadata", "read")]),
            ..Default::default()
        })
        .unwrap();
    let org = NewInstallation {
        app: "deployer".into(),
        account: "acme".into(),
        repositories: Some(vec!["rocket".into()]),
        permissions: perms(&[("contents", "read"), ("metadata", "read")]),
    };
    let org_inst = env.hub.create_installation(org).unwrap().id;
    let user = NewInstallation { app: "deployer".into(), account: "octocat".into(), ..Default::default() };
    let user_inst = env.hub.create_installation(user).unwrap().id;
    World { env, app, org_inst, user_inst }
}

impl World {
    /// `jeton app add` with the key on standard input.
    async fn add(&self, key: &str) -> common::Run {
        self.env.jeton(&["app", "add", "--client-id", &self.app.client_id], key).await
    }

    async fn apps(&self) -> serde_json::Value {
        let run = self.env.jeton(&["app", "list", "--json"], "").await;
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.json()
    }
}

/// A line of the key's base64 body: what must never appear anywhere but the keychain.
fn key_body(pem: &str) -> String {
    pem.lines().nth(2).unwrap().to_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_app_added_from_a_key_file_lists_its_installations_and_keeps_the_key_in_the_keychain_only() {
    let w = world().await;
    let file = w.env.data_dir().join("deployer.pem");
    std::fs::write(&file, &w.app.private_key_pem).unwrap();
    let args = ["app", "add", "--client-id", &w.app.client_id, "--key-file", file.to_str().unwrap()];
    let run = w.env.jeton(&args, "").await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Added the app \"Deployer\""), "{}", run.stdout);
    assert!(run.stdout.contains(&format!("installation {}: acme (organization), selected repositories", w.org_inst)));
    let body = key_body(&w.app.private_key_pem);
    assert!(!run.stdout.contains(&body) && !run.stderr.contains(&body), "the key is echoed");
    std::fs::remove_file(&file).unwrap();

    let apps = w.apps().await;
    assert_eq!(apps.as_array().unwrap().len(), 1);
    assert_eq!(apps[0]["name"], "Deployer");
    assert_eq!(apps[0]["client_id"], w.app.client_id.as_str());
    let insts = apps[0]["installations"].as_array().unwrap();
    let org = insts.iter().find(|i| i["id"] == w.org_inst).unwrap();
    assert_eq!((org["account"].as_str(), org["repository_selection"].as_str()), (Some("acme"), Some("selected")));
    assert_eq!(org["permissions"]["contents"], "read");
    let user = insts.iter().find(|i| i["id"] == w.user_inst).unwrap();
    assert_eq!(user["repository_selection"], "all");
    let all_data: Vec<u8> = common::files_below(w.env.data_dir()).into_iter().flat_map(|(_, b)| b).collect();
    assert!(!common::contains(&all_data, &body), "key bytes in Jeton's data dir");

    let again = w.add(&w.app.private_key_pem).await;
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("already in Jeton"), "{}", again.stderr);

    let refused = w.env.jeton(&["app", "forget", &w.app.client_id], "").await;
    assert_eq!(refused.code, 1, "no terminal and no --yes: nothing forgotten");
    let forgot = w.env.jeton(&["app", "forget", &w.app.client_id, "--yes"], "").await;
    assert_eq!(forgot.code, 0, "{}", forgot.stderr);
    assert_eq!(w.apps().await, serde_json::json!([]));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_key_that_is_not_pem_or_is_another_apps_stores_nothing_and_says_why() {
    let w = world().await;
    let run = w.add("ghp_this_is_a_token_not_a_key\n").await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("not a GitHub App private key"), "{}", run.stderr);
    assert!(run.stderr.contains("BEGIN RSA PRIVATE KEY"), "{}", run.stderr);
    assert_eq!(w.apps().await, serde_json::json!([]));

    let other = w.env.hub.create_app(NewApp { owner: "octocat".into(), name: "Other".into(), ..Default::default() });
    let run = w.add(&other.unwrap().private_key_pem).await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("GitHub refused the app's signature"), "{}", run.stderr);
    assert!(run.stderr.contains("Nothing was stored"), "{}", run.stderr);
    assert_eq!(w.apps().await, serde_json::json!([]));
    let fr = w.env.jeton_env(&["app", "add", "--client-id", "Iv1nope"], "nope", &[("LANG", "fr_FR.UTF-8")]).await;
    assert_eq!(fr.code, 1);
    assert!(fr.stderr.contains("Ce n’est pas une clé privée"), "{}", fr.stderr);

    let missing = w.env.jeton(&["app", "add", "--client-id", "Iv1", "--key-file", "/nonexistent/app.pem"], "").await;
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    assert!(missing.stderr.contains("could not read the key file \"/nonexistent/app.pem\""), "{}", missing.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn app_token_prints_a_one_hour_token_github_accepts_narrowed_as_asked() {
    let w = world().await;
    assert_eq!(w.add(&w.app.private_key_pem).await.code, 0);
    let inst = w.user_inst.to_string();
    let args = ["app", "token", "--installation", &inst, "--repo", "hello", "--permission", "contents=read"];
    let run = w.env.jeton_env(&args, "", &[("RUST_LOG", "trace")]).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let token = run.stdout.trim();
    assert!(token.starts_with("ghs_") && run.stdout.lines().count() == 1, "{}", run.stdout);
    assert!(!run.stderr.contains(token), "the token is logged");
    assert_eq!(w.env.hub.installation_of(token), Some(w.user_inst), "GitHub accepts it for the installation");

    let list = w.env.jeton(&["list", "--json"], "").await.json();
    let stored = &list.as_array().unwrap()[0];
    assert_eq!(stored["kind"], "app_installation");
    assert_eq!(stored["permissions"], serde_json::json!({"contents": "read"}));
    let expires: DateTime<Utc> = stored["expires_at"].as_str().unwrap().parse().unwrap();
    let left = expires - Utc::now();
    assert!(left > chrono::Duration::minutes(55) && left <= chrono::Duration::minutes(60), "{left}");

    let help = w.env.jeton(&["app", "token", "--help"], "").await;
    assert!(help.stdout.contains("the one command that prints a secret"), "{}", help.stdout);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_permission_above_the_installations_is_refused_and_nothing_is_minted() {
    let w = world().await;
    assert_eq!(w.add(&w.app.private_key_pem).await.code, 0);
    let inst = w.org_inst.to_string();
    let run = w.env.jeton(&["app", "token", "--installation", &inst, "--permission", "contents=write"], "").await;
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout, "", "nothing printed on standard output");
    assert!(run.stderr.contains("The installation has \"contents\" at \"read\" only"), "{}", run.stderr);
    let run = w.env.jeton(&["app", "token", "--installation", &inst, "--repo", "moon"], "").await;
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("cannot reach the repository \"acme/moon\""), "{}", run.stderr);
    let run = w.env.jeton(&["app", "token", "--installation", "999999"], "").await;
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no installation 999999"), "{}", run.stderr);
    assert_eq!(w.env.jeton(&["list", "--json"], "").await.json(), serde_json::json!([]));
}

#[tokio::test(flavor = "multi_thread")]
async fn serve_git_records_the_owner_and_undo_takes_it_back() {
    let w = world().await;
    assert_eq!(w.add(&w.app.private_key_pem).await.code, 0);
    let inst = w.org_inst.to_string();
    let serve = w.env.jeton(&["app", "serve-git", "--owner", "acme", "--installation", &inst], "").await;
    assert_eq!(serve.code, 0, "{}", serve.stderr);
    assert!(
        serve.stdout.contains(&format!("installation tokens for acme from installation {inst}")),
        "{}",
        serve.stdout
    );
    assert_eq!(w.apps().await[0]["git_owners"], serde_json::json!([{"owner": "acme", "installation": w.org_inst}]));
    let list = w.env.jeton(&["app", "list"], "").await;
    assert!(list.stdout.contains(&format!("git for acme: installation {inst}")), "{}", list.stdout);

    let unknown = w.env.jeton(&["app", "serve-git", "--owner", "acme", "--installation", "999999"], "").await;
    assert_eq!(unknown.code, 1);
    assert!(unknown.stderr.contains("no installation 999999"), "{}", unknown.stderr);

    let undo = w.env.jeton(&["app", "serve-git", "--owner", "ACME", "--undo"], "").await;
    assert_eq!(undo.code, 0, "{}", undo.stderr);
    assert!(undo.stdout.contains("no longer gets installation tokens for ACME"), "{}", undo.stdout);
    assert_eq!(w.apps().await[0]["git_owners"], serde_json::json!([]));
    let again = w.env.jeton(&["app", "serve-git", "--owner", "acme", "--undo"], "").await;
    assert!(again.stdout.contains("nothing changed"), "{}", again.stdout);
}
