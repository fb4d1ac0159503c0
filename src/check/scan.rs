//! The user scan: one streaming paged search over the users in scope, judging each user's own
//! DACL (which already carries the inherited ACEs) as it arrives, and the domain-wide blockers
//! (policy, Unexpire Password, the connector itself). Each blocked user is handed to the caller
//! as soon as it is judged ([`ScanEvent::Blocked`]) and kept compactly only when asked
//! ([`Keep`]); every reason names the object that holds the cause. Otherwise memory holds counts
//! and per-object causes, whatever the size of the directory.

mod blocked;
mod result;
mod user;

pub use blocked::{BlockedRef, BlockedUser, BlockedUsers};
pub use result::{ExcludedUser, NotSyncedUser, ProtectedUser, UserScan};
pub use user::UserFacts;

use crate::check::FindingId;
use std::collections::{BTreeSet, HashMap};

use ldap3::Scope;
use serde::Serialize;

use super::causes::{Causes, Reason};
use super::facts::{AdminStatus, Facts};
use super::right::Right;
use super::sync_filter::NotSynced;
use super::tree::{Eval, Gap};
use crate::ad::discovery::parent_dn;
use crate::ad::{AdError, Connection, Query, controls};
use crate::sd::rights::{CHANGE_PASSWORD, CLASS_USER};
use crate::sd::sddl::format_ace;
use crate::sd::{Ace, Request, SecurityDescriptor, Target, Verdict, evaluate_with};

/// Users: person objects of class user (inetOrgPerson included; computers are not persons).
pub const USER_FILTER: &str = "(&(objectCategory=person)(objectClass=user))";

/// What the scan reads of each user.
pub const USER_ATTRS: &[&str] = &[
    "nTSecurityDescriptor",
    "objectClass",
    "structuralObjectClass",
    "objectSid",
    "sAMAccountName",
    "adminCount",
    "msDS-ResultantPSO",
    "userAccountControl",
];

/// The four LDAP operations writeback performs on a user, as the connector would be allowed to
/// perform them (access only; the password policy is judged apart).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Operations {
    /// Replace `unicodePwd` (Reset Password on the user).
    pub reset: bool,
    /// `pwdLastSet = 0` (write pwdLastSet on the user).
    pub pwd_last_set_zero: bool,
    /// `pwdLastSet = -1` (write pwdLastSet on the user and Unexpire Password on the domain).
    pub pwd_last_set_unexpire: bool,
    /// `lockoutTime = 0` (write lockoutTime on the user).
    pub lockout_time: bool,
}

/// The verdict on one user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserVerdict {
    /// The sync engine never synchronizes it: writeback does not concern it.
    NotSynced(NotSynced),
    Ready,
    /// A protected administrator.
    Excluded,
    Blocked {
        reasons: Vec<Reason>,
        missing: u8,
    },
}

/// What is needed to judge users, prepared once per scan.
pub struct Judge<'a> {
    pub facts: &'a Facts,
    eval: Option<Eval<'a>>,
    /// PSO DN (lower case) → minimum age.
    pso_age: HashMap<String, Option<i64>>,
    /// What blocks every user (no connector, Unexpire Password, the SAM server object …).
    domain_blockers: Vec<(FindingId, String)>,
}

impl<'a> Judge<'a> {
    pub fn new(facts: &'a Facts) -> Self {
        Self {
            facts,
            eval: facts.connector.as_ref().map(|c| {
                Eval::new(
                    facts.rules,
                    &c.token,
                    facts.property_sets,
                    &facts.default_aces,
                )
            }),
            pso_age: facts
                .psos
                .iter()
                .map(|p| (p.dn.to_ascii_lowercase(), p.min_age))
                .collect(),
            domain_blockers: facts.domain_blockers(),
        }
    }

