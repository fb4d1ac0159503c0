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
        Finding::new(
            FindingId::CloudFederatedAdmin,
            Severity::Error,
            &me.user_principal_name,
        )
        .arg("upn", &me.user_principal_name)
        .arg("domain", &domain.id),
    ]
}
