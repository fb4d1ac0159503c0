//! Sending an HTTP request again when the service is busy or the network hiccups: on 429, 500,
//! 502, 503, 504 and transport errors, a few times, after the service's `Retry-After` (seconds
//! or an HTTP date) or an exponential backoff with jitter — every wait capped.

use std::time::Duration;

/// Attempts after the first.
pub const MAX_RETRIES: u32 = 3;
/// The longest wait honoured (a larger `Retry-After` is shortened to this).
pub const MAX_WAIT: Duration = Duration::from_secs(30);

/// Whether a response status is worth another try.
pub fn retryable(status: u16) -> bool {
    matches!(status, 429 | 500 | 502 | 503 | 504)
}

/// `Retry-After` as seconds or an HTTP date (RFC 9110 10.2.3), relative to `now` (seconds since
/// the epoch); `None` when absent or unreadable. Never more than [`MAX_WAIT`].
pub fn retry_after(value: Option<&str>, now: i64) -> Option<Duration> {
    let v = value?.trim();
    let secs = match v.parse::<u64>() {
        Ok(n) => n,
        Err(_) => {
            let when = jiff::fmt::rfc2822::parse(v).ok()?.timestamp().as_second();
            u64::try_from(when.saturating_sub(now)).unwrap_or(0)
        }
    };
    Some(Duration::from_secs(secs).min(MAX_WAIT))
}

/// The backoff before retry `attempt` (1-based): 1 s, 2 s, 4 s … with up to 50 % random jitter
/// added, capped at [`MAX_WAIT`].
pub fn backoff(attempt: u32) -> Duration {
    let base = 1000u64.saturating_mul(1u64 << attempt.saturating_sub(1).min(10));
    let mut b = [0u8; 2];
    let jitter = if getrandom::fill(&mut b).is_ok() {
        u64::from(u16::from_le_bytes(b)) % (base / 2 + 1)
    } else {
        0
    };
    Duration::from_millis(base.saturating_add(jitter)).min(MAX_WAIT)
}

/// Seconds since the epoch now.
pub fn now() -> i64 {
    jiff::Timestamp::now().as_second()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_http_dates_and_is_capped() {
        let now = jiff::fmt::rfc2822::parse("Sun, 06 Nov 1994 08:49:37 GMT")
            .unwrap()
            .timestamp()
            .as_second();
        assert_eq!(retry_after(Some("7"), now), Some(Duration::from_secs(7)));
        assert_eq!(
            retry_after(Some("Sun, 06 Nov 1994 08:49:47 GMT"), now),
            Some(Duration::from_secs(10))
        );
        assert_eq!(
            retry_after(Some("Sun, 06 Nov 1994 08:49:00 GMT"), now),
            Some(Duration::ZERO),
            "a date in the past means now"
        );
        assert_eq!(retry_after(Some("99999999999999999999"), now), None);
        assert_eq!(
            retry_after(Some("18446744073709551615"), now),
            Some(MAX_WAIT)
        );
        assert_eq!(retry_after(Some("soon"), now), None);
        assert_eq!(retry_after(None, now), None);
    }

    #[test]
    fn backoff_grows_with_jitter_and_stays_capped() {
        for attempt in 1..=3 {
            let b = backoff(attempt);
            let base = Duration::from_secs(1 << (attempt - 1));
            assert!(b >= base && b <= base + base / 2, "{attempt}: {b:?}");
        }
        assert_eq!(backoff(40), MAX_WAIT);
        assert!(retryable(502) && retryable(429) && !retryable(501) && !retryable(404));
    }
}
