//! `restore`: the engine's restore path on the command line. The run file (or a single backup)
//! is read and checked before anything is signed in to; each backup goes back in the directory
//! of its domain, with the connector resolved there now; everything is shown and confirmed
//! once.

use std::process::ExitCode;

use anyhow::{Result, bail};
use writeback_wizard::cli::{RestoreArgs, TargetArgs};
use writeback_wizard::engine::write::{self, RestorePart, RunFiles};
use writeback_wizard::plan::backup::RestoreMode;
use writeback_wizard::words::Words;

use super::fix::confirm;

pub async fn run(args: RestoreArgs, words: &Words) -> Result<ExitCode> {
    // The files first: nothing is signed in to before they are read and checked.
    let files = write::open(&args.backup).map_err(|e| anyhow::anyhow!(words.error(&e)))?;
    say_authenticity(&files, words);
    let target = TargetArgs {
        connector: args.connector.clone(),
        scope: Vec::new(),
    };
    let dirs = super::directories::from_args(&args.connection, &target, 1000).await?;
    let mode = if args.whole {
        RestoreMode::Whole { force: args.force }
    } else {
        RestoreMode::Undo
    };
    let parts = write::prepare_restore(&dirs, &files, mode)
        .await
        .map_err(|e| anyhow::anyhow!(words.error(&e)))?;
    for p in &parts {
        show(p, words);
    }
    let writes: usize = parts.iter().map(RestorePart::writes).sum();
    if writes == 0 {
        outln!("\n{}", super::say("cli-nothing-to-write", &[]));
        return Ok(ExitCode::from(super::exit::OK));
    }
    if !confirm(
        &format!(
            "\n{}",
            super::say("cli-restore-confirm", &[("count", &writes.to_string())])
        ),
        args.yes,
    )? {
        errln!("{}", super::say("cli-nothing-changed", &[]));
        return Ok(ExitCode::from(super::exit::DECLINED));
    }
    // A DN from the backup is one line's value: its line feeds are escaped too.
    let step = |_: usize, item: &_, restored: bool| {
        let line = words.restore_step(item, restored);
        errln!("{}", writeback_wizard::terminal::line(&line))
    };
    let report = match write::restore(&parts, step).await {
        Ok(r) => r,
        Err((e, _)) => bail!(words.error(&e)),
    };
    outln!(
        "{}",
        super::say(
            if report.kept.is_empty() {
                "cli-restore-done"
            } else {
                "cli-restore-done-kept"
            },
            &[
                ("restored", &report.restored.len().to_string()),
                ("unchanged", &report.unchanged.len().to_string()),
                ("kept", &report.kept.len().to_string()),
            ],
        )
    );
    Ok(ExitCode::from(super::exit::OK))
}

/// Says which files are not authenticated (a restore from them takes back only the tool's own
/// grants).
fn say_authenticity(files: &RunFiles, words: &Words) {
    if let Some((_, why)) = &files.manifest
        && !why.is_authenticated()
    {
        errln!(
            "{}",
            super::say(
                "cli-restore-run-not-authenticated",
                &[("why", &words.authenticity(why))]
            )
        );
    }
    for (path, loaded) in &files.backups {
        if !loaded.authenticity.is_authenticated() {
            errln!(
                "{}",
                super::say(
                    "cli-restore-not-authenticated",
                    &[
                        ("path", &path.display().to_string()),
                        ("why", &words.authenticity(&loaded.authenticity)),
                    ],
                )
            );
        }
    }
}

/// One backup and what the restore writes from it.
fn show(p: &RestorePart, words: &Words) {
    let b = &p.loaded.backup;
    outln!(
        "{}",
        super::say(
            "cli-restore-backup",
            &[
                ("domain", &b.domain_dn),
                ("sid", &b.domain_sid),
                ("time", &b.time),
                ("dc", &b.dc),
                ("count", &b.entries.len().to_string()),
                ("name", &p.target.connector.sam_account_name),
                ("connector", &p.target.connector.sid.to_string()),
            ],
        )
    );
    for (k, i) in p.items.iter().enumerate() {
        outln!(
            "\n{}. {} ({})\n   {}",
            k + 1,
            writeback_wizard::terminal::line(&i.dn),
            i.attribute,
            words.restore_note(i)
        );
        for l in &i.diff {
            outln!("   {}", writeback_wizard::terminal::line(l));
        }
    }
}
