//! Backups: every original value a change will touch, written and fsynced before the first
//! write, and restored in one step. A damaged or foreign backup is refused before anything is
//! written.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ad::{AdError, Connection, controls};
use crate::sd::{DomainContext, SecurityDescriptor, sddl};
use crate::sddl_input;

/// The backup file's schema version.
pub const BACKUP_SCHEMA: u32 = 1;

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
    pub entries: Vec<Entry>,
}

/// One original value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub dn: String,
    /// `nTSecurityDescriptor` (the DACL-only descriptor) or an attribute name.
    pub attribute: String,
    /// Each value, base64; empty when the attribute was absent.
    pub original_base64: Vec<String>,
    /// The DACL in SDDL, for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sddl: Option<String>,
}

/// Why a backup cannot be used or a restore failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum BackupError {
    #[error("cannot read the backup file {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("the backup file {path} is damaged or truncated ({reason}); nothing was written")]
    Damaged { path: String, reason: String },
    #[error(
        "the backup file {path} was made for domain {backup_sid}, but this is {domain_sid}; nothing was written. Use --force only if you are sure."
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
    #[error("restoring {dn}: {source}")]
    Restore {
        dn: String,
        #[source]
        source: AdError,
    },
    #[error("after restoring {dn}, the directory holds something else than the backup: {detail}")]
    Verify { dn: String, detail: String },
    #[error(transparent)]
    Directory(#[from] AdError),
}

impl Entry {
    /// The original values as bytes.
    pub fn values(&self) -> Result<Vec<Vec<u8>>, String> {
        self.original_base64
            .iter()
            .map(|v| sddl_input::decode_blob(v).map_err(|e| e.to_string()))
            .collect()
    }

    pub fn is_dacl(&self) -> bool {
        self.attribute.eq_ignore_ascii_case(DACL_ATTRIBUTE)
    }

    /// An entry for a DACL read with SD flags = DACL.
    pub fn dacl(dn: &str, raw: &[u8], ctx: &DomainContext) -> Self {
        Self {
            dn: dn.to_string(),
            attribute: DACL_ATTRIBUTE.to_string(),
            original_base64: vec![sddl_input::encode_base64(raw)],
            sddl: SecurityDescriptor::from_bytes(raw)
                .ok()
                .and_then(|sd| sddl::format(&sd, ctx).ok()),
        }
    }

    /// An entry for an attribute's values.
    pub fn attribute(dn: &str, attribute: &str, values: &[Vec<u8>]) -> Self {
        Self {
            dn: dn.to_string(),
            attribute: attribute.to_string(),
            original_base64: values
                .iter()
                .map(|v| sddl_input::encode_base64(v))
                .collect(),
            sddl: None,
        }
    }
}

