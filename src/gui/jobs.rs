//! Everything the wizard asks of the engine, as async functions and streams the pages wrap in
//! `Task`s. Nothing here touches a widget; errors come back as [`UiError`]: `Clone`, in the
//! wizard's language, with the next step.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use iced::futures::channel::mpsc::Sender;
use iced::futures::{SinkExt, Stream};
use zeroize::Zeroizing;

use crate::ad::connector::{Account, ConnectorLookup};
use crate::ad::{AdError, ConnectOptions, Connection, SimpleCredential};
use crate::check::{self, CheckOptions, Finding};
use crate::engine::assess::AssessError;
use crate::engine::planning::PlanningError;
use crate::engine::{self, Credential, Login, PdcSwitch, Progress, Request, SyncServerCheck};
pub use crate::engine::{Assessment, Phase, Planned};
use crate::entra::facts::CloudFacts;
use crate::entra::{self, Endpoints, Graph, SignIn};
use crate::plan::apply::{ApplyOptions, Event};
use crate::plan::backup::{Backup, RestoreItem, RestoreMode, RestoreReport};
use crate::plan::{self, Plan, PlanOptions};
use crate::report::Report;
use crate::syncserver::{self, ProcessPowerShell, SyncServerInfo};
use crate::t;

use super::dialogs::Dialogs;

/// What kind of failure, for the page to offer the right next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The DC's certificate is not trusted: offer to choose a CA file.
    UntrustedCertificate,
    /// Wrong user name or password.
    BadCredentials,
    /// The server could not be reached.
    Unreachable,
    Other,
}

/// A failure, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UiError {
    pub kind: ErrorKind,
    pub message: String,
}

impl UiError {
    /// Any error in the wizard's words.
    pub fn of(e: &(dyn std::error::Error + 'static)) -> Self {
        Self::other(crate::words::Words::current(crate::words::Face::Wizard).error(e))
    }

    pub fn other(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::Other,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for UiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<AdError> for UiError {
    fn from(e: AdError) -> Self {
        // The whole sentence in the wizard's words (never a command-line flag), under the
        // short one that names the next click where there is one.
        let words = crate::words::Words::current(crate::words::Face::Wizard).ad_error(&e);
        let (kind, message) = match &e {
            AdError::UntrustedCertificate { server, .. } => (
                ErrorKind::UntrustedCertificate,
                t!("error-untrusted-certificate", server = server.as_str()),
            ),
            AdError::CertificateNameMismatch { server, .. } => (
                ErrorKind::Other,
                t!("error-certificate-name", server = server.as_str()),
            ),
            AdError::BadCredentials { user, .. } => (
                ErrorKind::BadCredentials,
                t!("error-bad-credentials", user = user.as_str()),
            ),
            AdError::UnknownHost { server, .. }
            | AdError::Refused { server }
            | AdError::Timeout { server, .. }
            | AdError::Connect { server, .. } => (
                ErrorKind::Unreachable,
                t!("error-unreachable", server = server.as_str()),
            ),
            AdError::CaFile { path, .. } => (
                ErrorKind::UntrustedCertificate,
                t!("error-ca-file", path = path.as_str()),
            ),
            _ => return UiError::other(words),
        };
        Self {
            kind,
            message: format!("{message}\n{words}"),
        }
    }
}

impl From<AssessError> for UiError {
    fn from(e: AssessError) -> Self {
        match e {
            AssessError::Directory(e) => e.into(),
            AssessError::Check(e) => e.into(),
            AssessError::Pilot(crate::pilot::PilotError::Directory(e)) => e.into(),
            AssessError::Pilot(e) => UiError::of(&e),
        }
    }
}

impl From<check::CheckError> for UiError {
    fn from(e: check::CheckError) -> Self {
        match e {
            check::CheckError::Directory(e) => e.into(),
            other => UiError::of(&other),
        }
    }
}

/// How to reach and sign in to the DC. The password is wiped when the last copy is dropped.
#[derive(Clone)]
pub struct DirectoryParams {
    pub opts: ConnectOptions,
    pub user: String,
    pub password: Zeroizing<String>,
    /// Kerberos with the current credentials instead of the password.
    pub kerberos: bool,
}

impl std::fmt::Debug for DirectoryParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DirectoryParams")
            .field("url", &self.opts.url)
            .field("user", &self.user)
            .field("kerberos", &self.kerberos)
            .finish_non_exhaustive()
    }
}

impl DirectoryParams {
    /// The engine's sign-in.
    pub fn login(&self) -> Login {
        Login {
            options: self.opts.clone(),
            credential: if self.kerberos {
                Credential::Kerberos
            } else {
                Credential::Password(SimpleCredential {
                    user: self.user.clone(),
                    password: self.password.clone(),
                })
            },
        }
    }
}

/// Connects and binds.
pub async fn connect(p: &DirectoryParams) -> Result<Connection, UiError> {
    Ok(p.login().connect().await?)
}

/// What "Test connection" found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tested {
    pub server: String,
    pub domain_dn: String,
    pub domain_dns: String,
    pub encrypted: bool,
    /// The connector account found (detected, or the one typed).
    pub connector: Option<Account>,
    /// Several matched: the user picks one.
    pub candidates: Vec<Account>,
}

