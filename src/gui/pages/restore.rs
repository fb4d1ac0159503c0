//! The restore path: choose a backup → preview (what a restore writes to the values as they are
//! now: only what Configure added is taken back, other changes stay) → restore → verify.

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, column, text};
use iced::{Element, Task};

use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::jobs::{self, RestoreEvent, UiError};
use crate::gui::shared::{Done, Shared};
use crate::gui::style;
use crate::plan::backup::{Backup, RestoreItem};
use crate::t;

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    Choose,
    Chosen(Option<PathBuf>),
    Loaded(PathBuf, Result<Arc<Backup>, UiError>),
    /// The directory the backup belongs to (of the first one and the others).
    Located(PathBuf, Result<Box<jobs::DirectoryParams>, UiError>),
    Prepared(Result<Arc<Vec<RestoreItem>>, UiError>),
    /// The other directories' backups of the same run, prepared.
    Siblings(Result<Vec<jobs::RestorePart>, UiError>),
    Restore,
    Event(RestoreEvent),
}

#[derive(Default)]
pub struct Page {
    pub backup: Option<(PathBuf, Arc<Backup>)>,
    /// What a restore would write now (read from the directory).
    pub items: Option<Arc<Vec<RestoreItem>>>,
    pub preparing: bool,
    pub running: bool,
    pub lines: Vec<String>,
    pub error: Option<UiError>,
    pub restored: bool,
    /// Where the backup is restored: the directory whose domain it was made in.
    params: Option<jobs::DirectoryParams>,
    /// The other directories' backups of the same Configure, restored with it.
    pub more: Vec<jobs::RestorePart>,
    /// Backups of the same Configure for directories not on "Connect your directories": said,
    /// never silently left out.
    pub unmatched: usize,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads what a restore of `backup` would write in the directory `params` reaches.
    fn prepare(&mut self, params: jobs::DirectoryParams, b: Arc<Backup>, path: PathBuf) -> Action {
        self.params = Some(params.clone());
        self.preparing = true;
        Action::Run(Task::perform(
            jobs::prepare_restore(params, b, path),
            Message::Prepared,
        ))
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.running
    }

    fn enter(&mut self, _shared: &mut Shared) -> Task<Message> {
        Task::none()
    }

    fn can_go_back(&self, _shared: &Shared) -> bool {
        !self.running
    }

    fn can_continue(&self, _shared: &Shared) -> bool {
        self.restored && !self.running
    }

