//! Restoring a run (its manifest) or a single backup: the files are read and checked before
//! anything is sent anywhere ([`open`]); each backup goes back in the directory of the same
//! domain among those the user gave, with the connector resolved there now
//! ([`prepare_restore`]: nothing written); then [`restore`] writes what was shown.

use std::path::{Path, PathBuf};

use super::manifest::Manifest;
use super::target::{Target, resolve};
use super::{FileMismatch, WriteError};
use crate::ad::controls::ASSERTION_OID;
use crate::ad::dn;
use crate::engine::Directory;
use crate::plan::backup::{
    Authenticity, Backup, BackupError, Loaded, RestoreItem, RestoreMode, RestoreReport,
    execute_restore,
};
use crate::sd::DomainContext;

/// The files of a run: its manifest (if the file given was one) and each backup.
#[derive(Clone, Debug)]
pub struct RunFiles {
    /// The manifest, and whether it is authenticated.
    pub manifest: Option<(Manifest, Authenticity)>,
    pub backups: Vec<(PathBuf, Loaded)>,
}

/// Reads `path`: a run's manifest (every backup it lists must be there, unchanged) or a single
/// backup. Each backup is validated and its authenticity told. Nothing is connected to.
pub fn open(path: &Path) -> Result<RunFiles, WriteError> {
    let bytes = std::fs::read(path).map_err(|e| BackupError::Read {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    let json: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(|e| BackupError::Damaged {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
    if !Manifest::is_manifest(&json) {
        return Ok(RunFiles {
            manifest: None,
            backups: vec![(path.to_path_buf(), Backup::load(path)?)],
        });
    }
    let key = crate::seal::LocalKey::open();
    let (manifest, authenticated, files) = Manifest::load(path, &bytes, key.as_ref())?;
    let mut backups = Vec::new();
    for (file, entry) in files.into_iter().zip(&manifest.directories) {
        let loaded = Backup::load(&file)?;
        // The manifest and the backup must name the same domain.
        if loaded.backup.domain_sid != entry.domain_sid {
            return Err(FileMismatch::Domain {
                file: entry.domain_sid.clone(),
                directory: loaded.backup.domain_sid.clone(),
            }
            .into());
        }
        backups.push((file, loaded));
    }
    Ok(RunFiles {
        manifest: Some((manifest, authenticated)),
        backups,
    })
}

/// One backup of a run, in its directory, with what a restore writes there.
#[derive(Clone, Debug)]
pub struct RestorePart {
    pub path: PathBuf,
    pub loaded: Loaded,
    pub target: Target,
    pub items: Vec<RestoreItem>,
}

impl RestorePart {
    /// How many values the restore writes here.
    pub fn writes(&self) -> usize {
        self.items.iter().filter(|i| i.target.is_some()).count()
    }
}

/// For every backup of `files`, the directory of `dirs` that serves its domain (each asked on
/// its DC, with its connector resolved there now), and what a restore writes there. A backup
/// whose domain is none of them fails the whole restore: nothing is written.
pub async fn prepare_restore(
    dirs: &[Directory],
    files: &RunFiles,
    mode: RestoreMode,
) -> Result<Vec<RestorePart>, WriteError> {
    let mut targets: Vec<Target> = Vec::new();
    for d in dirs {
        targets.push(resolve(d).await?);
    }
    let mut chosen = Vec::new();
    let mut unmatched = Vec::new();
    for (path, loaded) in &files.backups {
        let b = &loaded.backup;
        match targets.iter().find(|t| {
            t.domain.sid.to_string() == b.domain_sid && dn::same(&t.domain.dn, &b.domain_dn)
        }) {
            Some(t) => chosen.push((path, loaded, t.clone())),
            None => unmatched.push(format!("{} ({})", b.domain_dn, b.domain_sid)),
        }
    }
    if !unmatched.is_empty() {
        return Err(FileMismatch::Unmatched {
            domains: unmatched.join(", "),
        }
        .into());
    }
    let mut parts = Vec::new();
    for (path, loaded, target) in chosen {
        let mut conn = target.connect().await?;
        let items = crate::plan::backup::prepare_restore(
            &mut conn,
            loaded,
            path,
            mode,
            &target.domain,
            &target.connector.sid,
        )
        .await;
        conn.close().await;
        parts.push(RestorePart {
            path: path.clone(),
            loaded: loaded.clone(),
            target,
            items: items?,
        });
    }
    Ok(parts)
}

/// Writes what [`prepare_restore`] showed, part by part, each value checked against what it
/// was then and verified. `on_step(part, item, restored)` hears of each value as it is
/// restored or left as it is. Stops at the first failure (the report of what was done comes
/// with it).
pub async fn restore(
    parts: &[RestorePart],
    mut on_step: impl FnMut(usize, &RestoreItem, bool),
) -> Result<RestoreReport, (WriteError, RestoreReport)> {
    let mut all = RestoreReport::default();
    for (index, part) in parts.iter().enumerate() {
        if part.writes() == 0 {
            for i in &part.items {
                let list = if i.said.code == "changed-since" {
                    &mut all.kept
                } else {
                    &mut all.unchanged
                };
                list.push(i.dn.clone());
            }
            continue;
        }
        let r = async {
            let mut conn = part.target.connect().await?;
            let r = async {
                let assertion = conn.root_dse().await?.supports_control(ASSERTION_OID);
                let ctx = DomainContext::for_domain(part.target.domain.sid.clone());
                Ok::<RestoreReport, WriteError>(
                    execute_restore(&mut conn, &part.items, &ctx, assertion, |i, done| {
                        on_step(index, i, done)
                    })
                    .await?,
                )
            }
            .await;
            conn.close().await;
            r
        }
        .await;
        match r {
            Ok(report) => {
                all.restored.extend(report.restored);
                all.unchanged.extend(report.unchanged);
                all.kept.extend(report.kept);
            }
            Err(e) => return Err((e, all)),
        }
    }
    Ok(all)
}
