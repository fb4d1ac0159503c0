//! `cloud-federated-admin`: the signed-in admin's own domain is federated.
//!
//! Source: "Troubleshoot self-service password reset writeback" — onboarding writeback with a
//! federated admin account fails with event 32009; use a cloud-only account
//! (…onmicrosoft.com).

use crate::check::FindingId;
use crate::check::{Finding, Severity};
use crate::entra::facts::CloudFacts;

pub fn check(f: &CloudFacts) -> Vec<Finding> {
    let (Ok(domain), Ok(me)) = (&f.admin_domain, &f.me) else {
        return Vec::new();
    };
    if !domain.authentication_type.eq_ignore_ascii_case("Federated") {
        return Vec::new();
    }
    vec![
        Finding::new(FindingId::CloudFederatedAdmin, Severity::Error, &me.user_principal_name)
            .title(format!("{} signs in through a federated domain ({})", me.user_principal_name, domain.id))
            .detail("Enabling writeback with a federated admin account fails (event 32009: the service cannot get a token for it).")
            .fix("Use a cloud-only Global Administrator (…@<tenant>.onmicrosoft.com) for the writeback step."),
    ]
}
