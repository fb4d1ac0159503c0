//! Page 1 — Welcome: what this does, what was found on this computer, and a lookup for the event ID
//! or error code people arrive with.

use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Task};

use crate::explain;
use crate::gui::intent::Intent;
use crate::gui::jobs;
use crate::gui::shared::{Shared, SyncState};
use crate::gui::style;
use crate::syncserver::SyncServerInfo;
use crate::t;
use crate::words::{Face, Words};

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
    /// The code looked up, and its entry in the wizard's words (`None`: not known).
    pub looked_up: Option<(String, Option<explain::Said>)>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads Entra Connect on this computer.
    pub fn detect(&self, shared: &Shared) -> Task<Message> {
        Task::perform(
            jobs::read_sync_server(shared.powershell().clone()),
            Message::Detected,
        )
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, shared: &Shared) -> bool {
        matches!(shared.sync(), SyncState::Detecting)
    }

    fn can_continue(&self, _shared: &Shared) -> bool {
        true
    }

    fn update(&mut self, message: Message, _shared: &Shared) -> Action {
        match message {
            Message::Detected(result) => return Action::intent(Intent::SyncServerRead(result)),
            Message::Code(c) => self.code = c,
            Message::LookUp => {
                let code = self.code.trim().to_string();
                if !code.is_empty() {
                    let words = Words::current(Face::Wizard);
                    let entry = explain::lookup(&code).map(|e| e.say(&words));
                    self.looked_up = Some((code, entry));
                }
            }
        }
        Action::none()
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let detected: Element<'a, Message> = match shared.sync() {
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
        let agent: Option<Element<'a, Message>> = shared.sync().agent().map(|a| {
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
            lookup = lookup.push(explanation(code, entry.as_ref()));
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

/// An explain entry as the command line prints it: meaning, causes with the findings that
/// detect each and where that check runs, and the documents.
fn explanation<'a>(code: &str, entry: Option<&explain::Said>) -> Element<'a, Message> {
    let Some(e) = entry else {
        let words = Words::current(Face::Wizard);
        let mut c = column![style::warning_box(t!(
            "welcome-explain-unknown",
            code = code
        ))]
        .spacing(4);
        for item in explain::checklist(&words) {
            c = c.push(text(format!("• {item}")).size(14));
        }
        return c.into();
    };
    let mut c = column![
        style::field(t!("welcome-explain-where"), e.source.clone()),
        text(e.meaning.clone()).size(14),
        text(t!("welcome-explain-causes")).size(15),
    ]
    .spacing(6);
    for cause in &e.causes {
        let found_by = match &cause.found_by {
            None => t!("welcome-explain-not-detectable"),
            Some(run) => {
                let ids: Vec<&str> = cause.findings.iter().map(|f| f.as_str()).collect();
                t!(
                    "welcome-explain-found-by",
                    ids = ids.join(", "),
                    run = run.as_str()
                )
            }
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
    use crate::gui::pages::step;

    #[test]
    fn detected_sync_server_prefills_forest_connector_and_ou_filter() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        let ad = |forest: &str, ou: &str| crate::syncserver::Connector {
            name: forest.into(),
            connector_type: "AD".into(),
            forest_name: Some(forest.into()),
            forest_login_domain: Some("LAB".into()),
            forest_login_user: Some("MSOL_1".into()),
            inclusions: vec![ou.into()],
            ..Default::default()
        };
        let info = SyncServerInfo {
            installed: true,
            connectors: vec![
                ad("lab.example", "OU=Staff,DC=lab,DC=example"),
                ad("fabrikam.example", "OU=Users,DC=fabrikam,DC=example"),
            ],
            ..Default::default()
        };
        step(&mut p, Message::Detected(Ok(Some(info))), &mut s);
        let first = s.first().settings();
        assert_eq!(first.server, "lab.example");
        assert_eq!(first.connector, "LAB\\MSOL_1");
        assert!(!s.first().sync_all());
        assert_eq!(first.scopes, ["OU=Staff,DC=lab,DC=example"]);
        let servers: Vec<&str> = s.rows().map(|r| r.settings().server.as_str()).collect();
        assert_eq!(
            servers,
            ["lab.example", "fabrikam.example"],
            "one row per forest"
        );
        assert!(s.sync().info().is_some());
    }

    #[test]
    fn not_installed_leaves_the_answers_alone() {
        let mut s = Shared::for_tests();
        let first = s.first().id();
        s.apply(Intent::Directory(
            first,
            crate::gui::run::DirectoryEdit::Server("dc1".into()),
        ));
        step(&mut Page::new(), Message::Detected(Ok(None)), &mut s);
        assert_eq!(s.first().settings().server, "dc1");
        assert!(s.sync().info().is_none());
    }

    #[test]
    fn lookup_finds_known_codes_and_says_when_a_code_is_unknown() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        step(&mut p, Message::Code("0x8023062C".into()), &mut s);
        step(&mut p, Message::LookUp, &mut s);
        assert!(p.looked_up.as_ref().is_some_and(|(_, e)| e.is_some()));
        step(&mut p, Message::Code("12345678".into()), &mut s);
        step(&mut p, Message::LookUp, &mut s);
        assert!(p.looked_up.as_ref().is_some_and(|(_, e)| e.is_none()));
    }
}
