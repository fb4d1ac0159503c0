//! The blocked users on Writeback prerequisites, at any size: first the causes with how many
//! users each blocks ("98 000 users: Write pwdLastSet is not granted — DC=corp,DC=example"),
//! then the people, filtered by text and by cause and sorted. The filtered, sorted order is
//! computed once per change (indexes into the assessment's store of blocked users, never
//! copies of them) and the list builds only the rows in view ([`crate::gui::rows`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

use iced::widget::{button, column, row, text, text_input};
use iced::{Element, Length};

use crate::check::{BlockedUsers, FindingId};
use crate::gui::jobs::Assessment;
use crate::gui::rows::{self, cmp_folded, contains_folded};
use crate::gui::style;
use crate::t;
use crate::words::{Face, Words};

/// How the people are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// As the scan found them.
    #[default]
    Scan,
    Name,
    Dn,
}

#[derive(Debug, Clone)]
pub enum Message {
    Filter(String),
    /// Show only the users of this cause (an index into the causes), or all.
    Cause(Option<usize>),
    Sort(Sort),
    Scrolled(f32),
}

/// One cause and how many of the listed users it blocks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cause {
    pub id: FindingId,
    pub object: Arc<str>,
    pub users: usize,
}

#[derive(Default)]
pub struct List {
    pub filter: String,
    pub cause: Option<usize>,
    pub sort: Sort,
    pub offset: f32,
    causes: Vec<Cause>,
    /// The users shown, in order: indexes into the store.
    shown: Vec<u32>,
    /// The assessment `causes` and `shown` belong to.
    source: Option<Arc<Assessment>>,
}

impl List {
    /// Follows a new assessment (or none): causes counted again, the view back to the top.
    pub fn refresh(&mut self, a: Option<&Arc<Assessment>>) {
        if !rows::same_source(a, &self.source) {
            self.source = a.cloned();
            self.causes = a
                .map(|a| causes(&a.report.users.blocked))
                .unwrap_or_default();
            self.cause = None;
            self.offset = 0.0;
        }
        self.shown = a
            .map(|a| self.order(&a.report.users.blocked))
            .unwrap_or_default();
    }

    pub fn update(&mut self, m: Message, a: Option<&Arc<Assessment>>) {
        match m {
            Message::Filter(f) => self.filter = f,
            Message::Cause(c) => self.cause = c.filter(|&i| i < self.causes.len()),
            Message::Sort(s) => self.sort = s,
            Message::Scrolled(y) => {
                self.offset = y;
                return;
            }
        }
        self.offset = 0.0;
        self.refresh(a);
    }

    /// The causes of the current assessment, most users first.
    pub fn causes(&self) -> &[Cause] {
        &self.causes
    }

    /// The users shown, as indexes into the store, in order.
    pub fn shown(&self) -> &[u32] {
        &self.shown
    }

    /// The filtered, sorted order over `store` (one pass, then one sort; nothing copied).
    pub fn order(&self, store: &BlockedUsers) -> Vec<u32> {
        let needle = self.filter.trim().to_ascii_lowercase();
        let cause = self.cause.and_then(|i| self.causes.get(i));
        // Which sets of reasons hold the chosen cause: one look per set, not per user.
        let set_ok: Vec<bool> = store
            .sets()
            .iter()
            .map(|set| {
                cause.is_none_or(|c| {
                    set.iter()
                        .any(|r| r.id == c.id && r.object.eq_ignore_ascii_case(&c.object))
                })
            })
            .collect();
        let mut out: Vec<u32> = (0..store.len())
            .filter(|&i| {
                store
                    .set_of(i)
                    .is_some_and(|s| set_ok.get(s as usize).copied().unwrap_or(false))
            })
            .filter(|&i| {
                needle.is_empty()
                    || store.get(i).is_some_and(|b| {
                        contains_folded(b.sam_account_name, &needle)
                            || contains_folded(b.dn, &needle)
                            || b.reasons.iter().any(|r| {
                                contains_folded(r.id.as_str(), &needle)
                                    || contains_folded(&r.object, &needle)
                            })
                    })
            })
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        let key = |i: u32| store.get(i as usize);
        match self.sort {
            Sort::Scan => {}
            Sort::Name => out.sort_by(|&a, &b| match (key(a), key(b)) {
                (Some(x), Some(y)) => cmp_folded(x.sam_account_name, y.sam_account_name),
                _ => std::cmp::Ordering::Equal,
            }),
            Sort::Dn => out.sort_by(|&a, &b| match (key(a), key(b)) {
                (Some(x), Some(y)) => cmp_folded(x.dn, y.dn),
                _ => std::cmp::Ordering::Equal,
            }),
        }
        out
    }

