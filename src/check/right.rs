//! The writeback rights, in one table: what the connector needs on every user object in scope
//! (Set-ADSyncPasswordWritebackPermissions grants exactly these three on descendant user
//! objects of each domain root; "Microsoft Entra Connect: Configure AD DS Connector Account
//! Permissions"). Unexpire Password, the fourth right writeback uses, is a right on the domain
//! object and is checked there (`checks/unexpire.rs`).

use super::ids::FindingId;
use crate::sd::rights::{ATTR_LOCKOUT_TIME, ATTR_PWD_LAST_SET, RESET_PASSWORD};
use crate::sd::{AccessMask, Ace, AceFlags, Guid, Request, Sid};

/// One writeback right on user objects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Right {
    ResetPassword,
    WritePwdLastSet,
    WriteLockoutTime,
}

impl Right {
    pub const ALL: [Right; 3] = [
        Right::ResetPassword,
        Right::WritePwdLastSet,
        Right::WriteLockoutTime,
    ];

    /// The finding id of the missing right.
    pub fn id(self) -> FindingId {
        match self {
            Right::ResetPassword => FindingId::RightResetPassword,
            Right::WritePwdLastSet => FindingId::RightWritePwdLastSet,
            Right::WriteLockoutTime => FindingId::RightWriteLockoutTime,
        }
    }

    /// The right by its finding id.
    pub fn from_id(id: FindingId) -> Option<Right> {
        Right::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The right as Active Directory Users and Computers names it.
    pub fn name(self) -> &'static str {
        match self {
            Right::ResetPassword => "Reset Password",
            Right::WritePwdLastSet => "write pwdLastSet",
            Right::WriteLockoutTime => "write lockoutTime",
        }
    }

    /// The access-mask bit the right needs.
    pub fn mask(self) -> AccessMask {
        match self {
            Right::ResetPassword => AccessMask::CONTROL_ACCESS,
            Right::WritePwdLastSet | Right::WriteLockoutTime => AccessMask::WRITE_PROPERTY,
        }
    }

    /// The extended right or attribute (the ACE's ObjectType).
    pub fn object_type(self) -> Guid {
        match self {
            Right::ResetPassword => RESET_PASSWORD,
            Right::WritePwdLastSet => ATTR_PWD_LAST_SET,
            Right::WriteLockoutTime => ATTR_LOCKOUT_TIME,
        }
    }

    /// One bit per right, for compact per-user sets.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The access request, with the attributes' property sets as the schema names them.
    pub fn request(self, sets: &PropertySets) -> Request {
        match self {
            Right::ResetPassword => Request::ControlAccess(RESET_PASSWORD),
            Right::WritePwdLastSet => Request::WriteProperty {
                attribute: ATTR_PWD_LAST_SET,
                property_set: sets.pwd_last_set,
            },
            Right::WriteLockoutTime => Request::WriteProperty {
                attribute: ATTR_LOCKOUT_TIME,
                property_set: sets.lockout_time,
            },
        }
    }

    /// The ACE that grants the right to `trustee` on descendant objects of `class`
    /// (CONTAINER_INHERIT | INHERIT_ONLY, InheritedObjectType = class), as the Connect cmdlet
    /// writes it.
    pub fn inheritable_ace(self, trustee: &Sid, class: Guid) -> Ace {
        Ace::allow(
            AceFlags::CONTAINER_INHERIT.union(AceFlags::INHERIT_ONLY),
            self.mask(),
            trustee.clone(),
            Some(self.object_type()),
            Some(class),
        )
    }

    /// The ACE that grants the right to `trustee` on the object that holds it (for a user object
    /// whose inheritance is disabled).
    pub fn own_ace(self, trustee: &Sid) -> Ace {
        Ace::allow(
            AceFlags(0),
            self.mask(),
            trustee.clone(),
            Some(self.object_type()),
            None,
        )
    }
}

/// The rights whose bits are set in `bits`.
pub fn rights_in(bits: u8) -> impl Iterator<Item = Right> {
    Right::ALL.into_iter().filter(move |r| bits & r.bit() != 0)
}

/// The property sets (`attributeSecurityGUID`) of pwdLastSet and lockoutTime, from the schema.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PropertySets {
    pub pwd_last_set: Option<Guid>,
    pub lockout_time: Option<Guid>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_bits_and_aces_are_distinct_per_right() {
        let ids: std::collections::BTreeSet<_> = Right::ALL.iter().map(|r| r.id()).collect();
        assert_eq!(ids.len(), 3);
        assert_eq!(
            Right::ALL.iter().map(|r| r.bit()).fold(0, |a, b| a | b),
            0b111
        );
        for r in Right::ALL {
            assert_eq!(Right::from_id(r.id()), Some(r));
        }
        let sid: Sid = "S-1-5-21-1-2-3-1105".parse().unwrap();
        let ace = Right::ResetPassword.inheritable_ace(&sid, crate::sd::rights::CLASS_USER);
        assert!(ace.is_inherit_only());
        assert_eq!(ace.object_type(), Some(RESET_PASSWORD));
        assert_eq!(
            rights_in(0b101).collect::<Vec<_>>(),
            [Right::ResetPassword, Right::WriteLockoutTime]
        );
    }
}
