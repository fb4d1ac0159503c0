//! GUID (MS-DTYP 2.3.4): 16 bytes whose first three fields are little-endian on the wire
//! ("mixed-endian"), printed as `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.

use std::fmt;
use std::str::FromStr;

use super::error::{ParseError, Reader};

/// A GUID in its wire layout (MS-DTYP 2.3.4.2).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Guid([u8; 16]);

impl Guid {
    /// Builds a GUID from its wire bytes.
    pub const fn from_bytes(bytes: [u8; 16]) -> Self {
        Self(bytes)
    }

    /// The wire bytes (MS-DTYP 2.3.4.2).
    pub const fn to_bytes(self) -> [u8; 16] {
        self.0
    }

    /// Parses the textual form at compile time; panics (at compile time) on a malformed literal.
    /// Use for constants only.
    pub const fn from_str_const(s: &str) -> Self {
        match parse_text(s.as_bytes()) {
            Some(g) => g,
            None => panic!("malformed GUID literal"),
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ParseError> {
        let b = r.bytes(16)?;
        let mut out = [0u8; 16];
        out.copy_from_slice(b);
        Ok(Self(out))
    }

    /// Parses from the 16 wire bytes of an LDAP attribute value such as `schemaIDGUID`.
    pub fn from_slice(bytes: &[u8]) -> Option<Self> {
        <[u8; 16]>::try_from(bytes).ok().map(Self)
    }
}

const fn hex_val(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// Text positions of the 16 bytes, in text order, and where each lands on the wire.
const TEXT_TO_WIRE: [usize; 16] = [3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15];

const fn parse_text(s: &[u8]) -> Option<Guid> {
    let (start, len) = if s.len() == 38 && s[0] == b'{' && s[37] == b'}' {
        (1, 36)
    } else {
        (0, s.len())
    };
    if len != 36 {
        return None;
    }
    let mut out = [0u8; 16];
    let mut byte = 0;
    let mut i = 0;
    while i < 36 {
        if i == 8 || i == 13 || i == 18 || i == 23 {
            if s[start + i] != b'-' {
                return None;
            }
            i += 1;
            continue;
        }
        let hi = match hex_val(s[start + i]) {
            Some(v) => v,
            None => return None,
        };
        let lo = match hex_val(s[start + i + 1]) {
            Some(v) => v,
            None => return None,
        };
        out[TEXT_TO_WIRE[byte]] = (hi << 4) | lo;
        byte += 1;
        i += 2;
    }
    Some(Guid(out))
}

/// The text was not a GUID.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a GUID: {0:?} (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)")]
pub struct GuidParseError(pub String);

impl FromStr for Guid {
    type Err = GuidParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_text(s.as_bytes()).ok_or_else(|| GuidParseError(s.to_string()))
    }
}

impl fmt::Display for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, &wire) in TEXT_TO_WIRE.iter().enumerate() {
            if matches!(i, 4 | 6 | 8 | 10) {
                f.write_str("-")?;
            }
            write!(f, "{:02x}", self.0[wire])?;
        }
        Ok(())
    }
}

impl fmt::Debug for Guid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Guid({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guid_text_round_trips_and_uses_mixed_endian_wire_layout() {
        let g: Guid = "00299570-246d-11d0-a768-00aa006e0529".parse().unwrap();
        assert_eq!(
            g.to_bytes(),
            [
                0x70, 0x95, 0x29, 0x00, 0x6d, 0x24, 0xd0, 0x11, 0xa7, 0x68, 0x00, 0xaa, 0x00, 0x6e,
                0x05, 0x29
            ]
        );
        assert_eq!(g.to_string(), "00299570-246d-11d0-a768-00aa006e0529");
        let braced: Guid = "{00299570-246D-11D0-A768-00AA006E0529}".parse().unwrap();
        assert_eq!(braced, g);
    }

    #[test]
    fn guid_rejects_malformed_text() {
        for bad in [
            "",
            "00299570-246d-11d0-a768-00aa006e052",
            "00299570x246d-11d0-a768-00aa006e0529",
            "0029957g-246d-11d0-a768-00aa006e0529",
            "{00299570-246d-11d0-a768-00aa006e0529",
        ] {
            assert!(bad.parse::<Guid>().is_err(), "{bad}");
        }
    }
}
