//! Security Descriptor Definition Language, both ways ([MS-DTYP] 2.5.1). Driven by one table per
//! vocabulary (ACE types, ACE flags, rights, SID aliases, control flags); each table serves both
//! parsing and printing. Domain-relative aliases (`DA`, `DU`, …) need a [`DomainContext`].
//!
//! Not supported in text (the binary codec keeps them byte for byte): conditional expressions of
//! callback ACEs (`XA`, `XD`, `ZA`, `XU`) and resource attributes (`RA`). SDDL itself has no
//! letters for some control bits (OWNER_DEFAULTED, GROUP_DEFAULTED, DACL_DEFAULTED, …): text
//! drops them, as on Windows.

mod tables;

use tables::{
    ACE_FLAGS, ACE_TYPES, ACL_FLAGS, COMPOSITE_RIGHTS, LABEL_RIGHTS, RIGHTS, SID_ALIASES,
    alias_sid, sid_alias,
};

use super::access_mask::AccessMask;
use super::ace::{Ace, AceBody, AceFlags, AceType, BasicAce, ObjectAce};
use super::acl::Acl;
use super::descriptor::{AclSlot, Control, SecurityDescriptor};
use super::error::SddlError;
use super::guid::Guid;
use super::sid::Sid;

/// The domains that domain-relative SID aliases refer to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DomainContext {
    /// The domain of `DA`, `DU`, `DC`, … .
    pub domain_sid: Option<Sid>,
    /// The forest root domain of `EA`, `SA`, `RO`, `EK`; defaults to `domain_sid`.
    pub root_domain_sid: Option<Sid>,
}

impl DomainContext {
    pub fn for_domain(domain_sid: Sid) -> Self {
        Self {
            domain_sid: Some(domain_sid),
            root_domain_sid: None,
        }
    }

    fn root(&self) -> Option<&Sid> {
        self.root_domain_sid.as_ref().or(self.domain_sid.as_ref())
    }
}

// ---------------------------------------------------------------------------------------------
// Printing

/// Writes `sd` as SDDL. Fails only for ACE types that have no SDDL form here (see module docs).
pub fn format(sd: &SecurityDescriptor, ctx: &DomainContext) -> Result<String, SddlError> {
    let mut out = String::new();
    if let Some(o) = &sd.owner {
        out.push_str("O:");
        out.push_str(&format_sid(o, ctx));
    }
    if let Some(g) = &sd.group {
        out.push_str("G:");
        out.push_str(&format_sid(g, ctx));
    }
    let control = sd.control();
    for (tag, slot, dacl) in [("D:", &sd.dacl, true), ("S:", &sd.sacl, false)] {
        if matches!(slot, AclSlot::Absent) {
            continue;
        }
        out.push_str(tag);
        for (code, dbit, sbit) in ACL_FLAGS {
            if control.contains(if dacl { *dbit } else { *sbit }) {
                out.push_str(code);
            }
        }
        match slot {
            AclSlot::Null => out.push_str("NO_ACCESS_CONTROL"),
            AclSlot::Present(acl) => {
                for (i, ace) in acl.aces.iter().enumerate() {
                    out.push_str(&format_ace(ace, ctx).map_err(|e| {
                        SddlError::new(0, format!("ACE {} of the {}: {}", i + 1, tag, e.reason))
                    })?);
                }
            }
            AclSlot::Absent => {}
        }
    }
    Ok(out)
}

/// Writes a SID as its alias in `ctx` or as an `S-1-…` string.
pub fn format_sid(sid: &Sid, ctx: &DomainContext) -> String {
    sid_alias(sid, ctx).map_or_else(|| sid.to_string(), str::to_string)
}

/// Writes an access mask as SDDL rights (`RPWP`, `FA`, or `0x…` when a bit has no name).
pub fn format_mask(mask: AccessMask, label: bool) -> String {
    let m = mask.0;
    if m == 0 {
        return String::new();
    }
    if label {
        return names_or_hex(m, LABEL_RIGHTS);
    }
    if let Some((code, _, _)) = COMPOSITE_RIGHTS.iter().find(|(_, v, p)| *p && *v == m) {
        return (*code).to_string();
    }
    names_or_hex(m, RIGHTS)
}

fn names_or_hex(m: u32, table: &[(&str, u32)]) -> String {
    let covered = table.iter().fold(0u32, |acc, (_, v)| acc | v);
    if m & !covered != 0 {
        return format!("0x{m:x}");
    }
    table
        .iter()
        .filter(|(_, v)| m & v != 0)
        .map(|(c, _)| *c)
        .collect()
}

