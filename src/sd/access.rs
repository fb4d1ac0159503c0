//! Effective access evaluation for directory objects: the access check of MS-DTYP 2.5.3.2 with
//! an object-type list (class → property set → property, MS-ADTS 5.1.3.3), reduced to one
//! requested right, and the inheritance of ACEs from a parent to a new child
//! (MS-DTYP 2.5.3.4.2, "ComputeInheritedACLfromParent") as Active Directory applies it.

use std::collections::BTreeSet;

use super::access_mask::AccessMask;
use super::ace::{Ace, AceBody, AceFlags};
use super::acl::Acl;
use super::descriptor::AclSlot;
use super::guid::Guid;
use super::sid::Sid;

/// Whose access-check rules decide where Windows and Samba differ. Everything else is the same
/// algorithm (MS-DTYP 2.5.3.2 with an object-type list).
///
/// The two differences that change a verdict for writeback, both read in Samba 4.17's
/// `libcli/security/access_check.c` and `source4/dsdb/samdb/ldb_modules/acl_util.c`:
/// * **Control access rights**: Windows checks an extended right with an object-type list of the
///   object's class (level 0) and the right (level 1) (MS-ADTS 5.1.3.3.3), so an object ACE naming
///   the class grants every extended right on it. Samba builds the list from the right alone, so
///   such an ACE does not match.
/// * **Control access on any node**: Samba's `check_object_specific_access` grants at once when an
///   allow object ACE on any node of the list carries RIGHT_DS_CONTROL_ACCESS, whatever was
///   requested (so `(OA;;CR;<pwdLastSet>;;X)` grants writing pwdLastSet). Windows does not.
/// * **Callback ACEs**: Samba 4.17 ignores them (deny included); Windows evaluates their
///   condition, which cannot be done here, so a callback deny counts as a deny.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Rules {
    #[default]
    Windows,
    Samba,
}

/// The security context of the account being judged: its SID and every SID its logon token
/// carries (groups, primary group, SID history, the well-known SIDs of the logon, aliases).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    account: Sid,
    sids: BTreeSet<Sid>,
}

impl Token {
    /// A token for `account` with its `groups`, plus Everyone and Authenticated Users (the least
    /// any authenticated logon carries). The engine builds its tokens with [`Token::exact`].
    pub fn new(account: Sid, groups: impl IntoIterator<Item = Sid>) -> Self {
        let mut t = Self::exact(account, groups);
        t.sids.insert(Sid::everyone());
        t.sids.insert(Sid::authenticated_users());
        t
    }

    /// A token of exactly `account` and `sids`.
    pub fn exact(account: Sid, sids: impl IntoIterator<Item = Sid>) -> Self {
        let mut sids: BTreeSet<Sid> = sids.into_iter().collect();
        sids.insert(account.clone());
        Self { account, sids }
    }

    pub fn account(&self) -> &Sid {
        &self.account
    }

    /// Every SID in the token.
    pub fn sids(&self) -> impl Iterator<Item = &Sid> {
        self.sids.iter()
    }

    pub fn contains(&self, sid: &Sid) -> bool {
        self.sids.contains(sid)
    }

    /// Whether an ACE for `sid` applies to this token on an object whose own SID is
    /// `object_sid`: Principal Self stands for the object's own SID (MS-DTYP 2.5.3.2,
    /// PrincipalSelfSubst; Samba's `replace_sid`).
    fn matches(&self, sid: &Sid, object_sid: Option<&Sid>) -> bool {
        if *sid == Sid::principal_self() {
            return object_sid.is_some_and(|s| self.contains(s));
        }
        self.contains(sid)
    }
}

/// The object access is asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The object's structural class (`schemaIDGUID` of its most specific structural class):
    /// the root of the object-type list.
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

    /// Whether `object_type` is a node of this request's object-type list: the class (except
    /// for an extended right under Samba's rules), the property set, the property or the right.
    fn in_object_type_list(&self, object_type: Guid, class: Guid, rules: Rules) -> bool {
        match self {
            Request::ControlAccess(right) => {
                object_type == *right || (rules == Rules::Windows && object_type == class)
            }
            Request::WriteProperty {
                attribute,
                property_set,
            }
            | Request::ReadProperty {
                attribute,
                property_set,
            } => {
                object_type == class
                    || object_type == *attribute
                    || Some(object_type) == *property_set
            }
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

    fn by(verdict: Verdict, i: usize, ace: &Ace) -> Self {
        Self {
            verdict,
            ace_index: Some(i),
            ace: Some(ace.clone()),
        }
    }

    pub fn is_allowed(&self) -> bool {
        self.verdict == Verdict::Allowed
    }
}

/// [`evaluate_with`] under Windows' rules.
pub fn evaluate(dacl: &AclSlot, target: &Target, token: &Token, request: &Request) -> Decision {
    evaluate_with(Rules::Windows, dacl, target, token, request)
}

/// Decides whether `token` has `request` on an object with DACL `dacl`, as the DC's access check
/// does (MS-DTYP 2.5.3.2; Samba `sec_access_check_ds`):
///
/// * the ACEs are walked in stored order, whatever the order (the DC never sorts them);
/// * INHERIT_ONLY ACEs are skipped; an effective ACE's InheritedObjectType is **not** looked at
///   (it only steers inheritance, MS-DTYP 2.4.4.3);
/// * Principal Self stands for the object's own SID;
/// * an object ACE applies when its ObjectType is absent or names a node of the object-type list
///   (see [`Rules`]); other object ACEs are skipped;
/// * the first applicable ACE that allows or denies a still-missing requested bit decides: bits
///   granted earlier are no longer open to a later deny;
/// * generic rights are mapped (the DC maps them when it stores a descriptor, so stored ACEs
///   rarely hold any; simulated ones may);
/// * a callback allow never counts; a callback deny counts under Windows' rules (its condition
///   cannot be evaluated here) and is ignored under Samba's, as Samba 4.17 does;
/// * a NULL DACL allows everything; a DACL that could not be read decides nothing.
pub fn evaluate_with(
    rules: Rules,
    dacl: &AclSlot,
    target: &Target,
    token: &Token,
    request: &Request,
) -> Decision {
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
        let callback = ace.ace_type.is_callback();
        if !(allow || deny) || (callback && (allow || rules == Rules::Samba)) {
            continue;
        }
        let (Some(sid), Some(mask)) = (ace.sid(), ace.mask()) else {
            continue;
        };
        if !token.matches(sid, target.object_sid.as_ref()) {
            continue;
        }
        let mask = mask.map_generic_ds();
        if let Some(ot) = ace.object_type()
            && !request.in_object_type_list(ot, target.class, rules)
        {
            continue;
        }
        // Samba: an allow object ACE (ObjectType absent or on the list) carrying CONTROL_ACCESS
        // grants whatever was asked (check_object_specific_access).
        if rules == Rules::Samba
            && allow
            && matches!(ace.body, AceBody::Object(_))
            && mask.contains(AccessMask::CONTROL_ACCESS)
        {
            return Decision::by(Verdict::Allowed, i, ace);
        }
        // Bits already granted by an earlier ACE are no longer open to a later deny
        // (MS-DTYP 2.5.3.2: the remaining-access mask shrinks as ACEs grant).
        let relevant = mask & want & AccessMask(!granted.0);
        if relevant.is_empty() {
            continue;
        }
        if deny {
            return Decision::by(Verdict::Denied, i, ace);
        }
        granted |= relevant;
        if granted.contains(want) {
            return Decision::by(Verdict::Allowed, i, ace);
        }
    }
    Decision::without_ace(Verdict::NotGranted)
}

