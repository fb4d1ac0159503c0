//! `ldap-transport`: the check itself ran over an unencrypted connection.

use super::Input;
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    if f.encrypted {
        return Vec::new();
    }
    vec![Finding::new(
        FindingId::LdapTransport,
        Severity::Warning,
        &f.server,
    )]
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::Fixture;

    #[test]
    fn an_unencrypted_check_is_a_warning() {
        let has =
            |o: &crate::check::CheckOutcome| o.findings.iter().any(|f| f.id == "ldap-transport");
        assert!(!has(&Fixture::new().run()));
        assert!(has(&Fixture::new().with(|f| f.encrypted = false).run()));
    }
}