/// Writes one ACE as `(type;flags;rights;object;inherited object;sid)`.
pub fn format_ace(ace: &Ace, ctx: &DomainContext) -> Result<String, SddlError> {
    let type_code = ACE_TYPES
        .iter()
        .find(|(_, t)| *t == ace.ace_type)
        .map(|(c, _)| *c)
        .ok_or_else(|| {
            SddlError::new(
                0,
                format!("ACE type 0x{:02x} has no SDDL form", ace.ace_type.0),
            )
        })?;
    if ace.ace_type.is_callback() || ace.ace_type == AceType::SYSTEM_RESOURCE_ATTRIBUTE {
        return Err(SddlError::new(
            0,
            format!(
                "{type_code} ACEs (conditions and resource attributes) cannot be written as SDDL by \
                 this tool; the binary form keeps them"
            ),
        ));
    }
    let flags = ace.flags.0;
    let named = ACE_FLAGS.iter().fold(0u8, |acc, (_, v)| acc | v);
    if flags & !named != 0 {
        return Err(SddlError::new(
            0,
            format!("ACE flags 0x{flags:02x} have bits without an SDDL name"),
        ));
    }
    let flag_text: String = ACE_FLAGS
        .iter()
        .filter(|(_, v)| flags & v != 0)
        .map(|(c, _)| *c)
        .collect();
    let label = ace.ace_type == AceType::SYSTEM_MANDATORY_LABEL;
    let guid = |g: Option<Guid>| g.map(|g| g.to_string()).unwrap_or_default();
    let (mask, object, inherited, sid, data) = match &ace.body {
        AceBody::Basic(b) => (b.mask, None, None, &b.sid, &b.application_data),
        AceBody::Object(o) => (
            o.mask,
            o.object_type,
            o.inherited_object_type,
            &o.sid,
            &o.application_data,
        ),
        AceBody::Opaque(_) => {
            return Err(SddlError::new(
                0,
                format!(
                    "ACE of type {type_code} has a layout this tool does not decode; the binary \
                     form keeps it"
                ),
            ));
        }
    };
    if !data.is_empty() {
        return Err(SddlError::new(
            0,
            format!(
                "{type_code} ACE carries {} bytes after its SID that SDDL cannot express",
                data.len()
            ),
        ));
    }
    Ok(format!(
        "({type_code};{flag_text};{};{};{};{})",
        format_mask(mask, label),
        guid(object),
        guid(inherited),
        format_sid(sid, ctx)
    ))
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// Parses an SDDL string into a self-relative descriptor. Parts may come in any order, each at
/// most once. Surrounding white space is ignored; an empty string is an empty descriptor.
pub fn parse(text: &str, ctx: &DomainContext) -> Result<SecurityDescriptor, SddlError> {
    let lead = text.len() - text.trim_start().len();
    let mut p = Parser {
        s: text.trim().as_bytes(),
        pos: 0,
        lead,
        ctx,
    };
    if let Some(i) = text.find(|c: char| !c.is_ascii()) {
        return Err(SddlError::new(i, "non-ASCII character"));
    }
    let mut sd = SecurityDescriptor::default();
    let mut seen = [false; 4];
    while !p.done() {
        let at = p.pos;
        let tag = p.take(2);
        let idx = match tag {
            b"O:" => 0,
            b"G:" => 1,
            b"D:" => 2,
            b"S:" => 3,
            _ => return Err(p.err_at(at, "expected O:, G:, D: or S:")),
        };
        if seen[idx] {
            return Err(p.err_at(at, "this part appears twice"));
        }
        seen[idx] = true;
        match idx {
            0 => sd.owner = Some(p.sid_until_tag()?),
            1 => sd.group = Some(p.sid_until_tag()?),
            _ => {
                let dacl = idx == 2;
                let (flags, slot) = p.acl()?;
                for (bit_d, bit_s) in flags {
                    sd.set_control(if dacl { bit_d } else { bit_s }, true);
                }
                if dacl {
                    sd.dacl = slot;
                } else {
                    sd.sacl = slot;
                }
            }
        }
    }
    Ok(sd)
}

/// Parses a single ACE string such as `(OA;CIIO;CR;…;…;S-1-5-…)`.
pub fn parse_ace(text: &str, ctx: &DomainContext) -> Result<Ace, SddlError> {
    let mut p = Parser {
        s: text.trim().as_bytes(),
        pos: 0,
        lead: text.len() - text.trim_start().len(),
        ctx,
    };
    let ace = p.ace()?;
    if !p.done() {
        return Err(p.err("text after the ACE"));
    }
    Ok(ace)
}

struct Parser<'a> {
    s: &'a [u8],
    pos: usize,
    lead: usize,
    ctx: &'a DomainContext,
}

