//! The run's directories, as Connect's "Connect your directories" page lists them: each row holds
//! its answers, its password (memory only, never saved) and what was found there — the tested
//! connection, the assessment and the plan. A run of one directory is a list of one; every page
//! shows the list the same way.
//!
//! A row is known by its [`RowId`], not its position: a result that comes back after its row
//! was changed or removed finds nothing to land on, and a password stays with the row it was
//! typed for.

use std::path::PathBuf;
use std::sync::Arc;

use zeroize::Zeroizing;

use super::jobs::{Assessment, DirectoryParams, Planned, Tested, UiError};
use crate::ad::ConnectOptions;
use crate::check::CheckOptions;
use crate::engine::directories::forest_parts;
use crate::profile::{DirectorySettings, Settings, TransportChoice};
use crate::t;

/// A row's identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowId(u64);

/// A change to a row's answers. Every one but [`DirectoryEdit::PickConnector`] forgets what was
/// found with the old answers.
#[derive(Clone, Debug)]
pub enum DirectoryEdit {
    Server(String),
    Transport(TransportChoice),
    CaFile(Option<PathBuf>),
    WindowsCredentials(bool),
    User(String),
    Password(Zeroizing<String>),
    Connector(String),
    /// One of the accounts the test found several of.
    PickConnector(usize),
    /// The whole domain, or only the OUs chosen.
    SyncAll(bool),
    /// An OU into the scope (`true`) or out of it.
    Scope(String, bool),
    /// Only the OUs inside `dn` stay in the scope (a profile's or Entra Connect's, once the
    /// domain is known).
    KeepScopesIn(String),
    /// Every domain of the forest, each through its own DC.
    AllDomains(bool),
}

/// One directory of the run.
#[derive(Debug)]
pub struct DirectoryState {
    id: RowId,
    settings: DirectorySettings,
    sync_all: bool,
    password: Zeroizing<String>,
    tested: Option<Tested>,
    assessment: Option<Result<Arc<Assessment>, UiError>>,
    planned: Option<Result<Arc<Planned>, UiError>>,
    /// The domain's name, once a forest was split into its domains.
    domain_label: Option<String>,
    /// Added for the forest of another row (its `all_domains`): a profile saves that row.
    forest_of: Option<RowId>,
    /// A forest's domain that holds none of its scope: listed, not checked.
    out_of_scope: bool,
}

/// Kerberos sign-in exists only in builds with the `kerberos` feature.
pub const KERBEROS: bool = cfg!(feature = "kerberos");

impl DirectoryState {
    fn new(id: RowId, settings: DirectorySettings, sync_all: bool) -> Self {
        Self {
            id,
            settings,
            sync_all,
            password: Zeroizing::default(),
            tested: None,
            assessment: None,
            planned: None,
            domain_label: None,
            forest_of: None,
            out_of_scope: false,
        }
    }

    pub fn id(&self) -> RowId {
        self.id
    }

    pub fn settings(&self) -> &DirectorySettings {
        &self.settings
    }

    pub fn sync_all(&self) -> bool {
        self.sync_all
    }

    pub fn password(&self) -> &str {
        &self.password
    }

    pub fn tested(&self) -> Option<&Tested> {
        self.tested.as_ref()
    }

    pub fn assessment(&self) -> Option<&Result<Arc<Assessment>, UiError>> {
        self.assessment.as_ref()
    }

    /// The assessment, when it succeeded.
    pub fn assessed(&self) -> Option<&Arc<Assessment>> {
        self.assessment.as_ref().and_then(|a| a.as_ref().ok())
    }

    pub fn planned(&self) -> Option<&Result<Arc<Planned>, UiError>> {
        self.planned.as_ref()
    }

    /// The plan, when it was made.
    pub fn plan(&self) -> Option<&Arc<Planned>> {
        self.planned.as_ref().and_then(|p| p.as_ref().ok())
    }

    pub fn forest_of(&self) -> Option<RowId> {
        self.forest_of
    }

