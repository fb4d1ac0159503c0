//! What a baseline keeps of the containers' own DACLs: for the domain root and every container
//! in scope, whether its DACL is protected (inheritance cut), and its explicit ACEs that allow or
//! deny one of the writeback rights (Reset Password, Unexpire Password, writing pwdLastSet or
//! lockoutTime — directly, through their property sets, or generically) to a SID in the
//! connector's token, in SDDL. Between two baselines: each container's ACEs added and removed
//! and its inheritance switched, whether or not any user is blocked by it yet.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::check::Facts;
use crate::sd::rights::{ATTR_LOCKOUT_TIME, ATTR_PWD_LAST_SET, RESET_PASSWORD, UNEXPIRE_PASSWORD};
use crate::sd::sddl::format_ace;
use crate::sd::{AccessMask, Ace, SecurityDescriptor};

/// One container's state: DN (lower case) → it.
pub type Containers = BTreeMap<String, ContainerState>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContainerState {
    /// The DACL is protected: nothing is inherited from above.
    pub protected: bool,
    /// Its explicit ACEs that concern writeback for the connector (SDDL).
    pub aces: BTreeSet<String>,
}

/// What changed at one container.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ContainerChange {
    pub object: String,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// The protection then and now, when it changed.
    pub protected: Option<(bool, bool)>,
}

/// The containers' state in `f` (`None` without a connector: no token to judge ACEs by).
pub fn of(f: &Facts) -> Option<Containers> {
    let token = &f.connector.as_ref()?.token;
    let ctx = f.sddl_context();
    let psets: Vec<_> = [f.property_sets.pwd_last_set, f.property_sets.lockout_time]
        .into_iter()
        .flatten()
        .collect();
    let concerns = |ace: &Ace| -> bool {
        if ace.is_inherited() || !(ace.ace_type.is_allow() || ace.ace_type.is_deny()) {
            return false;
        }
        let (Some(sid), Some(mask)) = (ace.sid(), ace.mask()) else {
            return false;
        };
        if !token.contains(sid) {
            return false;
        }
        let generic = AccessMask::GENERIC_ALL.0 | AccessMask::GENERIC_WRITE.0;
        let wanted = AccessMask::CONTROL_ACCESS.0 | AccessMask::WRITE_PROPERTY.0 | generic;
        if mask.0 & wanted == 0 {
            return false;
        }
        match ace.object_type() {
            None => true,
            Some(g) => {
                g == RESET_PASSWORD
                    || g == UNEXPIRE_PASSWORD
                    || g == ATTR_PWD_LAST_SET
                    || g == ATTR_LOCKOUT_TIME
                    || psets.contains(&g)
            }
        }
    };
    let state = |sd: &SecurityDescriptor| ContainerState {
        protected: sd.dacl_protected(),
        aces: sd
            .dacl
            .acl()
            .map(|acl| {
                acl.aces
                    .iter()
                    .filter(|a| concerns(a))
                    .map(|a| format_ace(a, &ctx).unwrap_or_else(|e| format!("({e})")))
                    .collect()
            })
            .unwrap_or_default(),
    };
    Some(
        f.tree
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, n)| *i == 0 || n.in_scope)
            .filter_map(|(_, n)| Some((n.dn.to_ascii_lowercase(), state(n.sd.as_deref()?))))
            .collect(),
    )
}

/// Each container's change from `then` to `now` (containers in only one of them left out: the
/// stamps and the scope say those).
pub fn diff(then: &Containers, now: &Containers) -> Vec<ContainerChange> {
    let mut out = Vec::new();
    for (dn, a) in then {
        let Some(b) = now.get(dn) else { continue };
        let c = ContainerChange {
            object: dn.clone(),
            added: b.aces.difference(&a.aces).cloned().collect(),
            removed: a.aces.difference(&b.aces).cloned().collect(),
            protected: (a.protected != b.protected).then_some((a.protected, b.protected)),
        };
        if !c.added.is_empty() || !c.removed.is_empty() || c.protected.is_some() {
            out.push(c);
        }
    }
    out
}
