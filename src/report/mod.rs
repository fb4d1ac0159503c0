//! The check report: one versioned data model ([`Report`], JSON schema 1) and its renderings as
//! a text checklist, Markdown and HTML.

pub mod drift;
mod html;
mod markdown;
pub mod rows;
pub mod several;
pub mod stream;
mod text;

pub use html::render as html;
pub use markdown::render as markdown;
pub use rows::{RowFormat, csv, write_csv};
pub use text::render as text;

use serde::Serialize;

use crate::ad::discovery::ForestDomain;
use crate::check::finding::Arg;
use crate::check::{BlockedUsers, CheckOutcome, ExcludedUser, Finding, Group, Readiness, Severity};
use crate::words::Words;
use fluent::FluentValue;

/// The JSON schema version. Bump on any incompatible change.
pub const SCHEMA: u32 = 1;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub schema: u32,
    pub tool: Tool,
    /// RFC 3339, UTC.
    pub time: String,
    pub directory: Directory,
    pub connector: Option<ConnectorInfo>,
    pub scope: Vec<String>,
    /// Whether the Entra ID and sync-server checks ran (`check --entra`).
    pub cloud: CloudInfo,
    /// Which parts of the assessment ran: `ready` covers those only.
    pub parts: Parts,
    /// Which users the sync engine synchronizes: the rules applied.
    pub sync_filter: SyncFilterInfo,
    /// No error finding and no user in scope blocked (protected administrators are excluded
    /// by design): see the README, "What ready means".
    pub ready: bool,
    /// How many users writeback serves, is blocked for, and leaves out by design.
    pub readiness: Readiness,
    pub summary: Summary,
    /// Written by [`Report::json`] with each finding's sentences in the report's language.
    #[serde(skip)]
    pub findings: Vec<Finding>,
    pub users: Users,
    /// The pilot table (`check --pilot-group`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pilot: Option<crate::pilot::PilotReport>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Clone, Debug, Serialize)]
pub struct Directory {
    pub domain_dn: String,
    pub dns_name: String,
    pub netbios_name: String,
    pub domain_sid: String,
    /// The DC the check ran against (its DNS name, or the address used).
    pub dc: String,
    pub pdc_emulator: Option<String>,
    pub transport: crate::ad::Transport,
    pub forest_domains: Vec<ForestDomain>,
}

#[derive(Clone, Debug, Serialize)]
pub struct ConnectorInfo {
    pub dn: String,
    pub sam_account_name: String,
    pub sid: String,
    /// Which sync engine writes back through it (`connect-sync`, `cloud-sync`).
    pub engine: crate::ad::connector::Engine,
}

/// A part of the assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    /// The directory: connector, rights, policies, users.
    Directory,
    /// Microsoft Entra ID (signed in).
    Cloud,
    /// The sync server (Entra Connect or Cloud Sync's agent, on this computer).
    SyncServer,
    /// The pilot group, user by user.
    Pilot,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::Directory, Part::Cloud, Part::SyncServer, Part::Pilot];

    /// The stable key (`part-<key>` in the translations).
    pub fn key(self) -> &'static str {
        match self {
            Part::Directory => "directory",
            Part::Cloud => "cloud",
            Part::SyncServer => "sync-server",
            Part::Pilot => "pilot",
        }
    }

    /// The part a group of findings belongs to.
    pub fn of(group: Group) -> Part {
        match group {
            Group::Entra => Part::Cloud,
            Group::SyncServer => Part::SyncServer,
            Group::Pilot => Part::Pilot,
            _ => Part::Directory,
        }
    }

    /// Whether writeback needs this part (the pilot table is optional): a verdict names the
    /// needed parts that were not checked.
    pub fn needed(self) -> bool {
        self != Part::Pilot
    }
}

/// Which parts ran, and which did not.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Parts {
    pub checked: Vec<Part>,
    pub not_checked: Vec<Part>,
    /// What `ready` covers: the parts checked.
    pub ready_covers: Vec<Part>,
}

impl Parts {
    /// The parts for which `checked` holds.
    pub fn from(checked: impl Fn(Part) -> bool) -> Self {
        let (yes, no): (Vec<Part>, Vec<Part>) = Part::ALL.into_iter().partition(|p| checked(*p));
        Self {
            ready_covers: yes.clone(),
            checked: yes,
            not_checked: no,
        }
    }

    pub fn is_checked(&self, p: Part) -> bool {
        self.checked.contains(&p)
    }

