//! Writing: the engine's write path (apply with its backups and run file, restore) for the
//! wizard's pages, and files (reports, exports).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use iced::futures::channel::mpsc::Sender;
use iced::futures::{SinkExt, Stream};

use super::UiError;
use crate::engine;
use crate::engine::write::switches::{self, Switch};
use crate::engine::write::{self, PdcSwitch, PlanSource, RestorePart, RunEvent, RunFiles};
use crate::plan::Plan;
use crate::plan::apply::ApplyOptions;
use crate::plan::backup::{RestoreMode, RestoreReport};
use crate::report::stream::{ReportStream, StreamFormat};
use crate::report::{Report, RowFormat, several};
use crate::syncserver::ProcessPowerShell;
use crate::t;
use crate::words::{Face, Words};

/// Configure progress.
#[derive(Clone, Debug)]
pub enum ApplyEvent {
    /// Something to know before writing (the writes go to the PDC emulator, or could not).
    Note(String),
    /// The engine's run.
    Run(RunEvent),
    /// After a successful run, a directory's baseline (checked again): where it was saved, or
    /// why not.
    Baseline(String, Result<PathBuf, UiError>),
    /// The directories part is over: values written per directory, or why it stopped (and
    /// what had been written by then).
    Done(Result<Vec<usize>, (UiError, Vec<usize>)>),
    EnablingWriteback,
    WritebackEnabled(Result<(), UiError>),
}

/// What Configure needs: every directory with the plan the user reviewed for it.
#[derive(Clone, Debug)]
pub struct ApplyParams {
    pub directories: Vec<(engine::Directory, Arc<Plan>)>,
    /// The run's file; each directory's backup goes beside it.
    pub manifest: PathBuf,
    pub cancel: Arc<AtomicBool>,
    /// The writeback switch to turn on afterwards, if any.
    pub switch: Option<Switch>,
    pub powershell: ProcessPowerShell,
}

/// Prepares every directory (the engine resolves the connector and the PDC emulator on the DC
/// and checks the plan is for them), applies them as one run, then switches writeback on.
async fn apply_inner(p: ApplyParams, mut out: Sender<ApplyEvent>) {
    let mut prepared = Vec::new();
    for (dir, plan) in &p.directories {
        match write::prepare(dir, &PlanSource::Session(plan.clone()), 1000).await {
            Ok(ready) => {
                if let Some(n) = pdc_note(&ready.target.pdc) {
                    let _ = out.send(ApplyEvent::Note(n)).await;
                }
                prepared.push(ready);
            }
            Err(e) => {
                let _ = out
                    .send(ApplyEvent::Done(Err((UiError::of(&e), Vec::new()))))
                    .await;
                return;
            }
        }
    }
    let opts = ApplyOptions {
        replan: false,
        cancel: Some(p.cancel.clone()),
    };
    let mut events = out.clone();
    let r = write::apply(&prepared, &p.manifest, &opts, |e| {
        let _ = events.try_send(ApplyEvent::Run(e));
    })
    .await;
    let ok = r.is_ok();
    if ok {
        // What decides writeback now, kept to compare with later ("Compare with the last
        // configuration").
        for (i, (dir, _)) in p.directories.iter().enumerate() {
            let saved = engine::baseline::save_after_run(dir, &p.manifest, i)
                .await
                .map_err(|e| UiError::of(&e));
            let _ = out
                .send(ApplyEvent::Baseline(dir.label.clone(), saved))
                .await;
        }
    }
    let _ = out
        .send(ApplyEvent::Done(
            r.map_err(|stop| (UiError::of(&stop.error), stop.written)),
        ))
        .await;
    if let (true, Some(switch)) = (ok, &p.switch) {
        let _ = out.send(ApplyEvent::EnablingWriteback).await;
        let r = switches::enable(&p.powershell, switch)
            .await
            .map(|_| ())
            .map_err(|e| UiError::of(&e));
        let _ = out.send(ApplyEvent::WritebackEnabled(r)).await;
    }
}

