//! Writing: apply with its backup, restore, and files (reports, exports).

use super::*;

/// Configure progress.
#[derive(Clone, Debug)]
pub enum ApplyEvent {
    Step(Event),
    /// Connected to the PDC emulator instead (or could not).
    Note(String),
    EnablingWriteback,
    WritebackEnabled(Result<(), UiError>),
    /// Another directory's changes: how many were written and where its backup is.
    Other {
        label: String,
        result: Result<(usize, PathBuf), UiError>,
    },
    /// The directory part is over: changes written, or why it stopped (and how many had been
    /// written).
    Done(Result<usize, (UiError, usize)>),
}

/// What Configure needs.
#[derive(Clone, Debug)]
pub struct ApplyParams {
    pub directory: DirectoryParams,
    pub plan: Arc<Plan>,
    pub backup: PathBuf,
    pub cancel: Arc<AtomicBool>,
    pub enable_writeback: bool,
    /// Switch Cloud Sync's writeback on instead of Entra Connect's, signed in as this
    /// Hybrid Identity Administrator.
    pub cloud_sync: Option<HybridAdmin>,
    pub powershell: ProcessPowerShell,
    /// The other directories, each with its plan and its own backup file.
    pub others: Vec<(Other, Arc<Plan>, PathBuf)>,
}

/// The Hybrid Identity Administrator Cloud Sync's cmdlet signs in with. `Debug` never shows the
/// password.
#[derive(Clone)]
pub struct HybridAdmin {
    pub user: String,
    pub password: zeroize::Zeroizing<String>,
}

impl std::fmt::Debug for HybridAdmin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HybridAdmin({}, <secret>)", self.user)
    }
}

async fn apply_inner(p: ApplyParams, mut out: Sender<ApplyEvent>) {
    let conn = match connect(&p.directory).await {
        Ok(c) => c,
        Err(e) => {
            let _ = out.send(ApplyEvent::Done(Err((e, 0)))).await;
            return;
        }
    };
    let (mut conn, switch) = p.directory.login().for_writes(conn, &p.plan).await;
    let note = match switch {
        PdcSwitch::Same => None,
        PdcSwitch::Connected { pdc } => Some(t!("configure-pdc", pdc = pdc)),
        PdcSwitch::Unreachable { pdc, error } => Some(t!(
            "configure-pdc-unreachable",
            pdc = pdc,
            reason = UiError::from(error).message
        )),
    };
    if let Some(n) = note {
        let _ = out.send(ApplyEvent::Note(n)).await;
    }
    let mut events = out.clone();
    let r = plan::apply::apply(
        &mut conn,
        &p.plan,
        &p.backup,
        &ApplyOptions {
            replan: false,
            cancel: Some(p.cancel.clone()),
        },
        |e| {
            let _ = events.try_send(ApplyEvent::Step(e));
        },
    )
    .await;
    conn.close().await;
    let ok = r.is_ok();
    if ok {
        // The first directory is done: the others, each with its own backup, before the
        // first's result ends the page's wait.
        for (other, plan, backup) in p.others.clone() {
            let label = other.label();
            let result = apply_other(other, plan, backup.clone(), p.cancel.clone())
                .await
                .map(|n| (n, backup));
            let _ = out.send(ApplyEvent::Other { label, result }).await;
        }
    }
    let _ = out
        .send(ApplyEvent::Done(r.map_err(|e| {
            let written = e.written();
            (UiError::of(&e), written)
        })))
        .await;
    if ok && p.enable_writeback {
        let _ = out.send(ApplyEvent::EnablingWriteback).await;
        let r = match &p.cloud_sync {
            Some(admin) => enable_cloud_sync_writeback(p.powershell, admin).await,
            None => enable_writeback(p.powershell).await,
        };
        let _ = out.send(ApplyEvent::WritebackEnabled(r)).await;
    }
}

/// Applies the plan (backup first), then switches writeback on if asked.
pub fn apply(p: ApplyParams) -> impl Stream<Item = ApplyEvent> {
    iced::stream::channel(64, async move |out: Sender<ApplyEvent>| {
        apply_inner(p, out).await;
    })
}

