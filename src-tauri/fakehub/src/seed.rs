//! The demo data set: two users, an org with SAML SSO, repos, and tokens in every
//! state a token can be in.

use chrono::Duration;
use serde::{Deserialize, Serialize};

use crate::control::Control;
use crate::expiry::ExpiryLayout;
use crate::ops::{AdminError, NewOrg, NewRepo, NewToken, NewUser};
use crate::tokens::TokenKind;

/// One seeded token, as written to `--seed-out` (one JSON object per line).
///
/// `state` is one of `valid`, `expiring` (within days), `expired`, `revoked`
/// (Jeton reports it `invalid`), `sso_required`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeededToken {
    pub name: String,
    pub token: String,
    pub state: String,
}

fn user(login: &str, id: u64, name: &str) -> NewUser {
    NewUser {
        login: login.into(),
        id: Some(id),
        name: Some(name.into()),
        avatar_url: None,
        email: Some(format!("{login}@example.com")),
    }
}

fn repo(owner: &str, name: &str, private: bool) -> NewRepo {
    NewRepo { owner: owner.into(), name: name.into(), private, description: Some(format!("{name} (demo)")) }
}

/// Seeds `octocat` and `hubber`, the org `acme` (SSO enforced, both members),
/// a few repos, and the demo tokens.
pub fn demo(hub: &Control) -> Result<Vec<SeededToken>, AdminError> {
    hub.create_user(user("octocat", 583231, "The Octocat"))?;
    hub.create_user(user("hubber", 9919, "Hubber"))?;
    hub.create_org(NewOrg {
        login: "acme".into(),
        id: Some(21955855),
        name: Some("Acme Corp".into()),
        description: Some("Rockets and anvils".into()),
        sso_enforced: true,
    })?;
    hub.add_member("acme", "octocat")?;
    hub.add_member("acme", "hubber")?;
    for r in [
        repo("octocat", "hello-world", false),
        repo("octocat", "secret-plans", true),
        repo("hubber", "dotfiles", false),
        repo("acme", "rocket", false),
        repo("acme", "launch-codes", true),
    ] {
        hub.create_repo(r)?;
    }

    let mut out = Vec::new();
    let mut add = |name: &str, state: &str, new: NewToken| -> Result<String, AdminError> {
        let token = hub.create_token(new.name(name))?;
        out.push(SeededToken { name: name.into(), token: token.clone(), state: state.into() });
        Ok(token)
    };
    add(
        "laptop-git",
        "valid",
        NewToken::classic("octocat", &["repo", "workflow", "read:org"])
            .expires_in(Duration::days(90))
            .sso_authorized(&["acme"]),
    )?;
    add(
        "ci-deploy",
        "expiring",
        NewToken::new("octocat", TokenKind::FineGrained)
            .permission("contents", "read")
            .permission("metadata", "read")
            .expires_in(Duration::days(2))
            .layout(ExpiryLayout::offset()),
    )?;
    let expired = add("old-script", "expired", NewToken::classic("octocat", &["gist"]).expires_in(Duration::days(30)))?;
    hub.expire_token(&expired)?;
    let revoked =
        add("leaked-token", "revoked", NewToken::classic("octocat", &["repo"]).expires_in(Duration::days(60)))?;
    hub.revoke_token(&revoked)?;
    add("forever", "valid", NewToken::classic("hubber", &["repo", "gist", "user:email"]).sso_authorized(&["acme"]))?;
    add(
        "acme-admin",
        "sso_required",
        NewToken::classic("hubber", &["repo", "admin:org"]).expires_in(Duration::days(30)),
    )?;
    Ok(out)
}
