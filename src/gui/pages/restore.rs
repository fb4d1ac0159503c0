//! The restore path: choose a run's file (or one backup) → preview (each backup in the directory
//! of its domain, what a restore writes to the values as they are now: only what Configure
//! added is taken back, other changes stay) → restore → verify. The engine does each step
//! (`engine::write`), the same as the command line's `restore`.

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, column, text};
use iced::{Element, Task};

use crate::engine::write::{RestorePart, RunFiles};
use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::intent::Intent;
use crate::gui::jobs::{self, RestoreEvent, UiError};
use crate::gui::shared::{Done, Shared};
use crate::gui::style;
use crate::t;

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    Choose,
    Chosen(Option<PathBuf>),
    /// The run's file (or a single backup) and every backup it lists, read and checked.
    Opened(PathBuf, Result<Arc<RunFiles>, UiError>),
    /// Each backup in the directory of its domain, with what a restore writes there.
    Prepared(Result<Arc<Vec<RestorePart>>, UiError>),
    Restore,
    Event(RestoreEvent),
}

#[derive(Default)]
pub struct Page {
    pub files: Option<(PathBuf, Arc<RunFiles>)>,
    /// What a restore would write now (read from the directories).
    pub parts: Option<Arc<Vec<RestorePart>>>,
    pub preparing: bool,
    pub running: bool,
    pub lines: Vec<String>,
    pub error: Option<UiError>,
    pub restored: bool,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many values the restore writes, in every directory.
    fn writes(&self) -> usize {
        self.parts
            .as_ref()
            .map_or(0, |p| p.iter().map(RestorePart::writes).sum())
    }

    /// One backup and what a restore writes from it.
    fn part_view<'a>(part: &'a RestorePart) -> Element<'a, Message> {
        let b = &part.loaded.backup;
        let mut d = column![
            style::field(t!("restore-file"), part.path.display().to_string()),
            style::field(
                t!("restore-domain"),
                format!("{} ({})", b.domain_dn, b.domain_sid)
            ),
            style::field(t!("restore-made"), format!("{} — {}", b.time, b.dc)),
            text(t!("restore-preview", count = part.writes())).size(15),
        ]
        .spacing(4);
        let words = crate::words::Words::current(crate::words::Face::Wizard);
        if !part.loaded.authenticity.is_authenticated() {
            d = d.push(style::note(t!(
                "restore-not-authenticated",
                why = words.authenticity(&part.loaded.authenticity)
            )));
        }
        for i in &part.items {
            let mut e = column![
                text(format!("{} ({})", i.dn, i.attribute)).size(13),
                style::note(words.restore_note(i)),
            ]
            .spacing(2);
            for l in &i.diff {
                e = e.push(style::mono(l.clone()));
            }
            d = d.push(e);
        }
        style::section(d)
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.running
    }

    fn can_go_back(&self, _shared: &Shared) -> bool {
        !self.running
    }

    fn can_continue(&self, _shared: &Shared) -> bool {
        self.restored && !self.running
    }

    fn update(&mut self, message: Message, shared: &Shared) -> Action {
        match message {
            Message::Choose => {
                return Action::run(Task::perform(
                    shared.dialogs().open(
                        Purpose::Restore,
                        t!("restore-choose"),
                        vec![Filter::new(t!("filter-backup"), &["json"])],
                    ),
                    Message::Chosen,
                ));
            }
            Message::Chosen(None) => {}
            Message::Chosen(Some(path)) => {
                *self = Self::default();
                let p = path.clone();
                return Action::run(Task::perform(jobs::open_run(path), move |r| {
                    Message::Opened(p.clone(), r)
                }));
            }
            Message::Opened(_, Err(e)) => self.error = Some(e),
            Message::Opened(path, Ok(files)) => {
                self.files = Some((path, files.clone()));
                let directories = match shared.engine_directories() {
                    Ok(d) => d,
                    Err(e) => {
                        self.error = Some(e);
                        return Action::none();
                    }
                };
                self.preparing = true;
                return Action::run(Task::perform(
                    jobs::prepare_restore(directories, files),
                    Message::Prepared,
                ));
            }
            Message::Prepared(r) => {
                self.preparing = false;
                match r {
                    Ok(parts) => self.parts = Some(parts),
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Restore => {
                let (Some((path, _)), Some(parts)) = (self.files.clone(), self.parts.clone())
                else {
                    return Action::none();
                };
                tracing::info!("restore from {}", path.display());
                self.running = true;
                self.error = None;
                self.lines.clear();
                // Not abortable: a restore in progress finishes (writing half the originals
                // back helps nobody), and Previous is off meanwhile.
                return Action::run(Task::run(jobs::restore(parts), Message::Event));
            }
            Message::Event(RestoreEvent::Line(l)) => self.lines.push(l),
            Message::Event(RestoreEvent::Done(r)) => {
                self.running = false;
                match r {
                    Ok(report) => {
                        self.restored = true;
                        let backup = self.files.as_ref().map(|f| f.0.clone()).unwrap_or_default();
                        return Action::intent(Intent::ForgetResults)
                            .and(Intent::Done(Some(Done::Restored { report, backup })));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
        }
        Action::none()
    }

    fn view<'a>(&'a self, _shared: &'a Shared) -> Element<'a, Message> {
        let mut c = column![
            style::heading(t!("restore-title")),
            style::lead(t!("restore-lead")),
            button(text(t!("restore-choose")))
                .on_press_maybe((!self.running).then_some(Message::Choose)),
        ]
        .spacing(12);
        if let Some((path, files)) = &self.files {
            c = c.push(style::field(t!("restore-file"), path.display().to_string()));
            if let Some((_, why)) = &files.manifest
                && !why.is_authenticated()
            {
                let words = crate::words::Words::current(crate::words::Face::Wizard);
                c = c.push(style::note(t!(
                    "restore-run-not-authenticated",
                    why = words.authenticity(why)
                )));
            }
            match &self.parts {
                None if self.preparing => c = c.push(style::note(t!("restore-preparing"))),
                None => {}
                Some(parts) => {
                    for part in parts.iter() {
                        c = c.push(Self::part_view(part));
                    }
                    let writes = self.writes();
                    if !self.restored && writes > 0 && !self.preparing {
                        c = c.push(
                            button(text(if self.running {
                                t!("restore-running")
                            } else {
                                t!("restore-button")
                            }))
                            .on_press_maybe((!self.running).then_some(Message::Restore))
                            .style(iced::widget::button::danger),
                        );
                    }
                }
            }
        }
        if !self.lines.is_empty() {
            let mut log = column![].spacing(2);
            for l in &self.lines {
                log = log.push(style::mono(l.clone()));
            }
            c = c.push(style::section(log));
        }
        if let Some(e) = &self.error {
            c = c.push(style::error_box(e.message.clone()));
        }
        if self.restored {
            c = c.push(style::ok_box(t!("restore-done")));
        }
        c.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::pages::step;

    #[test]
    fn a_damaged_backup_is_refused_before_anything_is_offered() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        step(
            &mut p,
            Message::Opened("b.json".into(), Err(UiError::plain("truncated"))),
            &mut s,
        );
        assert!(p.files.is_none() && p.error.is_some());
        assert!(step(&mut p, Message::Restore, &mut s).is_none());
        assert!(!p.can_continue(&s));
    }
}
