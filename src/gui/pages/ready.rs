//! Page 9 — Ready to configure: the plan, every change with its before/after SDDL diff; the plan's
//! options (the risky ones off, with their warning); where the backup goes; the staging-mode
//! guard for switching writeback on; then "Configure".

use std::path::PathBuf;

use iced::widget::{button, checkbox, column, pick_list, row, text};
use iced::{Element, Length, Task};

use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::intent::{Intent, SettingsEdit};
use crate::gui::jobs::{self, Planned, UiError};
use crate::gui::run::RowId;
use crate::gui::shared::{Flow, Shared};
use crate::gui::style;
use crate::plan::{Action as Change, InetOrgPerson, PlanOptions};
use crate::t;
use crate::words::{Face, Words};

use super::{WizardPage, pick};

mod cloud_sync;

pub type Action = super::Action<Message>;

/// The inetOrgPerson choice, for the pick list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Iop(pub InetOrgPerson);

impl std::fmt::Display for Iop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self.0 {
            InetOrgPerson::Auto => t!("ready-iop-auto"),
            InetOrgPerson::Always => t!("ready-iop-always"),
            InetOrgPerson::Never => t!("ready-iop-never"),
        })
    }
}

/// Days to one decimal, as a number (so plural forms apply).
fn days(d: f64) -> f64 {
    (d * 10.0).round() / 10.0
}

const IOP: [Iop; 3] = [
    Iop(InetOrgPerson::Auto),
    Iop(InetOrgPerson::Always),
    Iop(InetOrgPerson::Never),
];

#[derive(Debug, Clone)]
pub enum Message {
    /// A directory's plan.
    Computed(RowId, Result<std::sync::Arc<Planned>, UiError>),
    /// The directory shown in detail.
    Pick(RowId),
    ProtectedContainers(bool),
    /// Grant in the synced OUs only (least privilege) instead of at the domain root.
    GrantInScope(bool),
    /// The narrow read grant on the SAM server object.
    GrantSamServer(bool),
    InetOrgPerson(Iop),
    MinAgeZero(bool),
    FixPso(String, bool),
    ClearStaleAdmin(bool),
    AdminSdHolder(bool),
    EnableWriteback(bool),
    /// Cloud Sync's switch: the Hybrid Identity Administrator and its password.
    HybridAdmin(String),
    HybridAdminPassword(super::Secret),
    Toggle(usize),
    ChooseBackup,
    BackupChosen(Option<PathBuf>),
    Recompute,
}

#[derive(Default)]
pub struct Page {
    /// The directories whose plan is being made.
    pub computing: std::collections::HashSet<RowId>,
    /// Why planning could not start.
    pub error: Option<UiError>,
    pub expanded: std::collections::BTreeSet<usize>,
    selected: Option<RowId>,
    handle: Option<iced::task::Handle>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every directory's plan at once, each from its assessment (a directory whose check
    /// failed has none), with the run's options.
    fn compute(&mut self, shared: &Shared, options: &PlanOptions) -> Action {
        self.computing.clear();
        self.error = None;
        self.expanded.clear();
        let mut tasks = Vec::new();
        for r in shared.rows() {
            let Some(a) = r.assessed().cloned() else {
                continue;
            };
            let params = match r.params() {
                Ok(p) => p,
                Err(e) => {
                    self.error = Some(e);
                    return Action::none();
                }
            };
            let id = r.id();
            self.computing.insert(id);
            tasks.push(Task::perform(
                jobs::compute_plan(params, Some(a), r.options(), options.clone()),
                move |p| Message::Computed(id, p),
            ));
        }
        let (task, handle) = super::abortable(Task::batch(tasks));
        self.handle = Some(handle);
        Action::intent(Intent::ForgetPlans).with(task)
    }

    /// A plan option changed: every directory is planned again.
    fn option(&mut self, shared: &Shared, change: impl FnOnce(&mut PlanOptions)) -> Action {
        let mut o = shared.settings().plan.clone();
        change(&mut o);
        let a = self.compute(shared, &o);
        Action {
            intents: std::iter::once(Intent::Settings(SettingsEdit::Plan(o)))
                .chain(a.intents)
                .collect(),
            task: a.task,
        }
    }

