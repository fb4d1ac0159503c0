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
        let denied = d.verdict == Verdict::Denied;
        out.push(
            Finding::new(
                FindingId::RightUnexpirePassword,
                Severity::Error,
                &f.domain.dn,
            )
            .title(if denied {
                "A deny refuses the connector Unexpire Password on the domain"
            } else {
                "Nobody in the connector's token has Unexpire Password on the domain"
            })
            .detail(
                "After a reset, writeback sets pwdLastSet to -1; the DC refuses that \
                     without the Unexpire Password right on the domain object, so writeback \
                     fails for every user. By default Authenticated Users has it.",
            )
            .fix(if denied {
                "Remove the deny ACE on the domain root; no grant can override it.".to_string()
            } else {
                format!(
                    "Grant Unexpire Password on the domain root to {} (or restore the default \
                         grant to Authenticated Users).",
                    c.account.sam_account_name
                )
            })
            .evidence(evidence(f, &d)),
        );
    }
    if input.scan.change_password_missing > 0 {
        out.push(
            Finding::new(FindingId::RightChangePassword, Severity::Info, &f.domain.dn)
                .title(format!(
                    "Change Password is not granted on {} user(s)",
                    input.scan.change_password_missing
                ))
                .detail(
                    "By default Everyone may use Change Password on users; here the default \
                     grant is gone for some. Entra Connect's own permission cmdlet does not grant \
                     it, so this is for information.",
                )
                .fix(
                    "Nothing is required; restore the default grant if it was removed by mistake.",
                ),
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
        assert_eq!(o.scan.blocked[0].reason_ids(), ["right-unexpire-password"]);
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
            f.title.contains("deny") && f.evidence[0].contains("(OD;"),
            "{f:?}"
        );
    }

    #[test]
    fn the_default_grant_to_authenticated_users_is_enough() {
        let o = Fixture::new().grant_at_root(&grant_users()).run();
        assert!(o.findings.iter().all(|f| f.id != "right-unexpire-password"));
    }
}
