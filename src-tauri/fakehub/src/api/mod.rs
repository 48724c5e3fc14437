//! The REST API, served both at `/` (like api.github.com) and under `/api/v3`
//! (like GitHub Enterprise Server).

mod app;
pub(crate) mod auth;
pub(crate) mod headers;
mod misc;
mod org_pats;
mod orgs;
mod page;
mod render;
mod serve;
mod user;

use std::convert::Infallible;
use std::sync::Arc;

use axum::extract::{FromRequestParts, OriginalUri};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap};
use axum::routing::{get, post};
use axum::Router;

use crate::state::Shared;

pub(crate) use serve::{serve, Endpoint, Principal, Reply};

/// Where the request came from, and the bases URLs in responses are built on.
pub(crate) struct Ctx {
    pub shared: Arc<Shared>,
    pub headers: HeaderMap,
    /// `http://HOST` or `http://HOST/api/v3`, as the request used.
    pub api_base: String,
    /// The matching web side: `http://HOST/web` for the first, `http://HOST` for GHES.
    pub web_base: String,
    /// The path inside the API, without `/api/v3`.
    pub path: String,
    /// The query string as received (still percent-encoded).
    pub query: String,
}

impl FromRequestParts<Arc<Shared>> for Ctx {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &Arc<Shared>) -> Result<Self, Self::Rejection> {
        let original = parts.extensions.get::<OriginalUri>().map(|o| o.0.clone()).unwrap_or_else(|| parts.uri.clone());
        let full_path = original.path();
        let ghes = full_path == "/api/v3" || full_path.starts_with("/api/v3/");
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| !h.is_empty() && h.bytes().all(|b| b.is_ascii_graphic()))
            .map(str::to_string)
            .unwrap_or_else(|| state.addr.to_string());
        let root = format!("http://{host}");
        let (api_base, web_base, path) = if ghes {
            let rest = &full_path["/api/v3".len()..];
            (format!("{root}/api/v3"), root, rest.to_string())
        } else {
            (root.clone(), format!("{root}/web"), full_path.to_string())
        };
        Ok(Ctx {
            shared: state.clone(),
            headers: parts.headers.clone(),
            api_base,
            web_base,
            path,
            query: original.query().unwrap_or_default().to_string(),
        })
    }
}

/// The API routes (mounted at `/` and at `/api/v3`).
pub(crate) fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/user", get(user::get_user))
        .route("/user/orgs", get(user::list_orgs))
        .route("/user/repos", get(user::list_repos))
        .route("/orgs/{org}", get(orgs::get_org))
        .route("/orgs/{org}/repos", get(orgs::list_repos))
        .route("/orgs/{org}/personal-access-token-requests", get(org_pats::list_requests).post(org_pats::review_many))
        .route("/orgs/{org}/personal-access-token-requests/{id}", post(org_pats::review_one))
        .route(
            "/organizations/{org_id}/personal-access-token-requests/{id}/repositories",
            get(org_pats::request_repositories),
        )
        .route("/orgs/{org}/personal-access-tokens", get(org_pats::list_grants).post(org_pats::revoke_many))
        .route("/orgs/{org}/personal-access-tokens/{id}", post(org_pats::revoke_one))
        .route("/app", get(app::get_app))
        .route("/app/installations", get(app::list_installations))
        .route("/app/installations/{id}", get(app::get_installation))
        .route("/app/installations/{id}/access_tokens", post(app::create_token))
        .route("/installation/repositories", get(app::installation_repositories))
        .route("/rate_limit", get(misc::rate_limit))
        .route("/credentials/revoke", post(misc::revoke))
        .fallback(misc::not_found)
        .method_not_allowed_fallback(misc::not_found)
}
