//! Page 8 — Pilot users: is the pilot group ready for SSPR with writeback, user by user? A sortable,
//! filterable table with per-user detail and CSV export. Optional: Next skips it.

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, column, container, row, text, text_input};
use iced::{Element, Length, Task};

use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::intent::{Intent, SettingsEdit};
use crate::gui::jobs::{self, UiError};
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::pilot::{PilotReport, PilotRow, PilotVerdict};
use crate::t;

use super::WizardPage;

pub type Action = super::Action<Message>;

/// A sortable column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    User,
    Verdict,
    Synced,
    Licensed,
    Registered,
    Admin,
}

#[derive(Debug, Clone)]
pub enum Message {
    Group(String),
    Run,
    Done(Result<Arc<PilotReport>, UiError>),
    Sort(Column),
    Filter(String),
    Select(usize),
    Scrolled(f32),
    Export,
    ExportTo(Option<PathBuf>),
    Exported(Result<PathBuf, UiError>),
}

#[derive(Default)]
pub struct Page {
    pub running: bool,
    pub error: Option<UiError>,
    pub sort: Option<(Column, bool)>,
    pub filter: String,
    /// The row shown in detail (index into the report's rows).
    pub selected: Option<usize>,
    pub export: Option<Result<PathBuf, UiError>>,
    handle: Option<iced::task::Handle>,
    /// The table's scroll offset.
    pub offset: f32,
    /// The rows shown, filtered and sorted (indexes into the report), and the report they are
    /// for: computed when the filter, the order or the report changes, not on every frame.
    shown: Vec<usize>,
    source: Option<Arc<PilotReport>>,
}

fn name(r: &PilotRow) -> String {
    r.sam_account_name
        .clone()
        .or_else(|| r.user_principal_name.clone())
        .or_else(|| r.dn.clone())
        .unwrap_or_default()
}

fn verdict_text(v: Option<PilotVerdict>) -> String {
    match v {
        Some(PilotVerdict::Ready) => t!("pilot-ready"),
        Some(PilotVerdict::Blocked) => t!("pilot-blocked"),
        Some(PilotVerdict::NotSynchronized) => t!("pilot-not-synchronized"),
        Some(PilotVerdict::Unknown) | None => t!("pilot-unknown"),
    }
}

