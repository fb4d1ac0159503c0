//! The command line, defined once with clap so the binary, the man page and the shell
//! completions agree.

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Checks and fixes what Microsoft Entra password writeback needs in on-premises Active
/// Directory. Without a subcommand it opens the wizard.
/// The version and the commit it was built from.
/// The exit codes, as `--help` lists them (the binary's `commands::exit` has the constants).
pub const EXIT_CODES: &str = "Exit codes: 0 success (check: ready), 1 not ready (check) or a right failed (verify-as-connector), 2 could not run, 3 a confirmation was declined (nothing was written), 4 drift that blocks no one (check --baseline).";

pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("WW_COMMIT"), ")");

#[derive(Debug, Parser)]
#[command(name = "writeback-wizard", version = VERSION, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// More log output on stderr (-v info, -vv debug, -vvv trace). RUST_LOG overrides.
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,

    /// Draw the wizard with the software renderer (for VMs and RDP sessions without a GPU).
    #[arg(long)]
    pub software_render: bool,

    /// Open the wizard with the answers saved in this profile (server, connector, scope, tenant,
    /// options; never a password).
    #[arg(long, value_name = "FILE")]
    pub profile: Option<std::path::PathBuf>,

    /// The language of the wizard, of `check`'s report and of findings (en-US, de-DE); the
    /// system's language by default. JSON ids stay the same in every language.
    #[arg(long, value_name = "LANG", global = true)]
    pub lang: Option<String>,

    /// Screenshot tour: pages start their work on entry (sign-in with a device code, "Test
    /// connection" with the password in WW_TOUR_PASSWORD, the pilot check), so pressing Enter
    /// walks the whole path. For scripts/screenshots and scripts/demo.
    #[arg(long, hide = true)]
    pub tour: bool,

    /// The wizard's colours; follows the system by default.
    #[arg(long, value_enum, default_value_t = ThemeArg::System)]
    pub theme: ThemeArg,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The wizard's colours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    System,
    Light,
    Dark,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check whether password writeback will work, for whom not, and why.
    ///
    /// Exit codes: 0 ready, 1 error findings (not ready), 2 could not run.
    Check(CheckArgs),
    /// Compute the changes that would make writeback work, with a preview of every ACE.
    /// Writes nothing.
    Plan(PlanArgs),
    /// Apply a plan: backup first, then write each change and verify it.
    ///
    /// Exit codes: 0 applied (or nothing to change), 2 stopped (the message says what was
    /// written and how to restore).
    Apply(ApplyArgs),
    /// Put back every value from a backup file, and verify.
    Restore(RestoreArgs),
    /// Prove the connector's rights by using them: sign in as the connector and, on a canary
    /// user, reset the password to a random value, write pwdLastSet and lockoutTime.
    ///
    /// Exit codes: 0 every right works, 1 some failed, 2 could not run.
    VerifyAsConnector(VerifyArgs),
    /// Watch the directory (or each of a profile's): check again whenever it changes (the DC's
    /// change notifications where it offers them, else every --interval) and print one line per
    /// drift event since the baseline — JSON for a monitoring system, plain words on a
    /// terminal. Ctrl+C stops.
    ///
    /// Exit codes: 0 stopped, 2 could not run.
    Watch(WatchArgs),
    /// Explain an event ID or error code from password writeback (e.g. 6329, 0x80230619, 33004,
    /// hr=800700CE, SSPR_0029): what it means, the usual causes, and which check finds each.
    /// Or the other way, with --for-user: the error a user would get resetting their password
    /// now, read from the directory.
    ///
    /// Exit codes: 0 known (--for-user: not blocked), 1 not known (the general checklist is
    /// printed; --for-user: blocked), 2 could not run.
    Explain(ExplainArgs),
    /// Convert security descriptors between binary (hex or base64) and SDDL.
    #[command(subcommand)]
    Sddl(SddlCommand),
    /// Write the man pages and shell completions into DIR (for packaging).
    #[command(hide = true)]
    GenerateAssets {
        /// Where `man/` and `completions/` are created.
        dir: std::path::PathBuf,
    },
}

/// `watch`: the directory, the baseline to compare with, and how to notice changes.
#[derive(Debug, Clone, Args)]
pub struct WatchArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
    #[command(flatten)]
    pub target: TargetArgs,
    /// Compare with this baseline (`check --save-baseline`, or the one `apply` saved; with a
    /// profile, the file of its baselines, each directory's found by its domain). Default: one
    /// taken when the watch starts.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<std::path::PathBuf>,
    /// Check again at least this often, in seconds (and only on this timer where the DC offers
    /// no change notifications, or with --no-notifications).
    #[arg(long, value_name = "SECONDS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(5..=86400))]
    pub interval: u64,
    /// Do not use the DC's change notifications; check on the timer alone.
    #[arg(long)]
    pub no_notifications: bool,
    /// JSON lines even on a terminal.
    #[arg(long)]
    pub json: bool,
}

