//! The incremental re-check: after one full check, a check again reads only what changed since
//! and judges again only the users it can touch, with a result equal to a full scan's.
//!
//! A full check through [`Memo::check`] judges users in *buckets*, one per container that
//! directly holds them, and remembers: the DC and its invocation ID, the DC's
//! `highestCommittedUSN` read before anything else, a digest of every fact the judge applies to
//! all users (connector and token, password policies and PSOs, the domain root's DACL, the
//! protected administrators, the schema classes, the sync filter, the scope), the containers
//! of the tree, and each user's bucket by `objectGUID`.
//!
//! [`Memo::recheck`] reads the facts again (they are small), then:
//! - a full scan when the DC or its invocation ID differs (another DC, or a restore), when the
//!   digest differs, when a container of the tree appeared, vanished or moved, or when a
//!   changed group is, or is nested in, a group a PSO applies to (its members' resultant PSO
//!   changes, and the DC does not mark them changed);
//! - otherwise the objects with `uSNChanged` above the memo's mark (and the tombstones, with
//!   the show-deleted control) say what to judge again: a changed container's whole subtree
//!   (the DC propagates its inherited ACEs to every descendant without marking them changed —
//!   seen on Samba), a changed user's container, and the container a moved or deleted user was
//!   in. Everything else keeps its buckets; the merge of all buckets is the scan.
//!
//! Changes made while a check runs have a USN above its mark, so the next check sees them.

mod changes;

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use ldap3::Scope;
use serde::Serialize;

use super::facts::{CheckError, CheckOptions, Facts, gather};
use super::scan::{Judge, ScanCount, ScanEvent, USER_ATTRS, USER_FILTER, UserFacts, UserScan};
use super::{CheckOutcome, evaluate};
use crate::ad::dn::{is_within, parent_dn};
use crate::ad::{AdError, Connection, Query, controls};
use changes::{changes_since, pso_group, refreshed};

/// LDAP_SERVER_SHOW_DELETED_OID: tombstones are returned too.
pub const SHOW_DELETED: &str = "1.2.840.113556.1.4.417";

/// An `objectGUID`.
type ObjectGuid = [u8; 16];

/// The users one container directly holds, judged, and their `objectGUID`s.
#[derive(Clone, Debug, Default)]
struct Bucket {
    scan: UserScan,
    guids: Vec<ObjectGuid>,
}

/// Where the DC stands: which DC, which database, how far.
#[derive(Clone, Debug, PartialEq, Eq)]
struct DcState {
    /// `dsServiceName`: the DC's NTDS Settings object.
    service: String,
    /// Its `invocationId` (a new one after a restore of the database).
    invocation: Vec<u8>,
    /// `highestCommittedUSN` when read.
    usn: u64,
}

impl DcState {
    async fn read(conn: &mut Connection) -> Result<Self, AdError> {
        let root = conn
            .read("", &["dsServiceName", "highestCommittedUSN"], vec![])
            .await?
            .ok_or_else(|| malformed("no rootDSE"))?;
        let service = root.text("dsServiceName").unwrap_or_default();
        let usn = root
            .int("highestCommittedUSN")
            .and_then(|u| u64::try_from(u).ok())
            .ok_or_else(|| malformed("no highestCommittedUSN"))?;
        let invocation = match conn.read(&service, &["invocationId"], vec![]).await? {
            Some(e) => e.first("invocationId").unwrap_or_default().to_vec(),
            None => Vec::new(),
        };
        Ok(Self {
            service,
            invocation,
            usn,
        })
    }
}

fn malformed(reason: &str) -> AdError {
    AdError::Malformed {
        op: "reading the rootDSE",
        dn: String::new(),
        reason: reason.into(),
    }
}

/// Why a re-check scanned every user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "reason", rename_all = "kebab-case")]
pub enum Why {
    /// No check before.
    First,
    /// Another DC answered, or the same DC's database was restored (a new invocation ID).
    OtherDc,
    /// Something every user is judged by changed: the connector or its groups, a password
    /// policy or PSO, the domain root's DACL, the protected administrators, the schema, the
    /// sync filter or the scope.
    Settings,
    /// A container in scope appeared, vanished, moved or was renamed.
    Containers,
    /// A changed group is, or is nested in, a group a PSO applies to.
    PsoGroup { group: String },
}

