//! Page 10 — Configuring: the backup, then each change with live log lines; Cancel takes effect
//! between objects, never in the middle of a write; then writeback on the sync server.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use iced::widget::{column, progress_bar, text};
use iced::{Element, Task};

use crate::engine::write::RunEvent;
use crate::engine::write::switches::{HybridAdmin, Switch};
use crate::gui::jobs::{self, ApplyEvent, ApplyParams};
use crate::gui::shared::{Done, Shared};
use crate::gui::style;
use crate::plan::apply::Event;
use crate::t;

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
    pub step: usize,
    pub total: usize,
    pub error: Option<String>,
    cancel: Arc<AtomicBool>,
    written: usize,
    /// The plan's changes in words, and those written so far.
    summaries: Vec<String>,
    changed: Vec<String>,
    /// What was done in each other directory.
    others: Vec<String>,
    /// Each directory's name, in the run's order, and the other directories' backups.
    labels: Vec<String>,
    backups: std::collections::HashMap<usize, std::path::PathBuf>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    fn finish(&mut self) {
        self.running = false;
        self.finished = true;
    }

    /// A step of the run: the first directory's in detail (its progress bar and log), each
    /// other directory's when it is done.
    fn run_event(&mut self, e: RunEvent) {
        let line = match e {
            RunEvent::Directory { .. } => return,
            RunEvent::BackedUp { index, path, .. } if index > 0 => {
                self.backups.insert(index, path);
                return;
            }
            RunEvent::BackedUp { path, entries, .. } => t!(
                "configure-backed-up",
                entries = crate::words::n(entries),
                path = path.display().to_string()
            ),
            RunEvent::Step { index, event } if index > 0 => {
                let _ = event;
                return;
            }
            RunEvent::Step { event, .. } => self.step_line(event),
            RunEvent::Done { index: 0, .. } => return,
            RunEvent::Done { index, written } => {
                let line = t!(
                    "configure-other-done",
                    label = self.labels.get(index).cloned().unwrap_or_default(),
                    count = crate::words::n(written),
                    path = self
                        .backups
                        .get(&index)
                        .map(|p| p.display().to_string())
                        .unwrap_or_default()
                );
                self.others.push(line.clone());
                line
            }
        };
        tracing::info!("configure: {line}");
        self.lines.push(line);
    }

    /// A step of the first directory's writes, in words.
    fn step_line(&mut self, e: Event) -> String {
        match e {
            Event::Writing { index, total, dn } => {
                self.step = index;
                t!(
                    "configure-writing",
                    n = (index + 1).to_string(),
                    total = total.to_string(),
                    dn = dn.as_str()
                )
            }
            Event::Verified { index, dn } => {
                self.step = index + 1;
                self.written += 1;
                if let Some(s) = self.summaries.get(index) {
                    self.changed.push(s.clone());
                }
                t!("configure-verified", dn = dn.as_str())
            }
            Event::AlreadyDone { index, dn } => {
                self.step = index + 1;
                t!("configure-already", dn = dn.as_str())
            }
        }
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.running
    }

    fn enter(&mut self, shared: &mut Shared) -> Task<Message> {
        *self = Self::default();
        let (Ok(directories), Some(planned)) = (shared.directories(), shared.planned.clone())
        else {
            self.error = Some(t!("configure-nothing-to-do"));
            self.finished = true;
            return Task::none();
        };
        let enable_writeback = super::ready::Page::will_enable_writeback(shared);
        self.total = planned.plan.changes.len();
        let words = crate::words::Words::current(crate::words::Face::Wizard);
        self.summaries = planned
            .plan
            .changes
            .iter()
            .map(|c| format!("{} ({})", words.change(c), c.dn))
            .collect();
        // The first directory with its plan, then each other one that has a plan.
        let mut plans = vec![Arc::new(planned.plan.clone())];
        let others_planned = shared.others_planned.clone().unwrap_or_default();
        let mut runs = Vec::new();
        for (i, dir) in directories.into_iter().enumerate() {
            let plan = if i == 0 {
                plans.pop()
            } else {
                others_planned
                    .get(i - 1)
                    .and_then(|(_, p)| p.as_ref().ok())
                    .map(|p| Arc::new(p.plan.clone()))
            };
            if let Some(plan) = plan {
                runs.push((dir, plan));
            }
        }
        self.labels = runs.iter().map(|(d, _)| d.label.clone()).collect();
        let to_write = runs.iter().any(|(_, p)| !p.is_empty());
        if !to_write && !enable_writeback {
            self.lines.push(t!("configure-nothing-to-change"));
            self.finished = true;
            shared.set_done(Some(Done::Configured {
                written: 0,
                changes: Vec::new(),
                backup: shared.backup_path.clone(),
                writeback: None,
                cloud_sync: shared.flow == crate::gui::shared::Flow::CloudSync,
                others: Vec::new(),
                stopped: None,
            }));
            return Task::none();
        }
        tracing::info!(
            "configure: {} change(s) in {} director(ies), run file {}",
            self.total,
            runs.len(),
            shared.backup_path.display()
        );
        self.running = true;
        let switch = if super::ready::Page::will_enable_cloud_sync(shared) {
            Some(Switch::CloudSync(HybridAdmin {
                user: shared.hybrid_admin.trim().to_string(),
                password: shared.hybrid_admin_password.clone(),
            }))
        } else {
            enable_writeback.then_some(Switch::ConnectSync)
        };
        let params = ApplyParams {
            directories: runs,
            manifest: shared.backup_path.clone(),
            cancel: self.cancel.clone(),
            switch,
            powershell: shared.powershell.clone(),
        };
        shared.set_done(None);
        // Not abortable on purpose: stopping is the cancel flag's job, between objects, and
        // leaving the page is not possible while it runs.
        Task::run(jobs::apply(params), Message::Event)
    }

    /// Previous is off while writing and after it (the plan is spent).
    fn can_go_back(&self, _shared: &Shared) -> bool {
        false
    }

    fn can_continue(&self, _shared: &Shared) -> bool {
        self.finished && !self.running
    }

    fn update(&mut self, message: Message, shared: &mut Shared) -> Action {
        match message {
            Message::Cancel => {
                if self.running && !self.cancel.swap(true, Ordering::SeqCst) {
                    tracing::info!("configure: cancel requested");
                    self.lines.push(t!("configure-cancelling"));
                }
            }
            Message::Event(ApplyEvent::Run(e)) => self.run_event(e),
            Message::Event(ApplyEvent::Note(n)) => self.lines.push(n),
            Message::Event(ApplyEvent::Done(r)) => {
                let (written, stopped) = match r {
                    Ok(n) => {
                        let first = n.first().copied().unwrap_or(0);
                        self.lines.push(t!("configure-done", count = first));
                        (first, None)
                    }
                    Err((e, n)) => {
                        tracing::warn!("configure stopped: {}", e.message);
                        self.error = Some(e.message.clone());
                        (n.first().copied().unwrap_or(0), Some(e.message))
                    }
                };
                let will_enable =
                    stopped.is_none() && super::ready::Page::will_enable_writeback(shared);
                shared.set_done(Some(Done::Configured {
                    written,
                    changes: self.changed.clone(),
                    backup: shared.backup_path.clone(),
                    writeback: None,
                    cloud_sync: shared.flow == crate::gui::shared::Flow::CloudSync,
                    others: self.others.clone(),
                    stopped,
                }));
                if !will_enable {
                    self.finish();
                }
            }
            Message::Event(ApplyEvent::EnablingWriteback) => {
                self.lines
                    .push(if shared.flow == crate::gui::shared::Flow::CloudSync {
                        t!("configure-enabling-cloud-sync")
                    } else {
                        t!("configure-enabling")
                    });
            }
            Message::Event(ApplyEvent::WritebackEnabled(r)) => {
                let result = r.map_err(|e| e.message);
                let cloud_sync = shared.flow == crate::gui::shared::Flow::CloudSync;
                self.lines.push(match &result {
                    Ok(()) if cloud_sync => t!("configure-enabled-cloud-sync"),
                    Ok(()) => t!("configure-enabled"),
                    Err(e) => t!("configure-enable-failed", reason = e.as_str()),
                });
                if let Some(Done::Configured { writeback, .. }) = &mut shared.done {
                    *writeback = Some(result);
                }
                self.finish();
            }
        }
        Action::None
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
                path = shared.backup_path.display().to_string()
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

    #[test]
    fn cancel_sets_the_flag_once_and_the_engine_result_finishes_the_page() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        p.running = true;
        p.update(Message::Cancel, &mut s);
        p.update(Message::Cancel, &mut s);
        assert!(p.cancel.load(Ordering::SeqCst));
        assert_eq!(p.lines.len(), 1);
        assert!(!p.can_continue(&s));
        p.update(
            Message::Event(ApplyEvent::Done(Err((
                UiError::other("cancelled after 1"),
                vec![1],
            )))),
            &mut s,
        );
        assert!(p.can_continue(&s));
        assert!(matches!(
            s.done,
            Some(Done::Configured {
                written: 1,
                stopped: Some(_),
                ..
            })
        ));
    }

    #[test]
    fn without_a_plan_there_is_nothing_to_configure() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        let _ = p.enter(&mut s);
        assert!(p.finished && p.error.is_some());
    }
}
