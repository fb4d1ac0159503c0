//! The directory as it would be after the plan: the containers' DACLs with the planned ACEs
//! added and inheritance recomputed below them, the way the DC recomputes it on a write
//! (explicit ACEs first, then what the parent passes on; a protected DACL inherits nothing).
//! Containers with no planned change at or above them keep the DACL the DC stored.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::check::right::Right;
use crate::check::tree::{Eval, Tree};
use crate::sd::access::inherited_aces;
use crate::sd::canonical::ensure_present;
use crate::sd::{Ace, Acl, AclSlot, Decision, Guid, Verdict};

/// The tree with the planned explicit ACEs.
pub struct Sim<'a> {
    tree: &'a Tree,
    eval: &'a Eval<'a>,
    /// Class GUID of each node (for what it inherits); `None` when the schema does not know it.
    classes: Vec<Option<Guid>>,
    /// Planned explicit ACEs per node.
    added: HashMap<usize, Vec<Ace>>,
    dacls: Mutex<HashMap<usize, AclSlot>>,
    children: Mutex<HashMap<(usize, Guid), [Decision; 3]>>,
}

impl<'a> Sim<'a> {
    pub fn new(
        tree: &'a Tree,
        eval: &'a Eval<'a>,
        class_of: impl Fn(&str) -> Option<Guid>,
    ) -> Self {
        Self {
            classes: tree.nodes.iter().map(|n| class_of(&n.class_name)).collect(),
            tree,
            eval,
            added: HashMap::new(),
            dacls: Mutex::new(HashMap::new()),
            children: Mutex::new(HashMap::new()),
        }
    }

    /// Plans `aces` as explicit ACEs of node `i`.
    pub fn add(&mut self, i: usize, aces: impl IntoIterator<Item = Ace>) {
        self.added.entry(i).or_default().extend(aces);
        self.dacls.lock().map(|mut d| d.clear()).ok();
        self.children.lock().map(|mut c| c.clear()).ok();
    }

    /// The planned explicit ACEs per node.
    pub fn added(&self) -> &HashMap<usize, Vec<Ace>> {
        &self.added
    }

    fn affected(&self, i: usize) -> bool {
        let mut cur = Some(i);
        while let Some(j) = cur {
            if self.added.contains_key(&j) {
                return true;
            }
            cur = self.tree.parent_of(&self.tree.nodes[j].dn);
        }
        false
    }

    /// Node `i`'s DACL after the plan.
    pub fn dacl(&self, i: usize) -> AclSlot {
        if let Some(d) = self.dacls.lock().ok().and_then(|d| d.get(&i).cloned()) {
            return d;
        }
        let node = &self.tree.nodes[i];
        let stored = node
            .sd
            .as_ref()
            .map_or(AclSlot::Absent, |sd| sd.dacl.clone());
        let dacl = if !self.affected(i) {
            stored
        } else {
            self.recompute(i, &stored)
        };
        if let Ok(mut d) = self.dacls.lock() {
            d.insert(i, dacl.clone());
        }
        dacl
    }

    /// Node `i`'s DACL recomputed from its explicit ACEs (plus the planned ones) and what its
    /// parent passes on.
    pub fn recompute(&self, i: usize, stored: &AclSlot) -> AclSlot {
        let Some(acl) = stored.acl() else {
            return stored.clone();
        };
        let mut explicit = Acl::new(
            acl.aces
                .iter()
                .filter(|a| !a.is_inherited())
                .cloned()
                .collect(),
        );
        explicit.revision = acl.revision;
        if let Some(planned) = self.added.get(&i) {
            ensure_present(&mut explicit, planned);
        }
        let parent = self.tree.parent_of(&self.tree.nodes[i].dn);
        if let (false, Some(p), Some(class)) =
            (self.tree.blocks_inheritance(i), parent, self.classes[i])
        {
            explicit.aces.extend(inherited_aces(&self.dacl(p), class));
        }
        explicit.raise_revision_if_needed();
        AclSlot::Present(explicit)
    }

    /// The writeback rights on a new object of `class` below node `i`, after the plan.
    pub fn new_child(&self, i: usize, class: Guid) -> [Decision; 3] {
        if let Some(d) = self
            .children
            .lock()
            .ok()
            .and_then(|c| c.get(&(i, class)).cloned())
        {
            return d;
        }
        let dacl = self.eval.new_child_dacl(&self.dacl(i), class);
        let d = self.eval.decide(
            &dacl,
            &crate::sd::Target {
                class,
                object_sid: None,
            },
        );
        if let Ok(mut c) = self.children.lock() {
            c.insert((i, class), d.clone());
        }
        d
    }

    /// Whether `right` is still not granted (and not denied) on a new object of `class` below
    /// node `i`.
    pub fn lacks(&self, i: usize, class: Guid, right: Right) -> bool {
        let k = Right::ALL.iter().position(|r| *r == right).unwrap_or(0);
        self.new_child(i, class)[k].verdict == Verdict::NotGranted
    }

    /// Whether every right of `rights` ([`Right::bit`]s) is allowed on a new object of `class`
    /// below node `i`.
    pub fn allows(&self, i: usize, class: Guid, rights: u8) -> bool {
        let d = self.new_child(i, class);
        Right::ALL
            .iter()
            .zip(d.iter())
            .all(|(r, d)| rights & r.bit() == 0 || d.verdict == Verdict::Allowed)
    }
}
