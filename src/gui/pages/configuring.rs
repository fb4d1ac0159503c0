//! Page 10 — Configuring: every directory of the run in turn — its backup, then each change with
//! live log lines; Cancel takes effect between objects, never in the middle of a write; then
//! writeback on the sync server.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use iced::widget::{column, progress_bar, text};
use iced::{Element, Task};

use crate::engine::write::RunEvent;
use crate::engine::write::switches::{HybridAdmin, Switch};
use crate::gui::intent::Intent;
use crate::gui::jobs::{self, ApplyEvent, ApplyParams};
use crate::gui::shared::{Configured, DirectoryDone, Done, Flow, Shared};
use crate::gui::style;
use crate::plan::Plan;
use crate::plan::apply::Event;
use crate::t;
use crate::words::{Face, Words};

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    Event(ApplyEvent),
    Cancel,
}

#[derive(Default)]
pub struct Page {
    pub running: bool,
    pub finished: bool,
    pub lines: Vec<String>,
    /// Changes done, of `total`, over every directory.
    pub step: usize,
    pub total: usize,
    pub error: Option<String>,
    cancel: Arc<AtomicBool>,
    /// Each directory of the run: its label, its changes in words, and what was done there.
    done: Vec<DirectoryDone>,
    summaries: Vec<Vec<String>>,
    /// Where each directory's changes start in the count of all.
    offsets: Vec<usize>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    fn finish(&mut self) {
        self.running = false;
        self.finished = true;
    }

    /// A step of the run, in words, under its directory's name when there are several.
    fn run_event(&mut self, e: RunEvent) {
        let several = self.done.len() > 1;
        let line = match e {
            RunEvent::Directory { label, .. } if several => {
                t!("configure-directory", label = label.as_str())
            }
            RunEvent::Directory { .. } => return,
            RunEvent::BackedUp {
                index,
                path,
                entries,
            } => {
                let line = t!(
                    "configure-backed-up",
                    entries = crate::words::n(entries),
                    path = path.display().to_string()
                );
                if let Some(d) = self.done.get_mut(index) {
                    d.backup = Some(path);
                }
                line
            }
            RunEvent::Step { index, event } => self.step_line(index, event),
            RunEvent::Done { index, written } => {
                let Some(d) = self.done.get_mut(index) else {
                    return;
                };
                d.written = written;
                t!(
                    "configure-directory-done",
                    label = d.label.as_str(),
                    count = crate::words::n(written)
                )
            }
        };
        tracing::info!("configure: {line}");
        self.lines.push(line);
    }

    /// A step of directory `dir`'s writes, in words.
    fn step_line(&mut self, dir: usize, e: Event) -> String {
        let offset = self.offsets.get(dir).copied().unwrap_or(0);
        match e {
            Event::Writing { index, total, dn } => {
                self.step = offset + index;
                t!(
                    "configure-writing",
                    n = (index + 1).to_string(),
                    total = total.to_string(),
                    dn = dn.as_str()
                )
            }
            Event::Verified { index, dn } => {
                self.step = offset + index + 1;
                let change = self.summaries.get(dir).and_then(|s| s.get(index)).cloned();
                if let (Some(d), Some(c)) = (self.done.get_mut(dir), change) {
                    d.changes.push(c);
                }
                t!("configure-verified", dn = dn.as_str())
            }
            Event::AlreadyDone { index, dn } => {
                self.step = offset + index + 1;
                t!("configure-already", dn = dn.as_str())
            }
        }
    }

    /// What was done, for the Complete page.
    fn configured(&self, shared: &Shared, stopped: Option<String>) -> Done {
        Done::Configured(Configured {
            directories: self.done.clone(),
            run_file: shared.backup_path().clone(),
            writeback: None,
            cloud_sync: shared.flow() == Flow::CloudSync,
            stopped,
        })
    }

    /// The directories with a plan, in the run's order, each with its changes in words.
    fn runs(
        &mut self,
        shared: &Shared,
    ) -> Result<Vec<(crate::engine::Directory, Arc<Plan>)>, String> {
        let words = Words::current(Face::Wizard);
        let mut runs = Vec::new();
        for r in shared.rows() {
            let Some(p) = r.plan() else { continue };
            let dir = r.directory().map_err(|e| e.message)?;
            self.offsets.push(self.total);
            self.total += p.plan.changes.len();
            self.summaries.push(
                p.plan
                    .changes
                    .iter()
                    .map(|c| format!("{} ({})", words.change(c), c.dn))
                    .collect(),
            );
            self.done.push(DirectoryDone {
                label: dir.label.clone(),
                ..Default::default()
            });
            runs.push((dir, Arc::new(p.plan.clone())));
        }
        Ok(runs)
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.running
    }

