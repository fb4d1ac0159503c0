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
