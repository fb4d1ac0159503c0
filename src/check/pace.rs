//! How fast the user scan goes and how long it still needs: the faces' progress line ("12 000
//! of 100 009 users, 4 100 a second, about 22 s left"), computed the same for both.

use std::time::{Duration, Instant};

use super::ScanCount;

/// The scan's pace, measured from the first report on.
#[derive(Clone, Copy, Debug)]
pub struct Pace {
    started: Instant,
}

/// One reading of the pace.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PaceReading {
    pub scanned: usize,
    /// How many the DC expects in all, when it says.
    pub expected: Option<usize>,
    /// Users per second, once a second has passed or a hundred users were judged.
    pub per_second: Option<f64>,
    /// Time left at this rate, when both the rate and the expected total are known.
    pub left: Option<Duration>,
}

impl Pace {
    pub fn start(now: Instant) -> Self {
        Self { started: now }
    }

    pub fn read(&self, count: ScanCount, now: Instant) -> PaceReading {
        let elapsed = now.saturating_duration_since(self.started).as_secs_f64();
        let per_second = (count.scanned > 0 && (elapsed >= 1.0 || count.scanned >= 100))
            .then(|| count.scanned as f64 / elapsed.max(0.001));
        let left = match (per_second, count.expected) {
            (Some(rate), Some(total)) if rate > 0.0 => Some(Duration::from_secs_f64(
                (total.saturating_sub(count.scanned) as f64 / rate).min(1e9),
            )),
            _ => None,
        };
        PaceReading {
            scanned: count.scanned,
            expected: count.expected,
            per_second,
            left,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_and_time_left_follow_the_count_and_the_estimate() {
        let t0 = Instant::now();
        let p = Pace::start(t0);
        let at = |n: usize, expected: Option<usize>, secs: u64| {
            p.read(
                ScanCount {
                    scanned: n,
                    expected,
                },
                t0 + Duration::from_secs(secs),
            )
        };
        let r = at(4000, Some(100_000), 2);
        assert_eq!(r.per_second, Some(2000.0));
        assert_eq!(r.left, Some(Duration::from_secs(48)));
        // No estimate from the DC (Windows gives 0): a rate, no time left.
        let r = at(4000, None, 2);
        assert_eq!((r.per_second, r.left), (Some(2000.0), None));
        // Too early to say.
        assert_eq!(at(10, Some(100), 0).per_second, None);
        // The DC's estimate was low: never a negative time.
        assert_eq!(at(200, Some(100), 1).left, Some(Duration::ZERO));
    }
}
