//! Signed-in browsers: the `user_session` cookie, a test sign-in form (a login and no
//! password: fakehub is for tests) and the token shown once after it is made.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse};
use axum::routing::{get, post};
use axum::{Form, Router};
use serde::Deserialize;

use super::html;
use crate::ops::AdminError;
use crate::state::{Session, Shared, Store, User};
use crate::tokens::random_base62;

/// The cookie's name, as on github.com.
pub(crate) const COOKIE: &str = "user_session";

impl Store {
    /// Signs `login` in: a new session, whose id is the cookie's value.
    pub(crate) fn sign_in(&mut self, login: &str) -> Result<String, AdminError> {
        let user_id = self.user_by_login(login).ok_or_else(|| AdminError::UnknownUser(login.into()))?.id;
        let id = random_base62(40);
        self.sessions.insert(id.clone(), Session { user_id, new_token: None });
        Ok(id)
    }
}

fn session_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == COOKIE)
        .map(|(_, v)| v.to_owned())
}

/// The user of the request's session, if it has one.
pub(crate) fn user(store: &Store, headers: &HeaderMap) -> Option<User> {
    let session = store.sessions.get(&session_id(headers)?)?;
    store.user_by_id(session.user_id).cloned()
}

pub(crate) fn set_new_token(store: &mut Store, headers: &HeaderMap, token: String) {
    if let Some(s) = session_id(headers).and_then(|id| store.sessions.get_mut(&id)) {
        s.new_token = Some(token);
    }
}

/// The token made last, once: the next call gives `None`.
pub(crate) fn take_new_token(store: &mut Store, headers: &HeaderMap) -> Option<String> {
    session_id(headers).and_then(|id| store.sessions.get_mut(&id)).and_then(|s| s.new_token.take())
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub(crate) fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

#[derive(Deserialize)]
struct ReturnTo {
    #[serde(default)]
    return_to: String,
}

#[derive(Deserialize)]
struct SignIn {
    #[serde(default)]
    login: String,
    #[serde(default)]
    return_to: String,
}

/// Only a path on this server (never another site).
fn safe_return(prefix: &str, to: &str) -> String {
    if to.starts_with('/') && !to.starts_with("//") && !to.contains('\\') {
        to.to_owned()
    } else {
        format!("{prefix}/settings/personal-access-tokens")
    }
}

pub(super) fn router(prefix: &'static str) -> Router<Arc<Shared>> {
    let action = format!("{prefix}/session");
    let form_action = action.clone();
    Router::new()
        .route(
            &format!("{prefix}/login"),
            get(move |Query(q): Query<ReturnTo>| async move {
                Html(html::login(&form_action, &safe_return(prefix, &q.return_to), None))
            }),
        )
        .route(
            &action.clone(),
            post(move |State(s): State<Arc<Shared>>, Form(f): Form<SignIn>| async move {
                let to = safe_return(prefix, &f.return_to);
                match s.lock().sign_in(f.login.trim()) {
                    Ok(id) => {
                        let cookie = format!("{COOKIE}={id}; Path=/; HttpOnly; SameSite=Lax");
                        (StatusCode::SEE_OTHER, [(header::LOCATION, to), (header::SET_COOKIE, cookie)]).into_response()
                    }
                    Err(_) => {
                        let page = html::login(&action, &to, Some("Incorrect username or password."));
                        (StatusCode::UNAUTHORIZED, Html(page)).into_response()
                    }
                }
            }),
        )
}