/// Connects, reads the domain and looks for the connector account.
pub async fn test_connection(p: DirectoryParams, connector: String) -> Result<Tested, UiError> {
    let mut conn = connect(&p).await?;
    let root = conn.root_dse().await?;
    let forest = conn.forest_domains(&root).await?;
    let domain = conn.domain(&root, &forest).await?;
    let given = Some(connector.trim()).filter(|c| !c.is_empty());
    let (lookup, _) = crate::check::ranking::find(&mut conn, &domain, given).await?;
    let encrypted = conn.encrypted();
    let server = conn.server().to_string();
    conn.close().await;
    let (connector, candidates) = match lookup {
        ConnectorLookup::Found(a) => (Some(a), Vec::new()),
        ConnectorLookup::NotFound { .. } => (None, Vec::new()),
        ConnectorLookup::Ambiguous { candidates, .. } => (None, candidates),
    };
    if connector.is_none() && given.is_some() && candidates.is_empty() {
        return Err(UiError::other(t!(
            "error-connector-not-found",
            name = given.unwrap_or_default()
        )));
    }
    Ok(Tested {
        server,
        domain_dn: domain.dn,
        domain_dns: domain.dns_name,
        encrypted,
        connector,
        candidates,
    })
}

/// An OU or container in the filtering tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OuNode {
    pub dn: String,
    pub name: String,
}

/// The OUs and containers directly below `dn` (one level), sorted by name.
pub async fn children(p: DirectoryParams, dn: String) -> Result<Vec<OuNode>, UiError> {
    let mut conn = connect(&p).await?;
    let entries = conn
        .search(
            &dn,
            ldap3::Scope::OneLevel,
            crate::check::facts::CONTAINER_FILTER,
            &["name"],
            vec![],
        )
        .await?;
    conn.close().await;
    let mut nodes: Vec<OuNode> = entries
        .into_iter()
        .map(|e| OuNode {
            name: e.text("name").unwrap_or_else(|| e.dn.clone()),
            dn: e.dn,
        })
        .collect();
    nodes.sort_by_key(|n| n.name.to_lowercase());
    Ok(nodes)
}

/// Reads Entra Connect on this computer (`Ok(None)`: not a Windows machine).
pub async fn read_sync_server(ps: ProcessPowerShell) -> Result<Option<SyncServerInfo>, String> {
    syncserver::read(&ps).await.map_err(|e| e.to_string())
}

/// Switches writeback on in Entra Connect and reads it back.
pub async fn enable_writeback(ps: ProcessPowerShell) -> Result<(), UiError> {
    let info = syncserver::read(&ps)
        .await
        .map_err(|e| UiError::of(&e))?
        .filter(|i| i.installed)
        .ok_or_else(|| UiError::other(t!("error-not-sync-server")))?;
    if info.password_writeback_enabled == Some(true) {
        return Ok(());
    }
    syncserver::enable_writeback(&ps, &info)
        .await
        .map_err(|e| UiError::of(&e))
}

/// Where the tenant is and who signs in.
#[derive(Clone)]
pub struct CloudParams {
    pub endpoints: Endpoints,
    pub tenant: String,
    pub client_id: String,
    pub device_code: bool,
    /// Ask for the pilot permissions too.
    pub pilot: bool,
    /// Opens the browser for the sign-in.
    pub desktop: Arc<dyn Dialogs>,
}

/// Who signed in, with a Graph client for later reads.
#[derive(Clone)]
pub struct SignedIn {
    pub graph: Graph,
    pub facts: Arc<CloudFacts>,
}

