//! View current configuration: what Entra Connect on this computer reports, who is signed in,
//! and the wizard's answers (what a profile would save).

use iced::widget::{column, text};
use iced::{Element, Task};

use crate::gui::shared::{Shared, SyncState};
use crate::gui::style;
use crate::t;

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {}

#[derive(Default)]
pub struct Page;

impl Page {
    pub fn new() -> Self {
        Self
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn enter(&mut self, _shared: &mut Shared) -> Task<Message> {
        Task::none()
    }

    fn update(&mut self, message: Message, _shared: &mut Shared) -> Action {
        match message {}
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let on_off = |b: Option<bool>| match b {
            Some(true) => t!("state-on"),
            Some(false) => t!("state-off"),
            None => t!("state-unknown"),
        };
        let mut sync = column![text(t!("current-sync")).size(18)].spacing(4);
        match &shared.sync {
            SyncState::Detecting => sync = sync.push(style::note(t!("welcome-detecting"))),
            SyncState::Failed(e) => sync = sync.push(style::error_box(e.clone())),
            SyncState::Read(Some(i)) if i.installed => {
                sync = sync
                    .push(style::field(
                        t!("welcome-connect-version"),
                        i.version.clone().unwrap_or_else(|| t!("state-unknown")),
                    ))
                    .push(style::field(
                        t!("welcome-staging"),
                        on_off(i.staging_mode_enabled),
                    ))
                    .push(style::field(
                        t!("current-sync-cycle"),
                        on_off(i.sync_cycle_enabled),
                    ))
                    .push(style::field(
                        t!("welcome-writeback"),
                        on_off(i.password_writeback_enabled),
                    ));
                for c in &i.connectors {
                    sync = sync.push(style::field(
                        t!("current-connector"),
                        format!(
                            "{} ({}){}",
                            c.name,
                            c.connector_type,
                            c.account().map(|a| format!(", {a}")).unwrap_or_default()
                        ),
                    ));
                    for inc in &c.inclusions {
                        sync = sync.push(style::mono(format!("    {inc}")));
                    }
                }
                for e in &i.errors {
                    sync = sync.push(style::warning_box(format!("{}: {}", e.cmdlet, e.message)));
                }
            }
            SyncState::Read(_) => sync = sync.push(style::note(t!("welcome-not-installed"))),
        }
        let s = &shared.settings;
        let answers = column![
            text(t!("current-answers")).size(18),
            style::field(t!("entra-cloud"), s.cloud.to_string()),
            style::field(t!("entra-tenant"), s.tenant.clone()),
            style::field(t!("directory-server"), s.server.clone()),
            style::field(t!("directory-transport"), s.transport.to_string()),
            style::field(t!("directory-user"), s.user.clone()),
            style::field(t!("directory-connector"), s.connector.clone()),
            style::field(
                t!("scope-title"),
                if s.sync_all {
                    t!("scope-all")
                } else {
                    s.scopes.join("; ")
                }
            ),
            style::field(t!("step-pilot"), s.pilot_group.clone()),
            style::note(t!("current-no-secrets")),
        ]
        .spacing(4);
        column![
            style::heading(t!("current-title")),
            style::section(sync),
            style::section(answers),
        ]
        .spacing(12)
        .into()
    }
}
