//! Taking a baseline ([`crate::check::baseline`]) for every face: after a check just made (the
//! command line's `check --save-baseline`/`--baseline`), or afresh after writes (`apply`, the
//! wizard's Configure).

use std::path::{Path, PathBuf};

use super::{AssessError, Directory, Login};
use crate::ad::AdError;
use crate::check::baseline::{self, Baseline, BaselineError, Drift};
use crate::check::incremental::{How, Memo};
use crate::check::{self, BlockedRef, CheckOutcome, Keep};
use crate::seal::{KeyError, LocalKey};

/// The baseline of `outcome` (a check just made through `login`): the blocked users the caller
/// kept, and what a baseline reads beside the check, read now.
pub async fn after_check<'a>(
    login: &Login,
    outcome: &CheckOutcome,
    blocked: impl IntoIterator<Item = BlockedRef<'a>>,
) -> Result<Baseline, AdError> {
    let mut conn = login.connect().await?;
    let read = baseline::read(&mut conn, outcome).await;
    conn.close().await;
    Ok(Baseline::of(
        outcome,
        blocked,
        read?,
        crate::clock::rfc3339_now(),
    ))
}

/// Checks `d` afresh and takes its baseline (the blocked users kept in memory, compactly).
pub async fn take(d: &Directory) -> Result<Baseline, AssessError> {
    let mut conn = d.login.connect().await?;
    let outcome = check::run_with(&mut conn, &d.options, Keep::Blocked, |_| {}).await;
    let outcome = match outcome {
        Ok(o) => o,
        Err(e) => {
            conn.close().await;
            return Err(e.into());
        }
    };
    let read = baseline::read(&mut conn, &outcome).await;
    conn.close().await;
    let blocked = outcome.scan.blocked.clone();
    Ok(Baseline::of(
        &outcome,
        blocked.iter(),
        read?,
        crate::clock::rfc3339_now(),
    ))
}

/// Checks `d` again — incrementally after an earlier check's `memo` when it can
/// ([`crate::check::incremental`]) — and takes its baseline; returns the memo for the next
/// time and how the check went.
pub async fn take_again(
    d: &Directory,
    memo: Option<Memo>,
) -> Result<(Baseline, Memo, How), AssessError> {
    let mut conn = d.login.connect().await?;
    let checked = Memo::check_again(memo, &mut conn, &d.options, |_| {}).await;
    let (outcome, memo, how) = match checked {
        Ok(c) => c,
        Err(e) => {
            conn.close().await;
            return Err(e.into());
        }
    };
    let read = baseline::read(&mut conn, &outcome).await;
    conn.close().await;
    let b = Baseline::of(
        &outcome,
        outcome.scan.blocked.iter(),
        read?,
        crate::clock::rfc3339_now(),
    );
    Ok((b, memo, how))
}

/// Where the baseline of a domain's last configuration is kept: the data folder's
/// `baselines/<domain SID>.json`, replaced by each successful run.
pub fn last_path(domain_sid: &str) -> PathBuf {
    // A SID is letters, digits and dashes; anything else never reaches a file name.
    let name: String = domain_sid
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    crate::files::data_dir()
        .join("baselines")
        .join(format!("{name}.json"))
}

