//! Page 1 — Welcome: what this does, what was found on this computer, and a lookup for the event ID
//! or error code people arrive with.

use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Task};

use crate::explain;
use crate::gui::jobs;
use crate::gui::shared::{Shared, SyncState};
use crate::gui::style;
use crate::syncserver::SyncServerInfo;
use crate::t;

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    Detected(Result<Option<SyncServerInfo>, String>),
    Code(String),
    LookUp,
}

#[derive(Default)]
pub struct Page {
    pub code: String,
    /// The code looked up, and its entry (`None`: not known).
    pub looked_up: Option<(String, Option<&'static explain::Entry>)>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads Entra Connect on this computer.
    pub fn detect(&self, shared: &Shared) -> Task<Message> {
        Task::perform(
            jobs::read_sync_server(shared.powershell.clone()),
            Message::Detected,
        )
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, shared: &Shared) -> bool {
        matches!(shared.sync, crate::gui::shared::SyncState::Detecting)
    }

    fn can_continue(&self, _shared: &Shared) -> bool {
        true
    }

    fn update(&mut self, message: Message, shared: &mut Shared) -> Action {
        match message {
            Message::Detected(result) => {
                shared.sync = match result {
                    Ok(info) => {
                        if let Some(i) = info.as_ref().filter(|i| i.installed) {
                            prefill(shared, i);
                        }
                        // A provisioning agent server without Entra Connect: the Cloud Sync
                        // path is the one that fits (the next page can change it).
                        if info
                            .as_ref()
                            .is_some_and(|i| !i.installed && i.agent().is_some())
                        {
                            shared.flow = crate::gui::shared::Flow::CloudSync;
                        }
                        SyncState::Read(info)
                    }
                    Err(e) => SyncState::Failed(e),
                };
            }
            Message::Code(c) => self.code = c,
            Message::LookUp => {
                let code = self.code.trim().to_string();
                if !code.is_empty() {
                    let entry = explain::lookup(&code);
                    self.looked_up = Some((code, entry));
                }
            }
        }
        Action::None
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let detected: Element<'a, Message> = match &shared.sync {
            SyncState::Detecting => style::note(t!("welcome-detecting")),
            SyncState::Failed(e) => {
                style::warning_box(t!("welcome-detect-failed", reason = e.as_str()))
            }
            SyncState::Read(Some(i)) if i.installed => {
                let on_off = |b: Option<bool>| match b {
                    Some(true) => t!("state-on"),
                    Some(false) => t!("state-off"),
                    None => t!("state-unknown"),
                };
                column![
                    style::field(
                        t!("welcome-connect-version"),
                        i.version.clone().unwrap_or_else(|| t!("state-unknown"))
                    ),
                    style::field(t!("welcome-staging"), on_off(i.staging_mode_enabled)),
                    style::field(
                        t!("welcome-writeback"),
                        on_off(i.password_writeback_enabled)
                    ),
                ]
                .spacing(4)
                .into()
            }
            SyncState::Read(Some(i)) if i.agent().is_some() => column![].into(),
            SyncState::Read(_) => style::note(t!("welcome-not-installed")),
        };
        let agent: Option<Element<'a, Message>> = shared.sync.agent().map(|a| {
            column![
                style::field(
                    t!("welcome-agent-version"),
                    a.version.clone().unwrap_or_else(|| t!("state-unknown"))
                ),
                style::field(
                    t!("welcome-agent-service"),
                    a.service_status
                        .clone()
                        .unwrap_or_else(|| t!("state-unknown"))
                ),
                style::note(t!("welcome-agent-hint")),
            ]
            .spacing(4)
            .into()
        });
        let mut lookup = column![
            text(t!("welcome-explain-title")).size(18),
            style::note(t!("welcome-explain-hint")),
            row![
                text_input(&t!("welcome-explain-placeholder"), &self.code)
                    .on_input(Message::Code)
                    .on_submit(Message::LookUp)
                    .width(320),
                button(text(t!("welcome-explain-button"))).on_press(Message::LookUp),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        ]
        .spacing(8);
        if let Some((code, entry)) = &self.looked_up {
            lookup = lookup.push(explanation(code, *entry));
        }
        column![
            style::heading(t!("welcome-title")),
            style::lead(t!("welcome-lead")),
            style::lead(t!("welcome-what")),
            style::section({
                let c = column![text(t!("welcome-detected")).size(18), detected].spacing(8);
                match agent {
                    Some(a) => c.push(a),
                    None => c,
                }
            }),
            style::section(lookup),
            style::note(t!("welcome-start-hint")),
        ]
        .spacing(16)
        .into()
    }
}

