//! `right-reset-password`, `right-write-pwdlastset`, `right-write-lockouttime`, `right-denied`.
//!
//! Source: "Microsoft Entra Connect: Configure AD DS Connector Account Permissions"
//! (Set-ADSyncPasswordWritebackPermissions) and the SSPR writeback tutorial: at every domain root,
//! the connector needs Reset Password, write lockoutTime and write pwdLastSet on descendant user
//! objects. Evaluated as a new user directly below each scope base would inherit them, and at
//! every container in scope where that chain breaks.

use super::{Input, container_statuses, evidence};
use crate::check::finding::{Finding, Severity};
use crate::sd::Verdict;

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    let Some(c) = &f.connector else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for status in container_statuses(input) {
        if !status.breaks_here || (status.protected && !status.is_base) {
            continue; // Protected containers are the inheritance check's.
        }
        let dn = &status.container.dn;
        for v in &status.verdicts {
            let denied = v.decision.verdict == Verdict::Denied;
            if v.decision.is_allowed() {
                continue;
            }
            let (id, title) = if denied {
                (
                    "right-denied",
                    format!("An explicit deny blocks {} on {} objects", v.right, v.class),
                )
            } else {
                (
                    v.id,
                    format!(
                        "{} lacks {} on descendant {} objects",
                        c.account.sam_account_name, v.right, v.class
                    ),
                )
            };
            let where_ = if status.is_base {
                "below this scope base"
            } else {
                "below this container"
            };
            out.push(
                Finding::new(id, Severity::Error, dn)
                    .title(title)
                    .detail(format!(
                        "A new {} {where_} would not give {} the right {} — {}. Password \
                         writeback fails for such users.",
                        v.class,
                        c.account.sam_account_name,
                        v.right,
                        if denied {
                            "a deny ACE comes first"
                        } else {
                            "no ACE grants it"
                        }
                    ))
                    .fix(if denied {
                        "Remove the deny ACE, or narrow it so it does not apply to the connector \
                         account."
                            .to_string()
                    } else {
                        format!(
                            "Grant {} {} on descendant {} objects here (writeback-wizard plan shows \
                             the exact ACE).",
                            c.account.sam_account_name, v.right, v.class
                        )
                    })
                    .evidence(evidence(f, &v.decision)),
            );
        }
    }
    out
}
