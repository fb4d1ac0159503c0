//! Plans: from a fresh check, the exact changes that make writeback work — every ACE to add and
//! every attribute to set, each with its object, a plain sentence and the DACL before and after.
//! Nothing is written here; [`apply`] writes a plan with a backup first and verification after,
//! and [`backup`] restores.

pub mod apply;
pub mod backup;
mod compute;
pub mod diff;
mod extra;
pub mod reconcile;
pub mod sim;
pub mod validate;
pub mod verify;

pub use compute::{compute, writeback_aces};
pub use extra::{Extra, gather_extra, parse_gp_link};
pub use sim::Sim;

use serde::{Deserialize, Serialize};

use crate::sd::DomainContext;

/// The plan file's schema version (3: the request it was made with; 2: sealed with a
/// checksum, structured `not_fixed`).
pub const SCHEMA: u32 = 3;

/// Whether to grant on inetOrgPerson objects too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InetOrgPerson {
    /// When inetOrgPerson objects exist in scope.
    #[default]
    Auto,
    Always,
    Never,
}

/// What the plan may change beyond the rights at the domain roots. (Serialisable: the wizard
/// keeps it in its profiles.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanOptions {
    pub inetorgperson: InetOrgPerson,
    /// Grant on in-scope containers with inheritance disabled (default on).
    pub protected_containers: bool,
    /// Grant on blocked users whose own inheritance is disabled and who are not protected
    /// administrators (explicit ACEs on the user; default on).
    #[serde(default = "yes")]
    pub protected_users: bool,
    /// Grant on AdminSDHolder (not recommended: opens every protected account to the
    /// connector).
    pub include_adminsdholder: bool,
    /// Set the domain's minPwdAge to 0. (The CLI asks for it with a flag; in a wizard profile
    /// that does not mention it, it stays on, as the wizard proposes it.)
    #[serde(default = "yes")]
    pub min_password_age_zero: bool,
    /// Set these fine-grained policies' (by cn) minimum age to 0.
    pub fix_pso: Vec<String>,
    /// Clear adminCount and enable inheritance on users flagged admincount-stale.
    pub clear_stale_admincount: bool,
    /// Where the writeback rights go: the domain root (as Microsoft does) or each OU of the
    /// sync scope (least privilege; Unexpire Password stays a root right).
    #[serde(default)]
    pub grant_at: GrantAt,
    /// Grant the connector alone read access on the SAM server object (`CN=Server,CN=System`)
    /// where it reads it only through Pre-Windows 2000 Compatible Access, so the group can be
    /// emptied. (Where it cannot read it at all, the plan grants it anyway.)
    #[serde(default)]
    pub grant_samserver: bool,
}

/// What a plan was asked for: its options and the sync scope. A plan file is a reviewed request:
/// `apply --plan` plans again from the directory with these (and the connection, connector and
/// AdminSDHolder consent given then) and writes only what both plans hold.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PlanRequest {
    pub options: PlanOptions,
    /// The OUs and containers of the sync scope (none: the whole domain).
    pub scopes: Vec<String>,
}

/// Where the plan grants the writeback rights.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GrantAt {
    /// At the domain root, for every descendant user (what Entra Connect's wizard and
    /// `Set-ADSyncPasswordWritebackPermissions` do).
    #[default]
    Root,
    /// On each OU of the sync scope only: users elsewhere stay closed to the connector.
    Scope,
}

fn yes() -> bool {
    true
}

impl Default for PlanOptions {
    fn default() -> Self {
        Self {
            inetorgperson: InetOrgPerson::Auto,
            protected_containers: true,
            protected_users: true,
            include_adminsdholder: false,
            min_password_age_zero: false,
            fix_pso: Vec::new(),
            clear_stale_admincount: false,
            grant_at: GrantAt::Root,
            grant_samserver: false,
        }
    }
}

/// A problem with the plan options.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PlanError {
    #[error("no fine-grained password policy is named {0:?}. Names in this domain: {1}.")]
    UnknownPso(String, String),
    #[error("there is no connector account to grant rights to: the check found no single one")]
    NoConnector,
    #[error(
        "the DACL of {0} could not be read, so no change to it can be planned. Run as an account that can read it."
    )]
    Unreadable(String),
    #[error(
        "{0} has no DACL (a NULL DACL gives everyone full control). Adding the connector's ACEs would take every other right away, so nothing is planned there: give the object a proper DACL first (e.g. reset it to the default in Active Directory Users and Computers)."
    )]
    NoDacl(String),
    #[error(
        "the DACL of {dn} would be {size} bytes with the connector's ACEs, more than the 64 KiB a DACL may hold. Remove ACEs that are no longer needed there, then plan again."
    )]
    TooLarge { dn: String, size: usize },
}

