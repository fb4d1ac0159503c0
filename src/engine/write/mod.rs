//! The write path, once, for every face: for a list of directories, what to write where and
//! for whom ([`prepare`]: the target read from the DC the user named, the plan made or checked
//! now, the preview), applying it with a backup per directory and one authenticated run
//! manifest ([`apply`]), restoring a run or a backup ([`open`], [`prepare_restore`],
//! [`restore`]), and the sync engines' writeback switches ([`switches`]). The command line and
//! the wizard are adapters over these: they collect inputs, ask, and put events into words.
//!
//! Nothing in a file decides where the tool connects or whom it grants: the server, the
//! credential, the connector, the domain and the options come from the user; files are
//! requests, compared with what is read from the DC now.

pub mod manifest;
mod prepare;
mod restore;
mod run;
pub mod switches;
mod target;

pub use prepare::{PlanSource, Prepared, Review, prepare};
pub use restore::{RestorePart, RunFiles, open, prepare_restore, restore};
pub use run::{RunEvent, RunStop, apply};
pub use target::{PdcSwitch, Target, resolve};

use crate::ad::AdError;
use crate::plan::apply::ApplyError;
use crate::plan::backup::BackupError;
use crate::plan::reconcile::NotPlannedNow;
use crate::plan::validate::PlanFileError;
use crate::seal::KeyError;

use super::planning::PlanningError;
use manifest::ManifestError;

/// Why a connector account is not one the tool grants to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConnectorRefusal {
    #[error("no connector account was found{}", given.as_ref().map(|g| format!(" named {g:?}")).unwrap_or_default())]
    NotFound { given: Option<String> },
    #[error("several accounts look like the connector ({}); name the one to use", candidates.join(", "))]
    Ambiguous {
        given: Option<String>,
        candidates: Vec<String>,
    },
    #[error(
        "{name} ({sid}) is not an account of this domain the writeback rights may go to ({what}): only a user or a group managed service account"
    )]
    NotAnAccount {
        name: String,
        sid: String,
        what: String,
    },
    #[error(
        "{name} ({dn}) is a protected account (adminCount=1 or a member of a protected group): granting it the writeback rights is refused"
    )]
    Protected { name: String, dn: String },
    #[error(
        "the file was made for the connector {file}, but the connector here is {name} ({sid}, {dn}); nothing was written"
    )]
    FileConnector {
        file: String,
        name: String,
        sid: String,
        dn: String,
    },
}

/// How a file's request differs from the directory or from what is given now.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileMismatch {
    #[error(
        "the file was made for the domain {file}, but the directory's domain is {directory}; nothing was written"
    )]
    Domain { file: String, directory: String },
    #[error(
        "the plan file was made for the sync scope {file}, but the scope given now is {now}; nothing was written"
    )]
    Scope { file: String, now: String },
    #[error(
        "backups of {domains} are part of this run, but none of the directories given is that domain; nothing was written"
    )]
    Unmatched { domains: String },
}

/// Why the write path stopped.
#[derive(Debug, Clone, thiserror::Error)]
pub enum WriteError {
    // Not transparent: each cause stays reachable through `source()` for the faces' words.
    #[error("{0}")]
    Directory(#[from] AdError),
    #[error("{0}")]
    Planning(#[from] PlanningError),
    #[error("{0}")]
    Connector(#[from] ConnectorRefusal),
    #[error("{0}")]
    File(#[from] PlanFileError),
    #[error("{0}")]
    Mismatch(#[from] FileMismatch),
    #[error("{0}")]
    NotPlannedNow(#[from] NotPlannedNow),
    #[error("{0}")]
    Apply(#[from] ApplyError),
    #[error("{0}")]
    Backup(#[from] BackupError),
    #[error("{0}")]
    Manifest(#[from] ManifestError),
    #[error("{0}")]
    Key(#[from] KeyError),
}

impl WriteError {
    /// How many changes were written before the stop (apply's count).
    pub fn written(&self) -> usize {
        match self {
            WriteError::Apply(e) => e.written(),
            _ => 0,
        }
    }
}