impl std::fmt::Debug for SignedIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignedIn")
            .field("user", &self.upn())
            .finish_non_exhaustive()
    }
}

impl SignedIn {
    pub fn user(&self) -> String {
        self.facts
            .me
            .as_ref()
            .map(|m| format!("{} ({})", m.display_name, m.user_principal_name))
            .unwrap_or_else(|e| e.clone())
    }

    pub fn upn(&self) -> Option<String> {
        self.facts
            .me
            .as_ref()
            .ok()
            .map(|m| m.user_principal_name.clone())
    }

    pub fn roles(&self) -> Vec<String> {
        match &self.facts.roles {
            Ok(r) => r.iter().map(|r| r.display_name.clone()).collect(),
            Err(_) => Vec::new(),
        }
    }

    pub fn tenant(&self) -> Option<String> {
        self.facts
            .organization
            .as_ref()
            .ok()
            .map(|o| o.display_name.clone())
    }
}

/// Sign-in progress.
#[derive(Clone, Debug)]
pub enum SignInEvent {
    /// Open this address (the browser was asked to; shown in case it did not open).
    Browser {
        url: String,
        opened: bool,
    },
    /// Enter `code` at `uri`.
    DeviceCode {
        code: String,
        uri: String,
        message: String,
    },
    Done(Result<SignedIn, UiError>),
}

async fn sign_in_inner(p: CloudParams, mut out: Sender<SignInEvent>) -> Result<SignedIn, UiError> {
    let http = entra::http_client(Duration::from_secs(30)).map_err(UiError::other)?;
    let client_id = if p.client_id.trim().is_empty() {
        entra::cloud::GRAPH_COMMAND_LINE_TOOLS.to_string()
    } else {
        p.client_id.trim().to_string()
    };
    let mut scopes: Vec<&str> = entra::cloud::SCOPES.to_vec();
    if p.pilot {
        scopes.extend_from_slice(entra::cloud::PILOT_SCOPES);
    }
    let tenant = if p.tenant.trim().is_empty() {
        "organizations".to_string()
    } else {
        p.tenant.trim().to_string()
    };
    let sign_in = SignIn::new(
        http.clone(),
        p.endpoints.clone(),
        &tenant,
        &client_id,
        &scopes,
    );
    let fail = |e: entra::AuthError| UiError::other(t!("error-sign-in", reason = e.to_string()));
    let token = if p.device_code {
        let code = sign_in.start_device_code().await.map_err(fail)?;
        let _ = out
            .send(SignInEvent::DeviceCode {
                code: code.user_code.clone(),
                uri: code.verification_uri.clone(),
                message: code.message.clone(),
            })
            .await;
        sign_in.finish_device_code(&code).await.map_err(fail)?
    } else {
        let pending = sign_in.start_browser().await.map_err(fail)?;
        let url = pending.url.clone();
        let opened = tokio::task::spawn_blocking({
            let (url, desktop) = (url.clone(), p.desktop.clone());
            move || desktop.open_url(&url)
        })
        .await
        .unwrap_or(false);
        let _ = out.send(SignInEvent::Browser { url, opened }).await;
        sign_in
            .finish_browser(pending, Duration::from_secs(300))
            .await
            .map_err(fail)?
    };
    let graph = Graph::new(http, p.endpoints, token, Some(sign_in));
    let facts = entra::facts::gather(&graph).await;
    if let Err(e) = &facts.me {
        return Err(UiError::other(t!("error-sign-in", reason = e.as_str())));
    }
    tracing::info!(
        "signed in to Microsoft Entra ID as {}",
        facts
            .me
            .as_ref()
            .map(|m| m.user_principal_name.as_str())
            .unwrap_or("?")
    );
    Ok(SignedIn {
        graph,
        facts: Arc::new(facts),
    })
}

/// Signs in (browser or device code) and reads the tenant, streaming what the user must see.
pub fn sign_in(p: CloudParams) -> impl Stream<Item = SignInEvent> {
    iced::stream::channel(4, async move |out: Sender<SignInEvent>| {
        let mut done = out.clone();
        let r = sign_in_inner(p, out).await;
        let _ = done.send(SignInEvent::Done(r)).await;
    })
}

