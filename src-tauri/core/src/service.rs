//! What Jeton does, for the desktop shell and the CLI alike: check, add, list,
//! re-check and forget tokens. Callers hold no rules; they call these.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::config::{Config, Host};
use crate::error::{Error, Result};
use crate::github::client::TokenCheck;
use crate::github::GitHubClient;
use crate::i18n::Lang;
use crate::model::{rfc3339, CheckRecord, TokenKind, TokenRecord, TokenStatus, TokenView};
use crate::status::{days_left, view_of};
use crate::token;
use crate::vault::{KeyringStore, MetadataStore, SecretStore, Vault};

pub struct Jeton {
    pub config: Config,
    pub vault: Vault,
    pub client: GitHubClient,
}

/// The result of checking a token that is not (yet) stored.
pub struct CheckOutcome {
    pub view: TokenView,
    pub ok: bool,
}

impl Jeton {
    /// Jeton with the OS keychain, configured from the environment.
    pub fn from_env() -> Result<Jeton> {
        let config = Config::from_env()?;
        let store = Arc::new(KeyringStore::new(config.keyring_namespace.clone()));
        Jeton::new(config, store)
    }

    pub fn new(config: Config, store: Arc<dyn SecretStore>) -> Result<Jeton> {
        let vault = Vault::new(store, MetadataStore::new(config.data_dir.clone())); // reads the data once
        Ok(Jeton { config, vault, client: GitHubClient::new()? })
    }

    /// Checks a token: its format offline, then (unless `offline`) `GET /user`.
    pub async fn check(&self, input: &str, host: Option<&str>, offline: bool, lang: Lang) -> CheckOutcome {
        let mut outcome = self.check_view(input, host, offline, lang).await;
        let view = &mut outcome.view;
        view.needs_attention = crate::status::wants_attention(view.status, view.days_left.map(i64::from));
        outcome
    }

    async fn check_view(&self, input: &str, host: Option<&str>, offline: bool, lang: Lang) -> CheckOutcome {
        let host_key = host.map(str::to_owned).unwrap_or_else(|| self.config.default_host().key());
        let mut view = TokenView {
            id: None,
            name: None,
            host: host_key,
            kind: None,
            well_formed: false,
            login: None,
            scopes: None,
            permissions: None,
            expires_at: None,
            status: TokenStatus::Unknown,
            sso_url: None,
            error: None,
            days_left: None,
            last_checked: None,
            needs_attention: false,
        };
        let parsed = match token::parse(input) {
            Ok(p) => p,
            Err(e) => {
                view.status = TokenStatus::Invalid;
                view.error = Some(e.payload(lang));
                return CheckOutcome { view, ok: false };
            }
        };
        view.kind = Some(parsed.kind);
        view.well_formed = true;
        if offline {
            return CheckOutcome { view, ok: true };
        }
        let host = match self.config.host(host) {
            Ok(h) => h,
            Err(e) => {
                view.error = Some(e.payload(lang));
                return CheckOutcome { view, ok: false };
            }
        };
        view.host = host.key();
        let now = Utc::now();
        view.last_checked = Some(rfc3339(now));
        match self.ask_host(&host, parsed.kind, &parsed.secret).await {
            Ok(user) => {
                let (status, sso_url) = status_of_user(&user, &host);
                view.sso_url = sso_url;
                view.login = user.login;
                view.scopes = if parsed.kind.has_scopes() { Some(user.scopes.unwrap_or_default()) } else { None };
                view.expires_at = user.expires_at.map(rfc3339);
                view.days_left = user.expires_at.map(|e| days_left(e, now) as i32);
                view.status = match (status, user.expires_at) {
                    (TokenStatus::Valid, Some(e)) if days_left(e, now) < crate::status::EXPIRING_WITHIN_DAYS => {
                        TokenStatus::Expiring
                    }
                    (s, _) => s,
                };
                CheckOutcome { view, ok: true }
            }
            Err(e) => {
                view.status = status_for_error(&e);
                if let Error::SsoRequired { url } = &e {
                    view.sso_url = url.clone();
                }
                view.error = Some(e.payload(lang));
                CheckOutcome { view, ok: false }
            }
        }
    }