type AclFlags = Vec<(Control, Control)>;

impl<'a> Parser<'a> {
    fn done(&self) -> bool {
        self.pos >= self.s.len()
    }

    fn err(&self, reason: impl Into<String>) -> SddlError {
        self.err_at(self.pos, reason)
    }

    fn err_at(&self, pos: usize, reason: impl Into<String>) -> SddlError {
        SddlError::new(pos + self.lead, reason)
    }

    fn take(&mut self, n: usize) -> &'a [u8] {
        let end = (self.pos + n).min(self.s.len());
        let out = &self.s[self.pos..end];
        self.pos = end;
        out
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn at_tag(&self) -> bool {
        matches!(
            self.s.get(self.pos..self.pos + 2),
            Some(b"O:" | b"G:" | b"D:" | b"S:")
        )
    }

    /// An owner or group SID: runs to the next part tag or the end.
    fn sid_until_tag(&mut self) -> Result<Sid, SddlError> {
        let start = self.pos;
        while !self.done() && !self.at_tag() {
            self.pos += 1;
        }
        self.sid_text(start, self.pos)
    }

    fn sid_text(&self, start: usize, end: usize) -> Result<Sid, SddlError> {
        let text = std::str::from_utf8(&self.s[start..end]).unwrap_or("");
        if text.is_empty() {
            return Err(self.err_at(start, "missing SID"));
        }
        if text.starts_with("S-") || text.starts_with("s-") {
            return text
                .parse()
                .map_err(|e: super::sid::SidParseError| self.err_at(start, e.to_string()));
        }
        let (_, alias) = SID_ALIASES
            .iter()
            .find(|(c, _)| *c == text)
            .ok_or_else(|| self.err_at(start, format!("unknown SID alias {text:?}")))?;
        alias_sid(*alias, self.ctx).ok_or_else(|| {
            self.err_at(
                start,
                format!("{text} is relative to a domain: give the domain SID"),
            )
        })
    }

    fn acl(&mut self) -> Result<(AclFlags, AclSlot), SddlError> {
        let mut flags = Vec::new();
        let mut null = false;
        loop {
            let rest = &self.s[self.pos..];
            if rest.starts_with(b"NO_ACCESS_CONTROL") {
                null = true;
                self.pos += "NO_ACCESS_CONTROL".len();
                continue;
            }
            if let Some((code, d, s)) = ACL_FLAGS
                .iter()
                .find(|(c, _, _)| rest.starts_with(c.as_bytes()))
            {
                flags.push((*d, *s));
                self.pos += code.len();
                continue;
            }
            break;
        }
        let mut aces = Vec::new();
        while self.peek() == Some(b'(') {
            aces.push(self.ace()?);
        }
        if !self.done() && !self.at_tag() {
            return Err(self.err("expected an ACE in parentheses or the next part"));
        }
        if null {
            if !aces.is_empty() {
                return Err(self.err("NO_ACCESS_CONTROL cannot be followed by ACEs"));
            }
            return Ok((flags, AclSlot::Null));
        }
        Ok((flags, AclSlot::Present(Acl::new(aces))))
    }

