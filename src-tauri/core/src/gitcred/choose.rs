//! Which stored token answers git (docs/github.md#git-credential-helper): the host by
//! [`Config::host`], the status by `status.rs` (read from each [`TokenView`]).

use std::cmp::Reverse;

use chrono::DateTime;

use super::protocol::{Answer, Request};
use crate::apps::AppRecord;
use crate::config::{Config, Host};
use crate::model::{TokenKind, TokenStatus, TokenView};
use crate::secret::Secret;

/// The user name GitHub documents for installation tokens, and the one Jeton sends
/// when it does not know the token's login (GitHub checks only the password).
pub const TOKEN_USERNAME: &str = "x-access-token";

/// The host git asks about, by core's one host rule: `https`, or `http` on this
/// computer; `None` for anything else (another protocol, a host that is not one).
pub fn host_of(config: &Config, request: &Request) -> Option<Host> {
    let protocol = request.protocol.as_deref()?;
    let host = request.host.as_deref().filter(|h| !h.is_empty())?;
    if !matches!(protocol, "https" | "http") || host.contains(['/', '@', '?', '#']) {
        return None;
    }
    config.host(Some(&format!("{protocol}://{host}"))).ok()
}

/// The owner a repository path names (`octocat` for `octocat/hello.git`), below the
/// host's own path when it has one.
fn owner_of<'a>(host: &Host, path: &'a str) -> Option<&'a str> {
    let base = host.web.path().trim_matches('/');
    let path = path.trim_start_matches('/');
    let rest = if base.is_empty() { path } else { path.strip_prefix(base)?.trim_start_matches('/') };
    rest.split('/').next().filter(|o| !o.is_empty())
}

/// A user name git already has, unless it is one of GitHub's stand-ins for "a token".
fn wanted_login(request: &Request) -> Option<&str> {
    request.username.as_deref().filter(|u| !u.is_empty() && !matches!(*u, TOKEN_USERNAME | "x-oauth-basic"))
}

fn same_login(view: &TokenView, login: &str) -> bool {
    view.login.as_deref().is_some_and(|l| l.eq_ignore_ascii_case(login))
}

/// A token git may be given at all: on this host, with its secret, that GitHub has not
/// refused (expired, revoked or invalid) and that git can use (not a refresh token).
fn offerable(view: &TokenView, host: &Host) -> bool {
    view.id.is_some()
        && view.well_formed
        && view.host == host.key()
        && !view.secret_missing
        && !view.status.is_refused()
        && view.kind != Some(TokenKind::AppRefresh)
}

/// Valid first, then expiring, then held back by SSO, then those without a verdict.
fn status_rank(status: TokenStatus) -> u8 {
    match status {
        TokenStatus::Valid => 0,
        TokenStatus::Expiring => 1,
        TokenStatus::SsoRequired => 2,
        _ => 3,
    }
}

fn expiry_utc(view: &TokenView) -> Option<i64> {
    view.expires_at.as_deref().and_then(|e| DateTime::parse_from_rfc3339(e).ok()).map(|e| e.timestamp())
}

/// The tokens that may answer `request` on `host`, best first: with a path, those whose
/// login is the path's owner; then by status (valid before expiring); then the one that
/// lasts longest; then by name. A user name git already has keeps only its tokens.
pub fn candidates<'a>(views: &'a [TokenView], host: &Host, request: &Request) -> Vec<&'a TokenView> {
    let owner = request.path.as_deref().and_then(|p| owner_of(host, p));
    let login = wanted_login(request);
    let mut found: Vec<&TokenView> =
        views.iter().filter(|v| offerable(v, host)).filter(|v| login.is_none_or(|l| same_login(v, l))).collect();
    found.sort_by_key(|v| {
        let lasts = if v.never_expires { i64::MAX } else { expiry_utc(v).unwrap_or(i64::MIN) };
        (!owner.is_some_and(|o| same_login(v, o)), status_rank(v.status), Reverse(lasts), v.name.clone())
    });
    found
}

/// The repository owner whose credentials an app installation serves for `request`
/// (docs/github.md, "GitHub App tokens"): the path's owner when git sends the path
/// (`credential.useHttpPath`) and it is served, else, without a path, the one owner
/// served on the host when there is only one. `None`: git gets a stored token.
pub fn served_owner(apps: &[AppRecord], host: &Host, request: &Request) -> Option<String> {
    let key = host.key();
    let mut served = apps.iter().filter(|a| a.host == key).flat_map(|a| a.git_owners.iter().map(|g| &g.owner));
    match request.path.as_deref() {
        Some(path) => {
            let owner = owner_of(host, path)?;
            served.find(|o| o.eq_ignore_ascii_case(owner)).cloned()
        }
        None => match (served.next(), served.next()) {
            (Some(only), None) => Some(only.clone()),
            _ => None,
        },
    }
}

/// The answer giving git `view`'s token.
pub fn answer(view: &TokenView, secret: Secret, request: &Request) -> Answer {
    let username = match (wanted_login(request), view.kind, view.login.as_deref()) {
        (Some(wanted), _, _) => wanted.to_owned(),
        (None, Some(TokenKind::AppInstallation), _) | (None, _, None) => TOKEN_USERNAME.to_owned(),
        (None, _, Some(login)) => login.to_owned(),
    };
    Answer { username, password: secret, expiry_utc: expiry_utc(view), token_id: view.id.clone().unwrap_or_default() }
}

/// The answer giving git an installation token minted for it (`apps::git_token`),
/// with its expiry.
pub fn answer_minted(record: &crate::model::TokenRecord, secret: Secret, request: &Request) -> Answer {
    answer(&crate::status::view_of(record, chrono::Utc::now(), crate::i18n::Lang::En), secret, request)
}

/// The stored token git reports refused (`erase`): the one Jeton named in `state[]`,
/// else the one whose secret is the password git used (`by_secret`, found by the
/// vault), if it belongs to this host.
pub fn erased_token(views: &[TokenView], host: &Host, request: &Request, by_secret: Option<&str>) -> Option<String> {
    let on_host = |id: &str| views.iter().any(|v| v.id.as_deref() == Some(id) && v.host == host.key());
    request.token_id().filter(|id| on_host(id)).or(by_secret.filter(|id| on_host(id))).map(str::to_owned)
}

#[cfg(test)]
#[path = "choose_tests.rs"]
mod tests;