/// What a change does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Action {
    /// Add explicit ACEs to the DACL (SDDL strings, domain SIDs spelled out).
    AddAces { aces: Vec<String> },
    /// Clear SE_DACL_PROTECTED so the object inherits again.
    EnableInheritance,
    /// Replace an attribute's values (none = delete the attribute).
    SetAttribute {
        attribute: String,
        values: Vec<String>,
    },
}

/// One change to one object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub dn: String,
    pub action: Action,
    /// A plain sentence, in English (for logs and scripts).
    pub summary: String,
    /// The same in the faces' words.
    #[serde(default, skip_serializing_if = "Said::is_empty")]
    pub said: Said,
    /// The value this change was planned against: the DACL-only descriptor (base64) or the
    /// attribute's values. Apply stops if the object no longer has it.
    pub before: Before,
    /// DACL before and after, in SDDL (DACL changes only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_sddl: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_sddl: Option<String>,
    /// ACE lines added (`+ (…)`) and removed (`- (…)`), and control changes.
    #[serde(default)]
    pub diff: Vec<String>,
}

/// The planned-against value of a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Before {
    /// `nTSecurityDescriptor` read with SD flags = DACL, base64.
    Dacl { base64: String },
    /// The attribute's values.
    Values { values: Vec<String> },
}

/// The change set, with what it was computed for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub schema: u32,
    pub tool_version: String,
    pub time: String,
    pub domain_dn: String,
    pub domain_sid: String,
    /// The DC the plan was read from.
    pub dc: String,
    pub pdc_emulator: Option<String>,
    pub connector_dn: String,
    pub connector_sid: String,
    /// The options and scope it was made with.
    #[serde(default)]
    pub request: PlanRequest,
    pub changes: Vec<Change>,
    /// Things to know before applying (GPOs that will undo a policy change, risky options), in
    /// English.
    pub warnings: Vec<String>,
    /// The same warnings in the faces' words, one for one (see [`Plan::warn`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings_said: Vec<Said>,
    /// Every blocker the check reported that this plan does not fix: after applying it, a
    /// fresh check reports exactly these (and nothing else) as errors.
    pub not_fixed: Vec<NotFixed>,
    /// The blast radius: the user accounts below the plan's grants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach: Option<Reach>,
    /// SHA-256 of the rest (see [`validate`]); a file whose content does not match is refused.
    #[serde(default)]
    pub checksum: String,
}

/// A sentence the faces say in their own words: `code` picks it (`change-<code>`,
/// `plan-warning-<code>` in the translations), `values` fill it. Empty for files written before
/// it existed (the English text next to it is said then).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Said {
    pub code: String,
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub values: std::collections::BTreeMap<String, String>,
}

impl Said {
    pub fn new(code: &str, values: &[(&str, &str)]) -> Self {
        Self {
            code: code.to_string(),
            values: values
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.code.is_empty()
    }
}

/// The user accounts below the plan's grant points: whom the connector can reset once it is
/// applied, and how many of them are marked privileged (adminCount=1; their DACLs are protected
/// by AdminSDHolder unless that is granted too).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reach {
    pub users: usize,
    pub privileged: usize,
}

/// A blocker the plan leaves as it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotFixed {
    /// The finding id.
    pub id: String,
    /// The object that holds the cause.
    pub object: String,
    /// Why the plan does not fix it, and what would, in English (for logs and scripts; the
    /// faces say it from `code` and `values`).
    pub reason: String,
    /// Which reason (`notfixed-<code>` in the translations).
    #[serde(default)]
    pub code: String,
    /// The values the reason names (a policy's name, classes left out, a plan option).
    #[serde(default)]
    pub values: std::collections::BTreeMap<String, String>,
    /// Users in scope it still blocks.
    pub users: usize,
    /// The deciding ACE in SDDL, or other evidence.
    #[serde(default)]
    pub evidence: Vec<String>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Adds a warning: its English text and what the faces say.
    pub fn warn(&mut self, said: Said, english: String) {
        self.warnings.push(english);
        self.warnings_said.push(said);
    }

    pub fn context(&self) -> DomainContext {
        DomainContext {
            domain_sid: self.domain_sid.parse().ok(),
            root_domain_sid: None,
        }
    }
}
