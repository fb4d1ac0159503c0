//! The drift since a baseline in words, line by line, for both faces: the command line prints
//! the lines, the wizard shows them.

use fluent::FluentValue;

use crate::check::baseline::{Baseline, Change, Drift};
use crate::words::Words;

/// At most this many users are listed per group (the JSON lists all).
const LISTED: usize = 20;

impl Words {
    /// The drift from `then`: a heading, then the new and gone causes (with their ACEs), the
    /// changes with when and where, the settings, and the users each group holds.
    pub fn drift_lines(&self, then: &Baseline, d: &Drift) -> Vec<String> {
        let when = [("time", then.time.as_str()), ("dc", then.dc.as_str())];
        if d.is_empty() {
            return vec![self.sentence("drift-none", &when)];
        }
        let mut out = vec![self.sentence("drift-heading", &when)];
        for (cause, state) in &d.causes_new {
            let users = self.count("user", state.users as u64);
            out.push(format!(
                "  {}",
                self.sentence("drift-cause-new", &[("cause", cause), ("users", &users)])
            ));
            out.extend(state.evidence.iter().map(|ace| format!("      {ace}")));
        }
        for (cause, state) in &d.causes_gone {
            let users = self.count("user", state.users as u64);
            out.push(format!(
                "  {}",
                self.sentence("drift-cause-gone", &[("cause", cause), ("users", &users)])
            ));
        }
        out.extend(
            d.changes
                .iter()
                .map(|c| format!("  {}", self.drift_change(c))),
        );
        for (what, a, b) in &d.settings {
            out.push(format!(
                "  {}",
                self.sentence("drift-setting", &[("what", what), ("then", a), ("now", b)])
            ));
        }
        for c in &d.containers {
            let object = [("object", c.object.as_str())];
            for (id, aces) in [
                ("drift-ace-added", &c.added),
                ("drift-ace-removed", &c.removed),
            ] {
                for ace in aces {
                    let args = [object[0], ("ace", ace.as_str())];
                    out.push(format!("  {}", self.sentence(id, &args)));
                }
            }
            if let Some((then, now)) = c.protected {
                let word = |p: bool| {
                    self.sentence(
                        if p {
                            "words-inheritance-cut"
                        } else {
                            "words-inherits"
                        },
                        &[],
                    )
                };
                let (then, now) = (word(then), word(now));
                let args = [object[0], ("then", then.as_str()), ("now", now.as_str())];
                out.push(format!("  {}", self.sentence("drift-inheritance", &args)));
            }
        }
        let older = self.sentence("drift-older", &[]);
        let newly = d
            .newly_blocked
            .iter()
            .map(|(dn, reasons)| {
                let mut l = format!("✖ {dn} — {}", reasons.join("; "));
                if d.blocked_by_older_causes.contains(dn) {
                    l.push(' ');
                    l.push_str(&older);
                }
                l
            })
            .collect();
        self.drift_group(&mut out, "drift-newly-blocked", newly);
        let more = d
            .more_reasons
            .iter()
            .map(|(dn, reasons)| format!("✖ {dn} — + {}", reasons.join("; ")))
            .collect();
        self.drift_group(&mut out, "drift-more-reasons", more);
        self.drift_count(&mut out, "drift-unblocked", d.unblocked.len());
        let listed = |set: &std::collections::BTreeSet<String>| -> Vec<String> {
            set.iter().map(|dn| format!("• {dn}")).collect()
        };
        self.drift_group(&mut out, "drift-newly-excluded", listed(&d.newly_excluded));
        self.drift_group(
            &mut out,
            "drift-joined-protected",
            listed(&d.joined_protected),
        );
        self.drift_count(
            &mut out,
            "drift-no-longer-excluded",
            d.no_longer_excluded.len(),
        );
        self.drift_count(&mut out, "drift-left-protected", d.left_protected.len());
        out
    }

    /// A group of users: its sentence with the count, then the first [`LISTED`] lines.
    fn drift_group(&self, out: &mut Vec<String>, id: &str, lines: Vec<String>) {
        if lines.is_empty() {
            return;
        }
        out.push(String::new());
        out.push(self.numbered(id, lines.len()));
        out.extend(lines.iter().take(LISTED).map(|l| format!("  {l}")));
        if lines.len() > LISTED {
            let n = (lines.len() - LISTED).to_string();
            out.push(format!("  {}", self.sentence("drift-more", &[("n", &n)])));
        }
    }

    /// A group said by its count alone.
    fn drift_count(&self, out: &mut Vec<String>, id: &str, n: usize) {
        if n > 0 {
            out.push(String::new());
            out.push(self.numbered(id, n));
        }
    }

    /// A sentence whose only argument is a count it chooses its plural form by.
    fn numbered(&self, id: &str, n: usize) -> String {
        self.get_with(id, &[("n", FluentValue::from(n as f64))])
    }

    /// One change: what, where, when, and whom it blocked.
    fn drift_change(&self, c: &Change) -> String {
        let version_now = c.version_now.to_string();
        let blocked = self.count("user", c.blocked_since as u64);
        let unblocked = c.unblocked_since.to_string();
        let then_version = c.version_then.map(|v| v.to_string());
        let mut args = vec![
            ("object", c.object.as_str()),
            ("attribute", c.attribute.as_str()),
            ("time", c.time.as_str()),
            ("dc", c.dc.as_str()),
            ("now", version_now.as_str()),
            ("blocked", blocked.as_str()),
            ("unblocked", unblocked.as_str()),
        ];
        let id = match &then_version {
            Some(v) => {
                args.push(("then", v.as_str()));
                "drift-change"
            }
            None if c.before_baseline => "drift-change-older",
            None => "drift-change-unwatched",
        };
        self.sentence(id, &args)
    }
}
