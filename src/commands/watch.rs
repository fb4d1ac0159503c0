//! `writeback-wizard watch`: checks the directory again whenever it changes — on the DC's
//! change notifications where it offers them, and on a timer — and prints one line per drift
//! event since the baseline: a JSON line for a monitoring system, the drift in words on a
//! terminal. Ctrl+C stops it between or during checks.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use tokio::task::JoinSet;
use writeback_wizard::ad::notify::{NOTIFICATION, Notifications};
use writeback_wizard::check::baseline::{self, Baseline, Drift};
use writeback_wizard::check::incremental::How as Checked;
use writeback_wizard::cli::WatchArgs;
use writeback_wizard::engine::{self, Directory};
use writeback_wizard::words::Words;

/// After a notification, changes that follow within this time are checked together.
const SETTLE: Duration = Duration::from_millis(700);

pub async fn run(args: WatchArgs, _words: &Words) -> Result<ExitCode> {
    // A baseline file is read and authenticated before anything connects.
    let from_file = match &args.baseline {
        Some(path) => Some(Arc::new(super::drift::open(path)?)),
        None => None,
    };
    let dirs = super::directories::from_args(&args.connection, &args.target, 1000).await?;
    if dirs.is_empty() {
        return Ok(ExitCode::from(super::exit::CANNOT_RUN));
    }
    let how = Settings {
        json: args.json || !std::io::stdout().is_terminal(),
        interval: Duration::from_secs(args.interval),
        notifications: !args.no_notifications,
    };
    // Each directory watched on its own; Ctrl+C ends them all, between or during checks.
    let mut watches = JoinSet::new();
    for d in dirs {
        watches.spawn(watch_one(d, from_file.clone(), how));
    }
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    let ended = loop {
        tokio::select! {
            _ = &mut ctrl_c => break Ok(()),
            joined = watches.join_next() => match joined {
                None | Some(Ok(Ok(()))) => {
                    if watches.is_empty() {
                        break Ok(());
                    }
                }
                Some(Ok(Err(e))) => break Err(e),
                Some(Err(e)) => break Err(anyhow::anyhow!(e)),
            },
        }
    };
    watches.abort_all();
    ended?;
    errln!("{}", super::say("watch-stopped", &[]));
    Ok(ExitCode::from(super::exit::OK))
}

/// How every directory is watched.
#[derive(Clone, Copy)]
struct Settings {
    json: bool,
    interval: Duration,
    notifications: bool,
}

/// Watches one directory until aborted: its baseline (from the file, found by its domain, or
/// taken now), then a check whenever it changes or the interval passes. An error ends the
/// watch of every directory (a baseline file without this directory, a refused comparison).
async fn watch_one(
    d: Directory,
    from_file: Option<Arc<Vec<Baseline>>>,
    how: Settings,
) -> Result<()> {
    let words = super::words();
    // Each check after the first reads only what changed since the one before, when it can.
    let (first, memo, how_checked) = engine::baseline::take_again(&d, None)
        .await
        .map_err(|e| anyhow::anyhow!("{}: {}", d.label, words.error(&e)))?;
    let mut memo = Some(memo);
    let mut last = None;
    let then = match &from_file {
        Some(set) => {
            let then = baseline::pick(set, &first)
                .map_err(|e| anyhow::anyhow!("{}: {}", d.label, words.baseline_error(&e)))?
                .clone();
            emit_if_new(&then, &first, &mut last, how.json, &d.label, &how_checked)?;
            then
        }
        None => {
            // A baseline taken now: no drift yet.
            last = Some(Drift::default());
            first
        }
    };
    let seconds = how.interval.as_secs().to_string();
    let mut notes = if how.notifications {
        open_notifications(&d, &then.domain_dn, &seconds, words).await
    } else {
        None
    };
    let mode = if notes.is_some() {
        "watch-how-notifications"
    } else {
        "watch-how-timer"
    };
    let mode = super::say(mode, &[("seconds", &seconds)]);
    errln!(
        "{}",
        super::say(
            "watch-started",
            &[("label", &d.label), ("time", &then.time), ("how", &mode)]
        )
    );
    loop {
        tokio::select! {
            _ = tokio::time::sleep(how.interval) => {}
            changed = next(&mut notes) => match changed {
                Ok(Some(_)) => settle(&mut notes).await,
                Ok(None) => ended(&mut notes, "-", &seconds, &d.label),
                Err(e) => ended(&mut notes, &words.error(&e), &seconds, &d.label),
            },
        }
        match engine::baseline::take_again(&d, memo.take()).await {
            Ok((now, next, checked)) => {
                memo = Some(next);
                emit_if_new(&then, &now, &mut last, how.json, &d.label, &checked)?
            }
            Err(e) => failed(&words.error(&e), how.json, &d.label),
        }
    }
}

