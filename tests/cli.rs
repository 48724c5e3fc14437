//! The CLI contract (`jeton check|add|list`) against fakehub, with the real keychain
//! (run under `scripts/headless`).

mod common;

use common::{contains, files_below, Env};
use fakehub::{NewOrg, NewToken};

#[tokio::test(flavor = "multi_thread")]
async fn check_reports_kind_login_scopes_and_status() {
    let env = Env::new().await;
    let token = env.classic(&["repo", "public_repo", "gist"]);
    let run = env.jeton(&["check", "--json", "-"], &format!("{token}\n")).await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v = run.json();
    assert_eq!(v["kind"], "classic");
    assert_eq!(v["well_formed"], true);
    assert_eq!(v["login"], "octocat");
    assert_eq!(v["scopes"], serde_json::json!(["repo", "gist"]));
    assert_eq!(v["status"], "valid");
    assert_eq!(v["error"], serde_json::Value::Null);
    assert!(!run.stdout.contains(&token), "check must not echo the secret");
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_token_is_refused_before_any_network_call() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    let mut broken = token.clone().into_bytes();
    let last = broken.len() - 1;
    broken[last] = if broken[last] == b'A' { b'B' } else { b'A' };
    let broken = String::from_utf8(broken).unwrap();
    let before = env.hub.stats().total;
    for (input, rule) in [(broken.as_str(), "checksum"), ("ghp_abc def", "space"), ("xoxb_123", "does not start like")]
    {
        let run = env.jeton(&["check", "--json", "-"], input).await;
        assert_eq!(run.code, 1, "{input}");
        let v = run.json();
        assert_eq!(v["well_formed"], false);
        assert_eq!(v["error"]["code"], "token_malformed");
        assert!(v["error"]["message"].as_str().unwrap().contains(rule), "{}", v["error"]["message"]);
        let add = env.jeton(&["add", "--name", "x", "-"], input).await;
        assert_eq!(add.code, 1);
        assert!(add.stderr.contains(rule), "{}", add.stderr);
    }
    assert_eq!(env.hub.stats().total, before, "no request may reach GitHub for a malformed token");
    assert!(files_below(env.data_dir()).is_empty(), "nothing may be stored");
}

#[tokio::test(flavor = "multi_thread")]
async fn offline_check_makes_no_request() {
    let env = Env::new().await;
    let token = env.classic(&[]);
    let before = env.hub.stats().total;
    let run = env.jeton(&["check", "--offline", "--json", "-"], &token).await;
    assert_eq!(run.code, 0);
    assert_eq!(run.json()["kind"], "classic");
    assert_eq!(env.hub.stats().total, before);
}

#[tokio::test(flavor = "multi_thread")]
async fn revoked_token_is_invalid_and_not_stored() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    env.hub.revoke_token(&token).unwrap();
    let run = env.jeton(&["check", "--json", "-"], &token).await;
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["status"], "invalid");
    assert_eq!(run.json()["error"]["code"], "token_invalid");
    let add = env.jeton(&["add", "--name", "old", "--json", "-"], &token).await;
    assert_eq!(add.code, 1);
    assert_eq!(add.json()["error"]["code"], "token_invalid");
    let list = env.jeton(&["list", "--json"], "").await;
    assert_eq!(list.json(), serde_json::json!([]));
}

#[tokio::test(flavor = "multi_thread")]
async fn add_stores_secret_in_keychain_and_only_there() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    let run = env.jeton(&["add", "--name", "laptop git", "--json", "-"], &format!("{token}\n")).await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let added = run.json();
    assert_eq!(added["name"], "laptop git");
    let id = added["id"].as_str().unwrap().to_owned();
    assert_eq!(env.keychain_lookup(&id).as_deref(), Some(token.as_str()));

    let list = env.jeton(&["list", "--json"], "").await;
    assert_eq!(list.code, 0);
    let items = list.json();
    assert_eq!(items.as_array().unwrap().len(), 1);
    assert_eq!(items[0]["login"], "octocat");
    assert_eq!(items[0]["kind"], "classic");
    assert_eq!(items[0]["status"], "valid");
    let human = env.jeton(&["list"], "").await;
    assert!(human.stdout.contains("laptop git"));
    for (path, bytes) in files_below(env.data_dir()) {
        assert!(!contains(&bytes, &token), "secret found in {}", path.display());
    }
    assert!(!list.stdout.contains(&token) && !run.stdout.contains(&token) && !run.stderr.contains(&token));

    let dup = env.jeton(&["add", "--name", "laptop git", "--json", "-"], &token).await;
    assert_eq!(dup.code, 1);
    assert_eq!(dup.json()["error"]["code"], "name_taken");
}

