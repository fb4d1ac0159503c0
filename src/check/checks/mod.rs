//! One file per check. Each is a pure function from what was read to findings; adding a check
//! means adding a file and a line in [`ALL`].

use super::facts::Facts;
use super::finding::Finding;
use super::scan::UserScan;

mod admin_count;
mod connector;
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
    /// adminCount=1 users that are in no protected group any more.
    pub stale_admin: &'a [String],
}

/// A check: reads the input, returns findings.
pub type Check = fn(&Input<'_>) -> Vec<Finding>;

/// Every check, in report order.
pub const ALL: &[Check] = &[
    connector::check,
    rights::check,
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

/// How the connector fares on users created directly under one container.
pub struct ContainerStatus<'a> {
    pub container: &'a super::facts::Container,
    /// A scope base (or the domain root when the whole domain is in scope).
    pub is_base: bool,
    pub protected: bool,
    /// For each class checked (user, and inetOrgPerson when any exist) and each right: the
    /// finding id, the right's name, the class name and the decision.
    pub verdicts: Vec<RightVerdict>,
    /// Not every right is granted here, while the nearest container above it (in scope)
    /// grants them all: this is where writeback breaks.
    pub breaks_here: bool,
}

pub struct RightVerdict {
    pub id: &'static str,
    pub right: &'static str,
    pub class: &'static str,
    pub decision: crate::sd::Decision,
}

impl ContainerStatus<'_> {
    pub fn all_allowed(&self) -> bool {
        self.verdicts.iter().all(|v| v.decision.is_allowed())
    }
}

/// The status of every container in scope, outermost first.
pub fn container_statuses<'a>(input: &Input<'a>) -> Vec<ContainerStatus<'a>> {
    use crate::sd::access::child_dacl;
    use crate::sd::rights::{CLASS_INET_ORG_PERSON, CLASS_USER};
    let f = input.facts;
    let Some(c) = &f.connector else {
        return Vec::new();
    };
    let requests = super::scan::writeback_requests(f);
    let mut sorted: Vec<&super::facts::Container> = f.containers.iter().collect();
    sorted.sort_by_key(|c| c.dn.matches(',').count());
    let mut out: Vec<ContainerStatus<'a>> = Vec::new();
    for cont in sorted {
        let Some(sd) = &cont.sd else { continue };
        // inetOrgPerson needs its own grant, checked where such objects live below.
        let mut classes = vec![("user", CLASS_USER)];
        if input
            .scan
            .inet_org_person_parents
            .iter()
            .any(|p| crate::ad::discovery::is_within(p, &cont.dn))
        {
            classes.push(("inetOrgPerson", CLASS_INET_ORG_PERSON));
        }
        let mut verdicts = Vec::new();
        for (class_name, class) in &classes {
            let dacl = child_dacl(&sd.dacl, *class);
            let target = crate::sd::Target {
                class: *class,
                object_sid: None,
            };
            for (id, right, request) in &requests {
                verdicts.push(RightVerdict {
                    id,
                    right,
                    class: class_name,
                    decision: crate::sd::evaluate(&dacl, &target, &c.token, request),
                });
            }
        }
        let is_base = f.scopes.iter().any(|s| s.eq_ignore_ascii_case(&cont.dn));
        let parent_ok = out
            .iter()
            .filter(|p| crate::ad::discovery::is_within(&cont.dn, &p.container.dn))
            .max_by_key(|p| p.container.dn.len())
            .is_none_or(|p| p.all_allowed());
        let mut status = ContainerStatus {
            container: cont,
            is_base,
            protected: sd.dacl_protected(),
            verdicts,
            breaks_here: false,
        };
        status.breaks_here = !status.all_allowed() && (is_base || parent_ok);
        out.push(status);
    }
    out
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
