//! Plans in words: each change, warning and blocker left as the faces say them, and the whole
//! plan as text for a terminal (`plan`, `apply`).

use std::collections::BTreeMap;
use std::fmt::Write;

use fluent::FluentValue;

use super::Words;
use crate::plan::{Change, NotFixed, Plan, Said};

impl Words {
    /// `prefix-<code>` with its values, or `english` when this language has no such sentence
    /// (or the file predates the codes).
    fn said(&self, prefix: &str, said: &Said, english: &str) -> String {
        let id = format!("{prefix}-{}", said.code);
        if said.is_empty() || !self.has(&id) {
            return english.to_string();
        }
        let values: Vec<(&str, FluentValue<'_>)> = said
            .values
            .iter()
            .map(|(k, v)| (k.as_str(), FluentValue::from(v.as_str())))
            .collect();
        self.get_with(&id, &values)
    }

    /// The blast radius of a plan.
    pub fn reach(&self, r: &crate::plan::Reach) -> String {
        self.get_with(
            "plan-reach",
            &[
                ("users", FluentValue::from(r.users as f64)),
                ("privileged", FluentValue::from(r.privileged as f64)),
            ],
        )
    }

    /// What a change does.
    pub fn change(&self, c: &Change) -> String {
        self.said("change", &c.said, &c.summary)
    }

    /// What a restore does with one value.
    pub fn restore_note(&self, item: &crate::plan::backup::RestoreItem) -> String {
        self.said("restore", &item.said, &item.note)
    }

    /// A step of a restore: a value written back (`restored`) or left as it is, with why.
    pub fn restore_step(&self, item: &crate::plan::backup::RestoreItem, restored: bool) -> String {
        self.sentence(
            if restored {
                "restore-step-restored"
            } else {
                "restore-step-unchanged"
            },
            &[
                ("dn", &item.dn),
                ("attribute", &item.attribute),
                ("note", &self.restore_note(item)),
            ],
        )
    }

    /// The plan's warnings.
    pub fn plan_warnings(&self, plan: &Plan) -> Vec<String> {
        plan.warnings
            .iter()
            .enumerate()
            .map(|(i, english)| match plan.warnings_said.get(i) {
                Some(said) => self.said("plan-warning", said, english),
                None => english.clone(),
            })
            .collect()
    }

    /// A blocker the plan leaves, on one line, with its evidence below.
    pub fn not_fixed_line(&self, n: &NotFixed) -> String {
        let values = BTreeMap::from([
            ("id", n.id.clone()),
            ("object", n.object.clone()),
            ("reason", self.not_fixed(n)),
        ]);
        let args: Vec<(&str, FluentValue<'_>)> = values
            .iter()
            .map(|(k, v)| (*k, FluentValue::from(v.as_str())))
            .chain([("users", FluentValue::from(n.users as f64))])
            .collect();
        let mut s = self.get_with("plan-not-fixed-line", &args);
        for e in &n.evidence {
            let _ = write!(s, "\n     {}: {e}", self.get("report-evidence"));
        }
        s
    }

    /// The plan as text for a terminal: every change with its ACE diff and the full DACL before
    /// and after, the warnings and what it leaves.
    pub fn plan_text(&self, plan: &Plan) -> String {
        let v = |s: &str| FluentValue::from(s.to_string());
        let mut out = String::new();
        let from = match &plan.pdc_emulator {
            Some(p) => self.get_with("plan-read-from-pdc", &[("dc", v(&plan.dc)), ("pdc", v(p))]),
            None => plan.dc.clone(),
        };
        let _ = writeln!(
            out,
            "{}",
            self.get_with(
                "plan-heading",
                &[("domain", v(&plan.domain_dn)), ("from", v(&from))]
            )
        );
        let _ = writeln!(
            out,
            "{}: {} ({})",
            self.get("plan-connector"),
            plan.connector_dn,
            plan.connector_sid
        );
        if plan.changes.is_empty() {
            let _ = writeln!(out, "\n{}", self.get("plan-nothing"));
        }
        for (i, c) in plan.changes.iter().enumerate() {
            let _ = writeln!(out, "\n{}. {}\n   {}", i + 1, c.dn, self.change(c));
            for line in &c.diff {
                let _ = writeln!(out, "   {line}");
            }
            if let (Some(b), Some(a)) = (&c.before_sddl, &c.after_sddl) {
                let _ = writeln!(
                    out,
                    "   {}: {b}\n   {}: {a}",
                    self.get("plan-before"),
                    self.get("plan-after")
                );
            }
        }
        if let Some(r) = &plan.reach {
            let _ = writeln!(out, "\n{}", self.reach(r));
        }
        for w in self.plan_warnings(plan) {
            let _ = writeln!(out, "\n{}: {w}", self.get("plan-warning"));
        }
        if !plan.not_fixed.is_empty() {
            let _ = writeln!(
                out,
                "\n{}",
                self.get_with(
                    "plan-not-fixed-heading",
                    &[("n", FluentValue::from(plan.not_fixed.len() as f64))]
                )
            );
        }
        for n in &plan.not_fixed {
            let _ = writeln!(out, "  - {}", self.not_fixed_line(n));
        }
        out
    }
}
