//! The containers that can hold users in scope, with their ancestors up to the domain root, each
//! judged on its own stored DACL: what would a new user created directly below it get?
//!
//! A new object's DACL is its class's `defaultSecurityDescriptor` ACEs followed by what it
//! inherits from the parent (MS-DTYP 2.5.3.4, CreateSecurityDescriptor; Samba
//! `libcli/security/create_descriptor.c`, `compute_acl`). Judging every container that way — not
//! only where the chain from the root is intact — reports a deny or a gap wherever it is.

use std::collections::HashMap;
use std::sync::Mutex;

use super::right::{PropertySets, Right};
use crate::ad::discovery::parent_dn;
use crate::sd::access::{Rules, evaluate_with, inherited_aces};
use crate::sd::{
    AccessMask, Ace, AceFlags, Acl, AclSlot, Decision, Guid, SecurityDescriptor, Target, Token,
    Verdict,
};

/// An OU, container or the domain root.
#[derive(Clone, Debug)]
pub struct Node {
    pub dn: String,
    /// The structural class's lDAPDisplayName.
    pub class_name: String,
    /// `None` when the bound account could not read it. Shared: containers with the same DACL
    /// (most of them) hold one copy.
    pub sd: Option<std::sync::Arc<SecurityDescriptor>>,
    /// In sync scope; otherwise an ancestor of a scope base, read to follow inheritance.
    pub in_scope: bool,
}

/// The containers, outermost first, found by DN.
#[derive(Clone, Debug, Default)]
pub struct Tree {
    pub nodes: Vec<Node>,
    index: HashMap<String, usize>,
}

fn depth(dn: &str) -> usize {
    let mut n = 0;
    let mut cur = Some(dn);
    while let Some(d) = cur {
        n += 1;
        cur = parent_dn(d);
    }
    n
}

impl Tree {
    /// The tree of `root` (the domain object) and `others`; a DN given twice is kept once
    /// (in scope if either copy is).
    pub fn new(root: Node, others: Vec<Node>) -> Self {
        let mut nodes: Vec<Node> = Vec::with_capacity(others.len() + 1);
        let mut seen: HashMap<String, usize> = HashMap::new();
        for n in std::iter::once(root).chain(others) {
            let key = n.dn.to_ascii_lowercase();
            match seen.get(&key) {
                Some(&i) => nodes[i].in_scope |= n.in_scope,
                None => {
                    seen.insert(key, nodes.len());
                    nodes.push(n);
                }
            }
        }
        // The root first, then by depth; stable within a depth.
        let root_dn = nodes[0].dn.clone();
        nodes[1..].sort_by_key(|n| depth(&n.dn));
        let index = nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (n.dn.to_ascii_lowercase(), i))
            .collect();
        let t = Self { nodes, index };
        debug_assert_eq!(t.nodes[0].dn, root_dn);
        t
    }

    pub fn root(&self) -> &Node {
        &self.nodes[0]
    }

    pub fn find(&self, dn: &str) -> Option<usize> {
        self.index.get(&dn.to_ascii_lowercase()).copied()
    }

    /// The nearest ancestor of `dn` in the tree (not `dn` itself).
    pub fn parent_of(&self, dn: &str) -> Option<usize> {
        let mut cur = parent_dn(dn);
        while let Some(d) = cur {
            if let Some(i) = self.find(d) {
                return Some(i);
            }
            cur = parent_dn(d);
        }
        None
    }

    /// Whether the node's DACL blocks what is granted above it (protected, and not the domain
    /// root, which has nothing above it).
    pub fn blocks_inheritance(&self, i: usize) -> bool {
        i != 0
            && self.nodes[i]
                .sd
                .as_ref()
                .is_some_and(|sd| sd.dacl_protected())
    }

    /// Finds where the inherited ACE `ace` comes from, starting at node `from` and walking up:
    /// the nearest node that holds it as an explicit ACE (with that ACE); the outermost node
    /// looked at when none does.
    pub fn holder_of(&self, from: usize, ace: &Ace) -> (usize, Option<Ace>) {
        let mut cur = Some(from);
        let mut last = from;
        while let Some(i) = cur {
            last = i;
            let held = self.nodes[i]
                .sd
                .as_ref()
                .and_then(|sd| sd.dacl.acl())
                .and_then(|acl| {
                    acl.aces
                        .iter()
                        .find(|a| !a.is_inherited() && same_origin(ace, a))
                        .cloned()
                });
            if held.is_some() {
                return (i, held);
            }
            cur = self.parent_of(&self.nodes[i].dn);
        }
        (last, None)
    }
}

