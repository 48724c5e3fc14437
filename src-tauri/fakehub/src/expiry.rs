//! The `GitHub-Authentication-Token-Expiration` header and its two layouts.

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

/// How the expiry header of a token is written. Both layouts name the same instant.
///
/// In JSON: `"utc"`, `"offset"` (+0200) or an explicit offset like `"-0530"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum ExpiryLayout {
    /// `2026-01-02 03:04:05 UTC`
    #[default]
    Utc,
    /// `2026-01-02 05:04:05 +0200`: the instant in a fixed offset east of UTC.
    Offset {
        /// Minutes east of UTC.
        minutes: i32,
    },
}

impl ExpiryLayout {
    /// The offset layout with +02:00, as seen on real tokens.
    pub fn offset() -> Self {
        ExpiryLayout::Offset { minutes: 120 }
    }

    /// Formats `at` in this layout.
    pub fn format(self, at: DateTime<Utc>) -> String {
        match self {
            ExpiryLayout::Utc => at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            ExpiryLayout::Offset { minutes } => {
                let tz = FixedOffset::east_opt(minutes * 60)
                    .unwrap_or_else(|| FixedOffset::east_opt(0).expect("zero offset"));
                at.with_timezone(&tz).format("%Y-%m-%d %H:%M:%S %z").to_string()
            }
        }
    }
}

impl TryFrom<String> for ExpiryLayout {
    type Error = String;

    fn try_from(s: String) -> Result<Self, String> {
        match s.as_str() {
            "utc" | "UTC" => return Ok(ExpiryLayout::Utc),
            "offset" => return Ok(ExpiryLayout::offset()),
            _ => {}
        }
        let bad = || format!("expiry layout must be \"utc\", \"offset\" or \"+HHMM\", not {s:?}");
        let (sign, digits) = match s.split_at_checked(1) {
            Some(("+", d)) => (1, d),
            Some(("-", d)) => (-1, d),
            _ => return Err(bad()),
        };
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let hours: i32 = digits[..2].parse().map_err(|_| bad())?;
        let mins: i32 = digits[2..].parse().map_err(|_| bad())?;
        if hours > 23 || mins > 59 {
            return Err(bad());
        }
        Ok(ExpiryLayout::Offset { minutes: sign * (hours * 60 + mins) })
    }
}

impl From<ExpiryLayout> for String {
    fn from(layout: ExpiryLayout) -> String {
        match layout {
            ExpiryLayout::Utc => "utc".into(),
            ExpiryLayout::Offset { minutes } => {
                let sign = if minutes < 0 { '-' } else { '+' };
                let m = minutes.abs();
                format!("{sign}{:02}{:02}", m / 60, m % 60)
            }
        }
    }
}
