//! Backups: for every value a plan changes, what it was before and what `apply` writes, sealed
//! with a checksum, written and fsynced (mode 0600) before the first write. A restore undoes
//! exactly what `apply` did and keeps every other change made since; a damaged, edited or
//! foreign backup is refused before anything is written.
//!
//! What a backup may hold is limited to what `apply` writes: DACLs whose only difference is the
//! connector's writeback grants (and SE_DACL_PROTECTED cleared on a user whose stale adminCount
//! is cleared), `minPwdAge` and `msDS-MinimumPasswordAge` set to 0, and `adminCount` cleared —
//! all in the backup's domain. So even a restore of the whole original value can only take the
//! tool's own changes back.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ad::discovery::is_within;
use crate::ad::{AdError, Connection, controls};
use crate::sd::canonical::remove_explicit;
use crate::sd::{Ace, Control, DomainContext, SecurityDescriptor, Sid, sddl};
use crate::sddl_input;

/// The backup file's schema version (2: before and after, sealed).
pub const BACKUP_SCHEMA: u32 = 2;

/// The attribute name under which DACLs are kept (read and written with SD flags = DACL).
pub const DACL_ATTRIBUTE: &str = "nTSecurityDescriptor";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    pub schema: u32,
    pub tool: String,
    pub tool_version: String,
    pub time: String,
    /// The DC the originals were read from.
    pub dc: String,
    pub domain_dn: String,
    pub domain_sid: String,
    /// The account the grants went to: the only ACEs a restore removes are its grants.
    #[serde(default)]
    pub connector_sid: String,
    pub entries: Vec<Entry>,
    /// SHA-256 of the rest, hex.
    #[serde(default)]
    pub checksum: String,
}

/// One value: before, and what apply writes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub dn: String,
    /// `nTSecurityDescriptor` (the DACL-only descriptor) or an attribute name.
    pub attribute: String,
    /// Each value before apply, base64; empty when the attribute was absent.
    pub original_base64: Vec<String>,
    /// Each value apply writes, base64 (for a DACL, the descriptor it sends; the DC adds the
    /// inherited ACEs).
    #[serde(default)]
    pub written_base64: Vec<String>,
    /// DACLs: the explicit ACEs apply adds (SDDL, SIDs spelled out).
    #[serde(default)]
    pub added: Vec<String>,
    /// DACLs: apply enables inheritance (clears SE_DACL_PROTECTED).
    #[serde(default)]
    pub unprotects: bool,
    /// The DACL before, in SDDL, for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sddl: Option<String>,
}

/// Why a backup cannot be used or a restore failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BackupError {
    #[error("cannot read the backup file {path}: {reason}")]
    Read { path: String, reason: String },
    #[error(
        "the backup file {path} is damaged, truncated or was edited ({reason}); nothing was written"
    )]
    Damaged { path: String, reason: String },
    #[error(
        "the backup file {path} was made for domain {backup_sid}, but this is {domain_sid}; nothing was written"
    )]
    OtherDomain {
        path: String,
        backup_sid: String,
        domain_sid: String,
    },
    #[error("cannot write the backup file {path}: {reason}. Nothing was changed in the directory.")]
    Write { path: String, reason: String },
    #[error("the backup file {path} already exists; choose a new name so no backup is overwritten")]
    Exists { path: String },
    #[error(
        "{dn} ({attribute}) changed since apply wrote it, so its whole original value is not put back (that would undo someone else's change); nothing was written"
    )]
    ChangedSince { dn: String, attribute: String },
    #[error("restoring {dn}: {source}")]
    Restore {
        dn: String,
        #[source]
        source: AdError,
    },
    #[error("after restoring {dn}, the directory holds something else than planned: {detail}")]
    Verify { dn: String, detail: String },
    #[error(transparent)]
    Directory(#[from] AdError),
}

fn decode_all(values: &[String]) -> Result<Vec<Vec<u8>>, String> {
    values
        .iter()
        .map(|v| sddl_input::decode_blob(v).map_err(|e| e.to_string()))
        .collect()
}

