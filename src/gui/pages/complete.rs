//! Page 11 — Configuration complete: what changed, the backup and how to restore it, the result of
//! checking again, "Export report" (HTML / JSON / Markdown), the log folder, "Exit".

use std::path::PathBuf;

use iced::widget::{button, column, row, text};
use iced::{Element, Task};

use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::jobs::{self, CheckEvent, UiError};
use crate::gui::shared::{Done, Flow, Shared};
use crate::gui::style;
use crate::t;

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    Recheck(CheckEvent),
    CheckAgain,
    Export(&'static str),
    ExportTo(Option<PathBuf>),
    Exported(Result<PathBuf, UiError>),
}

#[derive(Default)]
pub struct Page {
    pub rechecking: bool,
    pub recheck_error: Option<UiError>,
    pub export: Option<Result<PathBuf, UiError>>,
    handle: Option<iced::task::Handle>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    fn start(&mut self, shared: &mut Shared) -> Task<Message> {
        let Ok(params) = shared.check_params() else {
            return Task::none();
        };
        self.rechecking = true;
        self.recheck_error = None;
        shared.set_assessment(None);
        let (task, handle) =
            super::abortable(Task::run(jobs::run_checks(params), Message::Recheck));
        self.handle = Some(handle);
        task
    }
}

impl WizardPage for Page {
    type Message = Message;

    /// After Configure or Restore there is no way back: the directory has changed.
    fn can_go_back(&self, shared: &Shared) -> bool {
        !matches!(
            shared.flow,
            crate::gui::shared::Flow::Configure
                | crate::gui::shared::Flow::CloudSync
                | crate::gui::shared::Flow::Restore
        )
    }

    fn busy(&self, _shared: &Shared) -> bool {
        self.rechecking
    }

    /// After a change (configure, restore), check again; a diagnosis shows its own result.
    fn enter(&mut self, shared: &mut Shared) -> Task<Message> {
        self.export = None;
        if shared.flow == Flow::Diagnose && shared.assessment.is_some() {
            return Task::none();
        }
        self.start(shared)
    }

    fn leave(&mut self) {
        if self.handle.take().is_some() {
            self.rechecking = false;
        }
    }

    fn update(&mut self, message: Message, shared: &mut Shared) -> Action {
        match message {
            Message::Recheck(CheckEvent::Done(r)) => {
                self.rechecking = false;
                self.handle = None;
                match r {
                    Ok(a) => {
                        tracing::info!("checked again: ready = {}", a.report.ready);
                        shared.set_assessment(Some(a));
                    }
                    Err(e) => self.recheck_error = Some(e),
                }
            }
            Message::Recheck(_) => {}
            Message::CheckAgain => return Action::Run(self.start(shared)),
            Message::Export(ext) => {
                return Action::Run(Task::perform(
                    shared.dialogs.save(
                        Purpose::Report,
                        t!("complete-export"),
                        Some(PathBuf::from(format!("writeback-report.{ext}"))),
                        vec![Filter::new(ext.to_ascii_uppercase(), &[ext])],
                    ),
                    Message::ExportTo,
                ));
            }
            Message::ExportTo(None) => {}
            Message::ExportTo(Some(path)) => {
                let Some(a) = shared.assessment.clone() else {
                    return Action::None;
                };
                let pilot = shared.pilot.clone();
                // The report is assembled and formatted in the task, not on the UI thread.
                return Action::Run(Task::perform(
                    async move {
                        let mut report = a.report.clone();
                        report.pilot = pilot.as_deref().cloned();
                        if let Some(p) = &report.pilot {
                            report.findings.extend(crate::pilot::findings(p));
                        }
                        let text = jobs::report_text(&report, &path);
                        jobs::write_file(path, text).await
                    },
                    Message::Exported,
                ));
            }
            Message::Exported(r) => {
                if let Ok(p) = &r {
                    tracing::info!("report exported to {}", p.display());
                }
                self.export = Some(r);
            }
        }
        Action::None
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let title = match shared.flow {
            Flow::Diagnose => t!("complete-title-diagnose"),
            Flow::Restore => t!("complete-title-restore"),
            _ => t!("complete-title"),
        };
        let mut c = column![style::heading(title)].spacing(12);
        if let Some(done) = &shared.done {
            c = c.push(style::section(done_view(done)));
        }
        let mut r = column![text(t!("complete-check-title")).size(16)].spacing(6);
        if self.rechecking {
            r = r.push(style::note(t!("complete-checking")));
        } else if let Some(e) = &self.recheck_error {
            r = r.push(style::error_box(e.message.clone()));
        } else if let Some(a) = &shared.assessment {
            let rep = &a.report;
            r = r.push(super::checks::summary(rep));
            for f in rep
                .findings
                .iter()
                .filter(|f| f.severity == crate::check::Severity::Error)
                .take(10)
            {
                r = r.push(
                    row![
                        style::severity(f.severity),
                        text(crate::words::finding_title(f)).size(13)
                    ]
                    .spacing(6),
                );
            }
            if !rep.cloud.checked {
                r = r.push(style::note(t!("checks-cloud-skipped")));
            }
        }
        r = r.push(
            button(text(t!("checks-again")))
                .on_press_maybe((!self.rechecking).then_some(Message::CheckAgain)),
        );
        c = c.push(style::section(r));
        let can_export = shared.assessment.is_some() && !self.rechecking;
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
        c = c.push(style::section(e));
        c = c.push(style::field(
            t!("complete-log"),
            match &shared.log {
                Ok(p) => p.display().to_string(),
                Err(e) => e.clone(),
            },
        ));
        c.into()
    }
}

/// What Configure or Restore did.
fn done_view(done: &Done) -> iced::widget::Column<'_, Message> {
    match done {
        Done::Configured {
            written,
            changes,
            backup,
            writeback,
            cloud_sync,
            others,
            stopped,
        } => {
            let mut d =
                column![text(t!("complete-written", count = crate::words::n(*written))).size(15)]
                    .spacing(6);
            for change in changes {
                d = d.push(text(format!("• {change}")).size(13));
            }
            if let Some(s) = stopped {
                d = d.push(style::error_box(s.clone()));
            }
            d = d.push(style::field(
                t!("complete-backup"),
                backup.display().to_string(),
            ));
            d = d.push(style::note(t!(
                "complete-restore-how",
                path = backup.display().to_string()
            )));
            for line in others {
                d = d.push(style::note(line.clone()));
            }
            match writeback {
                Some(Ok(())) if *cloud_sync => {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_without_a_report_writes_nothing() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(p.update(Message::Export("html"), &mut s).is_run());
        assert!(
            p.update(Message::ExportTo(Some("/tmp/r.html".into())), &mut s)
                .is_none()
        );
    }
}
