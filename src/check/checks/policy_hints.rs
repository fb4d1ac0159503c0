//! `policy-hints-unsupported`: the DC does not advertise LDAP_SERVER_POLICY_HINTS
//! (1.2.840.113556.1.4.2239, or the older .2066), which writeback uses so that password
//! history and policy are enforced on resets.
//!
//! Source: "Tutorial: Enable Microsoft Entra self-service password reset writeback" (domain
//! controllers must be Windows Server 2016 or later).

use super::Input;
use crate::ad::discovery::{POLICY_HINTS, POLICY_HINTS_DEPRECATED};
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let r = &input.facts.root_dse;
    if r.supports_control(POLICY_HINTS) || r.supports_control(POLICY_HINTS_DEPRECATED) {
        return Vec::new();
    }
    vec![
        Finding::new(
            FindingId::PolicyHintsUnsupported,
            Severity::Warning,
            &r.dns_host_name,
        )
        .arg("oid", POLICY_HINTS)
        .arg("old", POLICY_HINTS_DEPRECATED),
    ]
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::Fixture;

    #[test]
    fn a_dc_without_the_policy_hints_control_is_a_warning() {
        let has = |o: &crate::check::CheckOutcome| {
            o.findings
                .iter()
                .any(|f| f.id == "policy-hints-unsupported")
        };
        assert!(!has(&Fixture::new().run()));
        assert!(has(&Fixture::new()
            .with(|f| f.root_dse.supported_controls.clear())
            .run()));
    }
}