/// A notification search on the domain, where the DC lists the control; else `None`, said.
async fn open_notifications(
    d: &Directory,
    base: &str,
    seconds: &str,
    words: &Words,
) -> Option<Notifications> {
    let opened = async {
        let mut conn = d.login.connect().await?;
        let root = conn.root_dse().await?;
        if !root.supports_control(NOTIFICATION) {
            conn.close().await;
            return Ok(None);
        }
        conn.notifications(base).await.map(Some)
    }
    .await;
    match opened {
        Ok(Some(n)) => Some(n),
        Ok(None) => {
            errln!(
                "{}",
                super::say(
                    "watch-no-notifications",
                    &[("label", &d.label), ("seconds", seconds)]
                )
            );
            None
        }
        Err(e) => {
            errln!(
                "{}",
                super::say(
                    "watch-notifications-ended",
                    &[
                        ("label", &d.label),
                        ("reason", &words.ad_error(&e)),
                        ("seconds", seconds)
                    ]
                )
            );
            None
        }
    }
}

/// The next change, or never without notifications.
async fn next(
    notes: &mut Option<Notifications>,
) -> Result<Option<String>, writeback_wizard::ad::AdError> {
    match notes {
        Some(n) => n.next().await,
        None => std::future::pending().await,
    }
}

/// Waits until no change has come for [`SETTLE`], so a burst is checked once.
async fn settle(notes: &mut Option<Notifications>) {
    loop {
        tokio::select! {
            _ = tokio::time::sleep(SETTLE) => return,
            changed = next(notes) => {
                if !matches!(changed, Ok(Some(_))) {
                    *notes = None;
                    return;
                }
            }
        }
    }
}

/// The DC ended the notifications: the timer alone from now on.
fn ended(notes: &mut Option<Notifications>, reason: &str, seconds: &str, label: &str) {
    *notes = None;
    errln!(
        "{}",
        super::say(
            "watch-notifications-ended",
            &[("label", label), ("reason", reason), ("seconds", seconds)]
        )
    );
}

/// Compares `now` with the baseline and prints the drift when it differs from the last printed.
fn emit_if_new(
    then: &Baseline,
    now: &Baseline,
    last: &mut Option<Drift>,
    json: bool,
    label: &str,
    checked: &Checked,
) -> Result<()> {
    let drift = baseline::compare(then, now)?;
    if last.as_ref() == Some(&drift) {
        return Ok(());
    }
    if json {
        let line = serde_json::json!({
            "time": now.time,
            "directory": label,
            "event": if drift.is_empty() { "no-drift" } else { "drift" },
            "blocks_users": drift.blocks_users(),
            "readiness": baseline::readiness(now),
            "checked": checked,
            "drift": drift,
        });
        outln!("{line}");
    } else {
        outln!(
            "\n{}",
            super::say("watch-event", &[("time", &now.time), ("label", label)])
        );
        super::drift::text(then, &drift);
    }
    *last = Some(drift);
    Ok(())
}

/// A check that failed: said, and the watch goes on.
fn failed(reason: &str, json: bool, label: &str) {
    let time = writeback_wizard::clock::rfc3339_now();
    if json {
        let line = serde_json::json!({
            "time": time,
            "directory": label,
            "event": "check-failed",
            "reason": reason,
        });
        outln!("{line}");
    } else {
        errln!(
            "{}",
            super::say(
                "watch-check-failed",
                &[("time", &time), ("label", label), ("reason", reason)]
            )
        );
    }
}
