//! Effective access evaluation for directory objects: the access check of MS-DTYP 2.5.3.2 with
//! an object-type list (class → property set → property, MS-ADTS 5.1.3.3), reduced to one
//! requested right, and the inheritance of ACEs from a parent to a new child
//! (MS-DTYP 2.5.3.4.2, "ComputeInheritedACLfromParent") as Active Directory applies it.

use std::collections::BTreeSet;

use super::access_mask::AccessMask;
use super::ace::{Ace, AceFlags};
use super::acl::Acl;
use super::descriptor::AclSlot;
use super::guid::Guid;
use super::sid::Sid;

/// The security context of the account being judged: its SID, its groups (transitively, as
/// `tokenGroups` gives them) and the SIDs every authenticated logon carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    account: Sid,
    sids: BTreeSet<Sid>,
}

impl Token {
    /// A token for `account` with its `groups`, plus Everyone and Authenticated Users.
    pub fn new(account: Sid, groups: impl IntoIterator<Item = Sid>) -> Self {
        let mut sids: BTreeSet<Sid> = groups.into_iter().collect();
        sids.insert(account.clone());
        sids.insert(Sid::everyone());
        sids.insert(Sid::authenticated_users());
        Self { account, sids }
    }

    pub fn account(&self) -> &Sid {
        &self.account
    }

    /// Every SID in the token (the account, its groups, Everyone, Authenticated Users).
    pub fn sids(&self) -> impl Iterator<Item = &Sid> {
        self.sids.iter()
    }

    pub fn contains(&self, sid: &Sid) -> bool {
        self.sids.contains(sid)
    }

    /// Whether an ACE for `sid` applies to this token on an object whose own SID is
    /// `object_sid` (Principal Self matches when the object is the account itself).
    fn matches(&self, sid: &Sid, object_sid: Option<&Sid>) -> bool {
        self.contains(sid) || (*sid == Sid::principal_self() && object_sid == Some(&self.account))
    }
}

/// The object access is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The object's structural class (`schemaIDGUID` of its most specific objectClass).
    pub class: Guid,
    /// The object's own SID, for Principal Self.
    pub object_sid: Option<Sid>,
}

/// One right on one object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// An extended right (RIGHT_DS_CONTROL_ACCESS with this rightsGuid), e.g. Reset Password.
    ControlAccess(Guid),
    /// Write one attribute (RIGHT_DS_WRITE_PROPERTY). `property_set` is the attribute's
    /// `attributeSecurityGUID` from the schema, when it has one.
    WriteProperty {
        attribute: Guid,
        property_set: Option<Guid>,
    },
    /// Read one attribute (RIGHT_DS_READ_PROPERTY).
    ReadProperty {
        attribute: Guid,
        property_set: Option<Guid>,
    },
    /// Plain rights with no object type, e.g. WRITE_DAC.
    Rights(AccessMask),
}

impl Request {
    fn bits(&self) -> AccessMask {
        match self {
            Request::ControlAccess(_) => AccessMask::CONTROL_ACCESS,
            Request::WriteProperty { .. } => AccessMask::WRITE_PROPERTY,
            Request::ReadProperty { .. } => AccessMask::READ_PROPERTY,
            Request::Rights(m) => *m,
        }
    }

    /// Whether an object ACE's ObjectType names this request or a node above it in the
    /// object-type list (the class, the property set, the property itself).
    fn object_type_matches(&self, object_type: Guid, class: Guid) -> bool {
        if object_type == class {
            return true;
        }
        match self {
            Request::ControlAccess(right) => object_type == *right,
            Request::WriteProperty {
                attribute,
                property_set,
            }
            | Request::ReadProperty {
                attribute,
                property_set,
            } => object_type == *attribute || Some(object_type) == *property_set,
            Request::Rights(_) => false,
        }
    }
}

/// The outcome of an evaluation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Allowed,
    Denied,
    /// No ACE grants it (and none denies it).
    NotGranted,
    /// The DACL was not available, so nothing can be said.
    Unknown,
}

/// A verdict with the ACE that decided it, as evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub verdict: Verdict,
    /// Index of the deciding ACE in the DACL.
    pub ace_index: Option<usize>,
    pub ace: Option<Ace>,
}

impl Decision {
    fn without_ace(verdict: Verdict) -> Self {
        Self {
            verdict,
            ace_index: None,
            ace: None,
        }
    }

    pub fn is_allowed(&self) -> bool {
        self.verdict == Verdict::Allowed
    }
}

