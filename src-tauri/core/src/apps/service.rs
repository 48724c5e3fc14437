//! What the desktop app calls for GitHub Apps (docs/github.md, "GitHub App tokens"):
//! the apps with their installations, adding one (its key from a file read here, or
//! pasted), listing an installation's repositories to choose from, and minting a token
//! answered as the dashboard shows it. The rules are this module's; callers pass input.

use std::io::Read;
use std::path::Path;

use chrono::Utc;

use super::{AppRecord, MintRequest};
use crate::error::{Error, Result};
use crate::github::client::Repository;
use crate::i18n::Lang;
use crate::model::TokenView;
use crate::secret::Secret;
use crate::service::Jeton;
use crate::status::view_of;

/// The largest key file read (an RSA key's PEM is a few kilobytes).
pub const MAX_KEY_BYTES: u64 = 64 * 1024;

/// An app's private key from a `.pem` file: read here, never shown.
pub fn read_key_file(path: &Path) -> Result<Secret> {
    let source = path.display().to_string();
    let unreadable = |e: std::io::Error| Error::AppKeyUnreadable { path: source.clone(), detail: e.to_string() };
    read_key(std::fs::File::open(path).map_err(unreadable)?, &source)
}

/// An app's private key from `reader` (a file, or the CLI's standard input), named
/// `source` in an error. Input that is not text, or larger than any key, is not a key.
pub fn read_key(reader: impl Read, source: &str) -> Result<Secret> {
    let mut bytes = Vec::new();
    let read = reader.take(MAX_KEY_BYTES + 1).read_to_end(&mut bytes);
    read.map_err(|e| Error::AppKeyUnreadable { path: source.to_owned(), detail: e.to_string() })?;
    if bytes.len() as u64 > MAX_KEY_BYTES {
        return Err(Error::AppKeyInvalid);
    }
    String::from_utf8(bytes).map(Secret::new).map_err(|_| Error::AppKeyInvalid)
}

impl Jeton {
    /// Every app Jeton holds the key of, with its installations as last listed.
    pub fn apps(&self) -> Result<Vec<AppRecord>> {
        self.vault.apps()
    }

    /// Adds the app `issuer` (client ID or app ID) on `host` with its private key
    /// (see [`super::add_app`]: nothing is stored unless GitHub accepts the key).
    pub async fn add_app(&self, host: Option<&str>, issuer: &str, key: &Secret) -> Result<AppRecord> {
        let host = self.config.host(host)?;
        super::add_app(&self.vault, &self.client, &host, issuer, key).await
    }

    /// The app with id `id`.
    fn app(&self, id: &str) -> Result<AppRecord> {
        let apps = self.vault.apps()?;
        apps.into_iter().find(|a| a.id == id).ok_or_else(|| Error::NotFound { name: id.to_owned() })
    }

    /// Lists app `id`'s installations again.
    pub async fn refresh_app(&self, id: &str) -> Result<AppRecord> {
        let app = self.app(id)?;
        let host = self.config.host(Some(&app.host))?;
        super::refresh(&self.vault, &self.client, &host, &app).await
    }

    /// Forgets app `id` and its key (the tokens it minted stay until they expire).
    pub async fn forget_app(&self, id: &str) -> Result<AppRecord> {
        let id = id.to_owned();
        self.vault.run(move |v| v.forget_app(&id)).await
    }

    /// The repositories installation `installation` reaches (the first 100), to choose
    /// from when minting. GitHub lists them only to an installation token: one is
    /// minted for this, with the read-only `metadata` permission alone, used once and
    /// never stored.
    pub async fn installation_repositories(&self, installation: u64) -> Result<Vec<Repository>> {
        let (app, inst) = super::find_installation(&self.vault, installation, None)?;
        let host = self.config.host(Some(&app.host))?;
        let metadata = inst.permissions.contains_key("metadata");
        let narrow = metadata.then(|| [("metadata".to_owned(), "read".to_owned())].into());
        let minted =
            super::mint::mint_unstored(&self.vault, &self.client, &host, &app, &inst, None, narrow.as_ref()).await?;
        self.client.installation_repos(&host, &minted.secret).await
    }

    /// Mints a token as `req` asks (checked against the installation first) and stores
    /// it; answers it as the dashboard shows it, never its secret.
    pub async fn mint_token(&self, req: &MintRequest, lang: Lang) -> Result<TokenView> {
        let (app, _) = super::find_installation(&self.vault, req.installation, None)?;
        let host = self.config.host(Some(&app.host))?;
        let (record, _secret) = super::mint(&self.vault, &self.client, &host, &app, req).await?;
        Ok(view_of(&record, Utc::now(), lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_file_that_is_missing_binary_or_too_large_is_refused_without_its_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("gone.pem");
        let e = read_key_file(&missing).unwrap_err();
        assert_eq!(e.code(), "app_key_unreadable");
        assert!(e.message(Lang::En).contains("gone.pem"), "{}", e.message(Lang::En));
        let binary = dir.path().join("bin.pem");
        std::fs::write(&binary, [0xff, 0xfe, 0x00, 0x41]).unwrap();
        assert_eq!(read_key_file(&binary).unwrap_err(), Error::AppKeyInvalid);
        let large = dir.path().join("large.pem");
        std::fs::write(&large, vec![b'A'; MAX_KEY_BYTES as usize + 1]).unwrap();
        assert_eq!(read_key_file(&large).unwrap_err(), Error::AppKeyInvalid);
        let pem = dir.path().join("key.pem");
        std::fs::write(&pem, "-----BEGIN RSA PRIVATE KEY-----\nx\n").unwrap();
        assert!(read_key_file(&pem).unwrap().expose().starts_with("-----BEGIN RSA"));
    }
}
