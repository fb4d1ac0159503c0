//! `check --save-baseline FILE` and `check --baseline FILE`: the baseline's file, and the drift
//! said on the command line.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use writeback_wizard::check::baseline::{self, Baseline, Drift};
use writeback_wizard::cli::ReportFormat;
use writeback_wizard::report::drift::{DriftFormat, Section, render};

/// Reads and authenticates the baseline file at `path` — one baseline, or a profile's set —
/// before anything connects.
pub fn open(path: &Path) -> Result<Vec<Baseline>> {
    Ok(writeback_wizard::engine::baseline::open(path)?)
}

/// Seals `b` with the local key and writes it to `path` (a new file renamed into place).
pub fn save(b: &Baseline, path: &Path) -> Result<()> {
    write_sealed(path, |key| b.sealed(key))
}

/// A profile's baselines (by directory label) sealed into one set file at `path`; a directory
/// whose check failed has none, said.
pub fn save_set(nows: &[(String, Result<Baseline, String>)], path: &Path) -> Result<()> {
    let mut items = Vec::new();
    for (label, now) in nows {
        match now {
            Ok(b) => items.push((label.as_str(), b)),
            Err(reason) => errln!(
                "{}",
                super::say(
                    "cli-baseline-not-taken",
                    &[("label", label), ("reason", reason)]
                )
            ),
        }
    }
    if items.is_empty() {
        anyhow::bail!(super::say("cli-baseline-none-taken", &[]));
    }
    write_sealed(path, |key| baseline::sealed_set(items, key))
}

/// Writes the text `seal` makes with the local key to `path` (a new file renamed into place),
/// and says where.
fn write_sealed(
    path: &Path,
    seal: impl FnOnce(&writeback_wizard::seal::LocalKey) -> String,
) -> Result<()> {
    let shown = path.display().to_string();
    let writing = || super::say("cli-baseline-writing", &[("path", &shown)]);
    let key = writeback_wizard::seal::LocalKey::open().with_context(writing)?;
    writeback_wizard::files::write_atomically(path, seal(&key).as_bytes()).with_context(writing)?;
    errln!("{}", super::say("cli-baseline-saved", &[("path", &shown)]));
    Ok(())
}

/// Each directory's drift since its baseline in `then` (found by domain), printed as one text
/// section or one JSON document with an entry per directory. Exit code: 1 when any drift
/// blocks users, else 2 when a directory could not be compared, else 4 for drift that blocks
/// no one, else 0.
pub fn report_several(
    then: &[Baseline],
    nows: &[(String, Result<Baseline, String>)],
    format: ReportFormat,
) -> Result<ExitCode> {
    let json = format == ReportFormat::Json;
    let other = other_format(format);
    let (mut blocks, mut failed, mut drifted) = (false, false, false);
    let mut entries = Vec::new();
    let mut sections: Vec<(&str, &Baseline, Drift)> = Vec::new();
    let mut not_compared: Vec<(&str, String)> = Vec::new();
    for (label, now) in nows {
        let compared = match now {
            Ok(now) => baseline::pick(then, now)
                .and_then(|t| Ok((t, now, baseline::compare(t, now)?)))
                .map_err(|e| super::words().baseline_error(&e)),
            Err(reason) => Err(reason.clone()),
        };
        match compared {
            Ok((t, now, drift)) => {
                blocks |= drift.blocks_users();
                drifted |= !drift.is_empty();
                if other.is_some() {
                    sections.push((label.as_str(), t, drift));
                } else if json {
                    let mut v = document(t, now, &drift);
                    v["directory"] = serde_json::json!(label);
                    entries.push(v);
                } else {
                    outln!(
                        "\n{}",
                        super::say("cli-drift-directory", &[("label", label)])
                    );
                    text(t, &drift);
                }
            }
            Err(reason) => {
                failed = true;
                if other.is_some() {
                    not_compared.push((label.as_str(), reason));
                } else if json {
                    entries.push(serde_json::json!({
                        "schema": 1,
                        "directory": label,
                        "error": reason,
                    }));
                } else {
                    outln!(
                        "\n{}",
                        super::say("cli-drift-directory", &[("label", label)])
                    );
                    outln!(
                        "{}",
                        writeback_wizard::terminal::line(&super::say(
                            "cli-drift-not-compared",
                            &[("reason", &reason)]
                        ))
                    );
                }
            }
        }
    }
    if let Some(f) = other {
        let sections: Vec<Section<'_>> = sections
            .iter()
            .map(|(label, then, drift)| Section {
                label: Some(label),
                then,
                drift,
            })
            .collect();
        out!("{}", render(f, &sections, &not_compared, super::words()));
    } else if json {
        let value = serde_json::json!({ "schema": 1, "directories": entries });
        outln!("{}", serde_json::to_string_pretty(&value)?);
    }
    Ok(ExitCode::from(if blocks {
        super::exit::NOT_READY
    } else if failed {
        super::exit::CANNOT_RUN
    } else if drifted {
        super::exit::DRIFT
    } else {
        super::exit::OK
    }))
}

/// One directory's drift as JSON.
fn document(then: &Baseline, now: &Baseline, drift: &Drift) -> serde_json::Value {
    serde_json::json!({
        "schema": 1,
        "baseline": { "time": then.time, "dc": then.dc },
        "now": { "time": now.time, "dc": now.dc },
        "drift": drift,
        "no_drift": drift.is_empty(),
        "blocks_users": drift.blocks_users(),
        "readiness_then": baseline::readiness(then),
        "readiness_now": baseline::readiness(now),
    })
}

/// Compares `now` with `then`, prints the drift (text or JSON) and gives the exit code: 0 no
/// drift, 1 drift that blocks users, 4 drift that blocks no one.
pub fn report(then: &Baseline, now: &Baseline, format: ReportFormat) -> Result<ExitCode> {
    let drift = baseline::compare(then, now)?;
    if let Some(f) = other_format(format) {
        let s = [Section {
            label: None,
            then,
            drift: &drift,
        }];
        out!("{}", render(f, &s, &[], super::words()));
    } else if format == ReportFormat::Json {
        let value = document(then, now, &drift);
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

/// The drift's format other than text and JSON.
fn other_format(format: ReportFormat) -> Option<DriftFormat> {
    match format {
        ReportFormat::Markdown => Some(DriftFormat::Markdown),
        ReportFormat::Html => Some(DriftFormat::Html),
        ReportFormat::Csv => Some(DriftFormat::Csv),
        ReportFormat::Text | ReportFormat::Json => None,
    }
}

pub fn text(then: &Baseline, d: &Drift) {
    // Each line escaped whole: DNs and ACEs come from the directory.
    for line in super::words().drift_lines(then, d) {
        outln!("{}", writeback_wizard::terminal::line(&line));
    }
}
