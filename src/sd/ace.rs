//! Access control entries (MS-DTYP 2.4.4): the ACE header (2.4.4.1), the ACE types (2.4.4.2 to
//! 2.4.4.17) and their bodies. Types this crate does not model (and object ACEs with unknown
//! flag bits) are kept as opaque bytes so a round trip never drops them.

use std::fmt;

use super::access_mask::AccessMask;
use super::error::{EncodeError, ParseError, Reader};
use super::guid::Guid;
use super::sid::Sid;

/// AceType (MS-DTYP 2.4.4.1). Any byte value is representable; unknown ones stay opaque.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct AceType(pub u8);

impl AceType {
    pub const ACCESS_ALLOWED: Self = Self(0x00);
    pub const ACCESS_DENIED: Self = Self(0x01);
    pub const SYSTEM_AUDIT: Self = Self(0x02);
    pub const SYSTEM_ALARM: Self = Self(0x03);
    pub const ACCESS_ALLOWED_COMPOUND: Self = Self(0x04);
    pub const ACCESS_ALLOWED_OBJECT: Self = Self(0x05);
    pub const ACCESS_DENIED_OBJECT: Self = Self(0x06);
    pub const SYSTEM_AUDIT_OBJECT: Self = Self(0x07);
    pub const SYSTEM_ALARM_OBJECT: Self = Self(0x08);
    pub const ACCESS_ALLOWED_CALLBACK: Self = Self(0x09);
    pub const ACCESS_DENIED_CALLBACK: Self = Self(0x0A);
    pub const ACCESS_ALLOWED_CALLBACK_OBJECT: Self = Self(0x0B);
    pub const ACCESS_DENIED_CALLBACK_OBJECT: Self = Self(0x0C);
    pub const SYSTEM_AUDIT_CALLBACK: Self = Self(0x0D);
    pub const SYSTEM_ALARM_CALLBACK: Self = Self(0x0E);
    pub const SYSTEM_AUDIT_CALLBACK_OBJECT: Self = Self(0x0F);
    pub const SYSTEM_ALARM_CALLBACK_OBJECT: Self = Self(0x10);
    pub const SYSTEM_MANDATORY_LABEL: Self = Self(0x11);
    pub const SYSTEM_RESOURCE_ATTRIBUTE: Self = Self(0x12);
    pub const SYSTEM_SCOPED_POLICY_ID: Self = Self(0x13);

    /// The body layout this type has on the wire.
    pub fn shape(self) -> Shape {
        match self.0 {
            0x00..=0x03 | 0x09 | 0x0A | 0x0D | 0x0E | 0x11..=0x13 => Shape::Basic,
            0x05..=0x08 | 0x0B | 0x0C | 0x0F | 0x10 => Shape::Object,
            _ => Shape::Opaque,
        }
    }

    /// An access-allowed type (plain, object or callback).
    pub fn is_allow(self) -> bool {
        matches!(self.0, 0x00 | 0x05 | 0x09 | 0x0B)
    }

    /// An access-denied type (plain, object or callback).
    pub fn is_deny(self) -> bool {
        matches!(self.0, 0x01 | 0x06 | 0x0A | 0x0C)
    }

    /// A callback (conditional) type, whose application data carries a condition.
    pub fn is_callback(self) -> bool {
        matches!(self.0, 0x09..=0x10)
    }
}

impl fmt::Debug for AceType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AceType(0x{:02x})", self.0)
    }
}

/// How an ACE body is laid out.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Shape {
    /// Mask, SID, optional application data (2.4.4.2 and kin).
    Basic,
    /// Mask, flags, optional object GUIDs, SID, optional application data (2.4.4.3 and kin).
    Object,
    /// Not modelled: kept as raw bytes.
    Opaque,
}

/// AceFlags (MS-DTYP 2.4.4.1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct AceFlags(pub u8);

impl AceFlags {
    pub const OBJECT_INHERIT: Self = Self(0x01);
    pub const CONTAINER_INHERIT: Self = Self(0x02);
    pub const NO_PROPAGATE_INHERIT: Self = Self(0x04);
    pub const INHERIT_ONLY: Self = Self(0x08);
    pub const INHERITED: Self = Self(0x10);
    pub const SUCCESSFUL_ACCESS: Self = Self(0x40);
    pub const FAILED_ACCESS: Self = Self(0x80);

    /// The flags that govern inheritance (OI, CI, NP, IO).
    pub const INHERITANCE: Self = Self(0x0F);

    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    pub const fn union(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    pub const fn without(self, other: Self) -> Self {
        Self(self.0 & !other.0)
    }
}

impl fmt::Debug for AceFlags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "AceFlags(0x{:02x})", self.0)
    }
}