    /// A forest's domain none of the scope is in: not part of the run.
    pub fn out_of_scope(&self) -> bool {
        self.out_of_scope
    }

    /// What the pages call it: the domain's name for a forest's domains, else the server as the
    /// user typed it.
    pub fn label(&self) -> String {
        self.domain_label
            .clone()
            .unwrap_or_else(|| self.settings.server.trim().to_string())
    }

    /// How to reach and sign in to it.
    pub fn params(&self) -> Result<DirectoryParams, UiError> {
        let s = &self.settings;
        let server = s.server.trim();
        if server.is_empty() {
            return Err(UiError::plain(t!("directory-need-server")));
        }
        let mut opts = ConnectOptions::for_server(server, s.transport.transport())?;
        opts.ca_file = s.ca_file.clone();
        if !s.windows_credentials {
            if s.user.trim().is_empty() {
                return Err(UiError::plain(t!("directory-need-user")));
            }
            if self.password.is_empty() {
                return Err(UiError::plain(t!("directory-need-password")));
            }
        }
        Ok(DirectoryParams {
            opts,
            user: s.user.trim().to_string(),
            password: self.password.clone(),
            kerberos: s.windows_credentials,
        })
    }

    /// The check's options: the connector the test found (by DN) or the one typed, and the
    /// OUs in scope.
    pub fn options(&self) -> CheckOptions {
        let connector = self
            .tested
            .as_ref()
            .and_then(|t| t.connector.as_ref().map(|a| a.dn.clone()))
            .or_else(|| Some(self.settings.connector.trim().to_string()).filter(|c| !c.is_empty()));
        CheckOptions {
            connector,
            scopes: if self.sync_all {
                Vec::new()
            } else {
                self.settings.scopes.clone()
            },
            page_size: 1000,
            sync_rules: None,
        }
    }

    /// The engine's directory.
    pub fn directory(&self) -> Result<crate::engine::Directory, UiError> {
        Ok(crate::engine::Directory {
            label: self.label(),
            login: self.params()?.login(),
            options: self.options(),
        })
    }

    /// Forgets the assessment and the plan.
    fn forget_results(&mut self) {
        self.assessment = None;
        self.planned = None;
    }

    /// Forgets everything read with the old answers.
    fn changed(&mut self) {
        self.tested = None;
        self.forget_results();
    }
}

/// The run's directories, in order; never empty (the first row is the form on "Connect your
/// directories").
#[derive(Debug)]
pub struct Directories {
    rows: Vec<DirectoryState>,
    next: u64,
}

impl Directories {
    /// The directories of `settings` (its main fields first, even without a server yet).
    pub fn from_settings(settings: &Settings) -> Self {
        let mut d = Self {
            rows: Vec::new(),
            next: 0,
        };
        let main = settings.main_directory();
        let mut first = DirectoryState::new(d.id(), main, settings.sync_all);
        first.settings.scopes = settings.scopes.clone();
        d.rows.push(first);
        for s in &settings.directories {
            let sync_all = s.scopes.is_empty();
            let id = d.id();
            d.rows.push(DirectoryState::new(id, s.clone(), sync_all));
        }
        d
    }

    fn id(&mut self) -> RowId {
        self.next += 1;
        RowId(self.next)
    }

    /// Every row, the forest's domains outside the scope included.
    pub fn all(&self) -> &[DirectoryState] {
        &self.rows
    }

    /// The rows of the run (a forest's domain outside the scope is not one).
    pub fn run(&self) -> impl Iterator<Item = &DirectoryState> {
        self.rows.iter().filter(|r| !r.out_of_scope)
    }

    pub fn get(&self, id: RowId) -> Option<&DirectoryState> {
        self.rows.iter().find(|r| r.id == id)
    }

    fn get_mut(&mut self, id: RowId) -> Option<&mut DirectoryState> {
        self.rows.iter_mut().find(|r| r.id == id)
    }

