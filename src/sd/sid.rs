//! Security identifier (MS-DTYP 2.4.2): binary form (2.4.2.2) and string form (2.4.2.1).

use std::fmt;
use std::str::FromStr;

use super::error::{EncodeError, ParseError, Reader};

/// The most sub-authorities a SID may carry (MS-DTYP 2.4.2).
pub const MAX_SUB_AUTHORITIES: usize = 15;

/// A SID. Revision is always 1; the identifier authority is 48 bits.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sid {
    authority: u64,
    sub_authorities: Vec<u32>,
}

impl Sid {
    /// Builds a SID. Fails if the authority exceeds 48 bits or there are more than 15
    /// sub-authorities.
    pub fn new(authority: u64, sub_authorities: &[u32]) -> Result<Self, SidParseError> {
        if authority >= 1 << 48 {
            return Err(SidParseError("identifier authority exceeds 48 bits".into()));
        }
        if sub_authorities.len() > MAX_SUB_AUTHORITIES {
            return Err(SidParseError(format!(
                "{} sub-authorities, at most {MAX_SUB_AUTHORITIES} allowed",
                sub_authorities.len()
            )));
        }
        Ok(Self {
            authority,
            sub_authorities: sub_authorities.to_vec(),
        })
    }

    /// Everyone, `S-1-1-0`.
    pub fn everyone() -> Self {
        Self::well_known(1, &[0])
    }

    /// Authenticated Users, `S-1-5-11`.
    pub fn authenticated_users() -> Self {
        Self::well_known(5, &[11])
    }

    /// Principal Self, `S-1-5-10`: stands for the object's own account in ACEs.
    pub fn principal_self() -> Self {
        Self::well_known(5, &[10])
    }

    fn well_known(authority: u64, subs: &[u32]) -> Self {
        Self {
            authority,
            sub_authorities: subs.to_vec(),
        }
    }

    pub fn authority(&self) -> u64 {
        self.authority
    }

    pub fn sub_authorities(&self) -> &[u32] {
        &self.sub_authorities
    }

    /// The last sub-authority (the RID of an account SID).
    pub fn rid(&self) -> Option<u32> {
        self.sub_authorities.last().copied()
    }

    /// This SID with `rid` appended (a domain-relative account SID).
    pub fn with_rid(&self, rid: u32) -> Option<Self> {
        if self.sub_authorities.len() >= MAX_SUB_AUTHORITIES {
            return None;
        }
        let mut s = self.clone();
        s.sub_authorities.push(rid);
        Some(s)
    }

    /// The SID without its last sub-authority, i.e. the domain of an account SID.
    pub fn parent(&self) -> Option<Self> {
        let (_, rest) = self.sub_authorities.split_last()?;
        Some(Self {
            authority: self.authority,
            sub_authorities: rest.to_vec(),
        })
    }

    /// Byte length of the binary form.
    pub fn binary_len(&self) -> usize {
        8 + 4 * self.sub_authorities.len()
    }

    /// Decodes the binary form (MS-DTYP 2.4.2.2) from the front of `buf`, returning the SID
    /// and its length. `base` is the offset of `buf` within the outer buffer, for errors.
    pub fn from_bytes(buf: &[u8], base: usize) -> Result<(Self, usize), ParseError> {
        let mut r = Reader::new(buf, base, "SID");
        let sid = Self::read(&mut r)?;
        let len = sid.binary_len();
        Ok((sid, len))
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Result<Self, ParseError> {
        let start = r.offset();
        let revision = r.u8()?;
        if revision != 1 {
            return Err(ParseError::new(
                "SID",
                start,
                format!("revision {revision}, expected 1"),
            ));
        }
        let count = r.u8()? as usize;
        if count > MAX_SUB_AUTHORITIES {
            return Err(ParseError::new(
                "SID",
                start + 1,
                format!("{count} sub-authorities, at most {MAX_SUB_AUTHORITIES} allowed"),
            ));
        }
        let auth = r.bytes(6)?;
        let authority = auth.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        let mut sub_authorities = Vec::with_capacity(count);
        for _ in 0..count {
            sub_authorities.push(r.u32()?);
        }
        Ok(Self {
            authority,
            sub_authorities,
        })
    }

    /// Appends the binary form to `out`.
    pub fn write(&self, out: &mut Vec<u8>) {
        out.push(1);
        // The constructor and the parser both cap the count at 15.
        out.push(self.sub_authorities.len() as u8);
        out.extend_from_slice(&self.authority.to_be_bytes()[2..]);
        for s in &self.sub_authorities {
            out.extend_from_slice(&s.to_le_bytes());
        }
    }

    /// The binary form.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.binary_len());
        self.write(&mut out);
        out
    }

