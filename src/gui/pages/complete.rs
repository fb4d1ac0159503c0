//! Page 11 — Configuration complete: what changed, the backup and how to restore it, the result of
//! checking again, "Export report" (HTML / JSON / Markdown), the log folder, "Exit".

use std::collections::HashSet;
use std::path::PathBuf;

use iced::widget::{button, column, row, text};
use iced::{Element, Task};

use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::intent::Intent;
use crate::gui::jobs::{self, CheckEvent, UiError};
use crate::gui::run::RowId;
use crate::gui::shared::{Configured, Done, Flow, Shared};
use crate::gui::style;
use crate::t;
use crate::words::{Face, Words};

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    /// A directory's check again.
    Recheck(RowId, CheckEvent),
    /// The pilot group checked again, with the first directory's new assessment.
    Piloted(Result<std::sync::Arc<crate::pilot::PilotReport>, UiError>),
    CheckAgain,
    Export(&'static str),
    ExportTo(Option<PathBuf>),
    Exported(Result<PathBuf, UiError>),
}

#[derive(Default)]
pub struct Page {
    /// The directories checked again, still running.
    pub rechecking: HashSet<RowId>,
    /// The pilot table is being made again.
    pub piloting: bool,
    pub recheck_error: Option<UiError>,
    pub export: Option<Result<PathBuf, UiError>>,
    handle: Option<iced::task::Handle>,
    pilot_handle: Option<iced::task::Handle>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every directory of the run checked again.
    fn start(&mut self, shared: &Shared) -> Action {
        self.recheck_error = None;
        self.rechecking.clear();
        let mut tasks = Vec::new();
        for r in shared.rows() {
            let id = r.id();
            match shared.check_params(id) {
                Ok(p) => {
                    self.rechecking.insert(id);
                    tasks.push(Task::run(jobs::run_checks(p), move |e| {
                        Message::Recheck(id, e)
                    }));
                }
                Err(e) => self.recheck_error = Some(e),
            }
        }
        if tasks.is_empty() {
            return Action::none();
        }
        let (task, handle) = super::abortable(Task::batch(tasks));
        self.handle = Some(handle);
        Action::intent(Intent::ForgetResults).with(task)
    }

    /// The pilot group (when one was given) checked again with the first directory's new
    /// assessment, so the report shows its users as they are now.
    fn pilot_again(
        &mut self,
        shared: &Shared,
        a: std::sync::Arc<jobs::Assessment>,
    ) -> Option<Task<Message>> {
        let group = shared.settings().pilot_group.trim().to_string();
        let params = shared.lead().params().ok()?;
        if group.is_empty() {
            return None;
        }
        let cloud = if shared.settings().skip_cloud {
            None
        } else {
            shared.signed_in().cloned()
        };
        self.piloting = true;
        let (task, handle) = super::abortable(Task::perform(
            jobs::pilot(params, a, group, cloud),
            Message::Piloted,
        ));
        self.pilot_handle = Some(handle);
        Some(task)
    }

    /// The report of the run, in the format the file name asks for: one directory's, or one
    /// with a section for each directory.
    fn export_to(&self, path: PathBuf, shared: &Shared) -> Action {
        let mut reports = Vec::new();
        for r in shared.rows() {
            let outcome = match r.assessment() {
                Some(Ok(a)) => Ok(a.report.clone()),
                Some(Err(e)) => Err(e.message.clone()),
                None => return Action::none(),
            };
            reports.push((r.label(), outcome));
        }
        if let (Some(pilot), Some((_, Ok(first)))) = (shared.pilot(), reports.first_mut()) {
            first.pilot = Some((**pilot).clone());
            first.findings.extend(crate::pilot::findings(pilot));
        }
        // The report is formatted and written in the task, not on the UI thread.
        Action::run(Task::perform(
            jobs::write_report(path, reports),
            Message::Exported,
        ))
    }
}

impl WizardPage for Page {
    type Message = Message;