/// Where the writes go, when it is not the DC the user named.
fn pdc_note(pdc: &PdcSwitch) -> Option<String> {
    match pdc {
        PdcSwitch::Same => None,
        PdcSwitch::Connected { pdc } => Some(t!("configure-pdc", pdc = pdc.as_str())),
        PdcSwitch::Unreachable { pdc, error } => Some(t!(
            "configure-pdc-unreachable",
            pdc = pdc.as_str(),
            reason = UiError::from(error.clone()).message
        )),
    }
}

/// Applies every directory's plan (backups first), then switches writeback on if asked.
pub fn apply(p: ApplyParams) -> impl Stream<Item = ApplyEvent> {
    iced::stream::channel(64, async move |out: Sender<ApplyEvent>| {
        apply_inner(p, out).await;
    })
}

/// Reads a run's file (or a single backup) and every backup it lists, off the UI thread:
/// nothing is connected to.
pub async fn open_run(path: PathBuf) -> Result<Arc<RunFiles>, UiError> {
    tokio::task::spawn_blocking(move || write::open(&path))
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

/// What a restore of `files` would write in `directories` (each backup in the directory of its
/// domain, the connector resolved there now): the preview shown before the user confirms.
pub async fn prepare_restore(
    directories: Vec<engine::Directory>,
    files: Arc<RunFiles>,
) -> Result<Arc<Vec<RestorePart>>, UiError> {
    write::prepare_restore(&directories, &files, RestoreMode::Undo)
        .await
        .map(Arc::new)
        .map_err(|e| UiError::of(&e))
}

/// Writes what the preview showed, each value checked against what it was then, and verifies
/// each, part after part; stops at the first that fails.
pub fn restore(parts: Arc<Vec<RestorePart>>) -> impl Stream<Item = RestoreEvent> {
    iced::stream::channel(64, async move |mut out: Sender<RestoreEvent>| {
        let mut lines = out.clone();
        let words = Words::current(Face::Wizard);
        let r = write::restore(&parts, |_, item, restored| {
            let _ = lines.try_send(RestoreEvent::Line(words.restore_step(item, restored)));
        })
        .await
        .map_err(|(e, _)| UiError::of(&e));
        let _ = out.send(RestoreEvent::Done(r)).await;
    })
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
            UiError::plain(t!(
                "error-write-file",
                path = path.display().to_string(),
                reason = e.to_string()
            ))
        })?;
    Ok(path)
}

/// The format a report file's name asks for (.json, .md, .txt, anything else HTML).
fn format_of(path: &Path) -> StreamFormat {
    match path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .as_deref()
    {
        Some("json") => StreamFormat::Rows(RowFormat::Json),
        Some("md") | Some("markdown") => StreamFormat::Rows(RowFormat::Markdown),
        Some("txt") => StreamFormat::Text { color: false },
        _ => StreamFormat::Rows(RowFormat::Html),
    }
}

/// The run's report at `path`, in the format its name asks for, in the wizard's language (the
/// customer reads it; its fixes say what to click): one directory's report, or a section for
/// each directory (a directory whose check failed says why). Written off the UI thread, the
/// blocked users row by row.
pub async fn write_report(
    path: PathBuf,
    reports: Vec<(String, Result<Report, String>)>,
) -> Result<PathBuf, UiError> {
    let format = format_of(&path);
    write_rows(path.clone(), move |out| {
        let words = Words::current(Face::Wizard);
        let dir = std::env::temp_dir();
        let feed = |r: &Report| -> std::io::Result<_> {
            let mut s = ReportStream::new(format, &words, &dir)?;
            r.users.blocked.iter().for_each(|b| s.push(b));
            Ok(s)
        };
        match reports.as_slice() {
            [(_, Ok(one))] => feed(one)?.finish(one, out),
            [(_, Err(e))] => Err(std::io::Error::other(e.clone())),
            many => {
                let mut sections = Vec::new();
                for (label, r) in many {
                    let outcome = match r {
                        Ok(r) => {
                            let mut s = several::stream(format, label, &words, &dir)?;
                            r.users.blocked.iter().for_each(|b| s.push(b));
                            Ok((r.clone(), s))
                        }
                        Err(e) => Err(e.clone()),
                    };
                    sections.push(several::Section {
                        label: label.clone(),
                        outcome,
                    });
                }
                several::write(sections, format, &words, out)
            }
        }
    })
    .await
}
