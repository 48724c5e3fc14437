//! An org's review of fine-grained tokens, for GitHub Apps only (an installation token
//! of an app installed on the org): `GET|POST /orgs/{org}/personal-access-token-requests`,
//! `POST …/personal-access-token-requests/{id}`, `GET …/{id}/repositories`, and
//! `GET|POST /orgs/{org}/personal-access-tokens`, `POST …/personal-access-tokens/{id}`.
//! Reading needs the permission at `read`, reviewing and revoking at `write`:
//! `organization_personal_access_token_requests` for requests,
//! `organization_personal_access_tokens` for grants. Shapes:
//! `organization-programmatic-access-grant-request` and
//! `organization-programmatic-access-grant`. See docs/github.md, "Organization review".

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::Utc;
use serde_json::{json, Value};

use super::page::query_param;
use super::render::{self, ts};
use super::user::paged;
use super::{serve, Ctx, Endpoint, Principal, Reply};
use crate::org_pats::{RequestState, ReviewError};
use crate::state::{Org, Store, TokenRecord};
use crate::tokens::TokenKind;

const REQUESTS: &str = "organization_personal_access_token_requests";
const GRANTS: &str = "organization_personal_access_tokens";
const LIST_REQUESTS_DOCS: &str = "https://docs.github.com/rest/orgs/personal-access-tokens#list-requests-to-access-organization-resources-with-fine-grained-personal-access-tokens";
const REVIEW_DOCS: &str = "https://docs.github.com/rest/orgs/personal-access-tokens#review-a-request-to-access-organization-resources-with-a-fine-grained-personal-access-token";
const REVIEW_MANY_DOCS: &str = "https://docs.github.com/rest/orgs/personal-access-tokens#review-requests-to-access-organization-resources-with-fine-grained-personal-access-tokens";
const LIST_GRANTS_DOCS: &str = "https://docs.github.com/rest/orgs/personal-access-tokens#list-fine-grained-personal-access-tokens-with-access-to-organization-resources";
const REVOKE_DOCS: &str = "https://docs.github.com/rest/orgs/personal-access-tokens#update-the-access-a-fine-grained-personal-access-token-has-to-organization-resources";
const REVOKE_MANY_DOCS: &str = "https://docs.github.com/rest/orgs/personal-access-tokens#update-the-access-to-organization-resources-via-fine-grained-personal-access-tokens";
const REPOS_DOCS: &str = "https://docs.github.com/rest/orgs/personal-access-tokens#list-repositories-requested-to-be-accessed-by-a-fine-grained-personal-access-token";

fn endpoint(docs: &'static str) -> Endpoint {
    Endpoint { auth_required: true, counts: true, accepted_scopes: "", user_only: false, docs }
}

fn not_found(docs: &str) -> Reply {
    Reply::error(StatusCode::NOT_FOUND, "Not Found", docs)
}

fn invalid(message: &str, docs: &str) -> Reply {
    Reply::error(StatusCode::UNPROCESSABLE_ENTITY, message, docs)
}

/// The org, when the caller is an installation on it whose token has `permission` at
/// `level` or more; otherwise GitHub's 404 or 403.
fn authorize(
    store: &Store,
    principal: &Principal,
    org: &str,
    permission: &str,
    level: &str,
    docs: &str,
) -> Result<Org, Reply> {
    let org = store.org_by_login(org).cloned().ok_or_else(|| not_found(docs))?;
    let token = principal.token().ok_or_else(|| not_found(docs))?;
    if token.kind != TokenKind::AppInstallation {
        return Err(Reply::error(StatusCode::FORBIDDEN, "Resource not accessible by personal access token", docs));
    }
    let inst = store
        .apps
        .minted
        .get(&token.token)
        .and_then(|m| store.apps.installations.iter().find(|i| i.id == m.installation_id));
    let on_org = inst.is_some_and(|i| i.account_id == org.id);
    let wanted = BTreeMap::from([(permission.to_owned(), level.to_owned())]);
    if !on_org || !crate::apps::within(&wanted, &token.permissions) {
        return Err(Reply::error(StatusCode::FORBIDDEN, "Resource not accessible by integration", docs));
    }
    Ok(org)
}

