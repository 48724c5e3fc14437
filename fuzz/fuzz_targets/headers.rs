//! Every header parser on arbitrary UTF-8: none panics, and the results keep their
//! documented shape.
#![no_main]

use jeton_core::github::headers::{self, RateLimit, Sso};
use jeton_core::github::scopes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = std::str::from_utf8(data) else {
        return;
    };

    let _ = headers::parse_token_expiration(value);

    let raw = headers::parse_scopes(value);
    assert!(raw.iter().all(|s| !s.is_empty() && !s.contains(',') && !s.contains(char::is_whitespace)));
    let normalized = scopes::normalize_scopes(&raw);
    assert!(normalized.len() <= raw.len());
    for (i, s) in normalized.iter().enumerate() {
        assert!(!normalized[..i].contains(s), "duplicate after normalize");
        assert!(!normalized.iter().any(|o| o != s && scopes::implies(o, s)), "implied scope kept");
    }

    match headers::parse_sso(value) {
        Some(Sso::Required { url }) => {
            assert!(url.starts_with("http://") || url.starts_with("https://"))
        }
        Some(Sso::Unknown(kept)) => assert!(kept.len() <= 256 && value.trim().starts_with(&kept)),
        Some(Sso::PartialResults { .. }) | None => {}
    }

    // The same text as every rate-limit header, then split across them.
    let _ = RateLimit::from_lookup(|_| Some(value.to_owned()));
    let parts: Vec<&str> = value.splitn(5, '\n').collect();
    let names =
        ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-used", "x-ratelimit-reset", "x-ratelimit-resource"];
    let rl = RateLimit::from_lookup(|name| {
        let i = names.iter().position(|n| *n == name)?;
        parts.get(i).map(|s| (*s).to_owned())
    });
    let _ = rl.wait_until_reset(chrono::Utc::now());

    let _ = headers::retry_after(value);
});
