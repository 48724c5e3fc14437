//! Where "now" comes from, so that the reminder runtime can be driven by a clock in
//! tests (jumps forwards and backwards included) and by the wall clock in the app.

use std::sync::Mutex;

use chrono::{DateTime, Duration, Utc};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to, in either direction.
#[derive(Debug)]
pub struct ManualClock(Mutex<DateTime<Utc>>);

impl ManualClock {
    pub fn new(at: DateTime<Utc>) -> ManualClock {
        ManualClock(Mutex::new(at))
    }

    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().unwrap() = at;
    }

    /// Moves the clock by `by` (negative: backwards) and returns the new time.
    pub fn advance(&self, by: Duration) -> DateTime<Utc> {
        let mut t = self.0.lock().unwrap();
        *t += by;
        *t
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_both_ways() {
        let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let c = ManualClock::new(t0);
        assert_eq!(c.advance(Duration::hours(2)), t0 + Duration::hours(2));
        assert_eq!(c.advance(Duration::days(-1)), t0 - Duration::hours(22));
        c.set(t0);
        assert_eq!(c.now(), t0);
    }
}
