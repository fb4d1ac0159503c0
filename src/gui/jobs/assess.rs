//! The assessment, the pilot table and the plan, through the engine.

use std::sync::Arc;

use iced::futures::channel::mpsc::Sender;
use iced::futures::{SinkExt, Stream};

use super::{DirectoryParams, SignedIn, UiError, connect};
use crate::check::{CheckOptions, Finding};
use crate::engine::planning::PlanningError;
use crate::engine::{self, Assessment, Phase, Planned, Progress, Request, SyncServerCheck};
use crate::plan::PlanOptions;
use crate::syncserver::ProcessPowerShell;

/// Check progress.
#[derive(Clone, Debug)]
pub enum CheckEvent {
    Phase(Phase),
    Users(crate::check::ScanCount),
    /// The findings of one part, as soon as they are known.
    Partial(Vec<Finding>),
    Done(Result<Arc<Assessment>, UiError>),
}

/// What the check needs.
#[derive(Clone, Debug)]
pub struct CheckParams {
    pub directory: DirectoryParams,
    pub options: CheckOptions,
    /// Signed in: check the tenant too. `None`: on-premises only (said so in the report).
    pub cloud: Option<SignedIn>,
    /// Check the sync server (the first directory's check does).
    pub sync_server: bool,
    /// `host:port` the sync server must reach (the cloud's writeback endpoints).
    pub outbound: Vec<String>,
    pub powershell: ProcessPowerShell,
    /// The memo of this directory's last check: checking again reads only what changed since.
    pub memo: Option<Arc<crate::check::incremental::Memo>>,
}

impl CheckParams {
    /// The engine's request: the first directory's checks the sync server (the wizard runs
    /// where Entra Connect runs), as the command line's first directory does; the pilot table
    /// is its own page.
    pub fn request(&self) -> Request {
        Request {
            options: self.options.clone(),
            cloud: self.cloud.as_ref().map(|c| c.graph.clone()),
            sync_server: self.sync_server.then(|| SyncServerCheck {
                powershell: self.powershell.clone(),
                targets: self.outbound.clone(),
            }),
            pilot_group: None,
            keep: Default::default(),
        }
    }
}

/// Runs the whole check, streaming progress and partial findings.
pub fn run_checks(p: CheckParams) -> impl Stream<Item = CheckEvent> {
    iced::stream::channel(64, async move |out: Sender<CheckEvent>| {
        let mut done = out.clone();
        let mut events = out;
        let memo = p.memo.clone().map(Arc::unwrap_or_clone);
        let r = engine::assess_again(&p.directory.login(), &p.request(), memo, |e| {
            let event = match e {
                Progress::Phase(p) => CheckEvent::Phase(p),
                Progress::Users(n) => CheckEvent::Users(n),
                Progress::Partial(f) => CheckEvent::Partial(f),
                // The wizard keeps the blocked users in the assessment: none are sent.
                Progress::Blocked(_) => return,
            };
            let _ = events.try_send(event);
        })
        .await
        .map(Arc::new)
        .map_err(UiError::from);
        let _ = done.send(CheckEvent::Done(r)).await;
    })
}

/// The pilot table for `group`.
pub async fn pilot(
    p: DirectoryParams,
    assessment: Arc<Assessment>,
    group: String,
    cloud: Option<SignedIn>,
) -> Result<Arc<crate::pilot::PilotReport>, UiError> {
    let mut conn = connect(&p).await?;
    let r = crate::pilot::run(
        &mut conn,
        &assessment.outcome.facts,
        group.trim(),
        cloud.as_ref().map(|c| &c.graph),
    )
    .await;
    conn.close().await;
    r.map(Arc::new).map_err(|e| match e {
        crate::pilot::PilotError::Directory(e) => e.into(),
        other => UiError::of(&other),
    })
}

/// The plan from the check the user just saw (`checked`), or from a fresh check when there is
/// none.
pub async fn compute_plan(
    p: DirectoryParams,
    checked: Option<Arc<Assessment>>,
    options: CheckOptions,
    plan_options: PlanOptions,
) -> Result<Arc<Planned>, UiError> {
    engine::plan(
        &p.login(),
        checked.as_ref().map(|a| &a.outcome),
        &options,
        &plan_options,
    )
    .await
    .map(Arc::new)
    .map_err(|e| match e {
        PlanningError::Assess(e) => e.into(),
        other => UiError::of(&other),
    })
}

/// The drift of `d` since its domain's last configuration saved on this computer (Configure
/// saves it), in the wizard's words: checked again (from `memo`, the check shown, when there is
/// one) and compared.
pub async fn compare_last(
    d: engine::Directory,
    domain_sid: String,
    memo: Option<Arc<crate::check::incremental::Memo>>,
) -> Result<Arc<Vec<String>>, UiError> {
    let memo = memo.map(Arc::unwrap_or_clone);
    let (then, drift) = engine::baseline::since_last(&d, &domain_sid, memo)
        .await
        .map_err(|e| UiError::of(&e))?;
    let words = crate::words::Words::current(crate::words::Face::Wizard);
    Ok(Arc::new(words.drift_lines(&then, &drift)))
}
