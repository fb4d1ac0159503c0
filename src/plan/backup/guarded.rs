//! Writing one value without losing a change made by someone else: a compare-and-swap modify
//! where the DC supports it, else a replace guarded by the value and the replication version.

use super::{DACL_ATTRIBUTE, read_current};
use crate::ad::{AdError, Connection, controls};

/// How a value was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    /// In one compare-and-swap modify: the DC checked the old value.
    Swapped,
    /// The DC does not support that for this attribute (Samba refuses MOD_DELETE on
    /// nTSecurityDescriptor): replaced after checking the value just before, with the
    /// attribute's replication version read before and after to see any other write.
    Guarded,
}

/// attributeID of nTSecurityDescriptor in the replication metadata (MS-ADTS prefix table:
/// 1.2.840.113556.1.2 is prefix 2; 281 = 0x119).
const ATTID_NT_SECURITY_DESCRIPTOR: u32 = 0x0002_0119;

/// The replication version of nTSecurityDescriptor of `dn` (from `replPropertyMetaData`,
/// MS-DRSR 5.166): it rises by one with every write.
async fn sd_version(conn: &mut Connection, dn: &str) -> Result<Option<u32>, AdError> {
    let Some(entry) = conn.read(dn, &["replPropertyMetaData"], vec![]).await? else {
        return Ok(None);
    };
    Ok(entry
        .first("replPropertyMetaData")
        .and_then(|blob| metadata_version(blob, ATTID_NT_SECURITY_DESCRIPTOR)))
}

/// The version of `attid` in a replPropertyMetaDataBlob (version 1): header of 16 bytes, then
/// 48-byte entries of attid, version, change time, invocation id, originating and local USN.
pub fn metadata_version(blob: &[u8], attid: u32) -> Option<u32> {
    let u32_at = |i: usize| -> Option<u32> {
        Some(u32::from_le_bytes(blob.get(i..i + 4)?.try_into().ok()?))
    };
    if u32_at(0)? != 1 {
        return None;
    }
    let count = usize::try_from(u32_at(8)?).ok()?;
    (0..count.min(4096)).find_map(|k| {
        let at = 16 + k * 48;
        (u32_at(at)? == attid).then(|| u32_at(at + 4)).flatten()
    })
}

/// A concurrent change seen while writing.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{dn}: {what}")]
pub struct Concurrent {
    pub dn: String,
    pub what: String,
}

/// Writes `new` over `old` on `dn`'s `attribute` without losing a change made by someone else:
/// a compare-and-swap modify where the DC supports it, else a replace guarded by the value and
/// the replication version. `Err(Ok(..))` is a concurrent change (nothing lost in the swap case;
/// in the guarded case the other write was seen), `Err(Err(..))` a directory error.
pub async fn write_guarded(
    conn: &mut Connection,
    dn: &str,
    attribute: &str,
    old: &[Vec<u8>],
    new: Vec<Vec<u8>>,
) -> Result<Written, Result<Concurrent, AdError>> {
    let dacl = attribute.eq_ignore_ascii_case(DACL_ATTRIBUTE);
    let sd_controls = || {
        if dacl {
            vec![controls::sd_flags(controls::DACL)]
        } else {
            vec![]
        }
    };
    let (code, text) = conn
        .modify_swap(dn, attribute, old.to_vec(), new.clone(), sd_controls())
        .await
        .map_err(Err)?;
    match code {
        0 => return Ok(Written::Swapped),
        // The old value is no longer there: someone changed it.
        16 | 20 => {
            return Err(Ok(Concurrent {
                dn: dn.to_string(),
                what: format!(
                    "{attribute} changed just before the write (the DC refused the swap: {text})"
                ),
            }));
        }
        53 if dacl => {}
        _ => {
            return Err(Err(AdError::Operation {
                op: "modify",
                dn: dn.to_string(),
                code,
                text,
            }));
        }
    }
    // Guarded replace.
    let before = sd_version(conn, dn).await.map_err(Err)?;
    let now = read_current(conn, dn, attribute).await.map_err(Err)?;
    if now != old {
        return Err(Ok(Concurrent {
            dn: dn.to_string(),
            what: format!("{attribute} changed just before the write"),
        }));
    }
    conn.replace(dn, attribute, new, sd_controls())
        .await
        .map_err(Err)?;
    let after = sd_version(conn, dn).await.map_err(Err)?;
    if let (Some(b), Some(a)) = (before, after)
        && a != b.wrapping_add(1)
    {
        return Err(Ok(Concurrent {
            dn: dn.to_string(),
            what: format!(
                "another write to {attribute} landed while this one was made (version {b} → {a}); look at it before going on"
            ),
        }));
    }
    Ok(Written::Guarded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sd_version_is_read_from_replication_metadata() {
        let mut blob = vec![1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0];
        for (attid, version) in [(0x0009_004e_u32, 3u32), (ATTID_NT_SECURITY_DESCRIPTOR, 29)] {
            blob.extend(attid.to_le_bytes());
            blob.extend(version.to_le_bytes());
            blob.extend([0u8; 40]);
        }
        assert_eq!(
            metadata_version(&blob, ATTID_NT_SECURITY_DESCRIPTOR),
            Some(29)
        );
        assert_eq!(metadata_version(&blob, 0x1234), None);
        assert_eq!(
            metadata_version(&blob[..20], ATTID_NT_SECURITY_DESCRIPTOR),
            None
        );
        assert_eq!(metadata_version(&[], 1), None);
    }
}