    /// After Configure or Restore there is no way back: the directory has changed.
    fn can_go_back(&self, shared: &Shared) -> bool {
        !matches!(
            shared.flow(),
            Flow::Configure | Flow::CloudSync | Flow::Restore
        )
    }

    fn busy(&self, _shared: &Shared) -> bool {
        !self.rechecking.is_empty() || self.piloting
    }

    /// After a change (configure, restore), check again; a diagnosis shows its own result.
    fn enter(&mut self, shared: &Shared) -> Action {
        self.export = None;
        if shared.flow() == Flow::Diagnose && shared.all_assessed() {
            return Action::none();
        }
        self.start(shared)
    }

    fn leave(&mut self) {
        if self.handle.take().is_some() {
            self.rechecking.clear();
        }
        if self.pilot_handle.take().is_some() {
            self.piloting = false;
        }
    }

    fn update(&mut self, message: Message, shared: &Shared) -> Action {
        match message {
            Message::Recheck(id, CheckEvent::Done(r)) => {
                self.rechecking.remove(&id);
                let pilot = match &r {
                    Ok(a) if id == shared.lead().id() => self.pilot_again(shared, a.clone()),
                    _ => None,
                };
                if self.rechecking.is_empty() {
                    self.handle = None;
                }
                if let Ok(a) = &r {
                    tracing::info!("checked again: ready = {}", a.report.ready);
                }
                let action = Action::intent(Intent::Assessed(id, r));
                return match pilot {
                    Some(task) => action.with(task),
                    None => action,
                };
            }
            Message::Piloted(r) => {
                self.piloting = false;
                self.pilot_handle = None;
                match r {
                    Ok(p) => return Action::intent(Intent::Pilot(Some(p))),
                    Err(e) => self.recheck_error = Some(e),
                }
            }
            Message::Recheck(..) => {}
            Message::CheckAgain => return self.start(shared),
            Message::Export(ext) => {
                return Action::run(Task::perform(
                    shared.dialogs().save(
                        Purpose::Report,
                        t!("complete-export"),
                        Some(PathBuf::from(format!("writeback-report.{ext}"))),
                        vec![Filter::new(ext.to_ascii_uppercase(), &[ext])],
                    ),
                    Message::ExportTo,
                ));
            }
            Message::ExportTo(None) => {}
            Message::ExportTo(Some(path)) => return self.export_to(path, shared),
            Message::Exported(r) => {
                if let Ok(p) = &r {
                    tracing::info!("report exported to {}", p.display());
                }
                self.export = Some(r);
            }
        }
        Action::none()
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let title = match shared.flow() {
            Flow::Diagnose => t!("complete-title-diagnose"),
            Flow::Restore => t!("complete-title-restore"),
            _ => t!("complete-title"),
        };
        let mut c = column![style::heading(title)].spacing(12);
        if let Some(done) = shared.done() {
            c = c.push(style::section(done_view(done)));
        }
        c = c.push(self.recheck_view(shared));
        c = c.push(self.export_view(shared));
        c.push(style::field(
            t!("complete-log"),
            match shared.log() {
                Ok(p) => p.display().to_string(),
                Err(e) => e.clone(),
            },
        ))
        .into()
    }
}

