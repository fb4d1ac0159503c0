//! The run manifest: one file per apply run, listing each directory's backup, authenticated
//! with the local key. Both faces write it the same way and restore from it the same way, so
//! either face restores the other's run.
//!
//! The manifest is written when the run starts (listing nothing), and again after each
//! directory's backup is on disk and before anything is written there, with that backup's
//! SHA-256. So every directory a run wrote to is listed, and a listed backup that is missing,
//! changed or swapped fails the restore of the run before anything is written.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::plan::backup::Authenticity;
use crate::seal::LocalKey;

/// The manifest's schema version.
pub const MANIFEST_SCHEMA: u32 = 1;

/// What tells a manifest from a backup: this field.
const KIND: &str = "writeback-wizard run";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub kind: String,
    pub schema: u32,
    pub tool_version: String,
    pub time: String,
    pub directories: Vec<ManifestEntry>,
    /// HMAC-SHA-256 of the rest under the local key, hex.
    #[serde(default)]
    pub mac: String,
}

/// One directory of the run and its backup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestEntry {
    /// The directory as the user named it.
    pub label: String,
    pub domain_dn: String,
    pub domain_sid: String,
    /// The backup's file name, in the manifest's folder.
    pub backup: String,
    /// SHA-256 of the backup file, hex.
    pub sha256: String,
}

/// Why a manifest cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    #[error(
        "cannot write the run manifest {path}: {reason}. Nothing was changed in the directory."
    )]
    Write { path: String, reason: String },
    #[error("the run manifest {path} is damaged ({reason}); nothing was written")]
    Damaged { path: String, reason: String },
    #[error(
        "the backup {backup} that the run manifest {path} lists is missing or was changed ({reason}); nothing was written"
    )]
    Backup {
        path: String,
        backup: String,
        reason: String,
    },
}

fn hex_sha256(bytes: &[u8]) -> String {
    ring::digest::digest(&ring::digest::SHA256, bytes)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Manifest {
    /// A new run's manifest, listing nothing yet.
    pub fn new() -> Self {
        Self {
            kind: KIND.into(),
            schema: MANIFEST_SCHEMA,
            tool_version: env!("CARGO_PKG_VERSION").into(),
            time: crate::clock::rfc3339_now(),
            directories: Vec::new(),
            mac: String::new(),
        }
    }

    /// Whether `json` is a manifest (and not a backup).
    pub fn is_manifest(json: &serde_json::Value) -> bool {
        json.get("kind").and_then(|k| k.as_str()) == Some(KIND)
    }

    fn covered(&self) -> Vec<u8> {
        let mut copy = self.clone();
        copy.mac = String::new();
        serde_json::to_vec(&copy).unwrap_or_default()
    }

    /// Writes the manifest to `path`, sealed with `key`: the first time exclusively (an
    /// existing file is never overwritten), then replacing the run's own file atomically.
    pub fn write(&mut self, path: &Path, key: &LocalKey, first: bool) -> Result<(), ManifestError> {
        self.mac = key.sign(&self.covered());
        let fail = |reason: String| ManifestError::Write {
            path: path.display().to_string(),
            reason,
        };
        let json = serde_json::to_vec_pretty(self).map_err(|e| fail(e.to_string()))?;
        if first {
            use std::io::Write;
            crate::files::create_private_dir(crate::files::folder_of(path))
                .map_err(|e| fail(e.to_string()))?;
            let mut f = crate::files::create_private(path).map_err(|e| {
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    fail("it already exists; choose a new name so no run is overwritten".into())
                } else {
                    fail(e.to_string())
                }
            })?;
            let written = f.write_all(&json).and_then(|()| f.sync_all());
            if let Err(e) = written {
                // A run's file that could not be written whole is not left behind.
                drop(f);
                let _ = std::fs::remove_file(path);
                return Err(fail(e.to_string()));
            }
            Ok(())
        } else {
            crate::files::write_atomically(path, &json).map_err(|e| fail(e.to_string()))
        }
    }

    /// Lists the backup at `backup` (beside the manifest) for a directory.
    pub fn add(
        &mut self,
        label: &str,
        domain_dn: &str,
        domain_sid: &str,
        backup: &Path,
    ) -> Result<(), ManifestError> {
        let bytes = std::fs::read(backup).map_err(|e| ManifestError::Write {
            path: backup.display().to_string(),
            reason: e.to_string(),
        })?;
        self.directories.push(ManifestEntry {
            label: label.to_string(),
            domain_dn: domain_dn.to_string(),
            domain_sid: domain_sid.to_string(),
            backup: backup
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            sha256: hex_sha256(&bytes),
        });
        Ok(())
    }

    /// Reads a manifest: whether it is authenticated, and each backup it
    /// lists, checked to be present and unchanged. A name that is not a plain file name in the
    /// manifest's folder is refused.
    pub fn load(
        path: &Path,
        json: &[u8],
        key: Result<&LocalKey, &crate::seal::KeyError>,
    ) -> Result<(Manifest, Authenticity, Vec<PathBuf>), ManifestError> {
        let damaged = |reason: String| ManifestError::Damaged {
            path: path.display().to_string(),
            reason,
        };
        let m: Manifest = serde_json::from_slice(json).map_err(|e| damaged(e.to_string()))?;
        if m.kind != KIND || m.schema != MANIFEST_SCHEMA {
            return Err(damaged(format!(
                "schema {} of {:?} is not {MANIFEST_SCHEMA}",
                m.schema, m.kind
            )));
        }
        let authenticated = match key {
            _ if m.mac.is_empty() => Authenticity::Unsigned,
            Ok(k) if k.verify(&m.covered(), &m.mac) => Authenticity::Authenticated,
            Ok(_) => Authenticity::Foreign,
            Err(e) => Authenticity::KeyUnavailable(e.clone()),
        };
        let folder = crate::files::folder_of(path);
        let mut backups = Vec::new();
        for e in &m.directories {
            let plain = !e.backup.is_empty()
                && Path::new(&e.backup)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    == Some(e.backup.clone())
                && !e.backup.contains(['/', '\\'])
                && e.backup != ".."
                && e.backup != ".";
            let fail = |reason: String| ManifestError::Backup {
                path: path.display().to_string(),
                backup: e.backup.clone(),
                reason,
            };
            if !plain {
                return Err(fail(
                    "it is not a file name in the manifest's folder".into(),
                ));
            }
            let file = folder.join(&e.backup);
            let bytes = std::fs::read(&file).map_err(|x| fail(x.to_string()))?;
            if hex_sha256(&bytes) != e.sha256 {
                return Err(fail("its SHA-256 is not the one listed".into()));
            }
            backups.push(file);
        }
        Ok((m, authenticated, backups))
    }
}

