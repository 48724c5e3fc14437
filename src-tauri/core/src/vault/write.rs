//! The vault's writes: add, rename, update, restore a secret, forget. Each holds the
//! lock from load to save (see [`Vault::begin`]); the two that touch both the keychain
//! and the metadata journal what they are about to do first. Each keeps the keychain
//! entry's label ([`EntryLabel`]) in step with the record it belongs to.

use super::metadata::Intent;
use super::secret_store::EntryLabel;
use super::{check_name_free, position, validate_name, Vault};
use crate::error::{Error, Result};
use crate::model::TokenRecord;
use crate::secret::Secret;

impl Vault {
    /// Stores a token: journal, secret, then metadata. On failure nothing is stored.
    pub fn add(&self, mut record: TokenRecord, secret: &Secret) -> Result<TokenRecord> {
        validate_name(&record.name)?;
        let mut t = self.begin()?;
        check_name_free(&t.doc, &record.name, None)?;
        super::fingerprint::stamp(&mut t.doc, &mut record, secret)?;
        let id = record.id.clone();
        if t.doc.tokens.iter().any(|r| r.id == id) || t.doc.pending.iter().any(|i| i.id() == id) {
            return Err(Error::Internal { detail: format!("a token with id {id} already exists") });
        }
        t.doc.pending.push(Intent::Add { record: record.clone() });
        self.save(&t.doc)?;
        tracing::debug!(id = %id, "vault: add journalled");
        let stored = self.secrets().set(&id, secret);
        t.doc.pending.retain(|i| i.id() != id);
        if let Err(e) = stored {
            let _ = self.secrets().delete(&id);
            let _ = self.save(&t.doc); // if this fails, the journal entry is undone later
            tracing::warn!(id = %id, code = e.code(), "vault: keychain refused the secret; nothing stored");
            return Err(e);
        }
        t.doc.tokens.push(record.clone());
        if let Err(e) = self.save(&t.doc) {
            let _ = self.secrets().delete(&id); // the journal on disk then undoes the add
            return Err(e);
        }
        self.label_entry(&record);
        tracing::info!(id = %id, name = %record.name, "vault: token added");
        Ok(record)
    }

    /// Renames a token (metadata only: the keychain entry is keyed by id).
    pub fn rename(&self, id_or_name: &str, new_name: &str) -> Result<TokenRecord> {
        validate_name(new_name)?;
        let mut t = self.begin()?;
        let idx = position(&t.doc, id_or_name)?;
        check_name_free(&t.doc, new_name, Some(&t.doc.tokens[idx].id))?;
        let before = t.doc.tokens[idx].clone();
        t.doc.tokens[idx].name = new_name.to_owned();
        self.save(&t.doc)?;
        self.relabel(&before, &t.doc.tokens[idx]);
        tracing::info!(id = %t.doc.tokens[idx].id, name = new_name, "vault: token renamed");
        Ok(t.doc.tokens[idx].clone())
    }

    /// Changes a token's metadata. Its id cannot change; a new name is checked.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut TokenRecord)) -> Result<TokenRecord> {
        let mut out = self.update_many([(id.to_owned(), change)])?;
        out.pop().flatten().ok_or_else(|| Error::NotFound { name: id.into() })
    }

    /// Changes several tokens' metadata in one write: one lock, one load, one save
    /// (`recheck_all` records its answers so). The id cannot change and a new name is
    /// checked; an id not found gives `None`, and a refused change (a name taken)
    /// fails them all.
    pub fn update_many<F: FnOnce(&mut TokenRecord)>(
        &self,
        changes: impl IntoIterator<Item = (String, F)>,
    ) -> Result<Vec<Option<TokenRecord>>> {
        let mut t = self.begin()?;
        let (mut out, mut befores) = (Vec::new(), Vec::new());
        for (id, change) in changes {
            let Some(idx) = t.doc.tokens.iter().position(|r| r.id == id) else {
                out.push(None);
                continue;
            };
            let mut rec = t.doc.tokens[idx].clone();
            change(&mut rec);
            rec.id = id.clone();
            if rec.name != t.doc.tokens[idx].name {
                validate_name(&rec.name)?;
                check_name_free(&t.doc, &rec.name, Some(&id))?;
            }
            befores.push(std::mem::replace(&mut t.doc.tokens[idx], rec.clone()));
            out.push(Some(rec));
        }
        if out.iter().any(Option::is_some) {
            self.save(&t.doc)?;
        }
        for (before, after) in befores.iter().zip(out.iter().flatten()) {
            self.relabel(before, after);
        }
        Ok(out)
    }

    /// Puts a token's secret (back) in the keychain, e.g. for a token whose secret is
    /// missing; the metadata is unchanged.
    pub fn restore_secret(&self, id_or_name: &str, secret: &Secret) -> Result<TokenRecord> {
        let mut t = self.begin()?;
        let idx = position(&t.doc, id_or_name)?;
        let mut rec = t.doc.tokens[idx].clone();
        super::fingerprint::stamp(&mut t.doc, &mut rec, secret)?;
        self.secrets().set(&rec.id, secret)?;
        t.doc.tokens[idx] = rec.clone();
        self.save(&t.doc)?;
        self.label_entry(&rec);
        tracing::info!(id = %rec.id, "vault: secret restored");
        Ok(rec)
    }

    /// Forgets a token: metadata out first (journalled), then the secret. If the
    /// keychain refuses, the token is put back and nothing changes.
    pub fn forget(&self, id_or_name: &str) -> Result<TokenRecord> {
        let mut t = self.begin()?;
        let idx = position(&t.doc, id_or_name)?;
        let rec = t.doc.tokens.remove(idx);
        t.doc.pending.push(Intent::Forget { record: rec.clone() });
        self.save(&t.doc)?;
        let deleted = self.secrets().delete(&rec.id);
        t.doc.pending.retain(|i| i.id() != rec.id);
        if let Err(e) = deleted {
            t.doc.tokens.insert(idx, rec);
            self.save(&t.doc)?;
            return Err(e);
        }
        self.save(&t.doc)?; // on failure the journal on disk finishes the forget later
        tracing::info!(id = %rec.id, name = %rec.name, "vault: token forgotten");
        Ok(rec)
    }
}

impl Vault {
    /// Labels the record's keychain entry. The label only helps a person find the
    /// entry: a keychain that refuses costs the label (logged), never the write.
    pub(crate) fn label_entry(&self, record: &TokenRecord) {
        if let Err(e) = self.secrets().describe(&record.id, &EntryLabel::of(record)) {
            tracing::warn!(id = %record.id, code = e.code(), "vault: could not label the keychain entry");
        }
    }

    /// Labels the entry again when what its label shows (name, login, host) changed.
    fn relabel(&self, before: &TokenRecord, after: &TokenRecord) {
        if EntryLabel::of(before) != EntryLabel::of(after) {
            self.label_entry(after);
        }
    }
}