    fn update(&mut self, message: Message, shared: &mut Shared) -> Action {
        match message {
            Message::Choose => {
                return Action::Run(Task::perform(
                    shared.dialogs.open(
                        Purpose::Restore,
                        t!("restore-choose"),
                        vec![Filter::new(t!("filter-backup"), &["json"])],
                    ),
                    Message::Chosen,
                ));
            }
            Message::Chosen(None) => {}
            Message::Chosen(Some(path)) => {
                self.error = None;
                self.backup = None;
                self.items = None;
                self.more.clear();
                self.unmatched = 0;
                self.params = None;
                self.restored = false;
                self.lines.clear();
                let p = path.clone();
                return Action::Run(Task::perform(jobs::load_backup(path), move |r| {
                    Message::Loaded(p.clone(), r)
                }));
            }
            Message::Loaded(path, Ok(b)) => {
                self.backup = Some((path.clone(), b.clone()));
                let params = match shared.directory_params() {
                    Ok(p) => p,
                    Err(e) => {
                        self.error = Some(UiError::other(e));
                        return Action::None;
                    }
                };
                let others = shared.others();
                if !others.is_empty() {
                    // Several directories: the one whose domain the backup was made in.
                    let mut candidates = vec![params];
                    candidates.extend(others.iter().filter_map(|o| o.params().ok()));
                    self.preparing = true;
                    return Action::Run(Task::perform(
                        jobs::directory_of(candidates, b.domain_dn.clone()),
                        move |r| Message::Located(path.clone(), r.map(Box::new)),
                    ));
                }
                return self.prepare(params, b, path);
            }
            Message::Located(path, r) => {
                self.preparing = false;
                match (r, self.backup.clone()) {
                    (Ok(p), Some((_, b))) => return self.prepare(*p, b, path),
                    (Err(e), _) => self.error = Some(e),
                    (Ok(_), None) => {}
                }
            }
            Message::Loaded(_, Err(e)) => self.error = Some(e),
            Message::Prepared(r) => {
                self.preparing = false;
                match r {
                    Ok(items) => {
                        self.items = Some(items);
                        let others = shared.others();
                        if others.is_empty()
                            && let Some((path, _)) = &self.backup
                        {
                            self.unmatched = jobs::sibling_backups(path).len();
                        }
                        if let (false, Some((path, _)), Ok(first)) = (
                            others.is_empty(),
                            self.backup.clone(),
                            shared.directory_params(),
                        ) {
                            // The other directories' backups of the same run go back too.
                            let mut candidates = vec![first];
                            candidates.extend(others.iter().filter_map(|o| o.params().ok()));
                            self.preparing = true;
                            return Action::Run(Task::perform(
                                jobs::prepare_siblings(candidates, path),
                                Message::Siblings,
                            ));
                        }
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Siblings(r) => {
                self.preparing = false;
                match r {
                    Ok(parts) => self.more = parts,
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Restore => {
                let (Some((path, _)), Some(items)) = (self.backup.clone(), self.items.clone())
                else {
                    return Action::None;
                };
                let params = match self
                    .params
                    .clone()
                    .ok_or(())
                    .or_else(|_| shared.directory_params())
                {
                    Ok(p) => p,
                    Err(e) => {
                        self.error = Some(UiError::other(e));
                        return Action::None;
                    }
                };
                tracing::info!("restore from {}", path.display());
                self.running = true;
                self.error = None;
                self.lines.clear();
                // Not abortable: a restore in progress finishes (writing half the originals
                // back helps nobody), and Previous is off meanwhile.
                let mut parts = vec![(params, items)];
                parts.extend(
                    self.more
                        .iter()
                        .map(|p| (p.params.clone(), p.items.clone())),
                );
                return Action::Run(Task::run(jobs::restore(parts), Message::Event));
            }
            Message::Event(RestoreEvent::Line(l)) => self.lines.push(l),
            Message::Event(RestoreEvent::Done(r)) => {
                self.running = false;
                match r {
                    Ok(report) => {
                        self.restored = true;
                        shared.forget_results();
                        shared.set_done(Some(Done::Restored {
                            report,
                            backup: self
                                .backup
                                .as_ref()
                                .map(|b| b.0.clone())
                                .unwrap_or_default(),
                        }));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
        }
        Action::None
    }

    fn view<'a>(&'a self, _shared: &'a Shared) -> Element<'a, Message> {
        let mut c = column![
            style::heading(t!("restore-title")),
            style::lead(t!("restore-lead")),
            button(text(t!("restore-choose")))
                .on_press_maybe((!self.running).then_some(Message::Choose)),
        ]
        .spacing(12);
        if let Some((path, b)) = &self.backup {
            let d = column![
                style::field(t!("restore-file"), path.display().to_string()),
                style::field(
                    t!("restore-domain"),
                    format!("{} ({})", b.domain_dn, b.domain_sid)
                ),
                style::field(t!("restore-made"), format!("{} — {}", b.time, b.dc)),
                text(t!("restore-entries", count = b.entries.len())).size(15),
            ]
            .spacing(4);
            c = c.push(style::section(d));
            match &self.items {
                None if self.preparing => c = c.push(style::note(t!("restore-preparing"))),
                None => {}
                Some(items) => {
                    let writes = items.iter().filter(|i| i.target.is_some()).count();
                    let mut p =
                        column![text(t!("restore-preview", count = writes)).size(15)].spacing(4);
                    for i in items.iter() {
                        let mut e = column![
                            text(format!("{} ({})", i.dn, i.attribute)).size(13),
                            style::note(
                                crate::words::Words::current(crate::words::Face::Wizard)
                                    .restore_note(i),
                            ),
                        ]
                        .spacing(2);
                        for l in &i.diff {
                            e = e.push(style::mono(l.clone()));
                        }
                        p = p.push(e);
                    }
                    c = c.push(style::section(p));
                    for part in &self.more {
                        let n = part.items.iter().filter(|i| i.target.is_some()).count();
                        c = c.push(style::note(t!(
                            "restore-also",
                            domain = part.backup.domain_dn.as_str(),
                            path = part.path.display().to_string(),
                            count = crate::words::n(n)
                        )));
                    }
                    if self.unmatched > 0 {
                        c = c.push(style::warning_box(t!(
                            "restore-unmatched",
                            count = crate::words::n(self.unmatched)
                        )));
                    }
                    let writes = writes
                        + self
                            .more
                            .iter()
                            .flat_map(|p| p.items.iter())
                            .filter(|i| i.target.is_some())
                            .count();
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

    #[test]
    fn a_damaged_backup_is_refused_before_anything_is_offered() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        p.update(
            Message::Loaded("b.json".into(), Err(UiError::other("truncated"))),
            &mut s,
        );
        assert!(p.backup.is_none() && p.error.is_some());
        assert!(p.update(Message::Restore, &mut s).is_none());
        assert!(!p.can_continue(&s));
    }

    #[test]
    fn backups_of_other_directories_not_on_the_page_are_said_not_skipped() {
        let dir = std::env::temp_dir().join(format!("ww-restore-unmatched-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let first = dir.join("backup-1.json");
        std::fs::write(&first, "{}").unwrap();
        std::fs::write(dir.join("backup-1.2-dc2.json"), "{}").unwrap();
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        p.backup = Some((
            first.clone(),
            Arc::new(Backup {
                schema: 1,
                tool: "writeback-wizard".into(),
                tool_version: String::new(),
                time: String::new(),
                dc: "dc1".into(),
                domain_dn: "DC=corp,DC=example".into(),
                domain_sid: "S-1-5-21-1-2-3".into(),
                connector_sid: String::new(),
                entries: Vec::new(),
                checksum: String::new(),
            }),
        ));
        p.update(Message::Prepared(Ok(Arc::new(Vec::new()))), &mut s);
        assert_eq!(p.unmatched, 1, "the second directory's backup is named");
        std::fs::remove_dir_all(&dir).ok();
    }
}
