//! The web side's token creation pages, as a browser sees them (docs/github.md,
//! "Creation URLs"), at `/web/…` (beside the API at `/`, like github.com) and at `/…`
//! (beside the API at `/api/v3`, like GitHub Enterprise Server):
//!
//! | route | what |
//! |---|---|
//! | `GET /settings/personal-access-tokens/new?name=…&description=…&target_name=…&expires_in=…&<permission>=<level>` | the fine-grained form, pre-filled and validated |
//! | `GET /settings/tokens/new?scopes=a,b&description=…` | the classic form, pre-filled and validated |
//! | `POST` to either | mints the token and redirects (303) to the list, which shows it once |
//! | `GET /settings/personal-access-tokens`, `GET /settings/tokens` | the user's tokens of that kind |
//! | `GET /login?return_to=…`, `POST /session` | a test sign-in form (a login, no password) |
//!
//! Every page needs a signed-in browser: the `user_session` cookie, set by the sign-in
//! form or made by `POST /_admin/sessions` ([`Control::sign_in`](crate::Control::sign_in)).
//! Without it a page redirects to the sign-in form, as GitHub does.

pub(crate) mod catalogue;
mod form;
mod html;
mod session;

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Form, Router};
use chrono::{Duration, Utc};

use crate::input::NewToken;
use crate::state::{Shared, Store, User};
use crate::tokens::TokenKind;
use form::{Classic, Expires, FineGrained};

pub(crate) use session::COOKIE;

type Pairs = Vec<(String, String)>;

/// Whether `path` is one of these pages (they are not API requests: no stats, no faults).
pub(crate) fn is_web_path(path: &str) -> bool {
    path.starts_with("/web/") || path.starts_with("/settings/") || path == "/login" || path == "/session"
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    FineGrained,
    Classic,
}

impl Kind {
    fn list_path(self) -> &'static str {
        match self {
            Kind::FineGrained => "/settings/personal-access-tokens",
            Kind::Classic => "/settings/tokens",
        }
    }
}

pub(crate) fn router() -> Router<Arc<Shared>> {
    let mut r = Router::new();
    for prefix in ["", "/web"] {
        for kind in [Kind::FineGrained, Kind::Classic] {
            let list = kind.list_path();
            r = r
                .route(
                    &format!("{prefix}{list}/new"),
                    get(move |s: State<Arc<Shared>>, h: HeaderMap, Query(q): Query<Pairs>| async move {
                        new_page(kind, prefix, &s, &h, &q)
                    })
                    .post(
                        move |s: State<Arc<Shared>>, h: HeaderMap, Form(f): Form<Pairs>| async move {
                            submit(kind, prefix, &s, &h, &f)
                        },
                    ),
                )
                .route(
                    &format!("{prefix}{list}"),
                    get(move |s: State<Arc<Shared>>, h: HeaderMap| async move { list_page(kind, prefix, &s, &h) }),
                );
        }
        r = r.merge(session::router(prefix));
    }
    r
}

/// The signed-in user, or where to sign in: the sign-in form, then back `here`.
fn signed_in(store: &Store, headers: &HeaderMap, prefix: &str, here: &str) -> Result<User, String> {
    session::user(store, headers).ok_or_else(|| format!("{prefix}/login?return_to={}", session::percent_encode(here)))
}

fn found(location: String) -> Response {
    (StatusCode::FOUND, [(header::LOCATION, location)]).into_response()
}

fn here(prefix: &str, path: &str, query: &[(String, String)]) -> String {
    let q: Vec<String> =
        query.iter().map(|(k, v)| format!("{}={}", session::percent_encode(k), session::percent_encode(v))).collect();
    if q.is_empty() {
        format!("{prefix}{path}")
    } else {
        format!("{prefix}{path}?{}", q.join("&"))
    }
}