/// A token's permissions by GitHub's sections: `organization`, `repository`, `other`.
fn sections(rec: Option<&TokenRecord>) -> Value {
    let mut out = json!({"organization": {}, "repository": {}, "other": {}});
    for (key, level) in rec.map(|r| &r.permissions).into_iter().flatten() {
        let section = match crate::web::catalogue::permission(key).map(|p| p.section.as_str()) {
            Some("organization") => "organization",
            Some("repository") => "repository",
            _ => "other",
        };
        out[section][key] = json!(level);
    }
    out
}

fn selection(rec: Option<&TokenRecord>) -> &'static str {
    match rec.and_then(|r| r.repository_access.as_ref()) {
        Some(crate::input::RepositoryAccess::Public) => "none",
        Some(crate::input::RepositoryAccess::Selected(_)) => "subset",
        _ => "all",
    }
}

/// What both shapes say of the token behind a request or a grant.
fn token_fields(ctx: &Ctx, store: &Store, token: &str, token_id: u64) -> Value {
    let rec = store.tokens.get(token);
    let user = rec.and_then(|r| store.user_by_id(r.user_id));
    let owner = user.map(|u| render::simple_owner(ctx, &u.login, u.id, false)).unwrap_or(Value::Null);
    let expires = rec.and_then(|r| r.expires_at);
    json!({
        "owner": owner,
        "repository_selection": selection(rec),
        "permissions": sections(rec),
        "token_id": token_id,
        "token_name": rec.and_then(|r| r.name.clone()).unwrap_or_default(),
        "token_expired": expires.is_some_and(|e| e <= Utc::now()),
        "token_expires_at": expires.map(ts),
        "token_last_used_at": store.org_pats.last_used.get(token).copied().map(ts),
    })
}

fn merge(mut base: Value, extra: Value) -> Value {
    if let (Some(b), Value::Object(e)) = (base.as_object_mut(), extra) {
        b.extend(e);
    }
    base
}

/// `direction` (`desc` by default): newest first.
fn ordered<T>(ctx: &Ctx, mut items: Vec<T>, at: impl Fn(&T) -> (chrono::DateTime<Utc>, u64)) -> Vec<T> {
    items.sort_by_key(|i| at(i));
    if query_param(ctx, "direction").as_deref() != Some("asc") {
        items.reverse();
    }
    items
}

pub(crate) async fn list_requests(Path(org): Path<String>, ctx: Ctx) -> Response {
    serve(&ctx, &endpoint(LIST_REQUESTS_DOCS), |store, principal, ctx| {
        let org = match authorize(store, principal, &org, REQUESTS, "read", LIST_REQUESTS_DOCS) {
            Ok(o) => o,
            Err(reply) => return reply,
        };
        let pending: Vec<_> = store
            .org_pats
            .requests
            .iter()
            .filter(|r| r.org_id == org.id && r.state == RequestState::Pending)
            .cloned()
            .collect();
        let items = ordered(ctx, pending, |r| (r.created_at, r.id))
            .iter()
            .map(|r| {
                let url = format!(
                    "{}/organizations/{}/personal-access-token-requests/{}/repositories",
                    ctx.api_base, org.id, r.id
                );
                let head =
                    json!({"id": r.id, "reason": r.reason, "repositories_url": url, "created_at": ts(r.created_at)});
                merge(head, token_fields(ctx, store, &r.token, r.token_id))
            })
            .collect();
        paged(ctx, items)
    })
}

pub(crate) async fn list_grants(Path(org): Path<String>, ctx: Ctx) -> Response {
    serve(&ctx, &endpoint(LIST_GRANTS_DOCS), |store, principal, ctx| {
        let org = match authorize(store, principal, &org, GRANTS, "read", LIST_GRANTS_DOCS) {
            Ok(o) => o,
            Err(reply) => return reply,
        };
        let live: Vec<_> = store.org_pats.grants.iter().filter(|g| g.org_id == org.id && !g.revoked).cloned().collect();
        let items = ordered(ctx, live, |g| (g.granted_at, g.id))
            .iter()
            .map(|g| {
                let url =
                    format!("{}/organizations/{}/personal-access-tokens/{}/repositories", ctx.api_base, org.id, g.id);
                let head = json!({"id": g.id, "repositories_url": url, "access_granted_at": ts(g.granted_at)});
                merge(head, token_fields(ctx, store, &g.token, g.token_id))
            })
            .collect();
        paged(ctx, items)
    })
}

