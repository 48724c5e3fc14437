//! Apps in the vault: the key in the keychain (entry `app-…`), the record in the
//! metadata's `apps`, journalled like a token's add and forget (see `vault`).

use super::AppRecord;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::vault::{Intent, Vault};

impl Vault {
    /// Every app.
    pub fn apps(&self) -> Result<Vec<AppRecord>> {
        Ok(self.metadata().load()?.apps)
    }

    /// An app's private key, from the keychain.
    pub fn app_key(&self, app: &AppRecord) -> Result<Secret> {
        self.secrets().get(&app.id)?.ok_or_else(|| Error::SecretMissing { name: app.name.clone() })
    }

    /// Stores an app: journal, key, then metadata. On failure nothing is stored.
    pub fn add_app(&self, app: AppRecord, key: &Secret) -> Result<AppRecord> {
        let mut t = self.begin()?;
        if let Some(same) = t.doc.apps.iter().find(|a| a.host == app.host && a.app_id == app.app_id) {
            return Err(Error::AppDuplicate { name: same.name.clone() });
        }
        t.doc.pending.push(Intent::AddApp { app: app.clone() });
        self.save(&t.doc)?;
        let stored = self.secrets().set(&app.id, key);
        t.doc.pending.retain(|i| i.id() != app.id);
        if let Err(e) = stored {
            let _ = self.secrets().delete(&app.id);
            let _ = self.save(&t.doc);
            return Err(e);
        }
        t.doc.apps.push(app.clone());
        if let Err(e) = self.save(&t.doc) {
            let _ = self.secrets().delete(&app.id);
            return Err(e);
        }
        tracing::info!(id = %app.id, name = %app.name, "vault: app added");
        Ok(app)
    }

    /// Changes an app's metadata (its id cannot change).
    pub fn update_app(&self, id: &str, change: impl FnOnce(&mut AppRecord)) -> Result<AppRecord> {
        let mut t = self.begin()?;
        let app = t.doc.apps.iter_mut().find(|a| a.id == id).ok_or_else(|| Error::NotFound { name: id.into() })?;
        change(app);
        app.id = id.to_owned();
        let out = app.clone();
        self.save(&t.doc)?;
        Ok(out)
    }

    /// Removes an app: metadata out first (journalled), then its key.
    pub fn forget_app(&self, id: &str) -> Result<AppRecord> {
        let mut t = self.begin()?;
        let idx = t.doc.apps.iter().position(|a| a.id == id).ok_or_else(|| Error::NotFound { name: id.into() })?;
        let app = t.doc.apps.remove(idx);
        t.doc.pending.push(Intent::ForgetApp { app: app.clone() });
        self.save(&t.doc)?;
        let deleted = self.secrets().delete(&app.id);
        t.doc.pending.retain(|i| i.id() != app.id);
        if let Err(e) = deleted {
            t.doc.apps.insert(idx, app);
            self.save(&t.doc)?;
            return Err(e);
        }
        self.save(&t.doc)?;
        Ok(app)
    }
}