impl Backup {
    /// Checks every entry decodes (DACLs as descriptors with a DACL), so a restore never stops
    /// half-way on a bad entry.
    pub fn validate(&self, path: &Path) -> Result<(), BackupError> {
        let damaged = |reason: String| BackupError::Damaged {
            path: path.display().to_string(),
            reason,
        };
        if self.schema != BACKUP_SCHEMA {
            return Err(damaged(format!(
                "schema {} is not {BACKUP_SCHEMA}",
                self.schema
            )));
        }
        if self.domain_sid.parse::<crate::sd::Sid>().is_err() {
            return Err(damaged(format!(
                "domain_sid {:?} is not a SID",
                self.domain_sid
            )));
        }
        for (i, e) in self.entries.iter().enumerate() {
            let values = e
                .values()
                .map_err(|r| damaged(format!("entry {} ({}): {r}", i + 1, e.dn)))?;
            if e.is_dacl() {
                let [raw] = values.as_slice() else {
                    return Err(damaged(format!(
                        "entry {} ({}): a DACL entry needs one value",
                        i + 1,
                        e.dn
                    )));
                };
                let sd = SecurityDescriptor::from_bytes(raw)
                    .map_err(|r| damaged(format!("entry {} ({}): {r}", i + 1, e.dn)))?;
                if sd.dacl.acl().is_none() {
                    return Err(damaged(format!(
                        "entry {} ({}): the descriptor has no DACL",
                        i + 1,
                        e.dn
                    )));
                }
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

    /// Writes the backup to a new file and makes it durable (file and directory fsynced)
    /// before returning. Never overwrites an existing file: the file is created exclusively,
    /// which works on every file system (USB sticks and shares included). Should the process
    /// die while writing, the partial file fails validation and nothing had been written to the
    /// directory yet.
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
        std::fs::create_dir_all(&dir).map_err(fail)?;
        let json = serde_json::to_vec_pretty(self).map_err(|e| BackupError::Write {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(path)
            .map_err(fail)?;
        f.write_all(&json).map_err(fail)?;
        f.sync_all().map_err(fail)?;
        #[cfg(unix)]
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}

/// The default backup location: a timestamped file in the platform data directory
/// (`$XDG_DATA_HOME/writeback-wizard/backups`, `%LOCALAPPDATA%\writeback-wizard\backups`).
pub fn default_path() -> PathBuf {
    let base = std::env::var_os("LOCALAPPDATA")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("XDG_DATA_HOME").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    let stamp = crate::report::rfc3339_now().replace([':', '-'], "");
    base.join("writeback-wizard")
        .join("backups")
        .join(format!("backup-{stamp}.json"))
}

/// Reads the current value of `entry`'s object and attribute.
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

/// Writes `values` as the value of `attribute` on `dn` (a DACL with SD flags = DACL).
pub async fn write_value(
    conn: &mut Connection,
    dn: &str,
    attribute: &str,
    values: Vec<Vec<u8>>,
) -> Result<(), AdError> {
    if attribute.eq_ignore_ascii_case(DACL_ATTRIBUTE) {
        return conn
            .replace(
                dn,
                DACL_ATTRIBUTE,
                values,
                vec![controls::sd_flags(controls::DACL)],
            )
            .await;
    }
    conn.replace(dn, attribute, values, vec![]).await
}

/// Equal as sets of values (LDAP attribute values have no order).
pub(crate) fn same_values(a: &[Vec<u8>], b: &[Vec<u8>]) -> bool {
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a == b
}

/// What a restore did.
#[derive(Clone, Debug, Default)]
pub struct RestoreReport {
    /// Entries written back.
    pub restored: Vec<String>,
    /// Entries that already held the original value.
    pub unchanged: Vec<String>,
}

/// Writes every original value back (DACLs via SD flags = DACL), then verifies each. Refuses a
/// backup of another domain unless `force`. `on_line` gets one line per step.
pub async fn restore(
    conn: &mut Connection,
    backup: &Backup,
    path: &Path,
    force: bool,
    mut on_line: impl FnMut(String),
) -> Result<RestoreReport, BackupError> {
    backup.validate(path)?;
    let domain_sid = conn.domain_sid().await?.to_string();
    if domain_sid != backup.domain_sid && !force {
        return Err(BackupError::OtherDomain {
            path: path.display().to_string(),
            backup_sid: backup.domain_sid.clone(),
            domain_sid,
        });
    }
    let mut report = RestoreReport::default();
    // In the order the changes were made: a parent's DACL comes back before its children are
    // compared, so their inherited ACEs match again.
    for e in &backup.entries {
        let original = e.values().map_err(|r| BackupError::Damaged {
            path: path.display().to_string(),
            reason: r,
        })?;
        let current = read_current(conn, &e.dn, &e.attribute)
            .await
            .map_err(|source| BackupError::Restore {
                dn: e.dn.clone(),
                source,
            })?;
        if same_values(&current, &original) {
            on_line(format!("unchanged: {} ({})", e.dn, e.attribute));
            report.unchanged.push(e.dn.clone());
            continue;
        }
        write_value(conn, &e.dn, &e.attribute, original)
            .await
            .map_err(|source| BackupError::Restore {
                dn: e.dn.clone(),
                source,
            })?;
        on_line(format!("restored: {} ({})", e.dn, e.attribute));
        report.restored.push(e.dn.clone());
    }
    for e in &backup.entries {
        let original = e.values().unwrap_or_default();
        let now = read_current(conn, &e.dn, &e.attribute)
            .await
            .map_err(|source| BackupError::Restore {
                dn: e.dn.clone(),
                source,
            })?;
        if !same_values(&now, &original) {
            return Err(BackupError::Verify {
                dn: e.dn.clone(),
                detail: format!("{} differs from the backup", e.attribute),
            });
        }
    }
    Ok(report)
}
