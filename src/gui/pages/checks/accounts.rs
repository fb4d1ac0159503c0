//! Writeback prerequisites, below the findings: the protected administrators excluded by
//! design, the users the sync engine leaves out, and the verdict of a report in one box.

use iced::Element;
use iced::widget::{column, row, text};

use crate::gui::jobs::Assessment;
use crate::gui::style;
use crate::t;

/// How many accounts of a list are shown before "and N more".
pub const SHOWN: usize = 200;

/// The protected administrators, excluded from writeback by design: counted and named.
pub fn excluded<'a, M: 'a>(a: &Assessment) -> Element<'a, M> {
    let x = &a.report.users.excluded;
    if x.is_empty() {
        return column![].into();
    }
    let head = column![
        text(t!("checks-excluded-title", count = x.len())).size(18),
        style::note(t!("checks-excluded-lead")),
    ]
    .spacing(6);
    accounts(
        head,
        x.len(),
        x.iter().map(|u| (&u.sam_account_name, &u.dn, None)),
    )
}

/// The users the sync engine never synchronizes, with the rule that leaves each out.
pub fn not_synced<'a, M: 'a>(a: &Assessment) -> Element<'a, M> {
    let x = &a.report.users.not_synchronized;
    let words = crate::words::Words::current(crate::words::Face::Wizard);
    let mut head = column![style::note(words.sync_filter(&a.report.sync_filter))].spacing(6);
    if x.is_empty() {
        return style::section(head);
    }
    head = head.push(text(t!("checks-not-synced-title", count = x.len())).size(18));
    head = head.push(style::note(t!("checks-not-synced-lead")));
    let rows = x
        .iter()
        .map(|u| (&u.sam_account_name, &u.dn, Some(words.not_synced(&u.rule))));
    accounts(head, x.len(), rows)
}

/// A list of accounts under `head`: name, DN and a note each, the first `SHOWN` of
/// `total`.
fn accounts<'a, 'r, M: 'a>(
    head: iced::widget::Column<'a, M>,
    total: usize,
    rows: impl Iterator<Item = (&'r String, &'r String, Option<String>)>,
) -> Element<'a, M> {
    let mut list = head;
    for (sam, dn, note) in rows.take(SHOWN) {
        let mut who = column![style::mono(dn.clone())];
        if let Some(n) = note {
            who = who.push(text(n).size(13));
        }
        list = list.push(
            row![text(sam.clone()).size(13).width(160), who]
                .spacing(8)
                .align_y(iced::Alignment::Center),
        );
    }
    if total > SHOWN {
        list = list.push(style::note(t!(
            "checks-more",
            count = total.saturating_sub(SHOWN)
        )));
    }
    style::section(list)
}

/// Ready or not, in one box: the verdict of a report, for what was checked.
pub fn summary<'a, M: 'a>(r: &crate::report::Report) -> Element<'a, M> {
    let n = &r.readiness;
    let words = crate::words::Words::current(crate::words::Face::Wizard);
    let missing = r.parts.needed_not_checked();
    let mut line = if r.ready {
        t!(
            "checks-ready",
            ready = n.ready,
            users = n.in_scope,
            excluded = n.excluded,
            blocked = n.blocked,
            warnings = r.summary.warnings
        )
    } else {
        t!(
            "checks-not-ready",
            errors = r.summary.errors,
            warnings = r.summary.warnings,
            ready = n.ready,
            users = n.in_scope,
            excluded = n.excluded,
            blocked = n.blocked
        )
    };
    if !missing.is_empty() {
        line.push(' ');
        line.push_str(&t!(
            "checks-parts-not-checked",
            parts = words.parts_list(&missing)
        ));
    }
    if r.ready && missing.is_empty() {
        style::ok_box(line)
    } else if r.ready {
        style::warning_box(line)
    } else {
        style::error_box(line)
    }
}
