//! The common path of every API request: authenticate, rate-limit, run the
//! handler, answer conditional requests, and set GitHub's headers.

use axum::body::Body;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::Utc;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use super::auth::{self, Credential};
use super::headers::{self, set};
use super::Ctx;
use crate::ratelimit::{LimitStatuses, Verdict};
use crate::state::{BucketKey, Store, TokenRecord, User};
use crate::tokens::TokenKind;

pub(crate) const DOCS: &str = "https://docs.github.com/rest";
const RATE_DOCS: &str = "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api";
const SECONDARY_DOCS: &str = "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";

/// How an endpoint treats credentials.
pub(crate) struct Endpoint {
    /// Answer 401 "Requires authentication" to anonymous requests.
    pub auth_required: bool,
    /// Count the request against the rate limit (`/rate_limit` does not).
    pub counts: bool,
    /// The `X-Accepted-OAuth-Scopes` value.
    pub accepted_scopes: &'static str,
    /// Refuse installation tokens (not a user): 403 "Resource not accessible by integration".
    pub user_only: bool,
    /// `documentation_url` of this endpoint's errors.
    pub docs: &'static str,
}

/// Who is calling.
pub(crate) enum Principal {
    Anonymous,
    Token { token: Box<TokenRecord>, user: User },
}

impl Principal {
    pub(crate) fn user(&self) -> Option<&User> {
        match self {
            Principal::Anonymous => None,
            Principal::Token { user, .. } => Some(user),
        }
    }

    pub(crate) fn token(&self) -> Option<&TokenRecord> {
        match self {
            Principal::Anonymous => None,
            Principal::Token { token, .. } => Some(token),
        }
    }
}

/// What a handler answers.
pub(crate) struct Reply {
    pub status: StatusCode,
    /// The JSON body, already serialized (error bodies keep GitHub's key order).
    pub body: String,
    pub headers: Vec<(String, String)>,
    /// Send an ETag and honour `If-None-Match`.
    pub etag: bool,
}

impl Reply {
    pub(crate) fn ok(body: Value) -> Self {
        Reply { status: StatusCode::OK, body: body.to_string(), headers: Vec::new(), etag: true }
    }

    /// A JSON object whose keys keep the given order.
    pub(crate) fn ordered(status: StatusCode, fields: &[(&str, Value)]) -> Self {
        let members: Vec<String> = fields.iter().map(|(k, v)| format!("{}:{v}", Value::from(*k))).collect();
        Reply { status, body: format!("{{{}}}", members.join(",")), headers: Vec::new(), etag: false }
    }

    /// A GitHub error body: `{"message", "documentation_url", "status"}`.
    pub(crate) fn error(status: StatusCode, message: &str, docs: &str) -> Self {
        Reply::ordered(
            status,
            &[
                ("message", json!(message)),
                ("documentation_url", json!(docs)),
                ("status", json!(status.as_u16().to_string())),
            ],
        )
    }

    pub(crate) fn header(mut self, name: &str, value: impl Into<String>) -> Self {
        self.headers.push((name.to_string(), value.into()));
        self
    }
}

fn respond(status: StatusCode, h: HeaderMap, body: Option<String>) -> Response {
    let mut resp = Response::new(body.map(Body::from).unwrap_or_else(Body::empty));
    *resp.status_mut() = status;
    *resp.headers_mut() = h;
    resp
}

