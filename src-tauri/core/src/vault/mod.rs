//! The vault: secrets in the keychain, metadata in the data dir, kept consistent.
//!
//! Every write holds the cross-process lock (`tokens.lock`) from load to save, and
//! journals what it is about to do in the metadata (`pending`) before it touches the
//! keychain. Adding: journal "add", write the secret, then move the record into
//! `tokens`. Forgetting: move the record out of `tokens` into a journalled "forget",
//! delete the secret, then drop the journal entry. Whatever a crash interrupts is
//! finished (the secret is there: the add completes; a forget completes) or undone
//! (no secret: the add never happened) by the next write or [`Vault::reconcile`],
//! which also lists secrets nobody knows ("recovered") and tokens whose secret is gone
//! ("missing"): nothing is dropped silently.
//!
//! A metadata file that cannot be read (truncated, not JSON, from a newer Jeton) is
//! copied aside and the vault turns read-only ([`Vault::read_only`]): writes fail
//! with `metadata_read_only` and the user's file is never overwritten.
//!
//! Keychain calls may block for as long as a user takes to type an unlock password;
//! async callers use the `*_async` methods (or [`Vault::run`]), which run them on
//! tokio's blocking pool with a timeout (`keychain_timeout`, 120 s by default).

mod async_api;
pub mod backup;
mod fingerprint;
pub mod keyring_store;
mod lock;
pub mod metadata;
pub mod migrate;
mod private_file;
pub mod reconcile;
pub mod secret_store;
mod write;

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

pub use backup::{ImportReport, Renamed, EXPORT_FORMAT, EXPORT_NOTE};
pub use keyring_store::KeyringStore;
pub use lock::VaultLock;
pub use metadata::{Document, Intent, MetadataStore, SCHEMA_VERSION};
pub use reconcile::{MissingSecret, Reconciliation, RecoveredSecret, Resolved};
pub use secret_store::{EntryLabel, MemoryStore, SecretStore};

use crate::error::{Error, Result};
use crate::model::TokenRecord;

/// Writes a file of Jeton's atomically with mode 0600 (settings, exports).
pub(crate) fn write_private(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    private_file::write_atomic(path, bytes)
}

/// Replaces a file atomically, giving it `mode` (a user's file Jeton edits keeps its mode).
pub(crate) fn write_keeping_mode(path: &std::path::Path, bytes: &[u8], mode: u32) -> Result<()> {
    private_file::write_atomic_mode(path, bytes, mode)
}

/// The storage error for a failed file operation.
pub(crate) fn storage_error(e: &std::io::Error) -> Error {
    private_file::storage(e)
}
use crate::secret::Secret;

/// How long an async vault call waits for the keychain before `keychain_timeout`.
pub const DEFAULT_KEYCHAIN_TIMEOUT: Duration = Duration::from_secs(120);

/// Cheap to clone: clones share the keychain, the file and the read-only state.
#[derive(Clone)]
pub struct Vault {
    inner: Arc<Inner>,
    timeout: Duration,
}

struct Inner {
    secrets: Arc<dyn SecretStore>,
    meta: MetadataStore,
    read_only: Mutex<Option<Error>>,
}

/// A write in progress: the lock, the loaded document, and what the journal held.
pub(crate) struct Txn {
    _lock: VaultLock,
    pub(crate) doc: Document,
    pub(crate) resolved: Vec<Resolved>,
}

impl Vault {
    /// Opens the vault. A file that cannot be read makes it read-only (see
    /// [`Vault::read_only`]); opening itself never fails and never writes.
    pub fn new(secrets: Arc<dyn SecretStore>, meta: MetadataStore) -> Self {
        let inner = Inner { secrets, meta, read_only: Mutex::new(None) };
        let vault = Vault { inner: Arc::new(inner), timeout: DEFAULT_KEYCHAIN_TIMEOUT };
        vault.reload();
        vault
    }

    pub fn with_keychain_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    pub fn keychain_timeout(&self) -> Duration {
        self.timeout
    }

    pub fn secrets(&self) -> &dyn SecretStore {
        self.inner.secrets.as_ref()
    }

    pub fn metadata(&self) -> &MetadataStore {
        &self.inner.meta
    }

    /// Why the vault is read-only (`metadata_corrupt`, `metadata_too_new`, `storage`),
    /// for the UI's banner; `None` when writes are allowed.
    pub fn read_only(&self) -> Option<Error> {
        self.inner.read_only.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }

    /// Looks at the file again (after the user restored or replaced it) and returns
    /// the new read-only state. An older version is copied aside before it is migrated.
    pub fn reload(&self) -> Option<Error> {
        let state = match self.inner.meta.load_versioned() {
            Ok((_, Some(found))) if found < SCHEMA_VERSION => {
                if let Err(e) = self.inner.meta.keep_copy(&format!("v{found}")) {
                    tracing::warn!(code = e.code(), "vault: could not copy the old metadata before migrating it");
                }
                None
            }
            Ok(_) => None,
            Err(e) => Some(self.set_aside(e)),
        };
        *self.inner.read_only.lock().unwrap_or_else(PoisonError::into_inner) = state.clone();
        state
    }

    /// Copies an unreadable file aside and records why the vault is now read-only.
    fn set_aside(&self, e: Error) -> Error {
        let kept = match e {
            Error::MetadataCorrupt { .. } | Error::MetadataTooNew { .. } => self.inner.meta.keep_copy("corrupt").ok(),
            _ => None,
        };
        let e = match (e, &kept) {
            (Error::MetadataCorrupt { path, detail, .. }, Some(b)) => {
                Error::MetadataCorrupt { path, backup: Some(b.display().to_string()), detail }
            }
            (e, _) => e,
        };
        tracing::warn!(code = e.code(), copy = ?kept, "vault: metadata unreadable, read-only");
        *self.inner.read_only.lock().unwrap_or_else(PoisonError::into_inner) = Some(e.clone());
        e
    }

    fn load(&self) -> Result<Document> {
        self.inner.meta.load().map_err(|e| match e {
            Error::MetadataCorrupt { .. } | Error::MetadataTooNew { .. } => self.set_aside(e),
            e => e,
        })
    }

    /// Every confirmed token (operations under way are not shown). A file from a newer
    /// Jeton is shown as far as it can be read.
    pub fn list(&self) -> Result<Vec<TokenRecord>> {
        match self.load() {
            Ok(doc) => Ok(doc.tokens),
            Err(e @ Error::MetadataTooNew { .. }) => self.inner.meta.load_newer_leniently().ok_or(e),
            Err(e) => Err(e),
        }
    }

    /// `name`, or `name (2)`… whichever no token has yet.
    pub(crate) fn unused_name(&self, name: &str) -> Result<String> {
        Ok(free_name(&self.metadata().load()?, name))
    }

    /// Finds a token by id or by name.
    pub fn find(&self, id_or_name: &str) -> Result<TokenRecord> {
        self.list()?
            .into_iter()
            .find(|r| r.id == id_or_name || r.name == id_or_name)
            .ok_or_else(|| Error::NotFound { name: id_or_name.into() })
    }

    /// The token's secret, from the keychain.
    pub fn secret(&self, record: &TokenRecord) -> Result<Secret> {
        self.secrets().get(&record.id)?.ok_or_else(|| Error::SecretMissing { name: record.name.clone() })
    }

    /// Starts a write: refuses when read-only, takes the lock, loads, and finishes or
    /// undoes what an interrupted writer left in the journal (when the keychain answers).
    pub(crate) fn begin(&self) -> Result<Txn> {
        if self.read_only().is_some() {
            return Err(Error::MetadataReadOnly);
        }
        let lock = self.inner.meta.lock()?;
        let mut doc = self.load()?;
        let resolved = reconcile::resolve_pending(self.secrets(), &mut doc, false)?;
        if !resolved.is_empty() {
            self.save(&doc)?;
        }
        Ok(Txn { _lock: lock, doc, resolved })
    }

    pub(crate) fn save(&self, doc: &Document) -> Result<()> {
        self.inner.meta.save(doc)
    }
}

fn position(doc: &Document, id_or_name: &str) -> Result<usize> {
    (doc.tokens.iter().position(|r| r.id == id_or_name))
        .or_else(|| doc.tokens.iter().position(|r| r.name == id_or_name))
        .ok_or_else(|| Error::NotFound { name: id_or_name.into() })
}

fn check_name_free(doc: &Document, name: &str, except_id: Option<&str>) -> Result<()> {
    if doc.tokens.iter().any(|t| t.name == name && Some(t.id.as_str()) != except_id) {
        return Err(Error::NameTaken { name: name.into() });
    }
    Ok(())
}

/// `name`, or `name (2)`, `name (3)`… whichever no token has yet.
pub(crate) fn free_name(doc: &Document, name: &str) -> String {
    let taken = |n: &str| doc.tokens.iter().any(|t| t.name == n);
    if !taken(name) {
        return name.to_owned();
    }
    (2..).map(|i| format!("{name} ({i})")).find(|n| !taken(n)).expect("some suffix is free")
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
#[cfg(test)]
mod tests_journal;
#[cfg(test)]
mod tests_readonly;
#[cfg(test)]
mod tests_reconcile;