    pub fn view<'a>(&'a self, a: &'a Arc<Assessment>) -> Element<'a, Message> {
        let store = &a.report.users.blocked;
        let words = Words::current(Face::Wizard);
        // Normally computed in `refresh`; an assessment set elsewhere is ordered here.
        let fresh = self.source.as_ref().is_some_and(|s| Arc::ptr_eq(s, a));
        let (shown, causes): (Cow<'a, [u32]>, Cow<'a, [Cause]>) = if fresh {
            (Cow::Borrowed(&self.shown), Cow::Borrowed(&self.causes))
        } else {
            (Cow::Owned(self.order(store)), Cow::Owned(causes(store)))
        };
        let mut c = column![
            text(t!(
                "checks-blocked-title",
                count = a.report.readiness.blocked
            ))
            .size(18),
            style::note(t!("checks-blocked-causes")),
        ]
        .spacing(6);
        c = c.push(self.causes_view(a, &causes, &words));
        let sort = |label: String, s: Sort| {
            button(text(label).size(13))
                .style(if self.sort == s {
                    button::secondary
                } else {
                    button::text
                })
                .on_press(Message::Sort(s))
        };
        c = c.push(
            row![
                text_input(&t!("checks-filter"), &self.filter)
                    .on_input(Message::Filter)
                    .width(300),
                text(t!("checks-sort")).size(13),
                sort(t!("checks-sort-scan"), Sort::Scan),
                sort(t!("checks-sort-name"), Sort::Name),
                sort(t!("checks-sort-dn"), Sort::Dn),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center),
        );
        c = c.push(style::note(t!(
            "checks-blocked-shown",
            shown = shown.len(),
            count = store.len()
        )));
        let list = rows::list(shown.len(), self.offset, Message::Scrolled, move |k| {
            let Some(b) = shown.get(k).and_then(|&i| store.get(i as usize)) else {
                return text("").into();
            };
            row![
                one_line(b.sam_account_name.to_string(), 160.0),
                one_line(words.reasons(b), 320.0),
                one_line(
                    words.predicted_cell(crate::report::rows::predicted(b)),
                    170.0
                ),
                iced::widget::container(
                    text(b.dn.to_string())
                        .size(12)
                        .font(iced::Font::MONOSPACE)
                        .wrapping(text::Wrapping::None)
                )
                .width(Length::Fill)
                .clip(true),
            ]
            .spacing(8)
            .align_y(iced::Alignment::Center)
            .into()
        });
        c.push(list).into()
    }

    /// The causes with how many users each blocks; one can be picked to list only its users.
    fn causes_view<'a>(
        &self,
        a: &'a Arc<Assessment>,
        causes: &[Cause],
        words: &Words,
    ) -> Element<'a, Message> {
        let mut c = column![].spacing(6);
        for (i, cause) in causes.iter().enumerate().take(CAUSES_SHOWN) {
            let title = a
                .report
                .findings
                .iter()
                .find(|f| f.id == cause.id && f.object.eq_ignore_ascii_case(&cause.object))
                .map_or_else(|| cause.id.to_string(), |f| words.title(f));
            let chosen = self.cause == Some(i);
            let label = t!(
                "checks-cause-users",
                users = cause.users,
                cause = title,
                object = cause.object.to_string()
            );
            c = c.push(
                button(
                    text(if chosen {
                        format!("▶ {label}")
                    } else {
                        label
                    })
                    .size(13),
                )
                .style(if chosen {
                    button::secondary
                } else {
                    button::text
                })
                .on_press(Message::Cause(if chosen { None } else { Some(i) })),
            );
        }
        if causes.len() > CAUSES_SHOWN {
            let more = causes.len() - CAUSES_SHOWN;
            c = c.push(style::note(t!("checks-more-causes", count = more)));
        }
        c.into()
    }
}

/// At most this many causes are listed (a directory with a protected DACL on every user has a
/// cause per user; the list below still holds them all).
const CAUSES_SHOWN: usize = 12;

/// One line of text cut at `width` (a long cell must not draw over the next one).
fn one_line<'a>(s: String, width: f32) -> Element<'a, Message> {
    iced::widget::container(text(s).size(13).wrapping(text::Wrapping::None))
        .width(Length::Fixed(width))
        .clip(true)
        .into()
}

