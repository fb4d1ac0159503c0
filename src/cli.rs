//! The command line, defined once with clap so the binary, the man page and the shell
//! completions agree.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Checks and fixes what Microsoft Entra password writeback needs in on-premises Active
/// Directory. Without a subcommand it opens the wizard.
#[derive(Debug, Parser)]
#[command(name = "writeback-wizard", version, about, long_about = None)]
pub struct Cli {
    /// More log output on stderr (-v info, -vv debug, -vvv trace). RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// Draw the wizard with the software renderer (for VMs and RDP sessions without a GPU).
    #[arg(long)]
    pub software_render: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check whether password writeback will work, for whom not, and why.
    Check(PendingArgs),
    /// Compute the changes that would make writeback work, with a preview of every ACE.
    Plan(PendingArgs),
    /// Apply a plan, with a backup first and verification after.
    Apply(PendingArgs),
    /// Put back every value from a backup file.
    Restore(PendingArgs),
    /// Convert security descriptors between binary (hex or base64) and SDDL.
    #[command(subcommand)]
    Sddl(SddlCommand),
}

/// Arguments of subcommands that are not built yet.
#[derive(Debug, Args)]
pub struct PendingArgs {
    #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
    pub rest: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum SddlCommand {
    /// Decode a binary descriptor (hex, base64, or a pasted `nTSecurityDescriptor::` LDIF line)
    /// to SDDL.
    Decode {
        /// The descriptor; `-` or nothing reads standard input.
        input: Option<String>,
        #[command(flatten)]
        domain: DomainArgs,
    },
    /// Encode SDDL to a binary descriptor.
    Encode {
        /// The SDDL string; `-` or nothing reads standard input.
        input: Option<String>,
        #[command(flatten)]
        domain: DomainArgs,
        /// Output encoding.
        #[arg(long, value_enum, default_value_t = BlobFormat::Base64)]
        format: BlobFormat,
    },
}

#[derive(Debug, Args)]
pub struct DomainArgs {
    /// The domain SID, so domain-relative aliases (DA, DU, …) can be read and printed.
    #[arg(long, value_name = "SID")]
    pub domain_sid: Option<String>,
    /// The forest root domain SID for EA, SA, RO and EK (default: the domain SID).
    #[arg(long, value_name = "SID")]
    pub root_domain_sid: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BlobFormat {
    Base64,
    Hex,
}
