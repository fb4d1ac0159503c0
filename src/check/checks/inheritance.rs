//! `inheritance-disabled`: an OU, container or non-administrator user whose DACL is protected
//! (inheritance disabled) and does not itself grant the writeback rights, so the grants at the
//! domain root never reach it or the users below it.
//!
//! Source: "Troubleshoot self-service password reset writeback" — permissions granted at the
//! domain root do not reach objects below an OU with inheritance disabled.

use super::{Input, cause_findings, rights_words, users_words};
use crate::check::FindingId;
use crate::check::finding::Finding;

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let name = super::connector_name(input);
    cause_findings(input, FindingId::InheritanceDisabled, |cause| {
        let user = cause.object_class.eq_ignore_ascii_case("user")
            || cause.object_class.eq_ignore_ascii_case("inetOrgPerson");
        if user {
            (
                "Inheritance is disabled on this user".into(),
                format!(
                    "The user's DACL is protected, so the rights granted higher up do not reach it, and it does not grant {name} {} itself. The user is not a protected administrator.",
                    rights_words(cause)
                ),
                "Grant the writeback rights on this user (writeback-wizard plan does, unless --no-protected-users), or enable inheritance on it.".into(),
            )
        } else {
            (
                format!("Inheritance is disabled here; {} user(s) below are blocked", cause.users),
                format!(
                    "This {} has a protected DACL, so the rights granted higher up do not reach the users below it, and it does not grant {name} {} itself. {}",
                    cause.object_class,
                    rights_words(cause),
                    users_words(cause.users)
                ),
                "Grant the writeback rights on this container as well (writeback-wizard plan does, unless --no-protected-containers), or enable inheritance on it.".into(),
            )
        }
    })
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
