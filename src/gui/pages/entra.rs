//! Page 3 — Connect to Microsoft Entra ID: cloud, tenant, sign-in (browser, or a device code with a
//! copy button), who signed in and their roles; or skip the cloud checks.

use iced::widget::{button, checkbox, column, pick_list, row, text, text_input};
use iced::{Element, Task};

use crate::gui::intent::{Intent, SettingsEdit};
use crate::gui::jobs::{self, SignInEvent, UiError};
use crate::gui::settings::CloudChoice;
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::t;

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    Cloud(CloudChoice),
    Tenant(String),
    ClientId(String),
    SignIn,
    SignInWithCode,
    Event(SignInEvent),
    Copy(String),
    CancelSignIn,
    Skip(bool),
}

/// Where the sign-in is.
#[derive(Debug, Default)]
pub enum State {
    #[default]
    Idle,
    Browser {
        url: Option<(String, bool)>,
    },
    DeviceCode {
        code: Option<(String, String, String)>,
    },
    Failed(UiError),
}

#[derive(Default)]
pub struct Page {
    pub state: State,
    handle: Option<iced::task::Handle>,
}

impl Page {
    /// The sign-in under way (the link or the code), or how it failed.
    fn progress(&self) -> Option<Element<'_, Message>> {
        match &self.state {
            State::Idle => None,
            State::Browser { url } => {
                let mut b = column![style::note(t!("entra-waiting-browser"))].spacing(6);
                if let Some((url, opened)) = url {
                    if !opened {
                        b = b.push(text(t!("entra-open-this")).size(14));
                    }
                    b = b.push(style::mono(url.clone())).push(
                        row![
                            button(text(t!("entra-copy-link")))
                                .on_press(Message::Copy(url.clone())),
                            button(text(t!("entra-cancel"))).on_press(Message::CancelSignIn),
                        ]
                        .spacing(8)
                        .align_y(iced::Alignment::Center),
                    );
                }
                Some(style::section(b))
            }
            State::DeviceCode { code } => {
                let mut b = column![].spacing(6);
                match code {
                    None => b = b.push(style::note(t!("entra-requesting-code"))),
                    Some((code, uri, _message)) => {
                        b = b
                            .push(text(t!("entra-code-instructions", uri = uri.as_str())).size(14))
                            .push(text(code.clone()).size(28).font(iced::Font::MONOSPACE))
                            .push(
                                row![
                                    button(text(t!("entra-copy-code")))
                                        .on_press(Message::Copy(code.clone())),
                                    button(text(t!("entra-cancel")))
                                        .on_press(Message::CancelSignIn),
                                ]
                                .spacing(8)
                                .align_y(iced::Alignment::Center),
                            )
                            .push(style::note(t!("entra-waiting-code")));
                    }
                }
                Some(style::section(b))
            }
            State::Failed(e) => Some(style::error_box(e.message.clone())),
        }
    }

    /// A sign-in is under way.
    fn working(&self) -> bool {
        matches!(self.state, State::Browser { .. } | State::DeviceCode { .. })
    }

    pub fn new() -> Self {
        Self::default()
    }

    fn start(&mut self, shared: &Shared, device_code: bool) -> Action {
        let params = match shared.cloud_params(device_code) {
            Ok(p) => p,
            Err(e) => {
                self.state = State::Failed(e);
                return Action::none();
            }
        };
        self.state = if device_code {
            State::DeviceCode { code: None }
        } else {
            State::Browser { url: None }
        };
        let (task, handle) = super::abortable(Task::run(jobs::sign_in(params), Message::Event));
        self.handle = Some(handle);
        Action::intent(Intent::SignedIn(None)).with(task)
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn leave(&mut self) {
        if self.handle.take().is_some() {
            self.state = State::Idle;
        }
    }

    fn busy(&self, _shared: &Shared) -> bool {
        self.working()
    }

    fn can_continue(&self, shared: &Shared) -> bool {
        shared.settings().skip_cloud || (shared.signed_in().is_some() && !self.working())
    }

    fn update(&mut self, message: Message, shared: &Shared) -> Action {
        let edit = |e: SettingsEdit| Action::intent(Intent::Settings(e));
        match message {
            Message::Cloud(c) => return edit(SettingsEdit::Cloud(c)),
            Message::Tenant(t) => return edit(SettingsEdit::Tenant(t)),
            Message::ClientId(c) => return edit(SettingsEdit::ClientId(c)),
            Message::Skip(skip) => return edit(SettingsEdit::SkipCloud(skip)),
            Message::SignIn => return self.start(shared, false),
            Message::SignInWithCode => return self.start(shared, true),
            Message::Event(SignInEvent::Browser { url, opened }) => {
                self.state = State::Browser {
                    url: Some((url, opened)),
                }
            }
            Message::Event(SignInEvent::DeviceCode { code, uri, message }) => {
                self.state = State::DeviceCode {
                    code: Some((code, uri, message)),
                }
            }
            Message::Event(SignInEvent::Done(result)) => {
                self.handle = None;
                match result {
                    Ok(signed_in) => {
                        self.state = State::Idle;
                        return Action::intent(Intent::SignedIn(Some(signed_in)));
                    }
                    Err(e) => self.state = State::Failed(e),
                }
            }
            Message::Copy(s) => return Action::run(iced::clipboard::write(s)),
            Message::CancelSignIn => {
                self.handle = None;
                self.state = State::Idle;
            }
        }
        Action::none()
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let s = shared.settings();
        let idle = !self.working();
        let on = |m: Message| idle.then_some(m);
        let mut form = column![
            row![
                text(t!("entra-cloud")).width(180),
                pick_list(&CloudChoice::ALL[..], Some(s.cloud), Message::Cloud),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            row![
                text(t!("entra-tenant")).width(180),
                text_input("organizations", &s.tenant)
                    .on_input(Message::Tenant)
                    .width(360),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            style::note(t!("entra-tenant-hint")),
            row![
                text(t!("entra-client-id")).width(180),
                text_input(crate::entra::cloud::GRAPH_COMMAND_LINE_TOOLS, &s.client_id)
                    .on_input(Message::ClientId)
                    .width(360),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
            style::note(t!("entra-client-id-hint")),
        ]
        .spacing(8);
        if !s.authority_url.is_empty() || !s.graph_url.is_empty() {
            form = form.push(style::note(t!(
                "entra-endpoints",
                authority = s.authority_url.as_str(),
                graph = s.graph_url.as_str()
            )));
        }
        let mut c = column![
            style::heading(t!("entra-title")),
            style::lead(t!("entra-lead")),
            style::section(form),
            row![
                button(text(t!("entra-sign-in")))
                    .on_press_maybe(on(Message::SignIn).filter(|_| !s.skip_cloud))
                    .style(iced::widget::button::primary),
                button(text(t!("entra-device-code")))
                    .on_press_maybe(on(Message::SignInWithCode).filter(|_| !s.skip_cloud)),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        ]
        .spacing(14);
        if let Some(progress) = self.progress() {
            c = c.push(progress);
        }
        if let Some(si) = shared.signed_in() {
            c = c.push(signed_in(si));
        }
        c = c.push(style::separator());
        c = c.push(
            checkbox(s.skip_cloud)
                .label(t!("entra-skip"))
                .on_toggle_maybe(idle.then_some(Message::Skip)),
        );
        c = c.push(style::note(t!("entra-skip-hint")));
        c.into()
    }
}

/// Who signed in, to which tenant, with which roles.
fn signed_in<'a>(si: &jobs::SignedIn) -> Element<'a, Message> {
    let roles = si.roles();
    column![
        style::ok_box(t!(
            "entra-signed-in",
            user = si.user(),
            tenant = si.tenant().unwrap_or_default()
        )),
        style::field(
            t!("entra-roles"),
            if roles.is_empty() {
                t!("entra-no-roles")
            } else {
                roles.join(", ")
            },
        ),
    ]
    .spacing(14)
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::pages::step;

    #[test]
    fn next_needs_a_sign_in_or_the_skip() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(!p.can_continue(&s));
        step(&mut p, Message::Skip(true), &mut s);
        assert!(p.can_continue(&s));
        assert!(s.settings().skip_cloud);
    }

    #[test]
    fn sign_in_starts_work_and_a_failure_is_shown_on_the_page() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(step(&mut p, Message::SignInWithCode, &mut s).is_run());
        assert!(p.working());
        assert!(!p.can_continue(&s));
        step(
            &mut p,
            Message::Event(SignInEvent::Done(Err(UiError::plain("declined")))),
            &mut s,
        );
        assert!(matches!(&p.state, State::Failed(e) if e.message == "declined"));
        assert!(!p.can_continue(&s));
    }

    #[test]
    fn a_bad_endpoint_override_is_an_error_not_a_sign_in() {
        let mut s = Shared::for_tests();
        let settings = crate::gui::settings::Settings {
            authority_url: "not a url".into(),
            ..Default::default()
        };
        s.apply(Intent::Profile(Box::new(settings), Default::default()));
        let mut p = Page::new();
        assert!(step(&mut p, Message::SignIn, &mut s).is_none());
        assert!(matches!(p.state, State::Failed(_)));
    }
}
