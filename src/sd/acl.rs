//! ACL (MS-DTYP 2.4.5): an 8-byte header followed by AceCount ACEs, within AclSize bytes.

use super::ace::{Ace, AceBody};
use super::error::{EncodeError, ParseError, Reader};

/// ACL_REVISION: only non-object ACE types.
pub const ACL_REVISION: u8 = 2;
/// ACL_REVISION_DS: object ACE types may appear.
pub const ACL_REVISION_DS: u8 = 4;

/// An access control list.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Acl {
    /// AclRevision: 2 or 4.
    pub revision: u8,
    /// Sbz1 and Sbz2: reserved, kept as found.
    pub sbz1: u8,
    pub sbz2: u16,
    pub aces: Vec<Ace>,
    /// Bytes after the last ACE that AclSize still covers (padding), kept as found.
    pub trailing: Vec<u8>,
}

impl Default for Acl {
    fn default() -> Self {
        Self::new(Vec::new())
    }
}

impl Acl {
    /// An ACL with the lowest revision that can hold `aces`.
    pub fn new(aces: Vec<Ace>) -> Self {
        let mut acl = Self {
            revision: ACL_REVISION,
            sbz1: 0,
            sbz2: 0,
            aces,
            trailing: Vec::new(),
        };
        acl.raise_revision_if_needed();
        acl
    }

    /// Raises the revision to ACL_REVISION_DS when an object ACE is present (MS-DTYP 2.4.5:
    /// object ACEs require revision 4). Never lowers it.
    pub fn raise_revision_if_needed(&mut self) {
        if self.revision < ACL_REVISION_DS
            && self
                .aces
                .iter()
                .any(|a| matches!(a.body, AceBody::Object(_)))
        {
            self.revision = ACL_REVISION_DS;
        }
    }

    /// Encoded size in bytes (AclSize).
    pub fn encoded_len(&self) -> usize {
        8 + self.aces.iter().map(Ace::encoded_len).sum::<usize>() + self.trailing.len()
    }

    /// Decodes an ACL from the front of `buf`; `base` is `buf`'s offset in the outer buffer.
    pub fn from_bytes(buf: &[u8], base: usize) -> Result<Self, ParseError> {
        let mut r = Reader::new(buf, base, "ACL");
        let revision = r.u8()?;
        if revision != ACL_REVISION && revision != ACL_REVISION_DS {
            return Err(ParseError::new(
                "ACL",
                base,
                format!("AclRevision {revision}, expected 2 or 4"),
            ));
        }
        let sbz1 = r.u8()?;
        let size = usize::from(r.u16()?);
        let count = r.u16()?;
        let sbz2 = r.u16()?;
        if size < 8 {
            return Err(ParseError::new(
                "ACL",
                base + 2,
                format!("AclSize {size} is smaller than the 8-byte header"),
            ));
        }
        if size > buf.len() {
            return Err(ParseError::new(
                "ACL",
                base + 2,
                format!(
                    "AclSize {size} runs past the end of the data ({} bytes left)",
                    buf.len()
                ),
            ));
        }
        let mut body = Reader::new(&buf[8..size], base + 8, "ACL");
        // Each ACE needs at least 4 bytes, so a huge AceCount fails fast below.
        let mut aces = Vec::with_capacity(usize::from(count).min(size / 4));
        for i in 0..count {
            if body.remaining() < 4 {
                return Err(body.err(format!(
                    "AceCount is {count} but only {i} ACEs fit in AclSize {size}"
                )));
            }
            aces.push(Ace::read(&mut body)?);
        }
        let trailing = body.rest().to_vec();
        Ok(Self {
            revision,
            sbz1,
            sbz2,
            aces,
            trailing,
        })
    }

    /// Appends the binary form to `out`.
    pub fn write(&self, out: &mut Vec<u8>) -> Result<(), EncodeError> {
        let size = self.encoded_len();
        let size = u16::try_from(size).map_err(|_| EncodeError {
            what: "ACL",
            reason: format!("{size} bytes exceeds the 65535-byte AclSize limit"),
        })?;
        let count = u16::try_from(self.aces.len()).map_err(|_| EncodeError {
            what: "ACL",
            reason: "more than 65535 ACEs".into(),
        })?;
        out.push(self.revision);
        out.push(self.sbz1);
        out.extend_from_slice(&size.to_le_bytes());
        out.extend_from_slice(&count.to_le_bytes());
        out.extend_from_slice(&self.sbz2.to_le_bytes());
        for ace in &self.aces {
            ace.write(out)?;
        }
        out.extend_from_slice(&self.trailing);
        Ok(())
    }
}
