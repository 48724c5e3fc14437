//! `GET /rate_limit`, `POST /credentials/revoke`, and the 404 for unknown routes.

use axum::body::Bytes;
use axum::http::{header, StatusCode};
use axum::response::Response;
use chrono::Utc;
use serde_json::{json, Value};

use super::serve::{finish, limited, DOCS};
use super::{serve, Ctx, Endpoint, Principal, Reply};
use crate::ratelimit::{RateSnapshot, Verdict};
use crate::state::BucketKey;
use crate::tokens;

const REVOKE_DOCS: &str = "https://docs.github.com/rest/credentials/revoke#revoke-a-list-of-credentials";

pub(crate) async fn not_found(ctx: Ctx) -> Response {
    let ep = Endpoint { auth_required: false, counts: true, accepted_scopes: "", user_only: false, docs: DOCS };
    serve(&ctx, &ep, |_, _, _| Reply::error(StatusCode::NOT_FOUND, "Not Found", DOCS))
}

fn fixed(limit: u32, reset: i64) -> Value {
    json!({"limit": limit, "remaining": limit, "used": 0, "reset": reset})
}

pub(crate) async fn rate_limit(ctx: Ctx) -> Response {
    let ep = Endpoint {
        auth_required: false,
        counts: false,
        accepted_scopes: "",
        user_only: false,
        docs: "https://docs.github.com/rest/rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user",
    };
    serve(&ctx, &ep, |store, principal, _| {
        let key = match principal.user() {
            Some(u) => BucketKey::User(u.id),
            None => BucketKey::Anonymous,
        };
        let RateSnapshot { limit, remaining, used, reset } = store.bucket(key).snapshot();
        let core = json!({"limit": limit, "remaining": remaining, "used": used, "reset": reset});
        let authed = principal.user().is_some();
        let minute = Utc::now().timestamp() + 60;
        let (search, graphql, code_search) = if authed { (30, 5000, 10) } else { (10, 0, 10) };
        let mut reply = Reply::ok(json!({
            "resources": {
                "core": core,
                "search": fixed(search, minute),
                "graphql": fixed(graphql, reset),
                "integration_manifest": fixed(5000, reset),
                "source_import": fixed(100, minute),
                "code_scanning_upload": fixed(1000, reset),
                "actions_runner_registration": fixed(10000, reset),
                "scim": fixed(15000, reset),
                "dependency_snapshots": fixed(100, minute),
                "code_search": fixed(code_search, minute),
            },
            "rate": core,
        }));
        reply.etag = false;
        reply
    })
}

/// Checks the body: `{"credentials": [string, ...]}` with 1 to 1000 entries.
fn credentials(body: &[u8]) -> Result<Vec<String>, String> {
    let value: Value = serde_json::from_slice(body).map_err(|_| "Problems parsing JSON".to_string())?;
    let Some(list) = value.get("credentials") else {
        return Err("Invalid request.\n\n\"credentials\" wasn't supplied.".into());
    };
    let Some(list) = list.as_array() else {
        return Err("Invalid request.\n\nFor 'properties/credentials', it is not an array.".into());
    };
    if list.is_empty() || list.len() > 1000 {
        return Err(format!(
            "Invalid request.\n\nFor 'properties/credentials', {} items is not between 1 and 1000.",
            list.len()
        ));
    }
    list.iter()
        .map(|v| v.as_str().map(str::to_string))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| "Invalid request.\n\nFor 'items', it is not a string.".into())
}

/// `POST /credentials/revoke`: unauthenticated only (any `Authorization` gets 403), 1
/// to 1000 credentials a request (422 otherwise), 202 once accepted. It has its own
/// limit of 60 requests an hour (docs/github.md), whose headers it answers with; a
/// request over it gets the primary limit's 403 (or 429) with `x-ratelimit-reset`.
pub(crate) async fn revoke(ctx: Ctx, body: Bytes) -> Response {
    let ep = Endpoint { auth_required: false, counts: false, accepted_scopes: "", user_only: false, docs: REVOKE_DOCS };
    let ts = Utc::now().timestamp();
    let (verdict, statuses) = {
        let mut store = ctx.shared.lock();
        let bucket = store.bucket(BucketKey::Revoke);
        let verdict = bucket.check(ts);
        if verdict == Verdict::Allowed {
            bucket.consume(ts);
        }
        (verdict, bucket.statuses())
    };
    let snap = || ctx.shared.lock().bucket(BucketKey::Revoke).snapshot();
    if verdict != Verdict::Allowed {
        return finish(limited(verdict, statuses, &Principal::Anonymous, ts), snap(), &Principal::Anonymous, &ep);
    }
    if ctx.headers.contains_key(header::AUTHORIZATION) {
        let msg = "This endpoint must be called without authentication.";
        let reply = Reply::error(StatusCode::FORBIDDEN, msg, REVOKE_DOCS);
        return finish(reply, snap(), &Principal::Anonymous, &ep);
    }
    let mut resp = serve(&ctx, &ep, |store, _, _| match credentials(&body) {
        Err(message) => Reply::error(StatusCode::UNPROCESSABLE_ENTITY, &message, REVOKE_DOCS),
        Ok(list) => {
            for token in list {
                if let Some(rec) = store.tokens.get_mut(&token) {
                    if tokens::revocable(rec.kind) {
                        rec.revoked = true;
                    }
                }
            }
            let mut reply = Reply::ok(json!({}));
            reply.status = StatusCode::ACCEPTED;
            reply.etag = false;
            reply
        }
    });
    super::headers::rate(resp.headers_mut(), snap(), "core");
    resp
}