/// Runs one API request through authentication, rate limiting and the handler.
pub(crate) fn serve(ctx: &Ctx, ep: &Endpoint, handler: impl FnOnce(&mut Store, &Principal, &Ctx) -> Reply) -> Response {
    let now = Utc::now();
    let ts = now.timestamp();
    let mut store = ctx.shared.lock();
    let credential = auth::credential(&ctx.headers);
    // GitHub's failed-login limit refuses every attempt with credentials, good or bad.
    if credential != Credential::None && store.lockout.locked() {
        let reply = Reply::error(StatusCode::FORBIDDEN, crate::lockout::MESSAGE, DOCS);
        let bucket = store.bucket(BucketKey::Anonymous);
        return finish(reply, bucket.snapshot(), &Principal::Anonymous, ep);
    }
    let found = match credential {
        Credential::None => Some(Principal::Anonymous),
        Credential::Malformed => None,
        Credential::Token(t) => store.tokens.get(&t).filter(|rec| rec.usable(now)).and_then(|rec| {
            let user = store.user_by_id(rec.user_id)?.clone();
            Some(Principal::Token { token: Box::new(rec.clone()), user })
        }),
    };
    let anonymous_error = |store: &mut Store, reply: Reply| {
        let bucket = store.bucket(BucketKey::Anonymous);
        bucket.consume(ts);
        finish(reply, bucket.snapshot(), &Principal::Anonymous, ep)
    };
    let Some(principal) = found else {
        store.lockout.failed();
        let reply = Reply::error(StatusCode::UNAUTHORIZED, "Bad credentials", DOCS);
        return anonymous_error(&mut store, reply);
    };
    if ep.auth_required && matches!(principal, Principal::Anonymous) {
        let reply = Reply::error(StatusCode::UNAUTHORIZED, "Requires authentication", ep.docs);
        return anonymous_error(&mut store, reply);
    }
    let key = match principal.user() {
        Some(u) => BucketKey::User(u.id),
        None => BucketKey::Anonymous,
    };
    let verdict = if ep.counts { store.bucket(key).check(ts) } else { Verdict::Allowed };
    if verdict != Verdict::Allowed {
        let (snap, statuses) = (store.bucket(key).snapshot(), store.bucket(key).statuses());
        return finish(limited(verdict, statuses, &principal, ts), snap, &principal, ep);
    }
    if let Some(t) = principal.token() {
        store.org_pats.used(&t.token, now);
    }
    let installation = principal.token().is_some_and(|t| t.kind == TokenKind::AppInstallation);
    let reply = if ep.user_only && installation {
        let msg = "Resource not accessible by integration";
        Reply::error(StatusCode::FORBIDDEN, msg, ep.docs)
    } else {
        handler(&mut store, &principal, ctx)
    };
    let etag =
        (reply.etag && reply.status == StatusCode::OK).then(|| format!("W/\"{:x}\"", Sha256::digest(&reply.body)));
    let inm = ctx.headers.get("if-none-match").and_then(|v| v.to_str().ok());
    let not_modified = matches!((&etag, inm), (Some(e), Some(v)) if headers::etag_matches(v, e));
    // A 304 does not count against the rate limit (docs/github.md#conditional-requests).
    let bucket = store.bucket(key);
    if ep.counts && !not_modified {
        bucket.consume(ts);
    }
    let mut resp = finish(reply, bucket.snapshot(), &principal, ep);
    if let Some(etag) = etag {
        set(resp.headers_mut(), "etag", &etag);
    }
    if not_modified {
        *resp.status_mut() = StatusCode::NOT_MODIFIED;
        *resp.body_mut() = Body::empty();
        resp.headers_mut().remove("content-type");
    }
    resp
}

pub(crate) fn limited(verdict: Verdict, statuses: LimitStatuses, principal: &Principal, ts: i64) -> Reply {
    let status = |code: u16| StatusCode::from_u16(code).unwrap_or(StatusCode::FORBIDDEN);
    let rid = headers::request_id();
    let support = format!(
        "If you reach out to GitHub Support for help, please include the request ID {rid} and timestamp {}.",
        chrono::DateTime::from_timestamp(ts, 0).unwrap_or_default().format("%Y-%m-%d %H:%M:%S UTC")
    );
    let reply = match verdict {
        Verdict::Secondary(secs) => Reply::error(
            status(statuses.secondary),
            &format!(
                "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. {support}"
            ),
            SECONDARY_DOCS,
        )
        .header("retry-after", secs.to_string()),
        _ => {
            let who = match principal.user() {
                Some(u) => format!("user ID {}.", u.id),
                None => "127.0.0.1. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)".to_string(),
            };
            let message = format!("API rate limit exceeded for {who} {support}");
            Reply::error(status(statuses.primary), &message, RATE_DOCS)
        }
    };
    reply.header("x-github-request-id", rid)
}

pub(crate) fn finish(
    reply: Reply,
    snap: crate::ratelimit::RateSnapshot,
    principal: &Principal,
    ep: &Endpoint,
) -> Response {
    let mut h = HeaderMap::new();
    headers::common(&mut h);
    headers::rate(&mut h, snap, "core");
    if let Some(token) = principal.token() {
        if token.kind.has_scopes() {
            set(&mut h, "x-oauth-scopes", &crate::scopes::header_value(&token.scopes));
            set(&mut h, "x-accepted-oauth-scopes", ep.accepted_scopes);
        }
        if let Some(at) = token.expires_at {
            let value = token.expiry_layout.format(at);
            set(&mut h, "github-authentication-token-expiration", &value);
        }
    }
    if reply.status == StatusCode::OK {
        headers::cacheable(&mut h, principal.user().is_some());
    }
    for (name, value) in &reply.headers {
        set(&mut h, name, value);
    }
    respond(reply.status, h, Some(reply.body))
}
