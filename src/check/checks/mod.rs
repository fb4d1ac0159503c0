//! One file per check. Each is a pure function from what was read to findings; adding a check
//! means adding a file and a line in [`ALL`].

use super::facts::Facts;
use super::finding::{Arg, Finding, Severity};
use super::scan::UserScan;
use crate::check::FindingId;

mod admin_count;
mod connector;
mod denied;
mod hygiene;
mod inheritance;
mod ldap_transport;
mod min_password_age;
mod pdc_emulator;
mod policy_hints;
mod pre2000;
mod pso;
mod read_incomplete;
mod rights;
mod samserver;
mod unexpire;

/// What the checks look at.
pub struct Input<'a> {
    pub facts: &'a Facts,
    pub scan: &'a UserScan,
}

/// A check: reads the input, returns findings.
pub type Check = fn(&Input<'_>) -> Vec<Finding>;

/// Every check, in report order.
pub const ALL: &[Check] = &[
    connector::check,
    hygiene::check,
    rights::check,
    denied::check,
    inheritance::check,
    unexpire::check,
    admin_count::check,
    min_password_age::check,
    pso::check,
    pdc_emulator::check,
    policy_hints::check,
    ldap_transport::check,
    samserver::check,
    pre2000::check,
    read_incomplete::check,
];

/// The connector's sAMAccountName, when one was found (words say "the connector" otherwise).
pub fn connector_name(input: &Input<'_>) -> Arg {
    Arg::Connector(
        input
            .facts
            .connector
            .as_ref()
            .map(|c| c.account.sam_account_name.clone()),
    )
}

/// The causes with `id` as error findings, one per object (the object that holds the cause),
/// with what every such finding names: the connector (`name`), the object's class (`class`),
/// how many users in scope it blocks (`users`), the rights it takes away (`rights`), and the
/// deciding ACEs as evidence.
pub fn cause_findings(input: &Input<'_>, id: FindingId) -> Vec<Finding> {
    input
        .scan
        .causes
        .with_id(id)
        .map(|c| {
            let mut rights: Vec<(crate::check::Right, Vec<String>)> = Vec::new();
            for (r, class) in &c.rights {
                match rights.iter_mut().find(|(x, _)| x == r) {
                    Some((_, classes)) => classes.push(class.clone()),
                    None => rights.push((*r, vec![class.clone()])),
                }
            }
            let mut f = Finding::new(id, Severity::Error, &*c.object)
                .arg("name", connector_name(input))
                .arg(
                    "class",
                    if c.object_class.is_empty() {
                        "object"
                    } else {
                        c.object_class.as_str()
                    },
                )
                .arg("users", c.users)
                .arg("rights", Arg::Rights(rights));
            for e in &c.evidence {
                f = f.evidence(e.clone());
            }
            f
        })
        .collect()
}

/// A safety net: an error finding for every cause of a blocked user that no check reported
/// on its object, so a blocked user is never without one.
pub fn coverage(input: &Input<'_>, findings: &[Finding]) -> Vec<Finding> {
    input
        .scan
        .causes
        .iter()
        .filter(|c| {
            !findings.iter().any(|f| {
                f.id == c.id
                    && f.severity == Severity::Error
                    && f.object.eq_ignore_ascii_case(&c.object)
            })
        })
        .map(|c| {
            Finding::new(c.id, Severity::Error, &*c.object)
                .text(crate::check::Wording::BlockedHere)
                .arg("id", c.id.as_str())
                .arg("users", c.users)
        })
        .collect()
}

/// The deciding ACE as evidence, in SDDL.
pub fn evidence(facts: &Facts, d: &crate::sd::Decision) -> String {
    match &d.ace {
        Some(ace) => {
            let text = crate::sd::sddl::format_ace(ace, &facts.sddl_context())
                .unwrap_or_else(|e| format!("(an ACE without SDDL form: {e})"));
            format!("ACE #{}: {text}", d.ace_index.map_or(0, |i| i + 1))
        }
        None => "no ACE grants it".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::check::finding::Arg;
    use crate::check::fixture::{CONNECTOR, Fixture};
    use crate::check::{FindingId, Right};

    #[test]
    fn cause_findings_name_the_connector_the_class_the_users_and_the_rights() {
        let o = Fixture::new()
            .ou("OU=P,DC=example,DC=test", "D:P(A;;RC;;;AU)")
            .user("CN=a,OU=P,DC=example,DC=test", "D:")
            .user("CN=b,OU=P,DC=example,DC=test", "D:")
            .run();
        let f = o
            .findings
            .iter()
            .find(|f| f.id == FindingId::InheritanceDisabled)
            .expect("inheritance-disabled");
        assert_eq!(f.object, "OU=P,DC=example,DC=test");
        assert_eq!(f.get("users"), Some(&Arg::Number(2)));
        assert_eq!(
            f.get("class"),
            Some(&Arg::Text("organizationalUnit".into()))
        );
        assert!(matches!(f.get("name"), Some(Arg::Connector(Some(n))) if n == "MSOL_fixture"));
        let Some(Arg::Rights(r)) = f.get("rights") else {
            panic!("{f:?}")
        };
        assert_eq!(r.len(), 3, "{r:?}");
        assert!(r.contains(&(Right::ResetPassword, vec!["user".to_string()])));
        let _ = CONNECTOR;
    }
}
