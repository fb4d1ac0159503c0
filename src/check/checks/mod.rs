//! One file per check. Each is a pure function from what was read to findings; adding a check
//! means adding a file and a line in [`ALL`].

use super::facts::Facts;
use super::finding::{Finding, Severity};
use super::scan::UserScan;
use crate::check::FindingId;

mod admin_count;
mod connector;
mod denied;
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

/// Days and hours of an AD interval (negative 100-ns ticks), e.g. "1 day" or "2 days 6 hours".
pub fn interval_words(ticks: i64) -> String {
    let secs = ticks.unsigned_abs() / 10_000_000;
    let (days, hours, mins) = (secs / 86_400, secs % 86_400 / 3_600, secs % 3_600 / 60);
    let part = |n: u64, unit: &str| match n {
        0 => None,
        1 => Some(format!("1 {unit}")),
        n => Some(format!("{n} {unit}s")),
    };
    let parts: Vec<String> = [part(days, "day"), part(hours, "hour"), part(mins, "minute")]
        .into_iter()
        .flatten()
        .collect();
    if parts.is_empty() {
        "less than a minute".into()
    } else {
        parts.join(" ")
    }
}

/// The connector's sAMAccountName, or "the connector" when none was found.
pub fn connector_name<'a>(input: &Input<'a>) -> &'a str {
    input
        .facts
        .connector
        .as_ref()
        .map_or("the connector", |c| c.account.sam_account_name.as_str())
}

/// The causes with `id` as error findings, one per object (the object that holds the cause),
/// built by `describe` (title, detail, fix); the evidence and user count are added here.
pub fn cause_findings(
    input: &Input<'_>,
    id: FindingId,
    describe: impl Fn(&crate::check::causes::CauseInfo) -> (String, String, String),
) -> Vec<Finding> {
    input
        .scan
        .causes
        .with_id(id)
        .map(|c| {
            let (title, detail, fix) = describe(c);
            let mut f = Finding::new(id, crate::check::Severity::Error, &*c.object)
                .title(title)
                .detail(detail)
                .fix(fix);
            for e in &c.evidence {
                f = f.evidence(e.clone());
            }
            f
        })
        .collect()
}

/// "Reset Password (user, inetOrgPerson), write pwdLastSet (user)".
pub fn rights_words(c: &crate::check::causes::CauseInfo) -> String {
    let mut parts: Vec<(crate::check::Right, Vec<&str>)> = Vec::new();
    for (r, class) in &c.rights {
        match parts.iter_mut().find(|(x, _)| x == r) {
            Some((_, classes)) => classes.push(class),
            None => parts.push((*r, vec![class])),
        }
    }
    parts
        .iter()
        .map(|(r, classes)| format!("{} ({})", r.name(), classes.join(", ")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "3 users in scope are blocked by it" or "no user in scope today; new users there would be".
pub fn users_words(n: usize) -> String {
    match n {
        0 => {
            "No user in scope is blocked by it today; users created or moved there would be.".into()
        }
        1 => "1 user in scope is blocked by it.".into(),
        n => format!("{n} users in scope are blocked by it."),
    }
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
                .title(format!("Writeback is blocked here ({})", c.id))
                .detail(users_words(c.users))
                .fix("See `writeback-wizard explain` for this finding id.")
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
    #[test]
    fn intervals_read_as_days_and_hours() {
        assert_eq!(super::interval_words(-864_000_000_000), "1 day");
        assert_eq!(super::interval_words(-1_944_000_000_000), "2 days 6 hours");
        assert_eq!(super::interval_words(-600_000_000), "1 minute");
        assert_eq!(super::interval_words(-1), "less than a minute");
    }
}
