//! The vault for async callers (the desktop shell's commands, the CLI's runtime).
//!
//! Keychain calls block, sometimes for as long as a person takes to type an unlock
//! password, and every write may wait for another process's lock: these methods run
//! the work on tokio's blocking pool and give up after the vault's keychain timeout
//! with `keychain_timeout`. The work itself is not cancelled: if the keychain answers
//! later, the operation completes (or is undone) consistently, under the lock.

use super::backup::ImportReport;
use super::reconcile::Reconciliation;
use super::Vault;
use crate::error::{Error, Result};
use crate::model::TokenRecord;
use crate::secret::Secret;

impl Vault {
    /// Runs `f` on the blocking pool, with the keychain timeout. Needs a tokio runtime.
    pub async fn run<T, F>(&self, f: F) -> Result<T>
    where
        F: FnOnce(&Vault) -> Result<T> + Send + 'static,
        T: Send + 'static,
    {
        let vault = self.clone();
        let task = tokio::task::spawn_blocking(move || f(&vault));
        match tokio::time::timeout(self.keychain_timeout(), task).await {
            Ok(Ok(result)) => result,
            Ok(Err(join)) => Err(Error::Internal { detail: format!("the vault task stopped: {join}") }),
            Err(_) => {
                tracing::warn!(after = ?self.keychain_timeout(), "vault: keychain did not answer in time");
                Err(Error::KeychainTimeout)
            }
        }
    }

    /// Whether the keychain answers and is unlocked (`keychain_unavailable`,
    /// `keychain_locked`, `keychain_timeout`).
    pub async fn keychain_status(&self) -> Result<()> {
        self.run(|v| v.secrets().probe()).await
    }

    pub async fn add_async(&self, record: TokenRecord, secret: Secret) -> Result<TokenRecord> {
        self.run(move |v| v.add(record, &secret)).await
    }

    pub async fn secret_async(&self, record: &TokenRecord) -> Result<Secret> {
        let record = record.clone();
        self.run(move |v| v.secret(&record)).await
    }

    pub(crate) async fn restore_secret_async(&self, id_or_name: &str, secret: Secret) -> Result<TokenRecord> {
        let id = id_or_name.to_owned();
        self.run(move |v| v.restore_secret(&id, &secret)).await
    }

    pub(crate) async fn forget_async(&self, id_or_name: &str) -> Result<TokenRecord> {
        let id = id_or_name.to_owned();
        self.run(move |v| v.forget(&id)).await
    }

    pub(crate) async fn reconcile_async(&self) -> Result<Reconciliation> {
        self.run(|v| v.reconcile()).await
    }

    pub(crate) async fn name_recovered_async(&self, id: &str, record: TokenRecord) -> Result<TokenRecord> {
        let id = id.to_owned();
        self.run(move |v| v.name_recovered(&id, record)).await
    }

    pub(crate) async fn delete_recovered_async(&self, id: &str) -> Result<()> {
        let id = id.to_owned();
        self.run(move |v| v.delete_recovered(&id)).await
    }

    pub(crate) async fn import_metadata_async(&self, json: String) -> Result<ImportReport> {
        self.run(move |v| v.import_metadata(&json)).await
    }
}
