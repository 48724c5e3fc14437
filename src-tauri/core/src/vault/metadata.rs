//! The metadata file: one versioned JSON document, written atomically
//! (temp file, fsync, rename, fsync of the directory), mode 0600 in a 0700 dir.
//! It never holds a secret.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::lock::{self, VaultLock};
use super::migrate::{self, CURRENT_VERSION};
pub(crate) use super::private_file::storage;
use super::private_file::{private_file, write_atomic};
use crate::error::{Error, Result};
use crate::model::TokenRecord;

pub const SCHEMA_VERSION: u32 = CURRENT_VERSION;
pub const FILE_NAME: &str = "tokens.json";
pub const LOCK_NAME: &str = "tokens.lock";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub version: u32,
    pub tokens: Vec<TokenRecord>,
    /// Operations under way: written before the keychain is touched, cleared after.
    /// Whatever is left here was interrupted, and is finished or undone on the next
    /// write or reconciliation.
    #[serde(default)]
    pub pending: Vec<Intent>,
    /// This vault's key for secret fingerprints (see `vault::fingerprint`); not a secret
    /// of the user's, but never exported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint_key: Option<String>,
    /// GitHub Apps (their private keys are in the keychain, see `apps`).
    #[serde(default)]
    pub apps: Vec<crate::apps::AppRecord>,
    /// Organizations' token requests already notified (see `apps::org_notice`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub org_requests_seen: Vec<crate::apps::org_notice::SeenRequest>,
}

impl Default for Document {
    fn default() -> Self {
        Document {
            version: SCHEMA_VERSION,
            tokens: vec![],
            pending: vec![],
            fingerprint_key: None,
            apps: vec![],
            org_requests_seen: vec![],
        }
    }
}

/// An operation that touches both the keychain and the metadata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Intent {
    /// A token being added: its secret may or may not be in the keychain yet.
    Add { record: TokenRecord },
    /// A token being forgotten: out of `tokens` already; its secret may remain.
    Forget { record: TokenRecord },
    /// A GitHub App being added: its private key may or may not be in the keychain yet.
    AddApp { app: crate::apps::AppRecord },
    /// A GitHub App being removed: out of `apps` already; its key may remain.
    ForgetApp { app: crate::apps::AppRecord },
}

impl Intent {
    /// The token this operation is about (`None` for an app's).
    pub fn record(&self) -> Option<&TokenRecord> {
        match self {
            Intent::Add { record } | Intent::Forget { record } => Some(record),
            Intent::AddApp { .. } | Intent::ForgetApp { .. } => None,
        }
    }

    /// The keychain entry it touches: a token's id or an app's.
    pub fn id(&self) -> &str {
        match self {
            Intent::Add { record } | Intent::Forget { record } => &record.id,
            Intent::AddApp { app } | Intent::ForgetApp { app } => &app.id,
        }
    }
}

pub struct MetadataStore {
    dir: PathBuf,
}

impl MetadataStore {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        MetadataStore { dir: dir.into() }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The document, migrated to the current version; an absent file is an empty one.
    pub fn load(&self) -> Result<Document> {
        self.load_versioned().map(|(doc, _)| doc)
    }

    /// The document and the version the file had before migration (`None`: no file).
    pub(crate) fn load_versioned(&self) -> Result<(Document, Option<u32>)> {
        let path = self.path();
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((Document::default(), None)),
            Err(e) => return Err(storage(&e)),
        };
        let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| corrupt(&path, e.to_string()))?;
        let found = migrate::version_of(&value).map_err(|e| corrupt(&path, e))?;
        if found > SCHEMA_VERSION {
            return Err(Error::MetadataTooNew { path: path.display().to_string(), found, supported: SCHEMA_VERSION });
        }
        let value = migrate::migrate(value, found).map_err(|e| corrupt(&path, e))?;
        let doc = serde_json::from_value(value).map_err(|e| corrupt(&path, e.to_string()))?;
        Ok((doc, Some(found)))
    }

    /// The tokens of a file from a newer Jeton, read as well as this version can
    /// (unknown fields ignored), for showing them read-only.
    pub(crate) fn load_newer_leniently(&self) -> Option<Vec<TokenRecord>> {
        let value: serde_json::Value = serde_json::from_slice(&fs::read(self.path()).ok()?).ok()?;
        serde_json::from_value(value.get("tokens")?.clone()).ok()
    }

    /// Replaces the file atomically: readers see the old or the new document, never a mix.
    pub fn save(&self, doc: &Document) -> Result<()> {
        ensure_private_dir(&self.dir)?;
        let bytes = serde_json::to_vec_pretty(doc).map_err(|e| Error::Internal { detail: e.to_string() })?;
        write_atomic(&self.path(), &bytes)
    }

    /// Takes the exclusive lock (`tokens.lock`) that every load-modify-save holds, so
    /// the app and the CLI never clobber each other. It dies with its process. Temp
    /// files a killed writer left behind are removed once it is held.
    pub fn lock(&self) -> Result<VaultLock> {
        ensure_private_dir(&self.dir)?;
        let guard = lock::acquire(&self.dir.join(LOCK_NAME))?;
        self.remove_stale_temp_files();
        Ok(guard)
    }

    fn remove_stale_temp_files(&self) {
        let prefix = format!(".{FILE_NAME}.");
        for entry in fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&prefix) && name.ends_with(".tmp") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    /// Keeps a copy of the file as it is (`tokens.json.<label>-<timestamp>`), unless a
    /// copy with the same bytes and label already exists; returns the copy's path.
    pub(crate) fn keep_copy(&self, label: &str) -> Result<PathBuf> {
        let bytes = fs::read(self.path()).map_err(|e| storage(&e))?;
        let prefix = format!("{FILE_NAME}.{label}-");
        for entry in fs::read_dir(&self.dir).map_err(|e| storage(&e))?.flatten() {
            let same_label = entry.file_name().to_string_lossy().starts_with(&prefix);
            if same_label && fs::read(entry.path()).is_ok_and(|b| b == bytes) {
                return Ok(entry.path());
            }
        }
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3fZ");
        let copy = self.dir.join(format!("{prefix}{stamp}"));
        let mut f = private_file(&copy)?;
        f.write_all(&bytes).and_then(|_| f.sync_all()).map_err(|e| storage(&e))?;
        Ok(copy)
    }
}

pub(crate) fn ensure_private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| storage(&e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| storage(&e))?;
    }
    Ok(())
}

fn corrupt(path: &Path, detail: String) -> Error {
    Error::MetadataCorrupt { path: path.display().to_string(), backup: None, detail }
}
