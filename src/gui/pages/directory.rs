//! Page 4 — Connect your directories: one form per directory of the run (the first is the one
//! every run has), each tested before Next; "Add directory" adds a row with the same form, as
//! Connect's "Add Directory" does, and a forest's other domains join with one tick.

use std::collections::HashMap;

use iced::widget::{button, column, row, text};
use iced::{Element, Length};

use crate::gui::intent::Intent;
use crate::gui::run::{DirectoryEdit, RowId};
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::t;

use super::WizardPage;

pub mod form;
use form::DirectoryForm;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    /// A row's form.
    Form(RowId, form::Message),
    Add,
    Remove(RowId),
}

#[derive(Default)]
pub struct Page {
    /// Each row's form state, by row.
    forms: HashMap<RowId, DirectoryForm>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// Row `id`'s form, as drawn now.
    pub fn form(&self, id: RowId) -> Option<&DirectoryForm> {
        self.forms.get(&id)
    }

    fn testing(&self) -> bool {
        self.forms.values().any(|f| f.testing)
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.testing()
    }

    /// The machine's domain as the first guess for the server.
    fn enter(&mut self, shared: &Shared) -> Action {
        let first = shared.first();
        match std::env::var("USERDNSDOMAIN") {
            Ok(d) if first.settings().server.is_empty() && !d.trim().is_empty() => {
                Action::intent(Intent::Directory(
                    first.id(),
                    DirectoryEdit::Server(d.trim().to_ascii_lowercase()),
                ))
            }
            _ => Action::none(),
        }
    }

    fn leave(&mut self) {
        self.forms.values_mut().for_each(DirectoryForm::leave);
    }

    fn can_continue(&self, shared: &Shared) -> bool {
        !self.testing() && shared.all_tested()
    }

    fn update(&mut self, message: Message, shared: &Shared) -> Action {
        match message {
            Message::Form(id, m) => {
                let Some(row) = shared.row(id) else {
                    // A result for a row that was removed meanwhile.
                    return Action::none();
                };
                let form = self.forms.entry(id).or_default();
                form.update(m, row, shared.dialogs())
                    .map(move |m| Message::Form(id, m))
            }
            Message::Add => Action::intent(Intent::AddDirectory),
            Message::Remove(id) => {
                self.forms.remove(&id);
                Action::intent(Intent::RemoveDirectory(id))
            }
        }
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let all = shared.directories().all();
        let mut c = column![
            style::heading(t!("directory-title")),
            style::lead(t!("directory-lead")),
        ]
        .spacing(14);
        for (i, d) in all.iter().enumerate() {
            let id = d.id();
            if all.len() > 1 {
                c = c.push(row_heading(i, d, shared));
            }
            let form = match self.forms.get(&id) {
                Some(f) => f.view(d),
                None => form::view(d, false, None),
            };
            c = c.push(form.map(move |m| Message::Form(id, m)));
        }
        c.push(style::section(
            column![
                text(t!("directory-more-title")).size(18),
                style::note(t!("directory-more-hint")),
                button(text(t!("directory-add"))).on_press(Message::Add),
            ]
            .spacing(8),
        ))
        .into()
    }
}

