//! Page 7 — Writeback prerequisites: every check of every directory of the run at once, with live
//! progress; grouped as the report groups them; each row ✔ / ⚠ / ✖ and expandable to detail,
//! evidence (the deciding ACE in SDDL) and fix; the blocked users with a filter and CSV export;
//! "Check again". With several directories, each one's verdict is listed and one is shown in
//! detail (picked at the top).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use iced::widget::{button, column, row, text};
use iced::{Element, Length, Task};

use crate::check::incremental::{How, Why};
use crate::check::{Finding, Group, Severity};
use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::intent::Intent;
use crate::gui::jobs::{self, CheckEvent, Phase, UiError};
use crate::gui::run::{DirectoryState, RowId};
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::report::Part;
use crate::t;
use crate::words::{Face, Words};

use super::{WizardPage, pick};

mod accounts;
mod compare;
pub use accounts::summary;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    Start,
    Cancel,
    /// A directory's check as it runs.
    Event(RowId, CheckEvent),
    /// The directory shown in detail.
    Pick(RowId),
    Toggle(usize),
    List(super::blocked::Message),
    ExportBlocked,
    ExportTo(Option<PathBuf>),
    Exported(Result<PathBuf, UiError>),
    /// "Compare with the last configuration" for the directory shown.
    Compare,
    Compared(RowId, Result<std::sync::Arc<Vec<String>>, UiError>),
}

/// One directory's check while it runs.
#[derive(Default)]
pub struct Run {
    pub running: bool,
    pub phase: Option<Phase>,
    /// The scan's count and the DC's estimate.
    pub count: crate::check::ScanCount,
    pub pace: crate::check::pace::Pace,
    /// Findings streamed so far.
    pub live: Vec<Finding>,
    /// Why it could not start.
    pub error: Option<UiError>,
}

#[derive(Default)]
pub struct Page {
    pub runs: HashMap<RowId, Run>,
    pub cancelled: bool,
    selected: Option<RowId>,
    /// Expanded rows (indexes into the findings shown).
    pub expanded: BTreeSet<usize>,
    /// The blocked users of the directory shown: causes, filter, order, scroll.
    pub list: super::blocked::List,
    pub export: Option<Result<PathBuf, UiError>>,
    /// Each directory's comparison with its last configuration.
    pub compare: compare::Compare,
    handle: Option<iced::task::Handle>,
}

