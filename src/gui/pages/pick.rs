//! Which directory a page shows in detail when the run has several, as Connect's "Domain and OU
//! filtering" page picks its directory: a pick list of their names. A run of one directory has
//! no pick list, so its pages look as they always did.

use iced::Element;
use iced::widget::{pick_list, row, text};

use crate::gui::run::{DirectoryState, RowId};
use crate::gui::shared::Shared;
use crate::t;

/// A directory in the pick list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    pub id: RowId,
    pub label: String,
}

impl std::fmt::Display for Choice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// The directory shown: `selected` while it is in the run, else the first.
pub fn shown(shared: &Shared, selected: Option<RowId>) -> &DirectoryState {
    selected
        .and_then(|id| shared.rows().find(|r| r.id() == id))
        .unwrap_or_else(|| shared.lead())
}

/// "Directory: [corp.example ▾]" when the run has more than one directory.
pub fn picker<'a, M: Clone + 'a>(
    shared: &Shared,
    selected: Option<RowId>,
    on_pick: impl Fn(RowId) -> M + 'a,
) -> Option<Element<'a, M>> {
    let choices: Vec<Choice> = shared
        .rows()
        .map(|r| Choice {
            id: r.id(),
            label: r.label(),
        })
        .collect();
    if choices.len() < 2 {
        return None;
    }
    let current = shown(shared, selected).id();
    let chosen = choices.iter().find(|c| c.id == current).cloned();
    Some(
        row![
            text(t!("run-directory")).size(15),
            pick_list(choices, chosen, move |c: Choice| on_pick(c.id)),
        ]
        .spacing(8)
        .align_y(iced::Alignment::Center)
        .into(),
    )
}
