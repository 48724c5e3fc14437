//! What Jeton does, for the desktop shell and the CLI alike: check, add, list,
//! re-check and forget tokens. Callers hold no rules; they call these.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::config::{Config, Host};
use crate::error::{Error, Result};
use crate::github::client::TokenCheck;
use crate::github::GitHubClient;
use crate::i18n::Lang;
use crate::model::{CheckRecord, FailedCheck, TokenKind, TokenRecord, TokenStatus, TokenView};
use crate::status::view_of;
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

    /// Checks a token: its format offline, then (unless `offline`) `GET /user`. A token
    /// that is not well formed is shown with the rule it broke and nothing about expiry.
    pub async fn check(&self, input: &str, host: Option<&str>, offline: bool, lang: Lang) -> CheckOutcome {
        // The host as core resolves it; a refused one is not repeated (it may be a
        // token pasted in the wrong place).
        let host_key = self.config.host(host).map(|h| h.key()).unwrap_or_default();
        let parsed = match token::parse(input) {
            Ok(p) => p,
            Err(e) => return CheckOutcome { view: unstored_view(host_key, None, Some(&e), lang), ok: false },
        };
        if offline {
            return CheckOutcome { view: unstored_view(host_key, Some(parsed.kind), None, lang), ok: true };
        }
        let host = match self.config.host(host) {
            Ok(h) => h,
            Err(e) => {
                return CheckOutcome { view: unstored_view(host_key, Some(parsed.kind), Some(&e), lang), ok: false }
            }
        };
        let now = Utc::now();
        let mut record = TokenRecord::new(String::new(), String::new(), host.key(), parsed.kind, now);
        let result = self.ask_host(&host, parsed.kind, &parsed.secret).await;
        let ok = result.is_ok();
        apply_check(&self.config, &mut record, &result, now);
        let view = TokenView { id: None, name: None, settings_url: None, ..view_of(&record, now, lang) };
        CheckOutcome { view, ok }
    }

    /// Checks a token against its host, then stores it: the secret in the keychain,
    /// the metadata in the data dir. Nothing is stored when any step fails.
    pub async fn add(&self, name: &str, host: Option<&str>, input: &str, lang: Lang) -> Result<TokenView> {
        crate::vault::validate_name(name)?;
        let parsed = token::parse(input)?;
        let host = self.config.host(host)?;
        if self.vault.list()?.iter().any(|t| t.name == name) {
            return Err(Error::NameTaken { name: name.into() });
        }
        self.vault.check_not_stored(&parsed.secret)?;
        let record = self.first_check(uuid::Uuid::new_v4().to_string(), name, &host, &parsed).await?;
        let stored = self.vault.add_async(record, parsed.secret).await?;
        Ok(view_of(&stored, Utc::now(), lang))
    }

    /// The record of a token about to be stored, from GitHub's first answer about it.
    /// A token GitHub cannot check (a refresh token) is kept with what its format says;
    /// any other refusal stops here, before anything is stored.
    pub(crate) async fn first_check(
        &self,
        id: String,
        name: &str,
        host: &Host,
        parsed: &token::ParsedToken,
    ) -> Result<TokenRecord> {
        let now = Utc::now();
        let result = self.ask_host(host, parsed.kind, &parsed.secret).await;
        if let Err(e) = &result {
            if !matches!(e, Error::NotCheckable) {
                return Err(e.clone());
            }
        }
        let mut record = TokenRecord::new(id, name.to_owned(), host.key(), parsed.kind, now);
        apply_check(&self.config, &mut record, &result, now);
        Ok(record)
    }

    /// Every stored token as it looks now, in `lang`. Installation tokens that expired
    /// (unless pinned) are dropped first (docs/github.md, "GitHub App tokens").
    pub fn list(&self, lang: Lang) -> Result<Vec<TokenView>> {
        let now = Utc::now();
        if let Err(e) = crate::apps::sweep_expired(&self.vault, now) {
            tracing::warn!(code = e.code(), "list: expired installation tokens not dropped");
        }
        let mut views: Vec<TokenView> = self.vault.list()?.iter().map(|r| view_of(r, now, lang)).collect();
        views.sort_by(|a, b| (&a.host, &a.login, &a.name).cmp(&(&b.host, &b.login, &b.name)));
        Ok(views)
    }

    /// [`Jeton::list`], with the tokens whose secret the keychain no longer holds
    /// marked (when the keychain can be asked).
    pub async fn list_checked(&self, lang: Lang) -> Result<Vec<TokenView>> {
        let views = self.list(lang)?;
        let Ok(Some(accounts)) = self.vault.run(|v| v.secrets().accounts()).await else { return Ok(views) };
        let present: std::collections::HashSet<String> = accounts.into_iter().collect();
        Ok(views
            .into_iter()
            .map(|v| match &v.id {
                Some(id) if !present.contains(id) => crate::status::with_secret_missing(v),
                _ => v,
            })
            .collect())
    }

    /// Asks GitHub again about a stored token and records the answer. A failed check
    /// is recorded as a status; the token itself is never dropped or rewritten.
    pub async fn recheck(&self, id_or_name: &str, lang: Lang) -> Result<TokenView> {
        let record = self.vault.find(id_or_name)?;
        let result = self.ask_github(&record).await;
        Ok(self.record_check(&record, result, lang))
    }

    /// Asks GitHub about a stored token. Its kind is read again from the secret itself,
    /// never taken from the metadata (an imported file could claim any kind), so a
    /// refresh token is never sent whatever its record says.
    pub(crate) async fn ask_github(&self, record: &TokenRecord) -> Result<TokenCheck> {
        if record.kind == TokenKind::AppRefresh {
            return Err(Error::NotCheckable);
        }
        let secret = self.vault.secret_async(record).await?;
        let parsed = token::parse(secret.expose())?;
        let host = self.config.host(Some(&record.host))?;
        self.ask_host(&host, parsed.kind, &parsed.secret).await
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
            .map(|(r, result)| (r.id.clone(), |rec: &mut TokenRecord| apply_check(&self.config, rec, result, now)));
        let saved = self.vault.update_many(changes);
        let shown = |record: &TokenRecord, result: &Result<TokenCheck>, e: &Error| {
            let mut copy = record.clone();
            apply_check(&self.config, &mut copy, result, now);
            TokenView { error: Some(e.payload(lang)), ..view_of(&copy, now, lang) }
        };
        match saved {
            Ok(updated) => items
                .iter()
                .zip(updated)
                .map(|((record, result), u)| match u {
                    Some(u) => view_of(&u, now, lang),
                    None => shown(record, result, &Error::NotFound { name: record.name.clone() }),
                })
                .collect(),
            Err(e) => items.iter().map(|(record, result)| shown(record, result, &e)).collect(),
        }
    }

    pub async fn forget(&self, id_or_name: &str) -> Result<()> {
        self.vault.forget_async(id_or_name).await.map(|_| ())
    }

    /// Whether the keychain answers (unavailable and locked are distinct errors).
    pub async fn keychain_status(&self) -> Result<()> {
        self.vault.keychain_status().await
    }
}

