//! The checklist for a terminal: ✔ / ⚠ / ✖ per finding, grouped; colours only when asked.
//!
//! Every value put into a line — DNs, names, and the sentences that carry them — goes through
//! [`esc`] first, so the only control characters in the output are the colours painted here: the
//! command line prints a coloured checklist as it is (see `crate::terminal`).

use std::fmt::Write;

use fluent::FluentValue;

use super::{Report, grouped};
use crate::check::Severity;
use crate::pilot::{PilotReport, PilotVerdict};
use crate::words::Words;

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// How many users each list shows before pointing to the full formats.
pub(crate) const LISTED: usize = 50;

/// Renders `report` as a checklist in `w`'s language. `color` adds ANSI colours (for a TTY).
pub fn render(report: &Report, w: &Words, color: bool) -> String {
    let mut c = Checklist {
        w,
        color,
        out: String::new(),
    };
    c.header(report);
    c.findings(report);
    c.users(report);
    if let Some(p) = &report.pilot {
        c.pilot(p);
    }
    let verdict = report.verdict_line(w);
    let verdict = c.paint(if report.ready { GREEN } else { RED }, &esc(&verdict));
    let _ = writeln!(c.out, "\n{verdict}");
    c.out
}

struct Checklist<'a> {
    w: &'a Words,
    color: bool,
    out: String,
}

/// A value or sentence on its way into a line: control characters and direction overrides
/// shown, not obeyed.
fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    crate::terminal::line(s)
}

fn n(v: usize) -> FluentValue<'static> {
    FluentValue::from(v as f64)
}

fn s(v: &str) -> FluentValue<'static> {
    FluentValue::from(v.to_string())
}