#[tokio::test(flavor = "multi_thread")]
async fn unreachable_host_gives_a_clear_error_and_stores_nothing() {
    let env = Env::new().await;
    let token = env.classic(&[]);
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let run = env.jeton(&["add", "--name", "x", "--host", &dead, "--json", "-"], &token).await;
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["error"]["code"], "network");
    assert!(files_below(env.data_dir()).is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn plain_http_is_refused_for_remote_hosts() {
    let env = Env::new().await;
    let run = env.jeton(&["check", "--host", "http://ghe.example.com", "--json", "-"], &env.classic(&[])).await;
    assert_eq!(run.code, 1);
    assert_eq!(run.json()["error"]["code"], "host_invalid");
}

#[tokio::test(flavor = "multi_thread")]
async fn token_in_arguments_is_a_usage_error() {
    let env = Env::new().await;
    let token = env.classic(&[]);
    let run = env.jeton(&["check", &token], "").await;
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("standard input"));
    let bad = env.jeton(&["check", "--nope", "-"], "").await;
    assert_eq!(bad.code, 2);
}

/// Every line the CLI prints follows the locale: help, usage errors, labels, day counts
/// and summaries, as well as core's messages. Exit codes stay those of the contract.
#[tokio::test(flavor = "multi_thread")]
async fn french_locale_prints_french_only() {
    let env = Env::new().await;
    let soon =
        env.hub.create_token(NewToken::classic("octocat", &["repo"]).expires_in(chrono::Duration::days(3))).unwrap();
    let forever = env.classic(&["gist"]);
    let revoked = env.classic(&["workflow"]);
    let fr = [("LANG", "fr_FR.UTF-8")];
    let mut runs = vec![];
    for (name, secret) in [("bientot", &soon), ("toujours", &forever), ("perdu", &revoked)] {
        let add = env.jeton_env(&["add", "--name", name, "-"], secret, &fr).await;
        assert_eq!(add.code, 0, "{}", add.stderr);
        runs.push((format!("add {name}"), add));
    }
    env.hub.revoke_token(&revoked).unwrap();
    for (args, stdin, code) in [
        (&["recheck"][..], "", 1),
        (&["check", "-"], forever.as_str(), 0),
        (&["check", "-"], "nope", 1),
        (&["list"], "", 0),
        (&["status", "--within", "7d"], "", 1),
        (&["status", "--within", "bientôt"], "", 2),
        (&["--help"], "", 0),
        (&["help", "status"], "", 0),
        (&["check", "--help"], "", 0),
        (&["check", "--nope", "-"], "", 2),
        (&["add", "-"], "", 2),
        (&["chek"], "", 2),
        (&["check", &forever], "", 2),
    ] {
        let run = env.jeton_env(args, stdin, &fr).await;
        assert_eq!(run.code, code, "jeton {args:?}: {}{}", run.stdout, run.stderr);
        runs.push((args.join(" "), run));
    }
    let all: String = runs.iter().map(|(a, r)| format!("$ jeton {a}\n{}{}", r.stdout, r.stderr)).collect();
    for english in common::ENGLISH_WORDS {
        assert!(!common::has_word(&all, english), "English word {english:?} in French output:\n{all}");
    }
    for french in [
        "Utilisation :",
        "Commandes :",
        "Affiche cette aide",
        "expire dans ",
        "n’expire jamais",
        "valide",
        "révoqué/invalide",
        "classique",
        "demandent votre attention",
        "argument inattendu",
        "entrée standard",
        "pas un jeton GitHub valide",
        "« chek » n’est pas une commande",
        "il manque",
    ] {
        assert!(all.contains(french), "{french:?} missing from:\n{all}");
    }
    let en = env.jeton(&["--help"], "").await;
    assert!(en.stdout.contains("Usage:") && en.stdout.contains("Show this help"), "{}", en.stdout);
    // And English stays English.
    let en = env.jeton(&["status"], "").await;
    for english in ["valid", "never expires", "expires in ", "revoked/invalid", "classic", "needs attention"] {
        assert!(en.stdout.contains(english), "{english:?} missing from:\n{}", en.stdout);
    }
    assert!(!common::has_word(&en.stdout, "valide") && !en.stdout.contains("jeton"), "{}", en.stdout);
}

