//! `check --save-baseline FILE` and `check --baseline FILE`: the baseline's file, and the drift
//! said on the command line.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use writeback_wizard::check::baseline::{self, Baseline, Drift};

/// At most this many users are listed per group in the text (JSON lists all).
const LISTED: usize = 20;

/// Reads and authenticates the baseline at `path` (before anything connects).
pub fn open(path: &Path) -> Result<Baseline> {
    let reading = || {
        super::say(
            "cli-baseline-reading",
            &[("path", &path.display().to_string())],
        )
    };
    // A baseline of a large directory is large, but never more than this.
    let text = read_limited(path, 512 << 20).with_context(reading)?;
    let key = writeback_wizard::seal::LocalKey::open();
    Baseline::open(&text, key.as_ref()).with_context(reading)
}

fn read_limited(path: &Path, limit: u64) -> std::io::Result<String> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > limit {
        return Err(std::io::Error::other(format!("larger than {limit} bytes")));
    }
    Ok(text)
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
    let say = super::say;
    let when = [("time", then.time.as_str()), ("dc", then.dc.as_str())];
    if d.is_empty() {
        outln!("{}", say("drift-none", &when));
        return;
    }
    outln!("{}", say("drift-heading", &when));
    for (cause, state) in &d.causes_new {
        let users = state.users.to_string();
        outln!(
            "  {}",
            say("drift-cause-new", &[("cause", cause), ("users", &users)])
        );
        for ace in &state.evidence {
            outln!("      {}", writeback_wizard::terminal::line(ace));
        }
    }
    for (cause, state) in &d.causes_gone {
        let users = state.users.to_string();
        outln!(
            "  {}",
            say("drift-cause-gone", &[("cause", cause), ("users", &users)])
        );
    }
    for c in &d.changes {
        change(c);
    }
    for (what, a, b) in &d.settings {
        outln!(
            "  {}",
            say("drift-setting", &[("what", what), ("then", a), ("now", b)])
        );
    }
    if !d.newly_blocked.is_empty() {
        let n = d.newly_blocked.len().to_string();
        outln!("\n{}", say("drift-newly-blocked", &[("n", &n)]));
        for (dn, reasons) in d.newly_blocked.iter().take(LISTED) {
            let older = if d.blocked_by_older_causes.contains(dn) {
                format!(" {}", say("drift-older", &[]))
            } else {
                String::new()
            };
            outln!(
                "  ✖ {} — {}{older}",
                writeback_wizard::terminal::line(dn),
                writeback_wizard::terminal::line(&reasons.join("; "))
            );
        }
        more(d.newly_blocked.len());
    }
    if !d.more_reasons.is_empty() {
        let n = d.more_reasons.len().to_string();
        outln!("\n{}", say("drift-more-reasons", &[("n", &n)]));
        for (dn, reasons) in d.more_reasons.iter().take(LISTED) {
            outln!(
                "  ✖ {} — + {}",
                writeback_wizard::terminal::line(dn),
                writeback_wizard::terminal::line(&reasons.join("; "))
            );
        }
        more(d.more_reasons.len());
    }
    if !d.unblocked.is_empty() {
        let n = d.unblocked.len().to_string();
        outln!("\n{}", say("drift-unblocked", &[("n", &n)]));
    }
    if !d.newly_excluded.is_empty() {
        let n = d.newly_excluded.len().to_string();
        outln!("\n{}", say("drift-newly-excluded", &[("n", &n)]));
        for dn in d.newly_excluded.iter().take(LISTED) {
            outln!("  • {}", writeback_wizard::terminal::line(dn));
        }
        more(d.newly_excluded.len());
    }
    if !d.joined_protected.is_empty() {
        let n = d.joined_protected.len().to_string();
        outln!("\n{}", say("drift-joined-protected", &[("n", &n)]));
        for dn in d.joined_protected.iter().take(LISTED) {
            outln!("  • {}", writeback_wizard::terminal::line(dn));
        }
        more(d.joined_protected.len());
    }
    if !d.left_protected.is_empty() {
        let n = d.left_protected.len().to_string();
        outln!("\n{}", say("drift-left-protected", &[("n", &n)]));
    }
    if !d.no_longer_excluded.is_empty() {
        let n = d.no_longer_excluded.len().to_string();
        outln!("\n{}", say("drift-no-longer-excluded", &[("n", &n)]));
    }
}

/// One change: what, where, when, and whom it blocked.
fn change(c: &writeback_wizard::check::baseline::Change) {
    let version_now = c.version_now.to_string();
    let (blocked, unblocked) = (c.blocked_since.to_string(), c.unblocked_since.to_string());
    let then_version = c.version_then.map(|v| v.to_string());
    let mut args = vec![
        ("object", c.object.as_str()),
        ("attribute", c.attribute.as_str()),
        ("time", c.time.as_str()),
        ("dc", c.dc.as_str()),
        ("now", version_now.as_str()),
        ("blocked", blocked.as_str()),
        ("unblocked", unblocked.as_str()),
    ];
    let id = match &then_version {
        Some(v) => {
            args.push(("then", v.as_str()));
            "drift-change"
        }
        None if c.before_baseline => "drift-change-older",
        None => "drift-change-unwatched",
    };
    outln!("  {}", super::say(id, &args));
}

fn more(total: usize) {
    if total > LISTED {
        let n = (total - LISTED).to_string();
        outln!("  {}", super::say("drift-more", &[("n", &n)]));
    }
}
