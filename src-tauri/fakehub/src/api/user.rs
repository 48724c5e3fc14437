//! `GET /user`, `GET /user/orgs`, `GET /user/repos`.

use axum::response::Response;
use serde_json::Value;

use super::orgs::sso_blocked;
use super::page::{query_param, Page};
use super::{render, serve, Ctx, Endpoint, Principal, Reply};
use crate::state::{Org, Repo, Store};

const ORG_SCOPES: &str = "admin:org, read:org, repo, user, write:org";

fn endpoint(accepted_scopes: &'static str, docs: &'static str) -> Endpoint {
    Endpoint { auth_required: true, counts: true, accepted_scopes, user_only: true, docs }
}

pub(crate) async fn get_user(ctx: Ctx) -> Response {
    let ep = endpoint("", "https://docs.github.com/rest/users/users#get-the-authenticated-user");
    serve(&ctx, &ep, |store, principal, ctx| match principal.user() {
        Some(user) => Reply::ok(render::private_user(ctx, store, user)),
        None => unreachable_anonymous(),
    })
}

fn unreachable_anonymous() -> Reply {
    Reply::error(axum::http::StatusCode::UNAUTHORIZED, "Requires authentication", super::serve::DOCS)
}

/// The user's orgs, split into those the token may see and the ids of those it
/// may not (SSO enforced, token not authorized).
fn visible_orgs<'a>(store: &'a Store, principal: &Principal) -> (Vec<&'a Org>, Vec<u64>) {
    let Some(user) = principal.user() else {
        return (Vec::new(), Vec::new());
    };
    let mut orgs = store.orgs_of(user.id);
    orgs.sort_by_key(|o| o.id);
    let blocked: Vec<u64> = orgs.iter().filter(|o| sso_blocked(principal, o)).map(|o| o.id).collect();
    orgs.retain(|o| !blocked.contains(&o.id));
    (orgs, blocked)
}

fn partial(reply: Reply, blocked: &[u64]) -> Reply {
    if blocked.is_empty() {
        return reply;
    }
    let ids: Vec<String> = blocked.iter().map(u64::to_string).collect();
    reply.header("x-github-sso", format!("partial-results; organizations={}", ids.join(",")))
}

/// A page of `items` with its `Link` header.
pub(crate) fn paged(ctx: &Ctx, items: Vec<Value>) -> Reply {
    let page = Page::of(ctx);
    let link = page.link(ctx, items.len());
    let reply = Reply::ok(Value::Array(page.slice(&items)));
    match link {
        Some(link) => reply.header("link", link),
        None => reply,
    }
}

pub(crate) async fn list_orgs(ctx: Ctx) -> Response {
    let ep =
        endpoint(ORG_SCOPES, "https://docs.github.com/rest/orgs/orgs#list-organizations-for-the-authenticated-user");
    serve(&ctx, &ep, |store, principal, ctx| {
        let (orgs, blocked) = visible_orgs(store, principal);
        let items = orgs.iter().map(|o| render::org_simple(ctx, o)).collect();
        partial(paged(ctx, items), &blocked)
    })
}

pub(crate) async fn list_repos(ctx: Ctx) -> Response {
    let ep = endpoint("", "https://docs.github.com/rest/repos/repos#list-repositories-for-the-authenticated-user");
    serve(&ctx, &ep, |store, principal, ctx| {
        let Some(user) = principal.user() else {
            return unreachable_anonymous();
        };
        let (orgs, blocked) = visible_orgs(store, principal);
        let visibility = query_param(ctx, "visibility").unwrap_or_else(|| "all".into());
        let mut repos: Vec<&Repo> = store
            .repos
            .iter()
            .filter(|r| {
                (!r.owner_is_org && r.owner_id == user.id)
                    || (r.owner_is_org && orgs.iter().any(|o| o.id == r.owner_id))
            })
            .filter(|r| match visibility.as_str() {
                "public" => !r.private,
                "private" => r.private,
                _ => true,
            })
            .collect();
        repos.sort_by_key(|r| format!("{}/{}", r.owner_login, r.name).to_lowercase());
        let items = repos.iter().map(|r| render::repo(ctx, r, !r.owner_is_org)).collect();
        partial(paged(ctx, items), &blocked)
    })
}