/// Check progress.
#[derive(Clone, Debug)]
pub enum CheckEvent {
    Phase(Phase),
    Users(usize),
    /// The findings of one part, as soon as they are known.
    Partial(Vec<Finding>),
    Done(Result<Arc<Assessment>, UiError>),
}

/// What the check needs.
#[derive(Clone, Debug)]
pub struct CheckParams {
    pub directory: DirectoryParams,
    pub options: CheckOptions,
    /// Signed in: check the tenant too. `None`: on-premises only (said so in the report).
    pub cloud: Option<SignedIn>,
    /// `host:port` the sync server must reach (the cloud's writeback endpoints).
    pub outbound: Vec<String>,
    pub powershell: ProcessPowerShell,
}

impl CheckParams {
    /// The engine's request: the wizard always checks the sync server (it runs where Entra
    /// Connect runs), the pilot table is its own page.
    pub fn request(&self) -> Request {
        Request {
            options: self.options.clone(),
            cloud: self.cloud.as_ref().map(|c| c.graph.clone()),
            sync_server: Some(SyncServerCheck {
                powershell: self.powershell.clone(),
                targets: self.outbound.clone(),
            }),
            pilot_group: None,
        }
    }
}

/// Runs the whole check, streaming progress and partial findings.
pub fn run_checks(p: CheckParams) -> impl Stream<Item = CheckEvent> {
    iced::stream::channel(64, async move |out: Sender<CheckEvent>| {
        let mut done = out.clone();
        let mut events = out;
        let r = engine::assess(&p.directory.login(), &p.request(), |e| {
            let _ = events.try_send(match e {
                Progress::Phase(p) => CheckEvent::Phase(p),
                Progress::Users(n) => CheckEvent::Users(n),
                Progress::Partial(f) => CheckEvent::Partial(f),
            });
        })
        .await
        .map(Arc::new)
        .map_err(UiError::from);
        let _ = done.send(CheckEvent::Done(r)).await;
    })
}

/// The pilot table for `group`.
pub async fn pilot(
    p: DirectoryParams,
    assessment: Arc<Assessment>,
    group: String,
    cloud: Option<SignedIn>,
) -> Result<Arc<crate::pilot::PilotReport>, UiError> {
    let mut conn = connect(&p).await?;
    let r = crate::pilot::run(
        &mut conn,
        &assessment.outcome.facts,
        group.trim(),
        cloud.as_ref().map(|c| &c.graph),
    )
    .await;
    conn.close().await;
    r.map(Arc::new).map_err(|e| match e {
        crate::pilot::PilotError::Directory(e) => e.into(),
        other => UiError::of(&other),
    })
}

/// The plan from the check the user just saw (`checked`), or from a fresh check when there is
/// none.
pub async fn compute_plan(
    p: DirectoryParams,
    checked: Option<Arc<Assessment>>,
    options: CheckOptions,
    plan_options: PlanOptions,
) -> Result<Arc<Planned>, UiError> {
    engine::plan(
        &p.login(),
        checked.as_ref().map(|a| &a.outcome),
        &options,
        &plan_options,
    )
    .await
    .map(Arc::new)
    .map_err(|e| match e {
        PlanningError::Assess(e) => e.into(),
        other => UiError::of(&other),
    })
}

/// Configure progress.
#[derive(Clone, Debug)]
pub enum ApplyEvent {
    Step(Event),
    /// Connected to the PDC emulator instead (or could not).
    Note(String),
    EnablingWriteback,
    WritebackEnabled(Result<(), UiError>),
    /// The directory part is over: changes written, or why it stopped (and how many had been
    /// written).
    Done(Result<usize, (UiError, usize)>),
}

/// What Configure needs.
#[derive(Clone, Debug)]
pub struct ApplyParams {
    pub directory: DirectoryParams,
    pub plan: Arc<Plan>,
    pub backup: PathBuf,
    pub cancel: Arc<AtomicBool>,
    pub enable_writeback: bool,
    pub powershell: ProcessPowerShell,
}

