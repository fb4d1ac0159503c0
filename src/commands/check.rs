//! `writeback-wizard check`.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result};
use writeback_wizard::check::CheckOptions;
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
    let request = Request {
        options: CheckOptions {
            connector: args.target.connector.clone(),
            scopes: args.target.scope.clone(),
            page_size: args.page_size,
        },
        cloud,
        sync_server,
        pilot_group: args.pilot_group.clone(),
    };
    let login = super::connect::login(&args.connection)?;
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
