//! Build script: the commit the binary is built from (`--version`), and on the Windows GNU
//! target the resources (icon, manifest, version information).
//!
//! (a) Sets WW_COMMIT for `env!("WW_COMMIT")`: `git rev-parse --short=12 HEAD`, or "unknown"
//!     outside a git checkout or without git; a non-empty WW_COMMIT in the build environment
//!     wins (for builds from a source tarball). Reruns when HEAD or the branch it points to
//!     moves.
//! (b) For the x86_64-pc-windows-gnu target (any *-windows-gnu), compiles
//!     packaging/windows/writeback-wizard.rc (icon, manifest, version information) with windres
//!     — `x86_64-w64-mingw32-windres`, or the command in $WINDRES — and links the object into
//!     the binaries.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    commit_id(&manifest_dir);

    let target_os = env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if target_os == "windows" && target_env == "gnu" {
        windows_resources(&manifest_dir);
    }
}

/// (a) `cargo:rustc-env=WW_COMMIT=...` and the rerun-if-changed lines for it.
fn commit_id(manifest_dir: &Path) {
    println!("cargo:rerun-if-env-changed=WW_COMMIT");
    if let Some(git_dir) = git_dir(manifest_dir) {
        let head = git_dir.join("HEAD");
        if head.is_file() {
            println!("cargo:rerun-if-changed={}", head.display());
            if let Ok(text) = fs::read_to_string(&head)
                && let Some(reference) = text.trim().strip_prefix("ref: ")
            {
                // A branch lives in its own file, or only in packed-refs after `git gc`.
                // In a worktree, branches are in the common dir named by `commondir`.
                let common = fs::read_to_string(git_dir.join("commondir"))
                    .map(|c| git_dir.join(c.trim()))
                    .unwrap_or_else(|_| git_dir.clone());
                for candidate in [
                    git_dir.join(reference),
                    common.join(reference),
                    common.join("packed-refs"),
                ] {
                    if candidate.is_file() {
                        println!("cargo:rerun-if-changed={}", candidate.display());
                    }
                }
            }
        }
    }

    let commit = env::var("WW_COMMIT")
        .ok()
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
        .or_else(|| {
            Command::new("git")
                .args(["rev-parse", "--short=12", "HEAD"])
                .current_dir(manifest_dir)
                .output()
                .ok()
                .filter(|out| out.status.success())
                .and_then(|out| String::from_utf8(out.stdout).ok())
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        })
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=WW_COMMIT={commit}");
}

/// The repository's git directory: `.git` itself, or where a `.git` file (worktree,
/// submodule) points with `gitdir: PATH`.
fn git_dir(manifest_dir: &Path) -> Option<PathBuf> {
    let dot_git = manifest_dir.join(".git");
    if dot_git.is_dir() {
        return Some(dot_git);
    }
    let text = fs::read_to_string(&dot_git).ok()?;
    let target = text.trim().strip_prefix("gitdir: ")?;
    let path = Path::new(target);
    Some(if path.is_absolute() {
        path.to_path_buf()
    } else {
        manifest_dir.join(path)
    })
}

/// (b) Compile the .rc with windres into OUT_DIR/resource.o and link it into every binary.
fn windows_resources(manifest_dir: &Path) {
    let windows = manifest_dir.join("packaging").join("windows");
    let rc = windows.join("writeback-wizard.rc");
    for input in [
        rc.clone(),
        windows.join("writeback-wizard.manifest"),
        manifest_dir.join("assets").join("icon.ico"),
    ] {
        println!("cargo:rerun-if-changed={}", input.display());
    }
    println!("cargo:rerun-if-env-changed=WINDRES");

    let default_windres = match env::var("CARGO_CFG_TARGET_ARCH").as_deref() {
        Ok("x86") => "i686-w64-mingw32-windres",
        Ok("aarch64") => "aarch64-w64-mingw32-windres",
        _ => "x86_64-w64-mingw32-windres",
    };
    let windres = env::var("WINDRES")
        .ok()
        .filter(|w| !w.trim().is_empty())
        .unwrap_or_else(|| default_windres.to_owned());

    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    let object = out_dir.join("resource.o");
    let major = env::var("CARGO_PKG_VERSION_MAJOR").expect("CARGO_PKG_VERSION_MAJOR");
    let minor = env::var("CARGO_PKG_VERSION_MINOR").expect("CARGO_PKG_VERSION_MINOR");
    let patch = env::var("CARGO_PKG_VERSION_PATCH").expect("CARGO_PKG_VERSION_PATCH");
    let version = env::var("CARGO_PKG_VERSION").expect("CARGO_PKG_VERSION");

    // windres hands -D to the C preprocessor through a shell, so the string macro needs its
    // quotes escaped: the argument is literally  WW_VERSION_STR=\"0.1.0\"
    let status = Command::new(&windres)
        .arg("-D")
        .arg(format!("WW_VERSION_MAJOR={major}"))
        .arg("-D")
        .arg(format!("WW_VERSION_MINOR={minor}"))
        .arg("-D")
        .arg(format!("WW_VERSION_PATCH={patch}"))
        .arg("-D")
        .arg(format!("WW_VERSION_STR=\\\"{version}\\\""))
        .args(["-O", "coff", "-i"])
        .arg(&rc)
        .arg("-o")
        .arg(&object)
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => panic!(
            "{windres} failed ({s}) compiling {}: see its messages above",
            rc.display()
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => panic!(
            "`{windres}` was not found: building for Windows (gnu) needs windres to embed the \
             icon, manifest and version information. On Debian: \
             apt-get install binutils-mingw-w64-x86-64 gcc-mingw-w64-x86-64 \
             (or set WINDRES to the windres command)"
        ),
        Err(e) => panic!("could not run `{windres}`: {e}"),
    }
    println!("cargo:rustc-link-arg-bins={}", object.display());
}
