//! `inheritance-disabled`: an in-scope OU or container whose DACL is protected (inheritance
//! disabled) and does not itself grant the writeback rights; the users below it are blocked.
//!
//! Source: "Troubleshoot self-service password reset writeback" — permissions granted at the
//! domain root do not reach objects below an OU with inheritance disabled.

use super::{Input, container_statuses, evidence};
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    let Some(c) = &f.connector else {
        return Vec::new();
    };
    container_statuses(input)
        .into_iter()
        .filter(|s| {
            s.protected && !s.all_allowed() && !s.container.dn.eq_ignore_ascii_case(&f.domain.dn)
        })
        .map(|s| {
            let dn = &s.container.dn;
            let blocked = input
                .scan
                .blocked_below
                .get(&dn.to_ascii_lowercase())
                .copied()
                .unwrap_or(0);
            // One line per right, naming the classes it is missing for.
            let mut missing: Vec<(&str, Vec<&str>, String)> = Vec::new();
            for v in s.verdicts.iter().filter(|v| !v.decision.is_allowed()) {
                match missing.iter_mut().find(|(r, _, _)| *r == v.right) {
                    Some((_, classes, _)) => classes.push(v.class),
                    None => missing.push((v.right, vec![v.class], evidence(f, &v.decision))),
                }
            }
            let names: Vec<String> = missing
                .iter()
                .map(|(r, classes, _)| format!("{r} ({})", classes.join(", ")))
                .collect();
            let mut finding = Finding::new("inheritance-disabled", Severity::Error, dn)
                .title(format!(
                    "Inheritance is disabled here; {blocked} user(s) below are blocked"
                ))
                .detail(format!(
                    "This {} has a protected DACL, so the rights granted higher up do not reach \
                     the users below it, and it does not grant {} itself: {}.",
                    s.container.class_name,
                    c.account.sam_account_name,
                    names.join(", ")
                ))
                .fix(
                    "Grant the writeback rights on this container as well (writeback-wizard plan \
                     does, unless --no-protected-containers), or enable inheritance on it.",
                );
            for (right, _, ev) in &missing {
                finding = finding.evidence(format!("{right}: {ev}"));
            }
            finding
        })
        .collect()
}
