//! gh's tokens in the keychain (docs/github.md#discover): one entry per host and
//! account, service `gh:HOST`, user the login (and, for the active account, also an
//! entry with an empty user). They are read, never changed: the keychain is no plain
//! text, and gh needs its entries.

use super::{host_key, parsed, Finding, SourceKind};
use crate::config::Config;
use crate::error::Result;
use crate::secret::Secret;
use crate::vault::{KeyringStore, SecretStore};

/// gh's keychain entries for one host: `(user, secret)` each.
pub trait GhKeyring: Send + Sync {
    fn entries(&self, host: &str) -> Result<Vec<(String, Secret)>>;
}

/// The service gh names a host's entries by.
pub fn service_of(host: &str) -> String {
    format!("gh:{host}")
}

/// The system keychain, through the vault's keyring store with gh's service.
pub struct SecretServiceGh;

impl GhKeyring for SecretServiceGh {
    fn entries(&self, host: &str) -> Result<Vec<(String, Secret)>> {
        let store = KeyringStore::new(service_of(host));
        // A keychain that cannot list entries (macOS, Windows) is asked for gh's
        // active-account entry only.
        let users = store.accounts()?.unwrap_or_else(|| vec![String::new()]);
        let mut out = Vec::new();
        for user in users {
            if let Some(secret) = store.get(&user)? {
                out.push((user, secret));
            }
        }
        Ok(out)
    }
}

pub(super) fn found(config: &Config, host: &str, entries: Vec<(String, Secret)>) -> Vec<Finding> {
    let service = service_of(host);
    entries
        .into_iter()
        .filter_map(|(user, secret)| {
            let p = parsed(host_key(config, "https", host), secret.expose())?;
            let user = Some(user).filter(|u| !u.is_empty());
            Some(Finding::new(SourceKind::GhKeyring, service.clone(), None, user, p))
        })
        .collect()
}