/// The JSON object of a request body, or GitHub's 400.
fn body_object(body: &[u8], docs: &str) -> Result<Value, Reply> {
    match serde_json::from_slice(body) {
        Ok(v @ Value::Object(_)) => Ok(v),
        _ => Err(Reply::error(StatusCode::BAD_REQUEST, "Problems parsing JSON", docs)),
    }
}

/// `action`, one of `allowed`.
fn action(body: &Value, allowed: &[&str], docs: &str) -> Result<String, Reply> {
    match body.get("action") {
        None => Err(invalid("Invalid request.\n\n\"action\" wasn't supplied.", docs)),
        Some(Value::String(a)) if allowed.contains(&a.as_str()) => Ok(a.clone()),
        Some(other) => {
            let list = allowed.iter().map(|a| format!("\"{a}\"")).collect::<Vec<_>>().join(", ");
            Err(invalid(&format!("Invalid request.\n\nFor 'properties/action', {other} is not one of [{list}]."), docs))
        }
    }
}

/// `reason`: a string of at most 1,024 characters, or null.
fn reason_ok(body: &Value, docs: &str) -> Result<(), Reply> {
    match body.get("reason") {
        None | Some(Value::Null) => Ok(()),
        Some(Value::String(s)) if s.chars().count() <= 1024 => Ok(()),
        Some(Value::String(_)) => Err(invalid(
            "Invalid request.\n\nFor 'properties/reason', the value is too long (maximum is 1024 characters).",
            docs,
        )),
        Some(other) => {
            Err(invalid(&format!("Invalid request.\n\nFor 'properties/reason', {other} is not a string."), docs))
        }
    }
}

/// `key`: 1 to 100 integers.
fn id_list(body: &Value, key: &str, docs: &str) -> Result<Vec<u64>, Reply> {
    let ids: Option<Vec<u64>> =
        body.get(key).and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_u64).collect());
    let len = body.get(key).and_then(Value::as_array).map_or(0, Vec::len);
    match ids {
        Some(ids) if !ids.is_empty() && ids.len() == len && ids.len() <= 100 => Ok(ids),
        _ => {
            Err(invalid(&format!("Invalid request.\n\nFor 'properties/{key}', 1 to 100 integers are required."), docs))
        }
    }
}

fn no_content() -> Reply {
    let mut r = Reply::ok(Value::Null);
    (r.status, r.body, r.etag) = (StatusCode::NO_CONTENT, String::new(), false);
    r
}

fn accepted() -> Reply {
    let mut r = Reply::ok(json!({}));
    (r.status, r.etag) = (StatusCode::ACCEPTED, false);
    r
}

/// Approves or denies `ids` (one, from the path, or many): 404 for a request this org
/// never had, 422 for one already reviewed (by another owner); all or none. GitHub
/// documents both statuses without saying which case gives which (docs/github.md).
fn review(store: &mut Store, org: &Org, body: &Value, ids: &[u64], docs: &str, single: bool) -> Reply {
    if let Err(r) = reason_ok(body, docs) {
        return r;
    }
    let approve = match action(body, &["approve", "deny"], docs) {
        Ok(a) => a == "approve",
        Err(r) => return r,
    };
    match store.review_requests(org.id, ids, approve) {
        Ok(()) if single => no_content(),
        Ok(()) => accepted(),
        Err((_, ReviewError::Unknown)) => not_found(docs),
        Err((id, ReviewError::AlreadyReviewed)) => {
            invalid(&format!("Invalid request.\n\nThe request {id} was already reviewed."), docs)
        }
    }
}

/// Runs `f` once the caller is authorized and the body is an object.
fn with_body(
    store: &mut Store,
    principal: &Principal,
    org: &str,
    perm: &str,
    docs: &str,
    body: &[u8],
    f: impl FnOnce(&mut Store, &Org, &Value) -> Reply,
) -> Reply {
    let org = match authorize(store, principal, org, perm, "write", docs) {
        Ok(o) => o,
        Err(r) => return r,
    };
    match body_object(body, docs) {
        Ok(v) => f(store, &org, &v),
        Err(r) => r,
    }
}

