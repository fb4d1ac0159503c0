//! Page 5 — Domain and OU filtering: for each directory of the run (picked at the top when there
//! are several, as Connect's page does), the OU tree with checkboxes, loaded one level at a
//! time; pre-selected from the AD connector's inclusions when Entra Connect was found.

use std::collections::{HashMap, HashSet};

use iced::widget::{button, checkbox, column, radio, row, text};
use iced::{Element, Padding, Task};

use crate::ad::discovery::is_within;
use crate::gui::intent::Intent;
use crate::gui::jobs::{self, OuNode, UiError};
use crate::gui::run::{DirectoryEdit, DirectoryState, RowId};
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::t;

use super::{WizardPage, pick};

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    /// The directory whose tree is shown.
    Pick(RowId),
    SyncAll(bool),
    Toggle(String, bool),
    Expand(String),
    Collapse(String),
    Loaded(RowId, String, Result<Vec<OuNode>, UiError>),
}

/// One node's children, once loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Children {
    Loading,
    Loaded(Vec<OuNode>),
    Failed(String),
}

/// One directory's tree.
#[derive(Default)]
pub struct Tree {
    /// Loaded children by lower-case DN.
    pub children: HashMap<String, Children>,
    /// Expanded nodes (lower-case DNs).
    pub expanded: HashSet<String>,
    /// The domain the tree is for.
    pub root: Option<String>,
}

#[derive(Default)]
pub struct Page {
    pub trees: HashMap<RowId, Tree>,
    selected: Option<RowId>,
    handles: Vec<iced::task::Handle>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    /// The tree of the directory shown.
    pub fn tree(&self, shared: &Shared) -> Option<&Tree> {
        self.trees.get(&pick::shown(shared, self.selected).id())
    }

    fn load(&mut self, row: &DirectoryState, dn: &str) -> Option<Task<Message>> {
        let params = row.params().ok()?;
        let id = row.id();
        self.trees
            .entry(id)
            .or_default()
            .children
            .insert(dn.to_ascii_lowercase(), Children::Loading);
        let key = dn.to_string();
        let (task, handle) = super::abortable(Task::perform(
            jobs::children(params, dn.to_string()),
            move |r| Message::Loaded(id, key.clone(), r),
        ));
        self.handles.push(handle);
        Some(task)
    }

    /// Whether a level of a tree is still loading.
    pub fn loading(&self) -> bool {
        self.trees
            .values()
            .flat_map(|t| t.children.values())
            .any(|c| matches!(c, Children::Loading))
    }

    /// The tree of `row` opened at its domain root (loaded once).
    fn open(&mut self, row: &DirectoryState) -> Action {
        let Some(domain) = row.tested().map(|t| t.domain_dn.clone()) else {
            return Action::none();
        };
        let tree = self.trees.entry(row.id()).or_default();
        if tree.root.as_deref() != Some(domain.as_str()) {
            *tree = Tree {
                root: Some(domain.clone()),
                ..Tree::default()
            };
        }
        tree.expanded.insert(domain.to_ascii_lowercase());
        match tree.children.get(&domain.to_ascii_lowercase()) {
            Some(Children::Loaded(_)) => Action::none(),
            _ => self
                .load(row, &domain)
                .map_or_else(Action::none, Action::run),
        }
    }

    fn node<'a>(
        &'a self,
        d: &'a DirectoryState,
        tree: &'a Tree,
        (dn, name, depth): (&'a str, String, u16),
        out: &mut Vec<Element<'a, Message>>,
    ) {
        let key = dn.to_ascii_lowercase();
        let expanded = tree.expanded.contains(&key);
        let scopes = &d.settings().scopes;
        let selected = scopes.iter().any(|s| s.eq_ignore_ascii_case(dn));
        let covered = !selected && scopes.iter().any(|s| is_within(dn, s));
        let toggle = button(text(if expanded { "▾" } else { "▸" }).size(14))
            .style(iced::widget::button::text)
            .on_press(if expanded {
                Message::Collapse(dn.to_string())
            } else {
                Message::Expand(dn.to_string())
            });
        let label = if covered {
            t!("scope-covered", name = name)
        } else {
            name
        };
        let all = d.sync_all();
        let owned = dn.to_string();
        out.push(
            row![
                toggle,
                checkbox(selected || covered || all)
                    .label(label)
                    .on_toggle_maybe(
                        (!all && !covered).then_some(move |on| Message::Toggle(owned.clone(), on))
                    )
            ]
            .spacing(4)
            .padding(Padding::default().left(f32::from(depth) * 22.0))
            .into(),
        );
        if !expanded {
            return;
        }
        let inner = Padding::default().left(f32::from(depth + 1) * 22.0 + 24.0);
        match tree.children.get(&key) {
            None => {}
            Some(Children::Loading) => {
                out.push(row![style::note(t!("scope-loading"))].padding(inner).into())
            }
            Some(Children::Failed(e)) => out.push(style::error_box(e.clone())),
            Some(Children::Loaded(nodes)) if nodes.is_empty() => {
                out.push(row![style::note(t!("scope-empty"))].padding(inner).into())
            }
            Some(Children::Loaded(nodes)) => {
                for n in nodes {
                    self.node(d, tree, (&n.dn, n.name.clone(), depth + 1), out);
                }
            }
        }
    }
}

impl WizardPage for Page {
    type Message = Message;

    fn busy(&self, _shared: &Shared) -> bool {
        self.loading()
    }

