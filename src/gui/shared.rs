//! What the pages share: the answers, the password (memory only), and what was found so far.
//! The parent owns it; pages read it and write their own part.

use std::path::PathBuf;
use std::sync::Arc;

use zeroize::Zeroizing;

use super::dialogs::Dialogs;
use super::jobs::{
    Assessment, CheckParams, CloudParams, DirectoryParams, Planned, SignedIn, Tested,
};
use super::settings::Settings;
use crate::ad::ConnectOptions;
use crate::check::CheckOptions;
use crate::entra::Endpoints;
use crate::pilot::PilotReport;
use crate::plan::backup::RestoreReport;
use crate::syncserver::SyncServerInfo;
use crate::t;
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
    Configured {
        written: usize,
        /// What was written: each change's summary and object.
        changes: Vec<String>,
        backup: PathBuf,
        /// `None`: not asked; `Some(Err)`: it failed.
        writeback: Option<Result<(), String>>,
        /// The switch was Cloud Sync's (which cannot be read back), not Entra Connect's.
        cloud_sync: bool,
        /// What was done in each other directory, in words.
        others: Vec<String>,
        /// Why it stopped early, if it did.
        stopped: Option<String>,
    },
    Restored {
        report: RestoreReport,
        backup: PathBuf,
    },
}

/// The parent's data.
pub struct Shared {
    pub settings: Settings,
    pub password: Zeroizing<String>,
    /// Cloud Sync's switch signs in as a Hybrid Identity Administrator: the account (kept for
    /// the session only) and its password (never saved).
    pub hybrid_admin: String,
    pub hybrid_admin_password: Zeroizing<String>,
    /// The passwords of the other directories (`settings.directories`), by position; never
    /// saved.
    pub other_passwords: Vec<Zeroizing<String>>,
    /// The other directories' assessments and plans (`None`: not yet, or none to make).
    pub others_assessed: Option<Vec<super::jobs::OtherAssessment>>,
    pub others_planned: Option<Vec<super::jobs::OtherPlan>>,
    pub flow: Flow,
    pub sync: SyncState,
    pub signed_in: Option<SignedIn>,
    pub tested: Option<Tested>,
    pub assessment: Option<Arc<Assessment>>,
    pub pilot: Option<Arc<PilotReport>>,
    pub planned: Option<Arc<Planned>>,
    pub backup_path: PathBuf,
    pub done: Option<Done>,
    pub dialogs: Arc<dyn Dialogs>,
    /// The log folder, or why there is none.
    pub log: Result<PathBuf, String>,
    /// A notice for the top of the page (a profile loaded with dropped fields, …).
    pub notice: Option<String>,
    /// How Entra Connect is reached (tests put a stand-in here).
    pub powershell: crate::syncserver::ProcessPowerShell,
}

