//! `cloud-license`: no Entra ID P1/P2 service plan is enabled in the tenant.
//!
//! Source: "Licensing requirements for Microsoft Entra self-service password reset" — password
//! writeback needs Entra ID P1 or P2 (also part of Microsoft 365 Business Premium, EMS, M365
//! E3/E5). Detected by the service plan IDs AAD_PREMIUM 41781fb2-… and AAD_PREMIUM_P2
//! eec0eb4f-… with provisioning status Success, in a SKU that is Enabled or in Warning.

use super::{AAD_PREMIUM, AAD_PREMIUM_P2};
use crate::check::FindingId;
use crate::check::{Finding, Severity};
use crate::entra::facts::CloudFacts;

pub fn check(f: &CloudFacts) -> Vec<Finding> {
    let Ok(skus) = &f.skus else {
        return Vec::new(); // read-incomplete reports it.
    };
    let licensed = skus.iter().any(|s| {
        matches!(s.capability_status.as_str(), "Enabled" | "Warning")
            && s.service_plans.iter().any(|p| {
                (p.service_plan_id.eq_ignore_ascii_case(AAD_PREMIUM)
                    || p.service_plan_id.eq_ignore_ascii_case(AAD_PREMIUM_P2))
                    && p.provisioning_status == "Success"
            })
    });
    if licensed {
        return Vec::new();
    }
    vec![
        Finding::new(FindingId::CloudLicense, Severity::Error, "tenant")
            .arg("count", skus.len())
            .arg(
                "subscribed",
                skus.iter()
                    .map(|s| format!("{} ({})", s.sku_part_number, s.capability_status))
                    .collect::<Vec<_>>(),
            ),
    ]
}
