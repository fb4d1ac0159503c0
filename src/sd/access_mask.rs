//! ACCESS_MASK (MS-DTYP 2.4.3) with the directory-service rights of MS-ADTS 5.1.3.2 and the
//! generic-rights mapping for directory objects (MS-ADTS 5.1.3.3, "GenericMapping").

use std::fmt;
use std::ops::{BitAnd, BitOr, BitOrAssign};

/// A 32-bit access mask.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct AccessMask(pub u32);

impl AccessMask {
    // Directory-service specific rights (MS-ADTS 5.1.3.2), named after ADS_RIGHT_*.
    /// RIGHT_DS_CREATE_CHILD (CC)
    pub const CREATE_CHILD: Self = Self(0x0000_0001);
    /// RIGHT_DS_DELETE_CHILD (DC)
    pub const DELETE_CHILD: Self = Self(0x0000_0002);
    /// RIGHT_DS_LIST_CONTENTS (LC)
    pub const LIST_CONTENTS: Self = Self(0x0000_0004);
    /// RIGHT_DS_WRITE_PROPERTY_EXTENDED, validated write (SW)
    pub const SELF_WRITE: Self = Self(0x0000_0008);
    /// RIGHT_DS_READ_PROPERTY (RP)
    pub const READ_PROPERTY: Self = Self(0x0000_0010);
    /// RIGHT_DS_WRITE_PROPERTY (WP)
    pub const WRITE_PROPERTY: Self = Self(0x0000_0020);
    /// RIGHT_DS_DELETE_TREE (DT)
    pub const DELETE_TREE: Self = Self(0x0000_0040);
    /// RIGHT_DS_LIST_OBJECT (LO)
    pub const LIST_OBJECT: Self = Self(0x0000_0080);
    /// RIGHT_DS_CONTROL_ACCESS, extended rights (CR)
    pub const CONTROL_ACCESS: Self = Self(0x0000_0100);

    // Standard rights (MS-DTYP 2.4.3).
    /// DELETE (SD)
    pub const DELETE: Self = Self(0x0001_0000);
    /// READ_CONTROL (RC)
    pub const READ_CONTROL: Self = Self(0x0002_0000);
    /// WRITE_DAC (WD)
    pub const WRITE_DAC: Self = Self(0x0004_0000);
    /// WRITE_OWNER (WO)
    pub const WRITE_OWNER: Self = Self(0x0008_0000);
    /// SYNCHRONIZE
    pub const SYNCHRONIZE: Self = Self(0x0010_0000);
    /// ACCESS_SYSTEM_SECURITY
    pub const ACCESS_SYSTEM_SECURITY: Self = Self(0x0100_0000);
    /// MAXIMUM_ALLOWED
    pub const MAXIMUM_ALLOWED: Self = Self(0x0200_0000);

    // Generic rights (MS-DTYP 2.4.3).
    /// GENERIC_ALL (GA)
    pub const GENERIC_ALL: Self = Self(0x1000_0000);
    /// GENERIC_EXECUTE (GX)
    pub const GENERIC_EXECUTE: Self = Self(0x2000_0000);
    /// GENERIC_WRITE (GW)
    pub const GENERIC_WRITE: Self = Self(0x4000_0000);
    /// GENERIC_READ (GR)
    pub const GENERIC_READ: Self = Self(0x8000_0000);

    /// Every right a directory object defines (what GENERIC_ALL maps to).
    pub const DS_ALL: Self = Self(0x000F_01FF);

    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    pub const fn intersects(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Replaces the generic bits with the specific rights they mean for directory objects
    /// (MS-ADTS 5.1.3.3 / the DS generic mapping):
    /// GENERIC_READ = RC | LC | RP | LO, GENERIC_WRITE = RC | SW | WP,
    /// GENERIC_EXECUTE = RC | LC, GENERIC_ALL = every DS right (0x000F01FF).
    pub const fn map_generic_ds(self) -> Self {
        let mut m = self.0 & 0x0FFF_FFFF;
        if self.0 & Self::GENERIC_READ.0 != 0 {
            m |= 0x0002_0094;
        }
        if self.0 & Self::GENERIC_WRITE.0 != 0 {
            m |= 0x0002_0028;
        }
        if self.0 & Self::GENERIC_EXECUTE.0 != 0 {
            m |= 0x0002_0004;
        }
        if self.0 & Self::GENERIC_ALL.0 != 0 {
            m |= Self::DS_ALL.0;
        }
        Self(m)
    }
}

impl BitOr for AccessMask {
    type Output = Self;
    fn bitor(self, rhs: Self) -> Self {
        Self(self.0 | rhs.0)
    }
}

impl BitOrAssign for AccessMask {
    fn bitor_assign(&mut self, rhs: Self) {
        self.0 |= rhs.0;
    }
}

impl BitAnd for AccessMask {
    type Output = Self;
    fn bitand(self, rhs: Self) -> Self {
        Self(self.0 & rhs.0)
    }
}

impl fmt::Debug for AccessMask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AccessMask(0x{:08x})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_rights_map_to_directory_rights() {
        assert_eq!(AccessMask::GENERIC_ALL.map_generic_ds(), AccessMask::DS_ALL);
        let w = AccessMask::GENERIC_WRITE.map_generic_ds();
        assert!(w.contains(AccessMask::WRITE_PROPERTY | AccessMask::SELF_WRITE));
        assert!(!w.contains(AccessMask::CONTROL_ACCESS));
        let r = AccessMask::GENERIC_READ.map_generic_ds();
        assert!(r.contains(AccessMask::READ_PROPERTY | AccessMask::LIST_CONTENTS));
        assert!(!r.contains(AccessMask::WRITE_PROPERTY));
        assert_eq!(
            AccessMask(0x20).map_generic_ds(),
            AccessMask::WRITE_PROPERTY,
            "specific rights pass through unchanged"
        );
    }
}
