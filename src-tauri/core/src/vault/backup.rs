//! Backing up and moving metadata between machines. The export never holds a secret:
//! secrets stay in each machine's keychain, and the import says which tokens have no
//! secret on this one.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::migrate::{self, CURRENT_VERSION};
use super::{free_name, validate_name, Vault};
use crate::error::{Error, Result};
use crate::model::TokenRecord;

pub const EXPORT_FORMAT: &str = "jeton-metadata";
pub const EXPORT_NOTE: &str = "Jeton metadata only: no secret is in this file. Each token's secret stays in the \
keychain of the machine it was added on; after importing elsewhere, add the secret again there.";

#[derive(Serialize)]
struct ExportOut<'a> {
    format: &'static str,
    version: u32,
    exported_at: String,
    note: &'static str,
    tokens: &'a [TokenRecord],
}

#[derive(Deserialize)]
struct ImportIn {
    tokens: Vec<TokenRecord>,
}

/// What an import did, by token name (as stored after the import).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportReport {
    pub added: Vec<String>,
    /// Ids this vault already had: the local metadata is kept as it is.
    pub already_present: Vec<String>,
    /// Added under another name, because the name was taken here.
    pub renamed: Vec<Renamed>,
    /// Tokens in the import whose secret is not in this machine's keychain.
    pub without_secret: Vec<String>,
    /// Records whose id names a secret already in this keychain that no token uses: not
    /// added, since the file alone must never decide where a secret is sent. The
    /// service binds them after a check (see `Jeton::import_backup`).
    #[serde(skip)]
    pub held: Vec<TokenRecord>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renamed {
    pub from: String,
    pub to: String,
}

impl Vault {
    /// Every token's metadata as JSON, with a note that secrets stay in the keychain.
    pub fn export_metadata(&self) -> Result<String> {
        let mut tokens = self.list()?;
        for t in &mut tokens {
            t.fingerprint = None; // keyed with this vault's key; meaningless elsewhere
        }
        let out = ExportOut {
            format: EXPORT_FORMAT,
            version: CURRENT_VERSION,
            exported_at: crate::model::rfc3339(chrono::Utc::now()),
            note: EXPORT_NOTE,
            tokens: &tokens,
        };
        serde_json::to_string_pretty(&out).map_err(|e| Error::Internal { detail: e.to_string() })
    }

    /// Writes [`Vault::export_metadata`] to `path` the way the metadata itself is
    /// written: atomically, mode 0600 (it names your tokens and accounts), replacing
    /// whatever file was there.
    pub fn export_metadata_to(&self, path: &std::path::Path) -> Result<()> {
        super::private_file::write_atomic(path, self.export_metadata()?.as_bytes())
    }

    /// Merges an export (or a `tokens.json` of any known version) by id: new ids are
    /// added, ids already here are left as they are. Nothing is written on error.
    pub fn import_metadata(&self, json: &str) -> Result<ImportReport> {
        let incoming = parse(json)?;
        let mut t = self.begin()?;
        let accounts = self.secrets().accounts()?.map(|a| a.into_iter().collect::<HashSet<_>>());
        let mut report = ImportReport::default();
        for mut rec in incoming {
            let has_secret = match &accounts {
                Some(a) => a.contains(&rec.id),
                None => self.secrets().exists(&rec.id)?,
            };
            if let Some(local) = t.doc.tokens.iter().find(|r| r.id == rec.id) {
                report.already_present.push(local.name.clone());
                if !has_secret {
                    report.without_secret.push(local.name.clone());
                }
                continue;
            }
            rec.fingerprint = None; // another vault's key: it would never match here
            if has_secret {
                report.held.push(rec);
                continue;
            }
            let name = free_name(&t.doc, &rec.name);
            if name != rec.name {
                report.renamed.push(Renamed { from: std::mem::replace(&mut rec.name, name.clone()), to: name.clone() });
            }
            if !has_secret {
                report.without_secret.push(name.clone());
            }
            report.added.push(name);
            t.doc.tokens.push(rec);
        }
        if !report.added.is_empty() {
            self.save(&t.doc)?;
        }
        tracing::info!(
            added = report.added.len(),
            without_secret = report.without_secret.len(),
            "vault: metadata imported"
        );
        Ok(report)
    }
}

fn parse(json: &str) -> Result<Vec<TokenRecord>> {
    let invalid = |detail: String| Error::ImportInvalid { detail };
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| invalid(format!("not JSON ({e})")))?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(EXPORT_FORMAT) | None => {}
        Some(other) => {
            return Err(invalid(format!("unknown format \"{}\"", other.chars().take(40).collect::<String>())))
        }
    }
    let found = migrate::version_of(&value).map_err(invalid)?;
    if found > CURRENT_VERSION {
        return Err(invalid(format!("made by a newer Jeton (format {found}, this one reads up to {CURRENT_VERSION})")));
    }
    let value = migrate::migrate(value, found).map_err(invalid)?;
    let parsed: ImportIn = serde_json::from_value(value).map_err(|e| invalid(e.to_string()))?;
    let mut ids = HashSet::new();
    for rec in &parsed.tokens {
        validate_name(&rec.name).map_err(|_| invalid(format!("the token {} has an invalid name", rec.id)))?;
        if rec.id.is_empty() || !ids.insert(rec.id.as_str()) {
            return Err(invalid(format!("the id \"{}\" is empty or repeated", rec.id)));
        }
    }
    Ok(parsed.tokens)
}