/// The ACEs a new child object of class `child_class` inherits from a parent DACL, as the DC
/// computes them (MS-DTYP 2.5.3.4.2, "ComputeInheritedACLfromParent"; Samba 4.17.8+
/// `libcli/security/create_descriptor.c`, `calculate_inherited_from_parent`), every directory
/// object being a container:
///
/// * a CONTAINER_INHERIT ACE applies to the child when its InheritedObjectType is absent or
///   names the child's class; one that does not apply is passed on inherit-only (for
///   grandchildren), an OBJECT_INHERIT-only ACE too;
/// * an applying ACE becomes effective on the child (INHERIT_ONLY cleared, the inheritance flags
///   kept) — unless it carries generic rights or CREATOR OWNER/GROUP: then an *expanded* copy is
///   effective and the original passes on inherit-only;
/// * a NO_PROPAGATE ACE that applies leaves only the expanded copy; one that does not is dropped;
/// * an expanded copy has its generic rights mapped, only the INHERITED flag, no
///   InheritedObjectType, and without an ObjectType it is a plain (not object) ACE — which
///   matters under Samba's rules (see [`Rules`]). A CREATOR OWNER/GROUP copy would name the new
///   object's owner, who is not the account judged here, so it is left out.
///
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
        let applies = ci && ace.inherited_object_type().is_none_or(|t| t == child_class);
        let passed_on = || {
            let mut c = ace.clone();
            c.flags = f.union(AceFlags::INHERITED).union(AceFlags::INHERIT_ONLY);
            c
        };
        match (applies, np) {
            (false, true) => {}
            (false, false) => out.push(passed_on()),
            (true, true) => out.extend(expanded(ace)),
            (true, false) if needs_expansion(ace) => {
                out.extend(expanded(ace));
                out.push(passed_on());
            }
            (true, false) => {
                let mut c = ace.clone();
                c.flags = f.union(AceFlags::INHERITED).without(AceFlags::INHERIT_ONLY);
                out.push(c);
            }
        }
    }
    out
}

/// CREATOR OWNER (S-1-3-0) or CREATOR GROUP (S-1-3-1).
fn is_creator(sid: &Sid) -> bool {
    sid.authority() == 3 && matches!(sid.sub_authorities(), [0] | [1])
}

/// Whether an applying ACE is inherited as an expanded copy plus an inherit-only original.
fn needs_expansion(ace: &Ace) -> bool {
    ace.mask().is_some_and(|m| m.0 & 0xF000_0000 != 0) || ace.sid().is_some_and(is_creator)
}

/// The effective copy the DC makes of an applying ACE (see [`inherited_aces`]).
fn expanded(ace: &Ace) -> Option<Ace> {
    let (sid, mask) = (ace.sid()?, ace.mask()?);
    if is_creator(sid) {
        return None;
    }
    let mask = mask.map_generic_ds();
    let flags = AceFlags::INHERITED;
    let mut copy = if ace.ace_type.is_deny() {
        Ace::deny(flags, mask, sid.clone(), ace.object_type(), None)
    } else {
        Ace::allow(flags, mask, sid.clone(), ace.object_type(), None)
    };
    // Keep a callback or other variant of the type; only plain/object is decided here.
    if ace.ace_type.is_callback() {
        copy.ace_type = ace.ace_type;
    }
    Some(copy)
}

/// The DACL a new child of class `child_class` would get under `parent_dacl` when it has no
/// explicit ACEs of its own.
pub fn child_dacl(parent_dacl: &AclSlot, child_class: Guid) -> AclSlot {
    AclSlot::Present(Acl::new(inherited_aces(parent_dacl, child_class)))
}