    /// The evaluation context (`None` without a connector).
    pub fn eval(&self) -> Option<&Eval<'a>> {
        self.eval.as_ref()
    }

    fn class_of(&self, user: &UserFacts) -> crate::sd::Guid {
        self.facts
            .class_guid(&user.class_name)
            .unwrap_or(CLASS_USER)
    }

    fn target(&self, user: &UserFacts) -> Target {
        Target {
            class: self.class_of(user),
            object_sid: user.sid.clone(),
        }
    }

    /// What the connector may do to `user`; `None` without a connector or a readable DACL.
    pub fn operations(&self, user: &UserFacts) -> Option<Operations> {
        let (eval, sd) = (self.eval.as_ref()?, user.sd.as_ref()?);
        let d = eval.decide(&sd.dacl, &self.target(user));
        let [reset, pls, lock] = d.map(|d| d.is_allowed());
        Some(Operations {
            reset,
            pwd_last_set_zero: pls,
            pwd_last_set_unexpire: pls && self.facts.unexpire_allowed(),
            lockout_time: lock,
        })
    }

    /// The verdict on `user`, recording each cause in `causes`.
    pub fn judge(&self, user: &UserFacts, causes: &mut Causes) -> UserVerdict {
        if let Some(rule) = &user.not_synced {
            return UserVerdict::NotSynced(rule.clone());
        }
        let f = self.facts;
        let admin = user.admin_count.then(|| f.admin_status(&user.dn));
        if admin == Some(AdminStatus::Protected) {
            return UserVerdict::Excluded;
        }
        let mut reasons: Vec<Reason> = Vec::new();
        let mut push = |r: Reason| {
            if !reasons.contains(&r) {
                reasons.push(r);
            }
        };
        let domain = f.domain.dn.as_str();
        for (id, object) in &self.domain_blockers {
            push(causes.note(*id, object, "", None, None));
        }
        match &user.resultant_pso {
            Some(pso) => {
                if self
                    .pso_age
                    .get(&pso.to_ascii_lowercase())
                    .is_none_or(|age| age.is_none_or(|a| a != 0))
                {
                    push(causes.note(
                        FindingId::PsoMinPasswordAge,
                        pso,
                        "msDS-PasswordSettings",
                        None,
                        None,
                    ));
                }
            }
            None => {
                if f.domain.min_pwd_age.is_none_or(|a| a != 0) {
                    push(causes.note(FindingId::MinPasswordAge, domain, "domainDNS", None, None));
                }
            }
        }
        if admin == Some(AdminStatus::Unknown) {
            push(causes.note(FindingId::ReadIncomplete, &f.server, "", None, None));
        }
        let mut missing = 0u8;
        if let Some(eval) = &self.eval {
            match &user.sd {
                None => push(causes.note(FindingId::ReadIncomplete, &f.server, "", None, None)),
                Some(sd) => {
                    let class = self.class_of(user);
                    let decisions = eval.decide(&sd.dacl, &self.target(user));
                    for (right, d) in Right::ALL.into_iter().zip(decisions) {
                        if let Some(r) =
                            self.right_reason(eval, user, sd, class, admin, right, &d, causes)
                        {
                            if d.verdict == Verdict::NotGranted {
                                missing |= right.bit();
                            }
                            push(r);
                        }
                    }
                }
            }
        }
        if reasons.is_empty() {
            UserVerdict::Ready
        } else {
            UserVerdict::Blocked { reasons, missing }
        }
    }

    /// The reason one right is missing or denied on `user`, or `None` when allowed.
    #[allow(clippy::too_many_arguments)]
    fn right_reason(
        &self,
        eval: &Eval<'_>,
        user: &UserFacts,
        sd: &SecurityDescriptor,
        class: crate::sd::Guid,
        admin: Option<AdminStatus>,
        right: Right,
        d: &crate::sd::Decision,
        causes: &mut Causes,
    ) -> Option<Reason> {
        let f = self.facts;
        let class_name = self.class_name(class);
        let with = Some((right, class_name.as_str()));
        match d.verdict {
            Verdict::Allowed => None,
            Verdict::Unknown => {
                Some(causes.note(FindingId::ReadIncomplete, &f.server, "", None, None))
            }
            Verdict::Denied => {
                let ace = d.ace.as_ref()?;
                let holder = if ace.is_inherited() {
                    f.tree.parent_of(&user.dn).map(|p| f.tree.holder_of(p, ace))
                } else {
                    None
                };
                Some(match holder {
                    Some((i, held)) => {
                        let n = &f.tree.nodes[i];
                        let ev = Some(self.evidence(right, held.as_ref().unwrap_or(ace)));
                        causes.note(FindingId::RightDenied, &n.dn, &n.class_name, with, ev)
                    }
                    None => {
                        let ev = Some(self.evidence(right, ace));
                        causes.note(FindingId::RightDenied, &user.dn, &user.class_name, with, ev)
                    }
                })
            }
            Verdict::NotGranted if sd.dacl_protected() => Some(match admin {
                Some(AdminStatus::Stale) => causes.note(
                    FindingId::AdminCountStale,
                    &user.dn,
                    &user.class_name,
                    with,
                    None,
                ),
                Some(AdminStatus::Unknown) => {
                    causes.note(FindingId::ReadIncomplete, &f.server, "", None, None)
                }
                _ => causes.note(
                    FindingId::InheritanceDisabled,
                    &user.dn,
                    &user.class_name,
                    with,
                    None,
                ),
            }),
            Verdict::NotGranted => {
                let parent = f.tree.parent_of(&user.dn);
                let gap = parent.and_then(|p| eval.gap(&f.tree, p, class, right));
                Some(match gap {
                    Some(Gap::Protected(i)) => {
                        let n = &f.tree.nodes[i];
                        causes.note(
                            FindingId::InheritanceDisabled,
                            &n.dn,
                            &n.class_name,
                            with,
                            None,
                        )
                    }
                    Some(Gap::Missing(i)) => {
                        let n = &f.tree.nodes[i];
                        causes.note(right.id(), &n.dn, &n.class_name, with, None)
                    }
                    Some(Gap::Unreadable(_)) => {
                        causes.note(FindingId::ReadIncomplete, &f.server, "", None, None)
                    }
                    // A new user there would have it: this user's own DACL lacks it.
                    None => causes.note(right.id(), &user.dn, &user.class_name, with, None),
                })
            }
        }
    }

    fn class_name(&self, class: crate::sd::Guid) -> String {
        self.facts
            .classes
            .name_of(class)
            .map(str::to_string)
            .unwrap_or_else(|| class.to_string())
    }

    fn evidence(&self, right: Right, ace: &Ace) -> String {
        let text = format_ace(ace, &self.facts.sddl_context())
            .unwrap_or_else(|e| format!("(an ACE without SDDL form: {e})"));
        format!("{}: {text}", right.name())
    }

    /// Whether anyone in the connector's token has Change Password on the user.
    fn has_change_password(&self, user: &UserFacts) -> bool {
        let (Some(sd), Some(eval)) = (&user.sd, &self.eval) else {
            return true;
        };
        evaluate_with(
            eval.rules,
            &sd.dacl,
            &self.target(user),
            eval.token,
            &Request::ControlAccess(CHANGE_PASSWORD),
        )
        .verdict
            == Verdict::Allowed
    }

    /// Adds one user to the scan's tallies; a blocked user is returned (not kept).
    #[must_use]
    pub fn tally(&self, scan: &mut UserScan, user: UserFacts) -> Option<BlockedUser> {
        if let Some(rule) = user.not_synced {
            scan.not_synced.push(NotSyncedUser {
                dn: user.dn,
                sam_account_name: user.sam_account_name,
                rule,
            });
            return None;
        }
        scan.in_scope += 1;
        if user.sd.is_none() {
            scan.unreadable += 1;
        }
        if user.admin_count {
            scan.admin_count.push((
                user.dn.clone(),
                user.sd
                    .as_ref()
                    .is_some_and(SecurityDescriptor::dacl_protected),
            ));
        }
        if let Some(pso) = &user.resultant_pso {
            let key = pso.to_ascii_lowercase();
            if self.pso_age.get(&key).is_none_or(Option::is_none) {
                scan.unreadable_psos.insert(key.clone());
            }
            *scan.pso_users.entry(key).or_default() += 1;
        }
        let class = self.class_of(&user);
        if class != CLASS_USER {
            let e = scan
                .other_classes
                .entry(class)
                .or_insert_with(|| (self.class_name(class), 0, BTreeSet::new()));
            e.1 += 1;
            if let Some(parent) = parent_dn(&user.dn) {
                e.2.insert(parent.to_ascii_lowercase());
            }
        }
        if !self.has_change_password(&user) {
            scan.change_password_missing += 1;
        }
        match self.judge(&user, &mut scan.causes) {
            UserVerdict::NotSynced(_) => None,
            UserVerdict::Ready => {
                scan.ready += 1;
                None
            }
            UserVerdict::Excluded => {
                scan.excluded.push(ExcludedUser {
                    dn: user.dn,
                    sam_account_name: user.sam_account_name,
                });
                None
            }
            UserVerdict::Blocked { reasons, missing } => {
                scan.causes.count_user(&reasons);
                scan.blocked_count += 1;
                if let Some(sd) = user.sd.as_ref().filter(|sd| sd.dacl_protected()) {
                    scan.protected_users.push(ProtectedUser {
                        dn: user.dn.clone(),
                        class,
                        sd: sd.clone(),
                        admin: user.admin_count.then(|| self.facts.admin_status(&user.dn)),
                    });
                }
                Some(BlockedUser {
                    dn: user.dn,
                    sam_account_name: user.sam_account_name,
                    reasons,
                    class,
                    missing,
                })
            }
        }
    }

    /// Records what every in-scope container would do to a new user below it: a deny that would
    /// refuse a right even if the root granted it (at the object that holds the deny), a
    /// protected container without the rights, and where a missing right starts.
    pub fn container_causes(&self, scan: &mut UserScan) {
        let Some(eval) = &self.eval else { return };
        let f = self.facts;
        let tree = &f.tree;
        let mut classes = vec![CLASS_USER];
        classes.extend(scan.other_classes.keys().copied());
        for (i, node) in tree.nodes.iter().enumerate() {
            if !node.in_scope || node.sd.is_none() {
                continue;
            }
            for &class in &classes {
                if !scan.has_class_below(class, &node.dn) {
                    continue;
                }
                let class_name = self.class_name(class);
                let probed = eval.new_child(tree, i, class, true);
                for (k, right) in Right::ALL.into_iter().enumerate() {
                    let with = Some((right, class_name.as_str()));
                    if probed[k].verdict == Verdict::Denied {
                        if let Some(ace) = &probed[k].ace {
                            let (j, held) = tree.holder_of(i, ace);
                            let h = &tree.nodes[j];
                            let ev = Some(self.evidence(right, held.as_ref().unwrap_or(ace)));
                            scan.causes.note(
                                FindingId::RightDenied,
                                &h.dn,
                                &h.class_name,
                                with,
                                ev,
                            );
                        }
                        continue;
                    }
                    match eval.gap(tree, i, class, right) {
                        Some(Gap::Protected(j)) => {
                            let n = &tree.nodes[j];
                            scan.causes.note(
                                FindingId::InheritanceDisabled,
                                &n.dn,
                                &n.class_name,
                                with,
                                None,
                            );
                        }
                        Some(Gap::Missing(j)) => {
                            let n = &tree.nodes[j];
                            scan.causes
                                .note(right.id(), &n.dn, &n.class_name, with, None);
                        }
                        Some(Gap::Unreadable(_)) | None => {}
                    }
                }
            }
        }
    }
}