/// The answers Entra Connect already knows: forest, connector account, OU filter.
fn prefill(shared: &mut Shared, info: &SyncServerInfo) {
    let s = &mut shared.settings;
    if let Some(ad) = info.ad_connectors().next() {
        if s.server.is_empty()
            && let Some(f) = &ad.forest_name
        {
            s.server = f.clone();
        }
        if s.connector.is_empty()
            && let Some(a) = ad.account()
        {
            s.connector = a;
        }
        if s.scopes.is_empty() && !ad.inclusions.is_empty() {
            s.scopes = ad.inclusions.clone();
            s.sync_all = false;
        }
    }
}

/// An explain entry as the CLI prints it: meaning, causes with the finding that detects
/// each, and the documents.
fn explanation<'a>(code: &str, entry: Option<&'static explain::Entry>) -> Element<'a, Message> {
    let Some(e) = entry else {
        let mut c = column![style::warning_box(t!(
            "welcome-explain-unknown",
            code = code
        ))]
        .spacing(4);
        // The wizard's own words for the checklist: what to click, not which command to type.
        for item in [
            t!("welcome-checklist-check"),
            t!("welcome-checklist-events"),
            t!("welcome-checklist-switches"),
            t!("welcome-checklist-try"),
        ] {
            c = c.push(text(format!("• {item}")).size(14));
        }
        return c.into();
    };
    let mut c = column![
        style::field(t!("welcome-explain-where"), e.source.to_string()),
        text(e.meaning).size(14),
        text(t!("welcome-explain-causes")).size(15),
    ]
    .spacing(6);
    for cause in e.causes {
        let found_by = if cause.findings.is_empty() {
            t!("welcome-explain-not-detectable")
        } else {
            t!("welcome-explain-found-by", ids = cause.findings.join(", "))
        };
        c = c.push(
            column![
                text(format!("• {}", cause.text)).size(14),
                style::note(found_by)
            ]
            .spacing(2),
        );
    }
    c = c.push(style::note(t!(
        "welcome-explain-sources",
        documents = e.documents.join("; ")
    )));
    c.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detected_sync_server_prefills_forest_connector_and_ou_filter() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        let info = SyncServerInfo {
            installed: true,
            connectors: vec![crate::syncserver::Connector {
                name: "lab.example".into(),
                connector_type: "AD".into(),
                forest_name: Some("lab.example".into()),
                forest_login_domain: Some("LAB".into()),
                forest_login_user: Some("MSOL_1".into()),
                inclusions: vec!["OU=Staff,DC=lab,DC=example".into()],
                ..Default::default()
            }],
            ..Default::default()
        };
        assert!(
            p.update(Message::Detected(Ok(Some(info))), &mut s)
                .is_none()
        );
        assert_eq!(s.settings.server, "lab.example");
        assert_eq!(s.settings.connector, "LAB\\MSOL_1");
        assert!(!s.settings.sync_all);
        assert_eq!(
            s.settings.scopes,
            vec!["OU=Staff,DC=lab,DC=example".to_string()]
        );
        assert!(s.sync.info().is_some());
    }

    #[test]
    fn not_installed_leaves_the_answers_alone() {
        let mut s = Shared::for_tests();
        s.settings.server = "dc1".into();
        Page::new().update(Message::Detected(Ok(None)), &mut s);
        assert_eq!(s.settings.server, "dc1");
        assert!(s.sync.info().is_none());
    }

    #[test]
    fn lookup_finds_known_codes_and_says_when_a_code_is_unknown() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        p.update(Message::Code("0x8023062C".into()), &mut s);
        p.update(Message::LookUp, &mut s);
        assert!(p.looked_up.as_ref().is_some_and(|(_, e)| e.is_some()));
        p.update(Message::Code("12345678".into()), &mut s);
        p.update(Message::LookUp, &mut s);
        assert!(p.looked_up.as_ref().is_some_and(|(_, e)| e.is_none()));
    }
}
