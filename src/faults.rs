//! Fault injection for the crash tests, compiled in only with the test-only `fault-injection`
//! feature (release builds never have it): at a named point, `WW_FAULT=<point>` makes the
//! process die on the spot, as a crash or a kill would.

/// Dies here when the `fault-injection` feature is on and `WW_FAULT` names `point`.
#[cfg(feature = "fault-injection")]
pub fn hit(point: &str) {
    if std::env::var("WW_FAULT").is_ok_and(|p| p == point) {
        eprintln!("fault injected at {point}");
        std::process::abort();
    }
}

/// Nothing: the feature is off.
#[cfg(not(feature = "fault-injection"))]
#[inline(always)]
pub fn hit(_point: &str) {}

/// Whether fault injection is compiled in (the release checks say it is not).
pub const ENABLED: bool = cfg!(feature = "fault-injection");
