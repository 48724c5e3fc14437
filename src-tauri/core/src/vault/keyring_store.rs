//! The OS keychain, through the keyring 4 ecosystem (`keyring-core` entries).
//!
//! On Linux (and the BSDs) this is the Secret Service store keyring 4's `v1` feature
//! uses, `zbus-secret-service-keyring-store`, held by this value rather than through
//! keyring's process-wide `LazyLock`: when the Secret Service is absent at first use
//! and appears later (or restarts), the next call connects again; and its `search`
//! lists the entries of a namespace for reconciliation. On macOS and Windows it is the
//! store keyring 4 installs as keyring-core's default (Keychain, Credential Manager).
//!
//! Entries are `service = namespace`, `user = account`. On the Secret Service each also
//! carries a label and `host`/`login` attributes ([`EntryLabel`]), so a person can
//! tell them apart in the keychain's window; the other platforms' entries keep the
//! store's own label. Errors map to Jeton's codes:
//! `keychain_locked` when the store refuses access (a locked collection, a dismissed
//! unlock prompt), `keychain_unavailable` otherwise. Details never carry a secret.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use keyring_core::api::CredentialStore;
use keyring_core::Error as KError;

use super::secret_store::{EntryLabel, SecretStore};
use crate::error::{Error, Result};
use crate::secret::Secret;

pub struct KeyringStore {
    namespace: String,
    store: Mutex<Option<Arc<CredentialStore>>>,
}

impl KeyringStore {
    pub fn new(namespace: impl Into<String>) -> Self {
        KeyringStore { namespace: namespace.into(), store: Mutex::new(None) }
    }

    pub fn namespace(&self) -> &str {
        &self.namespace
    }

    fn connected(&self) -> Result<Arc<CredentialStore>> {
        let mut slot = self.store.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(store) = slot.as_ref() {
            return Ok(store.clone());
        }
        let store = platform::connect().map_err(map_keyring)?;
        *slot = Some(store.clone());
        Ok(store)
    }

    /// One call on this namespace's entry for `account`; `Ok(None)` for "no entry".
    /// After a platform failure the connection is dropped, so the next call reconnects.
    fn call<T>(
        &self,
        account: &str,
        f: impl FnOnce(&keyring_core::Entry) -> keyring_core::Result<T>,
    ) -> Result<Option<T>> {
        let store = self.connected()?;
        let result = store.build(&self.namespace, account, None).and_then(|entry| f(&entry));
        self.settle(result)
    }

    fn settle<T>(&self, result: keyring_core::Result<T>) -> Result<Option<T>> {
        match result {
            Ok(v) => Ok(Some(v)),
            Err(KError::NoEntry) => Ok(None),
            Err(e) => {
                if matches!(e, KError::PlatformFailure(_) | KError::NoDefaultStore) {
                    *self.store.lock().unwrap_or_else(PoisonError::into_inner) = None;
                }
                Err(map_keyring(e))
            }
        }
    }
}

impl SecretStore for KeyringStore {
    fn set(&self, account: &str, secret: &Secret) -> Result<()> {
        self.call(account, |e| e.set_password(secret.expose())).map(|_| ())
    }

    fn get(&self, account: &str) -> Result<Option<Secret>> {
        Ok(self.call(account, |e| e.get_password())?.map(Secret::new))
    }

    fn delete(&self, account: &str) -> Result<()> {
        self.call(account, |e| e.delete_credential()).map(|_| ())
    }

    fn exists(&self, account: &str) -> Result<bool> {
        Ok(self.call(account, |e| e.get_attributes())?.is_some())
    }

    fn describe(&self, account: &str, about: &EntryLabel) -> Result<()> {
        self.call(account, |e| platform::describe(e, about)).map(|_| ())
    }

    fn accounts(&self) -> Result<Option<Vec<String>>> {
        let store = self.connected()?;
        let spec = HashMap::from([("service", self.namespace.as_str())]);
        let found = match store.search(&spec) {
            Err(KError::NotSupportedByStore(_)) => return Ok(None),
            other => self.settle(other)?.unwrap_or_default(),
        };
        let mut accounts: Vec<String> = found
            .iter()
            .filter_map(|e| e.get_specifiers())
            .filter(|(service, _)| *service == self.namespace)
            .map(|(_, user)| user)
            .collect();
        accounts.sort();
        accounts.dedup();
        Ok(Some(accounts))
    }

    fn probe(&self) -> Result<()> {
        self.connected()?;
        platform::check_unlocked(self)
    }
}

