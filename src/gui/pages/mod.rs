//! The wizard's pages, one file each. A page owns its state; `update` returns an [`Action`]
//! for the parent (the changes it asks for and the work to run); `view` draws only the page
//! (the parent draws the bar).

pub mod blocked;
pub mod checks;
pub mod complete;
pub mod configuring;
pub mod current;
pub mod directory;
pub mod entra;
pub mod features;
pub mod pick;
pub mod pilot;
pub mod ready;
pub mod restore;
pub mod scope;
pub mod tasks;
pub mod welcome;

use iced::{Element, Task};

use super::Shared;
use super::intent::Intent;
use super::settings::LoadNotes;
use crate::t;

/// A page of the wizard. The parent lists the pages once (`gui::pages!`) and asks the page
/// in view through this trait; everything a page does not say here has the default. A page
/// reads what the pages share and never writes it: what should change comes back in its
/// [`Action`].
pub trait WizardPage {
    type Message: std::fmt::Debug + Clone + Send + 'static;

    /// Handles one of the page's messages.
    fn update(&mut self, message: Self::Message, shared: &Shared) -> Action<Self::Message>;

    /// Draws the page (the parent draws the step list and the buttons).
    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Self::Message>;

    /// The page comes into view: it may start its work.
    fn enter(&mut self, _shared: &Shared) -> Action<Self::Message> {
        Action::none()
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

/// What a page asks of the parent: changes to what the pages share, and work to run (its
/// messages come back to the page).
#[must_use]
pub struct Action<M> {
    pub intents: Vec<Intent>,
    pub task: Option<Task<M>>,
}

impl<M> std::fmt::Debug for Action<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Action")
            .field("intents", &self.intents)
            .field("task", &self.task.is_some())
            .finish()
    }
}

impl<M> Action<M> {
    /// Nothing to do.
    pub fn none() -> Self {
        Self {
            intents: Vec::new(),
            task: None,
        }
    }

    /// Work to run.
    pub fn run(task: Task<M>) -> Self {
        Self {
            intents: Vec::new(),
            task: Some(task),
        }
    }

    /// A change to what the pages share.
    pub fn intent(intent: Intent) -> Self {
        Self {
            intents: vec![intent],
            task: None,
        }
    }

    /// This and another change, in order.
    pub fn and(mut self, intent: Intent) -> Self {
        self.intents.push(intent);
        self
    }

    /// This and work to run.
    pub fn with(mut self, task: Task<M>) -> Self {
        self.task = Some(task);
        self
    }

    /// The same action for a component's messages wrapped in the page's.
    pub fn map<N: Send + 'static>(self, f: impl Fn(M) -> N + Send + 'static) -> Action<N>
    where
        M: Send + 'static,
    {
        Action {
            intents: self.intents,
            task: self.task.map(|t| t.map(f)),
        }
    }

    pub fn is_run(&self) -> bool {
        self.task.is_some()
    }

    pub fn is_none(&self) -> bool {
        self.task.is_none() && self.intents.is_empty()
    }
}

/// For tests: `page` handles `message`, what it asks of `shared` is done, and what it asked
/// for is told.
pub fn step<P: WizardPage>(page: &mut P, message: P::Message, shared: &mut Shared) -> Stepped {
    let a = page.update(message, shared);
    let stepped = Stepped {
        task: a.task.is_some(),
        intents: a.intents.len(),
    };
    shared.apply_all(a.intents);
    stepped
}

/// What a page asked for in a test's [`step`].
#[derive(Clone, Copy, Debug)]
pub struct Stepped {
    pub task: bool,
    pub intents: usize,
}

impl Stepped {
    /// It started work.
    pub fn is_run(&self) -> bool {
        self.task
    }

    /// It asked for nothing.
    pub fn is_none(&self) -> bool {
        !self.task && self.intents == 0
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
