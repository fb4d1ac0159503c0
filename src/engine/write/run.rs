//! Applying prepared directories as one run: the run's manifest first (a new file, never one
//! that exists), then per directory its backup (sealed with the local key), the manifest again
//! listing it, and only then the writes, each guarded and verified. Stops at the first
//! failure: every directory written to so far is listed in the manifest, so a restore of the
//! run takes all of it back.

use std::path::{Path, PathBuf};

use super::WriteError;
use super::manifest::{Manifest, backup_path};
use super::prepare::Prepared;
use crate::ad::controls::ASSERTION_OID;
use crate::ad::discovery::dns_from_dn;
use crate::plan::apply::{self, ApplyOptions, Event};
use crate::seal::LocalKey;

/// What the run tells its face.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunEvent {
    /// Directory `index` begins (nothing to write there: `empty`).
    Directory {
        index: usize,
        label: String,
        empty: bool,
    },
    /// Its backup is on disk and listed in the manifest.
    BackedUp {
        index: usize,
        path: PathBuf,
        entries: usize,
    },
    /// A step of its writes.
    Step { index: usize, event: Event },
    /// It is done: `written` values.
    Done { index: usize, written: usize },
}

/// Why a run stopped, in which directory, and what it had written by then.
#[derive(Debug, Clone)]
pub struct RunStop {
    pub error: WriteError,
    /// The directory it stopped in (`None`: before the first).
    pub index: Option<usize>,
    /// Values written, per directory reached.
    pub written: Vec<usize>,
}

/// Applies every directory of `prepared` in turn, with the run's manifest at `manifest` and
/// each directory's backup beside it. Returns the values written per directory. When nothing is
/// to be written anywhere, no file is made.
pub async fn apply(
    prepared: &[Prepared],
    manifest_path: &Path,
    opts: &ApplyOptions,
    mut events: impl FnMut(RunEvent),
) -> Result<Vec<usize>, RunStop> {
    let mut written: Vec<usize> = Vec::new();
    let stop = |error: WriteError, index: Option<usize>, written: &[usize]| RunStop {
        error,
        index,
        written: written.to_vec(),
    };
    if prepared.iter().all(|p| p.plan.is_empty()) {
        return Ok(vec![0; prepared.len()]);
    }
    let key = LocalKey::open().map_err(|e| stop(e.into(), None, &written))?;
    let mut run = Run {
        key,
        manifest: Manifest::new(),
        path: manifest_path,
    };
    run.manifest
        .write(manifest_path, &run.key, true)
        .map_err(|e| stop(e.into(), None, &written))?;
    for (index, p) in prepared.iter().enumerate() {
        events(RunEvent::Directory {
            index,
            label: p.target.label.clone(),
            empty: p.plan.is_empty(),
        });
        if p.plan.is_empty() {
            written.push(0);
            continue;
        }
        let backup = backup_path(manifest_path, index + 1, &dns_from_dn(&p.target.domain.dn));
        let r = run.one(p, index, &backup, opts, &mut events).await;
        match r {
            Ok(n) => {
                written.push(n);
                events(RunEvent::Done { index, written: n });
            }
            Err(e) => {
                written.push(e.written());
                if run.manifest.directories.is_empty() {
                    // Stopped before anything was backed up, so before anything was written: the
                    // run leaves no file behind.
                    let _ = std::fs::remove_file(manifest_path);
                }
                return Err(stop(e, Some(index), &written));
            }
        }
    }
    Ok(written)
}

/// The run's file as it grows, and the key it is sealed with.
struct Run<'a> {
    key: LocalKey,
    manifest: Manifest,
    path: &'a Path,
}

impl Run<'_> {
    /// One directory: its backup, the run's file listing it, then its writes.
    async fn one(
        &mut self,
        p: &Prepared,
        index: usize,
        backup: &Path,
        opts: &ApplyOptions,
        events: &mut impl FnMut(RunEvent),
    ) -> Result<usize, WriteError> {
        let mut conn = p.target.connect().await?;
        let r = async {
            let assertion = conn.root_dse().await?.supports_control(ASSERTION_OID);
            let b = apply::back_up(
                &mut conn,
                &p.plan,
                &p.target.domain,
                backup,
                &self.key,
                opts,
            )
            .await?;
            self.manifest.add(
                &p.target.label,
                &p.target.domain.dn,
                &p.target.domain.sid.to_string(),
                backup,
            )?;
            self.manifest.write(self.path, &self.key, false)?;
            events(RunEvent::BackedUp {
                index,
                path: backup.to_path_buf(),
                entries: b.entries.len(),
            });
            Ok::<usize, WriteError>(
                apply::write(&mut conn, &p.plan, &b, opts, assertion, |event| {
                    events(RunEvent::Step { index, event })
                })
                .await?,
            )
        }
        .await;
        conn.close().await;
        r
    }
}
