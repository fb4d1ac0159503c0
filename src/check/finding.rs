//! Findings: what a check found, as data. A missing right is a finding, not an error.

use serde::Serialize;

pub use super::ids::{FindingId, Group};

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

/// One finding. `id` is stable: reports and scripts depend on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub id: FindingId,
    pub severity: Severity,
    /// The DN (or other name) of the object it concerns.
    pub object: String,
    /// One line.
    pub title: String,
    pub detail: String,
    /// What to do about it.
    pub fix: String,
    /// For rights: the deciding ACE in SDDL, or "no ACE grants it".
    pub evidence: Vec<String>,
}

impl Finding {
    pub fn new(id: FindingId, severity: Severity, object: impl Into<String>) -> Self {
        Self {
            id,
            severity,
            object: object.into(),
            title: String::new(),
            detail: String::new(),
            fix: String::new(),
            evidence: Vec::new(),
        }
    }

    pub fn title(mut self, t: impl Into<String>) -> Self {
        self.title = t.into();
        self
    }

    pub fn detail(mut self, d: impl Into<String>) -> Self {
        self.detail = d.into();
        self
    }

    pub fn fix(mut self, f: impl Into<String>) -> Self {
        self.fix = f.into();
        self
    }

    pub fn evidence(mut self, e: impl Into<String>) -> Self {
        self.evidence.push(e.into());
        self
    }
}
