//! What the pages share: the run's answers, its directories (each with its password, memory
//! only), and what was found so far. The parent owns it; pages read it and ask for changes as
//! [`Intent`]s, which [`Shared::apply`] makes through setters that forget what was built on an
//! old value.

use std::path::PathBuf;
use std::sync::Arc;

use zeroize::Zeroizing;

use super::dialogs::Dialogs;
use super::intent::{Intent, SettingsEdit};
use super::jobs::{CheckParams, CloudParams, SignedIn, UiError};
use super::run::{Directories, DirectoryEdit, DirectoryState, RowId};
use super::settings::Settings;
use crate::entra::Endpoints;
use crate::pilot::PilotReport;
use crate::plan::backup::RestoreReport;
use crate::syncserver::SyncServerInfo;
use crate::words::{Face, Words};

/// The tasks of the "Additional tasks" page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Flow {
    /// Customize synchronization options: check, plan, configure.
    #[default]
    Configure,
    /// The same for Entra Cloud Sync: its agent's gMSA is the connector, and writeback is
    /// switched on on the provisioning agent's server.
    CloudSync,
    /// Diagnose password writeback: read only.
    Diagnose,
    /// Restore from a backup.
    Restore,
    /// View current configuration.
    ViewConfig,
}

/// Entra Connect on this computer.
#[derive(Clone, Debug, Default)]
pub enum SyncState {
    #[default]
    Detecting,
    /// `None`: not installed / not Windows.
    Read(Option<SyncServerInfo>),
    Failed(String),
}

impl SyncState {
    pub fn info(&self) -> Option<&SyncServerInfo> {
        match self {
            SyncState::Read(Some(i)) if i.installed => Some(i),
            _ => None,
        }
    }

    /// Entra Cloud Sync's provisioning agent, when this computer has one.
    pub fn agent(&self) -> Option<&crate::syncserver::AgentInfo> {
        match self {
            SyncState::Read(Some(i)) => i.agent(),
            _ => None,
        }
    }
}

/// What Configure or Restore did, for the Complete page.
#[derive(Clone, Debug)]
pub enum Done {
    Configured(Configured),
    Restored {
        report: RestoreReport,
        backup: PathBuf,
    },
}

/// What Configure did.
#[derive(Clone, Debug, Default)]
pub struct Configured {
    /// Each directory of the run, in its order.
    pub directories: Vec<DirectoryDone>,
    /// The run's file (`restore` takes it and finds every directory's backup beside it).
    pub run_file: PathBuf,
    /// `None`: not asked; `Some(Err)`: it failed.
    pub writeback: Option<Result<(), String>>,
    /// The switch was Cloud Sync's (which cannot be read back), not Entra Connect's.
    pub cloud_sync: bool,
    /// Why it stopped early, if it did.
    pub stopped: Option<String>,
}

/// What Configure did in one directory.
#[derive(Clone, Debug, Default)]
pub struct DirectoryDone {
    pub label: String,
    /// Values written and verified.
    pub written: usize,
    /// Each change written, in words with its object.
    pub changes: Vec<String>,
    /// Its backup, once written.
    pub backup: Option<PathBuf>,
}

impl Configured {
    /// Values written in every directory.
    pub fn written(&self) -> usize {
        self.directories.iter().map(|d| d.written).sum()
    }
}

/// The parent's data.
pub struct Shared {
    /// The run's answers; the directories' are in `directories`.
    settings: Settings,
    directories: Directories,
    hybrid_admin: String,
    hybrid_admin_password: Zeroizing<String>,
    flow: Flow,
    sync: SyncState,
    signed_in: Option<SignedIn>,
    pilot: Option<Arc<PilotReport>>,
    backup_path: PathBuf,
    done: Option<Done>,
    dialogs: Arc<dyn Dialogs>,
    /// The log folder, or why there is none.
    log: Result<PathBuf, String>,
    /// A notice for the top of the page (a profile loaded with dropped fields, …).
    notice: Option<String>,
    /// How Entra Connect is reached (tests put a stand-in here).
    powershell: crate::syncserver::ProcessPowerShell,
}

