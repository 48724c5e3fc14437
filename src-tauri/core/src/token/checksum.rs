//! The checksum of 40-character `gh?_` tokens: CRC32 (IEEE) of the 30 random
//! characters, written in base62 (`0-9A-Za-z`), most significant digit first,
//! left-padded with `0` to 6 characters.

const ALPHABET: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Base62 of `n`, left-padded with '0' to at least `width` digits.
pub(crate) fn encode_base62(mut n: u64, width: usize) -> String {
    let mut digits = Vec::with_capacity(width.max(11));
    while n > 0 {
        digits.push(ALPHABET[(n % 62) as usize]);
        n /= 62;
    }
    while digits.len() < width {
        digits.push(b'0');
    }
    digits.reverse();
    String::from_utf8(digits).expect("alphabet is ASCII")
}

/// The 6-character checksum GitHub appends to `random`.
pub(crate) fn checksum_of(random: &str) -> String {
    encode_base62(u64::from(crc32fast::hash(random.as_bytes())), 6)
}