/// ACCESS_ALLOWED_ACE and the other types with a mask and a SID.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct BasicAce {
    pub mask: AccessMask,
    pub sid: Sid,
    /// Bytes after the SID up to AceSize: the condition of a callback ACE, the attribute of a
    /// resource-attribute ACE, or padding.
    pub application_data: Vec<u8>,
}

/// ACCESS_ALLOWED_OBJECT_ACE and the other object types (MS-DTYP 2.4.4.3).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct ObjectAce {
    pub mask: AccessMask,
    /// ObjectType: the property, property set, extended right or child class the ACE is about.
    pub object_type: Option<Guid>,
    /// InheritedObjectType: the class of object that inherits the ACE.
    pub inherited_object_type: Option<Guid>,
    pub sid: Sid,
    /// Bytes after the SID up to AceSize (condition of a callback object ACE, or padding).
    pub application_data: Vec<u8>,
}

/// ACE_OBJECT_TYPE_PRESENT (MS-DTYP 2.4.4.3, Flags).
const OBJECT_TYPE_PRESENT: u32 = 0x1;
/// ACE_INHERITED_OBJECT_TYPE_PRESENT.
const INHERITED_OBJECT_TYPE_PRESENT: u32 = 0x2;

/// The body of an ACE, after its 4-byte header.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum AceBody {
    Basic(BasicAce),
    Object(ObjectAce),
    /// Raw bytes of a type this crate does not model, or an object ACE with unknown flag bits.
    Opaque(Vec<u8>),
}

/// One access control entry.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Ace {
    pub ace_type: AceType,
    pub flags: AceFlags,
    pub body: AceBody,
}

impl Ace {
    /// An access-allowed ACE (object form when either GUID is given).
    pub fn allow(
        flags: AceFlags,
        mask: AccessMask,
        sid: Sid,
        object_type: Option<Guid>,
        inherited_object_type: Option<Guid>,
    ) -> Self {
        Self::make(
            AceType::ACCESS_ALLOWED,
            AceType::ACCESS_ALLOWED_OBJECT,
            flags,
            mask,
            sid,
            object_type,
            inherited_object_type,
        )
    }

    /// An access-denied ACE (object form when either GUID is given).
    pub fn deny(
        flags: AceFlags,
        mask: AccessMask,
        sid: Sid,
        object_type: Option<Guid>,
        inherited_object_type: Option<Guid>,
    ) -> Self {
        Self::make(
            AceType::ACCESS_DENIED,
            AceType::ACCESS_DENIED_OBJECT,
            flags,
            mask,
            sid,
            object_type,
            inherited_object_type,
        )
    }

    fn make(
        plain: AceType,
        object: AceType,
        flags: AceFlags,
        mask: AccessMask,
        sid: Sid,
        object_type: Option<Guid>,
        inherited_object_type: Option<Guid>,
    ) -> Self {
        if object_type.is_none() && inherited_object_type.is_none() {
            Self {
                ace_type: plain,
                flags,
                body: AceBody::Basic(BasicAce {
                    mask,
                    sid,
                    application_data: Vec::new(),
                }),
            }
        } else {
            Self {
                ace_type: object,
                flags,
                body: AceBody::Object(ObjectAce {
                    mask,
                    object_type,
                    inherited_object_type,
                    sid,
                    application_data: Vec::new(),
                }),
            }
        }
    }

    pub fn sid(&self) -> Option<&Sid> {
        match &self.body {
            AceBody::Basic(b) => Some(&b.sid),
            AceBody::Object(o) => Some(&o.sid),
            AceBody::Opaque(_) => None,
        }
    }

    pub fn mask(&self) -> Option<AccessMask> {
        match &self.body {
            AceBody::Basic(b) => Some(b.mask),
            AceBody::Object(o) => Some(o.mask),
            AceBody::Opaque(_) => None,
        }
    }

    pub fn object_type(&self) -> Option<Guid> {
        match &self.body {
            AceBody::Object(o) => o.object_type,
            _ => None,
        }
    }

    pub fn inherited_object_type(&self) -> Option<Guid> {
        match &self.body {
            AceBody::Object(o) => o.inherited_object_type,
            _ => None,
        }
    }

    /// Inherited from a parent (INHERITED_ACE).
    pub fn is_inherited(&self) -> bool {
        self.flags.contains(AceFlags::INHERITED)
    }

    /// Applies only to children, not to the object holding it (INHERIT_ONLY_ACE).
    pub fn is_inherit_only(&self) -> bool {
        self.flags.contains(AceFlags::INHERIT_ONLY)
    }