impl Shared {
    pub fn new(
        settings: Settings,
        dialogs: Arc<dyn Dialogs>,
        log: Result<PathBuf, String>,
    ) -> Self {
        let backup_path = default_backup(&settings);
        Self {
            directories: Directories::from_settings(&settings),
            settings,
            hybrid_admin: String::new(),
            hybrid_admin_password: Zeroizing::new(String::new()),
            flow: Flow::Configure,
            sync: SyncState::Detecting,
            signed_in: None,
            pilot: None,
            backup_path,
            done: None,
            dialogs,
            log,
            notice: None,
            powershell: crate::syncserver::ProcessPowerShell::default(),
        }
    }

    /// A fresh state with default answers and scripted dialogs, for tests.
    pub fn for_tests() -> Self {
        Self::new(
            Settings::default(),
            Arc::new(super::dialogs::Scripted::new()),
            Ok(std::env::temp_dir()),
        )
    }

    /// Reads Entra Connect through `powershell` (tests put a stand-in here).
    pub fn with_powershell(mut self, powershell: crate::syncserver::ProcessPowerShell) -> Self {
        self.powershell = powershell;
        self
    }

    /// A notice for the top of every page.
    pub fn with_notice(mut self, notice: Option<String>) -> Self {
        self.notice = notice;
        self
    }

    // Reading.

    /// The run's answers (the directories' are in [`directories`](Self::directories)).
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The answers as a profile saves them: the run's and every directory's.
    pub fn profile(&self) -> Settings {
        let mut s = self.settings.clone();
        let (sync_all, list) = self.directories.to_profile();
        s.set_directories(sync_all, &list);
        s
    }

    pub fn directories(&self) -> &Directories {
        &self.directories
    }

    /// The first row: the form every run has.
    pub fn first(&self) -> &DirectoryState {
        self.directories.first()
    }

    /// The first directory of the run: the tenant, the sync server and the pilot group go with
    /// it (the first row, unless it is a forest's root none of the scope is in).
    pub fn lead(&self) -> &DirectoryState {
        self.rows().next().unwrap_or_else(|| self.first())
    }

    /// The directories of the run (a forest's domain outside the scope is not one).
    pub fn rows(&self) -> impl Iterator<Item = &DirectoryState> {
        self.directories.run()
    }

    pub fn row(&self, id: RowId) -> Option<&DirectoryState> {
        self.directories.get(id)
    }

    /// How many directories the run has.
    pub fn count(&self) -> usize {
        self.rows().count()
    }

    pub fn flow(&self) -> Flow {
        self.flow
    }

    pub fn sync(&self) -> &SyncState {
        &self.sync
    }

    pub fn signed_in(&self) -> Option<&SignedIn> {
        self.signed_in.as_ref()
    }

    pub fn pilot(&self) -> Option<&Arc<PilotReport>> {
        self.pilot.as_ref()
    }

    pub fn backup_path(&self) -> &PathBuf {
        &self.backup_path
    }

    pub fn done(&self) -> Option<&Done> {
        self.done.as_ref()
    }

    pub fn dialogs(&self) -> &Arc<dyn Dialogs> {
        &self.dialogs
    }

    pub fn log(&self) -> &Result<PathBuf, String> {
        &self.log
    }

    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn powershell(&self) -> &crate::syncserver::ProcessPowerShell {
        &self.powershell
    }

    pub fn hybrid_admin(&self) -> &str {
        &self.hybrid_admin
    }

    pub fn hybrid_admin_password(&self) -> &Zeroizing<String> {
        &self.hybrid_admin_password
    }

    /// Every directory of the run as the engine takes them, in order.
    pub fn engine_directories(&self) -> Result<Vec<crate::engine::Directory>, UiError> {
        self.rows().map(DirectoryState::directory).collect()
    }

    /// Every directory of the run is tested (a forest's domains were found through the tested
    /// row of their forest, with its sign-in; their DCs answer in the check, as the command
    /// line's do).
    pub fn all_tested(&self) -> bool {
        self.directories
            .all()
            .iter()
            .all(|r| r.tested().is_some() || r.forest_of().is_some())
    }

    /// Every directory of the run has its assessment (or why there is none), and the first
    /// one's succeeded.
    pub fn all_assessed(&self) -> bool {
        self.rows().all(|r| r.assessment().is_some()) && self.lead().assessed().is_some()
    }

