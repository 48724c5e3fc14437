//! `token::parse` on arbitrary UTF-8: never panics, and what it accepts is
//! consistent with what it was given.
#![no_main]

use jeton_core::error::Error;
use jeton_core::token::{self, MAX_INPUT_LEN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    match token::parse(input) {
        Ok(parsed) => {
            let secret = parsed.secret.expose();
            assert!(input.len() <= MAX_INPUT_LEN);
            assert_eq!(secret, input.trim());
            assert!(secret.bytes().all(|b| b.is_ascii_graphic()));
            match token::prefix_of(parsed.kind) {
                Some(prefix) => assert!(secret.starts_with(prefix)),
                None => assert_eq!(secret.len(), 40),
            }
            let leading = input.len() - input.trim_start().len();
            assert_eq!(parsed.trimmed.leading, input[..leading].chars().count());
        }
        Err(Error::TokenMalformed { .. }) => {}
        Err(other) => panic!("unexpected error kind: {}", other.code()),
    }
});
