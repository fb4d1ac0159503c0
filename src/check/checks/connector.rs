//! `connector-not-found`, `connector-ambiguous`, `connector-privileged`.
//!
//! Source: "Microsoft Entra Connect: Configure AD DS Connector Account Permissions" — the
//! connector account needs the writeback rights; Connect refuses Enterprise Admin and Domain
//! Admin accounts as the AD DS connector account ("Microsoft Entra Connect: Accounts and
//! permissions").

use super::Input;
use crate::ad::connector::ConnectorLookup;
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let mut out = lookup(input);
    let f = input.facts;
    if let (ConnectorLookup::Found(account), false) =
        (&f.connector_lookup, f.connector_others.is_empty())
    {
        // Where Cloud Sync's gMSA was taken over Connect Sync's accounts, that is why.
        let engine = account.gmsa && f.connector_others.iter().any(|c| !c.gmsa);
        out.push(
            Finding::new(FindingId::ConnectorCandidates, Severity::Info, &account.dn)
                .text(if engine {
                    crate::check::Wording::ConnectorCandidatesCloudSync
                } else {
                    crate::check::Wording::Own
                })
                .arg("count", f.connector_others.len())
                .arg("taken", &account.sam_account_name)
                .arg(
                    "others",
                    f.connector_others
                        .iter()
                        .map(|c| {
                            if c.disabled {
                                format!("{} (disabled)", c.sam_account_name)
                            } else {
                                c.sam_account_name.clone()
                            }
                        })
                        .collect::<Vec<_>>(),
                )
                .evidence(
                    f.connector_others
                        .iter()
                        .map(|c| c.dn.clone())
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
        );
    }
    out
}

fn lookup(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    match &f.connector_lookup {
        ConnectorLookup::NotFound { .. } => vec![Finding::new(
            FindingId::ConnectorNotFound,
            Severity::Error,
            &f.domain.dn,
        )],
        ConnectorLookup::Ambiguous { candidates, .. } => vec![
            Finding::new(FindingId::ConnectorAmbiguous, Severity::Error, &f.domain.dn)
                .arg("count", candidates.len())
                .arg(
                    "candidates",
                    candidates
                        .iter()
                        .map(|c| c.sam_account_name.clone())
                        .collect::<Vec<_>>(),
                )
                .evidence(
                    candidates
                        .iter()
                        .map(|c| c.dn.clone())
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
        ],
        ConnectorLookup::Found(account) => {
            let Some(c) = &f.connector else {
                return Vec::new();
            };
            let domain = &f.domain.sid;
            let privileged: Vec<String> = [
                ("Domain Admins", domain.with_rid(512)),
                ("Enterprise Admins", domain.with_rid(519)),
                ("Administrators", crate::sd::Sid::new(5, &[32, 544]).ok()),
            ]
            .into_iter()
            .filter_map(|(n, s)| Some((n, s?)))
            .filter(|(_, s)| c.token.contains(s))
            .map(|(n, _)| n.to_string())
            .collect();
            if privileged.is_empty() {
                return Vec::new();
            }
            vec![
                Finding::new(
                    FindingId::ConnectorPrivileged,
                    Severity::Warning,
                    &account.dn,
                )
                .arg("name", &account.sam_account_name)
                .arg("groups", privileged),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::Fixture;

    #[test]
    fn no_connector_blocks_every_user_with_the_finding_s_own_id() {
        let o = Fixture::new()
            .no_connector()
            .user("CN=u,DC=example,DC=test", "D:")
            .run();
        assert!(o.findings.iter().any(|f| f.id == "connector-not-found"));
        assert_eq!(
            o.scan.blocked.first().unwrap().reason_ids(),
            ["connector-not-found"]
        );
    }

    #[test]
    fn domain_admins_membership_and_passed_over_candidates_are_said() {
        let o = Fixture::new()
            .groups(&["S-1-5-21-1-2-3-512"])
            .with(|f| {
                let mut other = f.connector.as_ref().unwrap().account.clone();
                other.sam_account_name = "MSOL_old".into();
                other.disabled = true;
                f.connector_others = vec![other];
            })
            .run();
        let p = o
            .findings
            .iter()
            .find(|f| f.id == "connector-privileged")
            .unwrap();
        let w = crate::words::Words::english(crate::words::Face::Cli);
        assert!(w.title(p).contains("Domain Admins"), "{}", w.title(p));
        let c = o
            .findings
            .iter()
            .find(|f| f.id == "connector-candidates")
            .unwrap();
        assert!(
            w.detail(c).contains("MSOL_old (disabled)"),
            "{}",
            w.detail(c)
        );
        assert!(
            w.fix(c).contains("--connector"),
            "the command line names its flag"
        );
        let wizard = crate::words::Words::english(crate::words::Face::Wizard);
        assert!(!wizard.fix(c).contains("--"), "{}", wizard.fix(c));
    }
}
