//! The GitHub App endpoints: `GET /app`, `GET /app/installations`,
//! `GET /app/installations/{id}` and `POST /app/installations/{id}/access_tokens`
//! (authenticated with the app's JWT), and `GET /installation/repositories` (with an
//! installation token). Shapes: `integration`, `installation`, `installation-token`.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{json, Value};

use super::render::{self, node_id, ts};
use super::serve::{finish, DOCS};
use super::user::paged;
use super::{auth, serve, Ctx, Endpoint, Principal, Reply};
use crate::apps::{self, App, Installation};
use crate::state::{BucketKey, Store};

const APP_DOCS: &str = "https://docs.github.com/rest/apps/apps#get-the-authenticated-app";
const TOKEN_DOCS: &str = "https://docs.github.com/rest/apps/apps#create-an-installation-access-token-for-an-app";
const NOT_GRANTED: &str = "The permissions requested are not granted to this installation.";
const NOT_ACCESSIBLE: &str =
    "There is at least one repository that does not exist or is not accessible to the parent installation.";

fn endpoint(docs: &'static str) -> Endpoint {
    Endpoint { auth_required: true, counts: true, accepted_scopes: "", user_only: false, docs }
}

/// Runs a request that must carry the app's JWT: 401 with GitHub's message when it
/// does not verify; the `Date` header follows the hub's clock (see `AppStore`).
fn serve_app(ctx: &Ctx, docs: &'static str, handler: impl FnOnce(&mut Store, &App, &Ctx) -> Reply) -> Response {
    let mut store = ctx.shared.lock();
    let date = store.apps.now().format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    let ep = endpoint(docs);
    let (reply, key) = match auth::token_of(&ctx.headers) {
        None if !ctx.headers.contains_key("authorization") => {
            (Reply::error(StatusCode::UNAUTHORIZED, "Requires authentication", docs), BucketKey::Anonymous)
        }
        None => (Reply::error(StatusCode::UNAUTHORIZED, apps::UNDECODABLE, DOCS), BucketKey::Anonymous),
        Some(jwt) => match store.verify_jwt(&jwt) {
            Err(message) => (Reply::error(StatusCode::UNAUTHORIZED, message, DOCS), BucketKey::Anonymous),
            Ok(app) => (handler(&mut store, &app, ctx), BucketKey::User(app.bot_user_id)),
        },
    };
    let now = chrono::Utc::now().timestamp();
    let bucket = store.bucket(key);
    bucket.consume(now);
    let snap = bucket.snapshot();
    finish(reply.header("date", date), snap, &Principal::Anonymous, &ep)
}

fn permissions_json(p: &BTreeMap<String, String>) -> Value {
    json!(p)
}

/// `integration`.
fn integration(ctx: &Ctx, store: &Store, app: &App) -> Value {
    let count = store.apps.installations.iter().filter(|i| i.app_id == app.id).count();
    json!({
        "id": app.id,
        "slug": app.slug,
        "node_id": node_id("Integration", app.id),
        "client_id": app.client_id,
        "owner": render::simple_owner(ctx, &app.owner_login, app.owner_id, app.owner_is_org),
        "name": app.name,
        "description": app.description,
        "external_url": format!("https://example.com/{}", app.slug),
        "html_url": format!("{}/apps/{}", ctx.web_base, app.slug),
        "created_at": ts(app.created_at),
        "updated_at": ts(app.created_at),
        "permissions": permissions_json(&app.permissions),
        "events": [],
        "installations_count": count,
    })
}

/// `installation`.
fn installation(ctx: &Ctx, app: &App, inst: &Installation) -> Value {
    let api = &ctx.api_base;
    let (target_type, settings) = if inst.account_is_org {
        (
            "Organization",
            format!("{}/organizations/{}/settings/installations/{}", ctx.web_base, inst.account_login, inst.id),
        )
    } else {
        ("User", format!("{}/settings/installations/{}", ctx.web_base, inst.id))
    };
    json!({
        "id": inst.id,
        "client_id": app.client_id,
        "account": render::simple_owner(ctx, &inst.account_login, inst.account_id, inst.account_is_org),
        "repository_selection": if inst.repositories.is_some() { "selected" } else { "all" },
        "access_tokens_url": format!("{api}/app/installations/{}/access_tokens", inst.id),
        "repositories_url": format!("{api}/installation/repositories"),
        "html_url": settings,
        "app_id": app.id,
        "app_slug": app.slug,
        "target_id": inst.account_id,
        "target_type": target_type,
        "permissions": permissions_json(&inst.permissions),
        "events": [],
        "created_at": ts(inst.created_at),
        "updated_at": ts(inst.created_at),
        "single_file_name": null,
        "has_multiple_single_files": false,
        "single_file_paths": [],
        "suspended_by": null,
        "suspended_at": null,
    })
}

pub(crate) async fn get_app(ctx: Ctx) -> Response {
    serve_app(&ctx, APP_DOCS, |store, app, ctx| Reply::ok(integration(ctx, store, app)))
}

pub(crate) async fn list_installations(ctx: Ctx) -> Response {
    let docs = "https://docs.github.com/rest/apps/apps#list-installations-for-the-authenticated-app";
    serve_app(&ctx, docs, |store, app, ctx| {
        let items = store.apps.installations.iter().filter(|i| i.app_id == app.id).map(|i| installation(ctx, app, i));
        paged(ctx, items.collect())
    })
}

