//! Ready to configure, the other directories: each one's plan, made with the same options as
//! the first's, summed up change by change (the SDDL of each is in its backup after Configure).

use iced::widget::{column, text};
use iced::{Element, Task};

use super::{Message, Page};
use crate::gui::jobs;
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::t;

impl Page {
    /// The task that plans the other directories, when there are any and they were assessed.
    pub(super) fn plan_others(&self, shared: &mut Shared) -> Option<Task<Message>> {
        shared.others_planned = None;
        let assessed = shared.others_assessed.clone()?;
        let others = shared.others();
        if others.is_empty() {
            return None;
        }
        Some(Task::perform(
            jobs::plan_others(others, assessed, shared.settings.plan.clone()),
            Message::OthersPlanned,
        ))
    }

    /// Each other directory's changes.
    pub(super) fn others_view<'a>(&'a self, shared: &'a Shared) -> Option<Element<'a, Message>> {
        if shared.settings.directories.is_empty() {
            return None;
        }
        let words = crate::words::Words::current(crate::words::Face::Wizard);
        let mut c = column![text(t!("ready-others-title")).size(16)].spacing(6);
        match &shared.others_planned {
            None => c = c.push(style::note(t!("ready-computing"))),
            Some(list) => {
                for (label, r) in list {
                    match r {
                        Ok(p) => {
                            c = c.push(text(t!(
                                "ready-other-changes",
                                label = label.as_str(),
                                count = crate::words::n(p.plan.changes.len())
                            )));
                            for change in &p.plan.changes {
                                c = c.push(
                                    text(format!("  • {} ({})", words.change(change), change.dn))
                                        .size(13),
                                );
                            }
                            for n in &p.plan.not_fixed {
                                c = c.push(
                                    text(format!("  ✖ {}", words.not_fixed_line(n))).size(13),
                                );
                            }
                        }
                        Err(e) => {
                            c = c.push(style::error_box(t!(
                                "ready-other-failed",
                                label = label.as_str(),
                                reason = e.message.as_str()
                            )))
                        }
                    }
                }
            }
        }
        Some(style::section(c))
    }
}
