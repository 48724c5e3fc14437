//! Installation tokens leave the vault once expired unless pinned (docs/github.md,
//! "GitHub App tokens"): the reminder task's look drops them, and so does the list.

mod client_common;

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use fakehub::{NewApp, NewInstallation};
use jeton_core::apps::{self, MintRequest};
use jeton_core::i18n::Lang;
use jeton_core::reminders::runner::Runner;
use jeton_core::Secret;

use client_common::{env, LOGIN};

#[tokio::test]
async fn an_expired_unpinned_installation_token_disappears_a_pinned_one_stays() {
    let env = env().await;
    let perms: BTreeMap<String, String> = [("contents".to_string(), "read".to_string())].into();
    let created = env.hub.create_app(NewApp {
        owner: LOGIN.into(),
        name: "Deployer".into(),
        permissions: perms,
        ..Default::default()
    });
    let created = created.unwrap();
    let inst = NewInstallation { app: "deployer".into(), account: LOGIN.into(), ..Default::default() };
    let installation = env.hub.create_installation(inst).unwrap().id;
    let (vault, client, host) = (&env.jeton.vault, env.client(), env.host());
    let key = Secret::new(created.private_key_pem.clone());
    let app = apps::add_app(vault, client, &host, &created.client_id, &key).await.unwrap();
    let plain = MintRequest { installation, ..Default::default() };
    let (gone, _) = apps::mint(vault, client, &host, &app, &plain).await.unwrap();
    let pinned = MintRequest { pinned: true, ..plain.clone() };
    let (kept, _) = apps::mint(vault, client, &host, &app, &pinned).await.unwrap();
    let names = |views: Vec<jeton_core::model::TokenView>| views.into_iter().filter_map(|v| v.name).collect::<Vec<_>>();
    assert_eq!(names(env.jeton.list(Lang::En).unwrap()).len(), 2, "both listed while valid");

    let runner = Runner::default();
    let before = runner.step(&env.jeton, Utc::now()).unwrap();
    assert!(before.due.is_empty(), "installation tokens are not reminded about");
    assert!(before.sleep <= (gone.expires_at.unwrap() - Utc::now()).to_std().unwrap(), "the task wakes to drop it");
    let after = gone.expires_at.unwrap() + Duration::seconds(1);
    assert!(runner.step(&env.jeton, after).unwrap().due.is_empty());
    assert_eq!(
        names(env.jeton.list(Lang::En).unwrap()),
        std::slice::from_ref(&kept.name),
        "the expired one left, the pinned one stayed"
    );
    assert!(vault.secret(&gone).is_err(), "its secret left the keychain");

    // The list drops them too: one that expired while nothing looked.
    let (soon, _) = apps::mint(vault, client, &host, &app, &plain).await.unwrap();
    vault.update(&soon.id, |r| r.expires_at = Some(Utc::now() - Duration::seconds(1))).unwrap();
    assert_eq!(names(env.jeton.list(Lang::En).unwrap()), [kept.name]);
}
