//! Connect your directories, the other forests: the form that adds one (tested first, as
//! Connect's "Add Directory" does), the list with a password field and "Remove" for each.

use std::path::PathBuf;

use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Task};
use zeroize::Zeroizing;

use super::{Action, Message, Page};
use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::jobs::{self, UiError};
use crate::gui::pages::Secret;
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::t;

/// The form that adds another directory.
#[derive(Default)]
pub struct AddForm {
    pub server: String,
    pub user: String,
    pub password: Zeroizing<String>,
    pub ca_file: Option<PathBuf>,
    pub testing: bool,
    pub error: Option<UiError>,
}

impl Page {
    /// The other directories' messages (`None`: not one of them).
    pub(super) fn update_others(
        &mut self,
        message: &Message,
        shared: &mut Shared,
    ) -> Option<Action> {
        let f = &mut self.add;
        match message {
            Message::OtherServer(v) => f.server = v.clone(),
            Message::OtherUser(v) => f.user = v.clone(),
            Message::OtherPassword(p) => f.password = p.0.clone(),
            Message::ChooseOtherCa => {
                return Some(Action::Run(Task::perform(
                    shared.dialogs.open(
                        Purpose::CaFile,
                        t!("directory-choose-ca"),
                        vec![Filter::new(
                            t!("filter-certificate"),
                            &["pem", "crt", "cer"],
                        )],
                    ),
                    Message::OtherCaChosen,
                )));
            }
            Message::OtherCaChosen(p) => {
                if p.is_some() {
                    f.ca_file = p.clone();
                }
            }
            Message::AddOther => {
                let other = self.candidate();
                let params = match other.params() {
                    Ok(p) => p,
                    Err(e) => {
                        self.add.error = Some(e);
                        return Some(Action::None);
                    }
                };
                self.add.testing = true;
                self.add.error = None;
                return Some(Action::Run(Task::perform(
                    jobs::test_connection(params, String::new()),
                    |r| Message::OtherTested(r.map(Box::new)),
                )));
            }
            Message::OtherTested(r) => {
                self.add.testing = false;
                match r {
                    Ok(t) => {
                        let mut other = self.candidate();
                        if let Some(a) = &t.connector {
                            other.settings.connector = a.sam_account_name.clone();
                        }
                        tracing::info!("another directory added: {} ({})", t.server, t.domain_dns);
                        shared.add_other(other);
                        self.add = AddForm::default();
                    }
                    Err(e) => self.add.error = Some(e.clone()),
                }
            }
            Message::RemoveOther(i) => shared.remove_other(*i),
            Message::AddForestDomains => {
                let Some(t) = shared.tested.clone() else {
                    return Some(Action::None);
                };
                for (_, reach) in &t.other_domains {
                    let known = shared
                        .settings
                        .directories
                        .iter()
                        .any(|d| d.server.eq_ignore_ascii_case(reach));
                    if known {
                        continue;
                    }
                    let s = &shared.settings;
                    let other = jobs::Other {
                        settings: crate::profile::DirectorySettings {
                            server: reach.clone(),
                            transport: s.transport,
                            ca_file: s.ca_file.clone(),
                            user: s.user.clone(),
                            windows_credentials: s.windows_credentials,
                            ..Default::default()
                        },
                        password: shared.password.clone(),
                    };
                    // Adding keeps the tested connection of the first directory.
                    let tested = shared.tested.take();
                    shared.add_other(other);
                    shared.tested = tested;
                }
            }
            Message::OtherPasswordAt(i, p) => {
                let n = shared.settings.directories.len();
                shared.other_passwords.resize(n, Zeroizing::default());
                if let Some(slot) = shared.other_passwords.get_mut(*i) {
                    *slot = p.0.clone();
                    shared.forget_results();
                }
            }
            _ => return None,
        }
        Some(Action::None)
    }

    /// The directory the add form describes.
    fn candidate(&self) -> jobs::Other {
        let f = &self.add;
        jobs::Other {
            settings: crate::profile::DirectorySettings {
                server: f.server.trim().to_string(),
                user: f.user.trim().to_string(),
                ca_file: f.ca_file.clone(),
                ..Default::default()
            },
            password: f.password.clone(),
        }
    }

    /// The other directories and the form that adds one.
    pub(super) fn others_view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let label = |l: String| text(l).width(200);
        let mut c = column![
            text(t!("directory-others-title")).size(18),
            style::note(t!("directory-others-hint")),
        ]
        .spacing(8);
        if let Some(t) = shared
            .tested
            .as_ref()
            .filter(|t| !t.other_domains.is_empty())
        {
            c = c.push(
                button(text(t!(
                    "directory-add-forest-domains",
                    count = crate::words::n(t.other_domains.len())
                )))
                .on_press(Message::AddForestDomains),
            );
        }
        for (i, d) in shared.settings.directories.iter().enumerate() {
            let password = shared
                .other_passwords
                .get(i)
                .map(|p| p.as_str())
                .unwrap_or_default();
            c = c.push(
                row![
                    text(format!("{} — {}", d.server, d.user)).width(360),
                    text_input(&t!("directory-password"), password)
                        .secure(true)
                        .on_input(move |p| Message::OtherPasswordAt(i, Secret(Zeroizing::new(p))))
                        .width(200),
                    button(text(t!("directory-other-remove")))
                        .on_press(Message::RemoveOther(i))
                        .style(iced::widget::button::secondary),
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            );
        }
        let f = &self.add;
        let ca: Element<'a, Message> = match &f.ca_file {
            Some(p) => text(p.display().to_string()).size(14).into(),
            None => style::note(t!("directory-ca-none")),
        };
        c = c
            .push(
                row![
                    label(t!("directory-server")),
                    text_input("dc1.fabrikam.example", &f.server)
                        .on_input(Message::OtherServer)
                        .width(360)
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            )
            .push(
                row![
                    label(t!("directory-ca")),
                    ca,
                    button(text(t!("directory-choose-ca"))).on_press(Message::ChooseOtherCa)
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            )
            .push(
                row![
                    label(t!("directory-user")),
                    text_input("admin@fabrikam.example", &f.user)
                        .on_input(Message::OtherUser)
                        .width(360)
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            )
            .push(
                row![
                    label(t!("directory-password")),
                    text_input("", &f.password)
                        .secure(true)
                        .on_input(|p| Message::OtherPassword(Secret(Zeroizing::new(p))))
                        .on_submit(Message::AddOther)
                        .width(360)
                ]
                .spacing(8)
                .align_y(iced::Alignment::Center),
            )
            .push(
                button(text(if f.testing {
                    t!("directory-testing")
                } else {
                    t!("directory-other-add")
                }))
                .on_press_maybe((!f.testing).then_some(Message::AddOther)),
            );
        if let Some(e) = &f.error {
            c = c.push(style::error_box(e.message.clone()));
        }
        style::section(c)
    }
}
