//! The admin API over HTTP, under `/_admin`, with JSON bodies: the same operations
//! as [`Control`](crate::Control), for other processes (end-to-end tests, demo).
//! Errors answer `{"error": "..."}` with 400 (bad JSON), 404 (unknown user, org or
//! token), 409 (already exists) or 422 (invalid).
//!
//! | route | body | answer |
//! |---|---|---|
//! | `POST /_admin/users` | `{login, id?, name?, avatar_url?, email?}` | 201 user |
//! | `POST /_admin/orgs` | `{login, id?, name?, description?, sso_enforced?}` | 201 org |
//! | `POST /_admin/orgs/{org}/members` | `{login}` | 204 |
//! | `POST /_admin/repos` | `{owner, name, private?, description?}` | 201 repo |
//! | `POST /_admin/tokens` | `{login, kind, scopes?, permissions?, expires_at?, expiry_layout?, sso_authorized?, name?, stateless?}` | 201 `{token, kind, expires_at}` |
//! | `POST /_admin/tokens/info` | `{token}` | 200 token record |
//! | `POST /_admin/sessions` | `{login}` | 201 `{cookie: "user_session", value}`: a signed-in browser for the web pages |
//! | `POST /_admin/tokens/expire` | `{token}` | 204 |
//! | `POST /_admin/tokens/revoke` | `{token}` | 204 |
//! | `POST /_admin/latency` | `{ms: n or null, token?}` | 204 |
//! | `POST /_admin/faults` | `{fault, count?}` (next requests) or `{fault or null, token}` | 204 |
//! | `DELETE /_admin/faults` | | 204: no faults, rewrites or latency |
//! | `POST /_admin/rewrite` | `{token, status?, remove?: [name], set?: {name: value}}` (none of them: stop) | 204 |
//! | `POST /_admin/rate-limit` | `{login, limit?, secondary?: {after, retry_after_secs} or null, statuses?: {primary, secondary}}` (403 or 429 each) | 200 `{limit, remaining, used, reset}` |
//! | `POST /_admin/login-lockout` | `{after, window_secs, lockout_secs}` or `null` (off) | 204 |
//! | `POST /_admin/apps` | `{owner, name, slug?, description?, permissions?}` | 201 `{id, client_id, slug, private_key_pem}` |
//! | `POST /_admin/installations` | `{app (slug), account, repositories?: [name], permissions?}` | 201 installation |
//! | `POST /_admin/pat-requests` | `{token, reason?}`: a member's fine-grained token (owner an org) asks it for access | 201 `{id, token_id, org_id, reason, state, created_at}` |
//! | `POST /_admin/clock` | `{offset_secs}`: the app endpoints' clock, ahead of the machine's | 204 |
//! | `POST /_admin/reset` | | 204 |
//! | `GET /_admin/stats`, `DELETE /_admin/stats` | | 200 [`Stats`](crate::Stats) / 204 |
//!
//! `kind`: `classic`, `fine_grained`, `oauth`, `app_user`, `app_installation`,
//! `app_refresh`, `legacy`. `expires_at`: RFC 3339. `expiry_layout`: `utc`,
//! `offset` (+0200) or `+HHMM`/`-HHMM`. `fault`: `internal_error`,
//! `bad_gateway_html`, `truncated_json`, `connection_reset`, `never_ending_body`,
//! `not_json`.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

use crate::control::Control;
use crate::faults::Fault;
use crate::lockout::LoginLockout;
use crate::ops::{AdminError, NewOrg, NewRepo, NewToken, NewUser};
use crate::ratelimit::{LimitStatuses, SecondaryLimit};
use crate::rewrite::Rewrite;
use crate::state::Shared;

type Ctl = State<Arc<Shared>>;

fn control(shared: Arc<Shared>) -> Control {
    Control { shared }
}

fn error(status: StatusCode, message: String) -> Response {
    (status, Json(json!({ "error": message }))).into_response()
}

fn admin_error(e: AdminError) -> Response {
    let status = match e {
        AdminError::AlreadyExists(_) => StatusCode::CONFLICT,
        AdminError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::NOT_FOUND,
    };
    error(status, e.to_string())
}

fn created<T: serde::Serialize>(r: Result<T, AdminError>) -> Response {
    match r {
        Ok(v) => (StatusCode::CREATED, Json(v)).into_response(),
        Err(e) => admin_error(e),
    }
}

fn done(r: Result<(), AdminError>) -> Response {
    match r {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(e) => admin_error(e),
    }
}

/// Runs `f` on the parsed body.
fn with<T: DeserializeOwned>(body: &[u8], f: impl FnOnce(T) -> Response) -> Response {
    match serde_json::from_slice(body) {
        Ok(v) => f(v),
        Err(e) => error(StatusCode::BAD_REQUEST, e.to_string()),
    }
}

#[derive(Deserialize)]
struct Login {
    login: String,
}

#[derive(Deserialize)]
struct Clock {
    offset_secs: i64,
}

#[derive(Deserialize)]
struct PatRequestReq {
    token: String,
    #[serde(default)]
    reason: Option<String>,
}

#[derive(Deserialize)]
struct TokenRef {
    token: String,
}

#[derive(Deserialize)]
struct Latency {
    ms: Option<u64>,
    #[serde(default)]
    token: Option<String>,
}

#[derive(Deserialize)]
struct FaultReq {
    fault: Option<Fault>,
    #[serde(default)]
    count: Option<u32>,
    #[serde(default)]
    token: Option<String>,
}

