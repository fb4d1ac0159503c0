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
            .text("cloud-sync-stale-unknown"),
        ],
    }
}