/// A row's heading when the run has several: its number and name, where a forest's domain comes
/// from, and "Remove" (the first row stays: it is the run's).
fn row_heading<'a>(
    i: usize,
    d: &'a crate::gui::run::DirectoryState,
    shared: &'a Shared,
) -> Element<'a, Message> {
    let label = d.label();
    let mut head = row![
        text(t!(
            "directory-row-title",
            n = crate::words::n(i + 1),
            label = if label.is_empty() {
                "…".to_string()
            } else {
                label
            }
        ))
        .size(18)
        .width(Length::Fill)
    ]
    .spacing(8)
    .align_y(iced::Alignment::Center);
    if i > 0 && d.forest_of().is_none() {
        head = head.push(
            button(text(t!("directory-remove")))
                .on_press(Message::Remove(d.id()))
                .style(iced::widget::button::secondary),
        );
    }
    let mut c = column![head].spacing(4);
    if let Some(root) = d.forest_of().and_then(|r| shared.row(r)) {
        c = c.push(style::note(t!(
            "directory-forest-domain",
            root = root.settings().server.as_str()
        )));
    }
    c.into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::jobs::{ErrorKind, Tested, UiError};
    use crate::gui::pages::{Secret, step};
    use zeroize::Zeroizing;

    fn form(s: &Shared, m: form::Message) -> Message {
        Message::Form(s.first().id(), m)
    }

    fn tested(forest: &[(&str, &str)]) -> Box<Tested> {
        Box::new(Tested::for_tests("DC=corp,DC=example", forest))
    }

    /// Types `server`, `user` and `password` into the first directory's form.
    fn answer(p: &mut Page, s: &mut Shared, server: &str, user: &str, password: &str) {
        for m in [
            form::Message::Server(server.into()),
            form::Message::User(user.into()),
            form::Message::Password(Secret(Zeroizing::new(password.into()))),
        ] {
            let m = form(s, m);
            step(p, m, s);
        }
    }

    #[test]
    fn test_without_a_password_says_what_is_missing_and_starts_nothing() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        answer(&mut p, &mut s, "dc1.lab.example", "admin@lab.example", "");
        assert!(step(&mut p, form(&s, form::Message::Test), &mut s).is_none());
        assert!(p.form(s.first().id()).unwrap().error.is_some());
        assert!(!p.can_continue(&s));
    }

    #[test]
    fn test_with_answers_starts_and_a_wrong_password_shows_on_the_page() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        answer(&mut p, &mut s, "dc1.lab.example", "admin@lab.example", "x");
        assert!(step(&mut p, form(&s, form::Message::Test), &mut s).is_run());
        assert!(p.busy(&s));
        let err = UiError {
            kind: ErrorKind::BadCredentials,
            message: "wrong".into(),
        };
        step(&mut p, form(&s, form::Message::Tested(Err(err))), &mut s);
        let f = p.form(s.first().id()).unwrap();
        assert!(!f.testing);
        assert_eq!(
            f.error.as_ref().map(|e| e.kind),
            Some(ErrorKind::BadCredentials)
        );
        assert!(!p.can_continue(&s));
    }

    #[test]
    fn changing_an_answer_after_a_test_asks_for_a_new_test() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        let tested_now = form(&s, form::Message::Tested(Ok(tested(&[]))));
        step(&mut p, tested_now, &mut s);
        assert!(p.can_continue(&s));
        step(
            &mut p,
            form(&s, form::Message::Connector("MSOL_other".into())),
            &mut s,
        );
        assert!(s.first().tested().is_none());
        assert!(!p.can_continue(&s));
    }

    #[test]
    fn every_row_must_be_tested_and_a_result_for_a_removed_row_lands_nowhere() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        let tested_now = form(&s, form::Message::Tested(Ok(tested(&[]))));
        step(&mut p, tested_now, &mut s);
        step(&mut p, Message::Add, &mut s);
        assert!(!p.can_continue(&s), "the new row is not tested");
        let second = s.directories().all()[1].id();
        step(&mut p, Message::Remove(second), &mut s);
        let late = Message::Form(second, form::Message::Tested(Ok(tested(&[]))));
        assert!(step(&mut p, late, &mut s).is_none());
        assert_eq!(s.directories().all().len(), 1);
        assert!(p.can_continue(&s));
    }

    #[test]
    fn the_forests_other_domains_join_with_the_same_sign_in_each_through_its_own_dc() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        answer(
            &mut p,
            &mut s,
            "dc1.corp.example",
            "admin@corp.example",
            "Secret#1",
        );
        let ca = form::Message::CaChosen(Some("corp-ca.pem".into()));
        step(&mut p, form(&s, ca), &mut s);
        let forest = [
            ("DC=corp,DC=example", "corp.example"),
            ("DC=emea,DC=corp,DC=example", "emea.corp.example"),
            ("DC=apac,DC=corp,DC=example", "apac.corp.example"),
        ];
        step(
            &mut p,
            form(&s, form::Message::Tested(Ok(tested(&forest)))),
            &mut s,
        );
        step(&mut p, form(&s, form::Message::AllDomains(true)), &mut s);
        let servers: Vec<&str> = s.rows().map(|r| r.settings().server.as_str()).collect();
        assert_eq!(
            servers,
            ["dc1.corp.example", "apac.corp.example", "emea.corp.example"]
        );
        assert!(s.rows().all(|r| r.settings().user == "admin@corp.example"
            && r.settings().ca_file.as_deref() == Some(std::path::Path::new("corp-ca.pem"))
            && r.password() == "Secret#1"));
        // Twice does not add them twice.
        step(&mut p, form(&s, form::Message::AllDomains(true)), &mut s);
        assert_eq!(s.rows().count(), 3);
        assert!(p.can_continue(&s), "found through the tested forest root");
    }

    #[test]
    fn password_never_shows_in_debug_output() {
        let m = form::Message::Password(Secret(Zeroizing::new("Sup3rSecret!".into())));
        assert!(!format!("{m:?}").contains("Sup3rSecret"));
    }
}
