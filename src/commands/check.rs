//! `writeback-wizard check`.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result};
use writeback_wizard::check::{self, CheckOptions};
use writeback_wizard::cli::{CheckArgs, ReportFormat};
use writeback_wizard::report::{self, Report};

pub async fn run(args: CheckArgs) -> Result<ExitCode> {
    // The cloud first: a sign-in can take minutes (a device code typed on a phone), longer than
    // a DC keeps an idle LDAP connection open, so the directory is connected only after it.
    let cloud = if args.entra.entra {
        Some(super::cloud::run(&args.entra, args.pilot_group.is_some()).await?)
    } else {
        None
    };
    let mut conn = super::connect::connect(&args.connection).await?;
    let opts = CheckOptions {
        connector: args.target.connector.clone(),
        scopes: args.target.scope.clone(),
        page_size: args.page_size,
    };
    let tty = std::io::stderr().is_terminal();
    let mut outcome = check::run(&mut conn, &opts, |n| {
        if tty {
            eprint!("\rscanning users… {n}");
        }
    })
    .await?;
    if tty {
        eprint!("\r\x1b[2K");
    }
    if let Some(summary) = &cloud {
        outcome.findings.extend(summary.findings.iter().cloned());
    }
    let pilot = match &args.pilot_group {
        Some(group) => {
            let table = writeback_wizard::pilot::run(
                &mut conn,
                &outcome.facts,
                group,
                cloud.as_ref().map(|c| &c.graph),
            )
            .await?;
            outcome
                .findings
                .extend(writeback_wizard::pilot::findings(&table));
            if let Some(path) = &args.pilot_csv {
                super::write_file(path, writeback_wizard::pilot::csv(&table).as_bytes())
                    .with_context(|| format!("writing the pilot table to {}", path.display()))?;
            }
            Some(table)
        }
        None => None,
    };
    conn.close().await;
    let mut report = Report::from_outcome(&outcome);
    report.pilot = pilot;
    report.cloud = writeback_wizard::report::CloudInfo {
        checked: cloud.is_some(),
        tenant: cloud.as_ref().and_then(|c| c.tenant.clone()),
        signed_in_as: cloud.as_ref().and_then(|c| c.signed_in_as.clone()),
    };
    let to_file = args.output.is_some();
    let text = match args.format {
        ReportFormat::Text => report::text(&report, !to_file && std::io::stdout().is_terminal()),
        ReportFormat::Json => report.json(),
        ReportFormat::Markdown => report::markdown(&report),
        ReportFormat::Html => report::html(&report),
    };
    match &args.output {
        Some(path) => {
            super::write_file(path, text.as_bytes())
                .with_context(|| format!("writing the report to {}", path.display()))?;
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