    /// The parts writeback needs that were not checked: what a verdict says it does not cover.
    pub fn needed_not_checked(&self) -> Vec<Part> {
        self.not_checked
            .iter()
            .copied()
            .filter(|p| p.needed())
            .collect()
    }
}

impl Default for Parts {
    /// The directory alone (what a check without a sign-in, sync server or pilot group is).
    fn default() -> Self {
        Self::from(|p| p == Part::Directory)
    }
}

/// How the users the sync engine synchronizes were told apart.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SyncFilterInfo {
    /// The engine serving the domain (from the connector).
    pub engine: Option<crate::ad::connector::Engine>,
    /// The documented out-of-box filter applied (Entra Connect Sync; Cloud Sync documents none).
    pub defaults: bool,
    /// The sync server's inbound user rules were read (`Get-ADSyncRule`).
    pub rules_read: bool,
    /// Custom rules among them that set `cloudFiltered`, applied.
    pub custom_rules: Vec<String>,
}

/// The cloud part of the report.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CloudInfo {
    pub checked: bool,
    pub tenant: Option<String>,
    pub signed_in_as: Option<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct Users {
    pub in_scope: usize,
    pub ready: usize,
    /// The blocked users the assessment kept (shared with the outcome, not copied); how many
    /// there are is `readiness.blocked` — the command line keeps none and streams them. Written
    /// by [`Report::json`] row by row ([`rows`]), not by serde.
    #[serde(skip)]
    pub blocked: std::sync::Arc<BlockedUsers>,
    /// Protected administrators (adminCount=1, in a protected group): excluded by design.
    pub excluded: Vec<ExcludedUser>,
    /// Users the sync engine never synchronizes, with the rule: counted nowhere else.
    pub not_synchronized: Vec<crate::check::NotSyncedUser>,
    /// Rendered for the streaming writer: the blocked rows come from its spill, not `blocked`.
    #[serde(skip)]
    pub streamed: bool,
}

impl Report {
    pub fn from_outcome(o: &CheckOutcome) -> Self {
        let f = &o.facts;
        Self {
            schema: SCHEMA,
            tool: Tool {
                name: env!("CARGO_PKG_NAME"),
                version: env!("CARGO_PKG_VERSION"),
            },
            time: crate::clock::rfc3339_now(),
            directory: Directory {
                domain_dn: f.domain.dn.clone(),
                dns_name: f.domain.dns_name.clone(),
                netbios_name: f.domain.netbios_name.clone(),
                domain_sid: f.domain.sid.to_string(),
                dc: if f.root_dse.dns_host_name.is_empty() {
                    f.server.clone()
                } else {
                    f.root_dse.dns_host_name.clone()
                },
                pdc_emulator: f.domain.pdc_emulator.clone(),
                transport: f.transport,
                forest_domains: f.forest.clone(),
            },
            connector: f.connector.as_ref().map(|c| ConnectorInfo {
                dn: c.account.dn.clone(),
                sam_account_name: c.account.sam_account_name.clone(),
                sid: c.account.sid.to_string(),
                engine: c.account.engine(),
            }),
            scope: f.scopes.clone(),
            cloud: CloudInfo::default(),
            parts: Parts::default(),
            sync_filter: SyncFilterInfo {
                engine: f.sync_filter.engine,
                defaults: f.sync_filter.engine != Some(crate::ad::connector::Engine::CloudSync),
                rules_read: f.sync_filter.rules.is_some(),
                custom_rules: f
                    .sync_filter
                    .rules
                    .iter()
                    .flatten()
                    .map(|r| r.name.clone())
                    .collect(),
            },
            ready: o.ready(),
            readiness: o.readiness(),
            summary: Summary {
                errors: o.count(Severity::Error),
                warnings: o.count(Severity::Warning),
                info: o.count(Severity::Info),
            },
            findings: o.findings.clone(),
            users: Users {
                in_scope: o.scan.in_scope,
                ready: o.scan.ready,
                blocked: o.scan.blocked.clone(),
                excluded: o.scan.excluded.clone(),
                not_synchronized: o.scan.not_synced.clone(),
                streamed: false,
            },
            pilot: None,
        }
    }

