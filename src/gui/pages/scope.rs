//! Page 5 — Domain and OU filtering: the OU tree with checkboxes, loaded one level at a time;
//! pre-selected from the AD connector's inclusions when Entra Connect was found.

use std::collections::HashMap;

use iced::widget::{button, checkbox, column, radio, row, text};
use iced::{Element, Padding, Task};

use crate::ad::discovery::is_within;
use crate::gui::jobs::{self, OuNode, UiError};
use crate::gui::shared::Shared;
use crate::gui::style;
use crate::t;

use super::WizardPage;

pub type Action = super::Action<Message>;

#[derive(Debug, Clone)]
pub enum Message {
    SyncAll(bool),
    Toggle(String, bool),
    Expand(String),
    Collapse(String),
    Loaded(String, Result<Vec<OuNode>, UiError>),
}

/// One node's children, once loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Children {
    Loading,
    Loaded(Vec<OuNode>),
    Failed(String),
}

#[derive(Default)]
pub struct Page {
    /// Loaded children by lower-case DN.
    pub children: HashMap<String, Children>,
    /// Expanded nodes (lower-case DNs).
    pub expanded: std::collections::HashSet<String>,
    /// The domain the tree is for.
    pub root: Option<String>,
    handles: Vec<iced::task::Handle>,
}

impl Page {
    pub fn new() -> Self {
        Self::default()
    }

    fn load(&mut self, shared: &Shared, dn: &str) -> Option<Task<Message>> {
        let params = shared.directory_params().ok()?;
        self.children
            .insert(dn.to_ascii_lowercase(), Children::Loading);
        let key = dn.to_string();
        let (task, handle) = super::abortable(Task::perform(
            jobs::children(params, dn.to_string()),
            move |r| Message::Loaded(key.clone(), r),
        ));
        self.handles.push(handle);
        Some(task)
    }

    /// Whether a level of the tree is still loading.
    pub fn loading(&self) -> bool {
        self.children
            .values()
            .any(|c| matches!(c, Children::Loading))
    }