#[derive(Deserialize)]
struct RewriteReq {
    token: String,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    set: std::collections::BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct RateReq {
    login: String,
    #[serde(default)]
    limit: Option<u32>,
    /// Present and null removes the secondary limit.
    #[serde(default, deserialize_with = "some")]
    secondary: Option<Option<SecondaryLimit>>,
    #[serde(default)]
    statuses: Option<LimitStatuses>,
}

fn some<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<SecondaryLimit>>, D::Error> {
    Option::<SecondaryLimit>::deserialize(d).map(Some)
}

pub(crate) fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route(
            "/users",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |n: NewUser| created(control(s).create_user(n)))
            }),
        )
        .route(
            "/orgs",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |n: NewOrg| created(control(s).create_org(n)))
            }),
        )
        .route(
            "/orgs/{org}/members",
            post(
                |State(s): Ctl, Path(org): Path<String>, b: Bytes| async move {
                    with(&b, |l: Login| done(control(s).add_member(&org, &l.login)))
                },
            ),
        )
        .route(
            "/repos",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |n: NewRepo| created(control(s).create_repo(n)))
            }),
        )
        .route(
            "/tokens",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |n: NewToken| {
                    let r = s.lock().create_token(n);
                    created(r.map(
                        |t| json!({"token": t.token, "kind": t.kind, "expires_at": t.expires_at}),
                    ))
                })
            }),
        )
        .route(
            "/sessions",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |l: Login| {
                    created(control(s).sign_in(&l.login).map(|value| json!({"cookie": crate::web::COOKIE, "value": value})))
                })
            }),
        )
        .route(
            "/tokens/info",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |t: TokenRef| match control(s).token(&t.token) {
                    Some(rec) => Json(rec).into_response(),
                    None => admin_error(AdminError::UnknownToken),
                })
            }),
        )
        .route(
            "/tokens/expire",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |t: TokenRef| done(control(s).expire_token(&t.token)))
            }),
        )
        .route(
            "/tokens/revoke",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |t: TokenRef| done(control(s).revoke_token(&t.token)))
            }),
        )
        .route(
            "/latency",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |l: Latency| {
                    let d = l.ms.map(Duration::from_millis);
                    match l.token {
                        Some(t) => control(s).set_token_latency(&t, d),
                        None => control(s).set_latency(d),
                    }
                    StatusCode::NO_CONTENT.into_response()
                })
            }),
        )
        .route(
            "/faults",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |f: FaultReq| match (f.token, f.fault) {
                    (Some(t), fault) => {
                        control(s).set_token_fault(&t, fault);
                        StatusCode::NO_CONTENT.into_response()
                    }
                    (None, Some(fault)) => {
                        control(s).inject_fault(fault, f.count.unwrap_or(1));
                        StatusCode::NO_CONTENT.into_response()
                    }
                    (None, None) => error(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        "fault or token required".into(),
                    ),
                })
            })
            .delete(|State(s): Ctl| async move {
                control(s).clear_faults();
                StatusCode::NO_CONTENT
            }),
        )
        .route(
            "/rewrite",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |r: RewriteReq| {
                    let set = r.set.into_iter().map(|(k, v)| (k, v.into_bytes())).collect();
                    control(s).set_token_rewrite(&r.token, Some(Rewrite { status: r.status, remove: r.remove, set }));
                    StatusCode::NO_CONTENT.into_response()
                })
            }),
        )
        .route(
            "/rate-limit",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |r: RateReq| {
                    let ctl = control(s);
                    let mut snap = ctl.rate_limit(&r.login);
                    if let (Some(limit), Ok(_)) = (r.limit, &snap) {
                        snap = ctl.set_rate_limit(&r.login, limit);
                    }
                    if let (Some(secondary), Ok(_)) = (r.secondary, &snap) {
                        snap = ctl.set_secondary_rate_limit(&r.login, secondary);
                    }
                    if let (Some(statuses), Ok(_)) = (r.statuses, &snap) {
                        if let Err(e) = ctl.set_rate_limit_statuses(&r.login, statuses) {
                            snap = Err(e);
                        }
                    }
                    match snap {
                        Ok(snap) => Json(snap).into_response(),
                        Err(e) => admin_error(e),
                    }
                })
            }),
        )
        .route(
            "/login-lockout",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |rule: Option<LoginLockout>| {
                    control(s).set_login_lockout(rule);
                    StatusCode::NO_CONTENT.into_response()
                })
            }),
        )
        .route(
            "/apps",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |n: crate::NewApp| created(control(s).create_app(n)))
            }),
        )
        .route(
            "/installations",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |n: crate::NewInstallation| created(control(s).create_installation(n)))
            }),
        )
        .route(
            "/pat-requests",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |r: PatRequestReq| created(control(s).request_org_access(&r.token, r.reason.as_deref())))
            }),
        )
        .route(
            "/clock",
            post(|State(s): Ctl, b: Bytes| async move {
                with(&b, |c: Clock| {
                    control(s).set_clock_offset(c.offset_secs);
                    StatusCode::NO_CONTENT.into_response()
                })
            }),
        )
        .route(
            "/reset",
            post(|State(s): Ctl| async move {
                control(s).reset();
                StatusCode::NO_CONTENT
            }),
        )
        .route(
            "/stats",
            get(|State(s): Ctl| async move { Json(control(s).stats()) }).delete(
                |State(s): Ctl| async move {
                    control(s).reset_stats();
                    StatusCode::NO_CONTENT
                },
            ),
        )
}
