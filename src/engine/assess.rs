//! The whole readiness assessment, for every face: the directory (connector, rights, policies,
//! every user in scope), the pilot group, the tenant and the sync server — one [`Assessment`]
//! and the [`Report`] built from it once.
//!
//! Which parts run is decided by the [`Request`] alone, so the same inputs give the same
//! findings in the CLI and in the wizard. Progress and each part's findings are handed to a
//! callback as soon as they are known. Cancelling is dropping the future: nothing is written,
//! and the directory connection closes with it.

use std::sync::Arc;

use crate::ad::AdError;
use crate::check::incremental::{How, Memo};
use crate::check::{self, CheckError, CheckOptions, CheckOutcome, Finding};
use crate::entra::{self, Graph};
use crate::pilot::{self, PilotError, PilotReport};
use crate::report::{CloudInfo, Part, Report};
use crate::syncserver::{self, ProcessPowerShell, SyncServerInfo};

use super::Login;

/// The sync server part: Entra Connect read through PowerShell on this machine, and the
/// outbound endpoints writeback needs probed from it.
#[derive(Clone, Debug)]
pub struct SyncServerCheck {
    pub powershell: ProcessPowerShell,
    /// `host:port` (the cloud's documented endpoints, or a proxy's / a test's).
    pub targets: Vec<String>,
}

/// What to assess.
#[derive(Clone, Debug, Default)]
pub struct Request {
    pub options: CheckOptions,
    /// Signed in to the tenant: the cloud checks run too (and the pilot table gets its cloud
    /// columns). `None`: on-premises only, and the report says the cloud was not checked.
    pub cloud: Option<Graph>,
    /// Check the sync server.
    pub sync_server: Option<SyncServerCheck>,
    /// An AD group (DN or name) or an Entra group (object ID or name) to judge user by user.
    pub pilot_group: Option<String>,
    /// Keep the blocked users in the outcome and the report (the default), or only count them
    /// and hand each to the progress callback as it is judged ([`Progress::Blocked`]): the
    /// command line writes them into its report while the scan runs.
    pub keep: check::Keep,
}

/// Which part is running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Connecting,
    Directory,
    Pilot,
    Cloud,
    SyncServer,
}

/// What the assessment tells its face while it runs.
#[derive(Clone, Debug)]
pub enum Progress {
    Phase(Phase),
    /// Users scanned so far, and how many the DC expects.
    Users(check::ScanCount),
    /// A blocked user, as soon as it is judged (only when the request keeps none).
    Blocked(check::BlockedUser),
    /// The findings of one part, as soon as they are known.
    Partial(Vec<Finding>),
}

/// The whole readiness assessment.
#[derive(Clone, Debug)]
pub struct Assessment {
    pub outcome: CheckOutcome,
    pub report: Report,
    pub sync: Option<SyncServerInfo>,
    /// What the next check of this directory can start from ([`assess_again`]); `None` from
    /// [`assess`].
    pub memo: Option<Arc<Memo>>,
    /// How [`assess_again`] checked the directory: every user, or only what changed.
    pub checked: Option<How>,
}

