//! `writeback-wizard check`.

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use writeback_wizard::check::Keep;
use writeback_wizard::check::pace::Pace;
use writeback_wizard::cli::{CheckArgs, ReportFormat};
use writeback_wizard::engine::directories::{DirectoryJob, DirectoryProgress, assess_all};
use writeback_wizard::engine::{Progress, Request, SyncServerCheck};
use writeback_wizard::report::stream::{ReportStream, StreamFormat};
use writeback_wizard::report::{RowFormat, several};
use writeback_wizard::syncserver::{self, ProcessPowerShell};
use writeback_wizard::words::Words;

pub async fn run(args: CheckArgs, words: &Words) -> Result<ExitCode> {
    // A baseline is read and authenticated before anything connects: a refused one stops here.
    let then = match &args.baseline {
        Some(path) => Some(super::drift::open(path)?),
        None => None,
    };
    let baselines = then.is_some() || args.save_baseline.is_some();
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
    let dirs =
        super::directories::from_args(&args.connection, &args.target, args.page_size).await?;
    // One directory of `--server` has the single report; a profile's directories (even one)
    // have a section each.
    let sections = args.connection.profile.is_some();
    let to_file = args.output.is_some();
    let color = !to_file && std::io::stdout().is_terminal() && args.format == ReportFormat::Text;
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
    let writing = || writing(&args);
    let mut streams = Vec::new();
    for d in &dirs {
        streams.push(
            if sections {
                several::stream(format, &d.label, words, &spill_dir)
            } else {
                ReportStream::new(format, words, &spill_dir)
            }
            .with_context(writing)?,
        );
    }
    // The cloud, the sync server and the pilot group go with the first directory. No blocked
    // user is kept: each goes into its directory's report as the scan judges it.
    // A baseline's replication stamps are read after the scan, with the same sign-in.
    let logins: Vec<_> = dirs.iter().map(|d| d.login.clone()).collect();
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
                    keep: Keep::CountOnly,
                },
            }
        })
        .collect();
    let labels: Vec<String> = jobs.iter().map(|j| j.label.clone()).collect();
    let mut progress = ScanProgress::new(sections);
    // A baseline keeps every blocked user's DN and reasons (the report does not).
    let mut kept: Vec<Vec<_>> = labels.iter().map(|_| Vec::new()).collect();
    let outcomes = assess_all(jobs, |i, p| match p {
        DirectoryProgress::Progress(Progress::Blocked(b)) => {
            if let Some(s) = streams.get_mut(i) {
                s.push(b.as_ref());
            }
            if baselines && let Some(k) = kept.get_mut(i) {
                k.push(b);
            }
        }
        DirectoryProgress::Progress(Progress::Users(count)) => {
            progress.users(&labels[i], count, words)
        }
        DirectoryProgress::Finished => progress.finished(&labels[i]),
        _ => {}
    })
    .await;
    progress.clear();
    let mut results = Vec::new();
    let mut checked = Vec::new();
    for (o, stream) in outcomes.into_iter().zip(streams) {
        let mut outcome = None;
        results.push((
            o.label,
            o.result.map(|a| {
                outcome = baselines.then_some(a.outcome);
                (a.report, stream)
            }),
        ));
        checked.push(outcome);
    }
    // Each checked directory's baseline now (`None`: its check failed, said in its report).
    let mut nows = Vec::new();
    for ((outcome, login), kept) in checked.into_iter().zip(&logins).zip(&kept) {
        nows.push(match outcome {
            Some(o) => Some(
                writeback_wizard::engine::baseline::after_check(
                    login,
                    &o,
                    kept.iter().map(|b| b.as_ref()),
                )
                .await
                .map_err(|e| words.ad_error(&e)),
            ),
            None => None,
        });
    }
    drop(kept);
    if !sections {
        let Some((_, result)) = results.pop() else {
            return Ok(ExitCode::from(super::exit::CANNOT_RUN));
        };
        let (report, stream) = result?;
        let now = match nows.pop().flatten() {
            Some(now) => Some(now.map_err(anyhow::Error::msg)?),
            None => None,
        };
        if let (Some(path), Some(now)) = (&args.save_baseline, &now) {
            super::drift::save(now, path)?;
        }
        return match (&then, &now) {
            (Some(then), Some(now)) => {
                // The drift instead of the report; the report still goes to --output.
                if args.output.is_some() {
                    single(&args, report, stream, color)?;
                }
                let then = writeback_wizard::check::baseline::pick(then, now)?;
                super::drift::report(then, now, args.format)
            }
            _ => single(&args, report, stream, color),
        };
    }
    let sections: Vec<several::Section> = results
        .into_iter()
        .map(|(label, r)| several::Section {
            label,
            outcome: r.map_err(|e| words.error(&e)),
        })
        .collect();
    // Each directory's baseline now, or why there is none (its check's error).
    let nows: Vec<(String, Result<_, String>)> = sections
        .iter()
        .zip(nows)
        .map(|(s, now)| {
            let now = match (now, &s.outcome) {
                (Some(now), _) => now,
                (None, Err(e)) => Err(e.clone()),
                (None, Ok(_)) => Err(String::new()),
            };
            (s.label.clone(), now)
        })
        .collect();
    if let Some(path) = &args.save_baseline {
        super::drift::save_set(&nows, path)?;
    }
    let ready = several::ready(&sections);
    let none = sections.iter().all(|s| s.outcome.is_err());
    let verdict = several::verdict(&sections, words);
    if let Some(then) = &then {
        // Each directory's drift instead of the report; the report still goes to --output.
        if args.output.is_some() {
            write_report(&args, color, writing, |out| {
                several::write(sections, format, words, out)
            })?;
            errln!("{verdict}");
        }
        return super::drift::report_several(then, &nows, args.format);
    }
    write_report(&args, color, writing, |out| {
        several::write(sections, format, words, out)
    })?;
    if args.output.is_some() {
        errln!("{verdict}");
    }
    Ok(if ready {
        ExitCode::from(super::exit::OK)
    } else if none {
        ExitCode::from(super::exit::CANNOT_RUN)
    } else {
        ExitCode::from(super::exit::NOT_READY)
    })
}

