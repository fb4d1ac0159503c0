//! When and where an attribute last changed: an object's replication metadata
//! (`replPropertyMetaData`, MS-DRSR 5.166 `PROPERTY_META_DATA_EXT_VECTOR`) — per attribute its
//! version, the originating change time, the invocation ID of the DC where the change was made,
//! and the USNs — and the DC behind an invocation ID (the `nTDSDSA` object that holds it).
//!
//! Samba 4.17 does not construct `msDS-ReplAttributeMetaData`, so the binary blob is read on
//! every DC. Attributes are named by their ATTRTYP: for an attributeID whose prefix is in the
//! fixed part of the prefix table (MS-DRSR 5.16.4: `2.5.4` is 0, `1.2.840.113556.1.2` is 2,
//! `1.2.840.113556.1.4` is 9 in every forest) and whose last arc is below 16384, the ATTRTYP is
//! the prefix's index times 65536 plus the last arc.

use std::collections::HashMap;

use ldap3::Scope;

use super::{AdError, Connection};
use crate::sd::Guid;

/// The attributes whose changes decide writeback, with their ATTRTYP.
pub const WATCHED: &[(&str, u32)] = &[
    // 1.2.840.113556.1.2.281
    ("nTSecurityDescriptor", 0x0002_0119),
    // 1.2.840.113556.1.4.78
    ("minPwdAge", 0x0009_004e),
    // 1.2.840.113556.1.4.2012
    ("msDS-MinimumPasswordAge", 0x0009_07dc),
    // 1.2.840.113556.1.4.2023
    ("msDS-PasswordSettingsPrecedence", 0x0009_07e7),
    // 1.2.840.113556.1.4.150
    ("adminCount", 0x0009_0096),
    // 1.2.840.113556.1.4.891
    ("gPLink", 0x0009_037b),
];

/// Seconds between 1601-01-01 (the metadata's epoch) and 1970-01-01.
const EPOCH_1601: u64 = 11_644_473_600;

/// The last change of one attribute of one object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub attid: u32,
    /// Rises by one with every originating write.
    pub version: u32,
    /// When the change was made, seconds since 1970 (UTC).
    pub time: u64,
    /// The invocation ID of the DC where it was made.
    pub invocation: Guid,
    pub originating_usn: i64,
    pub local_usn: i64,
}

/// Every attribute's stamp in a `replPropertyMetaData` blob (version 1): a header of 16 bytes
/// (version, reserved, count, reserved), then 48-byte entries. A malformed blob gives what it
/// holds whole, never a panic.
pub fn parse(blob: &[u8]) -> Vec<Stamp> {
    let u32_at = |i: usize| -> Option<u32> {
        Some(u32::from_le_bytes(blob.get(i..i + 4)?.try_into().ok()?))
    };
    let u64_at = |i: usize| -> Option<u64> {
        Some(u64::from_le_bytes(blob.get(i..i + 8)?.try_into().ok()?))
    };
    if u32_at(0) != Some(1) {
        return Vec::new();
    }
    let count = u32_at(8).unwrap_or(0).min(4096) as usize;
    (0..count)
        .map_while(|k| {
            let at = 16 + k * 48;
            Some(Stamp {
                attid: u32_at(at)?,
                version: u32_at(at + 4)?,
                time: u64_at(at + 8)?.saturating_sub(EPOCH_1601),
                invocation: Guid::from_slice(blob.get(at + 16..at + 32)?)?,
                originating_usn: u64_at(at + 32)? as i64,
                local_usn: u64_at(at + 40)? as i64,
            })
        })
        .collect()
}

/// The watched attribute's name for an ATTRTYP.
pub fn name_of(attid: u32) -> Option<&'static str> {
    WATCHED.iter().find(|(_, a)| *a == attid).map(|(n, _)| *n)
}

impl Connection {
    /// The stamps of the watched attributes of `dn` (`None`: no such object).
    pub async fn stamps(&mut self, dn: &str) -> Result<Option<Vec<Stamp>>, AdError> {
        let Some(entry) = self.read(dn, &["replPropertyMetaData"], vec![]).await? else {
            return Ok(None);
        };
        Ok(Some(
            entry
                .first("replPropertyMetaData")
                .map(parse)
                .unwrap_or_default()
                .into_iter()
                .filter(|s| name_of(s.attid).is_some())
                .collect(),
        ))
    }

    /// Every DC of the forest by invocation ID: its server's name (`CN=DC1,CN=Servers,…` →
    /// `DC1`, or its dNSHostName where the server object has one).
    pub async fn dcs_by_invocation(
        &mut self,
        configuration_dn: &str,
    ) -> Result<HashMap<Guid, String>, AdError> {
        let sites = format!("CN=Sites,{configuration_dn}");
        let found = self
            .search(
                &sites,
                Scope::Subtree,
                "(objectClass=nTDSDSA)",
                &["invocationId"],
                vec![],
            )
            .await?;
        let mut out = HashMap::new();
        for e in found {
            let Some(id) = e.first("invocationId").and_then(Guid::from_slice) else {
                continue;
            };
            // The NTDS Settings' parent is the server object.
            let server = super::dn::parent_dn(&e.dn).unwrap_or_default().to_string();
            let name = match self.read(&server, &["dNSHostName"], vec![]).await? {
                Some(s) => s.text("dNSHostName"),
                None => None,
            };
            let name = name.unwrap_or_else(|| {
                super::dn::components(&server)
                    .and_then(|c| c.into_iter().next())
                    .map_or(server.clone(), |(_, v)| v)
            });
            out.insert(id, name);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(attid: u32, version: u32, time: u64, usn: u64) -> Vec<u8> {
        let mut e = Vec::new();
        e.extend(attid.to_le_bytes());
        e.extend(version.to_le_bytes());
        e.extend((time + EPOCH_1601).to_le_bytes());
        e.extend([7u8; 16]);
        e.extend(usn.to_le_bytes());
        e.extend(usn.to_le_bytes());
        e
    }

    #[test]
    fn stamps_are_read_whole_and_a_short_blob_gives_what_it_holds() {
        let mut blob = vec![1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0];
        blob.extend(entry(0x0002_0119, 8, 1_796_000_000, 27_157));
        blob.extend(entry(0x0009_07dc, 3, 1_796_000_100, 27_158));
        let all = parse(&blob);
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].version, 8);
        assert_eq!(all[0].time, 1_796_000_000);
        assert_eq!(all[1].originating_usn, 27_158);
        assert_eq!(name_of(all[1].attid), Some("msDS-MinimumPasswordAge"));
        // Cut in the middle of the second entry: the first alone.
        assert_eq!(parse(&blob[..16 + 48 + 20]).len(), 1);
        // A count far larger than the blob, another version, nothing: no panic.
        let mut lying = blob.clone();
        lying[8..12].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(parse(&lying).len(), 2);
        assert!(parse(&[2, 0, 0, 0]).is_empty());
        assert!(parse(&[]).is_empty());
    }
}
