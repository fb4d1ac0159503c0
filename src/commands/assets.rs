//! `generate-assets DIR`: the man pages and shell completions, made from the clap definition so
//! they never drift from the real options. The packaging scripts call it.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::CommandFactory;
use clap_complete::Shell;
use writeback_wizard::cli::Cli;

pub fn run(dir: &Path) -> Result<ExitCode> {
    let man = dir.join("man");
    let completions = dir.join("completions");
    for d in [&man, &completions] {
        std::fs::create_dir_all(d).with_context(|| {
            super::say("cli-assets-creating", &[("path", &d.display().to_string())])
        })?;
    }
    let cmd = Cli::command();
    clap_mangen::generate_to(cmd.clone(), &man)
        .with_context(|| super::say("cli-assets-man", &[("path", &man.display().to_string())]))?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
        let mut cmd = cmd.clone();
        clap_complete::generate_to(shell, &mut cmd, "writeback-wizard", &completions)
            .with_context(|| {
                super::say("cli-assets-completions", &[("shell", &shell.to_string())])
            })?;
    }
    outln!(
        "{}",
        super::say(
            "cli-assets-written",
            &[
                ("man", &man.display().to_string()),
                ("completions", &completions.display().to_string()),
            ],
        )
    );
    Ok(ExitCode::from(super::exit::OK))
}
