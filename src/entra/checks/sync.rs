//! `cloud-sync-disabled` (error) and `cloud-sync-stale` (warning, last sync older than 3 hours).
//!
//! Source: "organization resource type" (`onPremisesSyncEnabled`: true = syncing; false = no
//! longer; null = never) and "Microsoft Entra Connect Sync: Scheduler" (30-minute cycle).

use crate::check::FindingId;
use crate::check::{Finding, Severity};
use crate::clock::parse_rfc3339;
use crate::entra::facts::CloudFacts;

/// A last sync older than this is stale.
pub const STALE_AFTER_SECS: u64 = 3 * 3600;

pub fn check(f: &CloudFacts) -> Vec<Finding> {
    let Ok(org) = &f.organization else {
        return Vec::new();
    };
    if org.on_premises_sync_enabled != Some(true) {
        return vec![
            Finding::new(
                FindingId::CloudSyncDisabled,
                Severity::Error,
                &org.display_name,
            )
            .arg(
                "state",
                match org.on_premises_sync_enabled {
                    Some(false) => "false",
                    _ => "unset",
                },
            ),
        ];
    }
    let last = org.on_premises_last_sync_date_time.as_deref();
    match last.and_then(parse_rfc3339) {
        Some(t) if f.now.saturating_sub(t) <= STALE_AFTER_SECS => Vec::new(),
        Some(t) => vec![
            Finding::new(
                FindingId::CloudSyncStale,
                Severity::Warning,
                &org.display_name,
            )
            .arg(
                "hours",
                i64::try_from(f.now.saturating_sub(t) / 3600).unwrap_or(i64::MAX),
            )
            .arg("last", last.unwrap_or_default()),
        ],
        None => vec![
            Finding::new(
                FindingId::CloudSyncStale,
                Severity::Warning,
                &org.display_name,
            )
            .text(crate::check::Wording::CloudSyncStaleUnknown),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::{STALE_AFTER_SECS, check};
    use crate::check::Severity;
    use crate::check::finding::Arg;
    use crate::entra::checks::healthy;

    #[test]
    fn a_recent_sync_is_fine() {
        assert!(check(&healthy()).is_empty());
    }

    #[test]
    fn sync_off_or_never_on_is_an_error_that_says_which() {
        for (enabled, state) in [(Some(false), "false"), (None, "unset")] {
            let mut f = healthy();
            if let Ok(o) = &mut f.organization {
                o.on_premises_sync_enabled = enabled;
            }
            let out = check(&f);
            assert_eq!(out[0].severity, Severity::Error);
            assert_eq!(out[0].get("state"), Some(&Arg::Text(state.into())));
        }
    }

    #[test]
    fn a_sync_older_than_three_hours_is_stale_and_says_how_old() {
        let mut f = healthy();
        if let Ok(o) = &mut f.organization {
            o.on_premises_last_sync_date_time =
                Some(crate::clock::rfc3339(f.now - STALE_AFTER_SECS - 3600));
        }
        let out = check(&f);
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[0].get("hours"), Some(&Arg::Number(4)));
        // Exactly at the limit is still fresh.
        if let Ok(o) = &mut f.organization {
            o.on_premises_last_sync_date_time =
                Some(crate::clock::rfc3339(f.now - STALE_AFTER_SECS));
        }
        assert!(check(&f).is_empty());
    }

    #[test]
    fn no_or_a_broken_last_sync_time_is_said_as_unknown() {
        for last in [None, Some("yesterday".to_string())] {
            let mut f = healthy();
            if let Ok(o) = &mut f.organization {
                o.on_premises_last_sync_date_time = last.clone();
            }
            assert_eq!(
                check(&f)[0].text,
                crate::check::Wording::CloudSyncStaleUnknown,
                "{last:?}"
            );
        }
    }
}