impl Shared {
    pub fn new(
        settings: Settings,
        dialogs: Arc<dyn Dialogs>,
        log: Result<PathBuf, String>,
    ) -> Self {
        let backup_path = default_backup(&settings);
        Self {
            settings,
            password: Zeroizing::new(String::new()),
            hybrid_admin: String::new(),
            hybrid_admin_password: Zeroizing::new(String::new()),
            other_passwords: Vec::new(),
            others_assessed: None,
            others_planned: None,
            flow: Flow::Configure,
            sync: SyncState::Detecting,
            signed_in: None,
            tested: None,
            assessment: None,
            pilot: None,
            planned: None,
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

    /// Connection parameters from the answers.
    pub fn directory_params(&self) -> Result<DirectoryParams, String> {
        let s = &self.settings;
        let server = s.server.trim();
        if server.is_empty() {
            return Err(t!("directory-need-server"));
        }
        let mut opts = ConnectOptions::for_server(server, s.transport.transport())
            .map_err(|e| Words::current(Face::Wizard).error(&e))?;
        opts.ca_file = s.ca_file.clone();
        if !s.windows_credentials {
            if s.user.trim().is_empty() {
                return Err(t!("directory-need-user"));
            }
            if self.password.is_empty() {
                return Err(t!("directory-need-password"));
            }
        }
        Ok(DirectoryParams {
            opts,
            user: s.user.trim().to_string(),
            password: self.password.clone(),
            kerberos: s.windows_credentials,
        })
    }

    /// Every directory of the run as the engine takes them: the first (the answers on "Connect
    /// your directories") and the others, in that order.
    pub fn directories(&self) -> Result<Vec<crate::engine::Directory>, String> {
        let mut v = vec![crate::engine::Directory {
            label: self.settings.server.trim().to_string(),
            login: self.directory_params()?.login(),
            options: self.check_options(),
        }];
        for o in self.others() {
            v.push(o.directory().map_err(|e| e.message)?);
        }
        Ok(v)
    }

    /// The check's options: the tested connector (by DN) and the OU filter.
    pub fn check_options(&self) -> CheckOptions {
        let connector = self
            .tested
            .as_ref()
            .and_then(|t| t.connector.as_ref().map(|a| a.dn.clone()))
            .or_else(|| Some(self.settings.connector.trim().to_string()).filter(|c| !c.is_empty()));
        CheckOptions {
            connector,
            scopes: if self.settings.sync_all {
                Vec::new()
            } else {
                self.settings.scopes.clone()
            },
            page_size: 1000,
            sync_rules: None,
        }
    }

    /// Everything the check needs.
    pub fn check_params(&self) -> Result<CheckParams, String> {
        Ok(CheckParams {
            directory: self.directory_params()?,
            options: self.check_options(),
            cloud: if self.settings.skip_cloud {
                None
            } else {
                self.signed_in.clone()
            },
            outbound: if self.settings.writeback_endpoints.is_empty() {
                crate::syncserver::default_targets(self.settings.cloud.cloud())
            } else {
                self.settings.writeback_endpoints.clone()
            },
            powershell: self.powershell.clone(),
        })
    }

    /// Sign-in parameters from the answers.
    pub fn cloud_params(&self, device_code: bool) -> Result<CloudParams, String> {
        let s = &self.settings;
        let some = |v: &str| Some(v.trim().to_string()).filter(|v| !v.is_empty());
        let endpoints = Endpoints::with_overrides(
            s.cloud.cloud(),
            some(&s.authority_url).as_deref(),
            some(&s.graph_url).as_deref(),
        )
        .map_err(|e| Words::current(Face::Wizard).error(&e))?;
        Ok(CloudParams {
            endpoints,
            tenant: s.tenant.clone(),
            client_id: s.client_id.clone(),
            device_code,
            pilot: true,
            desktop: self.dialogs.clone(),
        })
    }

    // The chain: answers → sign-in / tested connection → assessment → pilot table and plan.
    // Pages write a link through these setters, which forget what was built on the old value,
    // so no page clears stale results by hand.

    /// The cloud sign-in; the assessment, pilot table and plan made with another go.
    pub fn set_signed_in(&mut self, signed_in: Option<SignedIn>) {
        self.signed_in = signed_in;
        self.forget_results();
    }

    /// The tested connection; everything read with another goes.
    pub fn set_tested(&mut self, tested: Option<Tested>) {
        self.tested = tested;
        self.forget_results();
    }

    /// A new assessment (or none); a plan made from the old one goes.
    pub fn set_assessment(&mut self, assessment: Option<Arc<Assessment>>) {
        self.assessment = assessment;
        self.planned = None;
        self.others_planned = None;
    }

    /// The other directories with their passwords.
    pub fn others(&self) -> Vec<super::jobs::Other> {
        self.settings
            .directories
            .iter()
            .enumerate()
            .map(|(i, d)| super::jobs::Other {
                settings: d.clone(),
                password: self.other_passwords.get(i).cloned().unwrap_or_default(),
            })
            .collect()
    }

    /// Adds another directory (tested) with its password.
    pub fn add_other(&mut self, other: super::jobs::Other) {
        self.other_passwords
            .resize(self.settings.directories.len(), Zeroizing::default());
        self.settings.directories.push(other.settings);
        self.other_passwords.push(other.password);
        self.forget_results();
    }

    /// Removes the other directory at `index`.
    pub fn remove_other(&mut self, index: usize) {
        if index < self.settings.directories.len() {
            self.settings.directories.remove(index);
            if index < self.other_passwords.len() {
                self.other_passwords.remove(index);
            }
            self.forget_results();
        }
    }

    /// The other directories' assessments.
    pub fn set_others_assessed(&mut self, assessed: Option<Vec<super::jobs::OtherAssessment>>) {
        self.others_assessed = assessed;
        self.others_planned = None;
    }

    /// The pilot table.
    pub fn set_pilot(&mut self, pilot: Option<Arc<PilotReport>>) {
        self.pilot = pilot;
    }

    /// The plan computed from the current assessment.
    pub fn set_planned(&mut self, planned: Option<Arc<Planned>>) {
        self.planned = planned;
    }

    /// What Configure or Restore did.
    pub fn set_done(&mut self, done: Option<Done>) {
        self.done = done;
    }

    /// Forgets everything read after the directory answers changed.
    pub fn directory_changed(&mut self) {
        self.tested = None;
        self.forget_results();
    }

    /// Forgets the check, the plan and the pilot table (they depend on the answers).
    pub fn forget_results(&mut self) {
        self.assessment = None;
        self.pilot = None;
        self.planned = None;
        self.others_assessed = None;
        self.others_planned = None;
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
