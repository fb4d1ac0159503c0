//! Page 7 — Writeback prerequisites: every check, with live progress; grouped as the report groups
//! them; each row ✔ / ⚠ / ✖ and expandable to detail, evidence (the deciding ACE in SDDL) and
//! fix; the blocked users with a filter and CSV export; "Check again".

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, column, row, text};
use iced::{Element, Length, Task};

use crate::check::{Finding, Group, Severity};
use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::jobs::{self, Assessment, CheckEvent, Phase, UiError};
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::report::Part;
use crate::t;

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    Start,
    Cancel,
    Event(CheckEvent),
    /// The other directories' assessments (made at the same time as the first one's).
    OthersChecked(Vec<jobs::OtherAssessment>),
    Toggle(usize),
    List(super::blocked::Message),
    ExportBlocked,
    ExportTo(Option<PathBuf>),
    Exported(Result<PathBuf, UiError>),
}

#[derive(Default)]
pub struct Page {
    pub running: bool,
    pub phase: Option<Phase>,
    pub users: usize,
    /// The scan's count and the DC's estimate, and when the scan started.
    pub count: crate::check::ScanCount,
    pub pace: crate::check::pace::Pace,
    /// Findings streamed so far in this run.
    pub live: Vec<Finding>,
    pub error: Option<UiError>,
    pub cancelled: bool,
    /// Expanded rows (indexes into the findings shown).
    pub expanded: BTreeSet<usize>,
    /// The blocked users: causes, filter, order, scroll.
    pub list: super::blocked::List,
    pub export: Option<Result<PathBuf, UiError>>,
    /// The other directories are still being assessed.
    pub others_running: bool,
    handle: Option<iced::task::Handle>,
}

/// How many blocked users are listed before "export for all".
const BLOCKED_SHOWN: usize = 200;