/// How a re-check went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "scan", rename_all = "kebab-case")]
pub enum How {
    /// Every user was read and judged.
    Full { why: Why, users: usize },
    /// Only these users were read and judged again.
    Incremental {
        /// Users read and judged again.
        rejudged: usize,
        /// Users in all (in scope or not synchronized).
        users: usize,
        /// Objects changed since the last check (tombstones included).
        changed: usize,
        /// The containers whose subtrees were judged again.
        subtrees: Vec<String>,
        /// Whether the facts were read afresh (`false`: only the changed containers' DACLs).
        facts_read: bool,
    },
}

/// A re-check's outcome and how it was reached.
#[derive(Clone, Debug)]
pub struct Rechecked {
    pub outcome: CheckOutcome,
    pub how: How,
}

/// What a check leaves for the next one (see the module's documentation). It holds every
/// user's bucket: a few dozen bytes per user beside the blocked users a check keeps anyway.
#[derive(Clone, Debug)]
pub struct Memo {
    dc: DcState,
    /// The facts the users were judged by.
    facts: Facts,
    digest: u64,
    buckets: BTreeMap<String, Bucket>,
    owner: HashMap<ObjectGuid, Arc<str>>,
}

impl Memo {
    /// A full check (blocked users kept) that leaves its memo.
    pub async fn check(
        conn: &mut Connection,
        opts: &CheckOptions,
        events: impl FnMut(ScanEvent<'_>),
    ) -> Result<(CheckOutcome, Memo), CheckError> {
        let dc = DcState::read(conn).await?;
        let facts = gather(conn, opts).await?;
        let (r, memo) = full(conn, opts, dc, facts, Why::First, events).await?;
        Ok((r.outcome, memo))
    }

    /// Checks again, reading and judging only what changed when it can (see the module's
    /// documentation). The memo is consumed: after an error the next check is a full one.
    pub async fn recheck(
        self,
        conn: &mut Connection,
        opts: &CheckOptions,
        mut events: impl FnMut(ScanEvent<'_>),
    ) -> Result<(Rechecked, Memo), CheckError> {
        let dc = DcState::read(conn).await?;
        if dc.service != self.dc.service || dc.invocation != self.dc.invocation {
            let facts = gather(conn, opts).await?;
            return full(conn, opts, dc, facts, Why::OtherDc, events).await;
        }
        let changes = changes_since(conn, &self.facts, self.dc.usn).await?;
        // The facts again: refreshed from the last ones when only users and containers of the
        // tree changed, else read afresh.
        let (facts, facts_read) =
            match refreshed(conn, &self.facts, &changes, self.dc.usn, opts).await? {
                Some(f) => (f, false),
                None => (gather(conn, opts).await?, true),
            };
        let why = if digest(&facts) != self.digest {
            Some(Why::Settings)
        } else if tree_of(&facts) != tree_of(&self.facts) {
            Some(Why::Containers)
        } else {
            None
        };
        if let Some(why) = why {
            return full(conn, opts, dc, facts, why, events).await;
        }
        if let Some(group) = pso_group(conn, &facts, &changes, self.dc.usn).await? {
            return full(conn, opts, dc, facts, Why::PsoGroup { group }, events).await;
        }
        let mut memo = self;
        // The subtrees to judge again: changed containers, outermost only.
        let mut subtrees: Vec<String> = Vec::new();
        for c in &changes.containers {
            if !subtrees.iter().any(|s| is_within(c, s)) {
                subtrees.retain(|s| !is_within(s, c));
                subtrees.push(c.clone());
            }
        }
        // The single containers: where a changed user is now, where a moved or deleted one was.
        let mut singles: BTreeSet<String> = BTreeSet::new();
        for (dn, guid, _) in &changes.users {
            if let Some(parent) = parent_dn(dn) {
                singles.insert(parent.to_ascii_lowercase());
            }
            if let Some(was) = guid.and_then(|g| memo.owner.get(&g)) {
                singles.insert(was.to_string());
            }
        }
        for guid in &changes.deleted {
            if let Some(was) = memo.owner.get(guid) {
                singles.insert(was.to_string());
            }
        }
        singles.retain(|b| !subtrees.iter().any(|s| is_within(b, s)));
        // Forget what is judged again, then judge it.
        let stale: Vec<String> = memo
            .buckets
            .keys()
            .filter(|b| singles.contains(*b) || subtrees.iter().any(|s| is_within(b, s)))
            .cloned()
            .collect();
        for key in stale {
            if let Some(b) = memo.buckets.remove(&key) {
                for g in &b.guids {
                    if memo.owner.get(g).is_some_and(|o| **o == *key) {
                        memo.owner.remove(g);
                    }
                }
            }
        }
        let mut searches: Vec<(String, Scope)> = Vec::new();
        for s in &subtrees {
            for scope in &facts.scopes {
                if is_within(s, scope) {
                    searches.push((s.clone(), Scope::Subtree));
                } else if is_within(scope, s) {
                    searches.push((scope.clone(), Scope::Subtree));
                }
            }
        }
        for b in &singles {
            if facts.in_scope(b) {
                searches.push((b.clone(), Scope::OneLevel));
            }
        }
        memo.dc = dc;
        let (rejudged, outcome) = judged(
            conn,
            facts,
            opts.page_size,
            &searches,
            &mut memo,
            &mut events,
        )
        .await?;
        let how = How::Incremental {
            rejudged,
            users: outcome.scan.scanned(),
            changed: changes.count,
            subtrees,
            facts_read,
        };
        Ok((Rechecked { outcome, how }, memo))
    }

    /// A full check that leaves a memo (`memo` is `None`), or a re-check from it: the outcome,
    /// the memo for the next time, and how the users were checked.
    pub async fn check_again(
        memo: Option<Memo>,
        conn: &mut Connection,
        opts: &CheckOptions,
        events: impl FnMut(ScanEvent<'_>),
    ) -> Result<(CheckOutcome, Memo, How), CheckError> {
        match memo {
            Some(memo) => {
                let (r, memo) = memo.recheck(conn, opts, events).await?;
                Ok((r.outcome, memo, r.how))
            }
            None => {
                let (outcome, memo) = Memo::check(conn, opts, events).await?;
                let users = memo.users();
                let how = How::Full {
                    why: Why::First,
                    users,
                };
                Ok((outcome, memo, how))
            }
        }
    }

    /// How many users the memo holds.
    pub fn users(&self) -> usize {
        self.buckets.values().map(|b| b.scan.scanned()).sum()
    }
}

/// A full scan into buckets, and the memo it leaves.
async fn full(
    conn: &mut Connection,
    opts: &CheckOptions,
    dc: DcState,
    facts: Facts,
    why: Why,
    mut events: impl FnMut(ScanEvent<'_>),
) -> Result<(Rechecked, Memo), CheckError> {
    let mut memo = Memo {
        dc,
        facts: facts.clone(),
        digest: digest(&facts),
        buckets: BTreeMap::new(),
        owner: HashMap::new(),
    };
    let searches: Vec<(String, Scope)> = facts
        .scopes
        .iter()
        .map(|s| (s.clone(), Scope::Subtree))
        .collect();
    let (users, outcome) = judged(
        conn,
        facts,
        opts.page_size,
        &searches,
        &mut memo,
        &mut events,
    )
    .await?;
    let how = How::Full { why, users };
    Ok((Rechecked { outcome, how }, memo))
}

/// Judges the users of `searches` into the memo's buckets, then merges every bucket into the
/// scan and runs the checks; the memo keeps the facts. Returns how many users were judged.
async fn judged(
    conn: &mut Connection,
    facts: Facts,
    page_size: i32,
    searches: &[(String, Scope)],
    memo: &mut Memo,
    events: &mut impl FnMut(ScanEvent<'_>),
) -> Result<(usize, CheckOutcome), AdError> {
    let (n, scan) = {
        let judge = Judge::new(&facts);
        let n = judge_into(conn, &judge, &facts, page_size, searches, memo, events).await?;
        (n, assemble(&judge, &memo.buckets))
    };
    events(ScanEvent::Progress(ScanCount {
        scanned: scan.scanned(),
        expected: Some(scan.scanned()),
    }));
    let findings = evaluate(&facts, &scan);
    memo.facts = facts.clone();
    Ok((
        n,
        CheckOutcome {
            facts,
            scan,
            findings,
        },
    ))
}

/// Reads and judges the users of each search into their buckets (new ones); returns how many.
async fn judge_into(
    conn: &mut Connection,
    judge: &Judge<'_>,
    facts: &Facts,
    page_size: i32,
    searches: &[(String, Scope)],
    memo: &mut Memo,
    events: &mut impl FnMut(ScanEvent<'_>),
) -> Result<usize, AdError> {
    let filter_attrs = facts.sync_filter.attributes();
    let attrs: Vec<&str> = USER_ATTRS
        .iter()
        .copied()
        .chain(filter_attrs.iter().map(String::as_str))
        .chain(["objectGUID"])
        .collect();
    let mut judged = 0usize;
    for (base, scope) in searches {
        let query = Query {
            base,
            scope: *scope,
            filter: USER_FILTER,
            attrs: &attrs,
            controls: vec![controls::sd_flags(controls::DACL)],
        };
        conn.search_paged_estimated(query, page_size.max(1), |e, _| {
            let guid = e
                .first("objectGUID")
                .and_then(|g| ObjectGuid::try_from(g).ok());
            let user = UserFacts::read(e, &facts.sync_filter);
            let key: Arc<str> = Arc::from(
                parent_dn(&user.dn)
                    .unwrap_or_default()
                    .to_ascii_lowercase()
                    .as_str(),
            );
            let bucket = memo.buckets.entry(key.to_string()).or_default();
            if let Some(g) = guid {
                bucket.guids.push(g);
                memo.owner.insert(g, key);
            }
            if let Some(b) = judge.tally(&mut bucket.scan, user) {
                events(ScanEvent::Blocked(&b));
                bucket.scan.keep(&b);
            }
            judged += 1;
            if judged.is_multiple_of(500) {
                events(ScanEvent::Progress(ScanCount {
                    scanned: judged,
                    expected: None,
                }));
            }
        })
        .await?;
    }
    Ok(judged)
}

/// Every bucket merged, then what each container would do to a new user (as a full scan
/// ends).
fn assemble(judge: &Judge<'_>, buckets: &BTreeMap<String, Bucket>) -> UserScan {
    let mut scan = UserScan::default();
    for b in buckets.values() {
        scan.absorb(&b.scan);
    }
    judge.container_causes(&mut scan);
    scan
}

/// The containers of the tree (lower case).
fn tree_of(facts: &Facts) -> BTreeSet<String> {
    facts
        .tree
        .nodes
        .iter()
        .map(|n| n.dn.to_ascii_lowercase())
        .collect()
}

/// A digest of everything the judge applies to every user (see [`Why::Settings`]); the
/// containers' own DACLs are judged by subtree instead, except the domain root's.
fn digest(f: &Facts) -> u64 {
    let mut h = DefaultHasher::new();
    let sorted = |v: Vec<String>| -> Vec<String> {
        let mut v = v;
        v.sort();
        v
    };
    (
        &f.server,
        format!("{:?}", f.rules),
        &f.domain.dn,
        format!("{:?}", f.domain.sid),
        f.domain.min_pwd_age,
        &f.scopes,
    )
        .hash(&mut h);
    if let Some(c) = &f.connector {
        format!("{:?}", c.account.sid).hash(&mut h);
        format!("{:?}", c.token).hash(&mut h);
        sorted(c.groups.iter().map(|s| format!("{s:?}")).collect()).hash(&mut h);
    }
    format!("{:?}", f.connector_lookup).hash(&mut h);
    format!("{:?}", f.logon).hash(&mut h);
    format!("{:?}", f.property_sets).hash(&mut h);
    sorted(
        f.default_aces
            .iter()
            .map(|(k, v)| format!("{k:?}{v:?}"))
            .collect(),
    )
    .hash(&mut h);
    sorted(f.psos.iter().map(|p| format!("{p:?}")).collect()).hash(&mut h);
    format!("{:?}", f.sam_server).hash(&mut h);
    format!("{:?}", f.pre2000_members).hash(&mut h);
    sorted(f.admins.iter().map(|(k, v)| format!("{k}{v:?}")).collect()).hash(&mut h);
    format!("{:?}", f.sync_filter).hash(&mut h);
    format!("{:?}", f.domain_blockers()).hash(&mut h);
    sorted(
        f.classes
            .by_name
            .iter()
            .map(|(k, v)| format!("{k}{v:?}"))
            .collect(),
    )
    .hash(&mut h);
    format!("{:?}", f.tree.root().sd).hash(&mut h);
    h.finish()
}
