//! `right-denied`: an explicit deny refuses the connector a writeback right, on the object that
//! holds the deny (a user, an OU, the domain root). A deny decides before any allow that comes
//! later in the DACL, and an inherited deny before a grant from farther up (MS-DTYP 2.5.3.2; the
//! DC evaluates ACEs in stored order), so no grant the plan could add fixes it.
//!
//! Judged for every container in scope as if the grant at the domain root already existed, so a
//! deny is reported wherever it is, whatever the state of the root.

use super::{Input, cause_findings, rights_words, users_words};
use crate::check::finding::Finding;

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let name = input
        .facts
        .connector
        .as_ref()
        .map_or("the connector", |c| c.account.sam_account_name.as_str());
    cause_findings(input, "right-denied", |cause| {
        (
            format!("An explicit deny refuses {name} {}", rights_words(cause)),
            format!(
                "A deny ACE on this {} applies to {name} (or a group it is in) and decides before any grant. {}",
                if cause.object_class.is_empty() {
                    "object"
                } else {
                    &cause.object_class
                },
                users_words(cause.users)
            ),
            "Remove the deny ACE, or narrow it so it does not apply to the connector account; no grant can override it.".into(),
        )
    })
}