/// `explain`: a code, or a user whose predicted error to read from the directory.
#[derive(Debug, Clone, Args)]
pub struct ExplainArgs {
    /// The code, as it appears in the event log or the portal.
    #[arg(required_unless_present = "for_user", conflicts_with = "for_user")]
    pub code: Option<String>,
    /// A user (sAMAccountName, userPrincipalName or DN): judge them in the directory the
    /// connection options name and say what they and the admin would see if they reset their
    /// password now.
    #[arg(long, value_name = "NAME")]
    pub for_user: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub connection: ConnectionArgs,
    #[command(flatten)]
    pub target: TargetArgs,
}

/// How to reach and sign in to a domain controller.
#[derive(Debug, Clone, Args)]
pub struct ConnectionArgs {
    /// Domain controller: a host name, host:port, or ldap[s]://host[:port]. Default: the
    /// machine's domain.
    #[arg(long, value_name = "HOST|URL")]
    pub server: Option<String>,
    /// Every directory of this profile (the wizard saves one; see the README, "Several forests"),
    /// assessed concurrently. The first directory's password comes from --password-env,
    /// --password-file or a prompt, the others' from their `password_env`.
    #[arg(long, value_name = "FILE", conflicts_with = "server")]
    pub profile: Option<std::path::PathBuf>,
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
    /// The blocked users only, one per line (sAMAccountName, DN, reasons).
    Csv,
}

/// Which connector and which part of the directory.
#[derive(Debug, Clone, Args)]
pub struct TargetArgs {
    /// The AD DS connector account: sAMAccountName (MSOL_…), DOMAIN\name, UPN or DN.
    /// Default: detected.
    #[arg(long, value_name = "ACCOUNT")]
    pub connector: Option<String>,
    /// An OU or container in the sync scope (repeatable). Default: the whole domain.
    #[arg(long, value_name = "DN")]
    pub scope: Vec<String>,
}

/// Which cloud to sign in to, and how.
#[derive(Debug, Clone, Args)]
pub struct EntraArgs {
    /// Sign in to Microsoft Entra ID and add the cloud and sync-server checks.
    #[arg(long)]
    pub entra: bool,
    /// Tenant: `organizations` (any work account), a tenant ID or a domain.
    #[arg(long, default_value = "organizations", value_name = "TENANT")]
    pub tenant: String,
    /// The Microsoft cloud.
    #[arg(long, value_enum, default_value_t = CloudArg::Global)]
    pub cloud: CloudArg,
    /// The public client (app) ID to sign in with. Default: Microsoft Graph Command Line
    /// Tools (14d82eec-204b-4c2f-b7e8-296a70dab67e); see the README to register your own.
    #[arg(long, value_name = "GUID")]
    pub client_id: Option<String>,
    /// Use the device code flow (a code to enter on another device) instead of the browser.
    #[arg(long)]
    pub device_code: bool,
    /// Sign-in authority base URL (default: the cloud's, e.g. https://login.microsoftonline.com).
    #[arg(long, value_name = "URL")]
    pub authority: Option<String>,
    /// Microsoft Graph base URL (default: the cloud's, e.g. https://graph.microsoft.com).
    #[arg(long, value_name = "URL")]
    pub graph_url: Option<String>,
}

/// Microsoft clouds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CloudArg {
    Global,
    UsGovernment,
    /// Operated by 21Vianet.
    China,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
    #[command(flatten)]
    pub target: TargetArgs,
    #[command(flatten)]
    pub entra: EntraArgs,
    /// The SSPR pilot group: an AD group (DN or name) or, with --entra, an Entra group (object
    /// ID or display name). Adds a per-user readiness table. (Microsoft Graph does not expose
    /// which group SSPR is scoped to, so it is asked for.)
    #[arg(long, value_name = "GROUP")]
    pub pilot_group: Option<String>,
    /// Also write the pilot table as CSV to this file.
    #[arg(long, value_name = "FILE", requires = "pilot_group")]
    pub pilot_csv: Option<std::path::PathBuf>,
    /// Save what decides writeback now (the connector and its groups, the password ages, every
    /// cause and the users it blocks, the protected administrators) as a baseline, sealed with
    /// this computer's local key, to compare with later (--baseline). With a profile, one file
    /// holds each directory's baseline.
    #[arg(long, value_name = "FILE")]
    pub save_baseline: Option<std::path::PathBuf>,
    /// Compare with this baseline and print what changed since (the drift) instead of the
    /// report, which still goes to --output when given (with a profile, each directory's drift
    /// since its baseline in the file). Exit codes: 0 no drift, 1 drift that blocks users, 4
    /// drift that blocks no one, 2 could not compare.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<std::path::PathBuf>,
    /// Check this computer as the sync server (Entra Connect through PowerShell, and the
    /// endpoints writeback needs) without signing in to the cloud. `--entra` includes it.
    #[arg(long)]
    pub sync_server: bool,
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

/// Whether to grant on inetOrgPerson objects too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InetOrgPersonArg {
    /// When inetOrgPerson objects exist in scope.
    Auto,
    Always,
    Never,
}

