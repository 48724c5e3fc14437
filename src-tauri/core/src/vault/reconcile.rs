//! Keeping the keychain and the metadata in agreement after a crash, a restored backup
//! or a keychain edited by hand: interrupted operations are finished or undone (the
//! journal), and what still disagrees is reported, never dropped.

use std::collections::HashSet;

use serde::Serialize;

use super::metadata::{Document, Intent};
use super::secret_store::SecretStore;
use super::{check_name_free, free_name, validate_name, Vault};
use crate::error::{Error, Result};
use crate::model::TokenRecord;

/// What [`Vault::reconcile`] found.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reconciliation {
    /// Secrets in this namespace of the keychain that no token names: the user names
    /// them ([`Vault::name_recovered`]) or deletes them ([`Vault::delete_recovered`]).
    pub recovered: Vec<RecoveredSecret>,
    /// Tokens whose secret is not in the keychain: the user puts it back
    /// ([`Vault::restore_secret`]) or forgets the token.
    pub missing: Vec<MissingSecret>,
    /// Interrupted operations that were finished or undone on the way.
    pub resolved: Vec<Resolved>,
    /// Whether the keychain could list its entries (if not, `recovered` is empty
    /// because it cannot be known, and the journal alone guards against orphans).
    pub enumerated: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecoveredSecret {
    /// The keychain entry's account, which becomes the token's id once named.
    pub id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingSecret {
    pub id: String,
    pub name: String,
}

/// An interrupted operation found in the journal, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Resolved {
    /// The secret had been written: the token is kept.
    AddCompleted { id: String, name: String },
    /// The secret had not been written: the add never happened.
    AddUndone { id: String, name: String },
    /// The token had left the metadata: its secret is deleted too.
    ForgetCompleted { id: String, name: String },
}

/// Finishes or undoes every journalled operation. Must run under the vault lock (so
/// every entry belongs to a writer that is gone). With `strict`, a keychain error is
/// returned; otherwise the entries it concerns stay for later.
pub(crate) fn resolve_pending(secrets: &dyn SecretStore, doc: &mut Document, strict: bool) -> Result<Vec<Resolved>> {
    let mut resolved = vec![];
    for intent in std::mem::take(&mut doc.pending) {
        let outcome = match &intent {
            Intent::Add { record } => secrets.exists(&record.id).map(|there| {
                if there {
                    let mut rec = record.clone();
                    rec.name = free_name(doc, &rec.name);
                    doc.tokens.push(rec);
                    Resolved::AddCompleted { id: record.id.clone(), name: record.name.clone() }
                } else {
                    Resolved::AddUndone { id: record.id.clone(), name: record.name.clone() }
                }
            }),
            Intent::Forget { record } => secrets
                .delete(&record.id)
                .map(|()| Resolved::ForgetCompleted { id: record.id.clone(), name: record.name.clone() }),
            Intent::AddApp { app } => secrets.exists(&app.id).map(|there| {
                let (id, name) = (app.id.clone(), app.name.clone());
                if there {
                    doc.apps.push(app.clone());
                    Resolved::AddCompleted { id, name }
                } else {
                    Resolved::AddUndone { id, name }
                }
            }),
            Intent::ForgetApp { app } => secrets
                .delete(&app.id)
                .map(|()| Resolved::ForgetCompleted { id: app.id.clone(), name: app.name.clone() }),
        };
        match outcome {
            Ok(r) => {
                tracing::warn!(outcome = ?r, "vault: interrupted operation resolved");
                resolved.push(r);
            }
            Err(e) if strict => return Err(e),
            Err(_) => doc.pending.push(intent),
        }
    }
    Ok(resolved)
}

impl Vault {
    /// Brings keychain and metadata into agreement and reports what the user must
    /// decide. Runs on open (the app and the CLI call it); safe to run any time.
    pub fn reconcile(&self) -> Result<Reconciliation> {
        let mut t = self.begin()?;
        let mut resolved = std::mem::take(&mut t.resolved);
        if !t.doc.pending.is_empty() {
            resolved.extend(resolve_pending(self.secrets(), &mut t.doc, true)?);
            self.save(&t.doc)?;
        }
        let apps = t.doc.apps.iter().map(|a| a.id.as_str());
        let known: HashSet<&str> = t.doc.tokens.iter().map(|r| r.id.as_str()).chain(apps).collect();
        let listed = self.secrets().accounts()?;
        let (recovered, missing) = match &listed {
            Some(accounts) => {
                let present: HashSet<&str> = accounts.iter().map(String::as_str).collect();
                let recovered = accounts.iter().filter(|a| !known.contains(a.as_str())).cloned().collect::<Vec<_>>();
                (recovered, t.doc.tokens.iter().filter(|r| !present.contains(r.id.as_str())).collect::<Vec<_>>())
            }
            None => {
                let mut missing = vec![];
                for r in &t.doc.tokens {
                    if !self.secrets().exists(&r.id)? {
                        missing.push(r);
                    }
                }
                (vec![], missing)
            }
        };
        let report = Reconciliation {
            recovered: recovered.into_iter().map(|id| RecoveredSecret { id }).collect(),
            missing: missing.into_iter().map(|r| MissingSecret { id: r.id.clone(), name: r.name.clone() }).collect(),
            resolved,
            enumerated: listed.is_some(),
        };
        if !report.recovered.is_empty() || !report.missing.is_empty() {
            tracing::warn!(
                recovered = report.recovered.len(),
                missing = report.missing.len(),
                "vault: keychain and metadata disagree"
            );
        }
        Ok(report)
    }

    /// Gives a recovered secret its metadata; `record.id` is replaced by `id`.
    pub fn name_recovered(&self, id: &str, mut record: TokenRecord) -> Result<TokenRecord> {
        validate_name(&record.name)?;
        let mut t = self.begin()?;
        if t.doc.tokens.iter().any(|r| r.id == id) || !self.secrets().exists(id)? {
            return Err(Error::NotFound { name: id.into() });
        }
        check_name_free(&t.doc, &record.name, None)?;
        record.id = id.to_owned();
        t.doc.tokens.push(record.clone());
        self.save(&t.doc)?;
        self.label_entry(&record);
        tracing::info!(id, name = %record.name, "vault: recovered secret named");
        Ok(record)
    }

    /// Deletes a recovered secret. Refuses (`not_found`) for a secret a token uses.
    pub fn delete_recovered(&self, id: &str) -> Result<()> {
        let t = self.begin()?;
        let known = t.doc.tokens.iter().map(|r| r.id.as_str()).chain(t.doc.apps.iter().map(|a| a.id.as_str()));
        if known.chain(t.doc.pending.iter().map(Intent::id)).any(|k| k == id) {
            return Err(Error::NotFound { name: id.into() });
        }
        self.secrets().delete(id)?;
        tracing::info!(id, "vault: recovered secret deleted");
        Ok(())
    }
}