/// The group's name in the wizard's language.
pub fn group_name(group: Group) -> String {
    Words::current(Face::Wizard).group(group)
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether a directory's check still runs.
    pub fn running(&self) -> bool {
        self.runs.values().any(|r| r.running)
    }

    /// Every directory's check at once (the first one's also reads the tenant and the sync
    /// server); what was found before goes.
    fn start(&mut self, shared: &Shared) -> Action {
        self.runs.clear();
        self.cancelled = false;
        self.expanded.clear();
        self.compare.clear();
        let mut tasks = Vec::new();
        for r in shared.rows() {
            let id = r.id();
            let run = self.runs.entry(id).or_default();
            match shared.check_params(id) {
                Ok(p) => {
                    run.running = true;
                    tasks.push(Task::run(jobs::run_checks(p), move |e| {
                        Message::Event(id, e)
                    }));
                }
                Err(e) => run.error = Some(e),
            }
        }
        self.list.refresh(None);
        if tasks.is_empty() {
            return Action::none();
        }
        let (task, handle) = super::abortable(Task::batch(tasks));
        self.handle = Some(handle);
        Action::intent(Intent::ForgetResults).with(task)
    }

    fn event(&mut self, id: RowId, e: CheckEvent, shared: &Shared) -> Action {
        let run = self.runs.entry(id).or_default();
        match e {
            CheckEvent::Phase(Phase::Directory) => {
                run.phase = Some(Phase::Directory);
                run.pace = Default::default();
            }
            CheckEvent::Phase(p) => run.phase = Some(p),
            CheckEvent::Users(c) => {
                run.count = c;
                run.pace.note(c, std::time::Instant::now());
            }
            CheckEvent::Partial(f) => run.live.extend(f),
            CheckEvent::Done(result) => {
                run.running = false;
                if !self.running() {
                    self.handle = None;
                }
                if id == pick::shown(shared, self.selected).id() {
                    self.list.refresh(result.as_ref().ok());
                }
                return Action::intent(Intent::Assessed(id, result));
            }
        }
        Action::none()
    }

    /// The findings of `d`: its finished report's, or those streamed so far.
    fn findings<'a>(&'a self, d: &'a DirectoryState) -> &'a [Finding] {
        match (d.assessed(), self.runs.get(&d.id())) {
            (Some(a), Some(r)) if !r.running => &a.report.findings,
            (Some(a), None) => &a.report.findings,
            (_, Some(r)) => &r.live,
            (None, None) => &[],
        }
    }

    /// A running check's phase and Cancel; a finished one's verdict and "Check again".
    fn status<'a>(&'a self, d: &'a DirectoryState) -> Element<'a, Message> {
        if let Some(run) = self.runs.get(&d.id()).filter(|r| r.running) {
            return row![
                text(phase_line(run)).size(15),
                button(text(t!("checks-cancel"))).on_press(Message::Cancel)
            ]
            .spacing(12)
            .align_y(iced::Alignment::Center)
            .into();
        }
        let again = button(text(t!("checks-again"))).on_press(Message::Start);
        match d.assessment() {
            Some(Ok(a)) => {
                let compare = button(text(t!("checks-compare")))
                    .on_press_maybe((!self.compare.running(d.id())).then_some(Message::Compare));
                let buttons = row![again, compare].spacing(8);
                let mut c = column![summary(&a.report)].spacing(8);
                if let Some(how) = checked_note(a.checked.as_ref()) {
                    c = c.push(style::note(how));
                }
                c = c.push(buttons);
                if let Some(v) = self.compare.view(d.id()) {
                    c = c.push(v);
                }
                c.into()
            }
            Some(Err(e)) => column![style::error_box(e.message.clone()), again]
                .spacing(8)
                .into(),
            None if self.cancelled => row![style::note(t!("checks-cancelled")), again]
                .spacing(12)
                .align_y(iced::Alignment::Center)
                .into(),
            None => again.into(),
        }
    }

    /// With several directories: each one's name and where its check stands.
    fn directories<'a>(&'a self, shared: &'a Shared) -> Option<Element<'a, Message>> {
        if shared.count() < 2 {
            return None;
        }
        let words = Words::current(Face::Wizard);
        let mut c = column![text(t!("run-directories")).size(18)].spacing(6);
        for d in shared.rows() {
            let label = d.label();
            let line: Element<'a, Message> = match (d.assessment(), self.runs.get(&d.id())) {
                (_, Some(r)) if r.running => style::note(format!("{label}: {}", phase_line(r))),
                (Some(Ok(a)), _) => {
                    let line = format!("{label}: {}", a.report.verdict_line(&words));
                    if a.report.ready {
                        style::ok_box(line)
                    } else {
                        style::warning_box(line)
                    }
                }
                (Some(Err(e)), _) => style::error_box(t!(
                    "run-directory-failed",
                    label = label.as_str(),
                    reason = e.message.as_str()
                )),
                (None, Some(Run { error: Some(e), .. })) => style::error_box(t!(
                    "run-directory-failed",
                    label = label.as_str(),
                    reason = e.message.as_str()
                )),
                (None, _) => style::note(label),
            };
            c = c.push(line);
        }
        Some(style::section(c))
    }

    fn finding_row<'a>(&'a self, i: usize, f: &'a Finding) -> Element<'a, Message> {
        let open = self.expanded.contains(&i);
        let words = Words::current(Face::Wizard);
        let head = button(
            row![
                style::severity(f.severity),
                text(words.title(f)).size(14).width(Length::Fill),
                text(if open { "▾" } else { "▸" }).size(14)
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        )
        .style(iced::widget::button::text)
        .width(Length::Fill)
        .on_press(Message::Toggle(i));
        let mut col = column![head].spacing(4);
        if open {
            let mut d = column![style::field(t!("checks-object"), f.object.clone())].spacing(4);
            let detail = words.detail(f);
            if !detail.is_empty() {
                d = d.push(text(detail).size(13));
            }
            if !f.evidence.is_empty() {
                d = d.push(text(t!("checks-evidence")).size(13));
                for e in &f.evidence {
                    d = d.push(style::mono(e.clone()));
                }
            }
            d = d.push(text(t!("checks-fix")).size(13));
            d = d.push(text(words.fix(f)).size(13));
            d = d.push(style::note(format!("id: {}", f.id)));
            col = col.push(iced::widget::container(d).padding(iced::Padding::default().left(28)));
        }
        col.into()
    }

    /// The findings of `d`, by group; a part not checked says so, never with a tick.
    fn groups<'a>(&'a self, d: &'a DirectoryState) -> Vec<Element<'a, Message>> {
        let findings = self.findings(d);
        let running = self.runs.get(&d.id()).is_some_and(|r| r.running);
        let done = d.assessed().filter(|_| !running);
        let words = Words::current(Face::Wizard);
        let mut out = Vec::new();
        for group in Group::ALL {
            let part = Part::of(group);
            let checked = done.is_none_or(|a| a.report.parts.is_checked(part));
            // A part not checked keeps its warnings and errors; its information is what "not
            // checked" says.
            let items: Vec<(usize, &Finding)> = findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.id.group() == group && (checked || f.severity != Severity::Info))
                .collect();
            if items.is_empty() && (done.is_none() || group == Group::Pilot) {
                continue;
            }
            let worst = items.iter().map(|(_, f)| f.severity).max();
            let icon: Element<'_, Message> = if checked {
                style::severity(worst.unwrap_or(Severity::Info))
            } else {
                text("–").size(18).into()
            };
            let mut g = column![
                row![icon, text(group_name(group)).size(18)]
                    .spacing(8)
                    .align_y(iced::Alignment::Center)
            ]
            .spacing(4);
            if !checked {
                g = g.push(style::note(words.not_checked(part)));
            } else if items.is_empty() {
                g = g.push(style::note(t!("checks-group-ok")));
            }
            for (i, f) in items {
                g = g.push(self.finding_row(i, f));
            }
            out.push(style::section(g));
        }
        out
    }

    fn blocked<'a>(&'a self, a: &'a std::sync::Arc<jobs::Assessment>) -> Element<'a, Message> {
        if a.report.readiness.blocked == 0 {
            return style::ok_box(t!("checks-no-blocked"));
        }
        let mut c = column![self.list.view(a).map(Message::List)].spacing(6);
        c = c.push(button(text(t!("checks-export-blocked"))).on_press(Message::ExportBlocked));
        match &self.export {
            Some(Ok(p)) => c = c.push(style::note(t!("saved-to", path = p.display().to_string()))),
            Some(Err(e)) => c = c.push(style::error_box(e.message.clone())),
            None => {}
        }
        style::section(c)
    }

    fn export(&mut self, message: Message, shared: &Shared) -> Action {
        match message {
            Message::ExportBlocked => Action::run(Task::perform(
                shared.dialogs().save(
                    Purpose::BlockedCsv,
                    t!("checks-export-blocked"),
                    Some(PathBuf::from("blocked-users.csv")),
                    vec![Filter::new("CSV", &["csv"])],
                ),
                Message::ExportTo,
            )),
            Message::ExportTo(Some(path)) => {
                let Some(a) = pick::shown(shared, self.selected).assessed().cloned() else {
                    return Action::none();
                };
                // Written row by row in a task, not on the UI thread (it can be long).
                Action::run(Task::perform(
                    jobs::write_blocked_csv(path, a),
                    Message::Exported,
                ))
            }
            Message::Exported(r) => {
                self.export = Some(r);
                Action::none()
            }
            _ => Action::none(),
        }
    }
}