    /// The first directory: the tenant, the sync server and the pilot group go with it.
    pub fn first(&self) -> &DirectoryState {
        &self.rows[0]
    }

    /// Adds an empty row (its answers typed on the page, then tested).
    pub fn add(&mut self) -> RowId {
        let id = self.id();
        self.rows
            .push(DirectoryState::new(id, DirectorySettings::default(), true));
        id
    }

    /// Removes a row (and the domains its forest added); the first stays (it is the form).
    pub fn remove(&mut self, id: RowId) {
        if self.rows.first().is_some_and(|r| r.id == id) {
            return;
        }
        self.rows.retain(|r| r.id != id && r.forest_of != Some(id));
    }

    /// Applies `edit` to row `id`.
    pub fn edit(&mut self, id: RowId, edit: DirectoryEdit) {
        if let DirectoryEdit::AllDomains(on) = edit {
            return self.all_domains(id, on);
        }
        // New answers for a forest's row: its domains are found again by the next test.
        let answers = !matches!(
            edit,
            DirectoryEdit::PickConnector(_)
                | DirectoryEdit::SyncAll(_)
                | DirectoryEdit::Scope(..)
                | DirectoryEdit::KeepScopesIn(_)
        );
        if answers && self.get(id).is_some_and(|r| r.settings.all_domains) {
            self.join_forest(id);
        }
        let Some(row) = self.get_mut(id) else {
            return;
        };
        let s = &mut row.settings;
        match edit {
            DirectoryEdit::PickConnector(i) => {
                if let Some(t) = row.tested.as_mut()
                    && let Some(a) = t.candidates.get(i).cloned()
                {
                    s.connector = a.sam_account_name.clone();
                    t.connector = Some(a);
                    t.candidates.clear();
                    row.forget_results();
                }
                return;
            }
            DirectoryEdit::Server(v) => s.server = v,
            DirectoryEdit::Transport(t) => s.transport = t,
            DirectoryEdit::CaFile(p) => s.ca_file = p,
            DirectoryEdit::WindowsCredentials(b) => s.windows_credentials = b && KERBEROS,
            DirectoryEdit::User(v) => s.user = v,
            DirectoryEdit::Password(p) => row.password = p,
            DirectoryEdit::Connector(v) => s.connector = v,
            DirectoryEdit::SyncAll(all) => {
                row.sync_all = all;
                row.forget_results();
                return;
            }
            DirectoryEdit::Scope(dn, on) => {
                s.scopes.retain(|x| !x.eq_ignore_ascii_case(&dn));
                if on {
                    s.scopes.push(dn);
                }
                row.forget_results();
                return;
            }
            DirectoryEdit::KeepScopesIn(domain) => {
                let before = s.scopes.len();
                s.scopes
                    .retain(|x| crate::ad::discovery::is_within(x, &domain));
                if s.scopes.len() != before {
                    row.forget_results();
                }
                return;
            }
            DirectoryEdit::AllDomains(_) => return,
        }
        row.changed();
    }

    /// Takes row `id`'s forest back into the row: its domains go, the row keeps every OU of
    /// the forest's scope.
    fn join_forest(&mut self, id: RowId) {
        let scopes = self.forest_scope(id);
        self.rows.retain(|r| r.forest_of != Some(id));
        if let Some(row) = self.get_mut(id) {
            row.settings.scopes = scopes;
            row.domain_label = None;
            row.out_of_scope = false;
        }
    }

    /// The tested connection of row `id`; with `all_domains`, the forest's other domains join
    /// the run.
    pub fn tested(&mut self, id: RowId, tested: Tested) {
        let Some(row) = self.get_mut(id) else {
            return;
        };
        row.tested = Some(tested);
        row.forget_results();
        if row.settings.all_domains {
            self.split_forest(id);
        }
    }