/// Whether `copy` (an ACE as found on a child) was inherited from `original`: same kind, trustee,
/// rights (generic rights mapped, as the DC maps them on the copy), object type, and inherited
/// object type (the DC may drop it on the copy).
pub fn same_origin(copy: &Ace, original: &Ace) -> bool {
    copy.ace_type.is_deny() == original.ace_type.is_deny()
        && copy.ace_type.is_allow() == original.ace_type.is_allow()
        && copy.sid() == original.sid()
        && copy.mask().map(AccessMask::map_generic_ds)
            == original.mask().map(AccessMask::map_generic_ds)
        && copy.object_type() == original.object_type()
        && (copy.inherited_object_type().is_none()
            || copy.inherited_object_type() == original.inherited_object_type())
}

/// How the connector's rights are judged: its token, the DC's rules, the schema's property sets
/// and the classes' default ACEs. Remembers the verdict for a new child of each container.
pub struct Eval<'a> {
    pub rules: Rules,
    pub token: &'a Token,
    pub sets: PropertySets,
    /// The explicit ACEs a new object of each class gets (its defaultSecurityDescriptor).
    pub defaults: &'a HashMap<Guid, Vec<Ace>>,
    cache: Mutex<HashMap<(usize, Guid, bool), [Decision; 3]>>,
}

