//! Reminders on a real notification service: the app (`target/debug/jeton`) against a
//! fakehub, under `scripts/headless`, which runs dunst on a private D-Bus session and
//! lets a test pick a notification's action through dunst's context menu
//! (scripts/dunst-pick). Read back with `dunstctl` and `xclip`, as the user would see it.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use common::{eventually, Env};
use fakehub::{NewApp, NewInstallation, NewOrg, NewToken, TokenKind};

/// One test at a time on dunst: each counts what it shows.
static DUNST: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

fn dunstctl(args: &[&str]) -> String {
    let out = Command::new("dunstctl").args(args).output().expect("dunstctl (dunst) is installed");
    assert!(out.status.success(), "dunstctl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// (summary, body) of every notification in dunst's history from `appname`.
fn history(appname: &str) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_str(&dunstctl(&["history"])).expect("dunstctl history is JSON");
    let field = |n: &serde_json::Value, k: &str| n[k]["data"].as_str().unwrap_or_default().to_owned();
    json["data"][0]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|n| field(n, "appname") == appname)
        .map(|n| (field(n, "summary"), field(n, "body")))
        .collect()
}

fn displayed() -> usize {
    dunstctl(&["count", "displayed"]).parse().expect("a count")
}

fn paste() -> Option<String> {
    let out = Command::new("xclip").args(["-o", "-selection", "clipboard"]).stderr(Stdio::null()).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The desktop app on `env`'s data, its log in `log`; killed when dropped.
struct App(Child);

impl App {
    fn start(env: &Env, log: &Path) -> App {
        let child = Command::new(env!("CARGO_BIN_EXE_jeton"))
            .env("JETON_GITHUB_URL", env.hub.url())
            .env("JETON_GITHUB_API_URL", env.hub.url())
            .env("JETON_DATA_DIR", env.data_dir())
            .env("JETON_KEYRING_NAMESPACE", &env.namespace)
            .env("LANG", "en_US.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("RUST_LOG", "warn,jeton_app=debug")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(log).unwrap())
            .spawn()
            .expect("start the app");
        App(child)
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn read(log: &Path) -> String {
    std::fs::read_to_string(log).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_token_expiring_in_two_days_is_notified_once_and_copy_works_from_the_notification() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under scripts/headless (Xvfb, dunst)");
    let _dunst = DUNST.lock().await;
    let env = Env::new().await;
    let secret =
        env.hub.create_token(NewToken::classic("octocat", &["repo"]).expires_in(chrono::Duration::days(2))).unwrap();
    let add = env.jeton(&["add", "--name", "laptop", "-"], &secret).await;
    assert_eq!(add.code, 0, "{}", add.stderr);
    // First run: one notification, with the token, its account and its expiry.
    let FirstRun { app, logs, first, before } = first_run(&env);
    eventually("Jeton's notification is shown", || displayed() >= 1);
    assert_eq!(displayed(), 1, "exactly one notification");

    // "Copy", chosen in dunst's menu, puts the token on the clipboard.
    let runtime = std::env::var("XDG_RUNTIME_DIR").expect("scripts/headless sets XDG_RUNTIME_DIR");
    std::fs::write(Path::new(&runtime).join("dunst-pick"), "Copy").unwrap();
    dunstctl(&["context"]);
    eventually("the token is on the clipboard", || paste().as_deref() == Some(secret.as_str()));

    dunstctl(&["close-all"]);
    let ours = history("Jeton");
    assert_eq!(ours.len(), before + 1, "one notification: {ours:?}\n{}", read(&first));
    let (summary, body) = ours.first().cloned().unwrap();
    assert_eq!(summary, "“laptop” expires in 2 days");
    let host = env.hub.url().trim_start_matches("http://").trim_end_matches('/').to_owned();
    assert!(body.starts_with(&format!("Account octocat on {host}. Expires on ")), "{body}");
    assert!(body.ends_with("Renew it before then."), "{body}");
    assert!(!read(&first).contains(&secret), "the secret is never logged");
    drop(app);

    // A restart does not repeat it: once the new run has looked at the tokens, nothing new.
    restart_shows_nothing(&env, &logs, before + 1);
}

/// Starts the app again and checks that, once it has looked at the tokens ("reminders:
/// looked", after its look at the orgs' requests), it showed nothing: dunst's history
/// still holds `seen` of Jeton's.
/// Jeton's first run, its log in the data dir's `logs/first.log`, started once dunst shows
/// nothing; `before`: how many of Jeton's notifications dunst's history held then.
struct FirstRun {
    app: App,
    logs: PathBuf,
    first: PathBuf,
    before: usize,
}

fn first_run(env: &Env) -> FirstRun {
    dunstctl(&["close-all"]);
    let before = history("Jeton").len();
    let logs = env.data_dir().join("logs");
    std::fs::create_dir_all(&logs).unwrap();
    let first = logs.join("first.log");
    let app = App::start(env, &first);
    FirstRun { app, logs, first, before }
}

fn restart_shows_nothing(env: &Env, logs: &Path, seen: usize) {
    let second = logs.join("second.log");
    let _app = App::start(env, &second);
    eventually("the restarted app looked", || read(&second).contains("reminders: looked"));
    assert_eq!(displayed(), 0, "no second notification\n{}", read(&second));
    assert_eq!(history("Jeton").len(), seen);
}

#[tokio::test(flavor = "multi_thread")]
async fn new_token_requests_in_an_org_are_notified_once_with_the_org_and_the_count() {
    assert!(std::env::var_os("DISPLAY").is_some(), "run under scripts/headless (Xvfb, dunst)");
    let _dunst = DUNST.lock().await;
    let env = Env::new().await;
    env.hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    env.hub.add_member("acme", "octocat").unwrap();
    let permissions = [("organization_personal_access_token_requests".to_owned(), "read".to_owned())].into();
    let app = NewApp { owner: "acme".into(), name: "Reviewer".into(), permissions, ..Default::default() };
    let app = env.hub.create_app(app).unwrap();
    let inst = NewInstallation { app: "reviewer".into(), account: "acme".into(), ..Default::default() };
    env.hub.create_installation(inst).unwrap();
    let added = env.jeton(&["app", "add", "--client-id", &app.client_id], &app.private_key_pem).await;
    assert_eq!(added.code, 0, "{}", added.stderr);
    for name in ["ci", "backup"] {
        let token = env.hub.create_token(NewToken::new("octocat", TokenKind::FineGrained).name(name).owner("acme"));
        env.hub.request_org_access(&token.unwrap(), Some("needed")).unwrap();
    }
    let FirstRun { app, logs, first, before } = first_run(&env);
    eventually("the notification of the requests is shown", || displayed() >= 1);
    dunstctl(&["close-all"]);
    let ours = history("Jeton");
    assert_eq!(ours.len(), before + 1, "one notification for the org: {ours:?}\n{}", read(&first));
    // dunst's history lists the newest first.
    let (summary, body) = ours.first().cloned().unwrap();
    assert_eq!(summary, "2 token requests for acme");
    assert_eq!(
        body,
        "2 new fine-grained token requests wait for review in acme. See them with: jeton app requests acme"
    );
    drop(app);

    // A restart does not repeat it.
    restart_shows_nothing(&env, &logs, before + 1);
}
