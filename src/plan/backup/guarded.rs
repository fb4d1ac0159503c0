//! Writing one value without losing someone else's change unseen, in the strongest way the DC
//! offers:
//!
//! 1. **Compare-and-swap**: one modify that deletes exactly the old values and adds the new
//!    ones. The DC applies both or neither, so a value changed in between is refused (16/20)
//!    and nothing is lost. (Samba refuses to delete a value of `nTSecurityDescriptor`, 53.)
//! 2. **Assertion**, where the rootDSE lists the LDAP assertion control (RFC 4528): a replace
//!    the DC performs only while the object's `uSNChanged` is still the one just read. A write
//!    in between makes the DC refuse (122) and nothing is lost. (Samba 4.17 and Windows do not
//!    list it.)
//! 3. **Guarded replace** otherwise: the attribute's replication version is read immediately
//!    before the write, the value is compared, the value is replaced, and the version is read
//!    again. Any other write in between raises the version by more than one: the write is
//!    counted as made, and the caller is told whether the other write was overwritten (the
//!    value now is the tool's: what it changed is lost) or came after (the value now is not the
//!    tool's: it is kept), with the value now against the backup's.

use super::{DACL_ATTRIBUTE, read_current, same_written, value_diff};
use crate::ad::{AdError, Connection, controls};
use crate::sd::DomainContext;

/// How a value was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Written {
    /// In one compare-and-swap modify: the DC checked the old value.
    Swapped,
    /// In one replace the DC made only while the object was unchanged.
    Asserted,
    /// Replaced after checking the value, and no other write was seen.
    Guarded,
    /// Replaced, but another write landed between the check and the write, or right after:
    /// see [`Race`]. The tool's write is made.
    Raced(Race),
}

/// Another write to the same value, seen around the tool's own.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "another write to {dn} ({attribute}) landed while the tool wrote it (version {before} → {after}); {}",
    if *.overwritten { "the tool's write replaced it, so what it changed is lost" } else { "it came after the tool's write and is kept" }
)]
pub struct Race {
    pub dn: String,
    pub attribute: String,
    /// The attribute's replication version just before the write and just after.
    pub before: u32,
    pub after: u32,
    /// The value now is the tool's: the other write landed first and was overwritten.
    pub overwritten: bool,
    /// The value now against the reference (the backup's value before apply): SDDL lines for a
    /// DACL, the values otherwise.
    pub diff: Vec<String>,
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

/// A concurrent change that stopped the write before it was made: nothing was written.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{dn}: {what}")]
pub struct Concurrent {
    pub dn: String,
    pub what: String,
}

/// One value to write.
pub struct Write<'a> {
    pub dn: &'a str,
    pub attribute: &'a str,
    /// The value the write was decided on.
    pub old: &'a [Vec<u8>],
    pub new: Vec<Vec<u8>>,
    /// What a race is shown against: the backup's value before apply.
    pub reference: &'a [Vec<u8>],
    /// For SDDL in the race's diff.
    pub ctx: &'a DomainContext,
    /// The DC lists the LDAP assertion control.
    pub assertion: bool,
}

/// Writes `w.new` over `w.old` (see the module). `Err(Ok(..))`: a concurrent change stopped it
/// before anything was written; `Err(Err(..))`: a directory error.
pub async fn write_guarded(
    conn: &mut Connection,
    w: Write<'_>,
) -> Result<Written, Result<Concurrent, AdError>> {
    let dacl = w.attribute.eq_ignore_ascii_case(DACL_ATTRIBUTE);
    let sd_controls = || {
        if dacl {
            vec![controls::sd_flags(controls::DACL)]
        } else {
            vec![]
        }
    };
    let concurrent = |what: String| {
        Err(Ok(Concurrent {
            dn: w.dn.to_string(),
            what,
        }))
    };
    let (code, text) = conn
        .modify_swap(
            w.dn,
            w.attribute,
            w.old.to_vec(),
            w.new.clone(),
            sd_controls(),
        )
        .await
        .map_err(Err)?;
    match code {
        0 => return Ok(Written::Swapped),
        // The old value is no longer there: someone changed it.
        16 | 20 => {
            return concurrent(format!(
                "{} changed just before the write (the DC refused the swap: {text})",
                w.attribute
            ));
        }
        53 if dacl => {}
        _ => {
            return Err(Err(AdError::Operation {
                op: "modify",
                dn: w.dn.to_string(),
                code,
                text,
            }));
        }
    }
    if w.assertion {
        return asserted(conn, &w, sd_controls()).await;
    }
    // Guarded replace: the version first, then the value, then the write, then the version.
    let before = sd_version(conn, w.dn).await.map_err(Err)?;
    let now = read_current(conn, w.dn, w.attribute).await.map_err(Err)?;
    if !same_written(w.attribute, &now, w.old) {
        return concurrent(format!("{} changed just before the write", w.attribute));
    }
    conn.replace(w.dn, w.attribute, w.new.clone(), sd_controls())
        .await
        .map_err(Err)?;
    let after = sd_version(conn, w.dn).await.map_err(Err)?;
    let (Some(b), Some(a)) = (before, after) else {
        return Ok(Written::Guarded);
    };
    if a == b.wrapping_add(1) {
        return Ok(Written::Guarded);
    }
    let current = read_current(conn, w.dn, w.attribute).await.map_err(Err)?;
    Ok(Written::Raced(Race {
        dn: w.dn.to_string(),
        attribute: w.attribute.to_string(),
        before: b,
        after: a,
        overwritten: same_written(w.attribute, &current, &w.new),
        diff: value_diff(w.attribute, w.reference, &current, w.ctx),
    }))
}

/// A replace conditional on the object's `uSNChanged` being the one just read.
async fn asserted(
    conn: &mut Connection,
    w: &Write<'_>,
    mut controls: Vec<ldap3::controls::RawControl>,
) -> Result<Written, Result<Concurrent, AdError>> {
    let entry = conn
        .read(w.dn, &["uSNChanged"], vec![])
        .await
        .map_err(Err)?;
    let usn = entry.as_ref().and_then(|e| e.text("uSNChanged"));
    let now = read_current(conn, w.dn, w.attribute).await.map_err(Err)?;
    let Some(usn) = usn.filter(|_| same_written(w.attribute, &now, w.old)) else {
        return Err(Ok(Concurrent {
            dn: w.dn.to_string(),
            what: format!("{} changed just before the write", w.attribute),
        }));
    };
    controls.push(controls::assert_equal("uSNChanged", &usn));
    let (code, text) = conn
        .modify_replace(w.dn, w.attribute, w.new.clone(), controls)
        .await
        .map_err(Err)?;
    match code {
        0 => Ok(Written::Asserted),
        // assertionFailed: the object changed after it was read; nothing was written.
        122 => Err(Ok(Concurrent {
            dn: w.dn.to_string(),
            what: format!(
                "{} changed just before the write (the DC refused the write: {text})",
                w.attribute
            ),
        })),
        _ => Err(Err(AdError::Operation {
            op: "modify",
            dn: w.dn.to_string(),
            code,
            text,
        })),
    }
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

    #[test]
    fn a_race_says_which_write_won() {
        let r = Race {
            dn: "DC=x".into(),
            attribute: "nTSecurityDescriptor".into(),
            before: 7,
            after: 9,
            overwritten: true,
            diff: Vec::new(),
        };
        assert!(r.to_string().contains("version 7 → 9"), "{r}");
        assert!(r.to_string().contains("is lost"), "{r}");
        let kept = Race {
            overwritten: false,
            ..r
        };
        assert!(kept.to_string().contains("is kept"), "{kept}");
    }
}
