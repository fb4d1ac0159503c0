//! Canonical DACL order and "ensure these explicit ACEs are present".
//!
//! Active Directory's canonical order (MS-ADTS 5.1.3.1, and "Order of ACEs in a DACL" in the
//! Windows documentation): explicit ACEs before inherited ones, and among the explicit ones every
//! deny before every allow. Inherited ACEs keep the order they arrived in. The DC does not
//! enforce the order (Samba keeps whatever is written), so the tool must.

use super::ace::{Ace, AceFlags};
use super::acl::Acl;

/// Whether `acl` is in canonical order.
pub fn is_canonical(acl: &Acl) -> bool {
    // 0 = explicit deny, 1 = explicit allow (or other explicit), 2 = inherited.
    let rank = |a: &Ace| {
        if a.is_inherited() {
            2
        } else if a.ace_type.is_deny() {
            0
        } else {
            1
        }
    };
    acl.aces.windows(2).all(|w| rank(&w[0]) <= rank(&w[1]))
}

/// Whether the explicit ACE `have` already grants everything `want` grants, to the same
/// trustee, on the same objects. Both must be allow ACEs without conditions.
pub fn covers(have: &Ace, want: &Ace) -> bool {
    if have.is_inherited()
        || !have.ace_type.is_allow()
        || !want.ace_type.is_allow()
        || have.ace_type.is_callback()
        || want.ace_type.is_callback()
    {
        return false;
    }
    let (Some(hs), Some(ws), Some(hm), Some(wm)) =
        (have.sid(), want.sid(), have.mask(), want.mask())
    else {
        return false;
    };
    if hs != ws || !hm.map_generic_ds().contains(wm.map_generic_ds()) {
        return false;
    }
    let guid_covers = |h: Option<_>, w: Option<_>| h.is_none() || h == w;
    if !guid_covers(have.object_type(), want.object_type())
        || !guid_covers(have.inherited_object_type(), want.inherited_object_type())
    {
        return false;
    }
    let (hf, wf) = (have.flags, want.flags);
    let applies_here = |f: AceFlags| !f.contains(AceFlags::INHERIT_ONLY);
    let inherits = |f: AceFlags| f.contains(AceFlags::CONTAINER_INHERIT);
    let propagates = |f: AceFlags| inherits(f) && !f.contains(AceFlags::NO_PROPAGATE_INHERIT);
    (!applies_here(wf) || applies_here(hf))
        && (!inherits(wf) || inherits(hf))
        && (!propagates(wf) || propagates(hf))
}

/// Adds each ACE of `wanted` that no explicit ACE of `acl` already covers, as an explicit allow
/// placed after the existing explicit ACEs and before the inherited ones, so a canonical DACL
/// stays canonical. Raises the ACL revision when an object ACE is added. Returns the ACEs added.
pub fn ensure_present(acl: &mut Acl, wanted: &[Ace]) -> Vec<Ace> {
    let mut added = Vec::new();
    for w in wanted {
        let mut w = w.clone();
        w.flags = w.flags.without(AceFlags::INHERITED);
        if acl.aces.iter().any(|h| covers(h, &w)) {
            continue;
        }
        let at = acl
            .aces
            .iter()
            .position(Ace::is_inherited)
            .unwrap_or(acl.aces.len());
        acl.aces.insert(at, w.clone());
        added.push(w);
    }
    acl.raise_revision_if_needed();
    added
}

/// Removes the explicit ACEs equal to any of `aces`. Returns how many were removed.
pub fn remove_explicit(acl: &mut Acl, aces: &[Ace]) -> usize {
    let before = acl.aces.len();
    acl.aces.retain(|a| a.is_inherited() || !aces.contains(a));
    before - acl.aces.len()
}
