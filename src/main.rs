//! The `writeback-wizard` binary: the wizard (feature `gui`) or the headless CLI.
//!
//! Exit codes: see `commands::exit`.

use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use tracing_subscriber::EnvFilter;
use writeback_wizard::cli::{Cli, Command};
use writeback_wizard::words::Words;

mod commands;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let words = commands::set_words(cli.lang.as_deref());
    let result = match cli.command {
        // The wizard logs to its own file (see gui::logging).
        None => open_wizard(
            cli.software_render,
            cli.profile,
            cli.lang,
            cli.theme,
            cli.tour,
        ),
        Some(cmd) => {
            init_tracing(cli.verbose);
            run(cmd, words)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // The engine's errors in the user's language, with the command line's next step.
            eprintln!(
                "{}",
                writeback_wizard::terminal::text(
                    &words.sentence("cli-error", &[("reason", &words.error(e.as_ref()))])
                )
            );
            ExitCode::from(commands::exit::CANNOT_RUN)
        }
    }
}

fn init_tracing(verbose: u8) {
    let default = match verbose {
        0 => "warn",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    // Log lines carry DNs and names from the directory and from files: they reach the terminal
    // through the same filter as everything else the command line prints (so no colours).
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(|| EscapedStderr)
        .with_ansi(false)
        .try_init();
}

/// Standard error, every write passed through [`writeback_wizard::terminal::text`].
struct EscapedStderr;

impl std::io::Write for EscapedStderr {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        std::io::stderr().write_all(writeback_wizard::terminal::text(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::stderr().flush()
    }
}

#[cfg(feature = "gui")]
fn open_wizard(
    software_render: bool,
    profile: Option<std::path::PathBuf>,
    lang: Option<String>,
    theme: writeback_wizard::cli::ThemeArg,
    tour: bool,
) -> Result<ExitCode> {
    let tour = tour.then(|| writeback_wizard::gui::Tour {
        password: zeroize::Zeroizing::new(std::env::var("WW_TOUR_PASSWORD").unwrap_or_default()),
    });
    writeback_wizard::gui::run(writeback_wizard::gui::RunOptions {
        tour,
        software_render,
        profile,
        lang,
        theme,
    })
}

#[cfg(not(feature = "gui"))]
fn open_wizard(
    _software_render: bool,
    _profile: Option<std::path::PathBuf>,
    _lang: Option<String>,
    _theme: writeback_wizard::cli::ThemeArg,
    _tour: bool,
) -> Result<ExitCode> {
    anyhow::bail!(commands::say("cli-no-wizard", &[]))
}

fn run(cmd: Command, words: &Words) -> Result<ExitCode> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    match cmd {
        Command::Sddl(c) => commands::sddl::run(c),
        Command::GenerateAssets { dir } => commands::assets::run(&dir),
        Command::Explain(args) => match &args.code {
            Some(code) => commands::explain::run(code, args.json, words),
            None => rt.block_on(commands::explain::for_user(&args, words)),
        },
        Command::Check(args) => rt.block_on(commands::check::run(args, words)),
        Command::Plan(args) => rt.block_on(commands::fix::run_plan(args, words)),
        Command::Apply(args) => rt.block_on(commands::apply::run(args, words)),
        Command::Restore(args) => rt.block_on(commands::restore::run(args, words)),
        Command::VerifyAsConnector(args) => rt.block_on(commands::fix::run_verify(args, words)),
        Command::Watch(args) => rt.block_on(commands::watch::run(args, words)),
    }
}