    /// Checks a token against its host, then stores it: the secret in the keychain,
    /// the metadata in the data dir. Nothing is stored when any step fails.
    pub async fn add(&self, name: &str, host: Option<&str>, input: &str) -> Result<TokenView> {
        crate::vault::validate_name(name)?;
        let parsed = token::parse(input)?;
        let host = self.config.host(host)?;
        if self.vault.list()?.iter().any(|t| t.name == name) {
            return Err(Error::NameTaken { name: name.into() });
        }
        let now = Utc::now();
        let id = uuid::Uuid::new_v4().to_string();
        let record = match self.ask_host(&host, parsed.kind, &parsed.secret).await {
            Ok(user) => {
                let (status, sso_url) = status_of_user(&user, &host);
                checked_record(id, name, &host, parsed.kind, user, now, status, sso_url)
            }
            // Kept, though GitHub cannot say more about it than its format does.
            Err(Error::NotCheckable) => {
                let mut record = TokenRecord::new(id, name.to_owned(), host.key(), parsed.kind, now);
                let error = Some(Error::NotCheckable.payload(Lang::from_env()));
                record.last_check = Some(CheckRecord { at: now, status: TokenStatus::Unknown, sso_url: None, error });
                record
            }
            Err(e) => return Err(e),
        };
        let stored = self.vault.add_async(record, parsed.secret).await?;
        Ok(view_of(&stored, now))
    }

    pub fn list(&self) -> Result<Vec<TokenView>> {
        let now = Utc::now();
        let mut views: Vec<TokenView> = self.vault.list()?.iter().map(|r| view_of(r, now)).collect();
        views.sort_by(|a, b| (&a.host, &a.login, &a.name).cmp(&(&b.host, &b.login, &b.name)));
        Ok(views)
    }

    /// Asks GitHub again about a stored token and records the answer. A failed check
    /// is recorded as a status; the token itself is never dropped or rewritten.
    pub async fn recheck(&self, id_or_name: &str, lang: Lang) -> Result<TokenView> {
        let record = self.vault.find(id_or_name)?;
        let secret = self.vault.secret_async(&record).await?;
        let host = self.config.host(Some(&record.host))?;
        let result = self.ask_host(&host, record.kind, &secret).await;
        Ok(self.record_check(&record, result, lang))
    }

    /// Asks GitHub about a stored token (see [`Jeton::ask_host`]); a refresh token's
    /// secret is not even read.
    pub(crate) async fn ask_github(&self, record: &TokenRecord) -> Result<TokenCheck> {
        if record.kind == TokenKind::AppRefresh {
            return Err(Error::NotCheckable);
        }
        let secret = self.vault.secret_async(record).await?;
        let host = self.config.host(Some(&record.host))?;
        self.ask_host(&host, record.kind, &secret).await
    }

    /// Asks GitHub about a token the way its kind allows: `GET /user` (and for classic
    /// tokens, the only ones SAML SSO holds back, `GET /user/orgs`), `GET /rate_limit`
    /// for installation tokens; a refresh token is never sent (`not_checkable`).
    pub(crate) async fn ask_host(&self, host: &Host, kind: TokenKind, secret: &crate::Secret) -> Result<TokenCheck> {
        self.client.check_token(host, kind, secret).await?.ok_or(Error::NotCheckable)
    }

    /// Records what GitHub said about a token and returns how it now looks. When the
    /// record cannot be saved (read-only data), the answer is still shown.
    pub(crate) fn record_check(&self, record: &TokenRecord, result: Result<TokenCheck>, lang: Lang) -> TokenView {
        let mut views = self.record_checks(vec![(record.clone(), result)], lang);
        views.pop().expect("one view per answer")
    }

    /// Records several answers in one write of the metadata (one lock, one fsync'd
    /// save), as `recheck_all` does. A token forgotten meanwhile is shown with
    /// `not_found`; when nothing can be saved, every answer is still shown, with the error.
    pub(crate) fn record_checks(&self, items: Vec<(TokenRecord, Result<TokenCheck>)>, lang: Lang) -> Vec<TokenView> {
        let now = Utc::now();
        let changes = items
            .iter()
            .map(|(r, result)| (r.id.clone(), |rec: &mut TokenRecord| self.apply_check(rec, result, lang, now)));
        let saved = self.vault.update_many(changes);
        let shown = |record: &TokenRecord, result: &Result<TokenCheck>, e: &Error| {
            let mut copy = record.clone();
            self.apply_check(&mut copy, result, lang, now);
            TokenView { error: Some(e.payload(lang)), ..view_of(&copy, now) }
        };
        match saved {
            Ok(updated) => items
                .iter()
                .zip(updated)
                .map(|((record, result), u)| match u {
                    Some(u) => view_of(&u, now),
                    None => shown(record, result, &Error::NotFound { name: record.name.clone() }),
                })
                .collect(),
            Err(e) => items.iter().map(|(record, result)| shown(record, result, &e)).collect(),
        }
    }

