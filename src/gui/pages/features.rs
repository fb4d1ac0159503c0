//! Page 6 — Optional features: Connect's list. Only Password writeback is set here; the others show
//! their state where the tenant reports it and are disabled with a tooltip.

use iced::Element;
use iced::widget::{checkbox, column, container, text, tooltip};

use crate::gui::intent::{Intent, SettingsEdit};
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::t;

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    PasswordWriteback(bool),
}

#[derive(Default)]
pub struct Page;

/// Connect's optional features and the key of `onPremisesSynchronization.features` that
/// reports each (`None`: Graph does not say).
const CONNECT_FEATURES: &[(&str, Option<&str>)] = &[
    ("features-exchange-hybrid", None),
    ("features-exchange-folders", None),
    ("features-app-filtering", None),
    ("features-phs", Some("passwordSyncEnabled")),
    ("features-group-writeback", Some("groupWriteBackEnabled")),
    ("features-device-writeback", Some("deviceWritebackEnabled")),
    ("features-extensions", Some("directoryExtensionsEnabled")),
];

impl Page {
    pub fn new() -> Self {
        Self
    }

    /// The state the tenant reports for a feature key.
    fn state(shared: &Shared, key: Option<&str>) -> Option<bool> {
        let facts = &shared.signed_in()?.facts;
        let sync = facts.sync.as_ref().ok()?;
        sync.features.get(key?)?.as_bool()
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn can_continue(&self, shared: &Shared) -> bool {
        shared.settings().password_writeback
    }

    fn update(&mut self, message: Message, _shared: &Shared) -> Action {
        match message {
            Message::PasswordWriteback(on) => {
                Action::intent(Intent::Settings(SettingsEdit::PasswordWriteback(on)))
            }
        }
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let mut list = column![].spacing(10);
        for (id, key) in CONNECT_FEATURES {
            let name = crate::words::dynamic(id).unwrap_or_else(|| id.to_string());
            let state = Self::state(shared, *key);
            let label = match state {
                Some(true) => format!("{name} ({})", t!("state-on")),
                Some(false) => format!("{name} ({})", t!("state-off")),
                None => name,
            };
            let item = checkbox(state.unwrap_or(false)).label(label);
            list = list.push(tooltip(
                item,
                container(text(t!("features-not-here")).size(13))
                    .padding(6)
                    .style(container::rounded_box),
                tooltip::Position::Right,
            ));
        }
        let mut c = column![
            style::heading(t!("features-title")),
            style::lead(t!("features-lead")),
            style::section(
                column![
                    checkbox(shared.settings().password_writeback)
                        .label(t!("features-password-writeback"))
                        .on_toggle(Message::PasswordWriteback)
                        .size(20),
                    style::note(t!("features-password-writeback-hint")),
                ]
                .spacing(6)
            ),
            style::section(list),
        ]
        .spacing(14);
        if !shared.settings().password_writeback {
            c = c.push(style::warning_box(t!("features-need-writeback")));
        }
        c.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::pages::step;

    #[test]
    fn next_needs_password_writeback_ticked() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(p.can_continue(&s));
        step(&mut p, Message::PasswordWriteback(false), &mut s);
        assert!(!p.can_continue(&s));
    }
}
