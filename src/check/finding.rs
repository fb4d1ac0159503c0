//! Findings: what a check found, as data — an id, a severity, the object it concerns and the
//! values its sentences are made from. The sentences themselves belong to the faces (the
//! translations under `i18n/`, through `crate::words`), so a finding reads the same in the CLI,
//! the wizard and every report, in the user's language. A missing right is a finding, not an
//! error.

use serde::Serialize;

pub use super::ids::{FindingId, Group, Wording};
use super::right::Right;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// ✔ / ⚠ / ✖ as the checklist shows it (info shows as ✔: nothing to do).
    pub fn symbol(self) -> &'static str {
        match self {
            Severity::Info => "✔",
            Severity::Warning => "⚠",
            Severity::Error => "✖",
        }
    }
}

/// A value a finding's sentences are made from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    /// An AD interval (100-ns ticks, negative as AD stores them), said in days, hours, minutes.
    Interval(i64),
    /// Writeback rights and the classes of user objects they concern.
    Rights(Vec<(Right, Vec<String>)>),
    /// Names, said as a list.
    List(Vec<String>),
    /// The connector account's name, or "the connector" when none was found.
    Connector(Option<String>),
    /// Reads of the tenant that failed: what, and why (said in the reader's language).
    Unread(Vec<(String, crate::entra::facts::ReadError)>),
    /// Why PowerShell on the sync server gave no answer (said in the reader's language).
    PowerShell(crate::syncserver::PsError),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

impl From<Vec<String>> for Arg {
    fn from(v: Vec<String>) -> Self {
        Arg::List(v)
    }
}

/// One finding. `id` is stable: reports and scripts depend on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub id: FindingId,
    pub severity: Severity,
    /// The DN (or other name) of the object it concerns.
    pub object: String,
    /// Which of its sentence sets: the id's own unless a check says more than one thing under
    /// it.
    pub text: Wording,
    /// The values the sentences name.
    pub args: Vec<(&'static str, Arg)>,
    /// For rights: the deciding ACE in SDDL, or "no ACE grants it". Never translated.
    pub evidence: Vec<String>,
}

impl Finding {
    pub fn new(id: FindingId, severity: Severity, object: impl Into<String>) -> Self {
        Self {
            id,
            severity,
            object: object.into(),
            text: Wording::Own,
            args: Vec::new(),
            evidence: Vec::new(),
        }
    }

    /// Says this finding with the sentences of `text`.
    pub fn text(mut self, text: Wording) -> Self {
        self.text = text;
        self
    }

    /// The key of its sentences (`finding-<key>`, `-detail`, `-fix`).
    pub fn sentences(&self) -> &'static str {
        self.text.key().unwrap_or(self.id.as_str())
    }

    /// A value the sentences name.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn evidence(mut self, e: impl Into<String>) -> Self {
        self.evidence.push(e.into());
        self
    }

    /// The value named `name`.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
    }
}
