//! `GET /orgs/{org}` and `GET /orgs/{org}/repos`, with SAML SSO enforcement.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;

use super::user::paged;
use super::{render, serve, Ctx, Endpoint, Principal, Reply};
use crate::state::{Org, Repo};
use crate::tokens::{self, TokenKind};

const SSO_MESSAGE: &str = "Resource protected by organization SAML enforcement. You must grant your personal token access to this organization.";
const SSO_DOCS: &str =
    "https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/";

/// Whether a classic token of a member must first be authorized for this org.
/// Fine-grained tokens are authorized when created, so never.
pub(crate) fn sso_blocked(principal: &Principal, org: &Org) -> bool {
    let Some(token) = principal.token() else {
        return false;
    };
    token.kind == TokenKind::Classic
        && org.sso_enforced
        && org.members.contains(&token.user_id)
        && !token.sso_authorized.iter().any(|o| o.eq_ignore_ascii_case(&org.login))
}

fn sso_required(ctx: &Ctx, org: &Org) -> Reply {
    let request: String = tokens::mint(TokenKind::Classic)[4..].to_string();
    let url = format!("{}/orgs/{}/sso?authorization_request={request}", ctx.web_base, org.login);
    Reply::error(StatusCode::FORBIDDEN, SSO_MESSAGE, SSO_DOCS).header("x-github-sso", format!("required; url={url}"))
}

fn endpoint(accepted_scopes: &'static str, docs: &'static str) -> Endpoint {
    Endpoint { auth_required: false, counts: true, accepted_scopes, user_only: false, docs }
}

fn is_member(principal: &Principal, org: &Org) -> bool {
    principal.user().is_some_and(|u| org.members.contains(&u.id))
}

pub(crate) async fn get_org(Path(login): Path<String>, ctx: Ctx) -> Response {
    let docs = "https://docs.github.com/rest/orgs/orgs#get-an-organization";
    let ep = endpoint("admin:org, read:org, repo, user, write:org", docs);
    serve(&ctx, &ep, |store, principal, ctx| {
        let Some(org) = store.org_by_login(&login) else {
            return Reply::error(StatusCode::NOT_FOUND, "Not Found", docs);
        };
        if sso_blocked(principal, org) {
            return sso_required(ctx, org);
        }
        Reply::ok(render::org_full(ctx, store, org, is_member(principal, org)))
    })
}

pub(crate) async fn list_repos(Path(login): Path<String>, ctx: Ctx) -> Response {
    let docs = "https://docs.github.com/rest/repos/repos#list-organization-repositories";
    serve(&ctx, &endpoint("", docs), |store, principal, ctx| {
        let Some(org) = store.org_by_login(&login) else {
            return Reply::error(StatusCode::NOT_FOUND, "Not Found", docs);
        };
        if sso_blocked(principal, org) {
            return sso_required(ctx, org);
        }
        // A fine-grained token an org reviewed reaches its private repositories only
        // while approved (see `org_pats.rs`).
        let reviewed_out = principal.token().is_some_and(|t| !store.org_pats.reaches(&t.token, org.id));
        let member = is_member(principal, org) && !reviewed_out;
        let mut repos: Vec<&Repo> = store
            .repos
            .iter()
            .filter(|r| r.owner_id == org.id && (member && principal.token().is_some() || !r.private))
            .collect();
        repos.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)));
        let items = repos.iter().map(|r| render::repo(ctx, r, false)).collect();
        paged(ctx, items)
    })
}
