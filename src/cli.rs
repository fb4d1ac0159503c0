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
    ///
    /// Exit codes: 0 ready, 1 error findings (not ready), 2 could not run.
    Check(CheckArgs),
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

/// How to reach and sign in to a domain controller.
#[derive(Debug, Clone, Args)]
pub struct ConnectionArgs {
    /// Domain controller: a host name, host:port, or ldap[s]://host[:port]. Default: the
    /// machine's domain.
    #[arg(long, value_name = "HOST|URL")]
    pub server: Option<String>,
    /// Use StartTLS on port 389 instead of LDAPS on 636.
    #[arg(long, conflicts_with = "allow_plaintext")]
    pub starttls: bool,
    /// Allow plain, unencrypted LDAP (port 389). A password is still not sent over it unless
    /// --plaintext-password is given too.
    #[arg(long)]
    pub allow_plaintext: bool,
    /// Send the password over unencrypted LDAP anyway (needs --allow-plaintext).
    #[arg(long, requires = "allow_plaintext")]
    pub plaintext_password: bool,
    /// Also trust the CA certificate(s) in this PEM file.
    #[arg(long, value_name = "PEM")]
    pub ca_file: Option<std::path::PathBuf>,
    /// Do not verify the server certificate. Dangerous: anyone in the path can read the
    /// password.
    #[arg(long)]
    pub tls_skip_verify: bool,
    /// Account to sign in with: UPN (admin@corp.example.com), DOMAIN\user or DN.
    #[arg(long, short = 'u', value_name = "USER")]
    pub user: Option<String>,
    /// Sign in with Kerberos: the current Windows logon, or a ticket from kinit (builds with the
    /// `kerberos` feature).
    #[arg(long, conflicts_with_all = ["password_env", "password_file"])]
    pub kerberos: bool,
    /// Read the password from this environment variable.
    #[arg(long, value_name = "VAR", conflicts_with = "password_file")]
    pub password_env: Option<String>,
    /// Read the password from the first line of this file.
    #[arg(long, value_name = "PATH")]
    pub password_file: Option<std::path::PathBuf>,
    /// Seconds to wait for the server on connect and on each operation.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Markdown,
    Html,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
    /// The AD DS connector account: sAMAccountName (MSOL_…), DOMAIN\name, UPN or DN.
    /// Default: detected.
    #[arg(long, value_name = "ACCOUNT")]
    pub connector: Option<String>,
    /// An OU or container in the sync scope (repeatable). Default: the whole domain.
    #[arg(long, value_name = "DN")]
    pub scope: Vec<String>,
    /// Report format (default: text).
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Write the report to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Users fetched per page of the scan.
    #[arg(long, default_value_t = 1000, value_parser = clap::value_parser!(i32).range(1..=100_000), hide = true)]
    pub page_size: i32,
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