    /// What an answer changes in a record: login, grants and expiry when GitHub
    /// accepted the token (an unreadable expiry keeps the one known), and the last check.
    fn apply_check(&self, r: &mut TokenRecord, result: &Result<TokenCheck>, lang: Lang, now: DateTime<Utc>) {
        match result {
            Ok(user) => {
                if user.login.is_some() {
                    r.login = user.login.clone();
                }
                if r.kind.has_scopes() {
                    r.scopes = Some(user.scopes.clone().unwrap_or_default());
                }
                if !user.expiry_unparsable {
                    r.expires_at = user.expires_at;
                }
                let (status, sso_url) = host_of(&self.config, &r.host)
                    .map(|h| status_of_user(user, &h))
                    .unwrap_or((TokenStatus::Valid, None));
                r.last_check = Some(CheckRecord { at: now, status, sso_url, error: None });
            }
            Err(e) => {
                let sso_url = if let Error::SsoRequired { url } = e { url.clone() } else { None };
                r.last_check =
                    Some(CheckRecord { at: now, status: status_for_error(e), sso_url, error: Some(e.payload(lang)) });
            }
        }
    }

    pub async fn forget(&self, id_or_name: &str) -> Result<()> {
        self.vault.forget_async(id_or_name).await.map(|_| ())
    }

    /// Whether the keychain answers (unavailable and locked are distinct errors).
    pub async fn keychain_status(&self) -> Result<()> {
        self.vault.keychain_status().await
    }

    pub fn host(&self, web: Option<&str>) -> Result<Host> {
        self.config.host(web)
    }
}

/// A new record for a token GitHub just accepted.
#[allow(clippy::too_many_arguments)]
pub(crate) fn checked_record(
    id: String,
    name: &str,
    host: &Host,
    kind: TokenKind,
    user: TokenCheck,
    now: DateTime<Utc>,
    status: TokenStatus,
    sso_url: Option<String>,
) -> TokenRecord {
    let mut record = TokenRecord::new(id, name.to_owned(), host.key(), kind, now);
    record.login = user.login;
    record.scopes = if kind.has_scopes() { Some(user.scopes.unwrap_or_default()) } else { None };
    record.expires_at = user.expires_at;
    record.last_check = Some(CheckRecord { at: now, status, sso_url, error: None });
    record
}

/// A token GitHub accepted: valid, or held back by an organization's SAML SSO, with
/// the page where the user authorizes it.
pub(crate) fn status_of_user(user: &TokenCheck, host: &Host) -> (TokenStatus, Option<String>) {
    use crate::github::headers::Sso;
    match &user.sso {
        Some(Sso::Required { url }) => (TokenStatus::SsoRequired, Some(url.clone())),
        Some(Sso::PartialResults { .. }) => (TokenStatus::SsoRequired, Some(format!("{}/settings/tokens", host.key()))),
        _ => (TokenStatus::Valid, None),
    }
}

fn host_of(config: &Config, web: &str) -> Option<Host> {
    config.host(Some(web)).ok()
}

/// The status a check error stands for.
pub fn status_for_error(e: &Error) -> TokenStatus {
    match e {
        Error::TokenInvalid | Error::TokenMalformed { .. } => TokenStatus::Invalid,
        Error::TokenExpired => TokenStatus::Expired,
        Error::SsoRequired { .. } => TokenStatus::SsoRequired,
        Error::RateLimited { .. } | Error::LoginLockedOut { .. } => TokenStatus::RateLimited,
        Error::Network { .. } | Error::BadResponse { .. } | Error::CertificateUntrusted { .. } => {
            TokenStatus::Unreachable
        }
        Error::NotCheckable => TokenStatus::Unknown,
        _ => TokenStatus::Unknown,
    }
}