impl Page {
    /// The check again: each directory's verdict and its errors.
    fn recheck_view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let mut r = column![text(t!("complete-check-title")).size(16)].spacing(6);
        let several = shared.count() > 1;
        if !self.rechecking.is_empty() || self.piloting {
            r = r.push(style::note(t!("complete-checking")));
        } else if let Some(e) = &self.recheck_error {
            r = r.push(style::error_box(e.message.clone()));
        } else {
            for d in shared.rows() {
                if several {
                    r = r.push(text(d.label()).size(15));
                }
                match d.assessment() {
                    Some(Ok(a)) => r = r.push(verdict(&a.report)),
                    Some(Err(e)) => r = r.push(style::error_box(e.message.clone())),
                    None => {}
                }
            }
        }
        r = r.push(
            button(text(t!("checks-again")))
                .on_press_maybe(self.rechecking.is_empty().then_some(Message::CheckAgain)),
        );
        style::section(r)
    }

    fn export_view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let can_export =
            shared.rows().all(|r| r.assessment().is_some()) && self.rechecking.is_empty();
        let export = |label: String, ext: &'static str| {
            button(text(label)).on_press_maybe(can_export.then_some(Message::Export(ext)))
        };
        let mut e = column![
            text(t!("complete-export")).size(16),
            row![
                export("HTML".into(), "html"),
                export("JSON".into(), "json"),
                export("Markdown".into(), "md"),
            ]
            .spacing(8),
        ]
        .spacing(6);
        match &self.export {
            Some(Ok(p)) => {
                e = e.push(style::ok_box(t!(
                    "saved-to",
                    path = p.display().to_string()
                )))
            }
            Some(Err(err)) => e = e.push(style::error_box(err.message.clone())),
            None => {}
        }
        style::section(e)
    }
}

/// A report's verdict and its first errors.
fn verdict<'a>(rep: &crate::report::Report) -> Element<'a, Message> {
    let words = Words::current(Face::Wizard);
    let mut r = column![super::checks::summary(rep)].spacing(6);
    for f in rep
        .findings
        .iter()
        .filter(|f| f.severity == crate::check::Severity::Error)
        .take(10)
    {
        r = r.push(row![style::severity(f.severity), text(words.title(f)).size(13)].spacing(6));
    }
    if !rep.cloud.checked {
        r = r.push(style::note(t!("checks-cloud-skipped")));
    }
    r.into()
}

/// What Configure or Restore did.
fn done_view(done: &Done) -> iced::widget::Column<'_, Message> {
    match done {
        Done::Configured(c) => configured_view(c),
        Done::Restored { report, backup } => column![
            text(t!(
                "complete-restored",
                restored = report.restored.len(),
                unchanged = report.unchanged.len()
            ))
            .size(15),
            style::field(t!("complete-backup"), backup.display().to_string()),
        ]
        .spacing(6),
    }
}

/// What Configure wrote in each directory, where the backups are, and the writeback switch.
fn configured_view(c: &Configured) -> iced::widget::Column<'_, Message> {
    let several = c.directories.len() > 1;
    let mut d =
        column![text(t!("complete-written", count = crate::words::n(c.written()))).size(15)]
            .spacing(6);
    for dir in &c.directories {
        if several {
            d = d.push(text(t!(
                "configure-directory-done",
                label = dir.label.as_str(),
                count = crate::words::n(dir.written)
            )));
        }
        for change in &dir.changes {
            d = d.push(text(format!("• {change}")).size(13));
        }
        if let (true, Some(b)) = (several, &dir.backup) {
            d = d.push(style::note(t!(
                "complete-directory-backup",
                path = b.display().to_string()
            )));
        }
    }
    if let Some(s) = &c.stopped {
        d = d.push(style::error_box(s.clone()));
    }
    let run = c.run_file.display().to_string();
    d = d.push(style::field(t!("complete-backup"), run.clone()));
    d = d.push(style::note(t!("complete-restore-how", path = run)));
    match &c.writeback {
        Some(Ok(())) if c.cloud_sync => {
            d = d.push(style::ok_box(t!("configure-enabled-cloud-sync")))
        }
        Some(Ok(())) => d = d.push(style::ok_box(t!("configure-enabled"))),
        Some(Err(e)) => {
            d = d.push(style::error_box(t!(
                "configure-enable-failed",
                reason = e.as_str()
            )))
        }
        None => {}
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::pages::step;

    #[test]
    fn export_without_a_report_writes_nothing() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(step(&mut p, Message::Export("html"), &mut s).is_run());
        assert!(
            step(
                &mut p,
                Message::ExportTo(Some("/tmp/r.html".into())),
                &mut s
            )
            .is_none()
        );
    }
}
