//! Errors of the security-descriptor codec.

use thiserror::Error;

/// A binary structure could not be decoded. `offset` is the byte offset, from the start of the
/// buffer handed to the parser, at which the problem was found.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("invalid {what} at byte offset {offset}: {reason}")]
pub struct ParseError {
    pub what: &'static str,
    pub offset: usize,
    pub reason: String,
}

impl ParseError {
    pub(crate) fn new(what: &'static str, offset: usize, reason: impl Into<String>) -> Self {
        Self {
            what,
            offset,
            reason: reason.into(),
        }
    }
}

/// A value could not be encoded (for example an ACL larger than 64 KiB).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("cannot encode {what}: {reason}")]
pub struct EncodeError {
    pub what: &'static str,
    pub reason: String,
}

/// An SDDL string could not be parsed, or a descriptor cannot be written as SDDL.
/// `position` is the character index in the SDDL text (0 when printing).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("SDDL error at character {position}: {reason}")]
pub struct SddlError {
    pub position: usize,
    pub reason: String,
}

impl SddlError {
    pub(crate) fn new(position: usize, reason: impl Into<String>) -> Self {
        Self {
            position,
            reason: reason.into(),
        }
    }
}

/// A bounds-checked little-endian reader over a byte slice. `base` is the offset of `buf[0]` in
/// the outermost buffer, so errors report absolute offsets.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    base: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8], base: usize, what: &'static str) -> Self {
        Self {
            buf,
            pos: 0,
            base,
            what,
        }
    }

    pub(crate) fn offset(&self) -> usize {
        self.base + self.pos
    }

    pub(crate) fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    pub(crate) fn err(&self, reason: impl Into<String>) -> ParseError {
        ParseError::new(self.what, self.offset(), reason)
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Result<&'a [u8], ParseError> {
        if self.remaining() < n {
            return Err(self.err(format!(
                "need {n} more bytes, only {} left",
                self.remaining()
            )));
        }
        let out = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(out)
    }

    pub(crate) fn u8(&mut self) -> Result<u8, ParseError> {
        Ok(self.bytes(1)?[0])
    }

    pub(crate) fn u16(&mut self) -> Result<u16, ParseError> {
        let b = self.bytes(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    pub(crate) fn u32(&mut self) -> Result<u32, ParseError> {
        let b = self.bytes(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    pub(crate) fn rest(&mut self) -> &'a [u8] {
        let out = &self.buf[self.pos..];
        self.pos = self.buf.len();
        out
    }
}