impl<'a> Eval<'a> {
    pub fn new(
        rules: Rules,
        token: &'a Token,
        sets: PropertySets,
        defaults: &'a HashMap<Guid, Vec<Ace>>,
    ) -> Self {
        Self {
            rules,
            token,
            sets,
            defaults,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The three writeback rights on an object with `dacl`.
    pub fn decide(&self, dacl: &AclSlot, target: &Target) -> [Decision; 3] {
        Right::ALL
            .map(|r| evaluate_with(self.rules, dacl, target, self.token, &r.request(&self.sets)))
    }

    /// The DACL of a new object of `class` created below a container whose DACL is `parent`:
    /// the class's default ACEs, then the inherited ones.
    pub fn new_child_dacl(&self, parent: &AclSlot, class: Guid) -> AclSlot {
        if matches!(parent, AclSlot::Absent) {
            return AclSlot::Absent;
        }
        let mut aces: Vec<Ace> = self.defaults.get(&class).cloned().unwrap_or_default();
        aces.extend(inherited_aces(parent, class));
        AclSlot::Present(Acl::new(aces))
    }

    /// The rights on a new object of `class` directly below node `i`. With `probe`, an inherited
    /// grant of every right to the connector is appended last, as a grant at the domain root
    /// would arrive: then only a deny can still refuse.
    pub fn new_child(&self, tree: &Tree, i: usize, class: Guid, probe: bool) -> [Decision; 3] {
        let key = (i, class, probe);
        if let Some(d) = self.cache.lock().ok().and_then(|c| c.get(&key).cloned()) {
            return d;
        }
        let parent = tree.nodes[i]
            .sd
            .as_ref()
            .map_or(AclSlot::Absent, |sd| sd.dacl.clone());
        let mut dacl = self.new_child_dacl(&parent, class);
        if probe && let Some(acl) = dacl.acl_mut() {
            for r in Right::ALL {
                let mut ace = r.own_ace(self.token.account());
                ace.flags = AceFlags::INHERITED;
                acl.aces.push(ace);
            }
        }
        let target = Target {
            class,
            object_sid: None,
        };
        let d = self.decide(&dacl, &target);
        if let Ok(mut c) = self.cache.lock() {
            c.insert(key, d.clone());
        }
        d
    }

    /// Why `right` is not granted on objects of `class` below node `start` (the user's parent,
    /// or a container itself): walking up while the right is missing, the first container that
    /// blocks inheritance (`inheritance-disabled`), or else the outermost container from which
    /// down it is missing (its finding id). `None` when it is granted or denied at `start`.
    pub fn gap(&self, tree: &Tree, start: usize, class: Guid, right: Right) -> Option<Gap> {
        let idx = Right::ALL.iter().position(|r| *r == right).unwrap_or(0);
        let mut top = None;
        let mut cur = Some(start);
        while let Some(i) = cur {
            let d = &self.new_child(tree, i, class, false)[idx];
            match d.verdict {
                Verdict::NotGranted => {
                    if tree.blocks_inheritance(i) {
                        return Some(Gap::Protected(i));
                    }
                    top = Some(i);
                }
                Verdict::Unknown => return Some(Gap::Unreadable(i)),
                Verdict::Allowed | Verdict::Denied => break,
            }
            cur = tree.parent_of(&tree.nodes[i].dn);
        }
        top.map(Gap::Missing)
    }
}

/// Where a missing right starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Node whose inheritance is disabled: grants above it do not arrive.
    Protected(usize),
    /// The outermost node from which down the right is not granted.
    Missing(usize),
    /// A node whose DACL could not be read.
    Unreadable(usize),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sd::rights::CLASS_USER;
    use crate::sd::{DomainContext, Sid, sddl};

    const CONNECTOR: &str = "S-1-5-21-1-2-3-1105";

    fn node(dn: &str, dacl: &str) -> Node {
        let ctx = DomainContext::for_domain("S-1-5-21-1-2-3".parse().unwrap());
        Node {
            dn: dn.into(),
            class_name: "organizationalUnit".into(),
            sd: Some(std::sync::Arc::new(sddl::parse(dacl, &ctx).unwrap())),
            in_scope: true,
        }
    }

    fn grant() -> String {
        format!("(OA;CIIO;CR;00299570-246d-11d0-a768-00aa006e0529;{CLASS_USER};{CONNECTOR})")
    }

    #[test]
    fn a_gap_starts_at_the_outermost_container_missing_the_right_or_at_a_protected_one() {
        let inherited = grant().replace("CIIO", "CIIOID");
        let tree = Tree::new(
            node("DC=x", "D:(A;;RC;;;AU)"),
            vec![
                node("OU=A,DC=x", "D:(A;;RC;;;AU)"),
                node("OU=B,OU=A,DC=x", "D:P(A;;RC;;;AU)"),
                node("OU=C,DC=x", &format!("D:{}", grant())),
                node("OU=D,OU=C,DC=x", &format!("D:{inherited}")),
            ],
        );
        let token = Token::new(CONNECTOR.parse::<Sid>().unwrap(), []);
        let defaults = HashMap::new();
        let eval = Eval::new(Rules::Windows, &token, PropertySets::default(), &defaults);
        let a = tree.find("OU=A,DC=x").unwrap();
        let b = tree.find("ou=b,ou=a,dc=x").unwrap();
        let d = tree.find("OU=D,OU=C,DC=x").unwrap();
        assert_eq!(
            eval.gap(&tree, a, CLASS_USER, Right::ResetPassword),
            Some(Gap::Missing(0))
        );
        assert_eq!(
            eval.gap(&tree, b, CLASS_USER, Right::ResetPassword),
            Some(Gap::Protected(b))
        );
        assert_eq!(eval.gap(&tree, d, CLASS_USER, Right::ResetPassword), None);
        assert_eq!(
            eval.gap(&tree, d, CLASS_USER, Right::WritePwdLastSet),
            Some(Gap::Missing(0))
        );
        assert_eq!(tree.parent_of("CN=u,OU=B,OU=A,DC=x"), Some(b));
    }

    #[test]
    fn the_holder_of_an_inherited_deny_is_the_container_with_the_explicit_copy() {
        let deny = "(OD;CI;CR;00299570-246d-11d0-a768-00aa006e0529;;WD)";
        let tree = Tree::new(
            node("DC=x", "D:(A;;RC;;;AU)"),
            vec![
                node("OU=A,DC=x", &format!("D:{deny}")),
                node(
                    "OU=B,OU=A,DC=x",
                    &format!("D:{}", deny.replace("CI;", "CIID;")),
                ),
            ],
        );
        let ctx = DomainContext::default();
        let copy = sddl::parse_ace(&deny.replace("CI;", "CIID;"), &ctx).unwrap();
        let b = tree.find("OU=B,OU=A,DC=x").unwrap();
        let (holder, held) = tree.holder_of(b, &copy);
        assert_eq!(holder, tree.find("OU=A,DC=x").unwrap());
        assert!(!held.unwrap().is_inherited());
    }
}