/// GitHub sends no content type with a 204.
fn bare(mut resp: Response) -> Response {
    if resp.status() == StatusCode::NO_CONTENT {
        resp.headers_mut().remove("content-type");
    }
    resp
}

pub(crate) async fn review_one(Path((org, id)): Path<(String, u64)>, ctx: Ctx, body: Bytes) -> Response {
    bare(serve(&ctx, &endpoint(REVIEW_DOCS), |store, principal, _| {
        with_body(store, principal, &org, REQUESTS, REVIEW_DOCS, &body, |store, org, v| {
            review(store, org, v, &[id], REVIEW_DOCS, true)
        })
    }))
}

pub(crate) async fn review_many(Path(org): Path<String>, ctx: Ctx, body: Bytes) -> Response {
    serve(&ctx, &endpoint(REVIEW_MANY_DOCS), |store, principal, _| {
        with_body(store, principal, &org, REQUESTS, REVIEW_MANY_DOCS, &body, |store, org, v| {
            match id_list(v, "pat_request_ids", REVIEW_MANY_DOCS) {
                Ok(ids) => review(store, org, v, &ids, REVIEW_MANY_DOCS, false),
                Err(r) => r,
            }
        })
    })
}

fn revoke(store: &mut Store, org: &Org, body: &Value, ids: &[u64], docs: &str, single: bool) -> Reply {
    if let Err(r) = action(body, &["revoke"], docs) {
        return r;
    }
    match store.org_pats.revoke(org.id, ids) {
        Ok(()) if single => no_content(),
        Ok(()) => accepted(),
        Err(_) if single => not_found(docs),
        Err(id) => invalid(&format!("Invalid request.\n\nNo access {id} to revoke."), docs),
    }
}

pub(crate) async fn revoke_one(Path((org, id)): Path<(String, u64)>, ctx: Ctx, body: Bytes) -> Response {
    bare(serve(&ctx, &endpoint(REVOKE_DOCS), |store, principal, _| {
        with_body(store, principal, &org, GRANTS, REVOKE_DOCS, &body, |store, org, v| {
            revoke(store, org, v, &[id], REVOKE_DOCS, true)
        })
    }))
}

pub(crate) async fn revoke_many(Path(org): Path<String>, ctx: Ctx, body: Bytes) -> Response {
    serve(&ctx, &endpoint(REVOKE_MANY_DOCS), |store, principal, _| {
        with_body(store, principal, &org, GRANTS, REVOKE_MANY_DOCS, &body, |store, org, v| {
            match id_list(v, "pat_ids", REVOKE_MANY_DOCS) {
                Ok(ids) => revoke(store, org, v, &ids, REVOKE_MANY_DOCS, false),
                Err(r) => r,
            }
        })
    })
}

/// `GET /organizations/{org_id}/personal-access-token-requests/{id}/repositories`, the
/// `repositories_url` of a request: the repositories it asks for (a `subset` only).
pub(crate) async fn request_repositories(Path((org_id, id)): Path<(u64, u64)>, ctx: Ctx) -> Response {
    serve(&ctx, &endpoint(REPOS_DOCS), |store, principal, ctx| {
        let Some(login) = store.orgs.iter().find(|o| o.id == org_id).map(|o| o.login.clone()) else {
            return not_found(REPOS_DOCS);
        };
        let org = match authorize(store, principal, &login, REQUESTS, "read", REPOS_DOCS) {
            Ok(o) => o,
            Err(r) => return r,
        };
        let Some(req) = store.org_pats.requests.iter().find(|r| r.id == id && r.org_id == org.id) else {
            return not_found(REPOS_DOCS);
        };
        let names = match store.tokens.get(&req.token).and_then(|t| t.repository_access.clone()) {
            Some(crate::input::RepositoryAccess::Selected(names)) => names,
            _ => Vec::new(),
        };
        let named = |full: &str| names.iter().any(|n| n.eq_ignore_ascii_case(full));
        let items = store
            .repos
            .iter()
            .filter(|r| r.owner_id == org.id && named(&format!("{}/{}", r.owner_login, r.name)))
            .map(|r| render::repo(ctx, r, false))
            .collect();
        paged(ctx, items)
    })
}