    fn node<'a>(
        &'a self,
        shared: &'a Shared,
        dn: &'a str,
        name: String,
        depth: u16,
        out: &mut Vec<Element<'a, Message>>,
    ) {
        let key = dn.to_ascii_lowercase();
        let expanded = self.expanded.contains(&key);
        let selected = shared
            .settings
            .scopes
            .iter()
            .any(|s| s.eq_ignore_ascii_case(dn));
        let covered = !selected && shared.settings.scopes.iter().any(|s| is_within(dn, s));
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
        let all = shared.settings.sync_all;
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
        match self.children.get(&key) {
            None => {}
            Some(Children::Loading) => out.push(
                row![style::note(t!("scope-loading"))]
                    .padding(Padding::default().left(f32::from(depth + 1) * 22.0 + 24.0))
                    .into(),
            ),
            Some(Children::Failed(e)) => out.push(style::error_box(e.clone())),
            Some(Children::Loaded(nodes)) if nodes.is_empty() => out.push(
                row![style::note(t!("scope-empty"))]
                    .padding(Padding::default().left(f32::from(depth + 1) * 22.0 + 24.0))
                    .into(),
            ),
            Some(Children::Loaded(nodes)) => {
                for n in nodes {
                    self.node(shared, &n.dn, n.name.clone(), depth + 1, out);
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

    fn enter(&mut self, shared: &mut Shared) -> Task<Message> {
        let Some(domain) = shared.tested.as_ref().map(|t| t.domain_dn.clone()) else {
            return Task::none();
        };
        if self.root.as_deref() != Some(domain.as_str()) {
            self.children.clear();
            self.expanded.clear();
            self.root = Some(domain.clone());
        }
        // The selected OUs from a profile or Entra Connect must be in this domain.
        shared.settings.scopes.retain(|s| is_within(s, &domain));
        self.expanded.insert(domain.to_ascii_lowercase());
        match self.children.get(&domain.to_ascii_lowercase()) {
            Some(Children::Loaded(_)) => Task::none(),
            _ => self.load(shared, &domain).unwrap_or_else(Task::none),
        }
    }

    fn leave(&mut self) {
        self.handles.clear();
        self.children.retain(|_, c| !matches!(c, Children::Loading));
    }

    fn can_continue(&self, shared: &Shared) -> bool {
        shared.settings.sync_all || !shared.settings.scopes.is_empty()
    }

    fn update(&mut self, message: Message, shared: &mut Shared) -> Action {
        match message {
            Message::SyncAll(all) => {
                shared.settings.sync_all = all;
                shared.forget_results();
            }
            Message::Toggle(dn, on) => {
                let scopes = &mut shared.settings.scopes;
                scopes.retain(|s| !s.eq_ignore_ascii_case(&dn));
                if on {
                    scopes.push(dn);
                }
                shared.forget_results();
            }
            Message::Expand(dn) => {
                self.expanded.insert(dn.to_ascii_lowercase());
                if !matches!(
                    self.children.get(&dn.to_ascii_lowercase()),
                    Some(Children::Loaded(_))
                ) && let Some(task) = self.load(shared, &dn)
                {
                    return Action::Run(task);
                }
            }
            Message::Collapse(dn) => {
                self.expanded.remove(&dn.to_ascii_lowercase());
            }
            Message::Loaded(dn, result) => {
                self.children.insert(
                    dn.to_ascii_lowercase(),
                    match result {
                        Ok(nodes) => Children::Loaded(nodes),
                        Err(e) => Children::Failed(e.message),
                    },
                );
            }
        }
        Action::None
    }

    fn view<'a>(&'a self, shared: &'a Shared) -> Element<'a, Message> {
        let all = shared.settings.sync_all;
        let mut c = column![
            style::heading(t!("scope-title")),
            style::lead(t!("scope-lead")),
            radio(t!("scope-all"), true, Some(all), Message::SyncAll),
            radio(t!("scope-selected"), false, Some(all), Message::SyncAll),
        ]
        .spacing(12);
        if let Some(root) = &self.root {
            let domain = shared
                .tested
                .as_ref()
                .map(|t| t.domain_dns.clone())
                .unwrap_or_else(|| root.clone());
            let mut rows = Vec::new();
            self.node(shared, root, domain, 0, &mut rows);
            c = c.push(style::section(column(rows).spacing(2)));
        }
        if !all && shared.settings.scopes.is_empty() {
            c = c.push(style::warning_box(t!("scope-none-selected")));
        }
        if shared.sync.info().is_some() {
            c = c.push(style::note(t!("scope-from-connect")));
        }
        c.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selecting_ous_gates_next_and_unselecting_removes_them() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        assert!(p.can_continue(&s), "the whole domain is the default");
        p.update(Message::SyncAll(false), &mut s);
        assert!(!p.can_continue(&s));
        p.update(
            Message::Toggle("OU=Staff,DC=lab,DC=example".into(), true),
            &mut s,
        );
        assert!(p.can_continue(&s));
        assert_eq!(
            s.check_options().scopes,
            vec!["OU=Staff,DC=lab,DC=example".to_string()]
        );
        p.update(
            Message::Toggle("ou=staff,dc=lab,dc=example".into(), false),
            &mut s,
        );
        assert!(s.settings.scopes.is_empty());
    }

    #[test]
    fn children_load_lazily_and_failures_stay_on_their_node() {
        let mut s = Shared::for_tests();
        let mut p = Page::new();
        p.update(
            Message::Loaded("DC=lab".into(), Err(UiError::other("no"))),
            &mut s,
        );
        assert_eq!(
            p.children.get("dc=lab"),
            Some(&Children::Failed("no".into()))
        );
        p.update(
            Message::Loaded(
                "DC=lab".into(),
                Ok(vec![OuNode {
                    dn: "OU=A,DC=lab".into(),
                    name: "A".into(),
                }]),
            ),
            &mut s,
        );
        assert!(matches!(p.children.get("dc=lab"), Some(Children::Loaded(v)) if v.len() == 1));
    }
}