/// Where a running check is: connecting, the user scan's pace, the pilot, the tenant, the sync
/// server.
fn phase_line(run: &Run) -> String {
    match run.phase {
        None | Some(Phase::Connecting) => t!("checks-phase-connecting"),
        Some(Phase::Directory) => {
            let now = std::time::Instant::now();
            let words = Words::current(Face::Wizard);
            t!(
                "checks-phase-directory",
                pace = words.pace(&run.pace.read(run.count, now))
            )
        }
        Some(Phase::Pilot) => t!("checks-phase-pilot"),
        Some(Phase::Cloud) => t!("checks-phase-cloud"),
        Some(Phase::SyncServer) => t!("checks-phase-sync"),
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.running()
    }

    fn enter(&mut self, shared: &Shared) -> Action {
        if shared.all_assessed() {
            self.list
                .refresh(pick::shown(shared, self.selected).assessed());
            return Action::none();
        }
        self.start(shared)
    }

    fn leave(&mut self) {
        if self.handle.take().is_some() && self.running() {
            self.runs.values_mut().for_each(|r| r.running = false);
            self.cancelled = true;
        }
    }

    fn can_continue(&self, shared: &Shared) -> bool {
        !self.running() && shared.all_assessed()
    }

    fn update(&mut self, message: Message, shared: &Shared) -> Action {
        match message {
            Message::Start => return self.start(shared),
            Message::Cancel => {
                self.handle = None;
                self.runs.values_mut().for_each(|r| r.running = false);
                self.cancelled = true;
                tracing::info!("check cancelled");
            }
            Message::Event(id, e) => return self.event(id, e, shared),
            Message::Pick(id) => {
                self.selected = Some(id);
                self.expanded.clear();
                self.list
                    .refresh(pick::shown(shared, self.selected).assessed());
            }
            Message::Toggle(i) => {
                if !self.expanded.remove(&i) {
                    self.expanded.insert(i);
                }
            }
            Message::List(m) => self
                .list
                .update(m, pick::shown(shared, self.selected).assessed()),
            Message::ExportTo(None) => {}
            Message::Compare => {
                let d = pick::shown(shared, self.selected);
                if let Some(task) = self.compare.start(d, Message::Compared) {
                    return Action::run(task);
                }
            }
            Message::Compared(id, r) => self.compare.done(id, r),
            export => return self.export(export, shared),
        }
        Action::none()
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let d = pick::shown(shared, self.selected);
        let mut c = column![
            style::heading(t!("checks-title")),
            style::lead(t!("checks-lead")),
        ]
        .spacing(12);
        if shared.settings().skip_cloud {
            c = c.push(style::note(t!("checks-cloud-skipped")));
        }
        if let Some(list) = self.directories(shared) {
            c = c.push(list);
        }
        if let Some(p) = pick::picker(shared, self.selected, Message::Pick) {
            c = c.push(p);
        }
        c = c.push(self.status(d));
        if let Some(e) = self.runs.get(&d.id()).and_then(|r| r.error.as_ref()) {
            c = c.push(style::error_box(e.message.clone()));
        }
        for g in self.groups(d) {
            c = c.push(g);
        }
        let running = self.runs.get(&d.id()).is_some_and(|r| r.running);
        if let Some(a) = d.assessed().filter(|_| !running) {
            c = c
                .push(self.blocked(a))
                .push(accounts::excluded(a))
                .push(accounts::not_synced(a));
        }
        c.into()
    }
}