/// Explicit ACEs and SE_DACL_PROTECTED: what a DACL write controls (the DC computes the
/// inherited ACEs itself).
pub fn explicit_part(sd: &SecurityDescriptor) -> (bool, Vec<Ace>) {
    (
        sd.dacl_protected(),
        sd.dacl
            .acl()
            .map(|a| {
                a.aces
                    .iter()
                    .filter(|x| !x.is_inherited())
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
    )
}

impl Entry {
    /// The values before apply, as bytes.
    pub fn values(&self) -> Result<Vec<Vec<u8>>, String> {
        decode_all(&self.original_base64)
    }

    /// The values apply writes, as bytes.
    pub fn written(&self) -> Result<Vec<Vec<u8>>, String> {
        decode_all(&self.written_base64)
    }

    pub fn is_dacl(&self) -> bool {
        self.attribute.eq_ignore_ascii_case(DACL_ATTRIBUTE)
    }

    /// The ACEs apply adds, parsed.
    pub fn added_aces(&self) -> Result<Vec<Ace>, String> {
        self.added
            .iter()
            .map(|a| sddl::parse_ace(a, &DomainContext::default()).map_err(|e| format!("{a}: {e}")))
            .collect()
    }

    /// An entry for a DACL: `original` as read (SD flags = DACL), `written` as apply sends it.
    pub fn dacl(
        dn: &str,
        original: &[u8],
        written: &[u8],
        added: &[Ace],
        unprotects: bool,
        ctx: &DomainContext,
    ) -> Self {
        let full = DomainContext::default();
        Self {
            dn: dn.to_string(),
            attribute: DACL_ATTRIBUTE.to_string(),
            original_base64: vec![sddl_input::encode_base64(original)],
            written_base64: vec![sddl_input::encode_base64(written)],
            added: added
                .iter()
                .filter_map(|a| sddl::format_ace(a, &full).ok())
                .collect(),
            unprotects,
            sddl: SecurityDescriptor::from_bytes(original)
                .ok()
                .and_then(|sd| sddl::format(&sd, ctx).ok()),
        }
    }

    /// An entry for an attribute's values.
    pub fn attribute(dn: &str, attribute: &str, original: &[Vec<u8>], written: &[Vec<u8>]) -> Self {
        Self {
            dn: dn.to_string(),
            attribute: attribute.to_string(),
            original_base64: original
                .iter()
                .map(|v| sddl_input::encode_base64(v))
                .collect(),
            written_base64: written
                .iter()
                .map(|v| sddl_input::encode_base64(v))
                .collect(),
            added: Vec::new(),
            unprotects: false,
            sddl: None,
        }
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

impl Backup {
    /// The checksum over everything but itself.
    pub fn compute_checksum(&self) -> String {
        let mut copy = self.clone();
        copy.checksum = String::new();
        let bytes = serde_json::to_vec(&copy).unwrap_or_default();
        ring::digest::digest(&ring::digest::SHA256, &bytes)
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Seals the backup with its checksum.
    pub fn seal(&mut self) {
        self.checksum = self.compute_checksum();
    }

    /// Checks the backup is whole, unedited, and holds only what `apply` writes, so a restore
    /// never stops half-way on a bad entry and can only take the tool's own changes back.
    pub fn validate(&self, path: &Path) -> Result<(), BackupError> {
        let damaged = |reason: String| BackupError::Damaged {
            path: path.display().to_string(),
            reason,
        };
        if self.schema != BACKUP_SCHEMA {
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

    /// Reads and validates a backup file.
    pub fn load(path: &Path) -> Result<Self, BackupError> {
        let text = std::fs::read(path).map_err(|e| BackupError::Read {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let backup: Backup = serde_json::from_slice(&text).map_err(|e| BackupError::Damaged {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        backup.validate(path)?;
        Ok(backup)
    }

    /// Writes the backup to a new file, readable by its owner only (0600 on Unix; on Windows
    /// the file inherits the user profile folder's ACL), and makes it durable (file and folder
    /// fsynced) before returning. Never overwrites an existing file, and never follows a link
    /// (it is created exclusively). Should the process die while writing, the partial file
    /// fails validation — and nothing had been written to the directory yet.
    pub fn write_new(&self, path: &Path) -> Result<(), BackupError> {
        let fail = |e: std::io::Error| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                BackupError::Exists {
                    path: path.display().to_string(),
                }
            } else {
                BackupError::Write {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                }
            }
        };
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        crate::files::create_private_dir(&dir).map_err(fail)?;
        let json = serde_json::to_vec_pretty(self).map_err(|e| BackupError::Write {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let mut f = crate::files::create_private(path).map_err(fail)?;
        let written = (|| {
            let (head, tail) = json.split_at(json.len() / 2);
            f.write_all(head)?;
            crate::faults::hit("backup-half-written");
            f.write_all(tail)?;
            f.sync_all()
        })();
        if let Err(e) = written {
            // A backup that could not be written whole (the disk full, say) is not left behind
            // to be mistaken for one.
            drop(f);
            let _ = std::fs::remove_file(path);
            return Err(fail(e));
        }
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
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
    let allowed =
        crate::plan::validate::grants_for(connector, e.dn.eq_ignore_ascii_case(domain_dn));
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

/// The default backup location: a timestamped file in the platform data directory
/// (`$XDG_DATA_HOME/writeback-wizard/backups`, `%LOCALAPPDATA%\writeback-wizard\backups`).
pub fn default_path() -> PathBuf {
    let base = std::env::var_os("LOCALAPPDATA")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("XDG_DATA_HOME").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    let stamp = crate::clock::rfc3339_now().replace([':', '-'], "");
    base.join("writeback-wizard")
        .join("backups")
        .join(format!("backup-{stamp}.json"))
}

/// Reads the current value of `attribute` of `dn`.
pub async fn read_current(
    conn: &mut Connection,
    dn: &str,
    attribute: &str,
) -> Result<Vec<Vec<u8>>, AdError> {
    if attribute.eq_ignore_ascii_case(DACL_ATTRIBUTE) {
        let stored = conn.read_security_descriptor(dn, controls::DACL).await?;
        return stored
            .map(|s| vec![s.raw])
            .ok_or_else(|| AdError::Operation {
                op: "read security descriptor",
                dn: dn.to_string(),
                code: crate::ad::error::INSUFFICIENT_ACCESS,
                text: "the bound account may not read it".into(),
            });
    }
    Ok(conn
        .read(dn, &[attribute], vec![])
        .await?
        .map(|e| e.values(attribute).to_vec())
        .unwrap_or_default())
}

/// Equal as sets of values (LDAP attribute values have no order).
pub(crate) fn same_values(a: &[Vec<u8>], b: &[Vec<u8>]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a == b
}

/// Whether two values are the same for what a write controls: DACLs by their explicit part and
/// protection, attributes as sets of values.
pub fn same_written(attribute: &str, a: &[Vec<u8>], b: &[Vec<u8>]) -> bool {
    if !attribute.eq_ignore_ascii_case(DACL_ATTRIBUTE) {
        return same_values(a, b);
    }
    let parse = |v: &[Vec<u8>]| match v {
        [raw] => SecurityDescriptor::from_bytes(raw)
            .ok()
            .map(|sd| explicit_part(&sd)),
        _ => None,
    };
    matches!((parse(a), parse(b)), (Some(x), Some(y)) if x == y)
}

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

/// How to restore.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RestoreMode {
    /// Take back exactly what apply did: remove the ACEs it added, protect again what it
    /// unprotected, put back an attribute it changed — keeping every other change.
    #[default]
    Undo,
    /// Write the whole original value back; only where the value is still what apply wrote
    /// (else `force`).
    Whole { force: bool },
}

/// One value a restore looks at.
#[derive(Clone, Debug)]
pub struct RestoreItem {
    pub dn: String,
    pub attribute: String,
    pub current: Vec<Vec<u8>>,
    /// What will be written; `None` when nothing is to be written.
    pub target: Option<Vec<Vec<u8>>>,
    /// In words: what happens and why.
    pub note: String,
    /// The change in SDDL (DACLs) or values.
    pub diff: Vec<String>,
}

/// What a restore did.
#[derive(Clone, Debug, Default)]
pub struct RestoreReport {
    /// Entries written back.
    pub restored: Vec<String>,
    /// Entries that needed nothing.
    pub unchanged: Vec<String>,
    /// Entries left as they are (changed since apply by someone else).
    pub kept: Vec<String>,
}

fn attr_words(values: &[Vec<u8>]) -> String {
    if values.is_empty() {
        "(none)".into()
    } else {
        values
            .iter()
            .map(|v| String::from_utf8_lossy(v).into_owned())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Reads the current values and decides, for every entry, what a restore writes (nothing is
/// written here). Refuses a backup of another domain unless `force_domain`.
pub async fn prepare_restore(
    conn: &mut Connection,
    backup: &Backup,
    path: &Path,
    mode: RestoreMode,
    force_domain: bool,
) -> Result<Vec<RestoreItem>, BackupError> {
    backup.validate(path)?;
    let domain_sid = conn.domain_sid().await?.to_string();
    if domain_sid != backup.domain_sid && !force_domain {
        return Err(BackupError::OtherDomain {
            path: path.display().to_string(),
            backup_sid: backup.domain_sid.clone(),
            domain_sid,
        });
    }
    let damaged = |r: String| BackupError::Damaged {
        path: path.display().to_string(),
        reason: r,
    };
    let ctx = DomainContext::for_domain(
        backup
            .domain_sid
            .parse()
            .map_err(|_| damaged("domain SID".into()))?,
    );
    let mut items = Vec::new();
    for e in &backup.entries {
        let original = e.values().map_err(damaged)?;
        let written = e.written().map_err(damaged)?;
        let current = read_current(conn, &e.dn, &e.attribute)
            .await
            .map_err(|source| BackupError::Restore {
                dn: e.dn.clone(),
                source,
            })?;
        let item = |target: Option<Vec<Vec<u8>>>, note: &str, diff: Vec<String>| RestoreItem {
            dn: e.dn.clone(),
            attribute: e.attribute.clone(),
            current: current.clone(),
            target,
            note: note.to_string(),
            diff,
        };
        let still_written = same_written(&e.attribute, &current, &written);
        let at_original = same_written(&e.attribute, &current, &original);
        let whole = |items: &mut Vec<RestoreItem>| -> Result<(), BackupError> {
            if at_original {
                items.push(item(None, "already as before apply", Vec::new()));
                return Ok(());
            }
            if !still_written && !matches!(mode, RestoreMode::Whole { force: true }) {
                return Err(BackupError::ChangedSince {
                    dn: e.dn.clone(),
                    attribute: e.attribute.clone(),
                });
            }
            let diff = diff_of(&e.attribute, &current, &original, &ctx);
            items.push(item(
                Some(original.clone()),
                "the whole value before apply",
                diff,
            ));
            Ok(())
        };
        match mode {
            RestoreMode::Whole { .. } => whole(&mut items)?,
            RestoreMode::Undo if e.is_dacl() => {
                let [raw] = current.as_slice() else {
                    return Err(damaged(format!("{}: no security descriptor", e.dn)));
                };
                let now =
                    SecurityDescriptor::from_bytes(raw).map_err(|x| damaged(x.to_string()))?;
                let mut target = now.clone();
                let added = e.added_aces().map_err(damaged)?;
                if let Some(acl) = target.dacl.acl_mut() {
                    remove_explicit(acl, &added);
                    if e.unprotects {
                        acl.aces.retain(|a| !a.is_inherited());
                    }
                }
                if e.unprotects {
                    target.set_control(Control::DACL_PROTECTED, true);
                }
                if explicit_part(&target) == explicit_part(&now) {
                    items.push(item(None, "nothing apply added is left", Vec::new()));
                    continue;
                }
                let bytes = target.to_bytes().map_err(|x| damaged(x.to_string()))?;
                let diff = crate::plan::diff::lines(&now, &target, &ctx);
                let note = if still_written {
                    "remove what apply added"
                } else {
                    "remove what apply added; changes made since are kept"
                };
                items.push(item(Some(vec![bytes]), note, diff));
            }
            RestoreMode::Undo => {
                if at_original {
                    items.push(item(None, "already as before apply", Vec::new()));
                } else if still_written {
                    let diff = diff_of(&e.attribute, &current, &original, &ctx);
                    items.push(item(
                        Some(original.clone()),
                        "put back the value before apply",
                        diff,
                    ));
                } else {
                    items.push(item(
                        None,
                        &format!(
                            "changed since apply (now {}); left as it is",
                            attr_words(&current)
                        ),
                        Vec::new(),
                    ));
                }
            }
        }
    }
    Ok(items)
}

fn diff_of(attribute: &str, from: &[Vec<u8>], to: &[Vec<u8>], ctx: &DomainContext) -> Vec<String> {
    if attribute.eq_ignore_ascii_case(DACL_ATTRIBUTE) {
        let parse = |v: &[Vec<u8>]| match v {
            [raw] => SecurityDescriptor::from_bytes(raw).ok(),
            _ => None,
        };
        if let (Some(a), Some(b)) = (parse(from), parse(to)) {
            return crate::plan::diff::lines(&a, &b, ctx);
        }
    }
    vec![
        format!("- {attribute}: {}", attr_words(from)),
        format!("+ {attribute}: {}", attr_words(to)),
    ]
}

/// Writes what [`prepare_restore`] decided, each value compare-and-swapped (or guarded)
/// against the value it was decided on, then verifies. `on_line` gets one line per step.
pub async fn execute_restore(
    conn: &mut Connection,
    items: &[RestoreItem],
    mut on_line: impl FnMut(String),
) -> Result<RestoreReport, BackupError> {
    let mut report = RestoreReport::default();
    for (k, it) in items.iter().enumerate() {
        let Some(target) = &it.target else {
            on_line(format!(
                "unchanged: {} ({}): {}",
                it.dn, it.attribute, it.note
            ));
            if it.note.starts_with("changed since") {
                report.kept.push(it.dn.clone());
            } else {
                report.unchanged.push(it.dn.clone());
            }
            continue;
        };
        crate::faults::hit(&format!("restore-before-{k}"));
        // Read again: an earlier write of this restore may have moved inherited ACEs here (the
        // DC recomputes them); what was decided on is the explicit part.
        let now = read_current(conn, &it.dn, &it.attribute)
            .await
            .map_err(|source| BackupError::Restore {
                dn: it.dn.clone(),
                source,
            })?;
        if !same_written(&it.attribute, &now, &it.current) {
            return Err(BackupError::Verify {
                dn: it.dn.clone(),
                detail: format!(
                    "{} changed since the restore was prepared; nothing more was written. Run restore again to see what it would do now",
                    it.attribute
                ),
            });
        }
        match write_guarded(conn, &it.dn, &it.attribute, &now, target.clone()).await {
            Ok(_) => {}
            Err(Ok(c)) => {
                return Err(BackupError::Verify {
                    dn: it.dn.clone(),
                    detail: format!("{}; run restore again to see what it would do now", c.what),
                });
            }
            Err(Err(source)) => {
                return Err(BackupError::Restore {
                    dn: it.dn.clone(),
                    source,
                });
            }
        }
        crate::faults::hit(&format!("restore-after-{k}"));
        let now = read_current(conn, &it.dn, &it.attribute)
            .await
            .map_err(|source| BackupError::Restore {
                dn: it.dn.clone(),
                source,
            })?;
        if !same_written(&it.attribute, &now, target) {
            return Err(BackupError::Verify {
                dn: it.dn.clone(),
                detail: format!("{} reads back differently", it.attribute),
            });
        }
        on_line(format!(
            "restored: {} ({}): {}",
            it.dn, it.attribute, it.note
        ));
        report.restored.push(it.dn.clone());
    }
    Ok(report)
}

/// [`prepare_restore`] and [`execute_restore`] in one step (no confirmation in between).
pub async fn restore(
    conn: &mut Connection,
    backup: &Backup,
    path: &Path,
    mode: RestoreMode,
    force_domain: bool,
    on_line: impl FnMut(String),
) -> Result<RestoreReport, BackupError> {
    let items = prepare_restore(conn, backup, path, mode, force_domain).await?;
    execute_restore(conn, &items, on_line).await
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