/// Every cause of the stored users and how many it blocks, most first: counted per distinct
/// set of reasons, then per cause.
pub fn causes(store: &BlockedUsers) -> Vec<Cause> {
    let mut per_set = vec![0usize; store.sets().len()];
    for i in 0..store.len() {
        if let Some(n) = store.set_of(i).and_then(|s| per_set.get_mut(s as usize)) {
            *n += 1;
        }
    }
    let mut by_cause: HashMap<(FindingId, String), Cause> = HashMap::new();
    for (set, n) in store.sets().iter().zip(per_set) {
        for r in set.iter() {
            by_cause
                .entry((r.id, r.object.to_ascii_lowercase()))
                .or_insert_with(|| Cause {
                    id: r.id,
                    object: r.object.clone(),
                    users: 0,
                })
                .users += n;
        }
    }
    let mut out: Vec<Cause> = by_cause.into_values().collect();
    out.sort_by(|a, b| {
        b.users
            .cmp(&a.users)
            .then_with(|| a.id.as_str().cmp(b.id.as_str()))
            .then_with(|| a.object.cmp(&b.object))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixture::Fixture;
    use crate::check::{BlockedRef, Reason};
    use crate::gui::rows::ROW_HEIGHT;
    use crate::sd::rights::CLASS_USER;

    /// An assessment whose report holds `n` blocked users: every one lacks the root's grant,
    /// every tenth is also in a protected OU.
    fn assessment(n: usize) -> Arc<Assessment> {
        let outcome = Fixture::new()
            .user("CN=u,OU=Staff,DC=corp,DC=example", "")
            .run();
        let mut report = crate::report::Report::from_outcome(&outcome);
        let root = [Reason {
            id: FindingId::RightWritePwdLastSet,
            object: Arc::from("DC=corp,DC=example"),
        }];
        let both = [
            root[0].clone(),
            Reason {
                id: FindingId::InheritanceDisabled,
                object: Arc::from("OU=Locked,DC=corp,DC=example"),
            },
        ];
        let mut store = BlockedUsers::new();
        for i in 0..n {
            store.push(BlockedRef {
                dn: &format!("CN=bu{i:06},OU=B{:04},DC=corp,DC=example", i % 2000),
                sam_account_name: &format!("bu{:06}", n - i),
                reasons: if i % 10 == 0 { &both } else { &root },
                class: CLASS_USER,
                missing: 2,
            });
        }
        report.readiness.blocked = n;
        report.users.blocked = Arc::new(store);
        Arc::new(Assessment {
            outcome,
            report,
            sync: None,
            memo: None,
            checked: None,
        })
    }

    #[test]
    fn causes_come_first_with_their_counts_and_filter_the_list() {
        let a = assessment(1000);
        let mut l = List::default();
        l.refresh(Some(&a));
        let c = l.causes();
        assert_eq!(c.len(), 2);
        assert_eq!(
            (c[0].id, c[0].users),
            (FindingId::RightWritePwdLastSet, 1000)
        );
        assert_eq!((c[1].id, c[1].users), (FindingId::InheritanceDisabled, 100));
        assert_eq!(l.shown().len(), 1000);
        l.update(Message::Cause(Some(1)), Some(&a));
        assert_eq!(l.shown().len(), 100);
        l.update(Message::Filter("BU00001".into()), Some(&a));
        // bu000010..19 by DN (10 is in the locked OU) and by name (user 990 is bu000010).
        assert_eq!(l.shown(), &[10, 990]);
        l.update(Message::Cause(None), Some(&a));
        l.update(Message::Filter("locked".into()), Some(&a));
        assert_eq!(l.shown().len(), 100, "reasons' objects are searched too");
        l.update(Message::Filter(String::new()), Some(&a));
        l.update(Message::Sort(Sort::Name), Some(&a));
        // Names run backwards to the scan order.
        assert_eq!(l.shown()[0], 999);
        l.update(Message::Sort(Sort::Dn), Some(&a));
        assert_eq!(l.shown()[0], 0);
    }

    #[test]
    fn a_100_000_row_result_builds_only_the_rows_in_view() {
        let a = assessment(100_000);
        let mut l = List::default();
        l.refresh(Some(&a));
        l.update(Message::Scrolled(50_000.0 * ROW_HEIGHT), Some(&a));
        let mut ui = iced_test::simulator(l.view(&a));
        assert!(ui.find("CN=bu050000,OU=B0000,DC=corp,DC=example").is_ok());
        assert!(ui.find("CN=bu050010,OU=B0010,DC=corp,DC=example").is_ok());
        for far in [0, 49_900, 50_100, 99_999] {
            let dn = format!("CN=bu{far:06},OU=B{:04},DC=corp,DC=example", far % 2000);
            assert!(ui.find(dn.as_str()).is_err(), "{dn} is not built");
        }
        let range = crate::gui::rows::in_view(l.offset, l.shown().len());
        assert!(range.len() <= 30, "{range:?}");
    }
}
