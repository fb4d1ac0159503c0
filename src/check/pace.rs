//! How fast the user scan goes and how long it still needs: the faces' progress line ("12 000
//! of 100 009 users, 4 100 a second, about 22 s left"), computed the same for both. The rate is
//! measured from the scan's first report on, so the time spent connecting and reading the
//! domain's facts before the first user does not make the scan look slower than it is.

use std::time::{Duration, Instant};

use super::ScanCount;

/// The scan's pace.
#[derive(Clone, Copy, Debug, Default)]
pub struct Pace {
    /// The first report: (users scanned, when).
    origin: Option<(usize, Instant)>,
}

/// One reading of the pace.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PaceReading {
    pub scanned: usize,
    /// How many the DC expects in all, when it says.
    pub expected: Option<usize>,
    /// Users per second, once a second has passed since the first report.
    pub per_second: Option<f64>,
    /// Time left at this rate, when both the rate and the expected total are known.
    pub left: Option<Duration>,
}

impl Pace {
    /// Takes a report of the scan (the first one is where the rate is measured from).
    pub fn note(&mut self, count: ScanCount, now: Instant) {
        if self.origin.is_none() && count.scanned > 0 {
            self.origin = Some((count.scanned, now));
        }
    }

    pub fn read(&self, count: ScanCount, now: Instant) -> PaceReading {
        let per_second = self.origin.and_then(|(n0, t0)| {
            let secs = now.saturating_duration_since(t0).as_secs_f64();
            (secs >= 1.0 && count.scanned > n0).then(|| (count.scanned - n0) as f64 / secs)
        });
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

    fn count(scanned: usize, expected: Option<usize>) -> ScanCount {
        ScanCount { scanned, expected }
    }

    #[test]
    fn rate_and_time_left_follow_the_count_and_the_estimate() {
        let t0 = Instant::now();
        let at = |s: u64| t0 + Duration::from_secs(s);
        let mut p = Pace::default();
        // Ten seconds of connecting and reading facts before the first report do not count.
        p.note(count(500, Some(100_500)), at(10));
        assert_eq!(p.read(count(500, Some(100_500)), at(10)).per_second, None);
        p.note(count(4500, Some(100_500)), at(12));
        let r = p.read(count(4500, Some(100_500)), at(12));
        assert_eq!(r.per_second, Some(2000.0));
        assert_eq!(r.left, Some(Duration::from_secs(48)));
        // No estimate from the DC (Windows gives 0): a rate, no time left.
        let r = p.read(count(4500, None), at(12));
        assert_eq!((r.per_second, r.left), (Some(2000.0), None));
        // The DC's estimate was low: never a negative time.
        assert_eq!(
            p.read(count(200_000, Some(100)), at(20)).left,
            Some(Duration::ZERO)
        );
        // Nothing noted: no rate.
        assert_eq!(
            Pace::default().read(count(10, None), at(5)).per_second,
            None
        );
    }
}
