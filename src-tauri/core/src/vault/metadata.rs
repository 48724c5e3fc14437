//! The metadata file: one versioned JSON document, written atomically
//! (temp file, fsync, rename, fsync of the directory), mode 0600 in a 0700 dir.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::TokenRecord;

pub const SCHEMA_VERSION: u32 = 1;
pub const FILE_NAME: &str = "tokens.json";

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    pub version: u32,
    pub tokens: Vec<TokenRecord>,
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

    /// The document; an absent file is an empty one.
    pub fn load(&self) -> Result<Document> {
        let path = self.path();
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Document { version: SCHEMA_VERSION, tokens: vec![] })
            }
            Err(e) => return Err(storage(&e)),
        };
        let probe: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| corrupt(&path, e.to_string()))?;
        let found = probe.get("version").and_then(|v| v.as_u64()).unwrap_or(0) as u32;
        if found > SCHEMA_VERSION {
            return Err(Error::MetadataTooNew { path: path.display().to_string(), found, supported: SCHEMA_VERSION });
        }
        serde_json::from_value(probe).map_err(|e| corrupt(&path, e.to_string()))
    }

    /// Replaces the file atomically: readers see the old or the new document, never a mix.
    pub fn save(&self, doc: &Document) -> Result<()> {
        ensure_private_dir(&self.dir)?;
        let bytes = serde_json::to_vec_pretty(doc).map_err(|e| Error::Storage { detail: e.to_string() })?;
        let tmp = self.dir.join(format!(".{FILE_NAME}.{}.tmp", std::process::id()));
        let mut f = private_file(&tmp)?;
        f.write_all(&bytes).map_err(|e| storage(&e))?;
        f.sync_all().map_err(|e| storage(&e))?;
        drop(f);
        fs::rename(&tmp, self.path()).map_err(|e| storage(&e))?;
        File::open(&self.dir).and_then(|d| d.sync_all()).map_err(|e| storage(&e))?;
        Ok(())
    }
}

fn ensure_private_dir(dir: &Path) -> Result<()> {
    fs::create_dir_all(dir).map_err(|e| storage(&e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(|e| storage(&e))?;
    }
    Ok(())
}

fn private_file(path: &Path) -> Result<File> {
    let mut opts = OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path).map_err(|e| storage(&e))
}

fn storage(e: &std::io::Error) -> Error {
    Error::Storage { detail: e.to_string() }
}

fn corrupt(path: &Path, detail: String) -> Error {
    Error::MetadataCorrupt { path: path.display().to_string(), backup: None, detail }
}
