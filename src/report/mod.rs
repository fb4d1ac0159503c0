//! The check report: one versioned data model ([`Report`], JSON schema 1) and its renderings as
//! a text checklist, Markdown and HTML.

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
                streamed: false,
            },
            pilot: None,
        }
    }

    /// "READY: ready for 11 of 13 users (2 protected administrators excluded by design, 0
    /// blocked)." or "NOT READY: 3 error(s), 1 warning(s); ready for …", in `w`'s language.
    pub fn verdict_line(&self, w: &Words) -> String {
        let readiness = FluentValue::from(w.readiness(&self.readiness));
        if self.ready {
            w.get_with("report-verdict-ready", &[("readiness", readiness)])
        } else {
            let n = |v: usize| FluentValue::from(v as f64);
            w.get_with(
                "report-verdict-not-ready",
                &[
                    ("errors", n(self.summary.errors)),
                    ("warnings", n(self.summary.warnings)),
                    ("readiness", readiness),
                ],
            )
        }
    }

    /// Recounts the summary and the verdict after findings were added (cloud, sync server,
    /// pilot).
    pub fn recount(&mut self) {
        let count = |s: Severity| self.findings.iter().filter(|f| f.severity == s).count();
        self.summary = Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            info: count(Severity::Info),
        };
        self.ready = self.summary.errors == 0 && self.readiness.blocked == 0;
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
    ]
    .iter()
    .map(|id| w.get(id))
    .collect()
}

/// The findings by group, in the order every face shows the groups.
pub(crate) fn grouped(report: &Report) -> Vec<(Group, Vec<&Finding>)> {
    Group::ALL
        .iter()
        .map(|&g| {
            let items = report
                .findings
                .iter()
                .filter(|f| f.id.group() == g)
                .collect();
            (g, items)
        })
        .collect()
}

#[cfg(test)]
mod tests {}
