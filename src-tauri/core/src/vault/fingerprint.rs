//! Noticing the same secret stored twice without keeping it anywhere but the
//! keychain: each record carries an HMAC-SHA256 of its secret under a random key of
//! this vault's own (in the metadata file; exports leave fingerprints out, and a
//! fingerprint from another vault never matches).

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use super::metadata::Document;
use super::Vault;
use crate::error::{Error, Result};
use crate::model::TokenRecord;
use crate::secret::Secret;

fn fingerprint(key: &str, secret: &Secret) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).expect("HMAC takes any key length");
    mac.update(secret.expose().as_bytes());
    mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect()
}

fn duplicate_of<'a>(doc: &'a Document, fp: &str) -> Option<&'a TokenRecord> {
    doc.tokens.iter().find(|r| r.fingerprint.as_deref() == Some(fp))
}

/// Gives `record` its fingerprint (making the vault's key on first use), or refuses a
/// secret already stored under another token.
pub(super) fn stamp(doc: &mut Document, record: &mut TokenRecord, secret: &Secret) -> Result<()> {
    let key = doc
        .fingerprint_key
        .get_or_insert_with(|| format!("{}{}", uuid::Uuid::new_v4().simple(), uuid::Uuid::new_v4().simple()))
        .clone();
    let fp = fingerprint(&key, secret);
    if let Some(other) = duplicate_of(doc, &fp).filter(|o| o.id != record.id) {
        return Err(Error::TokenDuplicate { name: other.name.clone() });
    }
    record.fingerprint = Some(fp);
    Ok(())
}

impl Vault {
    /// Fails with `token_duplicate` when this secret is already stored (checked before
    /// asking GitHub; [`Vault::add`] checks again under the lock).
    pub(crate) fn check_not_stored(&self, secret: &Secret) -> Result<()> {
        match self.find_by_secret(secret)? {
            Some(other) => Err(Error::TokenDuplicate { name: other.name }),
            None => Ok(()),
        }
    }

    /// The stored token whose secret this is, found by its fingerprint (git's `erase`
    /// names a token only by its password).
    pub fn find_by_secret(&self, secret: &Secret) -> Result<Option<TokenRecord>> {
        let doc = self.metadata().load()?;
        let Some(key) = doc.fingerprint_key.as_deref() else { return Ok(None) };
        Ok(duplicate_of(&doc, &fingerprint(key, secret)).cloned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_secret_is_found_and_another_is_not() {
        let mut doc = Document::default();
        let mut a = TokenRecord::new(
            "a".into(),
            "laptop".into(),
            "https://github.com".into(),
            crate::model::TokenKind::Classic,
            chrono::Utc::now(),
        );
        stamp(&mut doc, &mut a, &Secret::new("ghp_same")).unwrap();
        let fp = a.fingerprint.clone().unwrap();
        assert!(!fp.contains("ghp_same") && fp.len() == 64);
        doc.tokens.push(a);
        let mut b = TokenRecord::new(
            "b".into(),
            "ci".into(),
            "https://github.com".into(),
            crate::model::TokenKind::Classic,
            chrono::Utc::now(),
        );
        let e = stamp(&mut doc, &mut b, &Secret::new("ghp_same")).unwrap_err();
        assert_eq!(e, Error::TokenDuplicate { name: "laptop".into() });
        stamp(&mut doc, &mut b, &Secret::new("ghp_other")).unwrap();
        // Another vault's key gives another fingerprint.
        let mut other = Document::default();
        let mut c = b.clone();
        stamp(&mut other, &mut c, &Secret::new("ghp_same")).unwrap();
        assert_ne!(c.fingerprint.unwrap(), fp);
    }
}