/// A token that is not well formed has no expiry to state, in either language.
#[tokio::test(flavor = "multi_thread")]
async fn malformed_token_states_no_expiry() {
    let env = Env::new().await;
    for (lang, words) in [("en_US.UTF-8", ["expire", "never"]), ("fr_FR.UTF-8", ["expir", "jamais"])] {
        let run = env.jeton_env(&["check", "-"], "ghp_not_a_token", &[("LANG", lang)]).await;
        assert_eq!(run.code, 1);
        for w in words {
            assert!(!run.stdout.contains(w), "{lang}: {}", run.stdout);
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn status_within_fails_for_tokens_expiring_soon() {
    let env = Env::new().await;
    let soon =
        env.hub.create_token(NewToken::classic("octocat", &["repo"]).expires_in(chrono::Duration::days(3))).unwrap();
    let later = env.hub.create_token(NewToken::classic("octocat", &[]).expires_in(chrono::Duration::days(60))).unwrap();
    assert_eq!(env.jeton(&["add", "--name", "later", "-"], &later).await.code, 0);
    assert_eq!(env.jeton(&["status", "--within", "7d"], "").await.code, 0);
    assert_eq!(env.jeton(&["add", "--name", "soon", "-"], &soon).await.code, 0);
    let run = env.jeton(&["status", "--within", "7d", "--json"], "").await;
    assert_eq!(run.code, 1, "{}", run.stdout);
    let soon_view = run.json().as_array().unwrap().iter().find(|t| t["name"] == "soon").cloned().unwrap();
    assert_eq!(soon_view["status"], "expiring");
    assert_eq!(soon_view["days_left"], 3, "calendar days until the expiry date");
    assert_eq!(soon_view["never_expires"], false);
    assert_eq!(soon_view["secret_missing"], false);
    assert_eq!(soon_view["unreachable"], false);
    assert_eq!(soon_view["urgency"], "urgent", "within a week");
    assert_eq!(env.jeton(&["status", "--within", "2d"], "").await.code, 0);
    assert_eq!(env.jeton(&["status", "--within", "soon"], "").await.code, 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn recheck_records_revocation_and_expiry_without_dropping_tokens() {
    let env = Env::new().await;
    let a = env.classic(&["repo"]);
    assert_eq!(env.jeton(&["add", "--name", "a", "-"], &a).await.code, 0);
    let first = env.jeton(&["recheck"], "").await;
    assert_eq!(first.code, 0, "{}{}", first.stdout, first.stderr);
    // Added while it is valid; its recorded expiry then passes.
    let b = env.hub.create_token(NewToken::classic("octocat", &[]).expires_in(chrono::Duration::seconds(3))).unwrap();
    assert_eq!(env.jeton(&["add", "--name", "b", "-"], &b).await.code, 0);
    env.hub.revoke_token(&a).unwrap();
    let expired = || env.hub.token(&b).is_some_and(|t| t.expires_at.is_some_and(|e| e <= chrono::Utc::now()));
    common::eventually("b's expiry has passed", expired);
    let run = env.jeton(&["recheck", "--json"], "").await;
    assert_eq!(run.code, 1);
    let v = run.json();
    let by = |n: &str| v.as_array().unwrap().iter().find(|t| t["name"] == n).cloned().unwrap();
    assert_eq!(by("a")["status"], "invalid");
    assert_eq!(by("a")["error"]["code"], "token_invalid");
    assert_eq!(
        by("b")["status"],
        "expired",
        "GitHub's 401 for an expired token reads as expired from the recorded date"
    );
    assert_eq!(env.jeton(&["list", "--json"], "").await.json().as_array().unwrap().len(), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn sso_protected_org_marks_the_token_with_the_page_to_authorize_it() {
    let env = Env::new().await;
    env.hub.create_org(NewOrg { login: "acme".into(), sso_enforced: true, ..Default::default() }).unwrap();
    env.hub.add_member("acme", "octocat").unwrap();
    let blocked = env.classic(&["repo", "read:org"]);
    let run = env.jeton(&["check", "--json", "-"], &blocked).await;
    assert_eq!(run.json()["status"], "sso_required", "{}", run.stdout);
    assert!(run.json()["sso_url"].as_str().unwrap().contains("/settings/tokens"));
    let ok = env.hub.create_token(NewToken::classic("octocat", &["repo"]).sso_authorized(&["acme"])).unwrap();
    assert_eq!(env.jeton(&["check", "--json", "-"], &ok).await.json()["status"], "valid");
}

#[tokio::test(flavor = "multi_thread")]
async fn corrupt_data_is_kept_and_reported_never_overwritten() {
    let env = Env::new().await;
    let token = env.classic(&["repo"]);
    assert_eq!(env.jeton(&["add", "--name", "a", "-"], &token).await.code, 0);
    let file = env.data_dir().join("tokens.json");
    let mut bytes = std::fs::read(&file).unwrap();
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&file, &bytes).unwrap();

    let list = env.jeton(&["list", "--json"], "").await;
    assert_eq!(list.code, 1);
    assert_eq!(list.json()["error"]["code"], "metadata_corrupt");
    let human = env.jeton(&["list"], "").await;
    assert!(human.stderr.contains("read-only"), "{}", human.stderr);
    let add = env.jeton(&["add", "--name", "b", "--json", "-"], &env.classic(&[])).await;
    assert_eq!(add.code, 1);
    assert!(add.json()["error"]["code"].as_str().unwrap().starts_with("metadata_"), "{}", add.stdout);
    assert_eq!(std::fs::read(&file).unwrap(), bytes, "the user's file must stay as it was");
    let copies = std::fs::read_dir(env.data_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("corrupt"))
        .count();
    assert!(copies >= 1, "a copy of the unreadable file is kept");
}
