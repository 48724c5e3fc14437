//! The task's loop with a notification service stand-in: it shows what is due, writes
//! it down, wakes early when the data changes, and tries again a notice it could not show.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::Utc;
use jeton_core::clock::SystemClock;
use jeton_core::config::Config;
use jeton_core::model::{CheckRecord, TokenKind, TokenRecord, TokenStatus};
use jeton_core::reminders::Notice;
use jeton_core::service::Jeton;
use jeton_core::vault::MemoryStore;
use tokio::sync::watch;

use super::Show;

/// Records what it was asked to show, and answers false (no notification service)
/// while `down`.
#[derive(Clone)]
struct Shown {
    seen: Arc<Mutex<Vec<String>>>,
    count: Arc<watch::Sender<usize>>,
    down: Arc<AtomicBool>,
}

impl Show for Shown {
    async fn show(&self, notice: &Notice) -> bool {
        // The answer is settled before the test hears of the notice (it may flip `down`).
        let up = !self.down.load(Ordering::Relaxed);
        self.seen.lock().unwrap().push(notice.token_name.clone());
        self.count.send_modify(|n| *n += 1);
        up
    }

    async fn show_org(&self, notice: &jeton_core::apps::org_notice::OrgRequestsNotice) -> bool {
        let up = !self.down.load(Ordering::Relaxed);
        self.seen.lock().unwrap().push(format!("{} new in {}", notice.ids.len(), notice.org));
        self.count.send_modify(|n| *n += 1);
        up
    }
}

impl Shown {
    fn new() -> Shown {
        Shown { seen: Arc::default(), count: Arc::new(watch::channel(0).0), down: Arc::default() }
    }

    /// Waits until `n` notices were asked for (failing after 30 s); returns their tokens.
    async fn until(&self, n: usize) -> Vec<String> {
        let mut rx = self.count.subscribe();
        let seen = tokio::time::timeout(Duration::from_secs(30), rx.wait_for(|c| *c >= n)).await;
        assert!(seen.is_ok(), "{n} notices expected, shown: {:?}", self.seen.lock().unwrap());
        self.seen.lock().unwrap().clone()
    }
}

