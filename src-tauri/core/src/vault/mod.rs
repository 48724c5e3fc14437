//! The vault: secrets in the keychain, metadata in the data dir, kept consistent.
//!
//! Adding writes the secret first, then the metadata; forgetting removes the
//! metadata, then the secret. A crash between the two leaves at worst a secret with
//! no metadata, which reconciliation shows; never metadata that claims a secret
//! that was not written.

pub mod metadata;
pub mod secret_store;

use std::sync::{Arc, Mutex};

pub use metadata::{Document, MetadataStore};
pub use secret_store::{KeyringStore, MemoryStore, SecretStore};

use crate::error::{Error, Result};
use crate::model::TokenRecord;
use crate::secret::Secret;

pub struct Vault {
    secrets: Arc<dyn SecretStore>,
    meta: MetadataStore,
    guard: Mutex<()>,
}

impl Vault {
    pub fn new(secrets: Arc<dyn SecretStore>, meta: MetadataStore) -> Self {
        Vault { secrets, meta, guard: Mutex::new(()) }
    }

    pub fn secrets(&self) -> &dyn SecretStore {
        self.secrets.as_ref()
    }

    pub fn metadata(&self) -> &MetadataStore {
        &self.meta
    }

    pub fn list(&self) -> Result<Vec<TokenRecord>> {
        Ok(self.meta.load()?.tokens)
    }

    /// Finds a token by id or by name.
    pub fn find(&self, id_or_name: &str) -> Result<TokenRecord> {
        self.list()?
            .into_iter()
            .find(|r| r.id == id_or_name || r.name == id_or_name)
            .ok_or_else(|| Error::NotFound { name: id_or_name.into() })
    }

    pub fn add(&self, record: TokenRecord, secret: &Secret) -> Result<TokenRecord> {
        validate_name(&record.name)?;
        let _g = self.guard.lock().unwrap();
        let mut doc = self.meta.load()?;
        if doc.tokens.iter().any(|t| t.name == record.name) {
            return Err(Error::NameTaken { name: record.name });
        }
        self.secrets.set(&record.id, secret)?;
        doc.tokens.push(record.clone());
        if let Err(e) = self.meta.save(&doc) {
            let _ = self.secrets.delete(&record.id);
            return Err(e);
        }
        Ok(record)
    }

    pub fn update(&self, id: &str, change: impl FnOnce(&mut TokenRecord)) -> Result<TokenRecord> {
        let _g = self.guard.lock().unwrap();
        let mut doc = self.meta.load()?;
        let rec = doc.tokens.iter_mut().find(|t| t.id == id).ok_or_else(|| Error::NotFound { name: id.into() })?;
        change(rec);
        let out = rec.clone();
        self.meta.save(&doc)?;
        Ok(out)
    }

    pub fn forget(&self, id_or_name: &str) -> Result<TokenRecord> {
        let _g = self.guard.lock().unwrap();
        let mut doc = self.meta.load()?;
        let pos = doc
            .tokens
            .iter()
            .position(|t| t.id == id_or_name || t.name == id_or_name)
            .ok_or_else(|| Error::NotFound { name: id_or_name.into() })?;
        let rec = doc.tokens.remove(pos);
        self.meta.save(&doc)?;
        self.secrets.delete(&rec.id)?;
        Ok(rec)
    }

    pub fn secret(&self, record: &TokenRecord) -> Result<Secret> {
        self.secrets.get(&record.id)?.ok_or_else(|| Error::SecretMissing { name: record.name.clone() })
    }
}

pub fn validate_name(name: &str) -> Result<()> {
    let n = name.trim();
    if n.is_empty() || n.chars().count() > 100 || n.chars().any(char::is_control) || n != name {
        return Err(Error::NameInvalid);
    }
    Ok(())
}

#[cfg(test)]
mod tests;