    /// "READY: ready for 11 of 13 users (2 protected administrators excluded by design, 0
    /// blocked)." or "NOT READY: 3 error(s), 1 warning(s); ready for …", in `w`'s language;
    /// where a needed part was not checked, the verdict is for what was checked and says so:
    /// "READY on-premises: …; Microsoft Entra ID and the sync server not checked."
    pub fn verdict_line(&self, w: &Words) -> String {
        let readiness = FluentValue::from(w.readiness(&self.readiness));
        let missing = self.parts.needed_not_checked();
        let (ready, not_ready) = if missing.is_empty() {
            ("report-verdict-ready", "report-verdict-not-ready")
        } else {
            (
                "report-verdict-ready-partly",
                "report-verdict-not-ready-partly",
            )
        };
        let parts = FluentValue::from(w.parts_list(&missing));
        if self.ready {
            w.get_with(ready, &[("readiness", readiness), ("parts", parts)])
        } else {
            let n = |v: usize| FluentValue::from(v as f64);
            w.get_with(
                not_ready,
                &[
                    ("errors", n(self.summary.errors)),
                    ("warnings", n(self.summary.warnings)),
                    ("readiness", readiness),
                    ("parts", parts),
                ],
            )
        }
    }

    /// The report as pretty JSON: stable ids and values in any language, each finding's
    /// `title`, `detail` and `fix` in `w`'s, and the language itself (`lang`).
    pub fn json(&self, w: &Words) -> String {
        // Serialising plain data with string keys cannot fail.
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.insert("lang".into(), w.lang().into());
            o.insert("verdict".into(), self.verdict_line(w).into());
            o.insert(
                "findings".into(),
                self.findings.iter().map(|f| finding_json(f, w)).collect(),
            );
        }
        // The blocked users go where the marker is, row by row, as the streaming writer puts
        // them.
        if let Some(u) = v.get_mut("users").and_then(|u| u.as_object_mut()) {
            u.insert("blocked".into(), rows::MARKER.into());
        }
        let text = serde_json::to_string_pretty(&v).unwrap_or_default();
        if self.users.streamed {
            // The streaming writer puts its rows where the marker is.
            return text;
        }
        let marker = serde_json::to_string(rows::MARKER).unwrap_or_default();
        text.replacen(&marker, &rows::rows(self, w, RowFormat::Json), 1)
    }
}

/// One finding in the JSON report.
fn finding_json(f: &Finding, w: &Words) -> serde_json::Value {
    let values: serde_json::Map<String, serde_json::Value> = f
        .args
        .iter()
        .map(|(k, a)| ((*k).to_string(), arg_json(a)))
        .collect();
    serde_json::json!({
        "id": f.id.as_str(),
        "severity": f.severity,
        "object": f.object,
        "title": w.title(f),
        "detail": w.detail(f),
        "fix": w.fix(f),
        "evidence": f.evidence,
        "values": values,
    })
}

/// A finding's value as data (intervals in AD's 100-ns ticks, rights by id).
fn arg_json(a: &Arg) -> serde_json::Value {
    use serde_json::json;
    match a {
        Arg::Text(s) => json!(s),
        Arg::Number(n) | Arg::Interval(n) => json!(n),
        Arg::Rights(r) => r
            .iter()
            .map(|(right, classes)| json!({ "right": right.id().as_str(), "classes": classes }))
            .collect(),
        Arg::List(v) => json!(v),
        Arg::Connector(c) => json!(c),
        // The reason as the engine says it (the report's `detail` says it in its language).
        Arg::PowerShell(e) => json!(e.to_string()),
        Arg::Unread(reads) => reads
            .iter()
            .map(|(what, e)| json!({ "read": what, "error": e.to_string() }))
            .collect(),
    }
}

/// The pilot table's column headings.
pub(crate) fn pilot_columns(w: &Words) -> Vec<String> {
    [
        "report-col-user",
        "report-col-verdict",
        "report-col-reasons",
        "report-col-synced",
        "report-col-licensed",
        "report-col-sspr",
        "report-col-admin",
        "report-col-predicted",
    ]
    .iter()
    .map(|id| w.get(id))
    .collect()
}

/// The findings by group, in the order every face shows the groups. A group whose part was
/// not checked keeps only its warnings and errors: its information (such as "Entra Connect is
/// not installed on this computer") is what "not checked" says, and never shows as a tick.
pub(crate) fn grouped(report: &Report) -> Vec<(Group, Vec<&Finding>)> {
    Group::ALL
        .iter()
        .map(|&g| {
            let checked = report.parts.is_checked(Part::of(g));
            let items = report
                .findings
                .iter()
                .filter(|f| f.id.group() == g && (checked || f.severity != Severity::Info))
                .collect();
            (g, items)
        })
        .collect()
}