fn render(kind: Kind, prefix: &str, store: &Store, user: &User, pairs: &Pairs, submitted: bool) -> (String, bool) {
    let action = format!("{prefix}{}/new", kind.list_path());
    match kind {
        Kind::FineGrained => {
            let f = FineGrained::read(pairs, store, user, submitted);
            let mut owners = vec![(user.login.clone(), false)];
            owners.extend(store.orgs_of(user.id).iter().map(|o| (o.login.clone(), true)));
            let repos: Vec<_> = store.repos.iter().filter(|r| r.owner_login.eq_ignore_ascii_case(&f.owner)).collect();
            (html::fine_grained(&f, &action, &owners, &repos), f.errors.is_empty())
        }
        Kind::Classic => {
            let c = Classic::read(pairs, submitted);
            (html::classic(&c, &action), c.errors.is_empty())
        }
    }
}

fn new_page(kind: Kind, prefix: &str, shared: &Shared, headers: &HeaderMap, query: &Pairs) -> Response {
    let store = shared.lock();
    let user = match signed_in(&store, headers, prefix, &here(prefix, &format!("{}/new", kind.list_path()), query)) {
        Ok(u) => u,
        Err(to) => return found(to),
    };
    Html(render(kind, prefix, &store, &user, query, false).0).into_response()
}

fn expires_at(e: Expires) -> Option<chrono::DateTime<Utc>> {
    match e {
        Expires::Days(d) => Some(Utc::now() + Duration::days(i64::from(d))),
        Expires::Never => None,
    }
}

fn submit(kind: Kind, prefix: &str, shared: &Shared, headers: &HeaderMap, form: &Pairs) -> Response {
    let mut store = shared.lock();
    let user = match signed_in(&store, headers, prefix, &format!("{prefix}{}/new", kind.list_path())) {
        Ok(u) => u,
        Err(to) => return found(to),
    };
    let new = match kind {
        Kind::FineGrained => {
            let f = FineGrained::read(form, &store, &user, true);
            f.errors.is_empty().then(|| {
                let mut t = NewToken::new(&user.login, TokenKind::FineGrained).name(&f.name).owner(&f.owner);
                t.permissions = f.granted();
                t.expires_at = expires_at(f.expires);
                t.description = Some(f.description.clone()).filter(|d| !d.is_empty());
                t.repository_access = Some(f.access.clone());
                t
            })
        }
        Kind::Classic => {
            let c = Classic::read(form, true);
            c.errors.is_empty().then(|| {
                let mut t = NewToken::new(&user.login, TokenKind::Classic).name(&c.note);
                t.scopes = c.scopes.clone();
                t.expires_at = expires_at(c.expires);
                t
            })
        }
    };
    let Some(new) = new else {
        let page = render(kind, prefix, &store, &user, form, true).0;
        return (StatusCode::UNPROCESSABLE_ENTITY, Html(page)).into_response();
    };
    match store.create_token(new) {
        Ok(record) => {
            session::set_new_token(&mut store, headers, record.token);
            let to = format!("{prefix}{}", kind.list_path());
            (StatusCode::SEE_OTHER, [(header::LOCATION, to)]).into_response()
        }
        Err(e) => {
            (StatusCode::UNPROCESSABLE_ENTITY, Html(html::page("Error", &html::esc(&e.to_string())))).into_response()
        }
    }
}

fn list_page(kind: Kind, prefix: &str, shared: &Shared, headers: &HeaderMap) -> Response {
    let mut store = shared.lock();
    let user = match signed_in(&store, headers, prefix, &format!("{prefix}{}", kind.list_path())) {
        Ok(u) => u,
        Err(to) => return found(to),
    };
    let new_token = session::take_new_token(&mut store, headers);
    let wanted = match kind {
        Kind::FineGrained => TokenKind::FineGrained,
        Kind::Classic => TokenKind::Classic,
    };
    let mut list: Vec<_> = store.tokens.values().filter(|t| t.user_id == user.id && t.kind == wanted).collect();
    list.sort_by_key(|t| std::cmp::Reverse(t.created_at));
    let title = match kind {
        Kind::FineGrained => "Fine-grained personal access tokens",
        Kind::Classic => "Personal access tokens (classic)",
    };
    Html(html::tokens(title, new_token.as_deref(), &list)).into_response()
}