impl Default for Manifest {
    fn default() -> Self {
        Self::new()
    }
}

/// The backup of directory number `n` (from 1) of a run, beside the manifest at `manifest`:
/// `run.json` → `run.1-lab.example.test.json`, the domain's name reduced to letters, digits,
/// dots and dashes.
pub fn backup_path(manifest: &Path, n: usize, domain_dns: &str) -> PathBuf {
    let stem = manifest
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "run".into());
    let safe: String = domain_dns
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    manifest.with_file_name(format!("{stem}.{n}-{safe}.json"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("ww-manifest-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn a_manifest_lists_its_backups_and_refuses_a_changed_or_foreign_one() {
        let d = dir("list");
        let key = LocalKey::at(&d.join("k")).unwrap();
        let path = d.join("run.json");
        let mut m = Manifest::new();
        m.write(&path, &key, true).unwrap();
        assert!(m.write(&path, &key, true).is_err(), "never overwritten");
        let b = backup_path(&path, 1, "lab.example.test");
        assert_eq!(b, d.join("run.1-lab.example.test.json"));
        std::fs::write(&b, b"{\"backup\": 1}").unwrap();
        m.add("dc1", "DC=lab", "S-1-5-21-1", &b).unwrap();
        m.write(&path, &key, false).unwrap();
        let json = std::fs::read(&path).unwrap();
        assert!(Manifest::is_manifest(
            &serde_json::from_slice(&json).unwrap()
        ));
        let (back, auth, files) = Manifest::load(&path, &json, Ok(&key)).unwrap();
        assert_eq!(back.directories.len(), 1);
        assert_eq!(auth, Authenticity::Authenticated);
        assert_eq!(files, std::slice::from_ref(&b));
        // Another computer's key: read, but not authenticated.
        let other = LocalKey::at(&d.join("k2")).unwrap();
        assert_eq!(
            Manifest::load(&path, &json, Ok(&other)).unwrap().1,
            Authenticity::Foreign
        );
        // A swapped backup, a missing one, a path outside the folder.
        std::fs::write(&b, b"{\"backup\": 2}").unwrap();
        assert!(matches!(
            Manifest::load(&path, &json, Ok(&key)),
            Err(ManifestError::Backup { .. })
        ));
        std::fs::remove_file(&b).unwrap();
        assert!(Manifest::load(&path, &json, Ok(&key)).is_err());
        let mut evil = back.clone();
        evil.directories[0].backup = "../../etc/passwd".into();
        let text = serde_json::to_vec(&evil).unwrap();
        assert!(matches!(
            Manifest::load(&path, &text, Ok(&key)),
            Err(ManifestError::Backup { reason, .. }) if reason.contains("file name")
        ));
        std::fs::remove_dir_all(&d).ok();
    }
}
