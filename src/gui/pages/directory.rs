//! Page 4 — Connect your directories: the DC, the transport, a CA file, the admin credential for
//! changes (or the current Windows credentials where supported), the connector account, and
//! "Test connection".

use std::path::PathBuf;

use iced::widget::{button, checkbox, column, pick_list, row, text, text_input};
use iced::{Element, Task};
use zeroize::Zeroizing;

use super::Secret;
use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::jobs::{self, ErrorKind, Tested, UiError};
use crate::gui::settings::TransportChoice;
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::t;

use super::WizardPage;

mod others;
pub use others::AddForm;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    Server(String),
    Transport(TransportChoice),
    ChooseCa,
    CaChosen(Option<PathBuf>),
    ClearCa,
    WindowsCredentials(bool),
    User(String),
    Password(Secret),
    Connector(String),
    Test,
    Tested(Result<Box<Tested>, UiError>),
    PickConnector(usize),
    /// Another directory (forest): the add form, its test, removing one, a password again.
    OtherServer(String),
    OtherUser(String),
    OtherPassword(Secret),
    ChooseOtherCa,
    OtherCaChosen(Option<PathBuf>),
    AddOther,
    OtherTested(Result<Box<Tested>, UiError>),
    RemoveOther(usize),
    OtherPasswordAt(usize, Secret),
    /// Add the forest's other domains (each root through its own DC) with the same sign-in.
    AddForestDomains,
}

#[derive(Default)]
pub struct Page {
    pub testing: bool,
    pub error: Option<UiError>,
    handle: Option<iced::task::Handle>,
    pub add: AddForm,
}

/// Kerberos sign-in exists only in builds with the `kerberos` feature.
const KERBEROS: bool = cfg!(feature = "kerberos");

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    fn changed(&mut self, shared: &mut Shared) {
        shared.directory_changed();
        self.error = None;
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.testing || self.add.testing
    }

    fn enter(&mut self, shared: &mut Shared) -> Task<Message> {
        if shared.settings.server.is_empty()
            && let Ok(d) = std::env::var("USERDNSDOMAIN")
        {
            shared.settings.server = d.trim().to_ascii_lowercase();
        }
        Task::none()
    }

    fn leave(&mut self) {
        if self.handle.take().is_some() {
            self.testing = false;
        }
    }

    fn can_continue(&self, shared: &Shared) -> bool {
        !self.testing && shared.tested.is_some()
    }

    fn update(&mut self, message: Message, shared: &mut Shared) -> Action {
        if let Some(action) = self.update_others(&message, shared) {
            return action;
        }
        let s = &mut shared.settings;
        match message {
            Message::Server(v) => s.server = v,
            Message::Transport(t) => s.transport = t,
            Message::ChooseCa => {
                return Action::Run(Task::perform(
                    shared.dialogs.open(
                        Purpose::CaFile,
                        t!("directory-choose-ca"),
                        vec![Filter::new(
                            t!("filter-certificate"),
                            &["pem", "crt", "cer"],
                        )],
                    ),
                    Message::CaChosen,
                ));
            }
            Message::CaChosen(None) => return Action::None,
            Message::CaChosen(Some(p)) => s.ca_file = Some(p),
            Message::ClearCa => s.ca_file = None,
            Message::WindowsCredentials(b) => s.windows_credentials = b && KERBEROS,
            Message::User(v) => s.user = v,
            Message::Password(p) => shared.password = p.0,
            Message::Connector(v) => s.connector = v,
            Message::PickConnector(i) => {
                if let Some(t) = shared.tested.as_mut()
                    && let Some(a) = t.candidates.get(i).cloned()
                {
                    shared.settings.connector = a.sam_account_name.clone();
                    t.connector = Some(a);
                    t.candidates.clear();
                }
                return Action::None;
            }
            Message::Test => {
                let params = match shared.directory_params() {
                    Ok(p) => p,
                    Err(e) => {
                        self.error = Some(UiError::other(e));
                        return Action::None;
                    }
                };
                shared.directory_changed();
                self.error = None;
                self.testing = true;
                let connector = shared.settings.connector.clone();
                let (task, handle) = super::abortable(Task::perform(
                    jobs::test_connection(params, connector),
                    |r| Message::Tested(r.map(Box::new)),
                ));
                self.handle = Some(handle);
                return Action::Run(task);
            }
            Message::OtherServer(_)
            | Message::OtherUser(_)
            | Message::OtherPassword(_)
            | Message::ChooseOtherCa
            | Message::OtherCaChosen(_)
            | Message::AddOther
            | Message::OtherTested(_)
            | Message::RemoveOther(_)
            | Message::OtherPasswordAt(..)
            | Message::AddForestDomains => return Action::None,
            Message::Tested(result) => {
                self.testing = false;
                self.handle = None;
                match result {
                    Ok(t) => {
                        tracing::info!(
                            "connected to {} (domain {}), connector {:?}",
                            t.server,
                            t.domain_dns,
                            t.connector.as_ref().map(|a| &a.dn)
                        );
                        shared.set_tested(Some(*t));
                    }
                    Err(e) => {
                        tracing::warn!("test connection failed: {}", e.message);
                        self.error = Some(e);
                    }
                }
                return Action::None;
            }
        }
        self.changed(shared);
        Action::None
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let form = form(shared);
        let mut c = column![
            style::heading(t!("directory-title")),
            style::lead(t!("directory-lead")),
            style::section(form),
            button(text(if self.testing {
                t!("directory-testing")
            } else {
                t!("directory-test")
            }))
            .on_press_maybe((!self.testing).then_some(Message::Test))
            .style(iced::widget::button::primary),
        ]
        .spacing(14);
        if let Some(e) = &self.error {
            c = c.push(style::error_box(e.message.clone()));
            match e.kind {
                ErrorKind::UntrustedCertificate => {
                    c = c.push(button(text(t!("directory-choose-ca"))).on_press(Message::ChooseCa))
                }
                ErrorKind::BadCredentials => {
                    c = c.push(style::note(t!("directory-bad-password-hint")))
                }
                ErrorKind::Unreachable => c = c.push(style::note(t!("directory-unreachable-hint"))),
                ErrorKind::Other => {}
            }
        }
        if let Some(t) = &shared.tested {
            c = c.push(tested(t));
        }
        c = c.push(self.others_view(shared));
        c.into()
    }
}

