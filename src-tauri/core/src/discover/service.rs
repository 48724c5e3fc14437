//! What the app and the CLI call: find, check, import a found token, and remove its
//! plain-text copy once the keychain holds it.

use chrono::Utc;

use super::remove::{remove_line, Removed};
use super::{find, gh_hosts, git_file, Finding, Places, SourceKind};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::TokenView;
use crate::service::Jeton;
use crate::status::view_of;
use crate::token;

impl Jeton {
    /// Every token found in `places`, each with the name it has in Jeton when the
    /// vault already holds it (found by the vault's keyed fingerprint).
    pub async fn discover(&self, places: &Places) -> Result<Vec<Finding>> {
        let (config, places) = (self.config.clone(), places.clone());
        let mut found = tokio::task::spawn_blocking(move || find(&config, &places))
            .await
            .map_err(|e| Error::Internal { detail: format!("the search stopped: {e}") })?;
        for f in &mut found {
            f.found.stored_as = self.vault.find_by_secret(&f.secret)?.map(|r| r.name);
        }
        Ok(found)
    }

    /// The finding `id` names, as it is now.
    async fn found(&self, places: &Places, id: &str) -> Result<Finding> {
        let places = if id.starts_with("git_credentials:") || id.starts_with("gh_hosts:") {
            Places { env: vec![], gh_keyring: None, ..places.clone() }
        } else {
            places.clone()
        };
        let found = self.discover(&places).await?;
        found.into_iter().find(|f| f.found.id == id).ok_or(Error::FoundChanged)
    }

    /// Asks the token's host about a found token, storing nothing.
    pub async fn check_found(&self, places: &Places, id: &str, lang: Lang) -> Result<TokenView> {
        let f = self.found(places, id).await?;
        let host = f.found.host.as_deref().ok_or(Error::FoundNoHost)?;
        Ok(self.check(f.secret.expose(), Some(host), false, lang).await.view)
    }

    /// Checks a found token against its host and stores it, named after its account
    /// and where it was found ("octocat · git-credentials"). Nothing is stored when
    /// GitHub refuses it.
    pub async fn import_found(&self, places: &Places, id: &str, lang: Lang) -> Result<TokenView> {
        let f = self.found(places, id).await?;
        if let Some(name) = f.found.stored_as {
            return Err(Error::TokenDuplicate { name });
        }
        let host = self.config.host(Some(f.found.host.as_deref().ok_or(Error::FoundNoHost)?))?;
        let parsed = token::parse(f.secret.expose())?;
        self.vault.check_not_stored(&parsed.secret)?;
        let mut record = self.first_check(uuid::Uuid::new_v4().to_string(), "", &host, &parsed).await?;
        let who = record.login.clone().or(f.found.user).unwrap_or_else(|| host.key());
        record.name = self.free_name(&format!("{who} · {}", label(f.found.source, &f.found.location)))?;
        let stored = self.vault.add_async(record, parsed.secret).await?;
        Ok(view_of(&stored, Utc::now(), lang))
    }

    /// Removes the plain-text copy `id` names (a file's line), after writing a backup
    /// beside the file; only once the keychain holds that token.
    pub async fn remove_found(&self, places: &Places, id: &str) -> Result<Removed> {
        let f = self.found(places, id).await?;
        let (source, line) = (f.found.source, f.found.line);
        let Some(line) = line.filter(|_| source.removable()) else {
            return Err(Error::FoundNotRemovable { place: source });
        };
        if f.found.stored_as.is_none() {
            return Err(Error::FoundNotStored);
        }
        let path = std::path::PathBuf::from(&f.found.location);
        let config = self.config.clone();
        tokio::task::spawn_blocking(move || match source {
            SourceKind::GitCredentials => {
                remove_line(&path, line, &f.secret, true, |text| git_file::entry(&config, text).map(|(_, p)| p.secret))
            }
            _ => remove_line(&path, line, &f.secret, false, gh_hosts::token_on_line),
        })
        .await
        .map_err(|e| Error::Internal { detail: format!("the removal stopped: {e}") })?
    }

    /// `base`, or `base (2)`, `base (3)`… when a token has that name.
    fn free_name(&self, base: &str) -> Result<String> {
        let names: std::collections::HashSet<String> = self.vault.list()?.into_iter().map(|r| r.name).collect();
        Ok((1..)
            .map(|i| if i == 1 { base.to_owned() } else { format!("{base} ({i})") })
            .find(|n| !names.contains(n))
            .expect("a free name"))
    }
}

/// Where a token was found, in a name (the same in every language).
fn label(source: SourceKind, location: &str) -> String {
    match source {
        SourceKind::GitCredentials => "git-credentials".into(),
        SourceKind::GhHosts => "gh hosts.yml".into(),
        SourceKind::GhKeyring => "gh keyring".into(),
        SourceKind::Env => location.to_owned(),
    }
}