/// How a check again went, when it was one: only what changed, or every user and why.
fn checked_note(how: Option<&How>) -> Option<String> {
    Some(match how? {
        How::Incremental {
            rejudged, users, ..
        } => {
            let (rejudged, users): (usize, usize) = (*rejudged, *users);
            t!("checks-incremental", rejudged = rejudged, users = users)
        }
        How::Full { why, .. } => {
            let why = match why {
                Why::First => return None,
                Why::OtherDc => t!("checks-full-why-other-dc"),
                Why::Settings => t!("checks-full-why-settings"),
                Why::Containers => t!("checks-full-why-containers"),
                Why::PsoGroup { group } => t!("checks-full-why-pso-group", group = group.clone()),
            };
            t!("checks-full-again", why = why)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::pages::{Secret, step};
    use crate::gui::run::DirectoryEdit;

    #[test]
    fn without_a_connection_the_check_says_so_and_next_stays_off() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(step(&mut p, Message::Start, &mut s).is_none());
        assert!(p.runs[&s.first().id()].error.is_some());
        assert!(!p.can_continue(&s));
    }

    fn answered() -> Shared {
        let mut s = Shared::for_tests();
        let id = s.first().id();
        for edit in [
            DirectoryEdit::Server("dc1.lab".into()),
            DirectoryEdit::User("admin".into()),
            DirectoryEdit::Password(Secret(zeroize::Zeroizing::new("pw".into())).0),
        ] {
            s.apply(Intent::Directory(id, edit));
        }
        s
    }

    #[test]
    fn streamed_events_show_progress_then_cancel_stops_the_run() {
        let mut s = answered();
        let id = s.first().id();
        let mut p = Page::new();
        assert!(step(&mut p, Message::Start, &mut s).is_run());
        let ev = |e| Message::Event(id, e);
        step(&mut p, ev(CheckEvent::Phase(Phase::Directory)), &mut s);
        let users = crate::check::ScanCount {
            scanned: 250,
            expected: Some(1000),
        };
        step(&mut p, ev(CheckEvent::Users(users)), &mut s);
        let f = Finding::new(
            crate::check::FindingId::MinPasswordAge,
            Severity::Error,
            "DC=lab",
        );
        step(&mut p, ev(CheckEvent::Partial(vec![f])), &mut s);
        assert_eq!(p.runs[&id].count.scanned, 250);
        assert_eq!(p.runs[&id].live.len(), 1);
        assert!(p.running() && !p.can_continue(&s));
        step(&mut p, Message::Cancel, &mut s);
        assert!(!p.running() && p.cancelled && p.handle.is_none());
        assert!(!p.can_continue(&s), "a cancelled check has no result");
    }

    #[test]
    fn each_directory_reports_on_its_own_and_next_waits_for_all() {
        let mut s = answered();
        s.apply(Intent::AddDirectory);
        let (one, two) = (s.first().id(), s.directories().all()[1].id());
        let mut p = Page::new();
        let _ = step(&mut p, Message::Start, &mut s);
        assert!(p.runs[&two].error.is_some(), "the new row has no answers");
        let failed = CheckEvent::Done(Err(UiError::plain("refused")));
        step(&mut p, Message::Event(one, failed), &mut s);
        assert!(
            !p.can_continue(&s),
            "the first directory's check must succeed"
        );
        assert!(s.first().assessment().is_some_and(|a| a.is_err()));
    }

    #[test]
    fn rows_expand_and_collapse() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        step(&mut p, Message::Toggle(3), &mut s);
        assert!(p.expanded.contains(&3));
        step(&mut p, Message::Toggle(3), &mut s);
        assert!(p.expanded.is_empty());
    }
}
