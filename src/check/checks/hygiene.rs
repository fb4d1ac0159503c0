//! Connector hygiene, for both sync engines: `connector-replication` (info) when the connector
//! holds the directory replication rights on the domain (it can then read every password hash:
//! treat it as Tier 0), and `connector-excess` (warning) where it may change permissions (Write
//! DACL, which GenericAll includes) on the domain root or a container in scope — more than
//! writeback needs. Membership of privileged groups is `connector-privileged`.
//!
//! Sources: "Microsoft Entra Connect: Configure AD DS Connector Account Permissions" (password
//! hash synchronization grants Replicating Directory Changes and … All; writeback needs Reset
//! Password, write lockoutTime and pwdLastSet only), "Securing privileged access" (accounts that
//! can replicate secrets are Tier 0).

use super::{Input, evidence};
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};
use crate::sd::rights::{CLASS_DOMAIN_DNS, REPLICATION_GET_CHANGES, REPLICATION_GET_CHANGES_ALL};
use crate::sd::{AccessMask, Decision, Request, Target, evaluate_with};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    let Some(c) = &f.connector else {
        return Vec::new();
    };
    let name = &c.account.sam_account_name;
    let decide = |sd: &crate::sd::SecurityDescriptor, class, request: &Request| -> Decision {
        evaluate_with(
            f.rules,
            &sd.dacl,
            &Target {
                class,
                object_sid: None,
            },
            &c.token,
            request,
        )
    };
    let mut out = Vec::new();
    if let Some(sd) = &f.root().sd {
        let changes = decide(
            sd,
            CLASS_DOMAIN_DNS,
            &Request::ControlAccess(REPLICATION_GET_CHANGES),
        );
        let all = decide(
            sd,
            CLASS_DOMAIN_DNS,
            &Request::ControlAccess(REPLICATION_GET_CHANGES_ALL),
        );
        if changes.is_allowed() && all.is_allowed() {
            out.push(
                Finding::new(
                    FindingId::ConnectorReplication,
                    Severity::Info,
                    &f.domain.dn,
                )
                .arg("name", name)
                .evidence(evidence(f, &changes))
                .evidence(evidence(f, &all)),
            );
        }
    }
    for node in f
        .tree
        .nodes
        .iter()
        .filter(|n| n.in_scope || n.dn == f.domain.dn)
    {
        let Some(sd) = &node.sd else {
            continue;
        };
        let class = if node.dn.eq_ignore_ascii_case(&f.domain.dn) {
            CLASS_DOMAIN_DNS
        } else {
            f.class_guid(&node.class_name).unwrap_or(CLASS_DOMAIN_DNS)
        };
        let d = decide(sd, class, &Request::Rights(AccessMask::WRITE_DAC));
        if d.is_allowed() {
            out.push(
                Finding::new(FindingId::ConnectorExcess, Severity::Warning, &node.dn)
                    .arg("name", name)
                    .arg("class", node.class_name.as_str())
                    .evidence(evidence(f, &d)),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{CONNECTOR, DOMAIN_DN, Fixture, grant_users};
    use crate::check::{FindingId, Severity};

    const GET_CHANGES: &str = "1131f6aa-9c07-11d1-f79f-00c04fc2dcd2";
    const GET_CHANGES_ALL: &str = "1131f6ad-9c07-11d1-f79f-00c04fc2dcd2";

    fn ids(o: &crate::check::CheckOutcome) -> Vec<(FindingId, Severity, String)> {
        o.findings
            .iter()
            .filter(|f| {
                matches!(
                    f.id,
                    FindingId::ConnectorReplication | FindingId::ConnectorExcess
                )
            })
            .map(|f| (f.id, f.severity, f.object.clone()))
            .collect()
    }

    #[test]
    fn the_writeback_grants_alone_are_clean() {
        let o = Fixture::new()
            .root(&format!("D:(A;;RPLCLORC;;;AU){}", grant_users()))
            .run();
        assert_eq!(ids(&o), []);
    }

    #[test]
    fn both_replication_rights_make_it_tier_0_and_one_alone_does_not() {
        let both = Fixture::new()
            .root(&format!(
                "D:(OA;;CR;{GET_CHANGES};;{CONNECTOR})(OA;;CR;{GET_CHANGES_ALL};;{CONNECTOR}){}",
                grant_users()
            ))
            .run();
        assert_eq!(
            ids(&both),
            [(
                FindingId::ConnectorReplication,
                Severity::Info,
                DOMAIN_DN.to_string()
            )]
        );
        let f = both
            .findings
            .iter()
            .find(|f| f.id == FindingId::ConnectorReplication)
            .unwrap();
        assert_eq!(f.evidence.len(), 2, "{f:?}");
        let one = Fixture::new()
            .root(&format!(
                "D:(OA;;CR;{GET_CHANGES};;{CONNECTOR}){}",
                grant_users()
            ))
            .run();
        assert_eq!(ids(&one), []);
    }

    #[test]
    fn write_dac_or_generic_all_on_a_container_in_scope_is_more_than_writeback_needs() {
        let o = Fixture::new()
            .root(&format!("D:(A;;RPLCLORC;;;AU){}", grant_users()))
            .ou(
                "OU=A,DC=example,DC=test",
                &format!("D:(A;;GA;;;{CONNECTOR})"),
            )
            .ou(
                "OU=B,DC=example,DC=test",
                &format!("D:(A;;WD;;;{CONNECTOR})"),
            )
            .ou(
                "OU=C,DC=example,DC=test",
                &format!("D:(D;;WD;;;{CONNECTOR})(A;;GA;;;{CONNECTOR})"),
            )
            .run();
        let found = ids(&o);
        assert!(found.contains(&(
            FindingId::ConnectorExcess,
            Severity::Warning,
            "OU=A,DC=example,DC=test".into()
        )));
        assert!(found.contains(&(
            FindingId::ConnectorExcess,
            Severity::Warning,
            "OU=B,DC=example,DC=test".into()
        )));
        assert!(
            !found.iter().any(|(_, _, o)| o == "OU=C,DC=example,DC=test"),
            "a deny of Write DACL first wins: {found:?}"
        );
    }
}
