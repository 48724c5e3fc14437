//! How long Jeton takes to show its tokens: the UI reports, once, the frame after the
//! dashboard's first rows are painted with the tokens (the `first-paint` event,
//! ui/src/lib/backend.ts); this measures it from the start of `main`. Logged at debug
//! level; with `JETON_BENCH` set it is also printed on stdout as
//! `BENCH {"first_paint_ms":…}`, which bench/app.rs reads (docs/architecture.md).

use std::sync::OnceLock;
use std::time::Instant;

use tauri::{AppHandle, Listener};

/// The event the UI emits after its first paint with the tokens.
pub const FIRST_PAINT_EVENT: &str = "first-paint";

static START: OnceLock<Instant> = OnceLock::new();

/// Remembers when Jeton started; the first call wins.
pub fn mark_start() {
    START.get_or_init(Instant::now);
}

/// Reports the UI's first paint when it comes (once per run).
pub fn listen(app: &AppHandle) {
    app.once_any(FIRST_PAINT_EVENT, |_| {
        let ms = START.get().map_or(0.0, |s| s.elapsed().as_secs_f64() * 1000.0);
        tracing::debug!(ms, "the dashboard is painted with the tokens");
        if std::env::var_os("JETON_BENCH").is_some() {
            println!("{}", bench_line(ms));
        }
    });
}

fn bench_line(ms: f64) -> String {
    format!("BENCH {{\"first_paint_ms\":{ms:.1}}}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_bench_line_is_json_after_its_tag() {
        let line = super::bench_line(412.345);
        let json: serde_json::Value = serde_json::from_str(line.strip_prefix("BENCH ").expect("tag")).expect("json");
        assert_eq!(json["first_paint_ms"], 412.3);
    }
}