/// The connection form.
fn form<'a>(shared: &'a Shared) -> iced::widget::Column<'a, Message> {
    let s = &shared.settings;
    let label = |l: String| text(l).width(200);
    let ca = match &s.ca_file {
        Some(p) => row![
            text(p.display().to_string()).size(14),
            button(text(t!("directory-clear"))).on_press(Message::ClearCa)
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
        None => row![style::note(t!("directory-ca-none"))],
    };
    let mut form = column![
        row![
            label(t!("directory-server")),
            text_input("dc1.corp.example.com", &s.server)
                .on_input(Message::Server)
                .width(360)
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
        style::note(t!("directory-server-hint")),
        row![
            label(t!("directory-transport")),
            pick_list(
                &TransportChoice::ALL[..],
                Some(s.transport),
                Message::Transport
            )
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
        row![
            label(t!("directory-ca")),
            ca,
            button(text(t!("directory-choose-ca"))).on_press(Message::ChooseCa)
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center),
    ]
    .spacing(8);
    if KERBEROS {
        form = form.push(
            checkbox(s.windows_credentials)
                .label(t!("directory-windows-credentials"))
                .on_toggle(Message::WindowsCredentials),
        );
    }
    if !s.windows_credentials {
        form = form
            .push(
                row![
                    label(t!("directory-user")),
                    text_input("admin@corp.example.com", &s.user)
                        .on_input(Message::User)
                        .width(360)
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            )
            .push(
                row![
                    label(t!("directory-password")),
                    text_input("", &shared.password)
                        .secure(true)
                        .on_input(|p| Message::Password(Secret(Zeroizing::new(p))))
                        .on_submit(Message::Test)
                        .width(360)
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            );
    }
    form = form
        .push(style::note(t!("directory-user-hint")))
        .push(
            row![
                label(t!("directory-connector")),
                text_input(&t!("directory-connector-placeholder"), &s.connector)
                    .on_input(Message::Connector)
                    .width(360)
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        )
        .push(style::note(t!("directory-connector-hint")));
    form
}

/// What the tested connection found.
fn tested(t: &Tested) -> iced::widget::Column<'_, Message> {
    let mut c = column![].spacing(14);
    c = c.push(style::ok_box(t!(
        "directory-connected",
        server = t.server.as_str(),
        domain = t.domain_dns.as_str()
    )));
    if !t.encrypted {
        c = c.push(style::warning_box(t!("directory-not-encrypted")));
    }
    match &t.connector {
        Some(a) => {
            c = c.push(style::field(
                t!("directory-connector-found"),
                format!("{} ({})", a.sam_account_name, a.dn),
            ))
        }
        None if !t.candidates.is_empty() => {
            let mut list = column![text(t!("directory-pick-connector")).size(14)].spacing(4);
            for (i, a) in t.candidates.iter().enumerate() {
                list = list.push(
                    button(text(format!("{} — {}", a.sam_account_name, a.dn)).size(13))
                        .on_press(Message::PickConnector(i))
                        .style(iced::widget::button::secondary),
                );
            }
            c = c.push(list);
        }
        None => c = c.push(style::warning_box(t!("directory-no-connector"))),
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_without_a_password_says_what_is_missing_and_starts_nothing() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        p.update(Message::Server("dc1.lab.example".into()), &mut s);
        p.update(Message::User("admin@lab.example".into()), &mut s);
        assert!(p.update(Message::Test, &mut s).is_none());
        assert!(p.error.is_some());
        assert!(!p.can_continue(&s));
    }

    #[test]
    fn test_with_answers_starts_and_a_wrong_password_shows_on_the_page() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        p.update(Message::Server("dc1.lab.example".into()), &mut s);
        p.update(Message::User("admin@lab.example".into()), &mut s);
        p.update(
            Message::Password(Secret(Zeroizing::new("x".into()))),
            &mut s,
        );
        assert!(p.update(Message::Test, &mut s).is_run());
        assert!(p.testing);
        let err = UiError {
            kind: ErrorKind::BadCredentials,
            message: "wrong".into(),
        };
        p.update(Message::Tested(Err(err)), &mut s);
        assert!(!p.testing);
        assert_eq!(
            p.error.as_ref().map(|e| e.kind),
            Some(ErrorKind::BadCredentials)
        );
        assert!(!p.can_continue(&s));
    }

    #[test]
    fn changing_an_answer_after_a_test_asks_for_a_new_test() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        s.tested = Some(Tested {
            server: "dc1".into(),
            domain_dn: "DC=lab".into(),
            domain_dns: "lab".into(),
            encrypted: true,
            connector: None,
            candidates: vec![],
            other_domains: vec![],
        });
        assert!(p.can_continue(&s));
        p.update(Message::Connector("MSOL_other".into()), &mut s);
        assert!(s.tested.is_none());
        assert!(!p.can_continue(&s));
    }

    #[test]
    fn the_forests_other_domains_are_added_with_the_same_sign_in_each_through_its_own_dc() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        s.settings.user = "admin@corp.example".into();
        s.settings.ca_file = Some("corp-ca.pem".into());
        s.password = Zeroizing::new("Secret#1".into());
        s.tested = Some(Tested {
            server: "dc1.corp.example".into(),
            domain_dn: "DC=corp,DC=example".into(),
            domain_dns: "corp.example".into(),
            encrypted: true,
            connector: None,
            candidates: vec![],
            other_domains: vec![
                (
                    "DC=emea,DC=corp,DC=example".into(),
                    "emea.corp.example".into(),
                ),
                (
                    "DC=apac,DC=corp,DC=example".into(),
                    "apac.corp.example".into(),
                ),
            ],
        });
        p.update(Message::AddForestDomains, &mut s);
        let servers: Vec<&str> = s
            .settings
            .directories
            .iter()
            .map(|d| d.server.as_str())
            .collect();
        assert_eq!(servers, ["emea.corp.example", "apac.corp.example"]);
        let others = s.others();
        assert!(
            others
                .iter()
                .all(|o| o.settings.user == "admin@corp.example"
                    && o.settings.ca_file.as_deref() == Some(std::path::Path::new("corp-ca.pem"))
                    && o.password.as_str() == "Secret#1")
        );
        // Twice does not add them twice.
        p.update(Message::AddForestDomains, &mut s);
        assert_eq!(s.settings.directories.len(), 2);
    }

    #[test]
    fn password_never_shows_in_debug_output() {
        let m = Message::Password(Secret(Zeroizing::new("Sup3rSecret!".into())));
        assert!(!format!("{m:?}").contains("Sup3rSecret"));
    }
}
