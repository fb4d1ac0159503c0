//! Writeback prerequisites, "Compare with the last configuration": the directory checked again
//! and compared with the baseline its last Configure saved on this computer — what changed,
//! where and when, and whom it blocked.

use std::collections::HashMap;
use std::sync::Arc;

use iced::widget::{column, text};
use iced::{Element, Task};

use crate::gui::jobs::{self, UiError};
use crate::gui::run::{DirectoryState, RowId};
use crate::gui::style;
use crate::t;

/// Where one directory's comparison stands.
#[derive(Clone, Debug)]
pub enum State {
    Running,
    /// The drift in words, or why it could not be compared.
    Done(Result<Arc<Vec<String>>, UiError>),
}

/// Every directory's comparison.
#[derive(Default)]
pub struct Compare {
    states: HashMap<RowId, State>,
}

impl Compare {
    /// Starts comparing `d` (checked, so its domain is known); `None` when it cannot start.
    pub fn start<M: Send + 'static>(
        &mut self,
        d: &DirectoryState,
        done: impl Fn(RowId, Result<Arc<Vec<String>>, UiError>) -> M + Send + 'static,
    ) -> Option<Task<M>> {
        let id = d.id();
        let checked = d.assessed()?;
        let sid = checked.report.directory.domain_sid.clone();
        // Checked again from the check just shown: only what changed since is read.
        let memo = checked.memo.clone();
        let directory = match d.directory() {
            Ok(dir) => dir,
            Err(e) => {
                self.states.insert(id, State::Done(Err(e)));
                return None;
            }
        };
        self.states.insert(id, State::Running);
        Some(Task::perform(
            jobs::compare_last(directory, sid, memo),
            move |r| done(id, r),
        ))
    }

    /// A comparison's result.
    pub fn done(&mut self, id: RowId, r: Result<Arc<Vec<String>>, UiError>) {
        self.states.insert(id, State::Done(r));
    }

    /// Whether `id`'s comparison runs.
    pub fn running(&self, id: RowId) -> bool {
        matches!(self.states.get(&id), Some(State::Running))
    }

    /// Forgets every comparison (a new check makes them stale).
    pub fn clear(&mut self) {
        self.states.clear();
    }

    /// `id`'s comparison, shown below the verdict.
    pub fn view<'a, M: 'a>(&'a self, id: RowId) -> Option<Element<'a, M>> {
        Some(match self.states.get(&id)? {
            State::Running => style::note(t!("checks-comparing")),
            State::Done(Err(e)) => style::error_box(e.message.clone()),
            State::Done(Ok(lines)) => {
                let mut c = column![text(t!("checks-compare-title")).size(18)].spacing(2);
                for l in lines.iter() {
                    c = c.push(style::mono(l.clone()));
                }
                style::section(c)
            }
        })
    }
}
