//! Self-relative security descriptor (MS-DTYP 2.4.6). The parser follows the four offsets and
//! never assumes an order; owner and group may be absent (as in an SD-flags = DACL read). The
//! order in which the parts were laid out is remembered, so a descriptor read from a DC is
//! written back byte for byte.

use super::acl::Acl;
use super::error::{EncodeError, ParseError, Reader};
use super::sid::Sid;

/// SECURITY_DESCRIPTOR_CONTROL bits (MS-DTYP 2.4.6).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
pub struct Control(pub u16);

impl Control {
    pub const OWNER_DEFAULTED: Self = Self(0x0001);
    pub const GROUP_DEFAULTED: Self = Self(0x0002);
    pub const DACL_PRESENT: Self = Self(0x0004);
    pub const DACL_DEFAULTED: Self = Self(0x0008);
    pub const SACL_PRESENT: Self = Self(0x0010);
    pub const SACL_DEFAULTED: Self = Self(0x0020);
    pub const DACL_TRUSTED: Self = Self(0x0040);
    pub const SERVER_SECURITY: Self = Self(0x0080);
    pub const DACL_AUTO_INHERIT_REQ: Self = Self(0x0100);
    pub const SACL_AUTO_INHERIT_REQ: Self = Self(0x0200);
    pub const DACL_AUTO_INHERITED: Self = Self(0x0400);
    pub const SACL_AUTO_INHERITED: Self = Self(0x0800);
    pub const DACL_PROTECTED: Self = Self(0x1000);
    pub const SACL_PROTECTED: Self = Self(0x2000);
    pub const RM_CONTROL_VALID: Self = Self(0x4000);
    pub const SELF_RELATIVE: Self = Self(0x8000);

    pub const fn contains(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn set(&mut self, bit: Self, on: bool) {
        if on {
            self.0 |= bit.0;
        } else {
            self.0 &= !bit.0;
        }
    }
}

/// A DACL or SACL slot: absent, present but NULL (offset 0), or a list.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
pub enum AclSlot {
    /// The *_PRESENT control bit is clear.
    #[default]
    Absent,
    /// Present with a zero offset: a NULL ACL (for a DACL: no access control at all).
    Null,
    Present(Acl),
}

impl AclSlot {
    pub fn acl(&self) -> Option<&Acl> {
        match self {
            AclSlot::Present(a) => Some(a),
            _ => None,
        }
    }

    pub fn acl_mut(&mut self) -> Option<&mut Acl> {
        match self {
            AclSlot::Present(a) => Some(a),
            _ => None,
        }
    }

    fn is_present(&self) -> bool {
        !matches!(self, AclSlot::Absent)
    }
}

/// The four variable parts of a self-relative descriptor.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Part {
    Owner,
    Group,
    Sacl,
    Dacl,
}

/// Samba's (and NDR's) order, used for new descriptors.
const DEFAULT_ORDER: [Part; 4] = [Part::Owner, Part::Group, Part::Sacl, Part::Dacl];

/// A security descriptor in self-relative form.
#[derive(Clone, Debug, Eq)]
pub struct SecurityDescriptor {
    /// Revision: always 1 on the wire.
    pub revision: u8,
    /// Sbz1, the resource-manager control byte: kept as found.
    pub sbz1: u8,
    /// Control bits other than DACL_PRESENT and SACL_PRESENT, which are derived from the slots.
    control: Control,
    pub owner: Option<Sid>,
    pub group: Option<Sid>,
    pub sacl: AclSlot,
    pub dacl: AclSlot,
    /// Bytes after the last part, kept as found.
    pub trailing: Vec<u8>,
    /// The order the parts are written in (a permutation of all four).
    order: [Part; 4],
}

impl PartialEq for SecurityDescriptor {
    fn eq(&self, other: &Self) -> bool {
        self.revision == other.revision
            && self.sbz1 == other.sbz1
            && self.control() == other.control()
            && self.owner == other.owner
            && self.group == other.group
            && self.sacl == other.sacl
            && self.dacl == other.dacl
            && self.trailing == other.trailing
            && self.present_order() == other.present_order()
    }
}

impl Default for SecurityDescriptor {
    fn default() -> Self {
        Self {
            revision: 1,
            sbz1: 0,
            control: Control::SELF_RELATIVE,
            owner: None,
            group: None,
            sacl: AclSlot::Absent,
            dacl: AclSlot::Absent,
            trailing: Vec::new(),
            order: DEFAULT_ORDER,
        }
    }
}

impl SecurityDescriptor {
    /// The control word as it will be written: the stored bits plus DACL_PRESENT and
    /// SACL_PRESENT computed from the slots.
    pub fn control(&self) -> Control {
        let mut c = self.control;
        c.set(Control::DACL_PRESENT, self.dacl.is_present());
        c.set(Control::SACL_PRESENT, self.sacl.is_present());
        c
    }

    /// Sets or clears control bits; the *_PRESENT bits are ignored (they follow the slots).
    pub fn set_control(&mut self, bit: Control, on: bool) {
        self.control.set(bit, on);
    }

    /// Whether the DACL is protected from inheritance (SE_DACL_PROTECTED, SDDL `P`).
    pub fn dacl_protected(&self) -> bool {
        self.control.contains(Control::DACL_PROTECTED)
    }

    /// The order the four parts are written in.
    pub fn layout(&self) -> [Part; 4] {
        self.order
    }