/// What a plan may change.
#[derive(Debug, Clone, Args)]
pub struct PlanOptionArgs {
    /// Grant on inetOrgPerson objects as well.
    #[arg(long, value_enum, default_value_t = InetOrgPersonArg::Auto)]
    pub inetorgperson: InetOrgPersonArg,
    /// Leave OUs and containers with inheritance disabled alone (their users stay blocked).
    #[arg(long)]
    pub no_protected_containers: bool,
    /// Leave users with inheritance disabled alone (other than protected administrators, the
    /// plan grants the rights on each of them; without this they stay blocked).
    #[arg(long)]
    pub no_protected_users: bool,
    /// Also grant on AdminSDHolder. NOT recommended: it opens every protected account
    /// (domain admins included) to the connector.
    #[arg(long)]
    pub include_adminsdholder: bool,
    /// Set the domain's minimum password age to 0 (a GPO may set it back: see the warning).
    #[arg(long)]
    pub min_password_age_zero: bool,
    /// Set this fine-grained password policy's minimum age to 0 (repeatable; by name).
    #[arg(long, value_name = "NAME")]
    pub fix_pso: Vec<String>,
    /// Clear adminCount and enable inheritance on users flagged admincount-stale.
    #[arg(long)]
    pub clear_stale_admincount: bool,
    /// Where the writeback rights go: `root` (the domain root, as Microsoft does) or `scope`
    /// (each OU given with --scope, and nowhere else; Unexpire Password stays a root right).
    #[arg(long, value_enum, default_value_t = GrantAtArg::Root)]
    pub grant_at: GrantAtArg,
    /// Grant the connector alone read access on CN=Server,CN=System where it reads that object
    /// only through Pre-Windows 2000 Compatible Access, so the group can be emptied. (Where it
    /// cannot read it at all, the plan grants it anyway.)
    #[arg(long)]
    pub grant_samserver: bool,
}

/// Where the plan grants the writeback rights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GrantAtArg {
    Root,
    Scope,
}

/// Plan formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
    #[command(flatten)]
    pub target: TargetArgs,
    #[command(flatten)]
    pub options: PlanOptionArgs,
    /// Output format; JSON is what `apply --plan` reads.
    #[arg(long, value_enum, default_value_t = PlanFormat::Text)]
    pub format: PlanFormat,
    /// Write the plan to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct ApplyArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
    #[command(flatten)]
    pub target: TargetArgs,
    #[command(flatten)]
    pub options: PlanOptionArgs,
    /// Apply this saved plan (from `plan --format json`) instead of planning afresh.
    #[arg(long, value_name = "FILE")]
    pub plan: Option<std::path::PathBuf>,
    /// Where to write the backup (a new file). Default: a timestamped file in the data
    /// directory.
    #[arg(long, value_name = "FILE")]
    pub backup: Option<std::path::PathBuf>,
    /// Do not ask for confirmation.
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// If an object changed since the plan, add the planned entries to its current value
    /// instead of stopping.
    #[arg(long)]
    pub replan: bool,
    /// Also switch password writeback on in Entra Connect on this sync server (Windows;
    /// refused in staging mode).
    #[arg(long)]
    pub enable_writeback: bool,
    /// Also switch Entra Cloud Sync password writeback on from this provisioning agent server
    /// (Windows; agent 1.1.977.0 or later), with Set-AADCloudSyncPasswordWritebackConfiguration
    /// signed in as --hybrid-admin.
    #[arg(long, requires = "hybrid_admin")]
    pub enable_cloud_sync_writeback: bool,
    /// The Hybrid Identity Administrator (UPN) Cloud Sync's cmdlet signs in with. Its password
    /// from --hybrid-admin-password-env or a no-echo prompt; it reaches PowerShell on standard
    /// input only.
    #[arg(long, value_name = "UPN")]
    pub hybrid_admin: Option<String>,
    /// The environment variable holding --hybrid-admin's password.
    #[arg(long, value_name = "VAR")]
    pub hybrid_admin_password_env: Option<String>,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    #[command(flatten)]
    pub connection: ConnectionArgs,
    /// The run file written by `apply` (`--backup` there), or one backup of a run.
    #[arg(long, value_name = "FILE")]
    pub backup: std::path::PathBuf,
    /// The AD DS connector account the backup was made for: sAMAccountName, DOMAIN\name, UPN
    /// or DN. Default: detected. A backup of another connector is refused.
    #[arg(long, value_name = "ACCOUNT")]
    pub connector: Option<String>,
    /// Write each whole original value back, instead of taking back only what `apply` added.
    /// Only from a backup this tool wrote on this computer (authenticated with the local key);
    /// refused where a value changed since `apply` wrote it, unless --force.
    #[arg(long)]
    pub whole: bool,
    /// With --whole, also over values changed since `apply` (that undoes those changes too).
    #[arg(long, requires = "whole")]
    pub force: bool,
    /// Do not ask for confirmation.
    #[arg(long, short = 'y')]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Sign in as the connector account (its UPN, DOMAIN\\name or DN in --user).
    #[command(flatten)]
    pub connection: ConnectionArgs,
    /// A test user whose password may be reset to a random value (it is not shown).
    #[arg(long, value_name = "DN")]
    pub canary: String,
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
