//! `cloud-role`: the signed-in account is not a Global Administrator.
//!
//! Source: "Tutorial: Enable Microsoft Entra self-service password reset writeback" and the
//! Connect wizard: a Hybrid Identity Administrator passes Connect's sign-in, but turning on
//! password writeback needs a Global Administrator.

use super::{GLOBAL_ADMINISTRATOR, HYBRID_IDENTITY_ADMINISTRATOR};
use crate::check::FindingId;
use crate::check::{Finding, Severity};
use crate::entra::facts::CloudFacts;

pub fn check(f: &CloudFacts) -> Vec<Finding> {
    let (Ok(roles), Ok(me)) = (&f.roles, &f.me) else {
        return Vec::new();
    };
    let has = |id: &str| roles.iter().any(|r| r.template_id.eq_ignore_ascii_case(id));
    if has(GLOBAL_ADMINISTRATOR) {
        return Vec::new();
    }
    let upn = &me.user_principal_name;
    if has(HYBRID_IDENTITY_ADMINISTRATOR) {
        return vec![
            Finding::new(FindingId::CloudRole, Severity::Warning, upn)
                .text("cloud-role-hybrid")
                .arg("upn", upn),
        ];
    }
    vec![
        Finding::new(FindingId::CloudRole, Severity::Error, upn)
            .arg("upn", upn)
            .arg("count", roles.len())
            .arg(
                "roles",
                roles
                    .iter()
                    .map(|r| r.display_name.clone())
                    .collect::<Vec<_>>(),
            ),
    ]
}
