//! Where secrets live: the OS keychain ([`KeyringStore`](super::KeyringStore)), or
//! memory ([`MemoryStore`]) for tests and benchmarks. There is no plain-text store, and
//! never a fallback to one.

use std::collections::BTreeMap;
use std::sync::Mutex;

use url::Url;

use crate::error::{Error, Result};
use crate::model::TokenRecord;
use crate::secret::Secret;

/// What a person sees of a token's keychain entry in the keychain's own window
/// (GNOME's Passwords and Keys, say): a label and attributes to search by. The entry's
/// key stays the token's id; this only describes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntryLabel {
    /// "Jeton — laptop git (octocat on github.com)".
    pub label: String,
    /// `host` (`github.com`, `ghe.example.com:8443`) and, once known, `login`.
    pub attributes: BTreeMap<String, String>,
}

impl EntryLabel {
    pub fn of(record: &TokenRecord) -> EntryLabel {
        let host = Url::parse(&record.host)
            .ok()
            .and_then(|u| u.host_str().map(|h| u.port().map_or_else(|| h.to_owned(), |p| format!("{h}:{p}"))))
            .unwrap_or_else(|| record.host.clone());
        let mut attributes = BTreeMap::from([("host".to_owned(), host.clone())]);
        let label = match &record.login {
            Some(login) => {
                attributes.insert("login".to_owned(), login.clone());
                format!("Jeton — {} ({login} on {host})", record.name)
            }
            None => format!("Jeton — {} ({host})", record.name),
        };
        EntryLabel { label, attributes }
    }
}

/// A keychain: secrets by account name, within one namespace (the keyring "service").
/// Calls may block (a keychain may be waiting for its unlock password): from async
/// code, go through the [`Vault`](super::Vault)'s async methods.
pub trait SecretStore: Send + Sync {
    fn set(&self, account: &str, secret: &Secret) -> Result<()>;
    /// `Ok(None)` when there is no such entry.
    fn get(&self, account: &str) -> Result<Option<Secret>>;
    /// Succeeds when the entry is already gone.
    fn delete(&self, account: &str) -> Result<()>;
    /// Whether the entry exists, without reading its secret where the store allows.
    fn exists(&self, account: &str) -> Result<bool> {
        self.get(account).map(|s| s.is_some())
    }
    /// Every account in the namespace, or `Ok(None)` if this keychain cannot list them.
    fn accounts(&self) -> Result<Option<Vec<String>>> {
        Ok(None)
    }
    /// Gives an existing entry the label and attributes a person recognises it by;
    /// nothing happens when there is no such entry, or the store keeps neither.
    fn describe(&self, account: &str, about: &EntryLabel) -> Result<()> {
        let _ = (account, about);
        Ok(())
    }
    /// Whether the keychain answers and is unlocked; distinct errors for each.
    fn probe(&self) -> Result<()> {
        self.exists("jeton-probe").map(|_| ())
    }
}

/// An in-memory keychain, for tests and benchmarks. It can be told to fail like a
/// locked or an absent one.
#[derive(Default)]
pub struct MemoryStore {
    entries: Mutex<BTreeMap<String, Secret>>,
    labels: Mutex<BTreeMap<String, EntryLabel>>,
    failure: Mutex<Option<Error>>,
}

impl MemoryStore {
    /// Every call fails with `keychain_locked` while set.
    pub fn set_locked(&self, locked: bool) {
        self.fail_with(locked.then_some(Error::KeychainLocked));
    }

    /// Every call fails with this error while set (`None` clears it).
    pub fn fail_with(&self, error: Option<Error>) {
        *self.failure.lock().unwrap() = error;
    }

    /// The entry's label and attributes, as [`SecretStore::describe`] last set them.
    pub fn label(&self, account: &str) -> Option<EntryLabel> {
        self.labels.lock().unwrap().get(account).cloned()
    }

    pub fn len(&self) -> usize {
        self.entries.lock().unwrap().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn check(&self) -> Result<()> {
        match &*self.failure.lock().unwrap() {
            Some(e) => Err(e.clone()),
            None => Ok(()),
        }
    }
}

impl SecretStore for MemoryStore {
    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        self.check()?;
        self.entries.lock().unwrap().insert(account.into(), secret.duplicate());
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Secret>> {
        self.check()?;
        Ok(self.entries.lock().unwrap().get(account).map(Secret::duplicate))
    }

    fn delete(&self, account: &str) -> Result<()> {
        self.check()?;
        self.entries.lock().unwrap().remove(account);
        self.labels.lock().unwrap().remove(account);
        Ok(())
    }

    fn describe(&self, account: &str, about: &EntryLabel) -> Result<()> {
        self.check()?;
        if self.entries.lock().unwrap().contains_key(account) {
            self.labels.lock().unwrap().insert(account.into(), about.clone());
        }
        Ok(())
    }

    fn exists(&self, account: &str) -> Result<bool> {
        self.check()?;
        Ok(self.entries.lock().unwrap().contains_key(account))
    }

    fn accounts(&self) -> Result<Option<Vec<String>>> {
        self.check()?;
        Ok(Some(self.entries.lock().unwrap().keys().cloned().collect()))
    }

    fn probe(&self) -> Result<()> {
        self.check()
    }
}