#[cfg(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
mod platform {
    use super::*;
    use secret_service::blocking::SecretService;
    use secret_service::{EncryptionType, Error as SsError};
    use zbus_secret_service_keyring_store::cred::Specifier;

    pub(super) fn connect() -> keyring_core::Result<Arc<CredentialStore>> {
        Ok(zbus_secret_service_keyring_store::Store::new()?)
    }

    /// The item's attributes (merged into those it has) and its label.
    pub(super) fn describe(entry: &keyring_core::Entry, about: &EntryLabel) -> keyring_core::Result<()> {
        let attributes: HashMap<&str, &str> = about.attributes.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        entry.update_attributes(&attributes)?;
        match entry.as_any().downcast_ref::<Specifier>() {
            Some(item) => item.set_label(&about.label),
            None => Ok(()),
        }
    }

    /// Asks whether the default collection is locked, without prompting to unlock it.
    pub(super) fn check_unlocked(_: &KeyringStore) -> Result<()> {
        let ss = SecretService::connect(EncryptionType::Plain).map_err(ss_error)?;
        let collection = ss.get_default_collection().map_err(ss_error)?;
        if collection.is_locked().map_err(ss_error)? {
            return Err(Error::KeychainLocked);
        }
        Ok(())
    }

    fn ss_error(e: SsError) -> Error {
        match e {
            SsError::Locked | SsError::NoResult | SsError::Prompt => Error::KeychainLocked,
            SsError::Unavailable => {
                Error::KeychainUnavailable { detail: "no Secret Service on the session bus".into() }
            }
            other => Error::KeychainUnavailable { detail: short(&other.to_string()) },
        }
    }
}

#[cfg(not(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android")))))]
mod platform {
    use super::*;

    pub(super) fn connect() -> keyring_core::Result<Arc<CredentialStore>> {
        if keyring::Entry::store_status().is_err() {
            return Err(KError::NoDefaultStore);
        }
        keyring_core::get_default_store().ok_or(KError::NoDefaultStore)
    }

    pub(super) fn check_unlocked(store: &KeyringStore) -> Result<()> {
        store.exists("jeton-probe").map(|_| ())
    }

    /// Keychain Access and Credential Manager entries keep the store's own label.
    pub(super) fn describe(_: &keyring_core::Entry, _: &EntryLabel) -> keyring_core::Result<()> {
        Ok(())
    }
}

/// Keyring errors as Jeton's codes. Variants that carry the entry's bytes
/// (`BadEncoding`, `BadDataFormat`) are described, never printed.
pub(crate) fn map_keyring(e: KError) -> Error {
    let detail = match e {
        KError::NoStorageAccess(_) => return Error::KeychainLocked,
        KError::NoDefaultStore => "no keychain service found".to_owned(),
        KError::PlatformFailure(inner) => short(&inner.to_string()),
        KError::BadEncoding(_) | KError::BadDataFormat(..) => "a keychain entry is not in the expected format".into(),
        KError::Ambiguous(_) => "several keychain entries answer for one token".into(),
        KError::NoEntry => "no such keychain entry".into(),
        KError::BadStoreFormat(_) | KError::TooLong(..) | KError::Invalid(..) | KError::NotSupportedByStore(_) => {
            short(&e.to_string())
        }
        _ => "unexpected keychain error".into(),
    };
    Error::KeychainUnavailable { detail }
}

fn short(s: &str) -> String {
    s.chars().take(160).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_never_carry_the_entry_bytes() {
        let secret = b"ghp_thisisthesecretvalue".to_vec();
        let inner: keyring_core::error::PlatformError = "bad padding".into();
        for e in [KError::BadEncoding(secret.clone()), KError::BadDataFormat(secret.clone(), inner)] {
            let mapped = map_keyring(e);
            assert_eq!(mapped.code(), "keychain_unavailable");
            for lang in [crate::i18n::Lang::En, crate::i18n::Lang::Fr] {
                assert!(!mapped.message(lang).contains("thisisthesecret"));
            }
            assert!(!format!("{mapped:?} {mapped}").contains("thisisthesecret"));
        }
    }

    #[test]
    fn access_refused_is_locked_and_no_store_is_unavailable() {
        assert_eq!(map_keyring(KError::NoStorageAccess("locked".into())).code(), "keychain_locked");
        assert_eq!(map_keyring(KError::NoDefaultStore).code(), "keychain_unavailable");
        assert_eq!(map_keyring(KError::PlatformFailure("no bus".into())).code(), "keychain_unavailable");
    }
}