/// What an answer changes in a record. A verdict (GitHub accepted or refused it)
/// replaces the last check and, when accepted, the login, grants and expiry (an
/// unreadable expiry keeps the one known). A failure to get one (network, rate limit,
/// keychain) is kept apart, so that what was known still shows.
pub(crate) fn apply_check(config: &Config, r: &mut TokenRecord, result: &Result<TokenCheck>, now: DateTime<Utc>) {
    match result {
        Ok(user) => {
            if user.login.is_some() {
                r.login = user.login.clone();
            }
            if r.kind.has_scopes() {
                r.scopes = Some(user.scopes.clone().unwrap_or_default());
            }
            if user.expiry_unparsable {
                r.expiry_unknown = r.expires_at.is_none();
            } else {
                r.expires_at = user.expires_at;
                r.expiry_unknown = false;
            }
            let (status, sso_url) =
                config.host(Some(&r.host)).map(|h| status_of_user(user, &h)).unwrap_or((TokenStatus::Valid, None));
            r.last_check = Some(CheckRecord { at: now, status, sso_url, error: None });
            r.last_failure = None;
        }
        Err(e) if e.is_verdict() => {
            let sso_url = if let Error::SsoRequired { url } = e { url.clone() } else { None };
            r.last_check = Some(CheckRecord { at: now, status: status_for_error(e), sso_url, error: Some(e.clone()) });
            r.last_failure = None;
        }
        Err(e) => r.last_failure = Some(FailedCheck { at: now, error: e.clone() }),
    }
}

/// How a token that is not stored looks: its host and kind, and why it failed.
fn unstored_view(host: String, kind: Option<TokenKind>, error: Option<&Error>, lang: Lang) -> TokenView {
    let status = match error {
        Some(e) => status_for_error(e),
        None => TokenStatus::Unknown,
    };
    TokenView {
        id: None,
        name: None,
        host,
        kind,
        well_formed: kind.is_some(),
        login: None,
        scopes: None,
        grants: None,
        permissions: None,
        expires_at: None,
        status,
        sso_url: None,
        error: error.map(|e| e.payload(lang)),
        days_left: None,
        never_expires: false,
        last_checked: None,
        unreachable: false,
        secret_missing: false,
        urgency: crate::status::urgency(status, None),
        needs_attention: false,
        settings_url: None,
    }
}

/// A token GitHub accepted: valid, or held back by an organization's SAML SSO, with
/// the page where the user authorizes it.
pub(crate) fn status_of_user(user: &TokenCheck, host: &Host) -> (TokenStatus, Option<String>) {
    use crate::github::headers::Sso;
    match &user.sso {
        Some(Sso::Required { url }) => (TokenStatus::SsoRequired, Some(url.clone())),
        // Only classic tokens are held back by SSO: their settings page lists the orgs to authorize.
        Some(Sso::PartialResults { .. }) => {
            (TokenStatus::SsoRequired, Some(crate::pages::settings_url(&host.key(), TokenKind::Classic)))
        }
        _ => (TokenStatus::Valid, None),
    }
}

/// The status a check error stands for.
pub(crate) fn status_for_error(e: &Error) -> TokenStatus {
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