    /// Every directory the check could read has its plan (or why there is none), and the first
    /// one's was made. A directory whose check failed has none and is left out of Configure.
    pub fn all_planned(&self) -> bool {
        self.rows()
            .filter(|r| r.assessed().is_some())
            .all(|r| r.planned().is_some())
            && self.lead().plan().is_some()
    }

    /// What directory `id`'s check needs: the first directory's also checks the tenant (when
    /// signed in) and the sync server.
    pub fn check_params(&self, id: RowId) -> Result<CheckParams, UiError> {
        let row = self
            .row(id)
            .ok_or_else(|| UiError::plain(crate::t!("run-lost")))?;
        let first = id == self.lead().id();
        Ok(CheckParams {
            directory: row.params()?,
            options: row.options(),
            cloud: if self.settings.skip_cloud || !first {
                None
            } else {
                self.signed_in.clone()
            },
            sync_server: first,
            outbound: if self.settings.writeback_endpoints.is_empty() {
                crate::syncserver::default_targets(self.settings.cloud.cloud())
            } else {
                self.settings.writeback_endpoints.clone()
            },
            powershell: self.powershell.clone(),
            memo: row.assessed().and_then(|a| a.memo.clone()),
        })
    }

    /// Sign-in parameters from the answers.
    pub fn cloud_params(&self, device_code: bool) -> Result<CloudParams, UiError> {
        let s = &self.settings;
        let some = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
        let endpoints = Endpoints::with_overrides(
            s.cloud.cloud(),
            some(&s.authority_url).as_deref(),
            some(&s.graph_url).as_deref(),
        )
        .map_err(|e| UiError::plain(Words::current(Face::Wizard).error(&e)))?;
        Ok(CloudParams {
            endpoints,
            tenant: s.tenant.clone(),
            client_id: s.client_id.clone(),
            device_code,
            pilot: true,
            desktop: self.dialogs.clone(),
        })
    }

    /// Whether Configure will switch writeback on: in Entra Connect when asked for on the sync
    /// server and not in staging mode; for Cloud Sync when asked for on an agent new enough,
    /// with the administrator's sign-in given.
    pub fn will_enable_writeback(&self) -> bool {
        if self.flow == Flow::CloudSync {
            return self.cloud_sync_asked() && self.hybrid_admin_given();
        }
        self.settings.enable_writeback
            && self
                .sync
                .info()
                .is_some_and(|i| i.staging_mode_enabled != Some(true))
    }

    /// Cloud Sync's switch is asked for but its sign-in is not complete yet.
    pub fn cloud_sync_incomplete(&self) -> bool {
        self.cloud_sync_asked() && !self.hybrid_admin_given()
    }

    /// On the Cloud Sync path, the switch asked for on an agent new enough to take it.
    fn cloud_sync_asked(&self) -> bool {
        self.flow == Flow::CloudSync
            && self.settings.enable_writeback
            && self.sync.agent().is_some_and(|a| a.too_old() != Some(true))
    }

    fn hybrid_admin_given(&self) -> bool {
        !self.hybrid_admin.trim().is_empty() && !self.hybrid_admin_password.is_empty()
    }

    // Changing: the one way in.

    /// Makes the change a page asked for, forgetting what was built on the old value.
    pub fn apply(&mut self, intent: Intent) {
        match intent {
            Intent::Flow(flow) => {
                self.flow = flow;
                self.done = None;
            }
            Intent::SyncServerRead(read) => self.sync_server_read(read),
            Intent::Profile(settings, notes) => {
                self.directories = Directories::from_settings(&settings);
                self.settings = *settings;
                self.backup_path = default_backup(&self.settings);
                self.notice = super::pages::profile_notice(&notes);
                self.signed_in = None;
                self.forget_results();
            }
            Intent::Settings(edit) => self.edit(edit),
            Intent::Directory(id, edit) => {
                self.directories.edit(id, edit);
                self.pilot = None;
            }
            Intent::AddDirectory => {
                self.directories.add();
            }
            Intent::RemoveDirectory(id) => {
                self.directories.remove(id);
                self.pilot = None;
            }
            Intent::Tested(id, tested) => {
                self.directories.tested(id, *tested);
                self.pilot = None;
            }
            Intent::SignedIn(s) => {
                self.signed_in = s;
                self.forget_results();
            }
            Intent::HybridAdmin(user) => self.hybrid_admin = user,
            Intent::HybridAdminPassword(p) => self.hybrid_admin_password = p,
            Intent::ForgetResults => self.forget_results(),
            Intent::Assessed(id, r) => {
                if id == self.lead().id() {
                    self.pilot = None;
                }
                self.directories.assessed(id, r);
            }
            Intent::Pilot(p) => self.pilot = p,
            Intent::ForgetPlans => self.directories.forget_plans(),
            Intent::Planned(id, r) => self.directories.planned(id, r),
            Intent::BackupPath(p) => {
                self.settings.backup_dir = p.parent().map(|d| d.to_path_buf());
                self.backup_path = p;
            }
            Intent::DefaultBackupPath => self.backup_path = default_backup(&self.settings),
            Intent::Done(d) => self.done = d,
            Intent::WritebackSwitched(r) => {
                if let Some(Done::Configured(c)) = &mut self.done {
                    c.writeback = Some(r);
                }
            }
        }
    }

