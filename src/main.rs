//! The `writeback-wizard` binary: the wizard (feature `gui`) or the headless CLI.
//!
//! Exit codes: 0 success (or ready), 1 error findings, 2 could not run.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::Parser;
use tracing_subscriber::EnvFilter;
use writeback_wizard::cli::{BlobFormat, Cli, Command, DomainArgs, SddlCommand};
use writeback_wizard::sd::{DomainContext, SecurityDescriptor, Sid, sddl};
use writeback_wizard::sddl_input;

#[cfg(feature = "gui")]
mod gui;

/// Could not run: usage, connection, credentials.
const EXIT_CANNOT_RUN: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(cli.verbose);
    let result = match cli.command {
        None => open_wizard(cli.software_render),
        Some(cmd) => run(cmd),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(EXIT_CANNOT_RUN)
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
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}

#[cfg(feature = "gui")]
fn open_wizard(software_render: bool) -> Result<ExitCode> {
    gui::run(software_render)
}

#[cfg(not(feature = "gui"))]
fn open_wizard(_software_render: bool) -> Result<ExitCode> {
    bail!(
        "this build has no wizard (built without the `gui` feature). Run `writeback-wizard --help` \
         for the command line, or build with default features: `cargo build --release`"
    )
}

fn run(cmd: Command) -> Result<ExitCode> {
    match cmd {
        Command::Sddl(c) => run_sddl(c),
        Command::Check(_) | Command::Plan(_) | Command::Apply(_) | Command::Restore(_) => {
            bail!("this subcommand is not available in this build yet; `writeback-wizard sddl` is")
        }
    }
}

fn domain_context(args: &DomainArgs) -> Result<DomainContext> {
    let parse = |s: &Option<String>, what: &str| -> Result<Option<Sid>> {
        s.as_deref()
            .map(|v| v.parse::<Sid>().with_context(|| format!("--{what}")))
            .transpose()
    };
    Ok(DomainContext {
        domain_sid: parse(&args.domain_sid, "domain-sid")?,
        root_domain_sid: parse(&args.root_domain_sid, "root-domain-sid")?,
    })
}

fn input_text(arg: Option<String>) -> Result<String> {
    match arg.as_deref() {
        Some(s) if s != "-" => Ok(s.to_string()),
        _ => {
            if std::io::stdin().is_terminal() {
                eprintln!("Paste the input, then press Ctrl-D:");
            }
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("reading standard input")?;
            Ok(s)
        }
    }
}

fn run_sddl(cmd: SddlCommand) -> Result<ExitCode> {
    match cmd {
        SddlCommand::Decode { input, domain } => {
            let ctx = domain_context(&domain)?;
            let bytes = sddl_input::decode_blob(&input_text(input)?)?;
            let sd = SecurityDescriptor::from_bytes(&bytes)?;
            println!("{}", sddl::format(&sd, &ctx)?);
        }
        SddlCommand::Encode {
            input,
            domain,
            format,
        } => {
            let ctx = domain_context(&domain)?;
            let text = input_text(input)?;
            let sd = sddl::parse(&text, &ctx)?;
            let bytes = sd.to_bytes()?;
            println!(
                "{}",
                match format {
                    BlobFormat::Base64 => sddl_input::encode_base64(&bytes),
                    BlobFormat::Hex => sddl_input::encode_hex(&bytes),
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
