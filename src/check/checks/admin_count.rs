//! `admin-protected` and `admincount-stale`.
//!
//! Source: "Microsoft Entra self-service password reset writeback" — the service account that
//! handles writeback cannot change the passwords of users in protected groups; administrators
//! change their password in the cloud but cannot use writeback to reset a forgotten one (by
//! design; SSPR_0029). They are excluded from the verdict and listed. An account that left
//! every protected group keeps adminCount=1 and its protected DACL until someone clears them
//! ("stale"): it is blocked for no reason, which is an error when its rights are missing.

use super::{Input, cause_findings};
use crate::check::FindingId;
use crate::check::facts::AdminStatus;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (dn, protected) in &input.scan.admin_count {
        if input.facts.admin_status(dn) != AdminStatus::Protected {
            continue;
        }
        out.push(
            Finding::new(FindingId::AdminProtected, Severity::Info, dn)
                .arg("sdprop", if *protected { "done" } else { "pending" }),
        );
    }
    out.extend(cause_findings(input, FindingId::AdminCountStale));
    for (dn, _) in &input.scan.admin_count {
        let blocked = input
            .scan
            .causes
            .get(FindingId::AdminCountStale, dn)
            .is_some();
        if input.facts.admin_status(dn) == AdminStatus::Stale && !blocked {
            out.push(
                Finding::new(FindingId::AdminCountStale, Severity::Warning, dn)
                    .text(crate::check::Wording::AdmincountStaleHarmless),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::AdminStatus;
    use crate::check::fixture::{CONNECTOR, Fixture, grant_users};
    use crate::check::{CheckOutcome, Severity};

    fn severity(o: &CheckOutcome, id: &str) -> Option<Severity> {
        o.findings.iter().find(|f| f.id == id).map(|f| f.severity)
    }

    fn admin(status: AdminStatus, dacl: &str) -> CheckOutcome {
        Fixture::new()
            .grant_at_root(&grant_users())
            .user("CN=u,DC=example,DC=test", "D:")
            .user_as(
                "CN=adm,DC=example,DC=test",
                "user",
                dacl,
                Some(status),
                None,
            )
            .run()
    }

    #[test]
    fn a_protected_administrator_is_excluded_and_the_rest_is_ready() {
        let o = admin(AdminStatus::Protected, "D:P(A;;RC;;;AU)");
        assert!(o.ready(), "{:#?}", o.findings);
        assert_eq!(severity(&o, "admin-protected"), Some(Severity::Info));
        let n = o.readiness();
        assert_eq!((n.ready, n.excluded, n.blocked), (1, 1, 0));
    }

    #[test]
    fn a_stale_admincount_that_blocks_is_an_error_and_one_that_does_not_a_warning() {
        let o = admin(AdminStatus::Stale, "D:P(A;;RC;;;AU)");
        assert_eq!(severity(&o, "admincount-stale"), Some(Severity::Error));
        assert!(!o.ready());
        let own: String = crate::check::Right::ALL
            .iter()
            .map(|r| {
                crate::sd::sddl::format_ace(
                    &r.own_ace(&CONNECTOR.parse().unwrap()),
                    &Default::default(),
                )
                .unwrap()
            })
            .collect();
        let o = admin(AdminStatus::Stale, &format!("D:P{own}"));
        assert_eq!(severity(&o, "admincount-stale"), Some(Severity::Warning));
        assert!(o.ready());
    }

    #[test]
    fn an_administrator_whose_groups_are_unknown_is_never_called_stale() {
        let o = admin(AdminStatus::Unknown, "D:P(A;;RC;;;AU)");
        assert!(o.findings.iter().all(|f| f.id != "admincount-stale"));
        assert!(o.stale_admin().is_empty());
        assert_eq!(severity(&o, "read-incomplete"), Some(Severity::Error));
    }
}