/// Why the assessment could not finish.
#[derive(Debug, Clone, thiserror::Error)]
pub enum AssessError {
    // Not transparent: the cause stays reachable through `source()` for the faces' words.
    #[error("{0}")]
    Directory(#[from] AdError),
    #[error("{0}")]
    Check(#[from] CheckError),
    #[error("{0}")]
    Pilot(#[from] PilotError),
}

/// Runs the assessment `request` asks for against the DC of `login`.
pub async fn assess(
    login: &Login,
    request: &Request,
    progress: impl FnMut(Progress) + Send,
) -> Result<Assessment, AssessError> {
    assess_with(login, request, Scan::Plain, progress).await
}

/// [`assess`], the directory checked through a memo ([`crate::check::incremental`]): with the
/// memo of this directory's last assessment, only what changed since is read and judged again
/// (the result equals a full check's); the assessment keeps the memo for the next time and says
/// how it checked.
pub async fn assess_again(
    login: &Login,
    request: &Request,
    memo: Option<Memo>,
    progress: impl FnMut(Progress) + Send,
) -> Result<Assessment, AssessError> {
    assess_with(login, request, Scan::Memo(memo.map(Box::new)), progress).await
}

/// How the directory's users are checked.
enum Scan {
    /// A full scan, nothing kept for later.
    Plain,
    /// Through a memo: from the last one when given.
    Memo(Option<Box<Memo>>),
}

async fn assess_with(
    login: &Login,
    request: &Request,
    scan: Scan,
    mut progress: impl FnMut(Progress) + Send,
) -> Result<Assessment, AssessError> {
    // The sync server is read first: its sync rules decide which users the engine synchronizes,
    // and so which users the directory scan counts.
    let server = match &request.sync_server {
        Some(s) => {
            progress(Progress::Phase(Phase::SyncServer));
            Some(syncserver::read(&s.powershell).await)
        }
        None => None,
    };
    let mut options = request.options.clone();
    if let Some(Ok(Some(info))) = &server {
        options.sync_rules = info.server_rules().map(std::sync::Arc::new);
    }
    progress(Progress::Phase(Phase::Connecting));
    let mut conn = login.connect().await?;
    progress(Progress::Phase(Phase::Directory));
    let keep = request.keep;
    let mut events = |e: check::ScanEvent<'_>| match e {
        check::ScanEvent::Progress(c) => progress(Progress::Users(c)),
        check::ScanEvent::Blocked(b) if keep == check::Keep::CountOnly => {
            progress(Progress::Blocked(b.clone()))
        }
        check::ScanEvent::Blocked(_) => {}
    };
    let run = match scan {
        Scan::Plain => check::run_with(&mut conn, &options, keep, &mut events)
            .await
            .map(|o| (o, None)),
        Scan::Memo(memo) => Memo::check_again(memo.map(|m| *m), &mut conn, &options, &mut events)
            .await
            .map(|(o, memo, how)| (o, Some((memo, how)))),
    };
    let (mut outcome, memo) = match run {
        Ok(o) => o,
        Err(e) => {
            conn.close().await;
            return Err(e.into());
        }
    };
    progress(Progress::Partial(outcome.findings.clone()));
    let mut pilot_report: Option<PilotReport> = None;
    if let Some(group) = &request.pilot_group {
        progress(Progress::Phase(Phase::Pilot));
        let table = pilot::run(
            &mut conn,
            &outcome.facts,
            group.trim(),
            request.cloud.as_ref(),
        )
        .await;
        let table = match table {
            Ok(t) => t,
            Err(e) => {
                conn.close().await;
                return Err(e.into());
            }
        };
        let findings = pilot::findings(&table);
        progress(Progress::Partial(findings.clone()));
        outcome.findings.extend(findings);
        pilot_report = Some(table);
    }
    conn.close().await;
    let mut cloud = CloudInfo::default();
    if let Some(graph) = &request.cloud {
        progress(Progress::Phase(Phase::Cloud));
        let facts = entra::facts::gather(graph).await;
        let findings = entra::checks::evaluate(&facts);
        progress(Progress::Partial(findings.clone()));
        outcome.findings.extend(findings);
        cloud = CloudInfo {
            checked: true,
            tenant: facts
                .organization
                .as_ref()
                .ok()
                .map(|o| o.display_name.clone()),
            signed_in_as: facts
                .me
                .as_ref()
                .ok()
                .map(|m| m.user_principal_name.clone()),
        };
    }
    let mut sync = None;
    if let (Some(s), Some(read)) = (&request.sync_server, server) {
        progress(Progress::Phase(Phase::SyncServer));
        let engine = outcome.facts.connector.as_ref().map(|c| c.account.engine());
        let (info, findings) = syncserver::assess_read(read, &s.targets, engine).await;
        progress(Progress::Partial(findings.clone()));
        outcome.findings.extend(findings);
        sync = info;
    }
    let mut report = Report::from_outcome(&outcome);
    // Only what was looked at gets a verdict: the directory always; the tenant when signed in;
    // the sync server when this computer is one; the pilot table when a group was named.
    let on_sync_server = sync
        .as_ref()
        .is_some_and(|i: &SyncServerInfo| i.installed || i.agent().is_some());
    report.parts = crate::report::Parts::from(|p| match p {
        Part::Directory => true,
        Part::Cloud => cloud.checked,
        Part::SyncServer => on_sync_server,
        Part::Pilot => pilot_report.is_some(),
    });
    report.cloud = cloud;
    report.pilot = pilot_report;
    tracing::info!(
        "assessment finished: {} finding(s), ready = {}",
        report.findings.len(),
        report.ready
    );
    let (memo, checked) = match memo {
        Some((memo, how)) => (Some(Arc::new(memo)), Some(how)),
        None => (None, None),
    };
    Ok(Assessment {
        outcome,
        report,
        memo,
        checked,
        sync,
    })
}
