//! `cloud-sync-features` (info): what `GET /directory/onPremisesSynchronization` reports, for
//! reading only. Its `passwordWritebackEnabled` is documented as not in use: it is shown as
//! such and never relied on or written.

use crate::check::FindingId;
use crate::check::{Finding, Severity};
use crate::entra::facts::CloudFacts;

pub fn check(f: &CloudFacts) -> Vec<Finding> {
    let Ok(sync) = &f.sync else {
        return Vec::new();
    };
    let mut on = Vec::new();
    let mut off = Vec::new();
    for (name, value) in &sync.features {
        if name == "passwordWritebackEnabled" {
            continue;
        }
        match value.as_bool() {
            Some(true) => on.push(name.trim_end_matches("Enabled").to_string()),
            Some(false) => off.push(name.trim_end_matches("Enabled").to_string()),
            None => {}
        }
    }
    vec![
        Finding::new(FindingId::CloudSyncFeatures, Severity::Info, "tenant")
            .arg("on-count", on.len())
            .arg("on", on)
            .arg("off-count", off.len())
            .arg("off", off),
    ]
}