    /// Sets the order the parts are written in. Returns `false` (and changes nothing) unless
    /// `order` names each part exactly once.
    pub fn set_layout(&mut self, order: [Part; 4]) -> bool {
        let all = [Part::Owner, Part::Group, Part::Sacl, Part::Dacl];
        if !all.iter().all(|p| order.contains(p)) {
            return false;
        }
        self.order = order;
        true
    }

    fn present_order(&self) -> Vec<Part> {
        self.order
            .iter()
            .copied()
            .filter(|p| self.part_present(*p))
            .collect()
    }

    fn part_present(&self, p: Part) -> bool {
        match p {
            Part::Owner => self.owner.is_some(),
            Part::Group => self.group.is_some(),
            Part::Sacl => self.sacl.acl().is_some(),
            Part::Dacl => self.dacl.acl().is_some(),
        }
    }

    /// Decodes a self-relative descriptor.
    pub fn from_bytes(buf: &[u8]) -> Result<Self, ParseError> {
        let mut r = Reader::new(buf, 0, "security descriptor");
        let revision = r.u8()?;
        if revision != 1 {
            return Err(ParseError::new(
                "security descriptor",
                0,
                format!("revision {revision}, expected 1"),
            ));
        }
        let sbz1 = r.u8()?;
        let raw_control = Control(r.u16()?);
        let offsets = [r.u32()?, r.u32()?, r.u32()?, r.u32()?];
        let parts = [Part::Owner, Part::Group, Part::Sacl, Part::Dacl];

        let mut sd = Self {
            revision,
            sbz1,
            control: Control(raw_control.0 & !(Control::DACL_PRESENT.0 | Control::SACL_PRESENT.0)),
            ..Self::default()
        };
        let mut ends: Vec<(usize, Part)> = Vec::new();
        let mut end_max = 20usize;
        for (i, (&off, part)) in offsets.iter().zip(parts).enumerate() {
            let field = 4 + 4 * i;
            if off == 0 {
                continue;
            }
            let off = off as usize;
            if off < 20 || off >= buf.len() {
                return Err(ParseError::new(
                    "security descriptor",
                    field,
                    format!(
                        "{part:?} offset {off} is outside the descriptor (20..{})",
                        buf.len()
                    ),
                ));
            }
            let present_bit = match part {
                Part::Sacl => Some(Control::SACL_PRESENT),
                Part::Dacl => Some(Control::DACL_PRESENT),
                _ => None,
            };
            if let Some(bit) = present_bit
                && !raw_control.contains(bit)
            {
                return Err(ParseError::new(
                    "security descriptor",
                    field,
                    format!("{part:?} offset is set but the control word says it is absent"),
                ));
            }
            let len = match part {
                Part::Owner | Part::Group => {
                    let (sid, len) = Sid::from_bytes(&buf[off..], off)?;
                    if part == Part::Owner {
                        sd.owner = Some(sid);
                    } else {
                        sd.group = Some(sid);
                    }
                    len
                }
                Part::Sacl | Part::Dacl => {
                    let acl = Acl::from_bytes(&buf[off..], off)?;
                    let len = acl.encoded_len();
                    if part == Part::Sacl {
                        sd.sacl = AclSlot::Present(acl);
                    } else {
                        sd.dacl = AclSlot::Present(acl);
                    }
                    len
                }
            };
            ends.push((off, part));
            end_max = end_max.max(off + len);
        }
        for (bit, slot) in [
            (Control::DACL_PRESENT, &mut sd.dacl),
            (Control::SACL_PRESENT, &mut sd.sacl),
        ] {
            if raw_control.contains(bit) && !slot.is_present() {
                *slot = AclSlot::Null;
            }
        }
        ends.sort_by_key(|(off, _)| *off);
        let mut order: Vec<Part> = ends.iter().map(|(_, p)| *p).collect();
        for p in DEFAULT_ORDER {
            if !order.contains(&p) {
                order.push(p);
            }
        }
        sd.order = [order[0], order[1], order[2], order[3]];
        sd.trailing = buf[end_max..].to_vec();
        Ok(sd)
    }

    /// Encodes the descriptor in self-relative form, parts in their remembered order and
    /// packed without gaps.
    pub fn to_bytes(&self) -> Result<Vec<u8>, EncodeError> {
        let mut out = vec![0u8; 20];
        out[0] = self.revision;
        out[1] = self.sbz1;
        out[2..4].copy_from_slice(&self.control().0.to_le_bytes());
        for part in self.order {
            let start = out.len();
            let written = match part {
                Part::Owner => self.owner.as_ref().map(|s| {
                    s.write(&mut out);
                    Ok(())
                }),
                Part::Group => self.group.as_ref().map(|s| {
                    s.write(&mut out);
                    Ok(())
                }),
                Part::Sacl => self.sacl.acl().map(|a| a.write(&mut out)),
                Part::Dacl => self.dacl.acl().map(|a| a.write(&mut out)),
            };
            if let Some(res) = written {
                res?;
                let field = 4 + 4 * part as usize;
                let off = u32::try_from(start).map_err(|_| EncodeError {
                    what: "security descriptor",
                    reason: "larger than 4 GiB".into(),
                })?;
                out[field..field + 4].copy_from_slice(&off.to_le_bytes());
            }
        }
        out.extend_from_slice(&self.trailing);
        Ok(out)
    }
}
