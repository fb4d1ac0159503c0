//! `check --save-baseline FILE` and `check --baseline FILE`: the baseline's file, and the drift
//! said on the command line.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use writeback_wizard::check::baseline::{self, Baseline, Drift};

/// Reads and authenticates the baseline at `path` (before anything connects).
pub fn open(path: &Path) -> Result<Baseline> {
    Ok(writeback_wizard::engine::baseline::open(path)?)
}

/// Seals `b` with the local key and writes it to `path` (a new file renamed into place).
pub fn save(b: &Baseline, path: &Path) -> Result<()> {
    let writing = || {
        super::say(
            "cli-baseline-writing",
            &[("path", &path.display().to_string())],
        )
    };
    let key = writeback_wizard::seal::LocalKey::open().with_context(writing)?;
    writeback_wizard::files::write_atomically(path, b.sealed(&key).as_bytes())
        .with_context(writing)?;
    errln!(
        "{}",
        super::say(
            "cli-baseline-saved",
            &[("path", &path.display().to_string())]
        )
    );
    Ok(())
}

/// Compares `now` with `then`, prints the drift (text or JSON) and gives the exit code: 0 no
/// drift, 1 drift that blocks users, 4 drift that blocks no one.
pub fn report(then: &Baseline, now: &Baseline, json: bool) -> Result<ExitCode> {
    let drift = baseline::compare(then, now)?;
    if json {
        let value = serde_json::json!({
            "schema": 1,
            "baseline": { "time": then.time, "dc": then.dc },
            "now": { "time": now.time, "dc": now.dc },
            "drift": drift,
            "no_drift": drift.is_empty(),
            "blocks_users": drift.blocks_users(),
            "readiness_then": baseline::readiness(then),
            "readiness_now": baseline::readiness(now),
        });
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        text(then, &drift);
    }
    Ok(ExitCode::from(if drift.is_empty() {
        super::exit::OK
    } else if drift.blocks_users() {
        super::exit::NOT_READY
    } else {
        super::exit::DRIFT
    }))
}

pub fn text(then: &Baseline, d: &Drift) {
    // Each line escaped whole: DNs and ACEs come from the directory.
    for line in super::words().drift_lines(then, d) {
        outln!("{}", writeback_wizard::terminal::line(&line));
    }
}