/// Decides whether `token` has `request` on an object with DACL `dacl`.
///
/// Walks the ACEs in order (as the DC does, whatever the order): INHERIT_ONLY ACEs are skipped;
/// an ACE whose InheritedObjectType names another class is skipped; generic rights are mapped;
/// an object ACE applies when its ObjectType is absent or names the class, the property set or
/// the property/right. The first applicable ACE that allows or denies the requested bit
/// decides. A callback (conditional) allow is not counted and a callback deny is, because the
/// condition cannot be evaluated here. A NULL DACL allows everything.
pub fn evaluate(dacl: &AclSlot, target: &Target, token: &Token, request: &Request) -> Decision {
    let acl = match dacl {
        AclSlot::Null => return Decision::without_ace(Verdict::Allowed),
        AclSlot::Absent => return Decision::without_ace(Verdict::Unknown),
        AclSlot::Present(acl) => acl,
    };
    let want = request.bits();
    let mut granted = AccessMask(0);
    for (i, ace) in acl.aces.iter().enumerate() {
        if ace.is_inherit_only() {
            continue;
        }
        let allow = ace.ace_type.is_allow();
        let deny = ace.ace_type.is_deny();
        if !(allow || deny) || (allow && ace.ace_type.is_callback()) {
            continue;
        }
        let (Some(sid), Some(mask)) = (ace.sid(), ace.mask()) else {
            continue;
        };
        if !token.matches(sid, target.object_sid.as_ref()) {
            continue;
        }
        if let Some(iot) = ace.inherited_object_type()
            && iot != target.class
        {
            continue;
        }
        if let Some(ot) = ace.object_type()
            && !request.object_type_matches(ot, target.class)
        {
            continue;
        }
        // Bits already granted by an earlier ACE are no longer open to a later deny
        // (MS-DTYP 2.5.3.2: the remaining-access mask shrinks as ACEs grant).
        let relevant = mask.map_generic_ds() & want & AccessMask(!granted.0);
        if relevant.is_empty() {
            continue;
        }
        if deny {
            return Decision {
                verdict: Verdict::Denied,
                ace_index: Some(i),
                ace: Some(ace.clone()),
            };
        }
        granted |= relevant;
        if granted.contains(want) {
            return Decision {
                verdict: Verdict::Allowed,
                ace_index: Some(i),
                ace: Some(ace.clone()),
            };
        }
    }
    Decision::without_ace(Verdict::NotGranted)
}

/// The ACEs a new child object of class `child_class` inherits from a parent DACL, as
/// ComputeInheritedACLfromParent does for a container (every directory object is one):
/// CONTAINER_INHERIT ACEs become effective (INHERIT_ONLY cleared) when their
/// InheritedObjectType is absent or names the child's class, and stay inherit-only otherwise;
/// NO_PROPAGATE ACEs stop at the child; OBJECT_INHERIT-only ACEs pass on as inherit-only.
/// Every copy carries INHERITED. Returns an empty list when the parent has no DACL.
pub fn inherited_aces(parent_dacl: &AclSlot, child_class: Guid) -> Vec<Ace> {
    let Some(acl) = parent_dacl.acl() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for ace in &acl.aces {
        let f = ace.flags;
        let ci = f.contains(AceFlags::CONTAINER_INHERIT);
        let oi = f.contains(AceFlags::OBJECT_INHERIT);
        let np = f.contains(AceFlags::NO_PROPAGATE_INHERIT);
        if !(ci || oi) {
            continue;
        }
        let applies = ace.inherited_object_type().is_none_or(|t| t == child_class);
        let mut copy = ace.clone();
        let base = f.union(AceFlags::INHERITED);
        copy.flags = if ci {
            match (np, applies) {
                (true, true) => base.without(AceFlags::INHERITANCE),
                (true, false) => continue,
                (false, true) => base.without(AceFlags::INHERIT_ONLY),
                (false, false) => base.union(AceFlags::INHERIT_ONLY),
            }
        } else if np {
            continue;
        } else {
            base.union(AceFlags::INHERIT_ONLY)
        };
        out.push(copy);
    }
    out
}

/// The DACL a new child of class `child_class` would get under `parent_dacl` when it has no
/// explicit ACEs of its own.
pub fn child_dacl(parent_dacl: &AclSlot, child_class: Guid) -> AclSlot {
    AclSlot::Present(Acl::new(inherited_aces(parent_dacl, child_class)))
}