    fn ace(&mut self) -> Result<Ace, SddlError> {
        let open = self.pos;
        if self.peek() != Some(b'(') {
            return Err(self.err("expected '(' to start an ACE"));
        }
        let close = self.s[open..]
            .iter()
            .position(|&c| c == b')')
            .map(|i| open + i)
            .ok_or_else(|| self.err_at(open, "ACE is not closed with ')'"))?;
        let inner = &self.s[open + 1..close];
        let mut fields: Vec<(usize, &[u8])> = Vec::new();
        let mut start = open + 1;
        for part in inner.split(|&c| c == b';') {
            fields.push((start, part));
            start += part.len() + 1;
        }
        if fields.len() != 6 {
            return Err(self.err_at(
                open,
                format!(
                    "an ACE has 6 fields separated by ';', found {}{}",
                    fields.len(),
                    if fields.len() == 7 {
                        " (conditional ACEs and resource attributes are not supported)"
                    } else {
                        ""
                    }
                ),
            ));
        }
        let text = |f: &[u8]| std::str::from_utf8(f).unwrap_or("").to_string();
        let (tpos, tfield) = fields[0];
        let ace_type = ACE_TYPES
            .iter()
            .find(|(c, _)| c.as_bytes() == tfield)
            .map(|(_, t)| *t)
            .ok_or_else(|| self.err_at(tpos, format!("unknown ACE type {:?}", text(tfield))))?;
        if ace_type.is_callback() || ace_type == AceType::SYSTEM_RESOURCE_ATTRIBUTE {
            return Err(self.err_at(
                tpos,
                "conditional ACEs and resource attributes are not supported in SDDL",
            ));
        }
        let (fpos, ffield) = fields[1];
        let flags = AceFlags(self.codes(fpos, ffield, ACE_FLAGS, "ACE flag")?);
        let (rpos, rfield) = fields[2];
        let mask =
            AccessMask(self.rights(rpos, rfield, ace_type == AceType::SYSTEM_MANDATORY_LABEL)?);
        let guid = |(pos, f): (usize, &[u8])| -> Result<Option<Guid>, SddlError> {
            if f.is_empty() {
                return Ok(None);
            }
            text(f)
                .parse()
                .map(Some)
                .map_err(|e: super::guid::GuidParseError| self.err_at(pos, e.to_string()))
        };
        let object_type = guid(fields[3])?;
        let inherited_object_type = guid(fields[4])?;
        let (spos, sfield) = fields[5];
        let sid = self.sid_text(spos, spos + sfield.len())?;
        let object_shape = ace_type.shape() == super::ace::Shape::Object;
        if !object_shape && (object_type.is_some() || inherited_object_type.is_some()) {
            return Err(self.err_at(
                fields[3].0,
                "object GUIDs need an object ACE type (OA, OD, OU, OL)",
            ));
        }
        self.pos = close + 1;
        let body = if object_shape {
            AceBody::Object(ObjectAce {
                mask,
                object_type,
                inherited_object_type,
                sid,
                application_data: Vec::new(),
            })
        } else {
            AceBody::Basic(BasicAce {
                mask,
                sid,
                application_data: Vec::new(),
            })
        };
        Ok(Ace {
            ace_type,
            flags,
            body,
        })
    }

    /// A run of two-letter codes from `table`, OR-ed together.
    fn codes(
        &self,
        pos: usize,
        f: &[u8],
        table: &[(&str, u8)],
        what: &str,
    ) -> Result<u8, SddlError> {
        let mut v = 0u8;
        for (i, chunk) in f.chunks(2).enumerate() {
            let code = table
                .iter()
                .find(|(c, _)| c.as_bytes() == chunk)
                .ok_or_else(|| {
                    self.err_at(
                        pos + 2 * i,
                        format!("unknown {what} {:?}", String::from_utf8_lossy(chunk)),
                    )
                })?;
            v |= code.1;
        }
        Ok(v)
    }

    fn rights(&self, pos: usize, f: &[u8], label: bool) -> Result<u32, SddlError> {
        let text = std::str::from_utf8(f).unwrap_or("");
        if let Some(hex) = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X")) {
            return u32::from_str_radix(hex, 16)
                .map_err(|_| self.err_at(pos, format!("bad hex rights {text:?}")));
        }
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
            return text
                .parse()
                .map_err(|_| self.err_at(pos, format!("rights {text:?} out of range")));
        }
        let mut v = 0u32;
        for (i, chunk) in f.chunks(2).enumerate() {
            let found = if label {
                LABEL_RIGHTS
                    .iter()
                    .find(|(c, _)| c.as_bytes() == chunk)
                    .map(|(_, v)| *v)
            } else {
                RIGHTS
                    .iter()
                    .find(|(c, _)| c.as_bytes() == chunk)
                    .map(|(_, v)| *v)
                    .or_else(|| {
                        COMPOSITE_RIGHTS
                            .iter()
                            .find(|(c, _, _)| c.as_bytes() == chunk)
                            .map(|(_, v, _)| *v)
                    })
            };
            v |= found.ok_or_else(|| {
                self.err_at(
                    pos + 2 * i,
                    format!("unknown right {:?}", String::from_utf8_lossy(chunk)),
                )
            })?;
        }
        Ok(v)
    }
}