    /// The OUs a profile or Entra Connect selected must lie in the domain each directory
    /// turned out to be; the tree of the directory shown opens.
    fn enter(&mut self, shared: &Shared) -> Action {
        let mut action = self.open(pick::shown(shared, self.selected));
        for r in shared.rows() {
            if let Some(t) = r.tested() {
                let keep = DirectoryEdit::KeepScopesIn(t.domain_dn.clone());
                action = action.and(Intent::Directory(r.id(), keep));
            }
        }
        action
    }

    fn leave(&mut self) {
        self.handles.clear();
        for t in self.trees.values_mut() {
            t.children.retain(|_, c| !matches!(c, Children::Loading));
        }
    }

    fn can_continue(&self, shared: &Shared) -> bool {
        shared
            .rows()
            .all(|r| r.sync_all() || !r.settings().scopes.is_empty())
    }

    fn update(&mut self, message: Message, shared: &Shared) -> Action {
        let shown = pick::shown(shared, self.selected);
        let id = shown.id();
        match message {
            Message::Pick(id) => {
                self.selected = Some(id);
                return self.open(pick::shown(shared, self.selected));
            }
            Message::SyncAll(all) => {
                return Action::intent(Intent::Directory(id, DirectoryEdit::SyncAll(all)));
            }
            Message::Toggle(dn, on) => {
                return Action::intent(Intent::Directory(id, DirectoryEdit::Scope(dn, on)));
            }
            Message::Expand(dn) => {
                let tree = self.trees.entry(id).or_default();
                tree.expanded.insert(dn.to_ascii_lowercase());
                if !matches!(
                    tree.children.get(&dn.to_ascii_lowercase()),
                    Some(Children::Loaded(_))
                ) && let Some(task) = self.load(shown, &dn)
                {
                    return Action::run(task);
                }
            }
            Message::Collapse(dn) => {
                if let Some(t) = self.trees.get_mut(&id) {
                    t.expanded.remove(&dn.to_ascii_lowercase());
                }
            }
            Message::Loaded(id, dn, result) => {
                self.trees.entry(id).or_default().children.insert(
                    dn.to_ascii_lowercase(),
                    match result {
                        Ok(nodes) => Children::Loaded(nodes),
                        Err(e) => Children::Failed(e.message),
                    },
                );
            }
        }
        Action::none()
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let d = pick::shown(shared, self.selected);
        let all = d.sync_all();
        let mut c = column![
            style::heading(t!("scope-title")),
            style::lead(t!("scope-lead")),
        ]
        .spacing(12);
        if let Some(p) = pick::picker(shared, self.selected, Message::Pick) {
            c = c.push(p);
        }
        c = c
            .push(radio(t!("scope-all"), true, Some(all), Message::SyncAll))
            .push(radio(
                t!("scope-selected"),
                false,
                Some(all),
                Message::SyncAll,
            ));
        if let Some(tree) = self.trees.get(&d.id())
            && let Some(root) = &tree.root
        {
            let domain = d
                .tested()
                .map(|t| t.domain_dns.clone())
                .unwrap_or_else(|| root.clone());
            let mut rows = Vec::new();
            self.node(d, tree, (root, domain, 0), &mut rows);
            c = c.push(style::section(column(rows).spacing(2)));
        }
        if !all && d.settings().scopes.is_empty() {
            c = c.push(style::warning_box(t!("scope-none-selected")));
        }
        if shared.sync().info().is_some() {
            c = c.push(style::note(t!("scope-from-connect")));
        }
        c.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gui::pages::step;

    #[test]
    fn selecting_ous_gates_next_and_unselecting_removes_them() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(p.can_continue(&s), "the whole domain is the default");
        step(&mut p, Message::SyncAll(false), &mut s);
        assert!(!p.can_continue(&s));
        step(
            &mut p,
            Message::Toggle("OU=Staff,DC=lab,DC=example".into(), true),
            &mut s,
        );
        assert!(p.can_continue(&s));
        assert_eq!(s.first().options().scopes, ["OU=Staff,DC=lab,DC=example"]);
        step(
            &mut p,
            Message::Toggle("ou=staff,dc=lab,dc=example".into(), false),
            &mut s,
        );
        assert!(s.first().settings().scopes.is_empty());
    }

    #[test]
    fn every_directory_needs_its_scope_and_the_picker_shows_one_at_a_time() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        s.apply(Intent::AddDirectory);
        let second = s.directories().all()[1].id();
        step(&mut p, Message::Pick(second), &mut s);
        step(&mut p, Message::SyncAll(false), &mut s);
        assert!(s.first().sync_all() && !s.row(second).unwrap().sync_all());
        assert!(!p.can_continue(&s), "the second directory has no OU yet");
        step(
            &mut p,
            Message::Toggle("OU=A,DC=fabrikam".into(), true),
            &mut s,
        );
        assert!(p.can_continue(&s));
    }

    #[test]
    fn children_load_lazily_and_failures_stay_on_their_node() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        let id = s.first().id();
        step(
            &mut p,
            Message::Loaded(id, "DC=lab".into(), Err(UiError::plain("no"))),
            &mut s,
        );
        assert_eq!(
            p.trees[&id].children.get("dc=lab"),
            Some(&Children::Failed("no".into()))
        );
        let node = OuNode {
            dn: "OU=A,DC=lab".into(),
            name: "A".into(),
        };
        step(
            &mut p,
            Message::Loaded(id, "DC=lab".into(), Ok(vec![node])),
            &mut s,
        );
        assert!(
            matches!(p.trees[&id].children.get("dc=lab"), Some(Children::Loaded(v)) if v.len() == 1)
        );
    }
}
