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
        out.push(
            Finding::new(FindingId::ConnectorCandidates, Severity::Info, &account.dn)
                .title(format!(
                    "{} other account(s) look like connector accounts; {} was taken",
                    f.connector_others.len(),
                    account.sam_account_name
                ))
                .detail(format!(
                    "Passed over: {}. They rank lower (disabled, no writeback grants, no Entra Connect description, or signed in less recently), as old installations leave them.",
                    f.connector_others
                        .iter()
                        .map(|c| format!(
                            "{}{}",
                            c.sam_account_name,
                            if c.disabled { " (disabled)" } else { "" }
                        ))
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .fix("If Entra Connect uses another of them, give it with --connector NAME; remove leftovers of old installations.")
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
        ConnectorLookup::NotFound { .. } => vec![
            Finding::new(FindingId::ConnectorNotFound, Severity::Error, &f.domain.dn)
                .title("No AD DS connector account was found")
                .detail(
                    "No account named MSOL_… or AAD_… and none with the description Entra Connect \
                     writes exists in the domain, so there is no account to check the rights of.",
                )
                .fix(
                    "Give the account Entra Connect's AD connector signs in as with --connector \
                     (Synchronization Service Manager → Connectors → the AD connector → Properties \
                     → Connect to Active Directory Forest).",
                ),
        ],
        ConnectorLookup::Ambiguous { candidates, .. } => vec![
            Finding::new(FindingId::ConnectorAmbiguous, Severity::Error, &f.domain.dn)
                .title(format!(
                    "{} accounts look equally like the connector account",
                    candidates.len()
                ))
                .detail(format!(
                    "Candidates: {}. They are all enabled and nothing (writeback grants, the Entra \
                     Connect description, recent sign-ins) tells them apart.",
                    candidates
                        .iter()
                        .map(|c| c.sam_account_name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .fix("Say which one the AD connector uses with --connector NAME.")
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
            let privileged: Vec<(&str, crate::sd::Sid)> = [
                ("Domain Admins", domain.with_rid(512)),
                ("Enterprise Admins", domain.with_rid(519)),
                ("Administrators", crate::sd::Sid::new(5, &[32, 544]).ok()),
            ]
            .into_iter()
            .filter_map(|(n, s)| Some((n, s?)))
            .filter(|(_, s)| c.token.contains(s))
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
                .title(format!(
                    "The connector account {} is a member of {}",
                    account.sam_account_name,
                    privileged
                        .iter()
                        .map(|(n, _)| *n)
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .detail(
                    "Entra Connect refuses Domain Admin and Enterprise Admin accounts as the \
                         AD DS connector account, and a connector with these rights can reset any \
                         password in the domain.",
                )
                .fix(
                    "Use a dedicated, unprivileged account and delegate only the writeback \
                         rights to it.",
                ),
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
        assert_eq!(o.scan.blocked[0].reason_ids(), ["connector-not-found"]);
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
        assert!(p.title.contains("Domain Admins"));
        let c = o
            .findings
            .iter()
            .find(|f| f.id == "connector-candidates")
            .unwrap();
        assert!(c.detail.contains("MSOL_old (disabled)"), "{}", c.detail);
    }
}
