//! `right-unexpire-password` (error) and `right-change-password` (info).
//!
//! Source: "Microsoft Entra Connect: Configure AD DS Connector Account Permissions" and the SSPR
//! writeback tutorial: writeback sets `pwdLastSet = -1` after a reset unless the user must
//! change the password, and the DC refuses that without the Unexpire Password extended right on
//! the domain object (granted to Authenticated Users by default). Change Password is granted to
//! Everyone on users by default; some hardened domains remove it.

use super::{Input, evidence};
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};
use crate::sd::Verdict;

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    let Some(c) = &f.connector else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(d) = f
        .unexpire()
        .filter(|d| !d.is_allowed() && d.verdict != Verdict::Unknown)
    {
        let finding = Finding::new(
            FindingId::RightUnexpirePassword,
            Severity::Error,
            &f.domain.dn,
        )
        .arg("name", &c.account.sam_account_name)
        .evidence(evidence(f, &d));
        out.push(if d.verdict == Verdict::Denied {
            finding.text(crate::check::Wording::RightUnexpirePasswordDenied)
        } else {
            finding
        });
    }
    if input.scan.change_password_missing > 0 {
        out.push(
            Finding::new(FindingId::RightChangePassword, Severity::Info, &f.domain.dn)
                .arg("users", input.scan.change_password_missing),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{CONNECTOR, Fixture, grant_users};

    #[test]
    fn without_unexpire_password_every_user_is_blocked_by_the_domain() {
        let o = Fixture::new()
            .root(&format!("D:(A;;RPLCLORC;;;AU){}", grant_users()))
            .user("CN=u,DC=example,DC=test", "D:")
            .run();
        let f = o
            .findings
            .iter()
            .find(|f| f.id == "right-unexpire-password")
            .unwrap();
        assert_eq!(f.object, crate::check::fixture::DOMAIN_DN);
        assert_eq!(
            o.scan.blocked.first().unwrap().reason_ids(),
            ["right-unexpire-password"]
        );
    }

    #[test]
    fn a_deny_of_unexpire_password_is_said_as_a_deny() {
        let o = Fixture::new()
            .root(&format!(
                "D:(OD;;CR;ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501;;{CONNECTOR})(OA;;CR;ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501;;AU){}",
                grant_users()
            ))
            .run();
        let f = o
            .findings
            .iter()
            .find(|f| f.id == "right-unexpire-password")
            .unwrap();
        assert!(
            crate::words::Words::english(crate::words::Face::Cli)
                .title(f)
                .contains("deny")
                && f.evidence[0].contains("(OD;"),
            "{f:?}"
        );
    }

    #[test]
    fn the_default_grant_to_authenticated_users_is_enough() {
        let o = Fixture::new().grant_at_root(&grant_users()).run();
        assert!(o.findings.iter().all(|f| f.id != "right-unexpire-password"));
    }
}
