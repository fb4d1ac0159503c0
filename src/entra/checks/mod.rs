//! The cloud checks, one file each, over [`CloudFacts`](super::facts::CloudFacts). They use the
//! same findings model as the directory checks.

mod federated_admin;
mod license;
mod read_incomplete;
mod role;
mod sync;
mod sync_features;

use super::facts::CloudFacts;
use crate::check::Finding;

/// A cloud check.
pub type Check = fn(&CloudFacts) -> Vec<Finding>;

/// Every cloud check, in report order.
pub const ALL: &[Check] = &[
    license::check,
    role::check,
    federated_admin::check,
    sync::check,
    sync_features::check,
    read_incomplete::check,
];

/// Runs every cloud check.
pub fn evaluate(facts: &CloudFacts) -> Vec<Finding> {
    ALL.iter().flat_map(|c| c(facts)).collect()
}

/// Global Administrator's role template ID.
pub const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
/// Hybrid Identity Administrator's role template ID.
pub const HYBRID_IDENTITY_ADMINISTRATOR: &str = "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2";
/// Service plan AAD_PREMIUM (Entra ID P1).
pub const AAD_PREMIUM: &str = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
/// Service plan AAD_PREMIUM_P2 (Entra ID P2).
pub const AAD_PREMIUM_P2: &str = "eec0eb4f-6444-4f95-aba0-50c24d67f998";

/// A healthy tenant to vary in the checks' unit tests: a Global Administrator from a managed
/// domain, an active P1 licence, synced ten minutes ago.
#[cfg(test)]
pub(crate) fn healthy() -> CloudFacts {
    use super::facts::{Domain, Me, Organization, Role, ServicePlan, Sku, SyncSettings};
    let now = 1_800_000_000;
    CloudFacts {
        me: Ok(Me {
            id: "1".into(),
            user_principal_name: "admin@contoso.example".into(),
            display_name: "Admin".into(),
        }),
        roles: Ok(vec![Role {
            template_id: GLOBAL_ADMINISTRATOR.into(),
            display_name: "Global Administrator".into(),
        }]),
        skus: Ok(vec![Sku {
            sku_part_number: "AAD_PREMIUM".into(),
            capability_status: "Enabled".into(),
            service_plans: vec![ServicePlan {
                service_plan_id: AAD_PREMIUM.into(),
                service_plan_name: "AAD_PREMIUM".into(),
                provisioning_status: "Success".into(),
            }],
        }]),
        organization: Ok(Organization {
            id: "t".into(),
            display_name: "Contoso".into(),
            on_premises_sync_enabled: Some(true),
            on_premises_last_sync_date_time: Some(crate::clock::rfc3339(now - 600)),
        }),
        admin_domain: Ok(Domain {
            id: "contoso.example".into(),
            authentication_type: "Managed".into(),
            is_verified: true,
        }),
        sync: Ok(SyncSettings::default()),
        now,
    }
}
