//! `writeback-wizard check`.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result};
use writeback_wizard::cli::{CheckArgs, ReportFormat};
use writeback_wizard::engine::{self, Progress, Request, SyncServerCheck};
use writeback_wizard::report;
use writeback_wizard::syncserver::{self, ProcessPowerShell};
use writeback_wizard::words::Words;

pub async fn run(args: CheckArgs, words: &Words) -> Result<ExitCode> {
    // The cloud sign-in first: it can take minutes (a device code typed on a phone), longer
    // than a DC keeps an idle LDAP connection open; the engine connects to the DC after it.
    let cloud = if args.entra.entra {
        Some(super::cloud::sign_in(&args.entra, args.pilot_group.is_some()).await?)
    } else {
        None
    };
    let sync_server = (args.entra.entra || args.sync_server).then(|| SyncServerCheck {
        powershell: ProcessPowerShell::default(),
        targets: syncserver::default_targets(super::cloud::cloud(args.entra.cloud)),
    });
    let mut dirs =
        super::directories::from_args(&args.connection, &args.target, args.page_size).await?;
    if args.connection.profile.is_some() {
        return several(&args, dirs, cloud, sync_server, words).await;
    }
    let dir = dirs.remove(0);
    let request = Request {
        options: dir.options,
        cloud,
        sync_server,
        pilot_group: args.pilot_group.clone(),
    };
    let login = dir.login;
    let tty = std::io::stderr().is_terminal();
    let assessment = engine::assess(&login, &request, |p| {
        if let Progress::Users(n) = p
            && tty
        {
            eprint!("\rscanning users… {n}");
        }
    })
    .await;
    if tty {
        eprint!("\r\x1b[2K");
    }
    let report = assessment?.report;
    if let (Some(path), Some(table)) = (&args.pilot_csv, &report.pilot) {
        super::write_file(path, writeback_wizard::pilot::csv(table).as_bytes()).with_context(
            || {
                super::say(
                    "cli-writing-pilot",
                    &[("path", &path.display().to_string())],
                )
            },
        )?;
    }
    let to_file = args.output.is_some();
    let text = match args.format {
        ReportFormat::Text => {
            report::text(&report, words, !to_file && std::io::stdout().is_terminal())
        }
        ReportFormat::Json => report.json(words),
        ReportFormat::Markdown => report::markdown(&report, words),
        ReportFormat::Html => report::html(&report, words),
    };
    match &args.output {
        Some(path) => {
            super::write_file(path, text.as_bytes()).with_context(|| {
                super::say(
                    "cli-writing-report",
                    &[("path", &path.display().to_string())],
                )
            })?;
            eprintln!(
                "report written to {} ({})",
                path.display(),
                if report.ready { "ready" } else { "not ready" }
            );
        }
        None => print!("{text}"),
    }
    Ok(if report.ready {
        ExitCode::from(super::exit::OK)
    } else {
        ExitCode::from(super::exit::NOT_READY)
    })
}

/// `check --profile`: every directory at once, one report with a section for each. The cloud,
/// the sync server and the pilot group go with the first directory.
async fn several(
    args: &CheckArgs,
    dirs: Vec<super::directories::Directory>,
    cloud: Option<writeback_wizard::entra::Graph>,
    sync_server: Option<SyncServerCheck>,
    words: &Words,
) -> Result<ExitCode> {
    use writeback_wizard::engine::directories::{DirectoryJob, DirectoryProgress, assess_all};
    let mut first = Some((cloud, sync_server, args.pilot_group.clone()));
    let jobs: Vec<DirectoryJob> = dirs
        .into_iter()
        .map(|d| {
            let (cloud, sync_server, pilot_group) = first.take().unwrap_or_default();
            DirectoryJob {
                label: d.label,
                login: d.login,
                request: Request {
                    options: d.options,
                    cloud,
                    sync_server,
                    pilot_group,
                },
            }
        })
        .collect();
    let labels: Vec<String> = jobs.iter().map(|j| j.label.clone()).collect();
    let tty = std::io::stderr().is_terminal();
    let outcomes = assess_all(jobs, |i, p| match p {
        DirectoryProgress::Progress(Progress::Users(n)) if tty => {
            eprint!("\r\x1b[2K{}: {n}", labels[i]);
        }
        DirectoryProgress::Finished => {
            if tty {
                eprint!("\r\x1b[2K");
            }
            eprintln!(
                "{}",
                super::say("cli-directory-done", &[("label", &labels[i])])
            );
        }
        _ => {}
    })
    .await;
    let sections: Vec<report::several::Section> = outcomes
        .iter()
        .map(|o| report::several::Section {
            label: &o.label,
            outcome: o
                .result
                .as_ref()
                .map(|a| &a.report)
                .map_err(|e| words.error(e)),
        })
        .collect();
    let to_file = args.output.is_some();
    let text = match args.format {
        ReportFormat::Text => report::several::text(
            &sections,
            words,
            !to_file && std::io::stdout().is_terminal(),
        ),
        ReportFormat::Json => report::several::json(&sections, words),
        ReportFormat::Markdown => report::several::markdown(&sections, words),
        ReportFormat::Html => report::several::html(&sections, words),
    };
    let ready = report::several::ready(&sections);
    match &args.output {
        Some(path) => {
            super::write_file(path, text.as_bytes()).with_context(|| {
                super::say(
                    "cli-writing-report",
                    &[("path", &path.display().to_string())],
                )
            })?;
            eprintln!("{}", report::several::verdict(&sections, words));
        }
        None => print!("{text}"),
    }
    Ok(if ready {
        ExitCode::from(super::exit::OK)
    } else if sections.iter().all(|s| s.outcome.is_err()) {
        ExitCode::from(super::exit::CANNOT_RUN)
    } else {
        ExitCode::from(super::exit::NOT_READY)
    })
}