    fn options<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let o = &shared.settings().plan;
        let idle = self.computing.is_empty();
        let plans: Vec<&Planned> = shared
            .rows()
            .filter_map(|r| r.plan().map(|p| &**p))
            .collect();
        let shown = pick::shown(shared, self.selected).plan();
        let scoped = shared.rows().any(|r| !r.options().scopes.is_empty());
        let mut col = column![
            text(t!("ready-options")).size(16),
            checkbox(o.protected_containers)
                .label(t!("ready-protected-containers"))
                .on_toggle_maybe(idle.then_some(Message::ProtectedContainers)),
            checkbox(o.grant_at == crate::plan::GrantAt::Scope)
                .label(t!("ready-grant-in-scope"))
                .on_toggle_maybe((idle && scoped).then_some(Message::GrantInScope)),
            style::note(t!("ready-grant-in-scope-hint")),
            row![
                text(t!("ready-iop")).size(14),
                pick_list(&IOP[..], Some(Iop(o.inetorgperson)), Message::InetOrgPerson),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            checkbox(o.min_password_age_zero)
                .label(t!(
                    "ready-min-age",
                    days = days(shown.map_or(0.0, |p| Planned::days(p.domain_min_age)))
                ))
                .on_toggle_maybe(idle.then_some(Message::MinAgeZero)),
        ]
        .spacing(8);
        // Every directory's PSOs with a minimum age, once each.
        let mut psos: Vec<(&String, i64)> = Vec::new();
        for (name, d) in plans.iter().flat_map(|p| p.psos.iter()) {
            if !psos.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
                psos.push((name, *d));
            }
        }
        for (name, d) in psos {
            let on = o.fix_pso.iter().any(|p| p.eq_ignore_ascii_case(name));
            let n = name.clone();
            col = col.push(
                checkbox(on)
                    .label(t!(
                        "ready-fix-pso",
                        name = name.as_str(),
                        days = days(Planned::days(Some(d)))
                    ))
                    .on_toggle_maybe(idle.then_some(move |b| Message::FixPso(n.clone(), b))),
            );
        }
        style::section(col.push(self.risky_options(shared, &plans)))
    }

    /// The options that change more than the connector's rights, each with its warning.
    fn risky_options<'a>(
        &'a self,
        shared: &'a Shared,
        plans: &[&Planned],
    ) -> iced::widget::Column<'a, Message> {
        let o = &shared.settings().plan;
        let idle = self.computing.is_empty();
        let mut col = column![].spacing(8);
        let stale: usize = plans.iter().map(|p| p.stale_admin).sum();
        if stale > 0 || o.clear_stale_admincount {
            col = col.push(
                checkbox(o.clear_stale_admincount)
                    .label(t!("ready-clear-stale", count = stale))
                    .on_toggle_maybe(idle.then_some(Message::ClearStaleAdmin)),
            );
            col = col.push(style::note(t!("ready-clear-stale-warning")));
        }
        let relies = shared
            .rows()
            .filter_map(|r| r.assessed())
            .any(|a| a.outcome.facts.sam_server_relies_on_pre2000());
        if relies || o.grant_samserver {
            col = col.push(
                checkbox(o.grant_samserver)
                    .label(t!("ready-grant-samserver"))
                    .on_toggle_maybe(idle.then_some(Message::GrantSamServer)),
            );
            col = col.push(style::note(t!("ready-grant-samserver-hint")));
        }
        col = col.push(
            checkbox(o.include_adminsdholder)
                .label(t!("ready-adminsdholder"))
                .on_toggle_maybe(idle.then_some(Message::AdminSdHolder)),
        );
        col = col.push(if o.include_adminsdholder {
            style::warning_box(t!("ready-adminsdholder-warning"))
        } else {
            style::note(t!("ready-adminsdholder-warning"))
        });
        col
    }

    fn changes<'a>(&'a self, p: &'a Planned) -> Element<'a, Message> {
        let plan = &p.plan;
        let mut col = column![
            text(if plan.is_empty() {
                t!("ready-nothing")
            } else {
                t!("ready-changes", count = plan.changes.len())
            })
            .size(16)
        ]
        .spacing(6);
        let words = Words::current(Face::Wizard);
        if let Some(r) = &plan.reach {
            col = col.push(style::note(words.reach(r)));
        }
        for w in words.plan_warnings(plan) {
            col = col.push(style::warning_box(w));
        }
        for n in &plan.not_fixed {
            col = col.push(style::error_box(t!(
                "ready-not-fixed",
                id = n.id.as_str(),
                object = n.object.as_str(),
                reason = words.not_fixed(n),
                users = n.users
            )));
            for e in &n.evidence {
                col = col.push(style::mono(e.clone()));
            }
        }
        for (i, change) in plan.changes.iter().enumerate() {
            col = col.push(self.change(i, change, &words));
        }
        style::section(col)
    }

    /// One change: what and where, and when opened its SDDL diff, before and after.
    fn change<'a>(
        &'a self,
        i: usize,
        change: &'a crate::plan::Change,
        words: &Words,
    ) -> Element<'a, Message> {
        let open = self.expanded.contains(&i);
        let kind = match &change.action {
            Change::AddAces { .. } => t!("ready-kind-aces"),
            Change::EnableInheritance => t!("ready-kind-inheritance"),
            Change::SetAttribute { attribute, .. } => {
                t!("ready-kind-attribute", attribute = attribute.as_str())
            }
        };
        let head = button(
            row![
                text(if open { "▾" } else { "▸" }).size(14),
                column![
                    text(format!("{}. {kind}", i + 1)).size(14),
                    style::mono(change.dn.clone()),
                ]
                .spacing(2)
                .width(Length::Fill),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        )
        .style(iced::widget::button::text)
        .width(Length::Fill)
        .on_press(Message::Toggle(i));
        if !open {
            return head.into();
        }
        let mut d = column![text(words.change(change)).size(13)].spacing(4);
        for line in &change.diff {
            let t = text(line.clone()).size(12).font(iced::Font::MONOSPACE);
            d = d.push(if line.starts_with('+') {
                t.style(text::success)
            } else if line.starts_with('-') {
                t.style(text::danger)
            } else {
                t
            });
        }
        if let (Some(b), Some(a)) = (&change.before_sddl, &change.after_sddl) {
            d = d
                .push(text(t!("ready-before")).size(13))
                .push(style::mono(b.clone()))
                .push(text(t!("ready-after")).size(13))
                .push(style::mono(a.clone()));
        }
        column![
            head,
            iced::widget::container(d).padding(iced::Padding::default().left(28))
        ]
        .into()
    }

    /// With several directories: each one's plan in a line (or why there is none).
    fn directories<'a>(&'a self, shared: &'a Shared) -> Option<Element<'a, Message>> {
        if shared.count() < 2 {
            return None;
        }
        let mut c = column![text(t!("run-directories")).size(16)].spacing(6);
        for r in shared.rows() {
            let label = r.label();
            c = c.push(match r.planned() {
                _ if self.computing.contains(&r.id()) => {
                    style::note(format!("{label}: {}", t!("ready-computing")))
                }
                Some(Ok(p)) => text(t!(
                    "ready-directory-changes",
                    label = label.as_str(),
                    count = crate::words::n(p.plan.changes.len())
                ))
                .into(),
                Some(Err(e)) => style::error_box(t!(
                    "ready-directory-failed",
                    label = label.as_str(),
                    reason = e.message.as_str()
                )),
                None => style::warning_box(t!("ready-directory-unchecked", label = label.as_str())),
            });
        }
        Some(style::section(c))
    }

    fn sync_server<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        if shared.flow() == Flow::CloudSync {
            return self.cloud_sync(shared);
        }
        let mut col = column![text(t!("ready-sync-server")).size(16)].spacing(6);
        match shared.sync().info() {
            None => col = col.push(style::note(t!("ready-no-sync-server"))),
            Some(i) if i.staging_mode_enabled == Some(true) => {
                col = col.push(style::warning_box(t!("ready-staging")))
            }
            Some(i) if i.password_writeback_enabled == Some(true) => {
                col = col.push(style::note(t!("ready-writeback-on")))
            }
            Some(_) => {
                col = col.push(
                    checkbox(shared.settings().enable_writeback)
                        .label(t!("ready-enable-writeback"))
                        .on_toggle(Message::EnableWriteback),
                )
            }
        }
        style::section(col)
    }

    /// Where the run's file goes (each directory's backup beside it).
    fn backup<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        style::section(
            column![
                text(t!("ready-backup")).size(16),
                style::mono(shared.backup_path().display().to_string()),
                row![
                    button(text(t!("ready-choose-backup"))).on_press(Message::ChooseBackup),
                    style::note(t!("ready-backup-hint")),
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            ]
            .spacing(6),
        )
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        !self.computing.is_empty()
    }

    fn enter(&mut self, shared: &Shared) -> Action {
        let fresh = Action::intent(Intent::DefaultBackupPath);
        if shared.all_planned() {
            return fresh;
        }
        let a = self.compute(shared, &shared.settings().plan);
        Action {
            intents: fresh.intents.into_iter().chain(a.intents).collect(),
            task: a.task,
        }
    }

    fn leave(&mut self) {
        if self.handle.take().is_some() {
            self.computing.clear();
        }
    }

    fn can_continue(&self, shared: &Shared) -> bool {
        self.computing.is_empty() && shared.all_planned() && !shared.cloud_sync_incomplete()
    }

    fn update(&mut self, message: Message, shared: &Shared) -> Action {
        use crate::plan::GrantAt;
        let edit = |e: SettingsEdit| Action::intent(Intent::Settings(e));
        match message {
            Message::Computed(id, r) => {
                self.computing.remove(&id);
                if self.computing.is_empty() {
                    self.handle = None;
                }
                if let Ok(p) = &r {
                    tracing::info!("plan: {} change(s)", p.plan.changes.len());
                }
                Action::intent(Intent::Planned(id, r))
            }
            Message::Pick(id) => {
                self.selected = Some(id);
                self.expanded.clear();
                Action::none()
            }
            Message::ProtectedContainers(b) => self.option(shared, |o| o.protected_containers = b),
            Message::GrantSamServer(b) => self.option(shared, |o| o.grant_samserver = b),
            Message::GrantInScope(b) => self.option(shared, |o| {
                o.grant_at = if b { GrantAt::Scope } else { GrantAt::Root }
            }),
            Message::InetOrgPerson(i) => self.option(shared, |o| o.inetorgperson = i.0),
            Message::MinAgeZero(b) => self.option(shared, |o| o.min_password_age_zero = b),
            Message::FixPso(name, on) => self.option(shared, |o| {
                o.fix_pso.retain(|p| !p.eq_ignore_ascii_case(&name));
                if on {
                    o.fix_pso.push(name);
                }
            }),
            Message::ClearStaleAdmin(b) => self.option(shared, |o| o.clear_stale_admincount = b),
            Message::AdminSdHolder(b) => self.option(shared, |o| o.include_adminsdholder = b),
            Message::EnableWriteback(b) => edit(SettingsEdit::EnableWriteback(b)),
            Message::HybridAdmin(user) => Action::intent(Intent::HybridAdmin(user)),
            Message::HybridAdminPassword(p) => Action::intent(Intent::HybridAdminPassword(p.0)),
            Message::Toggle(i) => {
                if !self.expanded.remove(&i) {
                    self.expanded.insert(i);
                }
                Action::none()
            }
            Message::ChooseBackup => Action::run(Task::perform(
                shared.dialogs().save(
                    Purpose::Backup,
                    t!("ready-choose-backup"),
                    Some(shared.backup_path().clone()),
                    vec![Filter::new(t!("filter-backup"), &["json"])],
                ),
                Message::BackupChosen,
            )),
            Message::BackupChosen(None) => Action::none(),
            Message::BackupChosen(Some(p)) => Action::intent(Intent::BackupPath(p)),
            Message::Recompute => self.compute(shared, &shared.settings().plan),
        }
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let mut c = column![
            style::heading(t!("ready-title")),
            style::lead(t!("ready-lead")),
        ]
        .spacing(12);
        c = c.push(self.options(shared));
        if !self.computing.is_empty() {
            c = c.push(style::note(t!("ready-computing")));
        }
        if let Some(e) = &self.error {
            c = c.push(style::error_box(e.message.clone()));
            c = c.push(button(text(t!("ready-again"))).on_press(Message::Recompute));
        }
        if let Some(d) = self.directories(shared) {
            c = c.push(d);
        }
        if let Some(p) = pick::picker(shared, self.selected, Message::Pick) {
            c = c.push(p);
        }
        let shown = pick::shown(shared, self.selected);
        match shown.planned() {
            _ if self.computing.contains(&shown.id()) => {}
            Some(Ok(p)) => c = c.push(self.changes(p)),
            Some(Err(e)) => {
                c = c.push(style::error_box(e.message.clone()));
                c = c.push(button(text(t!("ready-again"))).on_press(Message::Recompute));
            }
            None => {}
        }
        c = c.push(self.backup(shared));
        c = c.push(self.sync_server(shared));
        c.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::pages::step;
    use crate::gui::run::DirectoryEdit;

    fn shared() -> Shared {
        let mut s = Shared::for_tests();
        let id = s.first().id();
        for edit in [
            DirectoryEdit::Server("dc1.lab".into()),
            DirectoryEdit::User("admin".into()),
            DirectoryEdit::Password(zeroize::Zeroizing::new("pw".into())),
        ] {
            s.apply(Intent::Directory(id, edit));
        }
        s
    }

    #[test]
    fn changing_an_option_plans_again_and_risky_ones_start_off() {
        let mut s = shared();
        let mut p = Page::new();
        assert!(!s.settings().plan.include_adminsdholder);
        assert!(!s.settings().plan.clear_stale_admincount);
        step(&mut p, Message::AdminSdHolder(true), &mut s);
        assert!(s.settings().plan.include_adminsdholder);
        step(&mut p, Message::FixPso("LabPSO".into(), true), &mut s);
        assert_eq!(s.settings().plan.fix_pso, ["LabPSO"]);
        step(&mut p, Message::FixPso("labpso".into(), false), &mut s);
        assert!(s.settings().plan.fix_pso.is_empty());
        assert!(!p.can_continue(&s), "nothing planned yet");
    }

    #[test]
    fn a_chosen_backup_path_is_used_and_remembered_as_the_folder() {
        let mut s = shared();
        let mut p = Page::new();
        step(
            &mut p,
            Message::BackupChosen(Some("/tmp/b/backup-x.json".into())),
            &mut s,
        );
        assert_eq!(s.backup_path(), &PathBuf::from("/tmp/b/backup-x.json"));
        assert_eq!(s.settings().backup_dir, Some(PathBuf::from("/tmp/b")));
    }
}
