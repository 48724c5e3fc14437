//! The ETag cache behind conditional requests: a repeated `GET /user` sends
//! `If-None-Match`, and a `304 Not Modified` (which costs no rate limit) reuses the
//! answer kept here.
//!
//! Entries are keyed by the URL and a fingerprint of the token: two SipHash digests of
//! it with keys drawn at random when the cache is made. The token itself is never kept,
//! and the fingerprint means nothing outside this process. Nothing is written to disk.

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Mutex, PoisonError};

use reqwest::header::{HeaderMap, CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING};

use crate::secret::Secret;

/// The most answers kept; the least recently used goes first.
pub(super) const MAX_ENTRIES: usize = 256;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) struct CacheKey {
    url: String,
    token: [u64; 2],
}

/// A kept answer: its validator, headers and body.
#[derive(Clone)]
pub(super) struct Cached {
    pub etag: String,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

struct Entry {
    answer: Cached,
    used: u64,
}

pub(super) struct EtagCache {
    keys: [RandomState; 2],
    entries: Mutex<(HashMap<CacheKey, Entry>, u64)>,
}

impl std::fmt::Debug for EtagCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EtagCache").field("entries", &self.len()).finish()
    }
}

impl EtagCache {
    pub(super) fn new() -> Self {
        EtagCache { keys: [RandomState::new(), RandomState::new()], entries: Mutex::new((HashMap::new(), 0)) }
    }

    pub(super) fn key(&self, url: &str, token: &Secret) -> CacheKey {
        let t = token.expose();
        CacheKey { url: url.to_owned(), token: [self.keys[0].hash_one(t), self.keys[1].hash_one(t)] }
    }

    pub(super) fn get(&self, key: &CacheKey) -> Option<Cached> {
        let mut guard = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let (map, clock) = &mut *guard;
        *clock += 1;
        let entry = map.get_mut(key)?;
        entry.used = *clock;
        Some(entry.answer.clone())
    }

    pub(super) fn put(&self, key: CacheKey, answer: Cached) {
        let mut guard = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let (map, clock) = &mut *guard;
        *clock += 1;
        if map.len() >= MAX_ENTRIES && !map.contains_key(&key) {
            if let Some(oldest) = map.iter().min_by_key(|(_, e)| e.used).map(|(k, _)| k.clone()) {
                map.remove(&oldest);
            }
        }
        map.insert(key, Entry { answer, used: *clock });
    }

    pub(super) fn remove(&self, key: &CacheKey) {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).0.remove(key);
    }

    pub(super) fn len(&self) -> usize {
        self.entries.lock().unwrap_or_else(PoisonError::into_inner).0.len()
    }
}

/// The kept headers updated with those of a `304` (RFC 9111 §4.3.4): fresher rate-limit,
/// scope and expiry headers win; the body's own headers stay those of the kept body.
pub(super) fn revalidated(kept: &HeaderMap, fresh: &HeaderMap) -> HeaderMap {
    let mut out = kept.clone();
    for name in fresh.keys() {
        if [CONTENT_LENGTH, CONTENT_TYPE, CONTENT_ENCODING, TRANSFER_ENCODING].contains(name) {
            continue;
        }
        out.remove(name);
        for value in fresh.get_all(name) {
            out.append(name.clone(), value.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(etag: &str) -> Cached {
        Cached { etag: etag.into(), headers: HeaderMap::new(), body: b"{}".to_vec() }
    }

    #[test]
    fn keys_depend_on_url_and_token_and_never_hold_the_token() {
        let cache = EtagCache::new();
        let token = Secret::new("ghp_SECRETSECRETSECRETSECRETSECRET000000");
        let k = cache.key("http://h/user", &token);
        assert_eq!(k, cache.key("http://h/user", &token.duplicate()));
        assert_ne!(k, cache.key("http://h/user/orgs", &token));
        assert_ne!(k, cache.key("http://h/user", &Secret::new("ghp_other")));
        cache.put(k.clone(), answer("W/\"1\""));
        assert!(!format!("{k:?} {cache:?}").contains("SECRET"));
        // Another cache (another process) cannot tell which token a key stands for.
        assert_ne!(k, EtagCache::new().key("http://h/user", &token));
        assert_eq!(cache.get(&k).unwrap().etag, "W/\"1\"");
        cache.remove(&k);
        assert!(cache.get(&k).is_none());
    }

    #[test]
    fn the_least_recently_used_entry_goes_first() {
        let cache = EtagCache::new();
        let key = |i: usize| cache.key(&format!("http://h/{i}"), &Secret::new("t"));
        for i in 0..MAX_ENTRIES {
            cache.put(key(i), answer(&i.to_string()));
        }
        assert!(cache.get(&key(0)).is_some()); // 0 is now recent; 1 is the oldest
        cache.put(key(MAX_ENTRIES), answer("new"));
        assert_eq!(cache.len(), MAX_ENTRIES);
        assert!(cache.get(&key(0)).is_some() && cache.get(&key(1)).is_none());
    }

    #[test]
    fn a_304_refreshes_headers_but_not_the_body_ones() {
        let mut kept = HeaderMap::new();
        kept.insert("x-ratelimit-remaining", "10".parse().unwrap());
        kept.insert("x-oauth-scopes", "repo".parse().unwrap());
        kept.insert(CONTENT_TYPE, "application/json".parse().unwrap());
        let mut fresh = HeaderMap::new();
        fresh.insert("x-ratelimit-remaining", "9".parse().unwrap());
        fresh.insert(CONTENT_LENGTH, "0".parse().unwrap());
        let h = revalidated(&kept, &fresh);
        assert_eq!(h["x-ratelimit-remaining"], "9");
        assert_eq!(h["x-oauth-scopes"], "repo");
        assert_eq!(h[CONTENT_TYPE], "application/json");
        assert!(h.get(CONTENT_LENGTH).is_none());
    }
}