fn yes_no(b: Option<bool>) -> String {
    match b {
        Some(true) => t!("state-yes"),
        Some(false) => t!("state-no"),
        None => "—".into(),
    }
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// The rows to show, filtered and sorted, as indexes into the report (one pass, one sort
    /// with each row's key made once).
    pub fn visible(&self, report: &PilotReport) -> Vec<usize> {
        use crate::gui::rows::contains_folded;
        let needle = self.filter.trim().to_ascii_lowercase();
        let mut idx: Vec<usize> = (0..report.rows.len())
            .filter(|&i| {
                let r = &report.rows[i];
                needle.is_empty()
                    || [&r.sam_account_name, &r.user_principal_name, &r.dn]
                        .into_iter()
                        .flatten()
                        .any(|v| contains_folded(v, &needle))
                    || crate::pilot::verdict_word(r.verdict).contains(&needle)
                    || r.reasons.iter().any(|x| contains_folded(x, &needle))
            })
            .collect();
        if let Some((col, ascending)) = self.sort {
            let key = |r: &PilotRow| -> String {
                let b = |v: Option<bool>| match v {
                    Some(true) => "2",
                    Some(false) => "0",
                    None => "1",
                };
                match col {
                    Column::User => name(r).to_lowercase(),
                    Column::Verdict => crate::pilot::verdict_word(r.verdict).to_string(),
                    Column::Synced => b(r.synced).into(),
                    Column::Licensed => b(r.licensed).into(),
                    Column::Registered => b(r.sspr_registered).into(),
                    Column::Admin => b(r.admin).into(),
                }
            };
            if ascending {
                idx.sort_by_cached_key(|&i| key(&report.rows[i]));
            } else {
                idx.sort_by_cached_key(|&i| std::cmp::Reverse(key(&report.rows[i])));
            }
        }
        idx
    }

    /// Follows the filter, the order and the report (a new report scrolls back to the top).
    pub fn refresh(&mut self, report: Option<&Arc<PilotReport>>) {
        if !crate::gui::rows::same_source(report, &self.source) {
            self.source = report.cloned();
            self.selected = None;
        }
        self.offset = 0.0;
        self.shown = report.map(|r| self.visible(r)).unwrap_or_default();
    }

    fn table<'a>(&'a self, report: &'a PilotReport) -> Element<'a, Message> {
        let count = |v: PilotVerdict| report.rows.iter().filter(|r| r.verdict == Some(v)).count();
        let mut c = column![
            text(t!(
                "pilot-summary",
                group = report.group.as_str(),
                ready = count(PilotVerdict::Ready),
                blocked = count(PilotVerdict::Blocked),
                unknown = count(PilotVerdict::Unknown),
                unsynced = count(PilotVerdict::NotSynchronized)
            ))
            .size(15),
        ]
        .spacing(6);
        if !report.cloud_checked {
            c = c.push(style::note(t!("pilot-no-cloud")));
        }
        if let Some(m) = &report.enabled_methods {
            c = c.push(style::note(t!("pilot-methods", methods = m.join(", "))));
        }
        c = c.push(
            row![
                text_input(&t!("pilot-filter"), &self.filter)
                    .on_input(Message::Filter)
                    .width(300),
                button(text(t!("pilot-export"))).on_press(Message::Export),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
        match &self.export {
            Some(Ok(p)) => c = c.push(style::note(t!("saved-to", path = p.display().to_string()))),
            Some(Err(e)) => c = c.push(style::error_box(e.message.clone())),
            None => {}
        }
        c = c.push(self.headers());
        let fresh = self
            .source
            .as_ref()
            .is_some_and(|s| std::ptr::eq(Arc::as_ptr(s), report));
        let shown: std::borrow::Cow<'a, [usize]> = if fresh {
            std::borrow::Cow::Borrowed(&self.shown)
        } else {
            std::borrow::Cow::Owned(self.visible(report))
        };
        let selected = self.selected;
        let table = crate::gui::rows::list(shown.len(), self.offset, Message::Scrolled, move |k| {
            let Some(&i) = shown.get(k) else {
                return text("").into();
            };
            pilot_row(i, &report.rows[i], selected == Some(i))
        });
        c = c.push(table);
        if let Some(r) = self.selected.and_then(|i| report.rows.get(i)) {
            c = c.push(detail(r));
        }
        style::section(c)
    }
}

impl Page {
    /// The column headings; each sorts by its column (again: the other way round).
    fn headers(&self) -> Element<'_, Message> {
        let header = |label: String, col: Column, width: f32| {
            let arrow = match self.sort {
                Some((c, true)) if c == col => " ▲",
                Some((c, false)) if c == col => " ▼",
                _ => "",
            };
            button(text(format!("{label}{arrow}")).size(13))
                .style(iced::widget::button::text)
                .width(Length::Fixed(width))
                .on_press(Message::Sort(col))
        };
        row![
            header(t!("pilot-col-user"), Column::User, 220.0),
            header(t!("pilot-col-verdict"), Column::Verdict, 100.0),
            header(t!("pilot-col-synced"), Column::Synced, 80.0),
            header(t!("pilot-col-licensed"), Column::Licensed, 80.0),
            header(t!("pilot-col-registered"), Column::Registered, 110.0),
            header(t!("pilot-col-admin"), Column::Admin, 70.0),
        ]
        .spacing(4)
        .align_y(iced::Alignment::Center)
        .into()
    }
}