    /// Turns `all_domains` on (the forest's domains join, when the row is tested) or off (they
    /// go, and the row keeps the whole scope).
    fn all_domains(&mut self, id: RowId, on: bool) {
        let Some(row) = self.get(id) else {
            return;
        };
        if row.settings.all_domains == on {
            return;
        }
        self.join_forest(id);
        let Some(row) = self.get_mut(id) else {
            return;
        };
        row.settings.all_domains = on;
        row.forget_results();
        if on && row.tested.is_some() {
            self.split_forest(id);
        }
    }

    /// The scope of row `id` with its forest's domains': every OU it was given.
    fn forest_scope(&self, id: RowId) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in self
            .rows
            .iter()
            .filter(|r| r.id == id || r.forest_of == Some(id))
        {
            for s in &r.settings.scopes {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(s)) {
                    out.push(s.clone());
                }
            }
        }
        out
    }

    /// Row `id`'s forest as directories, split as the command line splits a profile's
    /// `all_domains` ([`forest_parts`]): the scope's OUs go to the domain that holds them.
    fn split_forest(&mut self, id: RowId) {
        self.join_forest(id);
        let scopes = self.forest_scope(id);
        let Some(at) = self.rows.iter().position(|r| r.id == id) else {
            return;
        };
        let row = &self.rows[at];
        let Some(t) = row.tested.clone() else {
            return;
        };
        let sync_all = row.sync_all;
        let wanted: &[String] = if sync_all { &[] } else { &scopes };
        let parts = forest_parts(&row.settings.server, &t.domain_dn, &t.forest, wanted);
        let (template, password) = (row.settings.clone(), row.password.clone());
        let mut added = Vec::new();
        for part in &parts {
            if part.dn.eq_ignore_ascii_case(&t.domain_dn) {
                continue;
            }
            let mut s = DirectorySettings {
                server: part.reach.clone(),
                scopes: part.scopes.clone(),
                all_domains: false,
                ..template.clone()
            };
            s.password_env = String::new();
            let mut r = DirectoryState::new(self.id(), s, sync_all);
            r.password = password.clone();
            r.domain_label = Some(part.label());
            r.forest_of = Some(id);
            added.push(r);
        }
        let own = parts
            .iter()
            .find(|p| p.dn.eq_ignore_ascii_case(&t.domain_dn));
        let row = &mut self.rows[at];
        row.domain_label = Some(crate::ad::discovery::dns_from_dn(&t.domain_dn));
        row.out_of_scope = own.is_none();
        if !sync_all {
            row.settings.scopes = own.map(|p| p.scopes.clone()).unwrap_or_default();
        }
        let n = added.len();
        self.rows.splice(at + 1..at + 1, added);
        tracing::info!("forest of {}: {n} more domain(s)", self.rows[at].label());
    }

    pub fn assessed(&mut self, id: RowId, r: Result<Arc<Assessment>, UiError>) {
        if let Some(row) = self.get_mut(id) {
            row.assessment = Some(r);
            row.planned = None;
        }
    }

    pub fn planned(&mut self, id: RowId, r: Result<Arc<Planned>, UiError>) {
        if let Some(row) = self.get_mut(id) {
            row.planned = Some(r);
        }
    }

    pub fn forget_results(&mut self) {
        self.rows
            .iter_mut()
            .for_each(DirectoryState::forget_results);
    }

    pub fn forget_plans(&mut self) {
        self.rows.iter_mut().for_each(|r| r.planned = None);
    }

    /// The list as a profile keeps it: a forest's domains under the row whose `all_domains`
    /// added them (with its whole scope), and the first row's "whole domain" answer.
    pub fn to_profile(&self) -> (bool, Vec<DirectorySettings>) {
        let list = self
            .rows
            .iter()
            .filter(|r| r.forest_of.is_none())
            .map(|r| {
                let mut s = r.settings.clone();
                if s.all_domains {
                    s.scopes = self.forest_scope(r.id);
                }
                if r.sync_all && r.id != self.rows[0].id {
                    s.scopes.clear();
                }
                s
            })
            .collect();
        (self.rows[0].sync_all, list)
    }
}

#[cfg(test)]
mod tests;