impl Checklist<'_> {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    }

    /// A label padded to one column width.
    fn label(&self, id: &str) -> String {
        format!("{:<11}", self.w.get(id))
    }

    fn line(&mut self, text: &str) {
        let _ = writeln!(self.out, "{text}");
    }

    fn header(&mut self, report: &Report) {
        let w = self.w;
        let d = &report.directory;
        let title = w.get_with("report-title", &[("domain", s(&d.dns_name))]);
        let title = self.paint(BOLD, &esc(&title));
        self.line(&title);
        let domain = format!(
            "  {}{} ({}, {})",
            self.label("report-domain"),
            esc(&d.domain_dn),
            esc(&d.netbios_name),
            esc(&d.domain_sid)
        );
        self.line(&domain);
        let checked = format!("  {}{}", self.label("report-checked-on"), esc(&d.dc));
        self.line(&checked);
        if let Some(pdc) = &d.pdc_emulator {
            let pdc = format!("  {}{}", self.label("report-pdc"), esc(pdc));
            self.line(&pdc);
        }
        let connector = match &report.connector {
            Some(c) => format!("{} ({}), {}", c.sam_account_name, c.dn, w.engine(c.engine)),
            None => w.get("report-connector-unknown"),
        };
        let connector = format!("  {}{}", self.label("report-connector"), esc(&connector));
        self.line(&connector);
        let scope = format!(
            "  {}{}",
            self.label("report-scope"),
            esc(&report.scope.join("; "))
        );
        self.line(&scope);
    }

    fn findings(&mut self, report: &Report) {
        let w = self.w;
        for (group, items) in grouped(report) {
            let heading = self.paint(BOLD, &esc(&w.group(group)));
            self.line(&format!("\n{heading}"));
            let part = super::Part::of(group);
            if !report.parts.is_checked(part) {
                // Never a tick for what was not looked at.
                self.line(&format!("  – {}", esc(&w.not_checked(part))));
            } else if items.is_empty() {
                let ok = self.paint(GREEN, "✔");
                self.line(&format!("  {ok} {}", w.get("report-no-problems")));
            }
            for f in items {
                let sym = match f.severity {
                    Severity::Error => self.paint(RED, "✖"),
                    Severity::Warning => self.paint(YELLOW, "⚠"),
                    Severity::Info => self.paint(GREEN, "✔"),
                };
                self.line(&format!("  {sym} {}  [{}]", esc(&w.title(f)), f.id));
                self.line(&format!("      {}", esc(&f.object)));
                let detail = w.detail(f);
                if !detail.is_empty() {
                    self.line(&format!("      {}", esc(&detail)));
                }
                for e in &f.evidence {
                    self.line(&format!("      {}: {}", w.get("report-evidence"), esc(e)));
                }
                let fix = w.fix(f);
                if !fix.is_empty() {
                    self.line(&format!("      {}: {}", w.get("report-fix"), esc(&fix)));
                }
            }
        }
    }

    fn users(&mut self, report: &Report) {
        let w = self.w;
        let u = &report.users;
        let heading = format!(
            "{}: {}",
            w.get("report-users"),
            w.readiness(&report.readiness)
        );
        let heading = self.paint(BOLD, &esc(&heading));
        self.line(&format!("\n{heading}"));
        let shown = u.blocked.len().min(LISTED);
        for b in u.blocked.iter().take(shown) {
            let predicted = w.predicted_cell(super::rows::predicted(b));
            self.line(&format!(
                "  ✖ {} — {} → {}",
                esc(b.dn),
                esc(&w.reasons(b)),
                esc(&predicted)
            ));
        }
        let blocked = report.readiness.blocked;
        if blocked > shown {
            let id = match w.face {
                crate::words::Face::Cli => "report-more-blocked-cli",
                crate::words::Face::Wizard => "report-more-blocked",
            };
            let more = w.get_with(id, &[("n", n(blocked - shown))]);
            self.line(&format!("  {more}"));
        }
        for x in u.excluded.iter().take(LISTED) {
            self.line(&format!(
                "  – {} — {}",
                esc(&x.dn),
                w.get("report-excluded-one")
            ));
        }
        if u.excluded.len() > LISTED {
            let more = w.get_with(
                "report-more-excluded",
                &[("n", n(u.excluded.len() - LISTED))],
            );
            self.line(&format!("  {more}"));
        }
        self.line(&format!("  {}", esc(&w.sync_filter(&report.sync_filter))));
        if !u.not_synchronized.is_empty() {
            let heading = format!(
                "{} ({})",
                w.get("report-not-synced-heading"),
                u.not_synchronized.len()
            );
            let heading = self.paint(BOLD, &esc(&heading));
            self.line(&format!("\n{heading}"));
        }
        for x in u.not_synchronized.iter().take(LISTED) {
            self.line(&format!(
                "  · {} — {}",
                esc(&x.dn),
                esc(&w.not_synced(&x.rule))
            ));
        }
        if u.not_synchronized.len() > LISTED {
            let more = w.get_with(
                "report-more-not-synced",
                &[("n", n(u.not_synchronized.len() - LISTED))],
            );
            self.line(&format!("  {more}"));
        }
    }

    fn pilot(&mut self, p: &PilotReport) {
        let w = self.w;
        let heading = w.get_with(
            "report-pilot-members",
            &[("group", s(&p.group)), ("n", n(p.rows.len()))],
        );
        let heading = self.paint(BOLD, &esc(&heading));
        self.line(&format!("\n{heading}"));
        for r in &p.rows {
            let word = format!("{:<9}", w.pilot_verdict(r.verdict));
            let verdict = match r.verdict {
                Some(PilotVerdict::Ready) => self.paint(GREEN, &format!("✔ {word}")),
                Some(PilotVerdict::Blocked) => self.paint(RED, &format!("✖ {word}")),
                Some(PilotVerdict::NotSynchronized) => format!("· {word}"),
                _ => self.paint(YELLOW, &format!("? {word}")),
            };
            let who = r
                .sam_account_name
                .as_deref()
                .or(r.user_principal_name.as_deref())
                .unwrap_or("?");
            let mut why = r.reasons.join(", ");
            if !r.unknown.is_empty() {
                if !why.is_empty() {
                    why.push_str("; ");
                }
                why.push_str(&format!(
                    "{}: {}",
                    w.get("report-pilot-unknown"),
                    w.pilot_unknowns(&r.unknown)
                ));
            }
            if r.verdict == Some(PilotVerdict::Blocked) {
                why.push_str(" → ");
                why.push_str(&w.predicted_cell(r.predicted));
            }
            let who = esc(who);
            self.line(&format!("  {verdict} {who:<20} {}", esc(&why)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixture::Fixture;
    use crate::words::Face;

    #[test]
    fn a_coloured_checklist_holds_no_control_character_but_its_own_colours() {
        let forged = "CN=x\u{1b}[2J\u{1b}[H\u{202e}gpj.exe\r,OU=Staff,DC=corp,DC=example";
        let outcome = Fixture::new().user(forged, "").run();
        let mut report = Report::from_outcome(&outcome);
        report.scope = vec!["OU=\u{9b}31m,DC=corp,DC=example".into()];
        let out = render(&report, &Words::english(Face::Cli), true);
        assert!(
            out.contains("CN=x\\u001b[2J\\u001b[H\\u202egpj.exe\\u000d,"),
            "{out}"
        );
        assert!(out.contains("OU=\\u009b31m,"), "{out}");
        let palette = [RED, YELLOW, GREEN, BOLD, RESET];
        let mut rest = out.as_str();
        while let Some(i) = rest.find('\u{1b}') {
            rest = &rest[i..];
            assert!(
                palette.iter().any(|p| rest.starts_with(p)),
                "a control sequence that is not a colour: {:?}",
                &rest[..rest.len().min(12)]
            );
            rest = &rest[1..];
        }
        assert!(!out.contains(['\r', '\u{9b}', '\u{202e}']), "{out:?}");
    }
}
