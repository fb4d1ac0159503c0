//! What a backup may hold: only what `apply` writes. DACLs whose only difference is the
//! connector's writeback grants (and SE_DACL_PROTECTED cleared on a user whose stale adminCount
//! the same backup clears), `minPwdAge` and `msDS-MinimumPasswordAge` set to 0, and `adminCount`
//! cleared — each entry a change, all in the backup's domain. Checked before a backup is written
//! and before anything is restored from one, so a restore never stops half-way on a bad entry
//! and can only take the tool's own changes back.

use std::path::Path;

use super::{
    BACKUP_SCHEMA, Backup, BackupError, Entry, UNSIGNED_SCHEMA, explicit_part, same_written,
};
use crate::ad::discovery::is_within;
use crate::sd::{DomainContext, SecurityDescriptor, Sid, sddl};

impl Backup {
    /// Checks the backup is whole, unedited, and holds only what `apply` writes, so a restore
    /// never stops half-way on a bad entry and can only take the tool's own changes back.
    pub fn validate(&self, path: &Path) -> Result<(), BackupError> {
        let damaged = |reason: String| BackupError::Damaged {
            path: path.display().to_string(),
            reason,
        };
        if self.schema != BACKUP_SCHEMA && self.schema != UNSIGNED_SCHEMA {
            return Err(damaged(format!(
                "schema {} is not {BACKUP_SCHEMA}: it was written by another version",
                self.schema
            )));
        }
        if self.checksum != self.compute_checksum() {
            return Err(damaged("its checksum does not match its content".into()));
        }
        self.domain_sid
            .parse::<Sid>()
            .map_err(|_| damaged(format!("domain_sid {:?} is not a SID", self.domain_sid)))?;
        let connector: Sid = self.connector_sid.parse().map_err(|_| {
            damaged(format!(
                "connector_sid {:?} is not a SID",
                self.connector_sid
            ))
        })?;
        for (i, e) in self.entries.iter().enumerate() {
            let bad =
                |r: String| damaged(format!("entry {} ({} {}): {r}", i + 1, e.dn, e.attribute));
            if !is_within(&e.dn, &self.domain_dn) {
                return Err(bad(format!("not in the domain {}", self.domain_dn)));
            }
            let (original, written) = (e.values().map_err(&bad)?, e.written().map_err(&bad)?);
            if same_written(&e.attribute, &original, &written) {
                return Err(bad(
                    "it changes nothing, and apply only backs up what it changes".into(),
                ));
            }
            if e.unprotects && !self.clears_admin_count(&e.dn) {
                return Err(bad(
                    "it enables inheritance, which apply only does on a user whose stale adminCount it clears in the same run".into(),
                ));
            }
            match e.attribute.to_ascii_lowercase().as_str() {
                "ntsecuritydescriptor" => {
                    check_dacl_entry(e, &original, &written, &connector, &self.domain_dn)
                        .map_err(&bad)?
                }
                "minpwdage" | "msds-minimumpasswordage" => {
                    if !is_duration(&original) && !original.is_empty() {
                        return Err(bad("the original is not a password age".into()));
                    }
                    if written != [b"0".to_vec()] {
                        return Err(bad("apply only ever writes 0 here".into()));
                    }
                }
                "admincount" => {
                    if !(original.is_empty() || original == [b"1".to_vec()]) || !written.is_empty()
                    {
                        return Err(bad("apply only ever clears adminCount=1".into()));
                    }
                }
                other => return Err(bad(format!("apply never writes {other}"))),
            }
        }
        Ok(())
    }

    /// Whether this backup clears adminCount on `dn` (apply's stale-administrator change, the
    /// only one that enables inheritance).
    fn clears_admin_count(&self, dn: &str) -> bool {
        self.entries.iter().any(|e| {
            e.attribute.eq_ignore_ascii_case("adminCount")
                && crate::ad::dn::same(&e.dn, dn)
                && e.values().is_ok_and(|v| v == [b"1".to_vec()])
        })
    }
}

/// A single integer value that is a duration (0 or negative 100-ns ticks).
fn is_duration(values: &[Vec<u8>]) -> bool {
    match values {
        [v] => std::str::from_utf8(v)
            .ok()
            .and_then(|t| t.trim().parse::<i64>().ok())
            .is_some_and(|n| n <= 0),
        _ => false,
    }
}

/// A DACL entry: the written descriptor is the original's explicit part plus exactly `added`
/// (writeback grants to the connector), with inheritance enabled only where `unprotects` says.
fn check_dacl_entry(
    e: &Entry,
    original: &[Vec<u8>],
    written: &[Vec<u8>],
    connector: &Sid,
    domain_dn: &str,
) -> Result<(), String> {
    let ([o], [w]) = (original, written) else {
        return Err("a DACL entry needs one value before and one after".into());
    };
    let o = SecurityDescriptor::from_bytes(o).map_err(|e| e.to_string())?;
    let w = SecurityDescriptor::from_bytes(w).map_err(|e| e.to_string())?;
    if o.dacl.acl().is_none() || w.dacl.acl().is_none() {
        return Err("the descriptor has no DACL".into());
    }
    let added = e.added_aces()?;
    let mut allowed =
        crate::plan::validate::grants_for(connector, e.dn.eq_ignore_ascii_case(domain_dn));
    if e.dn
        .eq_ignore_ascii_case(&format!("CN=Server,CN=System,{domain_dn}"))
    {
        allowed.push(crate::plan::validate::sam_server_read(connector));
    }
    if let Some(a) = added.iter().find(|a| !allowed.contains(a)) {
        return Err(format!(
            "{} is not a writeback grant to {connector}",
            sddl::format_ace(a, &DomainContext::default()).unwrap_or_default()
        ));
    }
    let (o_protected, o_explicit) = explicit_part(&o);
    let (w_protected, mut w_explicit) = explicit_part(&w);
    for a in &added {
        match w_explicit.iter().position(|x| x == a) {
            Some(i) => {
                w_explicit.remove(i);
            }
            None => return Err("an added ACE is missing from the value written".into()),
        }
    }
    if w_explicit != o_explicit {
        return Err("the value written differs from the original by more than the grants".into());
    }
    let expected_protected = o_protected && !e.unprotects;
    if w_protected != expected_protected || (e.unprotects && !o_protected) {
        return Err("inheritance changes in a way apply never makes".into());
    }
    Ok(())
}
