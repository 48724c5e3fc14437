//! Apps against fakehub: adding checks the key with GitHub and stores nothing on
//! failure; minting narrows, stores a one-hour `app_installation` token, and the git
//! helper reuses it.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Duration, Utc};
use fakehub::{CreatedApp, FakeHub, FakeHubOptions, NewApp, NewInstallation, NewOrg, NewRepo, NewUser};

use super::*;
use crate::config::Host;
use crate::github::client::ClientOptions;
use crate::model::TokenKind;
use crate::vault::{MemoryStore, MetadataStore};

struct World {
    hub: FakeHub,
    app: CreatedApp,
    vault: Vault,
    store: Arc<MemoryStore>,
    client: GitHubClient,
    host: Host,
    user_inst: u64,
    org_inst: u64,
    _dir: tempfile::TempDir,
}

fn perms(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

async fn world() -> World {
    let hub = FakeHub::start(FakeHubOptions::default()).await;
    hub.create_user(NewUser { login: "octocat".into(), ..Default::default() }).unwrap();
    hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    for (owner, name) in [("octocat", "hello"), ("acme", "rocket"), ("acme", "moon")] {
        hub.create_repo(NewRepo { owner: owner.into(), name: name.into(), private: true, description: None }).unwrap();
    }
    let app = hub
        .create_app(NewApp {
            owner: "acme".into(),
            name: "Deployer".into(),
            permissions: perms(&[("contents", "write"), ("metadata", "read"), ("issues", "write")]),
            ..Default::default()
        })
        .unwrap();
    let user = NewInstallation { app: "deployer".into(), account: "octocat".into(), ..Default::default() };
    let user_inst = hub.create_installation(user).unwrap().id;
    let org = NewInstallation {
        app: "deployer".into(),
        account: "acme".into(),
        repositories: Some(vec!["rocket".into()]),
        permissions: perms(&[("contents", "read"), ("metadata", "read")]),
    };
    let org_inst = hub.create_installation(org).unwrap().id;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::default());
    let vault = Vault::new(store.clone(), MetadataStore::new(dir.path().join("data")));
    let opts = ClientOptions { total_timeout: std::time::Duration::from_secs(10), ..ClientOptions::default() };
    let client = GitHubClient::with_options(opts).unwrap();
    let host = Host { web: hub.web_url().parse().unwrap(), api: hub.url().parse().unwrap() };
    World { hub, app, vault, store, client, host, user_inst, org_inst, _dir: dir }
}

impl World {
    async fn add(&self) -> AppRecord {
        let key = Secret::new(self.app.private_key_pem.clone());
        add_app(&self.vault, &self.client, &self.host, &self.app.client_id, &key).await.unwrap()
    }
}

#[tokio::test]
async fn adding_an_app_keeps_its_key_in_the_keychain_only_and_lists_its_installations() {
    let w = world().await;
    let app = w.add().await;
    assert_eq!(app.name, "Deployer");
    assert_eq!(app.installations.len(), 2);
    let org = app.installations.iter().find(|i| i.account == "acme").unwrap();
    assert!(org.account_is_org);
    assert_eq!(org.permissions, perms(&[("contents", "read"), ("metadata", "read")]));
    assert_eq!(w.vault.app_key(&app).unwrap().expose(), w.app.private_key_pem);
    let file = std::fs::read_to_string(w.vault.metadata().path()).unwrap();
    let body: String = w.app.private_key_pem.lines().nth(1).unwrap().to_owned();
    assert!(!file.contains(&body) && !file.contains("PRIVATE KEY"), "no key bytes in the metadata");
    assert!(w.vault.reconcile().unwrap().recovered.is_empty(), "the app's key is not offered back as a token");
    let again = Secret::new(w.app.private_key_pem.clone());
    let dup = add_app(&w.vault, &w.client, &w.host, &w.app.id.to_string(), &again).await.unwrap_err();
    assert_eq!(dup.code(), "app_duplicate");
    assert_eq!(find_app(&w.vault, "deployer").unwrap().id, app.id);
}

#[tokio::test]
async fn a_bad_key_stores_nothing_and_says_why() {
    let w = world().await;
    let not_pem = add_app(&w.vault, &w.client, &w.host, &w.app.client_id, &Secret::new("ghp_nope")).await;
    assert_eq!(not_pem.unwrap_err(), Error::AppKeyInvalid);
    let other =
        w.hub.create_app(NewApp { owner: "octocat".into(), name: "Other".into(), ..Default::default() }).unwrap();
    let wrong = Secret::new(other.private_key_pem);
    let e = add_app(&w.vault, &w.client, &w.host, &w.app.client_id, &wrong).await.unwrap_err();
    assert_eq!(e, Error::AppKeyRejected { issuer: w.app.client_id.clone() });
    assert!(e.message(crate::i18n::Lang::Fr).contains("n’est pas une clé de l’application"));
    assert!(w.vault.apps().unwrap().is_empty());
    assert!(w.store.is_empty(), "no key in the keychain");
}

