//! Headers GitHub sends on API responses.

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use rand::Rng;

use crate::ratelimit::RateSnapshot;

const EXPOSE: &str = "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset";

/// Sets a header from a string, skipping values that are not valid header text.
pub(crate) fn set(headers: &mut HeaderMap, name: &str, value: &str) {
    if let (Ok(n), Ok(v)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::from_str(value)) {
        headers.insert(n, v);
    }
}

/// A request id in GitHub's shape, e.g. `C0A8:3F2A:1B2C3D:1C2D3E:65A1B2C3`.
pub(crate) fn request_id() -> String {
    let mut rng = rand::rng();
    format!(
        "{:04X}:{:04X}:{:06X}:{:06X}:{:08X}",
        rng.random_range(0..0x1_0000u32),
        rng.random_range(0..0x1_0000u32),
        rng.random_range(0..0x100_0000u32),
        rng.random_range(0..0x100_0000u32),
        rng.random::<u32>()
    )
}

/// Headers on every JSON API response; returns the request id it set.
pub(crate) fn common(h: &mut HeaderMap) -> String {
    let id = request_id();
    set(h, "content-type", "application/json; charset=utf-8");
    set(h, "x-github-media-type", "github.v3; format=json");
    set(h, "x-github-request-id", &id);
    set(h, "x-github-api-version-selected", "2022-11-28");
    set(h, "server", "github.com");
    set(h, "access-control-expose-headers", EXPOSE);
    set(h, "access-control-allow-origin", "*");
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "deny");
    set(h, "x-xss-protection", "0");
    set(h, "content-security-policy", "default-src 'none'");
    set(h, "referrer-policy", "origin-when-cross-origin, strict-origin-when-cross-origin");
    set(h, "strict-transport-security", "max-age=31536000; includeSubdomains; preload");
    id
}

/// The `x-ratelimit-*` headers.
pub(crate) fn rate(h: &mut HeaderMap, snap: RateSnapshot, resource: &str) {
    set(h, "x-ratelimit-limit", &snap.limit.to_string());
    set(h, "x-ratelimit-remaining", &snap.remaining.to_string());
    set(h, "x-ratelimit-used", &snap.used.to_string());
    set(h, "x-ratelimit-reset", &snap.reset.to_string());
    set(h, "x-ratelimit-resource", resource);
}

/// Cache and vary headers of a successful GET.
pub(crate) fn cacheable(h: &mut HeaderMap, authenticated: bool) {
    if authenticated {
        set(h, "cache-control", "private, max-age=60, s-maxage=60");
        set(h, "vary", "Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding, Accept, X-Requested-With");
    } else {
        set(h, "cache-control", "public, max-age=60, s-maxage=60");
        set(h, "vary", "Accept, Accept-Encoding, Accept, X-Requested-With");
    }
}

/// Whether an `If-None-Match` value matches `etag` (weak comparison).
pub(crate) fn etag_matches(if_none_match: &str, etag: &str) -> bool {
    let strip = |t: &str| t.trim().trim_start_matches("W/").to_string();
    let want = strip(etag);
    if_none_match.split(',').any(|t| t.trim() == "*" || strip(t) == want)
}