    /// Applies every intent of `intents`, in order.
    pub fn apply_all(&mut self, intents: impl IntoIterator<Item = Intent>) {
        for i in intents {
            self.apply(i);
        }
    }

    fn edit(&mut self, edit: SettingsEdit) {
        let s = &mut self.settings;
        match edit {
            SettingsEdit::Cloud(c) => s.cloud = c,
            SettingsEdit::Tenant(t) => s.tenant = t,
            SettingsEdit::ClientId(c) => s.client_id = c,
            SettingsEdit::SkipCloud(skip) => s.skip_cloud = skip,
            SettingsEdit::PasswordWriteback(on) => {
                s.password_writeback = on;
                return;
            }
            SettingsEdit::EnableWriteback(on) => {
                s.enable_writeback = on;
                return;
            }
            SettingsEdit::PilotGroup(g) => {
                s.pilot_group = g;
                self.pilot = None;
                return;
            }
            SettingsEdit::Plan(o) => {
                s.plan = o;
                self.directories.forget_plans();
                return;
            }
        }
        // The tenant changed: the sign-in and everything checked with it go.
        self.signed_in = None;
        self.forget_results();
    }

    /// Entra Connect read on this computer: what it already knows pre-fills the run (each AD
    /// connector's forest, connector account and OU filter), and a provisioning agent server
    /// without Entra Connect takes the Cloud Sync path (the next page can change it).
    fn sync_server_read(&mut self, read: Result<Option<SyncServerInfo>, String>) {
        self.sync = match read {
            Ok(info) => {
                if let Some(i) = info.as_ref().filter(|i| i.installed) {
                    self.prefill(i);
                }
                if info
                    .as_ref()
                    .is_some_and(|i| !i.installed && i.agent().is_some())
                {
                    self.flow = Flow::CloudSync;
                }
                SyncState::Read(info)
            }
            Err(e) => SyncState::Failed(e),
        };
    }

    fn prefill(&mut self, info: &SyncServerInfo) {
        if !self.first().settings().server.trim().is_empty() {
            return;
        }
        for (i, ad) in info.ad_connectors().enumerate() {
            let Some(forest) = &ad.forest_name else {
                continue;
            };
            let id = if i == 0 {
                self.first().id()
            } else {
                self.directories.add()
            };
            let d = &mut self.directories;
            d.edit(id, DirectoryEdit::Server(forest.clone()));
            if let Some(a) = ad.account() {
                d.edit(id, DirectoryEdit::Connector(a));
            }
            if !ad.inclusions.is_empty() {
                d.edit(id, DirectoryEdit::SyncAll(false));
                for ou in &ad.inclusions {
                    d.edit(id, DirectoryEdit::Scope(ou.clone(), true));
                }
            }
        }
    }

    fn forget_results(&mut self) {
        self.directories.forget_results();
        self.pilot = None;
    }
}

/// A timestamped backup file in the chosen folder or the platform's data folder.
pub fn default_backup(settings: &Settings) -> PathBuf {
    let default = crate::plan::backup::default_path();
    match (&settings.backup_dir, default.file_name()) {
        (Some(dir), Some(name)) => dir.join(name),
        _ => default,
    }
}

#[cfg(test)]
mod tests;
