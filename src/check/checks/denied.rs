//! `right-denied`: an explicit deny refuses the connector a writeback right, on the object that
//! holds the deny (a user, an OU, the domain root). A deny decides before any allow that comes
//! later in the DACL, and an inherited deny before a grant from farther up (MS-DTYP 2.5.3.2; the
//! DC evaluates ACEs in stored order), so no grant the plan could add fixes it.
//!
//! Judged for every container in scope as if the grant at the domain root already existed, so a
//! deny is reported wherever it is, whatever the state of the root.

use super::{Input, cause_findings};
use crate::check::FindingId;
use crate::check::finding::Finding;

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    cause_findings(input, FindingId::RightDenied)
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{CONNECTOR, Fixture, grant_users};

    const RESET: &str = "00299570-246d-11d0-a768-00aa006e0529";

    #[test]
    fn a_deny_below_an_ungranted_root_is_reported_on_the_ou_that_holds_it() {
        let o = Fixture::new()
            .ou(
                "OU=A,DC=example,DC=test",
                &format!("D:(OD;CI;CR;{RESET};;{CONNECTOR})"),
            )
            .ou("OU=B,OU=A,DC=example,DC=test", "D:")
            .run();
        let f = o
            .findings
            .iter()
            .find(|f| f.id == "right-denied")
            .expect("right-denied");
        assert_eq!(f.object, "OU=A,DC=example,DC=test");
        assert!(
            f.evidence.iter().any(|e| e.contains("(OD;CI;CR;")),
            "{:?}",
            f.evidence
        );
        let detail = crate::words::Words::english(crate::words::Face::Cli).detail(f);
        assert!(detail.contains("No user in scope"), "{detail}");
    }

    #[test]
    fn a_deny_on_one_user_names_that_user_and_keeps_it_from_ready() {
        let o = Fixture::new()
            .grant_at_root(&grant_users())
            .user("CN=ok,DC=example,DC=test", "D:")
            .user(
                "CN=no,DC=example,DC=test",
                &format!("D:(OD;;CR;{RESET};;{CONNECTOR})"),
            )
            .run();
        assert!(!o.ready());
        let f = o.findings.iter().find(|f| f.id == "right-denied").unwrap();
        assert_eq!(f.object, "CN=no,DC=example,DC=test");
        let b = o.scan.blocked.first().unwrap();
        assert_eq!(
            (b.reason_ids(), &*b.reasons[0].object),
            (
                vec![crate::check::FindingId::RightDenied],
                "CN=no,DC=example,DC=test"
            )
        );
        assert_eq!(o.readiness().ready, 1);
    }
}
