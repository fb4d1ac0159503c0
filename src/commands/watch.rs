//! `writeback-wizard watch`: checks the directory again whenever it changes — on the DC's
//! change notifications where it offers them, and on a timer — and prints one line per drift
//! event since the baseline: a JSON line for a monitoring system, the drift in words on a
//! terminal. Ctrl+C stops it between or during checks.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Result, bail};
use writeback_wizard::ad::notify::{NOTIFICATION, Notifications};
use writeback_wizard::check::baseline::{self, Baseline, Drift};
use writeback_wizard::cli::WatchArgs;
use writeback_wizard::engine::{self, Directory};
use writeback_wizard::words::Words;

/// After a notification, changes that follow within this time are checked together.
const SETTLE: Duration = Duration::from_millis(700);

pub async fn run(args: WatchArgs, words: &Words) -> Result<ExitCode> {
    // A baseline file is read and authenticated before anything connects.
    let from_file = match &args.baseline {
        Some(path) => Some(super::drift::open(path)?),
        None => None,
    };
    if args.connection.profile.is_some() {
        bail!(super::say("cli-watch-one-directory", &[]));
    }
    let dirs = super::directories::from_args(&args.connection, &args.target, 1000).await?;
    let Some(d) = dirs.into_iter().next() else {
        return Ok(ExitCode::from(super::exit::CANNOT_RUN));
    };
    let started_with_file = from_file.is_some();
    let then = match from_file {
        Some(b) => b,
        None => engine::baseline::take(&d)
            .await
            .map_err(|e| anyhow::anyhow!(words.error(&e)))?,
    };
    let json = args.json || !std::io::stdout().is_terminal();
    let interval = Duration::from_secs(args.interval);
    let seconds = args.interval.to_string();
    let mut notes = if args.no_notifications {
        None
    } else {
        open_notifications(&d, &then.domain_dn, &seconds, words).await
    };
    let how = if notes.is_some() {
        super::say("watch-how-notifications", &[("seconds", &seconds)])
    } else {
        super::say("watch-how-timer", &[("seconds", &seconds)])
    };
    errln!(
        "{}",
        super::say(
            "watch-started",
            &[("label", &d.label), ("time", &then.time), ("how", &how)]
        )
    );
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    // With a baseline taken now there is no drift yet; with a file, the first check says it.
    let mut last = (!started_with_file).then(Drift::default);
    // Every wake-up but the first checks; the first too when the baseline came from a file.
    let mut due = started_with_file;
    loop {
        if due {
            tokio::select! {
                _ = &mut ctrl_c => break,
                now = engine::baseline::take(&d) => match now {
                    Ok(now) => emit_if_new(&then, &now, &mut last, json, &d.label)?,
                    Err(e) => failed(&words.error(&e), json, &d.label),
                },
            }
        }
        tokio::select! {
            _ = &mut ctrl_c => break,
            _ = tokio::time::sleep(interval) => {}
            changed = next(&mut notes) => match changed {
                Ok(Some(_)) => settle(&mut notes).await,
                Ok(None) => ended(&mut notes, "-", &seconds),
                Err(e) => ended(&mut notes, &words.error(&e), &seconds),
            },
        }
        due = true;
    }
    errln!("{}", super::say("watch-stopped", &[]));
    Ok(ExitCode::from(super::exit::OK))
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
                super::say("watch-no-notifications", &[("seconds", seconds)])
            );
            None
        }
        Err(e) => {
            errln!(
                "{}",
                super::say(
                    "watch-notifications-ended",
                    &[("reason", &words.ad_error(&e)), ("seconds", seconds)]
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
fn ended(notes: &mut Option<Notifications>, reason: &str, seconds: &str) {
    *notes = None;
    errln!(
        "{}",
        super::say(
            "watch-notifications-ended",
            &[("reason", reason), ("seconds", seconds)]
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
            "drift": drift,
        });
        outln!("{line}");
    } else {
        outln!("\n{}", super::say("watch-event", &[("time", &now.time)]));
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
            super::say("watch-check-failed", &[("time", &time), ("reason", reason)])
        );
    }
}
