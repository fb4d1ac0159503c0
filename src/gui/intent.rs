//! What a page asks for. A page's `update` reads [`Shared`](super::Shared) and returns
//! [`Intent`]s (with the work to run); the parent hands each to [`Shared::apply`], whose setters
//! forget what was built on an old value. No page writes what the pages share.

use std::path::PathBuf;
use std::sync::Arc;

use zeroize::Zeroizing;

use super::jobs::{Assessment, Planned, SignedIn, Tested, UiError};
use super::run::{DirectoryEdit, RowId};
use super::shared::{Done, Flow};
use crate::pilot::PilotReport;
use crate::plan::PlanOptions;
use crate::profile::{CloudChoice, LoadNotes, Settings};
use crate::syncserver::SyncServerInfo;

/// A change a page asks of what the pages share.
#[derive(Debug)]
pub enum Intent {
    /// The task chosen on "Additional tasks".
    Flow(Flow),
    /// What was read of Entra Connect (and the Cloud Sync agent) on this computer.
    SyncServerRead(Result<Option<SyncServerInfo>, String>),
    /// A profile loaded: its answers replace the run's, passwords and results go.
    Profile(Box<Settings>, LoadNotes),
    Settings(SettingsEdit),
    Directory(RowId, DirectoryEdit),
    AddDirectory,
    RemoveDirectory(RowId),
    Tested(RowId, Box<Tested>),
    SignedIn(Option<SignedIn>),
    /// Cloud Sync's switch signs in as a Hybrid Identity Administrator (kept for the session).
    HybridAdmin(String),
    HybridAdminPassword(Zeroizing<String>),
    /// The assessments, plans and pilot table go (a new check starts).
    ForgetResults,
    Assessed(RowId, Result<Arc<Assessment>, UiError>),
    Pilot(Option<Arc<PilotReport>>),
    /// The plans go (they are made again).
    ForgetPlans,
    Planned(RowId, Result<Arc<Planned>, UiError>),
    /// The run's file (each directory's backup goes beside it); its folder is remembered.
    BackupPath(PathBuf),
    /// The backup path the backup folder gives (a new run, a new file).
    DefaultBackupPath,
    Done(Option<Done>),
    /// The writeback switch's result, after Configure wrote.
    WritebackSwitched(Result<(), String>),
}

/// A change to the run's answers (a directory's are [`DirectoryEdit`]s).
#[derive(Clone, Debug)]
pub enum SettingsEdit {
    Cloud(CloudChoice),
    Tenant(String),
    ClientId(String),
    SkipCloud(bool),
    PasswordWriteback(bool),
    EnableWriteback(bool),
    PilotGroup(String),
    Plan(PlanOptions),
}
