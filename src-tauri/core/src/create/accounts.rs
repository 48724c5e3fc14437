//! Who can own the new token and which repositories to tick, asked of GitHub with a
//! token of the same account that Jeton already keeps (none: the user types the
//! owner), and the creation page once every rule that Jeton can check holds.

use chrono::NaiveDate;
use serde::Serialize;

use super::checklist::{creation_page, CreationPage};
use super::Creation;
use crate::config::Host;
use crate::error::{Error, Result};
use crate::github::client::{Account, Repository};
use crate::github::request::TokenRequest;
use crate::i18n::Lang;
use crate::model::TokenKind;
use crate::secret::Secret;
use crate::service::Jeton;

/// The possible resource owners: the user, then their organizations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Owners {
    pub owners: Vec<Account>,
    /// Asked of GitHub; `false`: no token of the account is known, only the user is listed.
    pub from_github: bool,
}

impl Jeton {
    /// A kept secret of `login` on `host` that can list orgs and repositories
    /// (classic tokens first: they see everything the account sees).
    async fn account_secrets(&self, host: &Host, login: &str) -> Result<Vec<Secret>> {
        let mut records: Vec<_> = self
            .vault
            .list()?
            .into_iter()
            .filter(|r| r.host == host.key() && r.login.as_deref().is_some_and(|l| l.eq_ignore_ascii_case(login)))
            .filter(|r| matches!(r.kind, TokenKind::Classic | TokenKind::FineGrained | TokenKind::Oauth))
            .collect();
        records.sort_by_key(|r| r.kind != TokenKind::Classic);
        let mut out = Vec::new();
        for r in records {
            if let Ok(s) = self.vault.secret_async(&r).await {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// Asks GitHub with each of the account's tokens in turn until one answers.
    async fn ask_as<T, F, Fut>(&self, host: &Host, login: &str, ask: F) -> Result<Option<T>>
    where
        F: Fn(Secret) -> Fut,
        Fut: std::future::Future<Output = Result<T>>,
    {
        let mut last = None;
        for secret in self.account_secrets(host, login).await? {
            match ask(secret).await {
                Ok(v) => return Ok(Some(v)),
                Err(e) => last = Some(e),
            }
        }
        last.map_or(Ok(None), Err)
    }

    /// The user `login` and their organizations (`GET /user/orgs`).
    pub async fn owners(&self, host: Option<&str>, login: &str) -> Result<Owners> {
        let host = self.config.host(host)?;
        let me = Account { login: login.to_owned(), organization: false };
        let orgs = self.ask_as(&host, login, |s| {
            let (client, host) = (self.client.clone(), host.clone());
            async move { client.list_orgs(&host, &s).await }
        });
        Ok(match orgs.await? {
            Some(orgs) => Owners { owners: std::iter::once(me).chain(orgs).collect(), from_github: true },
            None => Owners { owners: vec![me], from_github: false },
        })
    }

    /// The repositories `login` can reach (`GET /user/repos`); empty when no token of
    /// the account is known.
    pub async fn repositories(&self, host: Option<&str>, login: &str) -> Result<Vec<Repository>> {
        let host = self.config.host(host)?;
        let repos = self.ask_as(&host, login, |s| {
            let (client, host) = (self.client.clone(), host.clone());
            async move { client.list_repos(&host, &s).await }
        });
        Ok(repos.await?.unwrap_or_default())
    }

    /// GitHub's pre-filled page for `creation` and its checklist, once the rules Jeton
    /// can check hold: GitHub's (request.rs), a name no kept token has (unless it
    /// renews one), and a resource owner that is the account or one of its
    /// organizations, with permissions of that owner's kind (when GitHub can be asked).
    pub async fn creation_page(&self, creation: &Creation, today: NaiveDate, lang: Lang) -> Result<CreationPage> {
        let host = self.config.host(creation.host.as_deref())?;
        let page = creation_page(&host, creation, today, lang)?;
        let name = creation.name().trim();
        if creation.renews.is_none() && self.vault.list()?.iter().any(|r| r.name == name) {
            return Err(Error::NameTaken { name: name.to_owned() });
        }
        if let (TokenRequest::FineGrained(f), Some(login)) = (&creation.request, &creation.account) {
            let owner = f.owner.as_deref().unwrap_or(login);
            // GitHub not answering leaves the owner for its page to check.
            if let Ok(Owners { owners, from_github: true }) = self.owners(creation.host.as_deref(), login).await {
                let found = owners.iter().find(|o| o.login.eq_ignore_ascii_case(owner));
                let found = found.ok_or_else(|| Error::RequestOwnerUnknown { owner: owner.to_owned() })?;
                f.check_owner_kind(found.organization)?;
            } else if owner.eq_ignore_ascii_case(login) {
                f.check_owner_kind(false)?;
            }
        }
        Ok(page)
    }
}
