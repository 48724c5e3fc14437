//! The creation wizard's core against fakehub: owners and repositories listed with a
//! kept token of the account, the page refused before GitHub for an owner that is not
//! the account's, and the token taken back: refused (wrong kind, wrong account: nothing
//! stored) or stored with the request as its grants, the token it renews, and what
//! GitHub made differently.

mod client_common;

use chrono::{Duration, NaiveDate, Utc};
use client_common::{env, LOGIN};
use fakehub::{NewOrg, NewRepo, NewToken, NewUser, TokenKind};
use jeton_core::create::finish::FindingKind;
use jeton_core::create::{Creation, RepositoryAccess};
use jeton_core::github::permissions::Level;
use jeton_core::github::request::{ClassicRequest, Expiry, FineGrainedRequest, TokenRequest};
use jeton_core::i18n::Lang;
use jeton_core::Secret;

fn fine(name: &str, owner: Option<&str>, permissions: &[(&str, Level)], expires: Option<Expiry>) -> Creation {
    Creation {
        host: None,
        account: Some(LOGIN.into()),
        request: TokenRequest::FineGrained(FineGrainedRequest {
            name: name.into(),
            owner: owner.map(str::to_owned),
            permissions: permissions.iter().map(|(k, l)| ((*k).to_owned(), *l)).collect(),
            ..Default::default()
        }),
        expires,
        access: RepositoryAccess::Selected,
        repositories: vec!["octocat/hello".into()],
        renews: None,
    }
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

#[tokio::test]
async fn owners_and_repositories_come_from_a_kept_token_of_the_account() {
    let env = env().await;
    let none = env.jeton.owners(None, LOGIN).await.unwrap();
    assert!(!none.from_github, "no token of the account is kept yet");
    assert_eq!(none.owners.iter().map(|o| o.login.as_str()).collect::<Vec<_>>(), [LOGIN]);
    assert!(env.jeton.repositories(None, LOGIN).await.unwrap().is_empty());

    env.hub.create_org(NewOrg { login: "acme".into(), ..Default::default() }).unwrap();
    env.hub.add_member("acme", LOGIN).unwrap();
    env.hub
        .create_repo(NewRepo { owner: LOGIN.into(), name: "hello".into(), private: true, description: None })
        .unwrap();
    env.store("kept", &env.classic(&["repo", "read:org"]), &env.host().key(), None);
    let owners = env.jeton.owners(None, LOGIN).await.unwrap();
    assert!(owners.from_github);
    let got: Vec<(&str, bool)> = owners.owners.iter().map(|o| (o.login.as_str(), o.organization)).collect();
    assert_eq!(got, [(LOGIN, false), ("acme", true)]);
    let repos = env.jeton.repositories(None, LOGIN).await.unwrap();
    assert!(repos.iter().any(|r| r.full_name == "octocat/hello" && r.private), "{repos:?}");

    // The page is refused before GitHub for an owner that is not the account's, and
    // for an organization permission on the user's own token.
    let stranger = env.jeton.creation_page(&fine("x", Some("nobody"), &[], None), today(), Lang::En).await;
    assert_eq!(stranger.unwrap_err().code(), "request_owner_unknown");
    let wrong = fine("x", None, &[("members", Level::Read)], None);
    assert_eq!(
        env.jeton.creation_page(&wrong, today(), Lang::En).await.unwrap_err().code(),
        "request_permission_wrong_owner"
    );
    let org = fine("x", Some("acme"), &[("members", Level::Read)], None);
    assert!(env.jeton.creation_page(&org, today(), Lang::En).await.unwrap().url.contains("target_name=acme"));
    let taken = fine("kept", None, &[], None);
    assert_eq!(env.jeton.creation_page(&taken, today(), Lang::En).await.unwrap_err().code(), "name_taken");
}

#[tokio::test]
async fn the_wrong_kind_or_account_is_refused_and_nothing_is_stored() {
    let env = env().await;
    env.hub.create_user(NewUser { login: "hubot".into(), ..Default::default() }).unwrap();
    let asked = fine("deploy", None, &[("contents", Level::Write)], Some(Expiry::Days(30)));
    let classic = Secret::new(env.classic(&["repo"]));
    let e = env.jeton.finish_creation(&asked, &classic, Lang::En).await.unwrap_err();
    assert_eq!(e.code(), "token_wrong_kind");
    let theirs = Secret::new(env.mint(NewToken::new("hubot", TokenKind::FineGrained).expires_in(Duration::days(30))));
    let e = env.jeton.finish_creation(&asked, &theirs, Lang::Fr).await.unwrap_err();
    assert_eq!(e.code(), "token_wrong_account");
    assert!(e.message(Lang::Fr).contains("hubot"));
    let malformed = Secret::new("github_pat_short");
    assert_eq!(env.jeton.finish_creation(&asked, &malformed, Lang::En).await.unwrap_err().code(), "token_malformed");
    assert!(env.jeton.vault.list().unwrap().is_empty(), "nothing stored half-way");
}

#[tokio::test]
async fn a_token_taken_back_is_stored_with_its_request_and_renewed_alike() {
    let env = env().await;
    let asked = fine("deploy", None, &[("contents", Level::Write)], Some(Expiry::Days(90)));
    let minted = env.mint(
        NewToken::new(LOGIN, TokenKind::FineGrained)
            .name("deploy")
            .permission("contents", "write")
            .expires_in(Duration::days(90)),
    );
    let done = env.jeton.finish_creation(&asked, &Secret::new(minted.clone()), Lang::En).await.unwrap();
    assert!(done.findings.is_empty(), "{:?}", done.findings);
    let view = &done.token;
    assert_eq!((view.name.as_deref(), view.login.as_deref()), (Some("deploy"), Some(LOGIN)));
    let permissions: Vec<(String, String)> = view.permissions.clone().unwrap().into_iter().collect();
    assert_eq!(permissions, [("contents".into(), "write".into()), ("metadata".into(), "read".into())]);
    let id = view.id.clone().unwrap();
    let stored = env.jeton.vault.find(&id).unwrap();
    assert_eq!(env.jeton.vault.secret(&stored).unwrap().expose(), minted);
    assert_eq!(stored.request.as_ref().map(|r| &r.request), Some(&asked.request));

    // Renewing pre-fills the same request, named with today's date, replacing it.
    let renewal = env.jeton.renewal(&id, today()).unwrap();
    assert_eq!(renewal.renews.as_deref(), Some(id.as_str()));
    assert_eq!(renewal.name(), format!("deploy ({})", today().format("%Y-%m-%d")));
    assert_eq!((renewal.expires, renewal.repositories.clone()), (Some(Expiry::Days(90)), vec!["octocat/hello".into()]));
    // A policy shortened the new one to 30 days.
    let shorter = env.mint(NewToken::new(LOGIN, TokenKind::FineGrained).expires_in(Duration::days(30)));
    let done = env.jeton.finish_creation(&renewal, &Secret::new(shorter), Lang::En).await.unwrap();
    let kinds: Vec<FindingKind> = done.findings.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [FindingKind::ExpiryShorter]);
    let new = env.jeton.vault.find(done.token.id.as_deref().unwrap()).unwrap();
    assert_eq!(new.predecessor.as_deref(), Some(id.as_str()));
}

#[tokio::test]
async fn a_classic_token_with_other_scopes_is_stored_with_them_named() {
    let env = env().await;
    let asked = Creation {
        request: TokenRequest::Classic(ClassicRequest {
            note: "gh".into(),
            scopes: vec!["repo".into(), "gist".into()],
        }),
        expires: Some(Expiry::Days(30)),
        ..fine("unused", None, &[], None)
    };
    let token = Secret::new(env.mint(NewToken::classic(LOGIN, &["repo", "workflow"]).expires_in(Duration::days(30))));
    let done = env.jeton.finish_creation(&asked, &token, Lang::En).await.unwrap();
    let got: Vec<(FindingKind, bool)> =
        done.findings.iter().map(|f| (f.kind, f.message.contains("gist") || f.message.contains("workflow"))).collect();
    assert_eq!(got, [(FindingKind::ScopesMissing, true), (FindingKind::ScopesExtra, true)]);
    assert_eq!(done.token.scopes.as_deref(), Some(&["repo".to_owned(), "workflow".to_owned()][..]));
}
