//! `read-incomplete`: something could not be read with the bound account, so the result cannot
//! be trusted to be complete and is never reported as ready.

use super::Input;
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    // What could not be read, as evidence (DNs and attribute names; not translated).
    let mut problems = f.read_problems.clone();
    if input.scan.unreadable > 0 {
        problems.push(format!(
            "nTSecurityDescriptor of {} user(s)",
            input.scan.unreadable
        ));
    }
    let unknown_admins = input
        .scan
        .admin_count
        .iter()
        .filter(|(dn, _)| f.admin_status(dn) == crate::check::AdminStatus::Unknown)
        .count();
    if unknown_admins > 0 {
        problems.push(format!(
            "tokenGroups of {unknown_admins} adminCount=1 user(s)"
        ));
    }
    for pso in &input.scan.unreadable_psos {
        if !f.psos.iter().any(|p| p.dn.eq_ignore_ascii_case(pso)) {
            problems.push(format!("{pso} (a password policy of users in scope)"));
        }
    }
    if problems.is_empty() {
        return Vec::new();
    }
    let mut finding = Finding::new(FindingId::ReadIncomplete, Severity::Error, &f.server)
        .arg("count", problems.len());
    for p in problems.iter().take(20) {
        finding = finding.evidence(p.clone());
    }
    finding
        .evidence
        .extend((problems.len() > 20).then(|| format!("… +{}", problems.len() - 20)));
    vec![finding]
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{Fixture, grant_users};

    #[test]
    fn an_unreadable_user_or_token_is_an_error_and_blocks() {
        let o = Fixture::new()
            .grant_at_root(&grant_users())
            .unreadable_user("CN=u,DC=example,DC=test")
            .run();
        let f = o
            .findings
            .iter()
            .find(|f| f.id == "read-incomplete")
            .unwrap();
        assert_eq!(f.severity, crate::check::Severity::Error);
        assert_eq!(
            o.scan.blocked.first().unwrap().reason_ids(),
            ["read-incomplete"]
        );
        let o = Fixture::new()
            .grant_at_root(&grant_users())
            .unreadable_groups()
            .user("CN=u,DC=example,DC=test", "D:")
            .run();
        assert!(!o.ready());
        assert_eq!(
            o.scan.blocked.first().unwrap().reason_ids(),
            ["read-incomplete"]
        );
    }
}
