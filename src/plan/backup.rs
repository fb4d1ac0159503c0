//! Backups: for every value a plan changes, what it was before and what `apply` writes, with a
//! checksum (the file is whole) and a MAC under the local key (this tool wrote it here, as this
//! user; see [`crate::seal`]), written and fsynced (mode 0600) before the first write. A restore
//! undoes exactly what `apply` did and keeps every other change made since; a damaged or
//! foreign-shaped backup is refused before anything is written ([`validate`]: a backup holds
//! only what `apply` writes), and only an authenticated one may put whole values back.

pub mod guarded;
mod restore;
mod validate;

pub use guarded::{Concurrent, Race, Written, metadata_version, write_guarded};
pub use restore::{RestoreItem, RestoreMode, RestoreReport, execute_restore, prepare_restore};

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ad::{AdError, Connection, controls};
use crate::sd::{Ace, DomainContext, SecurityDescriptor, sddl};
use crate::sddl_input;

/// The backup file's schema version (3: authenticated with the local key; 2: before and after,
/// with a checksum only).
pub const BACKUP_SCHEMA: u32 = 3;

/// The schema of backups written before the local key: still read, never authenticated.
const UNSIGNED_SCHEMA: u32 = 2;

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
    /// SHA-256 of the rest, hex: the file is whole.
    #[serde(default)]
    pub checksum: String,
    /// HMAC-SHA-256 of the rest under the local key ([`crate::seal`]), hex: the tool wrote it,
    /// as this user on this machine.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mac: String,
}

/// Whether a backup is one this tool wrote here, as this user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Authenticity {
    /// Its MAC verifies under the local key.
    Authenticated,
    /// It has no MAC (an older version wrote it).
    Unsigned,
    /// Its MAC does not verify: another machine or user wrote it, or it was edited and
    /// checksummed again.
    Foreign,
    /// The local key cannot be used (why, in the key's words).
    KeyUnavailable(crate::seal::KeyError),
}

impl Authenticity {
    pub fn is_authenticated(&self) -> bool {
        *self == Authenticity::Authenticated
    }
}

/// A backup read from a file, and whether it is authenticated.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub backup: Backup,
    pub authenticity: Authenticity,
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
    #[error(
        "the backup file {path} is not authenticated as one this tool wrote on this computer ({}), so whole values are not written back from it; a plain restore (without --whole) takes back only the tool's own grants",
        authenticity_words(why)
    )]
    NotAuthenticated { path: String, why: Authenticity },
    #[error(
        "the backup file {path} was made for the connector {backup}, but the connector here is {connector}; nothing was written"
    )]
    OtherConnector {
        path: String,
        backup: String,
        connector: String,
    },
    #[error(
        "the backup file {path} was made for {backup}, but the directory's domain is {domain}; nothing was written"
    )]
    OtherDomainName {
        path: String,
        backup: String,
        domain: String,
    },
    #[error(
        "the backup file {path} names {dn}, which is not an object of the domain {domain}; nothing was written"
    )]
    OutsideDomain {
        path: String,
        dn: String,
        domain: String,
    },
    #[error("{race}; the restore stopped after {restored} value(s)")]
    Raced { race: Race, restored: usize },
    #[error(
        "the local key cannot be used to seal the backup: {0}. Nothing was changed in the directory."
    )]
    Key(#[from] crate::seal::KeyError),
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

impl Backup {
    /// The bytes the checksum and the MAC cover: the backup without either.
    fn covered(&self) -> Vec<u8> {
        let mut copy = self.clone();
        copy.checksum = String::new();
        copy.mac = String::new();
        serde_json::to_vec(&copy).unwrap_or_default()
    }

    /// The checksum over everything but itself (and the MAC).
    pub fn compute_checksum(&self) -> String {
        ring::digest::digest(&ring::digest::SHA256, &self.covered())
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Seals the backup with its checksum and, with `key`, its MAC.
    pub fn seal(&mut self, key: Option<&crate::seal::LocalKey>) {
        self.checksum = self.compute_checksum();
        self.mac = key.map(|k| k.sign(&self.covered())).unwrap_or_default();
    }

    /// Whether this backup is one the tool wrote here as this user.
    pub fn authenticity(
        &self,
        key: Result<&crate::seal::LocalKey, &crate::seal::KeyError>,
    ) -> Authenticity {
        if self.mac.is_empty() {
            return Authenticity::Unsigned;
        }
        match key {
            Ok(k) if k.verify(&self.covered(), &self.mac) => Authenticity::Authenticated,
            Ok(_) => Authenticity::Foreign,
            Err(e) => Authenticity::KeyUnavailable(e.clone()),
        }
    }

    /// Reads and validates a backup file, and says whether it is authenticated.
    pub fn load(path: &Path) -> Result<Loaded, BackupError> {
        let backup = Self::read(path)?;
        let key = crate::seal::LocalKey::open();
        let authenticity = backup.authenticity(key.as_ref());
        Ok(Loaded {
            backup,
            authenticity,
        })
    }

    /// Reads and validates a backup file.
    fn read(path: &Path) -> Result<Self, BackupError> {
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

/// Why a backup is not authenticated, in a few English words (for messages and logs).
pub fn authenticity_words(a: &Authenticity) -> String {
    match a {
        Authenticity::Authenticated => "authenticated".into(),
        Authenticity::Unsigned => "it has no MAC: an older version wrote it".into(),
        Authenticity::Foreign => {
            "its MAC does not match this computer's key: it was written elsewhere or edited".into()
        }
        Authenticity::KeyUnavailable(e) => e.to_string(),
    }
}

/// The default backup location: a timestamped file in the platform data directory
/// (`$XDG_DATA_HOME/writeback-wizard/backups`, `%LOCALAPPDATA%\writeback-wizard\backups`).
pub fn default_path() -> PathBuf {
    let stamp = crate::clock::rfc3339_now().replace([':', '-'], "");
    crate::files::data_dir()
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

/// Values on a line: `(none)`, or each value as text, comma-separated.
pub(crate) fn values_text(values: &[Vec<u8>]) -> String {
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

/// One value from `from` to `to`: the ACE lines in SDDL for a DACL, the values otherwise.
pub fn value_diff(
    attribute: &str,
    from: &[Vec<u8>],
    to: &[Vec<u8>],
    ctx: &DomainContext,
) -> Vec<String> {
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
        format!("- {attribute}: {}", values_text(from)),
        format!("+ {attribute}: {}", values_text(to)),
    ]
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
