//! The wizard's pages, one file each. A page owns its state; `update` returns an [`Action`]
//! for the parent; `view` draws only the page (the parent draws the bar).

pub mod blocked;
pub mod checks;
pub mod complete;
pub mod configuring;
pub mod current;
pub mod directory;
pub mod entra;
pub mod features;
pub mod pilot;
pub mod ready;
pub mod restore;
pub mod scope;
pub mod tasks;
pub mod welcome;

use iced::{Element, Task};

use super::Shared;
use super::settings::LoadNotes;
use crate::t;

/// A page of the wizard. The parent lists the pages once (`gui::pages!`) and asks the page
/// in view through this trait; everything a page does not say here has the default.
pub trait WizardPage {
    type Message: std::fmt::Debug + Clone + Send + 'static;

    /// Handles one of the page's messages; work to run goes back as [`Action::Run`].
    fn update(&mut self, message: Self::Message, shared: &mut Shared) -> Action<Self::Message>;

    /// Draws the page (the parent draws the step list and the buttons).
    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Self::Message>;

    /// The page comes into view: it may start its work.
    fn enter(&mut self, _shared: &mut Shared) -> Task<Self::Message> {
        Task::none()
    }

    /// The page goes out of view: work it started stops.
    fn leave(&mut self) {}

    /// Waiting for work it started (the title shows "…").
    fn busy(&self, _shared: &Shared) -> bool {
        false
    }

    /// Whether Next is enabled.
    fn can_continue(&self, _shared: &Shared) -> bool {
        true
    }

    /// Whether Previous is enabled.
    fn can_go_back(&self, _shared: &Shared) -> bool {
        true
    }
}

/// What a page asks of the parent.
pub enum Action<M> {
    None,
    /// Run this work; its messages come back to the page.
    Run(Task<M>),
}

impl<M> std::fmt::Debug for Action<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Action::None => "None",
            Action::Run(_) => "Run",
        })
    }
}

impl<M> Action<M> {
    pub fn is_run(&self) -> bool {
        matches!(self, Action::Run(_))
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Action::None)
    }
}

/// A password or other secret in a message: its `Debug` never shows it.
#[derive(Clone)]
pub struct Secret(pub zeroize::Zeroizing<String>);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<secret>")
    }
}

/// The notice after loading a profile, if it needs one.
pub fn profile_notice(notes: &LoadNotes) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(n) = notes.newer_schema {
        parts.push(t!("profile-newer", schema = n));
    }
    if !notes.dropped_fields.is_empty() {
        parts.push(t!(
            "profile-dropped",
            fields = notes.dropped_fields.join(", ")
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// An abortable task whose handle stops it when dropped (the page keeps the handle; leaving
/// the page drops it).
pub fn abortable<M: Send + 'static>(task: Task<M>) -> (Task<M>, iced::task::Handle) {
    let (task, handle) = task.abortable();
    (task, handle.abort_on_drop())
}