async fn apply_inner(p: ApplyParams, mut out: Sender<ApplyEvent>) {
    let conn = match connect(&p.directory).await {
        Ok(c) => c,
        Err(e) => {
            let _ = out.send(ApplyEvent::Done(Err((e, 0)))).await;
            return;
        }
    };
    let (mut conn, switch) = p.directory.login().for_writes(conn, &p.plan).await;
    let note = match switch {
        PdcSwitch::Same => None,
        PdcSwitch::Connected { pdc } => Some(t!("configure-pdc", pdc = pdc)),
        PdcSwitch::Unreachable { pdc, error } => Some(t!(
            "configure-pdc-unreachable",
            pdc = pdc,
            reason = UiError::from(error).message
        )),
    };
    if let Some(n) = note {
        let _ = out.send(ApplyEvent::Note(n)).await;
    }
    let mut events = out.clone();
    let r = plan::apply::apply(
        &mut conn,
        &p.plan,
        &p.backup,
        &ApplyOptions {
            replan: false,
            cancel: Some(p.cancel.clone()),
        },
        |e| {
            let _ = events.try_send(ApplyEvent::Step(e));
        },
    )
    .await;
    conn.close().await;
    let ok = r.is_ok();
    let _ = out
        .send(ApplyEvent::Done(r.map_err(|e| {
            let written = e.written();
            (UiError::of(&e), written)
        })))
        .await;
    if ok && p.enable_writeback {
        let _ = out.send(ApplyEvent::EnablingWriteback).await;
        let r = enable_writeback(p.powershell).await;
        let _ = out.send(ApplyEvent::WritebackEnabled(r)).await;
    }
}

/// Applies the plan (backup first), then switches writeback on if asked.
pub fn apply(p: ApplyParams) -> impl Stream<Item = ApplyEvent> {
    iced::stream::channel(64, async move |out: Sender<ApplyEvent>| {
        apply_inner(p, out).await;
    })
}

/// Reads and validates a backup file.
pub async fn load_backup(path: PathBuf) -> Result<Arc<Backup>, UiError> {
    tokio::task::spawn_blocking(move || Backup::load(&path))
        .await
        .map_err(|e| UiError::of(&e))?
        .map(Arc::new)
        .map_err(|e| UiError::of(&e))
}

/// Restore progress.
#[derive(Clone, Debug)]
pub enum RestoreEvent {
    Line(String),
    Done(Result<RestoreReport, UiError>),
}

/// Reads the current values and works out what a restore of `backup` would write (nothing is
/// written): the preview shown before the user confirms.
pub async fn prepare_restore(
    p: DirectoryParams,
    backup: Arc<Backup>,
    path: PathBuf,
) -> Result<Arc<Vec<RestoreItem>>, UiError> {
    let mut conn = connect(&p).await?;
    let r =
        crate::plan::backup::prepare_restore(&mut conn, &backup, &path, RestoreMode::Undo, false)
            .await
            .map_err(|e| UiError::of(&e));
    conn.close().await;
    r.map(Arc::new)
}

/// Writes what the preview showed, each value checked against what it was then, and verifies
/// each.
pub fn restore(
    p: DirectoryParams,
    items: Arc<Vec<RestoreItem>>,
) -> impl Stream<Item = RestoreEvent> {
    iced::stream::channel(64, async move |mut out: Sender<RestoreEvent>| {
        let r = async {
            let mut conn = connect(&p).await?;
            let mut lines = out.clone();
            let r = crate::plan::backup::execute_restore(&mut conn, &items, |l| {
                let _ = lines.try_send(RestoreEvent::Line(l));
            })
            .await
            .map_err(|e| UiError::of(&e));
            conn.close().await;
            r
        }
        .await;
        let _ = out.send(RestoreEvent::Done(r)).await;
    })
}

/// Writes `text` to `path` (temporary file and rename).
pub async fn write_file(path: PathBuf, text: String) -> Result<PathBuf, UiError> {
    let p = path.clone();
    tokio::task::spawn_blocking(move || crate::files::write_atomically(&p, text.as_bytes()))
        .await
        .map_err(|e| UiError::of(&e))?
        .map_err(|e| {
            UiError::other(t!(
                "error-write-file",
                path = path.display().to_string(),
                reason = e.to_string()
            ))
        })?;
    Ok(path)
}

/// The report in the format its file name asks for (.json, .md, anything else HTML).
pub fn report_text(report: &Report, path: &Path) -> String {
    // The customer reads the export in the wizard's language; its fixes say what to click.
    let words = crate::words::Words::current(crate::words::Face::Wizard);
    match path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .as_deref()
    {
        Some("json") => report.json(&words),
        Some("md") | Some("markdown") => crate::report::markdown(report, &words),
        Some("txt") => crate::report::text(report, &words, false),
        _ => crate::report::html(report, &words),
    }
}
