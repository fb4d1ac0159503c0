//! The local key: a secret of this user on this machine that authenticates the files the tool
//! writes for itself (backups and run manifests) with HMAC-SHA-256.
//!
//! A checksum proves a file is whole, not who wrote it: anyone who edits a file can compute a
//! new checksum. A MAC under a key that never leaves the machine can only be made by the tool
//! running as the same user here. So a backup with a valid MAC is one this tool wrote, and only
//! such a backup may put whole values back (`restore --whole`); a backup from another machine,
//! or one that was edited, is still read, but a restore may then only take back what the
//! tool's own shapes allow.
//!
//! The key is 32 random bytes, created on first use:
//! * Unix: `$XDG_CONFIG_HOME/writeback-wizard/local.key` (else `~/.config/…`), mode 0600 in a
//!   0700 folder, owned by the user; a key file others could read or replace is not trusted.
//! * Windows: `%LOCALAPPDATA%\writeback-wizard\local.key`, the key encrypted with DPAPI for the
//!   current user (only this user on this machine can decrypt it).

use std::path::{Path, PathBuf};

use ring::hmac;
use zeroize::Zeroizing;

/// The key file's name.
const FILE_NAME: &str = "local.key";
/// Bytes of key.
const KEY_LEN: usize = 32;

/// Why the local key cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("the local key {path} cannot be read or created: {reason}")]
    Io { path: String, reason: String },
    #[error(
        "the local key {path} can be read or changed by other accounts (mode {mode:o}), so it proves nothing; make it readable by you alone (chmod 600) or delete it"
    )]
    Exposed { path: String, mode: u32 },
    #[error("the local key {path} is damaged ({reason}); delete it and a new one is made")]
    Damaged { path: String, reason: String },
}

/// The user's local key.
pub struct LocalKey {
    key: hmac::Key,
    path: PathBuf,
}

impl std::fmt::Debug for LocalKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalKey")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

/// Where the key lives on this machine.
pub fn default_path() -> PathBuf {
    #[cfg(windows)]
    let base = std::env::var_os("LOCALAPPDATA").map(PathBuf::from);
    #[cfg(not(windows))]
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    base.unwrap_or_else(|| PathBuf::from("."))
        .join("writeback-wizard")
        .join(FILE_NAME)
}

impl LocalKey {
    /// The key of this user on this machine, created on first use.
    pub fn open() -> Result<LocalKey, KeyError> {
        Self::at(&default_path())
    }

    /// The key at `path`, created there when missing.
    pub fn at(path: &Path) -> Result<LocalKey, KeyError> {
        let io = |e: std::io::Error| KeyError::Io {
            path: path.display().to_string(),
            reason: e.to_string(),
        };
        let bytes = match read(path) {
            Ok(b) => b,
            Err(ReadError::Missing) => match create(path) {
                Ok(b) => b,
                // Another run made it at the same moment: use theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    read(path).map_err(|e| e.into_key_error(path))?
                }
                Err(e) => return Err(io(e)),
            },
            Err(e) => return Err(e.into_key_error(path)),
        };
        Ok(LocalKey {
            key: hmac::Key::new(hmac::HMAC_SHA256, &bytes),
            path: path.to_path_buf(),
        })
    }

    /// The MAC of `data`, hex.
    pub fn sign(&self, data: &[u8]) -> String {
        hmac::sign(&self.key, data)
            .as_ref()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }

    /// Whether `mac` (hex) is this key's MAC of `data` (compared in constant time).
    pub fn verify(&self, data: &[u8], mac: &str) -> bool {
        let Some(tag) = unhex(mac) else {
            return false;
        };
        hmac::verify(&self.key, data, &tag).is_ok()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).ok())
        .collect()
}

enum ReadError {
    Missing,
    Io(std::io::Error),
    #[cfg_attr(not(unix), allow(dead_code))]
    Exposed(u32),
    Damaged(String),
}

impl ReadError {
    fn into_key_error(self, path: &Path) -> KeyError {
        let path = path.display().to_string();
        match self {
            ReadError::Missing => KeyError::Io {
                path,
                reason: "it vanished while it was read".into(),
            },
            ReadError::Io(e) => KeyError::Io {
                path,
                reason: e.to_string(),
            },
            ReadError::Exposed(mode) => KeyError::Exposed { path, mode },
            ReadError::Damaged(reason) => KeyError::Damaged { path, reason },
        }
    }
}

