//! View current configuration: what Entra Connect on this computer reports, who is signed in,
//! and the wizard's answers (what a profile would save).

use iced::Element;
use iced::widget::{column, text};

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

    fn update(&mut self, message: Message, _shared: &Shared) -> Action {
        match message {}
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        column![
            style::heading(t!("current-title")),
            style::section(sync_server(shared)),
            style::section(answers(shared)),
        ]
        .spacing(12)
        .into()
    }
}

fn on_off(b: Option<bool>) -> String {
    match b {
        Some(true) => t!("state-on"),
        Some(false) => t!("state-off"),
        None => t!("state-unknown"),
    }
}

/// Entra Connect as it was read on this computer: its state, connectors and OU filters.
fn sync_server(shared: &Shared) -> iced::widget::Column<'_, Message> {
    let mut sync = column![text(t!("current-sync")).size(18)].spacing(4);
    let i = match shared.sync() {
        SyncState::Detecting => return sync.push(style::note(t!("welcome-detecting"))),
        SyncState::Failed(e) => return sync.push(style::error_box(e.clone())),
        SyncState::Read(Some(i)) if i.installed => i,
        SyncState::Read(_) => return sync.push(style::note(t!("welcome-not-installed"))),
    };
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
    sync
}

/// The run's answers: the tenant, each directory's, the pilot group; never a secret.
fn answers(shared: &Shared) -> iced::widget::Column<'_, Message> {
    let s = shared.settings();
    let mut c = column![
        text(t!("current-answers")).size(18),
        style::field(t!("entra-cloud"), s.cloud.to_string()),
        style::field(t!("entra-tenant"), s.tenant.clone()),
    ]
    .spacing(4);
    for d in shared.directories().all() {
        let a = d.settings();
        c = c
            .push(style::field(t!("directory-server"), a.server.clone()))
            .push(style::field(
                t!("directory-transport"),
                a.transport.to_string(),
            ))
            .push(style::field(t!("directory-user"), a.user.clone()))
            .push(style::field(t!("directory-connector"), a.connector.clone()))
            .push(style::field(
                t!("scope-title"),
                if d.sync_all() {
                    t!("scope-all")
                } else {
                    a.scopes.join("; ")
                },
            ));
    }
    c.push(style::field(t!("step-pilot"), s.pilot_group.clone()))
        .push(style::note(t!("current-no-secrets")))
}