/// Why a baseline could not be saved or compared.
#[derive(Debug, thiserror::Error)]
pub enum BaselineJobError {
    #[error("{0}")]
    Check(#[from] AssessError),
    #[error("{0}")]
    Key(#[from] KeyError),
    #[error("{0}")]
    Baseline(#[from] BaselineError),
    #[error("writing the baseline {path} failed: {reason}")]
    Write { path: String, reason: String },
    #[error("reading the baseline {path} failed: {reason}")]
    Read { path: String, reason: String },
    #[error("no configuration of this domain was saved on this computer yet ({path})")]
    NoneSaved { path: String },
}

/// After a successful run: `d` checked again, its baseline saved beside the run's file
/// ([`beside_run`]) and as its domain's last configuration ([`last_path`]). The first path is
/// returned.
pub async fn save_after_run(
    d: &Directory,
    manifest: &Path,
    index: usize,
) -> Result<PathBuf, BaselineJobError> {
    let b = take(d).await?;
    let key = LocalKey::open()?;
    let text = b.sealed(&key);
    let beside = beside_run(manifest, index);
    let last = last_path(&b.domain_sid);
    for path in [&beside, &last] {
        if let Some(dir) = path.parent() {
            crate::files::make_private_dir(dir).map_err(|e| write_error(path, e))?;
        }
        crate::files::write_atomically(path, text.as_bytes()).map_err(|e| write_error(path, e))?;
    }
    Ok(beside)
}

/// Where the baseline of the run's `index`-th directory lies: beside the run's file and named
/// after it, but never `backup-…` (a baseline is not a backup and must not look like one in a
/// file dialog): `backup-<stamp>.json` → `baseline-<stamp>.json`, `baseline-<stamp>-2.json` …
fn beside_run(manifest: &Path, index: usize) -> PathBuf {
    let stem = manifest
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = stem.strip_prefix("backup-").unwrap_or(&stem);
    let file = match index {
        0 => format!("baseline-{name}.json"),
        n => format!("baseline-{name}-{}.json", n + 1),
    };
    manifest.with_file_name(file)
}

fn write_error(path: &Path, e: std::io::Error) -> BaselineJobError {
    BaselineJobError::Write {
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

/// Reads the baseline file at `path` (at most 512 MiB; one baseline or a profile's set) and
/// authenticates every baseline in it.
pub fn open(path: &Path) -> Result<Vec<Baseline>, BaselineJobError> {
    use std::io::Read;
    let shown = path.display().to_string();
    let read_error = |e: std::io::Error| BaselineJobError::Read {
        path: shown.clone(),
        reason: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(read_error)?;
    const LIMIT: u64 = 512 << 20;
    let mut text = String::new();
    file.take(LIMIT + 1)
        .read_to_string(&mut text)
        .map_err(read_error)?;
    if text.len() as u64 > LIMIT {
        return Err(read_error(std::io::Error::other("larger than 512 MiB")));
    }
    let key = LocalKey::open();
    Ok(baseline::open_any(&text, key.as_ref())?)
}

/// The drift of `d` since its domain's last configuration saved on this computer (checked again
/// from `memo`, the last check's, when given): the baseline then, and what changed.
pub async fn since_last(
    d: &Directory,
    domain_sid: &str,
    memo: Option<Memo>,
) -> Result<(Baseline, Drift), BaselineJobError> {
    let path = last_path(domain_sid);
    if !path.exists() {
        return Err(BaselineJobError::NoneSaved {
            path: path.display().to_string(),
        });
    }
    let then = tokio::task::spawn_blocking(move || open(&path))
        .await
        .map_err(|e| BaselineJobError::Read {
            path: String::new(),
            reason: e.to_string(),
        })??;
    let (now, _, _) = take_again(d, memo).await?;
    let then = baseline::pick(&then, &now)?.clone();
    let drift = baseline::compare(&then, &now)?;
    Ok((then, drift))
}

#[cfg(test)]
mod tests {
    use super::beside_run;
    use std::path::Path;

    #[test]
    fn a_runs_baseline_lies_beside_it_and_never_looks_like_a_backup() {
        let run = Path::new("/b/backup-20261207T111858Z.json");
        assert_eq!(
            beside_run(run, 0),
            Path::new("/b/baseline-20261207T111858Z.json")
        );
        assert_eq!(
            beside_run(run, 2),
            Path::new("/b/baseline-20261207T111858Z-3.json")
        );
        assert_eq!(
            beside_run(Path::new("/b/pilot.json"), 0),
            Path::new("/b/baseline-pilot.json")
        );
    }
}