/// The group's name in the wizard's language.
pub fn group_name(group: Group) -> String {
    match group {
        Group::Entra => t!("group-entra"),
        Group::SyncServer => t!("group-sync"),
        Group::Connector => t!("group-connector"),
        Group::Permissions => t!("group-permissions"),
        Group::PasswordPolicy => t!("group-policy"),
        Group::Users => t!("group-users"),
        Group::Pilot => t!("group-pilot"),
        Group::DomainController => t!("group-dc"),
    }
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    fn start(&mut self, shared: &mut Shared) -> Action {
        let params = match shared.check_params() {
            Ok(p) => p,
            Err(e) => {
                self.error = Some(UiError::other(e));
                return Action::None;
            }
        };
        shared.forget_results();
        self.running = true;
        self.cancelled = false;
        self.phase = None;
        self.users = 0;
        self.count = Default::default();
        self.pace = Default::default();
        self.live.clear();
        self.expanded.clear();
        self.error = None;
        let others = shared.others();
        self.others_running = !others.is_empty();
        let mut tasks = vec![Task::run(jobs::run_checks(params), Message::Event)];
        if !others.is_empty() {
            tasks.push(Task::perform(
                jobs::assess_others(others),
                Message::OthersChecked,
            ));
        }
        let (task, handle) = super::abortable(Task::batch(tasks));
        self.handle = Some(handle);
        Action::Run(task)
    }

    /// The other directories: each one's verdict and its errors.
    fn others_view<'a>(&'a self, shared: &'a Shared) -> Option<Element<'a, Message>> {
        if shared.settings.directories.is_empty() {
            return None;
        }
        let words = crate::words::Words::current(crate::words::Face::Wizard);
        let mut c = column![text(t!("checks-others-title")).size(18)].spacing(6);
        match &shared.others_assessed {
            None if self.others_running => c = c.push(style::note(t!("checks-others-running"))),
            None => {}
            Some(list) => {
                for (label, r) in list {
                    match r {
                        Ok(a) => {
                            let line = format!("{label}: {}", a.report.verdict_line(&words));
                            c = c.push(if a.report.ready {
                                style::ok_box(line)
                            } else {
                                style::warning_box(line)
                            });
                            for f in a
                                .report
                                .findings
                                .iter()
                                .filter(|f| f.severity == Severity::Error)
                            {
                                c = c.push(
                                    text(format!("✖ {} — {}", words.title(f), f.object)).size(13),
                                );
                            }
                        }
                        Err(e) => {
                            c = c.push(style::error_box(t!(
                                "checks-other-failed",
                                label = label.as_str(),
                                reason = e.message.as_str()
                            )))
                        }
                    }
                }
            }
        }
        Some(style::section(c))
    }

    /// The findings shown: the finished report's, or those streamed so far.
    fn findings<'a>(&'a self, shared: &'a Shared) -> &'a [Finding] {
        match &shared.assessment {
            Some(a) if !self.running => &a.report.findings,
            _ => &self.live,
        }
    }

    fn status<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        if self.running {
            let phase = match self.phase {
                None | Some(Phase::Connecting) => t!("checks-phase-connecting"),
                Some(Phase::Directory) => {
                    let now = std::time::Instant::now();
                    let words = crate::words::Words::current(crate::words::Face::Wizard);
                    t!(
                        "checks-phase-directory",
                        pace = words.pace(&self.pace.read(self.count, now))
                    )
                }
                Some(Phase::Pilot) => t!("checks-phase-pilot"),
                Some(Phase::Cloud) => t!("checks-phase-cloud"),
                Some(Phase::SyncServer) => t!("checks-phase-sync"),
            };
            return row![
                text(phase).size(15),
                button(text(t!("checks-cancel"))).on_press(Message::Cancel)
            ]
            .spacing(12)
            .align_y(iced::Alignment::Center)
            .into();
        }
        let again = button(text(t!("checks-again"))).on_press(Message::Start);
        match &shared.assessment {
            Some(a) => column![summary(&a.report), again].spacing(8).into(),
            None if self.cancelled => row![style::note(t!("checks-cancelled")), again]
                .spacing(12)
                .align_y(iced::Alignment::Center)
                .into(),
            None => again.into(),
        }
    }

    fn finding_row<'a>(&'a self, i: usize, f: &'a Finding) -> Element<'a, Message> {
        let open = self.expanded.contains(&i);
        let head = button(
            row![
                style::severity(f.severity),
                text(crate::words::finding_title(f))
                    .size(14)
                    .width(Length::Fill),
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
            let words = crate::words::Words::current(crate::words::Face::Wizard);
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

    fn blocked<'a>(&'a self, a: &'a Arc<Assessment>) -> Element<'a, Message> {
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
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.running || self.others_running
    }

    fn enter(&mut self, shared: &mut Shared) -> Task<Message> {
        if shared.assessment.is_some() {
            return Task::none();
        }
        match self.start(shared) {
            Action::Run(t) => t,
            _ => Task::none(),
        }
    }

    fn leave(&mut self) {
        if self.handle.take().is_some() {
            self.running = false;
            self.cancelled = true;
        }
    }

    fn can_continue(&self, shared: &Shared) -> bool {
        !self.running
            && !self.others_running
            && shared.assessment.is_some()
            && (shared.settings.directories.is_empty() || shared.others_assessed.is_some())
    }

    fn update(&mut self, message: Message, shared: &mut Shared) -> Action {
        match message {
            Message::Start => return self.start(shared),
            Message::OthersChecked(list) => {
                self.others_running = false;
                shared.set_others_assessed(Some(list));
                if !self.running {
                    self.handle = None;
                }
            }
            Message::Cancel => {
                self.handle = None;
                self.running = false;
                self.others_running = false;
                self.cancelled = true;
                tracing::info!("check cancelled");
            }
            Message::Event(CheckEvent::Phase(Phase::Directory)) => {
                self.phase = Some(Phase::Directory);
                self.pace = Default::default();
            }
            Message::Event(CheckEvent::Phase(p)) => self.phase = Some(p),
            Message::Event(CheckEvent::Users(c)) => {
                self.users = c.scanned;
                self.count = c;
                self.pace.note(c, std::time::Instant::now());
            }
            Message::Event(CheckEvent::Partial(f)) => self.live.extend(f),
            Message::Event(CheckEvent::Done(result)) => {
                self.running = false;
                // Dropping the handle would stop the other directories' check too.
                if !self.others_running {
                    self.handle = None;
                }
                match result {
                    Ok(a) => {
                        self.users = a.report.users.in_scope;
                        shared.set_assessment(Some(a));
                        self.list.refresh(shared.assessment.as_ref());
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Toggle(i) => {
                if !self.expanded.remove(&i) {
                    self.expanded.insert(i);
                }
            }
            Message::List(m) => self.list.update(m, shared.assessment.as_ref()),
            Message::ExportBlocked => {
                return Action::Run(Task::perform(
                    shared.dialogs.save(
                        Purpose::BlockedCsv,
                        t!("checks-export-blocked"),
                        Some(PathBuf::from("blocked-users.csv")),
                        vec![Filter::new("CSV", &["csv"])],
                    ),
                    Message::ExportTo,
                ));
            }
            Message::ExportTo(None) => {}
            Message::ExportTo(Some(path)) => {
                let Some(a) = shared.assessment.clone() else {
                    return Action::None;
                };
                // Written row by row in a task, not on the UI thread (it can be long).
                return Action::Run(Task::perform(
                    jobs::write_blocked_csv(path, a),
                    Message::Exported,
                ));
            }
            Message::Exported(r) => self.export = Some(r),
        }
        Action::None
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let mut c = column![
            style::heading(t!("checks-title")),
            style::lead(t!("checks-lead")),
        ]
        .spacing(12);
        if shared.settings.skip_cloud {
            c = c.push(style::note(t!("checks-cloud-skipped")));
        }
        c = c.push(self.status(shared));
        if let Some(e) = &self.error {
            c = c.push(style::error_box(e.message.clone()));
        }
        if let Some(others) = self.others_view(shared) {
            c = c.push(others);
        }
        let findings = self.findings(shared);
        let done = shared.assessment.is_some() && !self.running;
        let words = crate::words::Words::current(crate::words::Face::Wizard);
        for group in Group::ALL {
            let part = Part::of(group);
            let checked = !done
                || shared
                    .assessment
                    .as_ref()
                    .is_some_and(|a| a.report.parts.is_checked(part));
            // A part not checked keeps its warnings and errors; its information is what "not
            // checked" says.
            let items: Vec<(usize, &Finding)> = findings
                .iter()
                .enumerate()
                .filter(|(_, f)| f.id.group() == group && (checked || f.severity != Severity::Info))
                .collect();
            if items.is_empty() && (!done || group == Group::Pilot) {
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
                // Never a tick for what was not looked at.
                g = g.push(style::note(words.not_checked(part)));
            } else if items.is_empty() {
                g = g.push(style::note(t!("checks-group-ok")));
            }
            for (i, f) in items {
                g = g.push(self.finding_row(i, f));
            }
            c = c.push(style::section(g));
        }
        if let Some(a) = shared.assessment.as_ref().filter(|_| done) {
            c = c.push(self.blocked(a));
            c = c.push(excluded(a));
            c = c.push(not_synced(a));
        }
        c.into()
    }
}

/// The protected administrators, excluded from writeback by design: counted and named.
fn excluded<'a, M: 'a>(a: &Assessment) -> Element<'a, M> {
    let x = &a.report.users.excluded;
    if x.is_empty() {
        return column![].into();
    }
    let head = column![
        text(t!("checks-excluded-title", count = x.len())).size(18),
        style::note(t!("checks-excluded-lead")),
    ]
    .spacing(6);
    accounts(
        head,
        x.len(),
        x.iter().map(|u| (&u.sam_account_name, &u.dn, None)),
    )
}

/// The users the sync engine never synchronizes, with the rule that leaves each out.
fn not_synced<'a, M: 'a>(a: &Assessment) -> Element<'a, M> {
    let x = &a.report.users.not_synchronized;
    let words = crate::words::Words::current(crate::words::Face::Wizard);
    let mut head = column![style::note(words.sync_filter(&a.report.sync_filter))].spacing(6);
    if x.is_empty() {
        return style::section(head);
    }
    head = head.push(text(t!("checks-not-synced-title", count = x.len())).size(18));
    head = head.push(style::note(t!("checks-not-synced-lead")));
    let rows = x
        .iter()
        .map(|u| (&u.sam_account_name, &u.dn, Some(words.not_synced(&u.rule))));
    accounts(head, x.len(), rows)
}

/// A list of accounts under `head`: name, DN and a note each, the first `BLOCKED_SHOWN` of
/// `total`.
fn accounts<'a, 'r, M: 'a>(
    head: iced::widget::Column<'a, M>,
    total: usize,
    rows: impl Iterator<Item = (&'r String, &'r String, Option<String>)>,
) -> Element<'a, M> {
    let mut list = head;
    for (sam, dn, note) in rows.take(BLOCKED_SHOWN) {
        let mut who = column![style::mono(dn.clone())];
        if let Some(n) = note {
            who = who.push(text(n).size(13));
        }
        list = list.push(
            row![text(sam.clone()).size(13).width(160), who]
                .spacing(8)
                .align_y(iced::Alignment::Center),
        );
    }
    if total > BLOCKED_SHOWN {
        list = list.push(style::note(t!(
            "checks-more",
            count = total.saturating_sub(BLOCKED_SHOWN)
        )));
    }
    style::section(list)
}

/// Ready or not, in one box: the verdict of a report, for what was checked.
pub fn summary<'a, M: 'a>(r: &crate::report::Report) -> Element<'a, M> {
    let n = &r.readiness;
    let words = crate::words::Words::current(crate::words::Face::Wizard);
    let missing = r.parts.needed_not_checked();
    let mut line = if r.ready {
        t!(
            "checks-ready",
            ready = n.ready,
            users = n.in_scope,
            excluded = n.excluded,
            blocked = n.blocked,
            warnings = r.summary.warnings
        )
    } else {
        t!(
            "checks-not-ready",
            errors = r.summary.errors,
            warnings = r.summary.warnings,
            ready = n.ready,
            users = n.in_scope,
            excluded = n.excluded,
            blocked = n.blocked
        )
    };
    if !missing.is_empty() {
        line.push(' ');
        line.push_str(&t!(
            "checks-parts-not-checked",
            parts = words.parts_list(&missing)
        ));
    }
    if r.ready && missing.is_empty() {
        style::ok_box(line)
    } else if r.ready {
        style::warning_box(line)
    } else {
        style::error_box(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_connection_the_check_says_so_and_next_stays_off() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(p.update(Message::Start, &mut s).is_none());
        assert!(p.error.is_some());
        assert!(!p.can_continue(&s));
    }

    #[test]
    fn streamed_events_show_progress_then_cancel_stops_the_run() {
        let mut s = Shared::for_tests();
        s.settings.server = "dc1.lab".into();
        s.settings.user = "admin".into();
        s.password = zeroize::Zeroizing::new("pw".into());
        let mut p = Page::new();
        assert!(p.update(Message::Start, &mut s).is_run());
        p.update(Message::Event(CheckEvent::Phase(Phase::Directory)), &mut s);
        p.update(
            Message::Event(CheckEvent::Users(crate::check::ScanCount {
                scanned: 250,
                expected: Some(1000),
            })),
            &mut s,
        );
        p.update(
            Message::Event(CheckEvent::Partial(vec![Finding::new(
                crate::check::FindingId::MinPasswordAge,
                Severity::Error,
                "DC=lab",
            )])),
            &mut s,
        );
        assert_eq!(p.users, 250);
        assert_eq!(p.live.len(), 1);
        assert!(p.running && !p.can_continue(&s));
        p.update(Message::Cancel, &mut s);
        assert!(!p.running && p.cancelled && p.handle.is_none());
        assert!(!p.can_continue(&s), "a cancelled check has no result");
    }

    #[test]
    fn rows_expand_and_collapse() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        p.update(Message::Toggle(3), &mut s);
        assert!(p.expanded.contains(&3));
        p.update(Message::Toggle(3), &mut s);
        assert!(p.expanded.is_empty());
    }
}
