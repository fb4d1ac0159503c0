//! `inheritance-disabled`: an OU, container or non-administrator user whose DACL is protected
//! (inheritance disabled) and does not itself grant the writeback rights, so the grants at the
//! domain root never reach it or the users below it.
//!
//! Source: "Troubleshoot self-service password reset writeback" — permissions granted at the
//! domain root do not reach objects below an OU with inheritance disabled.

use super::{Input, cause_findings};
use crate::check::FindingId;
use crate::check::finding::Finding;

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    cause_findings(input, FindingId::InheritanceDisabled)
        .into_iter()
        .map(|f| {
            let user = matches!(
                f.get("class"),
                Some(crate::check::finding::Arg::Text(c))
                    if c.eq_ignore_ascii_case("user") || c.eq_ignore_ascii_case("inetOrgPerson")
            );
            if user {
                f.text(crate::check::Wording::InheritanceDisabledUser)
            } else {
                f
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{Fixture, grant_users};

    fn on(o: &crate::check::CheckOutcome) -> Vec<String> {
        o.findings
            .iter()
            .filter(|f| f.id == "inheritance-disabled")
            .map(|f| f.object.clone())
            .collect()
    }

    #[test]
    fn protected_ous_and_non_admin_users_without_the_rights_are_errors_on_themselves() {
        let o = Fixture::new()
            .grant_at_root(&grant_users())
            .ou("OU=P,DC=example,DC=test", "D:P(A;;RC;;;AU)")
            .user("CN=below,OU=P,DC=example,DC=test", "D:")
            .user("CN=self,DC=example,DC=test", "D:P(A;;RC;;;AU)")
            .run();
        assert_eq!(
            on(&o),
            ["CN=self,DC=example,DC=test", "OU=P,DC=example,DC=test"]
        );
        assert!(
            o.findings
                .iter()
                .all(|f| f.id != "inheritance-disabled"
                    || f.severity == crate::check::Severity::Error)
        );
        let below = o
            .scan
            .blocked
            .iter()
            .find(|b| b.dn.starts_with("CN=below"))
            .unwrap();
        assert_eq!(&*below.reasons[0].object, "OU=P,DC=example,DC=test");
    }

    #[test]
    fn a_protected_ou_that_grants_the_rights_itself_is_fine() {
        let o = Fixture::new()
            .grant_at_root(&grant_users())
            .ou("OU=P,DC=example,DC=test", &format!("D:P{}", grant_users()))
            .user("CN=below,OU=P,DC=example,DC=test", "D:")
            .run();
        assert!(on(&o).is_empty());
        assert!(o.ready(), "{:#?}", o.findings);
    }
}
