//! The clock and RFC 3339 timestamps (UTC, whole seconds), through `jiff`: for reports, plans,
//! backups and Graph's dates.

/// Now as RFC 3339 UTC, whole seconds (`2026-11-22T02:30:00Z`).
pub fn rfc3339_now() -> String {
    rfc3339(jiff::Timestamp::now().as_second().max(0).unsigned_abs())
}

/// Seconds since the Unix epoch as RFC 3339 UTC; out of range (past year 9999) reads as the
/// largest instant jiff knows rather than failing a report.
pub fn rfc3339(secs: u64) -> String {
    let ts = i64::try_from(secs)
        .ok()
        .and_then(|s| jiff::Timestamp::from_second(s).ok())
        .unwrap_or(jiff::Timestamp::MAX);
    ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// An RFC 3339 timestamp as Graph writes it (`2026-11-22T01:00:00Z`, a fraction and an offset
/// accepted) → seconds since the epoch; `None` when unreadable or before 1970.
pub fn parse_rfc3339(s: &str) -> Option<u64> {
    let ts: jiff::Timestamp = s.trim().parse().ok()?;
    u64::try_from(ts.as_second()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_formats_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_314_600), "2026-11-22T02:30:00Z");
    }

    #[test]
    fn rfc3339_parses_graph_timestamps() {
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339("2026-11-22T02:30:00Z"), Some(1_795_314_600));
        assert_eq!(
            parse_rfc3339("2026-11-22T03:30:00.1234567+01:00"),
            Some(1_795_314_600)
        );
        assert_eq!(parse_rfc3339("2000-02-29T00:00:00Z"), Some(951_782_400));
        assert_eq!(parse_rfc3339("yesterday"), None);
        assert_eq!(parse_rfc3339("2026-13-01T00:00:00Z"), None);
    }
}
