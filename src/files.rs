//! Writing files so that a reader never sees half of one, nobody else can read them, and no link
//! planted in their place is followed.
//!
//! On Unix the files are created 0600 and folders 0700. On Windows they are created in the
//! user's profile folders (`%LOCALAPPDATA%`, chosen by the callers), whose ACL they inherit:
//! the user, SYSTEM and Administrators only.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

/// Creates `path` for writing, exclusively (it must not exist: an existing file or a link there
/// is an error, so nothing is overwritten and no link is followed), readable by the owner only.
pub fn create_private(path: &Path) -> std::io::Result<File> {
    let mut o = OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o.open(path)
}

/// A private scratch file in `dir`, open for writing and reading, that no one else can open
/// and that never outlives this process: on Unix its name is removed as soon as it is created
/// (the open file stays usable); on Windows it is deleted when its handle closes, however the
/// process ends. For data on its way into a file written later (a report's rows).
pub fn create_scratch(dir: &Path) -> std::io::Result<File> {
    let mut random = [0u8; 12];
    getrandom::fill(&mut random).map_err(|e| std::io::Error::other(e.to_string()))?;
    let suffix: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let path = dir.join(format!(".writeback-wizard-scratch.{suffix}.tmp"));
    let mut o = OpenOptions::new();
    o.read(true).write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        // FILE_FLAG_DELETE_ON_CLOSE; no sharing, so nobody else opens it meanwhile.
        o.custom_flags(0x0400_0000).share_mode(0);
    }
    let file = o.open(&path)?;
    #[cfg(unix)]
    std::fs::remove_file(&path)?;
    Ok(file)
}

/// The folder a file at `path` is in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Creates `dir` (and its parents) when missing; a folder this creates is private (0700).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// Makes `dir` a folder only its owner can enter (0700 on Unix), creating it when missing: for
/// the log folder, whose files another library creates.
pub fn make_private_dir(dir: &Path) -> std::io::Result<()> {
    create_private_dir(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(())
}

/// Writes `bytes` to `path` through a new temporary file in the same folder (an unpredictable
/// name, created exclusively and private), fsync, and a rename over `path` (which replaces a
/// link at `path` rather than writing through it).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |f| f.write_all(bytes))
}

/// [`write_atomically`] for content written piece by piece by `write` (a report streamed from
/// its rows): the file appears whole at `path` or not at all.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = folder_of(path);
    create_private_dir(dir)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut random = [0u8; 12];
    getrandom::fill(&mut random).map_err(|e| std::io::Error::other(e.to_string()))?;
    let suffix: String = random.iter().map(|b| format!("{b:02x}")).collect();
    let tmp = dir.join(format!(".{name}.{suffix}.tmp"));
    let result = (|| {
        let mut f = std::io::BufWriter::with_capacity(256 * 1024, create_private(&tmp)?);
        write(&mut f)?;
        let f = f.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The tool's folder in the platform data directory (`$XDG_DATA_HOME/writeback-wizard`, else
/// `~/.local/share/writeback-wizard`; `%LOCALAPPDATA%\writeback-wizard` on Windows).
pub fn data_dir() -> std::path::PathBuf {
    use std::path::PathBuf;
    std::env::var_os("LOCALAPPDATA")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("XDG_DATA_HOME").map(PathBuf::from))
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("writeback-wizard")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("ww-files-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn a_scratch_file_is_usable_and_leaves_nothing_behind() {
        use std::io::{Read, Seek, SeekFrom};
        let d = dir("scratch");
        create_private_dir(&d).unwrap();
        let mut f = create_scratch(&d).unwrap();
        f.write_all(b"rows").unwrap();
        f.seek(SeekFrom::Start(0)).unwrap();
        let mut back = String::new();
        f.read_to_string(&mut back).unwrap();
        assert_eq!(back, "rows");
        #[cfg(unix)]
        assert_eq!(
            std::fs::read_dir(&d).unwrap().count(),
            0,
            "no name while open"
        );
        drop(f);
        assert_eq!(std::fs::read_dir(&d).unwrap().count(), 0, "nothing after");
        std::fs::remove_dir_all(&d).ok();
    }

    #[cfg(unix)]
    #[test]
    fn files_and_folders_are_private_and_links_are_not_followed() {
        use std::os::unix::fs::PermissionsExt;
        let d = dir("private").join("sub");
        let f = d.join("profile.json");
        write_atomically(&f, b"{}").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&f), 0o600);
        assert_eq!(mode(&d), 0o700);
        // An existing, open log folder is closed to others.
        let logs = dir("private-logs").join("logs");
        std::fs::create_dir_all(&logs).unwrap();
        std::fs::set_permissions(&logs, std::fs::Permissions::from_mode(0o755)).unwrap();
        make_private_dir(&logs).unwrap();
        assert_eq!(mode(&logs), 0o700);
        // A link planted where a backup goes is not followed.
        let victim = d.join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        let link = d.join("backup.json");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(create_private(&link).is_err());
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        // Writing atomically over a link replaces the link, not its target.
        write_atomically(&link, b"new").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert!(
            !std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // No temporary file is left behind.
        let left: Vec<_> = std::fs::read_dir(&d)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(left.is_empty());
    }
}
