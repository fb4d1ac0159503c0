//! One directory's form, the same for every row of "Connect your directories": the DC, the
//! transport, a CA file, the admin credential for changes (or the current Windows credentials
//! where supported), the connector account, "Test connection" and what the test found.

use std::path::PathBuf;
use std::sync::Arc;

use iced::widget::{button, checkbox, column, pick_list, row, text, text_input};
use iced::{Element, Task};
use zeroize::Zeroizing;

use crate::gui::dialogs::{Dialogs, Filter, Purpose};
use crate::gui::intent::Intent;
use crate::gui::jobs::{self, ErrorKind, Tested, UiError};
use crate::gui::pages::{Secret, abortable};
use crate::gui::run::{DirectoryEdit, DirectoryState, KERBEROS};
use crate::gui::settings::TransportChoice;
use crate::gui::style;
use crate::t;

pub type Action = crate::gui::pages::Action<Message>;

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
    /// Every domain of the forest, each domain root through its own DC.
    AllDomains(bool),
}

/// A row's form: whether its test runs, and how the last one failed.
#[derive(Default)]
pub struct DirectoryForm {
    pub testing: bool,
    pub error: Option<UiError>,
    handle: Option<iced::task::Handle>,
}

impl DirectoryForm {
    /// The page goes out of view: a test under way stops.
    pub fn leave(&mut self) {
        if self.handle.take().is_some() {
            self.testing = false;
        }
    }

    pub fn update(
        &mut self,
        message: Message,
        row: &DirectoryState,
        dialogs: &Arc<dyn Dialogs>,
    ) -> Action {
        let edit = match message {
            Message::Server(v) => DirectoryEdit::Server(v),
            Message::Transport(t) => DirectoryEdit::Transport(t),
            Message::CaChosen(None) => return Action::none(),
            Message::CaChosen(Some(p)) => DirectoryEdit::CaFile(Some(p)),
            Message::ClearCa => DirectoryEdit::CaFile(None),
            Message::WindowsCredentials(b) => DirectoryEdit::WindowsCredentials(b),
            Message::User(v) => DirectoryEdit::User(v),
            Message::Password(p) => DirectoryEdit::Password(p.0),
            Message::Connector(v) => DirectoryEdit::Connector(v),
            Message::PickConnector(i) => DirectoryEdit::PickConnector(i),
            Message::AllDomains(on) => DirectoryEdit::AllDomains(on),
            Message::ChooseCa => {
                return Action::run(Task::perform(
                    dialogs.open(
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
            Message::Test => return self.test(row),
            Message::Tested(result) => return self.tested(row, result),
        };
        // New answers: a test of the old ones stops, its result would be stale.
        if !matches!(
            edit,
            DirectoryEdit::PickConnector(_) | DirectoryEdit::AllDomains(_)
        ) {
            self.leave();
            self.error = None;
        }
        Action::intent(Intent::Directory(row.id(), edit))
    }

    fn test(&mut self, row: &DirectoryState) -> Action {
        let params = match row.params() {
            Ok(p) => p,
            Err(e) => {
                self.error = Some(e);
                return Action::none();
            }
        };
        self.error = None;
        self.testing = true;
        let connector = row.settings().connector.clone();
        let (task, handle) = abortable(Task::perform(
            jobs::test_connection(params, connector),
            |r| Message::Tested(r.map(Box::new)),
        ));
        self.handle = Some(handle);
        Action::run(task)
    }

    fn tested(&mut self, row: &DirectoryState, result: Result<Box<Tested>, UiError>) -> Action {
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
                Action::intent(Intent::Tested(row.id(), t))
            }
            Err(e) => {
                tracing::warn!("test connection failed: {}", e.message);
                self.error = Some(e);
                Action::none()
            }
        }
    }

    /// The form, its Test button, how the test failed and what it found.
    pub fn view<'a>(&'a self, row: &'a DirectoryState) -> Element<'a, Message> {
        view(row, self.testing, self.error.as_ref())
    }
}

/// Row `d`'s form: its answers, its Test button (off while `testing`), how the last test failed
/// and what it found.
pub fn view<'a>(
    d: &'a DirectoryState,
    testing: bool,
    error: Option<&'a UiError>,
) -> Element<'a, Message> {
    let mut c = column![
        style::section(fields(d)),
        button(text(if testing {
            t!("directory-testing")
        } else {
            t!("directory-test")
        }))
        .on_press_maybe((!testing).then_some(Message::Test))
        .style(iced::widget::button::primary),
    ]
    .spacing(14);
    if let Some(e) = error {
        c = c.push(style::error_box(e.message.clone()));
        match e.kind {
            ErrorKind::UntrustedCertificate => {
                c = c.push(button(text(t!("directory-choose-ca"))).on_press(Message::ChooseCa))
            }
            ErrorKind::BadCredentials => c = c.push(style::note(t!("directory-bad-password-hint"))),
            ErrorKind::Unreachable => c = c.push(style::note(t!("directory-unreachable-hint"))),
            ErrorKind::General => {}
        }
    }
    if let Some(t) = d.tested() {
        c = c.push(tested(d, t));
    }
    c.into()
}