/// Whether the scan keeps the blocked users it hands out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Keep {
    /// Kept in [`UserScan::blocked`] (the wizard's list, the plan).
    #[default]
    Blocked,
    /// Counted only: the caller takes each from [`ScanEvent::Blocked`] (the command line
    /// writes them into its report as they come).
    CountOnly,
}

/// How far the scan is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScanCount {
    /// Users judged so far.
    pub scanned: usize,
    /// How many the DC expects in all (its paged-results estimate, summed over the scopes
    /// started so far); `None` when the DC gives none.
    pub expected: Option<usize>,
}

/// What the scan tells its caller while it runs.
#[derive(Debug)]
pub enum ScanEvent<'a> {
    Progress(ScanCount),
    /// A user judged blocked, at once.
    Blocked(&'a BlockedUser),
}

/// How often (in users) the scan reports its progress.
const PROGRESS_EVERY: usize = 500;

/// Scans every user in scope, page by page, then judges every container; every event goes
/// to `events`, and the blocked users are kept or not ([`Keep`]).
pub async fn scan_users_with(
    conn: &mut Connection,
    facts: &Facts,
    page_size: i32,
    keep: Keep,
    events: impl FnMut(ScanEvent<'_>),
) -> Result<UserScan, AdError> {
    scan_users_inspected(conn, facts, page_size, keep, events, |_, _| {}).await
}

/// [`scan_users_with`], showing each user and the judge to `inspect` first (the differential
/// test asks the judge about the same users the scan judges).
pub async fn scan_users_inspected(
    conn: &mut Connection,
    facts: &Facts,
    page_size: i32,
    keep: Keep,
    mut events: impl FnMut(ScanEvent<'_>),
    mut inspect: impl FnMut(&Judge<'_>, &UserFacts),
) -> Result<UserScan, AdError> {
    let judge = Judge::new(facts);
    let mut scan = UserScan::default();
    let mut earlier_scopes = 0usize;
    let mut expected = None;
    let filter_attrs = facts.sync_filter.attributes();
    let attrs: Vec<&str> = USER_ATTRS
        .iter()
        .copied()
        .chain(filter_attrs.iter().map(String::as_str))
        .collect();
    for base in &facts.scopes {
        let query = Query {
            base,
            scope: Scope::Subtree,
            filter: USER_FILTER,
            attrs: &attrs,
            controls: vec![controls::sd_flags(controls::DACL)],
        };
        let (seen, _) = conn
            .search_paged_estimated(query, page_size.max(1), |e, estimate| {
                if estimate > 0 {
                    expected = Some(earlier_scopes + estimate);
                }
                let user = UserFacts::read(e, &facts.sync_filter);
                inspect(&judge, &user);
                if let Some(b) = judge.tally(&mut scan, user) {
                    events(ScanEvent::Blocked(&b));
                    if keep == Keep::Blocked {
                        scan.keep(&b);
                    }
                }
                let scanned = scan.scanned();
                if scanned % PROGRESS_EVERY == 0 {
                    events(ScanEvent::Progress(ScanCount { scanned, expected }));
                }
            })
            .await?;
        earlier_scopes += seen;
    }
    judge.container_causes(&mut scan);
    events(ScanEvent::Progress(ScanCount {
        scanned: scan.scanned(),
        expected: Some(scan.scanned()),
    }));
    Ok(scan)
}