    /// Encoded size in bytes (AceSize).
    pub fn encoded_len(&self) -> usize {
        4 + match &self.body {
            AceBody::Basic(b) => 4 + b.sid.binary_len() + b.application_data.len(),
            AceBody::Object(o) => {
                8 + 16 * usize::from(o.object_type.is_some())
                    + 16 * usize::from(o.inherited_object_type.is_some())
                    + o.sid.binary_len()
                    + o.application_data.len()
            }
            AceBody::Opaque(raw) => raw.len(),
        }
    }

    /// Decodes one ACE from the front of `r`.
    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ParseError> {
        let start = r.offset();
        let ace_type = AceType(r.u8()?);
        let flags = AceFlags(r.u8()?);
        let size = usize::from(r.u16()?);
        if size < 4 {
            return Err(ParseError::new(
                "ACE",
                start + 2,
                format!("AceSize {size} is smaller than the 4-byte header"),
            ));
        }
        let body_bytes = r.bytes(size - 4).map_err(|_| {
            ParseError::new(
                "ACE",
                start + 2,
                format!("AceSize {size} runs past the end of the ACL"),
            )
        })?;
        let mut b = Reader::new(body_bytes, start + 4, "ACE");
        let body = match ace_type.shape() {
            Shape::Opaque => AceBody::Opaque(body_bytes.to_vec()),
            Shape::Basic => {
                let mask = AccessMask(b.u32()?);
                let sid = Sid::read(&mut b)?;
                AceBody::Basic(BasicAce {
                    mask,
                    sid,
                    application_data: b.rest().to_vec(),
                })
            }
            Shape::Object => {
                let mask = AccessMask(b.u32()?);
                let oflags = b.u32()?;
                if oflags & !(OBJECT_TYPE_PRESENT | INHERITED_OBJECT_TYPE_PRESENT) != 0 {
                    // Undefined flag bits: keep the ACE exactly as it is.
                    AceBody::Opaque(body_bytes.to_vec())
                } else {
                    let object_type = if oflags & OBJECT_TYPE_PRESENT != 0 {
                        Some(Guid::read(&mut b)?)
                    } else {
                        None
                    };
                    let inherited_object_type = if oflags & INHERITED_OBJECT_TYPE_PRESENT != 0 {
                        Some(Guid::read(&mut b)?)
                    } else {
                        None
                    };
                    let sid = Sid::read(&mut b)?;
                    AceBody::Object(ObjectAce {
                        mask,
                        object_type,
                        inherited_object_type,
                        sid,
                        application_data: b.rest().to_vec(),
                    })
                }
            }
        };
        Ok(Self {
            ace_type,
            flags,
            body,
        })
    }

    /// Appends the binary form to `out`.
    pub fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let size = self.encoded_len();
        let size = u16::try_from(size).map_err(|_| EncodeError {
            what: "ACE",
            reason: format!("{size} bytes exceeds the 65535-byte AceSize limit"),
        })?;
        let shape_ok = matches!(
            (&self.body, self.ace_type.shape()),
            (AceBody::Basic(_), Shape::Basic)
                | (AceBody::Object(_), Shape::Object)
                | (AceBody::Opaque(_), _)
        );
        if !shape_ok {
            return Err(EncodeError {
                what: "ACE",
                reason: format!(
                    "type 0x{:02x} does not have a {} body",
                    self.ace_type.0,
                    match self.body {
                        AceBody::Basic(_) => "basic",
                        _ => "object",
                    }
                ),
            });
        }
        out.push(self.ace_type.0);
        out.push(self.flags.0);
        out.extend_from_slice(&size.to_le_bytes());
        match &self.body {
            AceBody::Basic(b) => {
                b.sid.check_encodable()?;
                out.extend_from_slice(&b.mask.0.to_le_bytes());
                b.sid.write(out);
                out.extend_from_slice(&b.application_data);
            }
            AceBody::Object(o) => {
                o.sid.check_encodable()?;
                out.extend_from_slice(&o.mask.0.to_le_bytes());
                let mut oflags = 0u32;
                if o.object_type.is_some() {
                    oflags |= OBJECT_TYPE_PRESENT;
                }
                if o.inherited_object_type.is_some() {
                    oflags |= INHERITED_OBJECT_TYPE_PRESENT;
                }
                out.extend_from_slice(&oflags.to_le_bytes());
                if let Some(g) = o.object_type {
                    out.extend_from_slice(&g.to_bytes());
                }
                if let Some(g) = o.inherited_object_type {
                    out.extend_from_slice(&g.to_bytes());
                }
                o.sid.write(out);
                out.extend_from_slice(&o.application_data);
            }
            AceBody::Opaque(raw) => out.extend_from_slice(raw),
        }
        Ok(())
    }
}
