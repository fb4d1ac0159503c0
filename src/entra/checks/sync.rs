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
            Finding::new(FindingId::CloudSyncDisabled, Severity::Error, &org.display_name)
                .title("Directory synchronization is not enabled in the tenant")
                .detail(match org.on_premises_sync_enabled {
                    Some(false) => "onPremisesSyncEnabled is false: the tenant was synchronized but no longer is.",
                    _ => "onPremisesSyncEnabled is not set: the tenant has never been synchronized.",
                })
                .fix("Install and run Entra Connect (or turn synchronization on again) before enabling writeback."),
        ];
    }
    let last = org.on_premises_last_sync_date_time.as_deref();
    match last.and_then(parse_rfc3339) {
        Some(t) if f.now.saturating_sub(t) <= STALE_AFTER_SECS => Vec::new(),
        Some(t) => vec![
            Finding::new(FindingId::CloudSyncStale, Severity::Warning, &org.display_name)
                .title(format!("The last directory sync was {} hours ago", f.now.saturating_sub(t) / 3600))
                .detail(format!("onPremisesLastSyncDateTime = {}. Sync normally runs every 30 minutes.", last.unwrap_or_default()))
                .fix("Check the sync server: the ADSync service, staging mode, and the scheduler (Get-ADSyncScheduler)."),
        ],
        None => vec![
            Finding::new(FindingId::CloudSyncStale, Severity::Warning, &org.display_name)
                .title("The tenant reports no last sync time")
                .fix("Check that Entra Connect runs and exports."),
        ],
    }
}
