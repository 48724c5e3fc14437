//! Rewriting the answers to one token's requests: a test hook for answers GitHub might
//! send but fakehub never makes by itself (odd spacing, forms not seen yet, header bytes
//! that are not text, another status).

use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use serde::{Deserialize, Serialize};

/// What to change in an answer. Applied after the handler and any fault.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rewrite {
    /// Replaces the status (an invalid code is ignored).
    #[serde(default)]
    pub status: Option<u16>,
    /// Headers removed (before `set`), by name, case-insensitively.
    #[serde(default)]
    pub remove: Vec<String>,
    /// Headers set, replacing any of the same name. Values are raw bytes: anything but
    /// control characters, including bytes that are not UTF-8 (obs-text).
    #[serde(default)]
    pub set: Vec<(String, Vec<u8>)>,
}

impl Rewrite {
    pub fn status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    pub fn header(self, name: &str, value: &str) -> Self {
        self.header_bytes(name, value.as_bytes())
    }

    pub fn header_bytes(mut self, name: &str, value: &[u8]) -> Self {
        self.set.push((name.to_string(), value.to_vec()));
        self
    }

    pub fn remove(mut self, name: &str) -> Self {
        self.remove.push(name.to_string());
        self
    }

    /// Whether it changes nothing.
    pub fn is_empty(&self) -> bool {
        self.status.is_none() && self.remove.is_empty() && self.set.is_empty()
    }

    pub(crate) fn apply(&self, resp: &mut Response) {
        if let Some(status) = self.status.and_then(|s| StatusCode::from_u16(s).ok()) {
            *resp.status_mut() = status;
        }
        for name in &self.remove {
            if let Ok(name) = HeaderName::from_bytes(name.as_bytes()) {
                resp.headers_mut().remove(name);
            }
        }
        for (name, value) in &self.set {
            if let (Ok(n), Ok(v)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_bytes(value)) {
                resp.headers_mut().insert(n, v);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_headers_and_raw_bytes() {
        let mut resp = Response::new(axum::body::Body::empty());
        resp.headers_mut().insert("x-oauth-scopes", HeaderValue::from_static("repo"));
        resp.headers_mut().insert("etag", HeaderValue::from_static("W/\"1\""));
        let rw = Rewrite::default()
            .status(403)
            .remove("ETag")
            .header("x-oauth-scopes", "repo ,  user")
            .header_bytes("x-raw", b"caf\xe9")
            .header("bad name", "x")
            .header("x-bad-value", "a\nb");
        rw.apply(&mut resp);
        assert_eq!(resp.status(), 403);
        assert!(resp.headers().get("etag").is_none());
        assert_eq!(resp.headers()["x-oauth-scopes"], "repo ,  user");
        assert_eq!(resp.headers()["x-raw"].as_bytes(), b"caf\xe9");
        assert_eq!(resp.headers().len(), 2);
        assert!(!rw.is_empty() && Rewrite::default().is_empty());
    }
}