    fn enter(&mut self, shared: &Shared) -> Action {
        *self = Self::default();
        let runs = match self.runs(shared) {
            Ok(r) if !r.is_empty() => r,
            Ok(_) => {
                self.error = Some(t!("configure-nothing-to-do"));
                self.finished = true;
                return Action::none();
            }
            Err(e) => {
                self.error = Some(e);
                self.finished = true;
                return Action::none();
            }
        };
        let enable_writeback = shared.will_enable_writeback();
        if self.total == 0 && !enable_writeback {
            self.lines.push(t!("configure-nothing-to-change"));
            self.finished = true;
            return Action::intent(Intent::Done(Some(self.configured(shared, None))));
        }
        tracing::info!(
            "configure: {} change(s) in {} director(ies), run file {}",
            self.total,
            runs.len(),
            shared.backup_path().display()
        );
        self.running = true;
        let switch = match shared.flow() {
            Flow::CloudSync if enable_writeback => Some(Switch::CloudSync(HybridAdmin {
                user: shared.hybrid_admin().trim().to_string(),
                password: shared.hybrid_admin_password().clone(),
            })),
            Flow::CloudSync => None,
            _ => enable_writeback.then_some(Switch::ConnectSync),
        };
        let params = ApplyParams {
            directories: runs,
            manifest: shared.backup_path().clone(),
            cancel: self.cancel.clone(),
            switch,
            powershell: shared.powershell().clone(),
        };
        // Not abortable on purpose: stopping is the cancel flag's job, between objects, and
        // leaving the page is not possible while it runs.
        Action::intent(Intent::Done(None)).with(Task::run(jobs::apply(params), Message::Event))
    }

    /// Previous is off while writing and after it (the plan is spent).
    fn can_go_back(&self, _shared: &Shared) -> bool {
        false
    }

    fn can_continue(&self, _shared: &Shared) -> bool {
        self.finished && !self.running
    }

    fn update(&mut self, message: Message, shared: &Shared) -> Action {
        let cloud_sync = shared.flow() == Flow::CloudSync;
        match message {
            Message::Cancel => {
                if self.running && !self.cancel.swap(true, Ordering::SeqCst) {
                    tracing::info!("configure: cancel requested");
                    self.lines.push(t!("configure-cancelling"));
                }
            }
            Message::Event(ApplyEvent::Run(e)) => self.run_event(e),
            Message::Event(ApplyEvent::Note(n)) => self.lines.push(n),
            Message::Event(ApplyEvent::Baseline(label, saved)) => self.lines.push(match saved {
                Ok(path) => t!(
                    "configure-baseline",
                    label = label.as_str(),
                    path = path.display().to_string()
                ),
                Err(e) => t!(
                    "configure-baseline-failed",
                    label = label.as_str(),
                    reason = e.message.as_str()
                ),
            }),
            Message::Event(ApplyEvent::Done(r)) => {
                let stopped = match r {
                    Ok(written) => {
                        let all: usize = written.iter().sum();
                        self.lines.push(t!("configure-done", count = all));
                        None
                    }
                    Err((e, written)) => {
                        for (d, n) in self.done.iter_mut().zip(written) {
                            d.written = n;
                        }
                        tracing::warn!("configure stopped: {}", e.message);
                        self.error = Some(e.message.clone());
                        Some(e.message)
                    }
                };
                if stopped.is_some() || !shared.will_enable_writeback() {
                    self.finish();
                }
                return Action::intent(Intent::Done(Some(self.configured(shared, stopped))));
            }
            Message::Event(ApplyEvent::EnablingWriteback) => self.lines.push(if cloud_sync {
                t!("configure-enabling-cloud-sync")
            } else {
                t!("configure-enabling")
            }),
            Message::Event(ApplyEvent::WritebackEnabled(r)) => {
                let result = r.map_err(|e| e.message);
                self.lines.push(match &result {
                    Ok(()) if cloud_sync => t!("configure-enabled-cloud-sync"),
                    Ok(()) => t!("configure-enabled"),
                    Err(e) => t!("configure-enable-failed", reason = e.as_str()),
                });
                self.finish();
                return Action::intent(Intent::WritebackSwitched(result));
            }
        }
        Action::none()
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let mut c = column![
            style::heading(t!("configure-title")),
            style::lead(if self.running {
                t!("configure-lead-running")
            } else {
                t!("configure-lead-finished")
            }),
        ]
        .spacing(12);
        if self.total > 0 {
            c = c.push(progress_bar(0.0..=self.total as f32, self.step as f32));
            c = c.push(text(t!("configure-progress", n = self.step, total = self.total)).size(14));
        }
        let mut log = column![].spacing(2);
        for l in &self.lines {
            log = log.push(style::mono(l.clone()));
        }
        c = c.push(style::section(log));
        if let Some(e) = &self.error {
            c = c.push(style::error_box(e.clone()));
            c = c.push(style::note(t!(
                "configure-restore-hint",
                path = shared.backup_path().display().to_string()
            )));
        }
        if self.running {
            c = c.push(style::note(t!("configure-cancel-hint")));
        }
        c.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::jobs::UiError;
    use crate::gui::pages::step;

    #[test]
    fn cancel_sets_the_flag_once_and_the_engine_result_finishes_the_page() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        p.running = true;
        p.done = vec![DirectoryDone::default()];
        step(&mut p, Message::Cancel, &mut s);
        step(&mut p, Message::Cancel, &mut s);
        assert!(p.cancel.load(Ordering::SeqCst));
        assert_eq!(p.lines.len(), 1);
        assert!(!p.can_continue(&s));
        let stopped = Err((UiError::plain("cancelled after 1"), vec![1]));
        step(&mut p, Message::Event(ApplyEvent::Done(stopped)), &mut s);
        assert!(p.can_continue(&s));
        let Some(Done::Configured(c)) = s.done() else {
            panic!("{:?}", s.done());
        };
        assert_eq!(c.written(), 1);
        assert!(c.stopped.is_some());
    }

    #[test]
    fn without_a_plan_there_is_nothing_to_configure() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        let a = p.enter(&s);
        s.apply_all(a.intents);
        assert!(p.finished && p.error.is_some());
    }
}