    /// Parses the binary form of an LDAP value such as `objectSid` or a `tokenGroups` entry; the
    /// value must be exactly one SID.
    pub fn from_ldap_value(bytes: &[u8]) -> Result<Self, ParseError> {
        let (sid, len) = Self::from_bytes(bytes, 0)?;
        if len != bytes.len() {
            return Err(ParseError::new(
                "SID",
                len,
                format!("{} trailing bytes", bytes.len() - len),
            ));
        }
        Ok(sid)
    }

    pub(crate) fn check_encodable(&self) -> Result<(), EncodeError> {
        if self.sub_authorities.len() > MAX_SUB_AUTHORITIES || self.authority >= 1 << 48 {
            return Err(EncodeError {
                what: "SID",
                reason: "out of range".into(),
            });
        }
        Ok(())
    }
}

/// The text was not a SID string.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a SID: {0}")]
pub struct SidParseError(pub String);

impl FromStr for Sid {
    type Err = SidParseError;

    /// Parses `S-1-<authority>-<sub>...`; the authority may be decimal or `0x` hex (MS-DTYP
    /// 2.4.2.1). `s-` is accepted as well as `S-`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = |why: &str| SidParseError(format!("{s:?}: {why}"));
        let rest = s
            .strip_prefix("S-")
            .or_else(|| s.strip_prefix("s-"))
            .ok_or_else(|| bad("does not start with S-"))?;
        let mut parts = rest.split('-');
        if parts.next() != Some("1") {
            return Err(bad("revision must be 1"));
        }
        let auth = parts.next().ok_or_else(|| bad("no identifier authority"))?;
        let authority = if let Some(hex) = auth.strip_prefix("0x").or(auth.strip_prefix("0X")) {
            u64::from_str_radix(hex, 16).map_err(|_| bad("bad hex authority"))?
        } else {
            parse_decimal(auth).ok_or_else(|| bad("bad authority"))?
        };
        let subs = parts
            .map(|p| {
                parse_decimal(p)
                    .and_then(|v| u32::try_from(v).ok())
                    .ok_or_else(|| bad("bad sub-authority"))
            })
            .collect::<Result<Vec<u32>, _>>()?;
        Sid::new(authority, &subs).map_err(|e| bad(&e.0))
    }
}

fn parse_decimal(s: &str) -> Option<u64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl fmt::Display for Sid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.authority >= 1 << 32 {
            write!(f, "S-1-0x{:012X}", self.authority)?;
        } else {
            write!(f, "S-1-{}", self.authority)?;
        }
        for s in &self.sub_authorities {
            write!(f, "-{s}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Sid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Sid({self})")
    }
}

impl serde::Serialize for Sid {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Sid {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sid_string_and_binary_forms_agree() {
        let sid: Sid = "S-1-5-21-1004336348-1177238915-682003330-512"
            .parse()
            .unwrap();
        let bytes = sid.to_bytes();
        assert_eq!(&bytes[..8], &[1, 5, 0, 0, 0, 0, 0, 5]);
        assert_eq!(Sid::from_ldap_value(&bytes).unwrap(), sid);
        assert_eq!(
            sid.to_string(),
            "S-1-5-21-1004336348-1177238915-682003330-512"
        );
        assert_eq!(sid.rid(), Some(512));
    }

    #[test]
    fn sid_with_large_authority_prints_as_hex() {
        let sid = Sid::new(0x1_0000_0000, &[7]).unwrap();
        assert_eq!(sid.to_string(), "S-1-0x000100000000-7");
        assert_eq!(sid.to_string().parse::<Sid>().unwrap(), sid);
    }

    #[test]
    fn sid_rejects_bad_text_and_truncated_bytes() {
        for bad in ["", "S-2-5", "S-1", "S-1-5-x", "S-1-5-4294967296", "X-1-5"] {
            assert!(bad.parse::<Sid>().is_err(), "{bad}");
        }
        let err = Sid::from_bytes(&[1, 2, 0, 0, 0, 0, 0, 5, 1, 0, 0, 0], 100).unwrap_err();
        assert_eq!(err.offset, 112);
        assert!(Sid::from_bytes(&[1, 16, 0, 0, 0, 0, 0, 5], 0).is_err());
        assert!(Sid::from_ldap_value(&[1, 0, 0, 0, 0, 0, 0, 5, 9]).is_err());
    }
}
