//! `pre2000-au`: Authenticated Users is not in BUILTIN\Pre-Windows 2000 Compatible Access.
//!
//! Source: "Troubleshoot self-service password reset writeback" — some writeback failures were
//! traced to hardened domains where this membership is gone; for information.

use super::Input;
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    let Some(members) = &f.pre2000_members else {
        return Vec::new();
    };
    if members
        .iter()
        .any(|m| m.to_ascii_uppercase().starts_with("CN=S-1-5-11,"))
    {
        return Vec::new();
    }
    vec![Finding::new(
        FindingId::Pre2000Au,
        Severity::Info,
        format!(
            "CN=Pre-Windows 2000 Compatible Access,CN=Builtin,{}",
            f.domain.dn
        ),
    )]
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::Fixture;

    #[test]
    fn authenticated_users_missing_from_pre_windows_2000_is_noted() {
        let has = |o: &crate::check::CheckOutcome| o.findings.iter().any(|f| f.id == "pre2000-au");
        assert!(!has(&Fixture::new().run()));
        assert!(has(&Fixture::new()
            .with(|f| f.pre2000_members = Some(Vec::new()))
            .run()));
        assert!(
            !has(&Fixture::new().with(|f| f.pre2000_members = None).run()),
            "unreadable"
        );
    }
}