/// One user of the table (row `i` of the report), marked when it is the one shown in detail.
fn pilot_row(i: usize, r: &PilotRow, selected: bool) -> Element<'_, Message> {
    let verdict = text(verdict_text(r.verdict)).size(13);
    let verdict = match r.verdict {
        Some(PilotVerdict::Ready) => verdict.style(text::success),
        Some(PilotVerdict::Blocked) => verdict.style(text::danger),
        _ => verdict.style(text::warning),
    };
    let cell = |s: String, w: f32| {
        container(text(s).size(13).wrapping(text::Wrapping::None))
            .width(Length::Fixed(w))
            .clip(true)
    };
    let marker = if selected { "▶ " } else { "" };
    button(
        row![
            cell(format!("{marker}{}", name(r)), 220.0),
            container(verdict).width(Length::Fixed(100.0)),
            cell(yes_no(r.synced), 80.0),
            cell(yes_no(r.licensed), 80.0),
            cell(yes_no(r.sspr_registered), 110.0),
            cell(yes_no(r.admin), 70.0),
        ]
        .spacing(4)
        .align_y(iced::Alignment::Center),
    )
    .padding(2)
    .style(iced::widget::button::text)
    .on_press(Message::Select(i))
    .into()
}

impl Page {
    /// The pilot group, user by user, in the first directory of the run (the one checked with
    /// the tenant) and in the tenant.
    fn run(&mut self, shared: &Shared) -> Action {
        let group = shared.settings().pilot_group.trim().to_string();
        if group.is_empty() {
            self.error = Some(UiError::plain(t!("pilot-need-group")));
            return Action::none();
        }
        let first = shared.lead();
        let (Ok(params), Some(assessment)) = (first.params(), first.assessed().cloned()) else {
            self.error = Some(UiError::plain(t!("pilot-need-check")));
            return Action::none();
        };
        let cloud = if shared.settings().skip_cloud {
            None
        } else {
            shared.signed_in().cloned()
        };
        self.running = true;
        self.error = None;
        self.selected = None;
        let (task, handle) = super::abortable(Task::perform(
            jobs::pilot(params, assessment, group, cloud),
            Message::Done,
        ));
        self.handle = Some(handle);
        Action::intent(Intent::Pilot(None)).with(task)
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.running
    }

    fn leave(&mut self) {
        if self.handle.take().is_some() {
            self.running = false;
        }
    }

    fn can_continue(&self, _shared: &Shared) -> bool {
        !self.running
    }