/// Reads and validates a backup file.
pub async fn load_backup(path: PathBuf) -> Result<Arc<Backup>, UiError> {
    tokio::task::spawn_blocking(move || Backup::load(&path))
        .await
        .map_err(|e| UiError::of(&e))?
        .map(Arc::new)
        .map_err(|e| UiError::of(&e))
}

/// Restore progress.
#[derive(Clone, Debug)]
pub enum RestoreEvent {
    Line(String),
    Done(Result<RestoreReport, UiError>),
}

/// Reads the current values and works out what a restore of `backup` would write (nothing is
/// written): the preview shown before the user confirms.
pub async fn prepare_restore(
    p: DirectoryParams,
    backup: Arc<Backup>,
    path: PathBuf,
) -> Result<Arc<Vec<RestoreItem>>, UiError> {
    let mut conn = connect(&p).await?;
    let r =
        crate::plan::backup::prepare_restore(&mut conn, &backup, &path, RestoreMode::Undo, false)
            .await
            .map_err(|e| UiError::of(&e));
    conn.close().await;
    r.map(Arc::new)
}

/// Writes what the preview showed, each value checked against what it was then, and verifies
/// each: in each directory of `parts` in turn (the first, then the others of the same run),
/// stopping at the first that fails.
pub fn restore(
    parts: Vec<(DirectoryParams, Arc<Vec<RestoreItem>>)>,
) -> impl Stream<Item = RestoreEvent> {
    iced::stream::channel(64, async move |mut out: Sender<RestoreEvent>| {
        let mut all = RestoreReport::default();
        let mut result = Ok(());
        for (p, items) in parts {
            let r = async {
                let mut conn = connect(&p).await?;
                let mut lines = out.clone();
                let r = crate::plan::backup::execute_restore(&mut conn, &items, |l| {
                    let _ = lines.try_send(RestoreEvent::Line(l));
                })
                .await
                .map_err(|e| UiError::of(&e));
                conn.close().await;
                r
            }
            .await;
            match r {
                Ok(report) => {
                    all.restored.extend(report.restored);
                    all.unchanged.extend(report.unchanged);
                    all.kept.extend(report.kept);
                }
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        let _ = out.send(RestoreEvent::Done(result.map(|()| all))).await;
    })
}

/// Writes `text` to `path` (temporary file and rename).
pub async fn write_file(path: PathBuf, text: String) -> Result<PathBuf, UiError> {
    write_rows(path, move |out| out.write_all(text.as_bytes())).await
}

/// The blocked users of `a` as CSV at `path`, written row by row off the UI thread.
pub async fn write_blocked_csv(
    path: PathBuf,
    a: std::sync::Arc<super::Assessment>,
) -> Result<PathBuf, UiError> {
    write_rows(path, move |out| {
        let words = crate::words::Words::current(crate::words::Face::Wizard);
        crate::report::write_csv(&a.report, &words, out)
    })
    .await
}

/// The pilot table as CSV at `path`, written row by row off the UI thread.
pub async fn write_pilot_csv(
    path: PathBuf,
    r: std::sync::Arc<crate::pilot::PilotReport>,
) -> Result<PathBuf, UiError> {
    write_rows(path, move |out| crate::pilot::write_csv(&r, out)).await
}

/// Writes `path` whole (or not at all) from `rows`, in a blocking task.
async fn write_rows(
    path: PathBuf,
    rows: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()> + Send + 'static,
) -> Result<PathBuf, UiError> {
    let p = path.clone();
    tokio::task::spawn_blocking(move || crate::files::write_atomically_with(&p, rows))
        .await
        .map_err(|e| UiError::of(&e))?
        .map_err(|e| {
            UiError::other(t!(
                "error-write-file",
                path = path.display().to_string(),
                reason = e.to_string()
            ))
        })?;
    Ok(path)
}

/// The report in the format its file name asks for (.json, .md, anything else HTML).
pub fn report_text(report: &Report, path: &Path) -> String {
    // The customer reads the export in the wizard's language; its fixes say what to click.
    let words = crate::words::Words::current(crate::words::Face::Wizard);
    match path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .as_deref()
    {
        Some("json") => report.json(&words),
        Some("md") | Some("markdown") => crate::report::markdown(report, &words),
        Some("txt") => crate::report::text(report, &words, false),
        _ => crate::report::html(report, &words),
    }
}
