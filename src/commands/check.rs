//! `writeback-wizard check`.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use writeback_wizard::check::Keep;
use writeback_wizard::check::pace::Pace;
use writeback_wizard::cli::{CheckArgs, ReportFormat};
use writeback_wizard::engine::{self, Progress, Request, SyncServerCheck};
use writeback_wizard::report::stream::{ReportStream, StreamFormat};
use writeback_wizard::report::{self, RowFormat};
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
        // The blocked users go into the report as the scan judges them; none are kept.
        keep: Keep::CountOnly,
    };
    let login = dir.login;
    let to_file = args.output.is_some();
    let color = !to_file && std::io::stdout().is_terminal();
    let format = match args.format {
        ReportFormat::Text => StreamFormat::Text { color },
        ReportFormat::Json => StreamFormat::Rows(RowFormat::Json),
        ReportFormat::Markdown => StreamFormat::Rows(RowFormat::Markdown),
        ReportFormat::Html => StreamFormat::Rows(RowFormat::Html),
        ReportFormat::Csv => StreamFormat::Rows(RowFormat::Csv),
    };
    // The rows wait beside the report (the same disk, the same privacy), or in the temporary
    // folder when the report goes to standard output.
    let spill_dir = match &args.output {
        Some(path) => writeback_wizard::files::folder_of(path).to_path_buf(),
        None => std::env::temp_dir(),
    };
    let writing = || {
        super::say(
            "cli-writing-report",
            &[(
                "path",
                &args
                    .output
                    .as_ref()
                    .map_or_else(|| "-".to_string(), |p| p.display().to_string()),
            )],
        )
    };
    let mut stream = ReportStream::new(format, words, &spill_dir).with_context(writing)?;
    let tty = std::io::stderr().is_terminal();
    let mut pace = Pace::default();
    let mut shown = Instant::now();
    let assessment = engine::assess(&login, &request, |p| match p {
        Progress::Blocked(b) => stream.push(b.as_ref()),
        Progress::Users(count) => {
            let now = Instant::now();
            pace.note(count, now);
            // On a terminal the line is redrawn; in a log, a line every ten seconds.
            if tty {
                let line = words.pace(&pace.read(count, now));
                eprint!("\r\x1b[2K{}", writeback_wizard::terminal::line(&line));
            } else if now.duration_since(shown) >= PROGRESS_LOG_EVERY {
                shown = now;
                errln!("{}", words.pace(&pace.read(count, now)));
            }
        }
        _ => {}
    })
    .await;
    if tty {
        eprint!("\r\x1b[2K");
    }
    let report = assessment?.report;
    if let (Some(path), Some(table)) = (&args.pilot_csv, &report.pilot) {
        writeback_wizard::files::write_atomically_with(path, |out| {
            writeback_wizard::pilot::write_csv(table, out)
        })
        .with_context(|| {
            super::say(
                "cli-writing-pilot",
                &[("path", &path.display().to_string())],
            )
        })?;
    }
    match &args.output {
        Some(path) => {
            writeback_wizard::files::write_atomically_with(path, |out| stream.finish(&report, out))
                .with_context(writing)?;
            errln!(
                "report written to {} ({})",
                path.display(),
                if report.ready { "ready" } else { "not ready" }
            );
        }
        // A coloured checklist escaped its values itself (its colours must pass); everything
        // else is escaped on its way to the terminal.
        None if color => stream
            .finish(&report, &mut std::io::stdout().lock())
            .with_context(writing)?,
        None => {
            let mut out = writeback_wizard::terminal::Escaping::new(std::io::stdout().lock());
            stream.finish(&report, &mut out).with_context(writing)?;
            std::io::Write::flush(&mut out).with_context(writing)?;
        }
    }
    Ok(if report.ready {
        ExitCode::from(super::exit::OK)
    } else {
        ExitCode::from(super::exit::NOT_READY)
    })
}

/// How often a scan's progress is logged when standard error is not a terminal.
const PROGRESS_LOG_EVERY: Duration = Duration::from_secs(10);

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
                    keep: Keep::Blocked,
                },
            }
        })
        .collect();
    let labels: Vec<String> = jobs.iter().map(|j| j.label.clone()).collect();
    let tty = std::io::stderr().is_terminal();
    let outcomes = assess_all(jobs, |i, p| match p {
        DirectoryProgress::Progress(Progress::Users(n)) if tty => {
            err!("\r\x1b[2K{}: {}", labels[i], n.scanned);
        }
        DirectoryProgress::Finished => {
            if tty {
                err!("\r\x1b[2K");
            }
            errln!(
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
    let color = !to_file && std::io::stdout().is_terminal() && args.format == ReportFormat::Text;
    let text = match args.format {
        ReportFormat::Text => report::several::text(&sections, words, color),
        ReportFormat::Json => report::several::json(&sections, words),
        ReportFormat::Markdown => report::several::markdown(&sections, words),
        ReportFormat::Html => report::several::html(&sections, words),
        ReportFormat::Csv => report::several::csv(&sections, words),
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
            errln!("{}", report::several::verdict(&sections, words));
        }
        // A coloured checklist escaped its values itself; the rest is escaped here.
        None if color => print!("{text}"),
        None => out!("{text}"),
    }
    Ok(if ready {
        ExitCode::from(super::exit::OK)
    } else if sections.iter().all(|s| s.outcome.is_err()) {
        ExitCode::from(super::exit::CANNOT_RUN)
    } else {
        ExitCode::from(super::exit::NOT_READY)
    })
}