/// The single directory's report, its pilot table, and the exit code of its verdict.
fn single(
    args: &CheckArgs,
    report: writeback_wizard::report::Report,
    stream: ReportStream,
    color: bool,
) -> Result<ExitCode> {
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
    write_report(
        args,
        color,
        || writing(args),
        |out| stream.finish(&report, out),
    )?;
    if let Some(path) = &args.output {
        errln!(
            "{}",
            super::say(
                if report.ready {
                    "cli-report-written-ready"
                } else {
                    "cli-report-written-not-ready"
                },
                &[("path", &path.display().to_string())],
            )
        );
    }
    Ok(if report.ready {
        ExitCode::from(super::exit::OK)
    } else {
        ExitCode::from(super::exit::NOT_READY)
    })
}

/// "writing the report to PATH" (`-`: standard output), the context of a failed write.
fn writing(args: &CheckArgs) -> String {
    let path = args
        .output
        .as_ref()
        .map_or_else(|| "-".to_string(), |p| p.display().to_string());
    super::say("cli-writing-report", &[("path", &path)])
}

/// Writes the report to `--output` (a new file renamed into place) or standard output: a
/// coloured checklist escaped its values itself (its colours must pass); everything else is
/// escaped on its way to the terminal.
fn write_report(
    args: &CheckArgs,
    color: bool,
    writing: impl Fn() -> String,
    render: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> Result<()> {
    match &args.output {
        Some(path) => {
            writeback_wizard::files::write_atomically_with(path, render).with_context(writing)
        }
        None if color => render(&mut std::io::stdout().lock()).with_context(writing),
        None => {
            let mut out = writeback_wizard::terminal::Escaping::new(std::io::stdout().lock());
            render(&mut out).with_context(&writing)?;
            std::io::Write::flush(&mut out).with_context(writing)
        }
    }
}

/// How often a scan's progress is logged when standard error is not a terminal.
const PROGRESS_LOG_EVERY: Duration = Duration::from_secs(10);

/// The scans' progress on standard error: on a terminal one line redrawn (the pace of the
/// single directory, each directory's count for several); in a log, a line every ten seconds.
struct ScanProgress {
    tty: bool,
    sections: bool,
    pace: Pace,
    shown: Instant,
}

impl ScanProgress {
    fn new(sections: bool) -> Self {
        Self {
            tty: std::io::stderr().is_terminal(),
            sections,
            pace: Pace::default(),
            shown: Instant::now(),
        }
    }

    fn users(&mut self, label: &str, count: writeback_wizard::check::ScanCount, words: &Words) {
        let now = Instant::now();
        let line = if self.sections {
            words.sentence(
                "cli-directory-scanned",
                &[("label", label), ("count", &count.scanned.to_string())],
            )
        } else {
            self.pace.note(count, now);
            words.pace(&self.pace.read(count, now))
        };
        if self.tty {
            // The control sequence redraws the line; the words in it are escaped.
            eprint!("\r\x1b[2K{}", writeback_wizard::terminal::line(&line));
        } else if now.duration_since(self.shown) >= PROGRESS_LOG_EVERY {
            self.shown = now;
            errln!("{}", writeback_wizard::terminal::line(&line));
        }
    }

    fn finished(&mut self, label: &str) {
        if !self.sections {
            return;
        }
        self.clear();
        errln!("{}", super::say("cli-directory-done", &[("label", label)]));
    }

    fn clear(&self) {
        if self.tty {
            eprint!("\r\x1b[2K");
        }
    }
}
