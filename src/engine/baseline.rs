//! Taking a baseline ([`crate::check::baseline`]) for every face: after a check just made (the
//! command line's `check --save-baseline`/`--baseline`), or afresh after writes (`apply`, the
//! wizard's Configure).

use super::{AssessError, Directory, Login};
use crate::ad::AdError;
use crate::check::baseline::{self, Baseline};
use crate::check::{self, BlockedRef, CheckOutcome, Keep};

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
