//! The writeback readiness check: read the facts ([`facts`]), scan the users ([`scan`]), run
//! every check ([`checks`]) and decide whether writeback is ready.

pub mod checks;
pub mod facts;
pub mod finding;
pub mod ids;
pub mod scan;

pub use facts::{CheckError, CheckOptions, Facts, gather};
pub use finding::{Finding, Severity};
pub use scan::{BlockedUser, UserScan, scan_users};

use crate::ad::{AdError, Connection};
use crate::sd::Sid;

/// The outcome of a check run.
#[derive(Clone, Debug)]
pub struct CheckOutcome {
    pub facts: Facts,
    pub scan: UserScan,
    pub findings: Vec<Finding>,
    /// adminCount=1 users in scope that are no longer in any protected group.
    pub stale_admin: Vec<String>,
}

impl CheckOutcome {
    /// Ready: no error finding and everything could be read.
    pub fn ready(&self) -> bool {
        !self
            .findings
            .iter()
            .any(|f| f.severity == Severity::Error || f.id == "read-incomplete")
    }

    pub fn stale_admin(&self) -> &[String] {
        &self.stale_admin
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }
}

/// Runs the whole check over `conn`. `progress` gets the number of users scanned so far.
pub async fn run(
    conn: &mut Connection,
    opts: &CheckOptions,
    progress: impl FnMut(usize),
) -> Result<CheckOutcome, CheckError> {
    let facts = gather(conn, opts).await?;
    let scan = scan_users(conn, &facts, opts.page_size, progress).await?;
    let stale = stale_admins(conn, &facts, &scan).await?;
    let findings = evaluate(&facts, &scan, &stale);
    Ok(CheckOutcome {
        facts,
        scan,
        findings,
        stale_admin: stale,
    })
}

/// Runs every check over what was read.
pub fn evaluate(facts: &Facts, scan: &UserScan, stale_admin: &[String]) -> Vec<Finding> {
    let input = checks::Input {
        facts,
        scan,
        stale_admin,
    };
    checks::ALL.iter().flat_map(|check| check(&input)).collect()
}

/// The groups AdminSDHolder protects (MS-ADTS 3.1.1.6.1.2, "Protected Objects"), as SIDs of
/// `domain` and of the forest root, plus the accounts Administrator and krbtgt.
pub fn protected_sids(domain: &Sid, root: &Sid) -> Vec<Sid> {
    let mut out: Vec<Sid> = [500, 502, 512, 516, 521, 526]
        .iter()
        .filter_map(|r| domain.with_rid(*r))
        .collect();
    out.extend([518, 519, 527].iter().filter_map(|r| root.with_rid(*r)));
    out.extend(
        [544, 548, 549, 550, 551, 552]
            .iter()
            .filter_map(|r| Sid::new(5, &[32, *r]).ok()),
    );
    out
}

/// adminCount=1 users in scope that are no longer in any protected group.
async fn stale_admins(
    conn: &mut Connection,
    facts: &Facts,
    scan: &UserScan,
) -> Result<Vec<String>, AdError> {
    let root_sid = root_domain_sid(facts).unwrap_or_else(|| facts.domain.sid.clone());
    let protected = protected_sids(&facts.domain.sid, &root_sid);
    let mut stale = Vec::new();
    for (dn, _) in &scan.admin_count {
        let (sid, groups) = conn.token_groups(dn).await?;
        if !protected.contains(&sid) && !groups.iter().any(|g| protected.contains(g)) {
            stale.push(dn.clone());
        }
    }
    Ok(stale)
}

/// The forest root domain's SID, when the forest root is this domain (the common case); other
/// roots would need a DC of that domain, so `None`.
fn root_domain_sid(facts: &Facts) -> Option<Sid> {
    facts
        .root_dse
        .root_domain_naming_context
        .eq_ignore_ascii_case(&facts.domain.dn)
        .then(|| facts.domain.sid.clone())
}
