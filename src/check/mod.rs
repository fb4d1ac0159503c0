//! The writeback readiness check: read the facts ([`facts`]), scan the users ([`scan`]), run
//! every check ([`checks`]) and decide whether writeback is ready.
//!
//! **Ready** means: no error finding, and no user in scope is blocked — except protected
//! administrators (adminCount=1 and in a protected group today), for whom Microsoft does not
//! write passwords back by design; they are counted and listed apart. Every reason that blocks a
//! user names the object that holds the cause, and every such cause is an error finding on that
//! object, so the two halves of the definition cannot disagree.

pub mod baseline;
pub mod causes;
pub mod checks;
pub mod facts;
pub mod finding;
pub mod fixture;
pub mod ids;
pub mod incremental;
pub mod pace;
pub mod ranking;
pub mod right;
pub mod scan;
pub mod sync_filter;
pub mod tree;

pub use causes::{Causes, Reason};
pub use facts::{AdminStatus, CheckError, CheckOptions, Facts, gather};
pub use finding::{Finding, Severity};
pub use ids::{FindingId, Group, Wording};
pub use right::Right;
pub use scan::{
    BlockedRef, BlockedUser, BlockedUsers, ExcludedUser, Keep, NotSyncedUser, ScanCount, ScanEvent,
    UserScan,
};

use crate::ad::Connection;

/// The outcome of a check run.
#[derive(Clone, Debug)]
pub struct CheckOutcome {
    pub facts: Facts,
    pub scan: UserScan,
    pub findings: Vec<Finding>,
}

/// How many users writeback serves: `ready + excluded + blocked = in_scope`. Users the sync
/// engine never synchronizes are not in scope: they are counted apart (`not_synced`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Readiness {
    pub in_scope: usize,
    pub ready: usize,
    /// Protected administrators, excluded by design.
    pub excluded: usize,
    pub blocked: usize,
    /// Users the sync engine leaves out (see `users.not_synchronized`).
    pub not_synced: usize,
}

impl CheckOutcome {
    /// Ready: no error finding, and no user in scope blocked (protected administrators are
    /// excluded by design, not blocked).
    pub fn ready(&self) -> bool {
        self.scan.blocked_count == 0 && !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn readiness(&self) -> Readiness {
        Readiness {
            in_scope: self.scan.in_scope,
            ready: self.scan.ready,
            excluded: self.scan.excluded.len(),
            blocked: self.scan.blocked_count,
            not_synced: self.scan.not_synced.len(),
        }
    }

    /// adminCount=1 users in scope that are no longer in any protected group (their groups were
    /// read; an account whose groups could not be read is never called stale).
    pub fn stale_admin(&self) -> Vec<String> {
        self.scan
            .admin_count
            .iter()
            .filter(|(dn, _)| self.facts.admin_status(dn) == AdminStatus::Stale)
            .map(|(dn, _)| dn.clone())
            .collect()
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Runs the whole check over `conn`, keeping the blocked users. `progress` gets the number of
/// users scanned so far.
pub async fn run(
    conn: &mut Connection,
    opts: &CheckOptions,
    mut progress: impl FnMut(usize),
) -> Result<CheckOutcome, CheckError> {
    run_with(conn, opts, Keep::Blocked, |e| {
        if let ScanEvent::Progress(c) = e {
            progress(c.scanned)
        }
    })
    .await
}

/// [`run`] with every event of the user scan, keeping the blocked users or not ([`Keep`]).
pub async fn run_with(
    conn: &mut Connection,
    opts: &CheckOptions,
    keep: Keep,
    events: impl FnMut(ScanEvent<'_>),
) -> Result<CheckOutcome, CheckError> {
    let facts = gather(conn, opts).await?;
    let scan = scan::scan_users_with(conn, &facts, opts.page_size, keep, events).await?;
    let findings = evaluate(&facts, &scan);
    Ok(CheckOutcome {
        facts,
        scan,
        findings,
    })
}

/// Runs every check over what was read.
pub fn evaluate(facts: &Facts, scan: &UserScan) -> Vec<Finding> {
    let input = checks::Input { facts, scan };
    let mut findings: Vec<Finding> = checks::ALL.iter().flat_map(|check| check(&input)).collect();
    findings.extend(checks::coverage(&input, &findings));
    findings
}
