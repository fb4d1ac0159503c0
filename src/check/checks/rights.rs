//! `right-reset-password`, `right-write-pwdlastset`, `right-write-lockouttime`.
//!
//! Source: "Microsoft Entra Connect: Configure AD DS Connector Account Permissions"
//! (Set-ADSyncPasswordWritebackPermissions) and the SSPR writeback tutorial: at every domain root,
//! the connector needs Reset Password, write lockoutTime and write pwdLastSet on descendant user
//! objects. Reported on the outermost container from which down a right is missing — the domain
//! root when nothing grants it, or the container where a grant above stops reaching (a grant
//! that does not propagate, NO_PROPAGATE_INHERIT) — judged for a new user below every container
//! in scope, and for every blocked user.

use super::{Input, cause_findings, users_words};
use crate::check::Right;
use crate::check::finding::Finding;

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let Some(c) = &input.facts.connector else {
        return Vec::new();
    };
    let name = &c.account.sam_account_name;
    let root = &input.facts.domain.dn;
    Right::ALL
        .into_iter()
        .flat_map(|right| {
            cause_findings(input, right.id(), move |cause| {
                let at_root = cause.object.eq_ignore_ascii_case(root);
                let user = cause.object_class.eq_ignore_ascii_case("user")
                    || cause.object_class.eq_ignore_ascii_case("inetOrgPerson");
                let title = format!(
                    "{name} lacks {} on {}",
                    right.name(),
                    if user {
                        "this user".to_string()
                    } else {
                        let classes: Vec<&str> = cause
                            .rights
                            .iter()
                            .filter(|(r, _)| *r == right)
                            .map(|(_, c)| c.as_str())
                            .collect();
                        format!("descendant {} objects", classes.join(" and "))
                    }
                );
                let detail = if at_root {
                    format!(
                        "Nothing in the domain grants {name} this right, so password writeback fails for the users below. {}",
                        users_words(cause.users)
                    )
                } else if user {
                    format!(
                        "This user's own DACL does not give {name} the right, although a new user in the same place would have it. {}",
                        users_words(cause.users)
                    )
                } else {
                    format!(
                        "Above this {} the right is granted, but it does not reach the users below it (the grant does not propagate this far). {}",
                        cause.object_class,
                        users_words(cause.users)
                    )
                };
                let fix = if at_root {
                    format!(
                        "Grant {name} {} on descendant user objects at the domain root (writeback-wizard plan shows the exact ACE).",
                        right.name()
                    )
                } else {
                    format!(
                        "Grant {name} {} here (writeback-wizard plan shows the exact ACE).",
                        right.name()
                    )
                };
                (title, detail, fix)
            })
            .into_iter()
            .map(|f| f.evidence("no ACE grants it"))
        })
        .collect()
}
