//! Page 9 — Ready to configure: the plan, every change with its before/after SDDL diff; the plan's
//! options (the risky ones off, with their warning); where the backup goes; the staging-mode
//! guard for switching writeback on; then "Configure".

use std::path::PathBuf;

use iced::widget::{button, checkbox, column, pick_list, row, text};
use iced::{Element, Length, Task};

use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::jobs::{self, Planned, UiError};
use crate::gui::shared::{Flow, Shared};
use crate::gui::style;
use crate::plan::{Action as Change, InetOrgPerson};
use crate::t;

use super::WizardPage;

mod cloud_sync;
mod others;

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
    Computed(Result<std::sync::Arc<Planned>, UiError>),
    /// The other directories' plans.
    OthersPlanned(Vec<jobs::OtherPlan>),
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
    pub computing: bool,
    pub error: Option<UiError>,
    pub expanded: std::collections::BTreeSet<usize>,
    handle: Option<iced::task::Handle>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether Configure will switch writeback on in Entra Connect: asked for, on the sync
    /// server, and not in staging mode.
    pub fn will_enable_writeback(shared: &Shared) -> bool {
        if shared.flow == Flow::CloudSync {
            return Self::will_enable_cloud_sync(shared);
        }
        shared.settings.enable_writeback
            && shared
                .sync
                .info()
                .is_some_and(|i| i.staging_mode_enabled != Some(true))
    }

    /// Whether Configure will switch Cloud Sync writeback on: asked for, on an agent server
    /// whose agent is new enough, with the administrator's sign-in given.
    pub fn will_enable_cloud_sync(shared: &Shared) -> bool {
        Self::cloud_sync_asked(shared) && Self::hybrid_admin_given(shared)
    }

    /// Cloud Sync's switch is asked for but its sign-in is not complete yet.
    fn cloud_sync_incomplete(shared: &Shared) -> bool {
        Self::cloud_sync_asked(shared) && !Self::hybrid_admin_given(shared)
    }

    /// On the Cloud Sync path, the switch asked for on an agent new enough to take it.
    fn cloud_sync_asked(shared: &Shared) -> bool {
        shared.flow == Flow::CloudSync
            && shared.settings.enable_writeback
            && shared
                .sync
                .agent()
                .is_some_and(|a| a.too_old() != Some(true))
    }

    fn hybrid_admin_given(shared: &Shared) -> bool {
        !shared.hybrid_admin.trim().is_empty() && !shared.hybrid_admin_password.is_empty()
    }

    fn compute(&mut self, shared: &mut Shared) -> Action {
        let params = match shared.directory_params() {
            Ok(p) => p,
            Err(e) => {
                self.error = Some(UiError::other(e));
                return Action::None;
            }
        };
        shared.set_planned(None);
        self.computing = true;
        self.error = None;
        self.expanded.clear();
        let mut tasks = vec![Task::perform(
            jobs::compute_plan(
                params,
                shared.assessment.clone(),
                shared.check_options(),
                shared.settings.plan.clone(),
            ),
            Message::Computed,
        )];
        tasks.extend(self.plan_others(shared));
        let (task, handle) = super::abortable(Task::batch(tasks));
        self.handle = Some(handle);
        Action::Run(task)
    }

    fn options<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let o = &shared.settings.plan;
        let idle = !self.computing;
        let planned = shared.planned.as_deref();
        let mut col = column![
            text(t!("ready-options")).size(16),
            checkbox(o.protected_containers)
                .label(t!("ready-protected-containers"))
                .on_toggle_maybe(idle.then_some(Message::ProtectedContainers)),
            checkbox(o.grant_at == crate::plan::GrantAt::Scope)
                .label(t!("ready-grant-in-scope"))
                .on_toggle_maybe(
                    (idle && !shared.settings.scopes.is_empty()).then_some(Message::GrantInScope)
                ),
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
                    days = days(planned.map_or(0.0, |p| Planned::days(p.domain_min_age)))
                ))
                .on_toggle_maybe(idle.then_some(Message::MinAgeZero)),
        ]
        .spacing(8);
        for (name, d) in planned.map(|p| p.psos.as_slice()).unwrap_or_default() {
            let on = o.fix_pso.iter().any(|p| p.eq_ignore_ascii_case(name));
            let n = name.clone();
            col = col.push(
                checkbox(on)
                    .label(t!(
                        "ready-fix-pso",
                        name = name.as_str(),
                        days = days(Planned::days(Some(*d)))
                    ))
                    .on_toggle_maybe(idle.then_some(move |b| Message::FixPso(n.clone(), b))),
            );
        }
        if planned.is_some_and(|p| p.stale_admin > 0) || o.clear_stale_admincount {
            col = col.push(
                checkbox(o.clear_stale_admincount)
                    .label(t!(
                        "ready-clear-stale",
                        count = planned.map_or(0_usize, |p| p.stale_admin)
                    ))
                    .on_toggle_maybe(idle.then_some(Message::ClearStaleAdmin)),
            );
            col = col.push(style::note(t!("ready-clear-stale-warning")));
        }
        let relies = shared
            .assessment
            .as_ref()
            .is_some_and(|a| a.outcome.facts.sam_server_relies_on_pre2000());
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
        style::section(col)
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
        let words = crate::words::Words::current(crate::words::Face::Wizard);
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
            let open = self.expanded.contains(&i);
            let kind = match &change.action {
                Change::AddAces { .. } => t!("ready-kind-aces"),
                Change::EnableInheritance => t!("ready-kind-inheritance"),
                Change::SetAttribute { attribute, .. } => {
                    t!("ready-kind-attribute", attribute = attribute.as_str())
                }
            };
            col = col.push(
                button(
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
                .on_press(Message::Toggle(i)),
            );
            if open {
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
                col =
                    col.push(iced::widget::container(d).padding(iced::Padding::default().left(28)));
            }
        }
        style::section(col)
    }

    fn sync_server<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        if shared.flow == Flow::CloudSync {
            return self.cloud_sync(shared);
        }
        let mut col = column![text(t!("ready-sync-server")).size(16)].spacing(6);
        match shared.sync.info() {
            None => col = col.push(style::note(t!("ready-no-sync-server"))),
            Some(i) if i.staging_mode_enabled == Some(true) => {
                col = col.push(style::warning_box(t!("ready-staging")))
            }
            Some(i) if i.password_writeback_enabled == Some(true) => {
                col = col.push(style::note(t!("ready-writeback-on")))
            }
            Some(_) => {
                col = col.push(
                    checkbox(shared.settings.enable_writeback)
                        .label(t!("ready-enable-writeback"))
                        .on_toggle(Message::EnableWriteback),
                )
            }
        }
        style::section(col)
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.computing
    }

    fn enter(&mut self, shared: &mut Shared) -> Task<Message> {
        shared.backup_path = crate::gui::shared::default_backup(&shared.settings);
        if shared.planned.is_some() {
            return Task::none();
        }
        match self.compute(shared) {
            Action::Run(t) => t,
            _ => Task::none(),
        }
    }

    fn leave(&mut self) {
        if self.handle.take().is_some() {
            self.computing = false;
        }
    }

    fn can_continue(&self, shared: &Shared) -> bool {
        !self.computing
            && shared.planned.is_some()
            && (shared.settings.directories.is_empty() || shared.others_planned.is_some())
            && !Self::cloud_sync_incomplete(shared)
    }

    fn update(&mut self, message: Message, shared: &mut Shared) -> Action {
        let o = &mut shared.settings.plan;
        match message {
            Message::OthersPlanned(list) => {
                shared.others_planned = Some(list);
                if !self.computing {
                    self.handle = None;
                }
                return Action::None;
            }
            Message::Computed(r) => {
                self.computing = false;
                // Dropping the handle would stop the other directories' planning too.
                if shared.settings.directories.is_empty() || shared.others_planned.is_some() {
                    self.handle = None;
                }
                match r {
                    Ok(p) => {
                        tracing::info!("plan: {} change(s)", p.plan.changes.len());
                        shared.set_planned(Some(p));
                    }
                    Err(e) => self.error = Some(e),
                }
                return Action::None;
            }
            Message::ProtectedContainers(b) => o.protected_containers = b,
            Message::GrantSamServer(b) => o.grant_samserver = b,
            Message::GrantInScope(b) => {
                o.grant_at = if b {
                    crate::plan::GrantAt::Scope
                } else {
                    crate::plan::GrantAt::Root
                }
            }
            Message::InetOrgPerson(i) => o.inetorgperson = i.0,
            Message::MinAgeZero(b) => o.min_password_age_zero = b,
            Message::FixPso(name, on) => {
                o.fix_pso.retain(|p| !p.eq_ignore_ascii_case(&name));
                if on {
                    o.fix_pso.push(name);
                }
            }
            Message::ClearStaleAdmin(b) => o.clear_stale_admincount = b,
            Message::AdminSdHolder(b) => o.include_adminsdholder = b,
            Message::EnableWriteback(b) => {
                shared.settings.enable_writeback = b;
                return Action::None;
            }
            Message::HybridAdmin(user) => {
                shared.hybrid_admin = user;
                return Action::None;
            }
            Message::HybridAdminPassword(p) => {
                shared.hybrid_admin_password = p.0;
                return Action::None;
            }
            Message::Toggle(i) => {
                if !self.expanded.remove(&i) {
                    self.expanded.insert(i);
                }
                return Action::None;
            }
            Message::ChooseBackup => {
                return Action::Run(Task::perform(
                    shared.dialogs.save(
                        Purpose::Backup,
                        t!("ready-choose-backup"),
                        Some(shared.backup_path.clone()),
                        vec![Filter::new(t!("filter-backup"), &["json"])],
                    ),
                    Message::BackupChosen,
                ));
            }
            Message::BackupChosen(None) => return Action::None,
            Message::BackupChosen(Some(p)) => {
                shared.settings.backup_dir = p.parent().map(|d| d.to_path_buf());
                shared.backup_path = p;
                return Action::None;
            }
            Message::Recompute => {}
        }
        // An option changed: plan again (the previous computation is dropped).
        self.compute(shared)
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let mut c = column![
            style::heading(t!("ready-title")),
            style::lead(t!("ready-lead")),
        ]
        .spacing(12);
        c = c.push(self.options(shared));
        if self.computing {
            c = c.push(style::note(t!("ready-computing")));
        }
        if let Some(e) = &self.error {
            c = c.push(style::error_box(e.message.clone()));
            c = c.push(button(text(t!("ready-again"))).on_press(Message::Recompute));
        }
        if let Some(p) = shared.planned.as_ref().filter(|_| !self.computing) {
            c = c.push(self.changes(p));
        }
        c = c.push(style::section(
            column![
                text(t!("ready-backup")).size(16),
                style::mono(shared.backup_path.display().to_string()),
                row![
                    button(text(t!("ready-choose-backup"))).on_press(Message::ChooseBackup),
                    style::note(t!("ready-backup-hint")),
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            ]
            .spacing(6),
        ));
        if let Some(o) = self.others_view(shared) {
            c = c.push(o);
        }
        c = c.push(self.sync_server(shared));
        c.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::shared::SyncState;
    use crate::syncserver::SyncServerInfo;

    fn shared() -> Shared {
        let mut s = Shared::for_tests();
        s.settings.server = "dc1.lab".into();
        s.settings.user = "admin".into();
        s.password = zeroize::Zeroizing::new("pw".into());
        s
    }

    #[test]
    fn changing_an_option_plans_again_and_risky_ones_start_off() {
        let mut s = shared();
        let mut p = Page::new();
        assert!(!s.settings.plan.include_adminsdholder);
        assert!(!s.settings.plan.clear_stale_admincount);
        assert!(p.update(Message::AdminSdHolder(true), &mut s).is_run());
        assert!(p.computing && !p.can_continue(&s));
        assert!(s.settings.plan.include_adminsdholder);
        assert!(
            p.update(Message::FixPso("LabPSO".into(), true), &mut s)
                .is_run()
        );
        assert_eq!(s.settings.plan.fix_pso, vec!["LabPSO".to_string()]);
        p.update(Message::FixPso("labpso".into(), false), &mut s);
        assert!(s.settings.plan.fix_pso.is_empty());
    }

    #[test]
    fn writeback_is_never_switched_on_in_staging_mode_or_off_the_sync_server() {
        let mut s = shared();
        assert!(!Page::will_enable_writeback(&s), "not a sync server");
        s.sync = SyncState::Read(Some(SyncServerInfo {
            installed: true,
            staging_mode_enabled: Some(true),
            ..Default::default()
        }));
        assert!(!Page::will_enable_writeback(&s), "staging mode");
        s.sync = SyncState::Read(Some(SyncServerInfo {
            installed: true,
            staging_mode_enabled: Some(false),
            ..Default::default()
        }));
        assert!(Page::will_enable_writeback(&s));
        Page::new().update(Message::EnableWriteback(false), &mut s);
        assert!(!Page::will_enable_writeback(&s));
    }

    #[test]
    fn a_chosen_backup_path_is_used_and_remembered_as_the_folder() {
        let mut s = shared();
        let mut p = Page::new();
        p.update(
            Message::BackupChosen(Some("/tmp/b/backup-x.json".into())),
            &mut s,
        );
        assert_eq!(s.backup_path, PathBuf::from("/tmp/b/backup-x.json"));
        assert_eq!(s.settings.backup_dir, Some(PathBuf::from("/tmp/b")));
    }
}