fn read(path: &Path) -> Result<Zeroizing<Vec<u8>>, ReadError> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(ReadError::Missing),
        Err(e) => return Err(ReadError::Io(e)),
    };
    if !meta.file_type().is_file() {
        return Err(ReadError::Damaged("it is not a plain file".into()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mode = meta.mode() & 0o777;
        if mode & 0o077 != 0 || !owned_by_me(meta.uid()) {
            return Err(ReadError::Exposed(mode));
        }
    }
    let stored = Zeroizing::new(std::fs::read(path).map_err(ReadError::Io)?);
    let key = unprotect(&stored).map_err(ReadError::Damaged)?;
    if key.len() != KEY_LEN {
        return Err(ReadError::Damaged(format!(
            "{} bytes instead of {KEY_LEN}",
            key.len()
        )));
    }
    Ok(key)
}

/// Whether `uid` is this process's user (Linux: the owner of `/proc/self`; elsewhere the owner
/// of the home folder).
#[cfg(unix)]
fn owned_by_me(uid: u32) -> bool {
    use std::os::unix::fs::MetadataExt;
    let me = std::fs::metadata("/proc/self")
        .or_else(|_| std::fs::metadata(std::env::var_os("HOME").unwrap_or_default()))
        .map(|m| m.uid());
    me.is_ok_and(|me| me == uid)
}

fn create(path: &Path) -> std::io::Result<Zeroizing<Vec<u8>>> {
    use std::io::Write;
    let mut key = Zeroizing::new(vec![0u8; KEY_LEN]);
    getrandom::fill(&mut key).map_err(|e| std::io::Error::other(e.to_string()))?;
    let stored = Zeroizing::new(protect(&key)?);
    crate::files::create_private_dir(crate::files::folder_of(path))?;
    let mut f = crate::files::create_private(path)?;
    let written = f.write_all(&stored).and_then(|()| f.sync_all());
    if let Err(e) = written {
        drop(f);
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(key)
}

#[cfg(windows)]
fn protect(key: &[u8]) -> std::io::Result<Vec<u8>> {
    windows_dpapi::encrypt_data(key, windows_dpapi::Scope::User, None)
        .map_err(|e| std::io::Error::other(format!("DPAPI: {e}")))
}

#[cfg(windows)]
fn unprotect(stored: &[u8]) -> Result<Zeroizing<Vec<u8>>, String> {
    windows_dpapi::decrypt_data(stored, windows_dpapi::Scope::User, None)
        .map(Zeroizing::new)
        .map_err(|e| format!("DPAPI cannot decrypt it for this user: {e}"))
}

#[cfg(not(windows))]
fn protect(key: &[u8]) -> std::io::Result<Vec<u8>> {
    Ok(key.to_vec())
}

#[cfg(not(windows))]
fn unprotect(stored: &[u8]) -> Result<Zeroizing<Vec<u8>>, String> {
    Ok(Zeroizing::new(stored.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("ww-seal-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn a_key_is_made_once_and_verifies_only_its_own_macs() {
        let d = dir("once");
        let path = d.join("sub").join(FILE_NAME);
        let a = LocalKey::at(&path).unwrap();
        let mac = a.sign(b"backup");
        assert!(a.verify(b"backup", &mac));
        assert!(!a.verify(b"backup!", &mac));
        assert!(!a.verify(b"backup", &mac[..62]));
        assert!(!a.verify(b"backup", "zz"));
        // The same file again: the same key.
        assert!(LocalKey::at(&path).unwrap().verify(b"backup", &mac));
        // Another machine's (another file's) key does not verify it.
        let other = LocalKey::at(&d.join("other.key")).unwrap();
        assert!(!other.verify(b"backup", &mac));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            assert_eq!(mode(path.parent().unwrap()), 0o700);
        }
        std::fs::remove_dir_all(&d).ok();
    }

    #[cfg(unix)]
    #[test]
    fn a_key_others_can_read_or_a_damaged_one_is_not_trusted() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("exposed");
        let path = d.join(FILE_NAME);
        LocalKey::at(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            LocalKey::at(&path),
            Err(KeyError::Exposed { mode: 0o644, .. })
        ));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::fs::write(&path, b"short").unwrap();
        assert!(matches!(LocalKey::at(&path), Err(KeyError::Damaged { .. })));
        // A link planted where the key goes is not followed.
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink("/etc/hostname", &path).unwrap();
        assert!(LocalKey::at(&path).is_err());
        std::fs::remove_dir_all(&d).ok();
    }
}