/// A label and its field on one line.
fn line<'a>(label: String, field: impl Into<Element<'a, Message>>) -> Element<'a, Message> {
    row![text(label).width(200), field.into()]
        .spacing(8)
        .align_y(iced::Alignment::Center)
        .into()
}

/// The answers: server, transport, CA file, credentials, connector.
fn fields(d: &DirectoryState) -> iced::widget::Column<'_, Message> {
    let s = d.settings();
    let ca: Element<'_, Message> = match &s.ca_file {
        Some(p) => row![
            text(p.display().to_string()).size(14),
            button(text(t!("directory-clear"))).on_press(Message::ClearCa)
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center)
        .into(),
        None => style::note(t!("directory-ca-none")),
    };
    let mut form = column![
        line(
            t!("directory-server"),
            text_input("dc1.corp.example.com", &s.server)
                .on_input(Message::Server)
                .width(360)
        ),
        style::note(t!("directory-server-hint")),
        line(
            t!("directory-transport"),
            pick_list(
                &TransportChoice::ALL[..],
                Some(s.transport),
                Message::Transport
            )
        ),
        line(
            t!("directory-ca"),
            row![
                ca,
                button(text(t!("directory-choose-ca"))).on_press(Message::ChooseCa)
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center)
        ),
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
            .push(line(
                t!("directory-user"),
                text_input("admin@corp.example.com", &s.user)
                    .on_input(Message::User)
                    .width(360),
            ))
            .push(line(
                t!("directory-password"),
                text_input("", d.password())
                    .secure(true)
                    .on_input(|p| Message::Password(Secret(Zeroizing::new(p))))
                    .on_submit(Message::Test)
                    .width(360),
            ));
    }
    form.push(style::note(t!("directory-user-hint")))
        .push(line(
            t!("directory-connector"),
            text_input(&t!("directory-connector-placeholder"), &s.connector)
                .on_input(Message::Connector)
                .width(360),
        ))
        .push(style::note(t!("directory-connector-hint")))
}

/// What the tested connection found: the domain, the connector (or the accounts to choose
/// from), and the forest's other domains.
fn tested<'a>(d: &'a DirectoryState, t: &'a Tested) -> iced::widget::Column<'a, Message> {
    let mut c = column![style::ok_box(t!(
        "directory-connected",
        server = t.server.as_str(),
        domain = t.domain_dns.as_str()
    ))]
    .spacing(14);
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
    if t.forest.len() > 1 && d.forest_of().is_none() {
        c = c.push(
            checkbox(d.settings().all_domains)
                .label(t!(
                    "directory-all-domains",
                    count = crate::words::n(t.forest.len())
                ))
                .on_toggle(Message::AllDomains),
        );
    }
    if d.out_of_scope() {
        c = c.push(style::note(t!("directory-out-of-scope")));
    }
    c
}
