//! Where secrets live: the OS keychain (through `keyring`), or memory in unit tests.
//! There is no plain-text store, and never a fallback to one.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::error::{Error, Result};
use crate::secret::Secret;

/// A keychain: secrets by account name, within one namespace (the keyring "service").
pub trait SecretStore: Send + Sync {
    fn set(&self, account: &str, secret: &Secret) -> Result<()>;
    /// `Ok(None)` when there is no such entry.
    fn get(&self, account: &str) -> Result<Option<Secret>>;
    /// Succeeds when the entry is already gone.
    fn delete(&self, account: &str) -> Result<()>;
    /// Whether the keychain answers at all (a read of an entry that need not exist).
    fn probe(&self) -> Result<()> {
        self.get("jeton-probe").map(|_| ())
    }
}

/// The OS keychain: Secret Service on Linux, Keychain on macOS, Credential Manager on
/// Windows. Entries are `service = namespace`, `user = account`.
pub struct KeyringStore {
    namespace: String,
}

impl KeyringStore {
    pub fn new(namespace: impl Into<String>) -> Self {
        KeyringStore { namespace: namespace.into() }
    }

    fn entry(&self, account: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(&self.namespace, account).map_err(map_keyring)
    }
}

impl SecretStore for KeyringStore {
    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        self.entry(account)?.set_password(secret.expose()).map_err(map_keyring)
    }

    fn get(&self, account: &str) -> Result<Option<Secret>> {
        match self.entry(account)?.get_password() {
            Ok(p) => Ok(Some(Secret::new(p))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_keyring(e)),
        }
    }

    fn delete(&self, account: &str) -> Result<()> {
        match self.entry(account)?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_keyring(e)),
        }
    }
}

/// Keyring errors as Jeton's codes. Details never include a secret: keyring's
/// errors describe the store, not the value.
fn map_keyring(e: keyring::Error) -> Error {
    match e {
        keyring::Error::NoStorageAccess(_) => Error::KeychainLocked,
        keyring::Error::NoDefaultStore => Error::KeychainUnavailable { detail: "no keychain service found".into() },
        keyring::Error::PlatformFailure(inner) => Error::KeychainUnavailable { detail: short(&inner.to_string()) },
        other => Error::KeychainUnavailable { detail: short(&other.to_string()) },
    }
}

fn short(s: &str) -> String {
    s.chars().take(160).collect()
}

/// An in-memory keychain for unit tests. It can be told to fail like a locked one.
#[derive(Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<String, String>>,
    locked: Mutex<bool>,
}

impl MemoryStore {
    pub fn set_locked(&self, locked: bool) {
        *self.locked.lock().unwrap() = locked;
    }

    pub fn len(&self) -> usize {
        self.entries.lock().unwrap().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn check(&self) -> Result<()> {
        if *self.locked.lock().unwrap() {
            Err(Error::KeychainLocked)
        } else {
            Ok(())
        }
    }
}

impl SecretStore for MemoryStore {
    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        self.check()?;
        self.entries.lock().unwrap().insert(account.into(), secret.expose().into());
        Ok(())
    }

    fn get(&self, account: &str) -> Result<Option<Secret>> {
        self.check()?;
        Ok(self.entries.lock().unwrap().get(account).map(|s| Secret::new(s.clone())))
    }

    fn delete(&self, account: &str) -> Result<()> {
        self.check()?;
        self.entries.lock().unwrap().remove(account);
        Ok(())
    }
}