    fn update(&mut self, message: Message, shared: &Shared) -> Action {
        match message {
            Message::Group(g) => {
                return Action::intent(Intent::Settings(SettingsEdit::PilotGroup(g)));
            }
            Message::Run => return self.run(shared),
            Message::Done(r) => {
                self.running = false;
                self.handle = None;
                match r {
                    Ok(report) => {
                        self.refresh(Some(&report));
                        return Action::intent(Intent::Pilot(Some(report)));
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Message::Sort(col) => {
                self.sort = match self.sort {
                    Some((c, asc)) if c == col => Some((c, !asc)),
                    _ => Some((col, true)),
                };
                self.refresh(shared.pilot());
            }
            Message::Filter(f) => {
                self.filter = f;
                self.refresh(shared.pilot());
            }
            Message::Scrolled(y) => self.offset = y,
            Message::Select(i) => {
                self.selected = if self.selected == Some(i) {
                    None
                } else {
                    Some(i)
                }
            }
            Message::Export => {
                return Action::run(Task::perform(
                    shared.dialogs().save(
                        Purpose::PilotCsv,
                        t!("pilot-export"),
                        Some(PathBuf::from("pilot.csv")),
                        vec![Filter::new("CSV", &["csv"])],
                    ),
                    Message::ExportTo,
                ));
            }
            Message::ExportTo(None) => {}
            Message::ExportTo(Some(path)) => {
                if let Some(r) = shared.pilot().cloned() {
                    // The CSV is made in the task, not on the UI thread.
                    return Action::run(Task::perform(
                        jobs::write_pilot_csv(path, r),
                        Message::Exported,
                    ));
                }
            }
            Message::Exported(r) => self.export = Some(r),
        }
        Action::none()
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let mut c = column![
            style::heading(t!("pilot-title")),
            style::lead(t!("pilot-lead")),
            style::note(t!("pilot-why-ask")),
            row![
                text_input(
                    &t!("pilot-group-placeholder"),
                    &shared.settings().pilot_group
                )
                .on_input(Message::Group)
                .on_submit(Message::Run)
                .width(420),
                button(text(if self.running {
                    t!("pilot-running")
                } else {
                    t!("pilot-run")
                }))
                .on_press_maybe((!self.running).then_some(Message::Run))
                .style(iced::widget::button::primary),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            style::note(t!("pilot-optional")),
        ]
        .spacing(12);
        if let Some(e) = &self.error {
            c = c.push(style::error_box(e.message.clone()));
        }
        if let Some(report) = shared.pilot() {
            c = c.push(self.table(report));
        }
        c.into()
    }
}

fn detail<'a>(r: &'a PilotRow) -> Element<'a, Message> {
    let mut d = column![].spacing(4);
    if let Some(dn) = &r.dn {
        d = d.push(style::mono(dn.clone()));
    }
    if let Some(upn) = &r.user_principal_name {
        d = d.push(style::field("UPN".into(), upn.clone()));
    }
    if r.reasons.is_empty() && r.unknown.is_empty() {
        d = d.push(style::ok_box(t!("pilot-detail-ready")));
    }
    for reason in &r.reasons {
        d = d.push(text(format!("✖ {reason}")).size(13).style(text::danger));
    }
    let words = crate::words::Words::current(crate::words::Face::Wizard);
    if let Some(p) = r.predicted {
        d = d.push(style::field(
            t!("pilot-detail-portal"),
            words.predicted_portal(p),
        ));
        d = d.push(style::field(
            t!("pilot-detail-event"),
            words.predicted_event(p),
        ));
    }
    for u in &r.unknown {
        let u = words.pilot_unknown(u);
        d = d.push(text(format!("? {u}")).size(13).style(text::warning));
    }
    if !r.methods_registered.is_empty() {
        d = d.push(style::field(
            t!("pilot-detail-methods"),
            r.methods_registered.join(", "),
        ));
    }
    if r.admin == Some(true) {
        d = d.push(style::note(t!("pilot-detail-admin")));
    }
    container(d)
        .padding(iced::Padding::default().left(24).bottom(8))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::pages::step;

    fn row(sam: &str, v: PilotVerdict, synced: Option<bool>) -> PilotRow {
        let mut r = PilotRow::default();
        r.sam_account_name = Some(sam.into());
        r.verdict = Some(v);
        r.synced = synced;
        if v == PilotVerdict::Blocked {
            r.reasons = vec!["admin-protected".into()];
        }
        r
    }

    fn report() -> PilotReport {
        PilotReport {
            group: "Pilot".into(),
            cloud_checked: true,
            enabled_methods: None,
            rows: vec![
                row("carol", PilotVerdict::Blocked, Some(true)),
                row("alice", PilotVerdict::Ready, Some(true)),
                row("bob", PilotVerdict::Unknown, None),
            ],
        }
    }

    #[test]
    fn sorting_by_a_column_twice_reverses_it() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        let r = report();
        assert_eq!(p.visible(&r), vec![0, 1, 2]);
        step(&mut p, Message::Sort(Column::User), &mut s);
        assert_eq!(p.visible(&r), vec![1, 2, 0]);
        step(&mut p, Message::Sort(Column::User), &mut s);
        assert_eq!(p.visible(&r), vec![0, 2, 1]);
        step(&mut p, Message::Sort(Column::Verdict), &mut s);
        assert_eq!(p.visible(&r), vec![0, 1, 2], "blocked < ready < unknown");
    }

    #[test]
    fn the_filter_matches_names_verdicts_and_reasons() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        let r = report();
        step(&mut p, Message::Filter("ALI".into()), &mut s);
        assert_eq!(p.visible(&r), vec![1]);
        step(&mut p, Message::Filter("blocked".into()), &mut s);
        assert_eq!(p.visible(&r), vec![0]);
        step(&mut p, Message::Filter("admin-protected".into()), &mut s);
        assert_eq!(p.visible(&r), vec![0]);
    }

    #[test]
    fn running_without_a_group_or_a_check_explains_what_is_missing() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(step(&mut p, Message::Run, &mut s).is_none());
        assert!(p.error.is_some());
        step(&mut p, Message::Group("CN=Pilot,DC=lab".into()), &mut s);
        assert!(step(&mut p, Message::Run, &mut s).is_none());
        assert!(p.error.as_ref().is_some_and(|e| !e.message.is_empty()));
        assert!(p.can_continue(&s), "the pilot page is optional");
    }
}
