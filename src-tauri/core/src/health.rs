//! The vault's health as a person sees it: read-only data, secrets found in the
//! keychain with no token ("recovered"), tokens whose secret is gone ("missing");
//! and moving metadata between machines (the secrets stay in the keychain).

use chrono::Utc;
use serde::Serialize;

use crate::error::{ErrorPayload, Result};
use crate::i18n::Lang;
use crate::model::TokenView;
use crate::service::Jeton;
use crate::status::view_of;
use crate::token;

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct VaultHealth {
    /// Why Jeton's data is read-only, when it is.
    pub read_only: Option<ErrorPayload>,
    /// Why the keychain cannot be used, when it cannot.
    pub keychain: Option<ErrorPayload>,
    /// Keychain entries no token names (ids), for the user to name or delete.
    pub recovered: Vec<String>,
    /// Tokens whose secret is no longer in the keychain.
    pub missing: Vec<MissingToken>,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MissingToken {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportSummary {
    pub added: Vec<String>,
    pub already_present: Vec<String>,
    /// `[old name, new name]` for names that were taken here.
    pub renamed: Vec<(String, String)>,
    /// Imported tokens whose secret is not in this machine's keychain.
    pub without_secret: Vec<String>,
    /// Imported tokens whose secret is in this keychain but whose host Jeton does not
    /// send secrets to unasked: they stay under "Found in your keychain" until the user
    /// names them there, seeing the host.
    pub to_confirm: Vec<String>,
}

impl Jeton {
    /// Finishes or undoes interrupted operations and reports what needs the user.
    pub async fn health(&self, lang: Lang) -> VaultHealth {
        let read_only = self.vault.read_only().map(|e| e.payload(lang));
        let keychain = self.vault.keychain_status().await.err().map(|e| e.payload(lang));
        let mut health = VaultHealth { read_only, keychain, recovered: vec![], missing: vec![] };
        if health.keychain.is_none() {
            if let Ok(r) = self.vault.reconcile_async().await {
                health.recovered = r.recovered.into_iter().map(|s| s.id).collect();
                health.missing = r.missing.into_iter().map(|m| MissingToken { id: m.id, name: m.name }).collect();
            }
        }
        health
    }

    /// Reads Jeton's data file again (after the user restored or replaced it) and
    /// reports the health that follows: read-only is lifted when the file now reads.
    pub async fn reload(&self, lang: Lang) -> VaultHealth {
        self.vault.reload();
        self.health(lang).await
    }

    /// Gives a recovered keychain entry a name, after checking it with GitHub like an
    /// added token. The host is the one the user confirmed in the dialog, seeing it.
    pub async fn adopt_recovered(&self, id: &str, name: &str, host: Option<&str>, lang: Lang) -> Result<TokenView> {
        crate::vault::validate_name(name)?;
        let id_owned = id.to_owned();
        let secret = self
            .vault
            .run(move |v| v.secrets().get(&id_owned))
            .await?
            .ok_or_else(|| crate::Error::NotFound { name: id.to_owned() })?;
        let parsed = token::parse(secret.expose())?;
        let host = self.config.host(host)?;
        let record = self.first_check(id.to_owned(), name, &host, &parsed).await?;
        let id = id.to_owned();
        let stored = self.vault.name_recovered_async(&id, record).await?;
        Ok(view_of(&stored, Utc::now(), lang))
    }

    /// Puts back the secret of a token whose keychain entry is gone, once GitHub says
    /// the pasted token is that token: the same host (the record's, never another)
    /// and the same account. Nothing is stored otherwise.
    pub async fn provide_secret(&self, id: &str, input: &str, lang: Lang) -> Result<TokenView> {
        let record = self.vault.find(id)?;
        let parsed = token::parse(input)?;
        let host = self.config.host(Some(&record.host))?;
        let answer = match self.ask_host(&host, parsed.kind, &parsed.secret).await {
            Err(e) if !matches!(e, crate::Error::NotCheckable) => return Err(e),
            answer => answer,
        };
        let found = answer.as_ref().ok().and_then(|a| a.login.clone());
        if let (Some(expected), Some(found)) = (&record.login, found) {
            if *expected != found {
                let on = |login: &str| format!("{login} ({})", host.key());
                return Err(crate::Error::TokenMismatch { expected: on(expected), found: on(&found) });
            }
        }
        let stored = self.vault.restore_secret_async(&record.id, parsed.secret).await?;
        Ok(self.record_check(&stored, answer, lang))
    }

    pub async fn delete_recovered(&self, id: &str) -> Result<()> {
        self.vault.delete_recovered_async(id).await
    }

    /// The metadata of every token as JSON, never a secret.
    pub fn export_backup(&self) -> Result<String> {
        self.vault.export_metadata()
    }

    /// Writes the metadata export to `path` (mode 0600: it names your tokens and accounts).
    pub fn export_backup_to(&self, path: &std::path::Path) -> Result<()> {
        self.vault.export_metadata_to(path)
    }

    /// Imports metadata (never secrets). A record whose secret is already in this
    /// keychain is bound to it only when its host is the default one (github.com, or
    /// what replaces it) and GitHub, asked with the kind read from the secret itself,
    /// accepts it; otherwise no request carries that secret and it stays recovered.
    pub async fn import_backup(&self, json: String) -> Result<ImportSummary> {
        let r = self.vault.import_metadata_async(json).await?;
        let mut summary = ImportSummary {
            added: r.added,
            already_present: r.already_present,
            renamed: r.renamed.into_iter().map(|x| (x.from, x.to)).collect(),
            without_secret: r.without_secret,
            to_confirm: vec![],
        };
        for held in r.held {
            match self.bind_imported(&held).await {
                Ok(name) => summary.added.push(name),
                Err(e) => {
                    tracing::info!(id = %held.id, code = e.code(), "import: secret left for the user to confirm");
                    summary.to_confirm.push(held.name);
                }
            }
        }
        Ok(summary)
    }

    async fn bind_imported(&self, held: &crate::model::TokenRecord) -> Result<String> {
        let default = self.config.default_host();
        let host = self.config.host(Some(&held.host))?;
        if host != default {
            return Err(crate::Error::NotFound { name: held.name.clone() });
        }
        let secret = self.vault.secret_async(held).await?;
        let parsed = token::parse(secret.expose())?;
        let name = self.vault.unused_name(&held.name)?;
        let record = self.first_check(held.id.clone(), &name, &host, &parsed).await?;
        let stored = self.vault.name_recovered_async(&held.id, record).await?;
        Ok(stored.name)
    }
}