/// Polls `done` until it holds, failing with `what` after 30 s.
async fn eventually(what: &str, done: impl Fn() -> bool) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while !done() {
        assert!(std::time::Instant::now() < deadline, "still not true after 30 s: {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn jeton(dir: &std::path::Path) -> Arc<Jeton> {
    let url = tauri::Url::parse("http://127.0.0.1:9").unwrap();
    let config = Config {
        github_web: url.clone(),
        github_api: url,
        data_dir: dir.into(),
        keyring_namespace: "jeton-test".into(),
    };
    Arc::new(Jeton::new(config, Arc::new(MemoryStore::default())).unwrap())
}

/// Stores a token, checked just now, expiring in `days`.
fn store(jeton: &Jeton, name: &str, days: i64) {
    let now = Utc::now();
    let mut r = TokenRecord::new(
        uuid::Uuid::new_v4().to_string(),
        name.into(),
        "http://127.0.0.1:9".into(),
        TokenKind::Classic,
        now,
    );
    r.expires_at = Some(now + chrono::Duration::days(days) + chrono::Duration::hours(1));
    r.last_check = Some(CheckRecord { at: now, status: TokenStatus::Valid, sso_url: None, error: None });
    let secret = jeton_core::Secret::new(format!("ghp_{}", name.repeat(36).chars().take(36).collect::<String>()));
    jeton.vault.add(r, &secret).unwrap();
}

fn logged(jeton: &Jeton, name: &str) -> usize {
    jeton.vault.find(name).unwrap().reminders_sent.len()
}

#[tokio::test(flavor = "multi_thread")]
async fn shows_what_is_due_once_writes_it_down_and_wakes_when_the_data_changes() {
    let dir = tempfile::tempdir().unwrap();
    let jeton = jeton(dir.path());
    store(&jeton, "first", 2);
    store(&jeton, "later", 40);
    let (tx, rx) = watch::channel(0u64);
    let shown = Shown::new();
    let task = tokio::spawn(super::run(jeton.clone(), Arc::new(SystemClock), shown.clone(), Some(rx)));
    assert_eq!(shown.until(1).await, ["first"], "the token expiring in 2 days, not the one in 40");
    // The task now sleeps (nothing is due for days, and it never sleeps past ten
    // minutes): a token added meanwhile is seen because the data changed.
    store(&jeton, "second", 2);
    tx.send_modify(|n| *n += 1);
    assert_eq!(shown.until(2).await, ["first", "second"]);
    // Once a third is shown, the second was written down (the task writes a notice
    // before it looks again), and the first was not shown again.
    store(&jeton, "third", 2);
    tx.send_modify(|n| *n += 1);
    assert_eq!(shown.until(3).await, ["first", "second", "third"]);
    task.abort();
    let logged: Vec<usize> = ["first", "second", "later"].iter().map(|n| logged(&jeton, n)).collect();
    assert_eq!(logged, [1, 1, 0]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notice_that_could_not_be_shown_is_not_written_down_and_comes_again() {
    let dir = tempfile::tempdir().unwrap();
    let jeton = jeton(dir.path());
    store(&jeton, "first", 2);
    let (tx, rx) = watch::channel(0u64);
    let shown = Shown::new();
    shown.down.store(true, Ordering::Relaxed);
    let task = tokio::spawn(super::run(jeton.clone(), Arc::new(SystemClock), shown.clone(), Some(rx)));
    shown.until(1).await;
    assert_eq!(logged(&jeton, "first"), 0, "not shown, so not written down");
    shown.down.store(false, Ordering::Relaxed);
    tx.send_modify(|n| *n += 1);
    assert_eq!(shown.until(2).await, ["first", "first"], "tried again");
    store(&jeton, "other", 2);
    tx.send_modify(|n| *n += 1);
    assert_eq!(shown.until(3).await, ["first", "first", "other"], "shown once it could be, then not again");
    task.abort();
    assert_eq!(logged(&jeton, "first"), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn new_token_requests_of_an_org_are_notified_once_across_restarts() {
    use fakehub::{NewApp, NewInstallation, NewOrg, NewToken, NewUser, TokenKind};
    let hub = fakehub::FakeHub::start(Default::default()).await;
    hub.create_user(NewUser { login: "octocat".into(), ..Default::default() }).unwrap();
    hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    hub.add_member("acme", "octocat").unwrap();
    let permissions = [("organization_personal_access_token_requests".to_owned(), "read".to_owned())].into();
    let app =
        hub.create_app(NewApp { owner: "acme".into(), name: "Reviewer".into(), permissions, ..Default::default() });
    let app = app.unwrap();
    hub.create_installation(NewInstallation { app: "reviewer".into(), account: "acme".into(), ..Default::default() })
        .unwrap();
    let request = |name: &str| {
        let token =
            hub.create_token(NewToken::new("octocat", TokenKind::FineGrained).name(name).owner("acme")).unwrap();
        hub.request_org_access(&token, None).unwrap();
    };
    request("a");
    request("b");
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        github_web: hub.web_url().parse().unwrap(),
        github_api: hub.url().parse().unwrap(),
        data_dir: dir.path().into(),
        keyring_namespace: "jeton-test".into(),
    };
    let jeton = Arc::new(Jeton::new(config, Arc::new(MemoryStore::default())).unwrap());
    let host = jeton.config.host(None).unwrap();
    let key = jeton_core::Secret::new(app.private_key_pem);
    jeton_core::apps::add_app(&jeton.vault, &jeton.client, &host, &app.client_id, &key).await.unwrap();
    let seen = |jeton: &Jeton| jeton.vault.metadata().load().unwrap().org_requests_seen.len();

    let shown = Shown::new();
    let task = tokio::spawn(super::run(jeton.clone(), Arc::new(SystemClock), shown.clone(), None));
    assert_eq!(shown.until(1).await, ["2 new in acme"], "one notice for the org, with the count");
    eventually("the notified requests are written down", || seen(&jeton) >= 2).await;
    task.abort();

    // Jeton starts again: the two are not told again, the one that came meanwhile is.
    request("c");
    let shown = Shown::new();
    let task = tokio::spawn(super::run(jeton.clone(), Arc::new(SystemClock), shown.clone(), None));
    assert_eq!(shown.until(1).await, ["1 new in acme"]);
    task.abort();
}