#[tokio::test]
async fn a_clock_off_by_an_hour_is_named_with_the_skew() {
    let w = world().await;
    w.hub.set_clock_offset(-3600);
    let key = Secret::new(w.app.private_key_pem.clone());
    let e = add_app(&w.vault, &w.client, &w.host, &w.app.client_id, &key).await.unwrap_err();
    let Error::AppClockSkew { skew_secs: Some(skew) } = e else { panic!("{e:?}") };
    assert!((3500..3700).contains(&skew), "about an hour ahead: {skew}");
    assert!(
        e.message(crate::i18n::Lang::En).contains("60 min ahead of GitHub's"),
        "{}",
        e.message(crate::i18n::Lang::En)
    );
    assert!(w.store.is_empty());
}

#[tokio::test]
async fn a_minted_token_is_stored_for_an_hour_narrowed_and_not_reminded_about() {
    let w = world().await;
    let app = w.add().await;
    let req = MintRequest {
        installation: w.user_inst,
        repositories: Some(vec!["octocat/hello".into()]),
        permissions: Some(perms(&[("contents", "read")])),
        pinned: false,
    };
    let (rec, secret) = mint(&w.vault, &w.client, &w.host, &app, &req).await.unwrap();
    assert!(secret.expose().starts_with("ghs_"));
    assert_eq!(rec.kind, TokenKind::AppInstallation);
    assert_eq!(rec.name, "Deployer for octocat");
    let left = rec.expires_at.unwrap() - Utc::now();
    assert!(left > Duration::minutes(55) && left <= Duration::minutes(60));
    assert_eq!(rec.permissions, Some(perms(&[("contents", "read")])));
    assert_eq!(rec.minted.as_ref().unwrap().repositories, Some(vec!["octocat/hello".to_string()]));
    assert_eq!(w.vault.secret(&rec).unwrap().expose(), secret.expose());
    assert_eq!(w.hub.installation_of(secret.expose()), Some(w.user_inst));
    let plan = crate::reminders::Schedule::new(crate::reminders::Thresholds::default())
        .plan(&w.vault.list().unwrap(), rec.expires_at.unwrap() + Duration::minutes(1));
    assert!(plan.due.is_empty(), "an installation token is not reminded about, even expired");
    let second = mint(&w.vault, &w.client, &w.host, &app, &req).await.unwrap().0;
    assert_eq!(second.name, "Deployer for octocat (2)");
}

#[tokio::test]
async fn asking_beyond_the_installation_is_refused_before_anything_is_sent() {
    let w = world().await;
    let app = w.add().await;
    let ask = |p: &[(&str, &str)], r: Option<&str>| MintRequest {
        installation: w.org_inst,
        permissions: Some(perms(p)),
        repositories: r.map(|r| vec![r.to_string()]),
        pinned: false,
    };
    let cases = [
        (ask(&[("contents", "write")], None), "app_permission_not_granted"),
        (ask(&[("issues", "read")], None), "app_permission_not_granted"),
        (ask(&[("no_such_thing", "read")], None), "request_permission_unknown"),
        (ask(&[("contents", "superuser")], None), "request_level_not_allowed"),
        (ask(&[("contents", "read")], Some("moon")), "app_repository_not_reachable"),
        (ask(&[("contents", "read")], Some("octocat/hello")), "app_repository_not_reachable"),
        (MintRequest { installation: 1, ..Default::default() }, "app_installation_not_found"),
    ];
    for (req, code) in cases {
        let e = mint(&w.vault, &w.client, &w.host, &app, &req).await.unwrap_err();
        assert_eq!(e.code(), code, "{req:?}");
    }
    let e = mint(&w.vault, &w.client, &w.host, &app, &ask(&[("contents", "write")], None)).await.unwrap_err();
    assert!(e.message(crate::i18n::Lang::En).contains("\"contents\" at \"read\" only"));
    let e = mint(&w.vault, &w.client, &w.host, &app, &ask(&[], Some("moon"))).await.unwrap_err();
    assert!(e.message(crate::i18n::Lang::En).contains("acme/moon"), "{}", e.message(crate::i18n::Lang::En));
    assert!(w.vault.list().unwrap().is_empty(), "nothing stored half-way");
}

#[tokio::test]
async fn expired_minted_tokens_leave_the_vault_unless_pinned() {
    let w = world().await;
    let app = w.add().await;
    let plain = MintRequest { installation: w.user_inst, ..Default::default() };
    let pinned = MintRequest { pinned: true, ..plain.clone() };
    let (a, _) = mint(&w.vault, &w.client, &w.host, &app, &plain).await.unwrap();
    let (b, _) = mint(&w.vault, &w.client, &w.host, &app, &pinned).await.unwrap();
    assert!(sweep_expired(&w.vault, Utc::now()).unwrap().is_empty(), "both still valid");
    let gone = sweep_expired(&w.vault, a.expires_at.unwrap() + Duration::seconds(1)).unwrap();
    assert_eq!(gone.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(), [a.id.as_str()]);
    let left: Vec<String> = w.vault.list().unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(left, [b.id]);
    assert_eq!(w.store.len(), 2, "the app's key and the pinned token");
}