fn not_found(docs: &str) -> Reply {
    Reply::error(StatusCode::NOT_FOUND, "Not Found", docs)
}

fn own_installation(store: &Store, app: &App, id: u64) -> Option<Installation> {
    store.apps.installations.iter().find(|i| i.id == id && i.app_id == app.id).cloned()
}

pub(crate) async fn get_installation(Path(id): Path<u64>, ctx: Ctx) -> Response {
    let docs = "https://docs.github.com/rest/apps/apps#get-an-installation-for-the-authenticated-app";
    serve_app(&ctx, docs, |store, app, ctx| match own_installation(store, app, id) {
        Some(inst) => Reply::ok(installation(ctx, app, &inst)),
        None => not_found(docs),
    })
}

fn unprocessable(message: &str) -> Reply {
    Reply::error(StatusCode::UNPROCESSABLE_ENTITY, message, TOKEN_DOCS)
}

/// The repository ids a mint request names, each checked against the installation.
fn requested_repos(store: &Store, inst: &Installation, body: &Value) -> Result<Option<Vec<u64>>, Reply> {
    let reachable = store.installation_repos(inst);
    let mut ids = Vec::new();
    let names = body.get("repositories").and_then(Value::as_array);
    let by_id = body.get("repository_ids").and_then(Value::as_array);
    if names.is_none() && by_id.is_none() {
        return Ok(None);
    }
    for name in names.into_iter().flatten() {
        let name =
            name.as_str().ok_or_else(|| unprocessable("Invalid request.\n\nFor 'items', it is not a string."))?;
        let repo = store.repos.iter().find(|r| r.owner_id == inst.account_id && r.name.eq_ignore_ascii_case(name));
        ids.push(repo.map(|r| r.id).filter(|id| reachable.contains(id)).ok_or_else(|| unprocessable(NOT_ACCESSIBLE))?);
    }
    for id in by_id.into_iter().flatten() {
        let id = id.as_u64().filter(|id| reachable.contains(id)).ok_or_else(|| unprocessable(NOT_ACCESSIBLE))?;
        ids.push(id);
    }
    if ids.len() > 500 {
        return Err(unprocessable("Invalid request.\n\nNo more than 500 repositories may be specified."));
    }
    ids.sort_unstable();
    ids.dedup();
    Ok(Some(ids))
}

pub(crate) async fn create_token(Path(id): Path<u64>, ctx: Ctx, body: Bytes) -> Response {
    serve_app(&ctx, TOKEN_DOCS, |store, app, ctx| {
        let Some(inst) = own_installation(store, app, id) else {
            return not_found(TOKEN_DOCS);
        };
        let body: Value = if body.iter().all(u8::is_ascii_whitespace) {
            json!({})
        } else {
            match serde_json::from_slice(&body) {
                Ok(v @ Value::Object(_)) => v,
                _ => return Reply::error(StatusCode::BAD_REQUEST, "Problems parsing JSON", TOKEN_DOCS),
            }
        };
        let repos = match requested_repos(store, &inst, &body) {
            Ok(r) => r,
            Err(reply) => return reply,
        };
        let permissions = match body.get("permissions") {
            None | Some(Value::Null) => inst.permissions.clone(),
            Some(v) => match serde_json::from_value::<BTreeMap<String, String>>(v.clone()) {
                Ok(asked) if apps::within(&asked, &inst.permissions) => asked,
                _ => return unprocessable(NOT_GRANTED),
            },
        };
        let record = store.mint_installation_token(&inst, app.bot_user_id, repos.clone(), permissions.clone());
        let selection = if repos.is_some() || inst.repositories.is_some() { "selected" } else { "all" };
        let mut v = json!({
            "token": record.token,
            "expires_at": record.expires_at.map(ts),
            "permissions": permissions_json(&permissions),
            "repository_selection": selection,
        });
        if let Some(ids) = repos {
            let list: Vec<Value> =
                store.repos.iter().filter(|r| ids.contains(&r.id)).map(|r| render::repo(ctx, r, false)).collect();
            v["repositories"] = Value::Array(list);
        }
        let mut reply = Reply::ok(v);
        reply.status = StatusCode::CREATED;
        reply.etag = false;
        reply
    })
}

pub(crate) async fn installation_repositories(ctx: Ctx) -> Response {
    let docs = "https://docs.github.com/rest/apps/installations#list-repositories-accessible-to-the-app-installation";
    serve(&ctx, &endpoint(docs), |store, principal, ctx| {
        let minted = principal.token().and_then(|t| store.apps.minted.get(&t.token).cloned());
        let Some(minted) = minted else {
            return Reply::error(StatusCode::FORBIDDEN, "Resource not accessible by integration", docs);
        };
        let Some(inst) = store.apps.installations.iter().find(|i| i.id == minted.installation_id).cloned() else {
            return not_found(docs);
        };
        let ids = minted.repositories.clone().unwrap_or_else(|| store.installation_repos(&inst));
        let all: Vec<Value> =
            store.repos.iter().filter(|r| ids.contains(&r.id)).map(|r| render::repo(ctx, r, false)).collect();
        let total = all.len();
        let page = super::page::Page::of(ctx);
        let link = page.link(ctx, total);
        let selection = if minted.repositories.is_some() || inst.repositories.is_some() { "selected" } else { "all" };
        let reply = Reply::ok(json!({
            "total_count": total,
            "repositories": page.slice(&all),
            "repository_selection": selection,
        }));
        match link {
            Some(link) => reply.header("link", link),
            None => reply,
        }
    })
}
