//! The wizard's pages, listed once. A page is one file under `pages/` plus one line in
//! [`pages!`] below: the line gives its step, its module and its name in the step list, and
//! the macro makes the [`Step`] enum, the page's [`Message`] variant, its place in [`Pages`] and
//! the dispatch to it through [`WizardPage`]. Which steps a task walks, in which order, is
//! [`Step::path`].

use iced::{Element, Task};

use super::pages::{Action, WizardPage};
use super::shared::{Flow, Shared};
use crate::t;

macro_rules! pages {
    ($($step:ident => $module:ident, $title:literal;)*) => {
        use super::pages::{$($module),*};

        /// The wizard's steps. The order of a run depends on the task chosen (see
        /// [`Step::path`]).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Step {
            $($step,)*
        }

        impl Step {
            /// The name in the step list and the window title.
            pub fn title(self) -> String {
                match self {
                    $(Step::$step => t!($title),)*
                }
            }
        }

        /// Everything the wizard reacts to: a page's own message, or the parent's.
        #[derive(Debug, Clone)]
        pub enum Message {
            $($step($module::Message),)*
            Next,
            Back,
            Exit,
            FocusNext,
            FocusPrevious,
            /// Leave the start-up error screen and go on with defaults.
            ContinueAfterStartupError,
            /// The profile given on the command line, read (or why not).
            ProfileLoaded(
                Box<Result<(super::settings::Settings, super::settings::LoadNotes), String>>,
            ),
            /// The window's close button. While Configuring writes, it means Cancel and close
            /// once the object being written is finished and verified.
            CloseRequested,
        }

        /// Every page's state.
        pub struct Pages {
            $(pub $module: $module::Page,)*
        }

        impl Pages {
            pub fn new() -> Self {
                Self {
                    $($module: $module::Page::new(),)*
                }
            }

            /// The page of `step` comes into view; what it asks for is done.
            pub fn enter(&mut self, step: Step, shared: &mut Shared) -> Task<Message> {
                match step {
                    $(Step::$step => {
                        let a = self.$module.enter(shared);
                        route(a, shared, Message::$step)
                    })*
                }
            }

            /// The page of `step` goes out of view.
            pub fn leave(&mut self, step: Step) {
                match step {
                    $(Step::$step => self.$module.leave(),)*
                }
            }

            pub fn busy(&self, step: Step, shared: &Shared) -> bool {
                match step {
                    $(Step::$step => self.$module.busy(shared),)*
                }
            }

            pub fn can_continue(&self, step: Step, shared: &Shared) -> bool {
                match step {
                    $(Step::$step => self.$module.can_continue(shared),)*
                }
            }

            pub fn can_go_back(&self, step: Step, shared: &Shared) -> bool {
                match step {
                    $(Step::$step => self.$module.can_go_back(shared),)*
                }
            }

            /// Hands a page's message to its page (the parent handles its own messages first);
            /// what it asks for is done.
            pub fn update(&mut self, message: Message, shared: &mut Shared) -> Task<Message> {
                match message {
                    $(Message::$step(m) => {
                        let a = self.$module.update(m, shared);
                        route(a, shared, Message::$step)
                    })*
                    _ => Task::none(),
                }
            }

            pub fn view<'a>(&'a self, step: Step, shared: &'a Shared) -> Element<'a, Message> {
                match step {
                    $(Step::$step => self.$module.view(shared).map(Message::$step),)*
                }
            }
        }
    };
}

pages! {
    Welcome => welcome, "step-welcome";
    Tasks => tasks, "step-tasks";
    Entra => entra, "step-entra";
    Directory => directory, "step-directory";
    Scope => scope, "step-scope";
    Features => features, "step-features";
    Checks => checks, "step-checks";
    Pilot => pilot, "step-pilot";
    Ready => ready, "step-ready";
    Configuring => configuring, "step-configuring";
    Complete => complete, "step-complete";
    Restore => restore, "step-restore";
    Current => current, "step-current";
}

impl Default for Pages {
    fn default() -> Self {
        Self::new()
    }
}

/// A page's answer: the changes it asks for are made, its work is handed on.
pub fn route<M: Send + 'static>(
    action: Action<M>,
    shared: &mut Shared,
    wrap: fn(M) -> Message,
) -> Task<Message> {
    shared.apply_all(action.intents);
    action.task.map_or_else(Task::none, |t| t.map(wrap))
}

impl Step {
    /// The steps of a task, in order.
    pub fn path(flow: Flow) -> &'static [Step] {
        use Step::*;
        match flow {
            Flow::Configure => &[
                Welcome,
                Tasks,
                Entra,
                Directory,
                Scope,
                Features,
                Checks,
                Pilot,
                Ready,
                Configuring,
                Complete,
            ],
            // Cloud Sync has no Optional features page of Connect's: its switch is the agent's.
            Flow::CloudSync => &[
                Welcome,
                Tasks,
                Entra,
                Directory,
                Scope,
                Checks,
                Pilot,
                Ready,
                Configuring,
                Complete,
            ],
            Flow::Diagnose => &[
                Welcome, Tasks, Entra, Directory, Scope, Checks, Pilot, Complete,
            ],
            Flow::Restore => &[Welcome, Tasks, Directory, Restore, Complete],
            Flow::ViewConfig => &[Welcome, Tasks, Current],
        }
    }

    /// The next step of `flow`.
    pub fn next(self, flow: Flow) -> Option<Step> {
        let p = Self::path(flow);
        let i = p.iter().position(|s| *s == self)?;
        p.get(i + 1).copied()
    }

    /// The previous step of `flow`.
    pub fn previous(self, flow: Flow) -> Option<Step> {
        let p = Self::path(flow);
        let i = p.iter().position(|s| *s == self)?;
        i.checked_sub(1).and_then(|i| p.get(i).copied())
    }
}
