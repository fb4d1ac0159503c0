//! What the scan found: the blocked, excluded and protected users and the counts, kept for the
//! checks and the plan.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use serde::Serialize;

use crate::check::causes::Causes;
use crate::check::facts::AdminStatus;
use crate::sd::SecurityDescriptor;
use crate::sd::rights::CLASS_USER;

use super::blocked::BlockedUsers;

/// A protected administrator (adminCount=1 and in a protected group today): writeback does not
/// serve them, by design, so they are counted apart.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExcludedUser {
    pub dn: String,
    pub sam_account_name: String,
}

/// A user the sync engine never synchronizes, and the rule that leaves it out: counted nowhere
/// else (not in scope, not ready, not blocked).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NotSyncedUser {
    pub dn: String,
    pub sam_account_name: String,
    #[serde(flatten)]
    pub rule: crate::check::sync_filter::NotSynced,
}

/// A blocked user whose own DACL does not inherit, kept for the plan (explicit grants on it).
#[derive(Clone, Debug)]
pub struct ProtectedUser {
    pub dn: String,
    pub class: crate::sd::Guid,
    pub sd: SecurityDescriptor,
    pub admin: Option<AdminStatus>,
}

/// What the scan found.
#[derive(Clone, Debug, Default)]
pub struct UserScan {
    pub in_scope: usize,
    pub ready: usize,
    /// How many users are blocked (whether or not they were kept).
    pub blocked_count: usize,
    /// The blocked users, when the scan was asked to keep them ([`Keep`](super::Keep)); the
    /// command line streams them into its report instead.
    pub blocked: Arc<BlockedUsers>,
    pub excluded: Vec<ExcludedUser>,
    /// Users the sync engine leaves out, with the rule (not in `in_scope`).
    pub not_synced: Vec<NotSyncedUser>,
    /// Every cause of a blocked user and every container-level problem, by object.
    pub causes: Causes,
    /// Users with adminCount=1: (DN, protected DACL).
    pub admin_count: Vec<(String, bool)>,
    /// How many in-scope users each PSO (by DN, lower case) governs.
    pub pso_users: BTreeMap<String, usize>,
    /// Users per structural class other than user (by class GUID), and the containers (lower
    /// case) that directly hold them.
    pub other_classes: BTreeMap<crate::sd::Guid, (String, usize, BTreeSet<String>)>,
    /// Users on which nobody in the connector's token has Change Password.
    pub change_password_missing: usize,
    /// Users whose security descriptor could not be read.
    pub unreadable: usize,
    /// Resultant PSOs of users that could not be read (lower-case DNs).
    pub unreadable_psos: BTreeSet<String>,
    /// Blocked users whose own DACL is protected (for the plan).
    pub protected_users: Vec<ProtectedUser>,
}

impl UserScan {
    /// Users read so far: in scope and not synchronized.
    pub fn scanned(&self) -> usize {
        self.in_scope + self.not_synced.len()
    }

    /// Keeps a blocked user (already counted by the judge).
    pub fn keep(&mut self, b: &super::BlockedUser) {
        Arc::make_mut(&mut self.blocked).push(b.as_ref());
    }

    /// Adds the users of `other` (judged apart, by the same judge): every count summed, every
    /// list extended, every cause joined. Merging the scans of disjoint sets of users gives what
    /// one scan of them all gives (the lists in another order).
    pub fn absorb(&mut self, other: &UserScan) {
        self.in_scope += other.in_scope;
        self.ready += other.ready;
        self.blocked_count += other.blocked_count;
        if !other.blocked.is_empty() {
            let kept = Arc::make_mut(&mut self.blocked);
            for b in other.blocked.iter() {
                kept.push(b);
            }
        }
        self.excluded.extend(other.excluded.iter().cloned());
        self.not_synced.extend(other.not_synced.iter().cloned());
        self.causes.absorb(&other.causes);
        self.admin_count.extend(other.admin_count.iter().cloned());
        for (pso, n) in &other.pso_users {
            *self.pso_users.entry(pso.clone()).or_default() += n;
        }
        for (class, (name, n, parents)) in &other.other_classes {
            let e = self
                .other_classes
                .entry(*class)
                .or_insert_with(|| (name.clone(), 0, BTreeSet::new()));
            e.1 += n;
            e.2.extend(parents.iter().cloned());
        }
        self.change_password_missing += other.change_password_missing;
        self.unreadable += other.unreadable;
        self.unreadable_psos
            .extend(other.unreadable_psos.iter().cloned());
        self.protected_users
            .extend(other.protected_users.iter().cloned());
    }

    /// How many inetOrgPerson users are in scope.
    pub fn inet_org_persons(&self) -> usize {
        self.other_classes
            .get(&crate::sd::rights::CLASS_INET_ORG_PERSON)
            .map_or(0, |(_, n, _)| *n)
    }

    /// Whether users of `class` live at or below `container`.
    pub fn has_class_below(&self, class: crate::sd::Guid, container: &str) -> bool {
        class == CLASS_USER
            || self
                .other_classes
                .get(&class)
                .is_some_and(|(_, _, parents)| {
                    parents
                        .iter()
                        .any(|p| crate::ad::discovery::is_within(p, container))
                })
    }
}
