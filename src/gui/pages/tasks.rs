//! Page 2 — Additional tasks: the writeback path, a read-only diagnosis, a restore, or a look at the
//! current configuration. Profiles are loaded and saved here.

use std::path::PathBuf;

use iced::widget::{button, column, radio, row, text};
use iced::{Element, Task};

use crate::gui::dialogs::{Filter, Purpose};
use crate::gui::intent::Intent;
use crate::gui::settings::{LoadNotes, Settings};
use crate::gui::shared::{Flow, Shared};
use crate::gui::style;
use crate::t;
use crate::words::{Face, Words};

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    Choose(Flow),
    LoadProfile,
    LoadFrom(Option<PathBuf>),
    Loaded(Result<Box<(Settings, LoadNotes, PathBuf)>, String>),
    SaveProfile,
    SaveTo(Option<PathBuf>),
    Saved(Result<PathBuf, String>),
}

#[derive(Default)]
pub struct Page {
    /// The last profile action's result, in words (error or success).
    pub status: Option<Result<String, String>>,
}

fn profile_filter() -> Vec<Filter> {
    vec![Filter::new(t!("filter-profile"), &["json"])]
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn can_continue(&self, _shared: &Shared) -> bool {
        true
    }

    fn update(&mut self, message: Message, shared: &Shared) -> Action {
        match message {
            Message::Choose(flow) => Action::intent(Intent::Flow(flow)),
            Message::LoadProfile => Action::run(Task::perform(
                shared.dialogs().open(
                    Purpose::ProfileLoad,
                    t!("tasks-load-profile"),
                    profile_filter(),
                ),
                Message::LoadFrom,
            )),
            Message::LoadFrom(None) | Message::SaveTo(None) => Action::none(),
            Message::LoadFrom(Some(path)) => Action::run(Task::perform(
                async move {
                    tokio::task::spawn_blocking(move || {
                        Settings::load(&path)
                            .map(|(s, n)| Box::new((s, n, path)))
                            .map_err(|e| Words::current(Face::Wizard).error(&e))
                    })
                    .await
                    .unwrap_or_else(|e| Err(e.to_string()))
                },
                Message::Loaded,
            )),
            Message::Loaded(Ok(loaded)) => {
                let (settings, notes, path) = *loaded;
                tracing::info!("profile {} loaded", path.display());
                self.status = Some(Ok(t!(
                    "tasks-profile-loaded",
                    path = path.display().to_string()
                )));
                Action::intent(Intent::Profile(Box::new(settings), notes))
            }
            Message::Loaded(Err(e)) | Message::Saved(Err(e)) => {
                self.status = Some(Err(e));
                Action::none()
            }
            Message::SaveProfile => Action::run(Task::perform(
                shared.dialogs().save(
                    Purpose::ProfileSave,
                    t!("tasks-save-profile"),
                    Some(PathBuf::from("writeback-wizard-profile.json")),
                    profile_filter(),
                ),
                Message::SaveTo,
            )),
            Message::SaveTo(Some(path)) => {
                // Every directory of the run, and no password.
                let settings = shared.profile();
                Action::run(Task::perform(
                    async move {
                        tokio::task::spawn_blocking(move || {
                            settings
                                .save(&path)
                                .map(|_| path)
                                .map_err(|e| Words::current(Face::Wizard).error(&e))
                        })
                        .await
                        .unwrap_or_else(|e| Err(e.to_string()))
                    },
                    Message::Saved,
                ))
            }
            Message::Saved(Ok(path)) => {
                self.status = Some(Ok(t!(
                    "tasks-profile-saved",
                    path = path.display().to_string()
                )));
                Action::none()
            }
        }
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let choice = |flow: Flow, label: String, hint: String| -> Element<'a, Message> {
            column![
                radio(label, flow, Some(shared.flow()), Message::Choose).size(18),
                container_hint(hint),
            ]
            .spacing(2)
            .into()
        };
        let mut c = column![
            style::heading(t!("tasks-title")),
            style::lead(t!("tasks-lead")),
            choice(
                Flow::Configure,
                t!("tasks-configure"),
                t!("tasks-configure-hint")
            ),
            choice(
                Flow::CloudSync,
                t!("tasks-cloud-sync"),
                t!("tasks-cloud-sync-hint")
            ),
            choice(
                Flow::Diagnose,
                t!("tasks-diagnose"),
                t!("tasks-diagnose-hint")
            ),
            choice(Flow::Restore, t!("tasks-restore"), t!("tasks-restore-hint")),
            choice(Flow::ViewConfig, t!("tasks-view"), t!("tasks-view-hint")),
            style::separator(),
            text(t!("tasks-profile-title")).size(18),
            style::note(t!("tasks-profile-hint")),
            row![
                button(text(t!("tasks-load-profile"))).on_press(Message::LoadProfile),
                button(text(t!("tasks-save-profile"))).on_press(Message::SaveProfile),
            ]
            .spacing(8),
        ]
        .spacing(12);
        match &self.status {
            Some(Ok(m)) => c = c.push(style::ok_box(m.clone())),
            Some(Err(e)) => c = c.push(style::error_box(e.clone())),
            None => {}
        }
        c.into()
    }
}

fn container_hint<'a>(hint: String) -> Element<'a, Message> {
    iced::widget::container(style::note(hint))
        .padding(iced::Padding::default().left(30))
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::pages::step;

    #[test]
    fn choosing_a_task_sets_the_path() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(!step(&mut p, Message::Choose(Flow::Restore), &mut s).is_run());
        assert_eq!(s.flow(), Flow::Restore);
        assert_eq!(
            crate::gui::Step::path(s.flow()),
            &[
                crate::gui::Step::Welcome,
                crate::gui::Step::Tasks,
                crate::gui::Step::Directory,
                crate::gui::Step::Restore,
                crate::gui::Step::Complete
            ]
        );
    }

    #[test]
    fn loading_a_profile_replaces_the_answers_and_forgets_results() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        let loaded = Settings {
            server: "dc9".into(),
            ..Settings::default()
        };
        let file = Box::new((loaded, LoadNotes::default(), "p.json".into()));
        step(&mut p, Message::Loaded(Ok(file)), &mut s);
        assert_eq!(s.first().settings().server, "dc9");
        assert!(matches!(p.status, Some(Ok(_))));
        assert!(s.first().tested().is_none());
        step(&mut p, Message::Loaded(Err("bad".into())), &mut s);
        assert_eq!(
            s.first().settings().server,
            "dc9",
            "a failed load keeps the answers"
        );
        assert!(matches!(p.status, Some(Err(_))));
    }
}
