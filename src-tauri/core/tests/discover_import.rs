//! Found tokens against fakehub: checked without being stored, imported (named after
//! the account and the place), marked as already in Jeton by fingerprint, refused
//! when GitHub refuses them; their plain-text copy removed only once stored, with a
//! backup, and never from the environment.

mod client_common;

use std::fs;

use client_common::{env, LOGIN};
use jeton_core::discover::{Places, SourceKind};
use jeton_core::i18n::Lang;
use jeton_core::model::TokenStatus;

fn places(dir: &std::path::Path, env: &[(&str, &str)]) -> Places {
    Places {
        git_credentials: vec![dir.join(".git-credentials")],
        gh_config_dir: Some(dir.join("gh")),
        env: env.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
        gh_keyring: None,
    }
}

#[tokio::test]
async fn a_found_token_is_checked_imported_and_its_line_removed_with_a_backup() {
    let env = env().await;
    let home = tempfile::tempdir().unwrap();
    let token = env.classic(&["repo"]);
    let revoked = env.classic(&[]);
    env.hub.revoke_token(&revoked).unwrap();
    let origin = env.hub.url().trim_end_matches('/').replace("http://", "");
    let file = format!(
        "# before\nhttp://{LOGIN}:{token}@{origin}\r\nhttp://{LOGIN}:{revoked}@{origin}\nhttps://x:y@example.com\n"
    );
    fs::write(home.path().join(".git-credentials"), &file).unwrap();
    let p = places(home.path(), &[("GH_TOKEN", &token)]);

    let found = env.jeton.discover(&p).await.unwrap();
    let ids: Vec<_> = found.iter().map(|f| (f.found.source, f.found.line, f.found.stored_as.clone())).collect();
    assert_eq!(
        ids,
        vec![
            (SourceKind::GitCredentials, Some(2), None),
            (SourceKind::GitCredentials, Some(3), None),
            (SourceKind::Env, None, None)
        ]
    );
    let (line2, line3, var) = (found[0].found.id.clone(), found[1].found.id.clone(), found[2].found.id.clone());

    let checked = env.jeton.check_found(&p, &line2, Lang::En).await.unwrap();
    assert_eq!((checked.login.as_deref(), checked.status), (Some(LOGIN), TokenStatus::Valid));
    assert!(env.jeton.list(Lang::En).unwrap().is_empty(), "checking stores nothing");

    // Removing before the keychain holds it is refused.
    assert_eq!(env.jeton.remove_found(&p, &line2).await.unwrap_err().code(), "found_not_stored");

    let stored = env.jeton.import_found(&p, &line2, Lang::En).await.unwrap();
    assert_eq!(stored.name.as_deref(), Some("octocat · git-credentials"));
    assert_eq!(stored.scopes, Some(vec!["repo".to_owned()]));
    let refused = env.jeton.import_found(&p, &line3, Lang::En).await.unwrap_err();
    assert_eq!(refused.code(), "token_invalid");
    assert_eq!(env.jeton.list(Lang::En).unwrap().len(), 1, "the revoked token is not stored");

    // The same secret in GH_TOKEN is now known by its fingerprint.
    let again = env.jeton.discover(&p).await.unwrap();
    let stored_as: Vec<_> = again.iter().map(|f| f.found.stored_as.as_deref()).collect();
    assert_eq!(stored_as, vec![Some("octocat · git-credentials"), None, Some("octocat · git-credentials")]);
    assert_eq!(env.jeton.import_found(&p, &var, Lang::En).await.unwrap_err().code(), "token_duplicate");
    assert_eq!(env.jeton.remove_found(&p, &var).await.unwrap_err().code(), "found_not_removable");

    let removed = env.jeton.remove_found(&p, &line2).await.unwrap();
    let after = fs::read_to_string(home.path().join(".git-credentials")).unwrap();
    assert_eq!(after, format!("# before\nhttp://{LOGIN}:{revoked}@{origin}\nhttps://x:y@example.com\n"));
    assert_eq!(fs::read_to_string(&removed.backup).unwrap(), file);
    // The line numbers moved: the old id names nothing now.
    assert_eq!(env.jeton.remove_found(&p, &line2).await.unwrap_err().code(), "found_not_stored");
}

#[tokio::test]
async fn gh_hosts_tokens_are_imported_and_their_key_removed_keeping_the_rest() {
    let env = env().await;
    let home = tempfile::tempdir().unwrap();
    fs::create_dir(home.path().join("gh")).unwrap();
    let token = env.mint(fakehub::NewToken::new(LOGIN, fakehub::TokenKind::Oauth).scopes(&["repo", "read:org"]));
    let yml = format!(
        "github.com:\n    user: {LOGIN}\n    oauth_token: {token}\n    git_protocol: https\n    users:\n        {LOGIN}:\n            oauth_token: {token}\n"
    );
    fs::write(home.path().join("gh/hosts.yml"), &yml).unwrap();
    let p = places(home.path(), &[]);
    let found = env.jeton.discover(&p).await.unwrap();
    assert_eq!(found.len(), 2, "the host-level and the account-level copy");
    let stored = env.jeton.import_found(&p, &found[0].found.id, Lang::En).await.unwrap();
    assert_eq!(stored.name.as_deref(), Some("octocat · gh hosts.yml"));
    let removed = env.jeton.remove_found(&p, &found[1].found.id).await.unwrap();
    assert_eq!(removed.line, 7);
    env.jeton.remove_found(&p, &found[0].found.id).await.unwrap();
    let after = fs::read_to_string(home.path().join("gh/hosts.yml")).unwrap();
    assert_eq!(
        after,
        format!("github.com:\n    user: {LOGIN}\n    git_protocol: https\n    users:\n        {LOGIN}:\n")
    );
    assert!(env.jeton.discover(&p).await.unwrap().is_empty());
}

#[tokio::test]
async fn an_enterprise_token_without_gh_host_is_sent_nowhere() {
    let env = env().await;
    let token = env.classic(&["repo"]);
    let p = places(std::path::Path::new("/nonexistent"), &[("GH_ENTERPRISE_TOKEN", &token)]);
    let found = env.jeton.discover(&p).await.unwrap();
    let id = found[0].found.id.clone();
    assert_eq!(env.jeton.check_found(&p, &id, Lang::En).await.unwrap_err().code(), "found_no_host");
    assert_eq!(env.jeton.import_found(&p, &id, Lang::En).await.unwrap_err().code(), "found_no_host");
    assert_eq!(env.hub.stats().total, 0, "no request reached any host");
}