#[tokio::test]
async fn git_for_a_served_owner_mints_once_and_reuses_until_near_expiry() {
    let w = world().await;
    let app = w.add().await;
    assert!(git_token(&w.vault, &w.client, &w.host, "acme").await.unwrap().is_none(), "not served yet");
    let app = serve_git_owner(&w.vault, &app, "acme", w.org_inst).unwrap();
    assert_eq!(app.git_owners.len(), 1);
    let (first, s1) = git_token(&w.vault, &w.client, &w.host, "ACME").await.unwrap().unwrap();
    let (again, s2) = git_token(&w.vault, &w.client, &w.host, "acme").await.unwrap().unwrap();
    assert_eq!((first.id.as_str(), s1.expose()), (again.id.as_str(), s2.expose()), "reused");
    w.vault.update(&first.id, |r| r.expires_at = Some(Utc::now() + Duration::minutes(4))).unwrap();
    let (fresh, s3) = git_token(&w.vault, &w.client, &w.host, "acme").await.unwrap().unwrap();
    assert_ne!(s3.expose(), s1.expose(), "minted again within 5 minutes of expiry");
    assert!(fresh.expires_at.unwrap() - Utc::now() > Duration::minutes(55));
    assert_eq!(w.hub.installation_of(s3.expose()), Some(w.org_inst));
    assert_eq!(serve_git_owner(&w.vault, &app, "x", 1).unwrap_err().code(), "app_installation_not_found");
}

impl World {
    /// The Jeton the window calls, on this hub, vault and client.
    fn jeton(&self) -> crate::service::Jeton {
        let config = crate::config::Config {
            github_web: self.host.web.clone(),
            github_api: self.host.api.clone(),
            data_dir: self._dir.path().join("data"),
            keyring_namespace: "jeton-test".into(),
        };
        crate::service::Jeton { config, vault: self.vault.clone(), client: self.client.clone() }
    }
}

#[tokio::test]
async fn the_window_lists_what_an_installation_reaches_and_mints_a_token_shown_without_alarm() {
    let w = world().await;
    let jeton = w.jeton();
    let key = Secret::new(w.app.private_key_pem.clone());
    let app = jeton.add_app(Some(&w.host.key()), &w.app.client_id, &key).await.unwrap();
    assert_eq!(jeton.apps().unwrap(), vec![app.clone()]);

    let repos = jeton.installation_repositories(w.org_inst).await.unwrap();
    let names: Vec<&str> = repos.iter().map(|r| r.full_name.as_str()).collect();
    assert_eq!(names, ["acme/rocket"], "only what the installation was given");
    assert!(w.vault.list().unwrap().is_empty(), "the token that listed them is not kept");

    let req = MintRequest {
        installation: w.org_inst,
        repositories: Some(vec!["acme/rocket".into()]),
        permissions: Some(perms(&[("contents", "read")])),
        pinned: false,
    };
    let view = jeton.mint_token(&req, crate::i18n::Lang::En).await.unwrap();
    assert_eq!(view.kind, Some(TokenKind::AppInstallation));
    assert_eq!(view.status, crate::model::TokenStatus::Valid);
    assert!(!view.needs_attention, "an hour is its normal life");
    let expires = chrono::DateTime::parse_from_rfc3339(view.expires_at.as_deref().unwrap()).unwrap();
    let left = expires.with_timezone(&Utc) - Utc::now();
    assert!(left > Duration::minutes(55) && left <= Duration::hours(1), "{left}");

    let over = MintRequest { permissions: Some(perms(&[("contents", "write")])), ..req };
    let e = jeton.mint_token(&over, crate::i18n::Lang::En).await.unwrap_err();
    assert_eq!(e.code(), "app_permission_not_granted");
    assert_eq!(w.vault.list().unwrap().len(), 1, "nothing more stored");

    jeton.forget_app(&app.id).await.unwrap();
    assert!(jeton.apps().unwrap().is_empty());
    assert!(w.vault.app_key(&app).is_err(), "its key left the keychain");
}

#[tokio::test]
async fn a_client_id_that_is_not_one_is_said_so_without_echoing_a_pasted_token() {
    let w = world().await;
    let key = Secret::new(w.app.private_key_pem.clone());
    let typo = add_app(&w.vault, &w.client, &w.host, "Iv23 li", &key).await.unwrap_err();
    assert_eq!(typo, Error::AppClientIdInvalid { given: Some("Iv23 li".into()) });
    let token = format!("ghp_{}", "a".repeat(36));
    let pasted = add_app(&w.vault, &w.client, &w.host, &token, &key).await.unwrap_err();
    assert_eq!(pasted, Error::AppClientIdInvalid { given: None });
    assert!(!pasted.message(crate::i18n::Lang::En).contains("ghp_"));
    assert!(w.vault.apps().unwrap().is_empty() && w.store.is_empty(), "nothing stored");
}
