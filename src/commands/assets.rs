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
        std::fs::create_dir_all(d).with_context(|| format!("creating {}", d.display()))?;
    }
    let cmd = Cli::command();
    clap_mangen::generate_to(cmd.clone(), &man)
        .with_context(|| format!("writing man pages to {}", man.display()))?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell] {
        let mut cmd = cmd.clone();
        clap_complete::generate_to(shell, &mut cmd, "writeback-wizard", &completions)
            .with_context(|| format!("writing {shell} completions"))?;
    }
    outln!(
        "man pages in {}, completions in {}",
        man.display(),
        completions.display()
    );
    Ok(ExitCode::from(super::exit::OK))
}
