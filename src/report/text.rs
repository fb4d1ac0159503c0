//! The checklist for a terminal: ✔ / ⚠ / ✖ per finding, grouped; colours only when asked.

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
    let verdict = c.paint(if report.ready { GREEN } else { RED }, &verdict);
    let _ = writeln!(c.out, "\n{verdict}");
    c.out
}

struct Checklist<'a> {
    w: &'a Words,
    color: bool,
    out: String,
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
        let title = self.paint(BOLD, &title);
        self.line(&title);
        let domain = format!(
            "  {}{} ({}, {})",
            self.label("report-domain"),
            d.domain_dn,
            d.netbios_name,
            d.domain_sid
        );
        self.line(&domain);
        let checked = format!("  {}{}", self.label("report-checked-on"), d.dc);
        self.line(&checked);
        if let Some(pdc) = &d.pdc_emulator {
            let pdc = format!("  {}{pdc}", self.label("report-pdc"));
            self.line(&pdc);
        }
        let connector = match &report.connector {
            Some(c) => format!("{} ({}), {}", c.sam_account_name, c.dn, w.engine(c.engine)),
            None => w.get("report-connector-unknown"),
        };
        let connector = format!("  {}{connector}", self.label("report-connector"));
        self.line(&connector);
        let scope = format!(
            "  {}{}",
            self.label("report-scope"),
            report.scope.join("; ")
        );
        self.line(&scope);
    }

    fn findings(&mut self, report: &Report) {
        let w = self.w;
        for (group, items) in grouped(report) {
            let heading = self.paint(BOLD, &w.group(group));
            self.line(&format!("\n{heading}"));
            if items.is_empty() {
                let ok = self.paint(GREEN, "✔");
                self.line(&format!("  {ok} {}", w.get("report-no-problems")));
            }
            for f in items {
                let sym = match f.severity {
                    Severity::Error => self.paint(RED, "✖"),
                    Severity::Warning => self.paint(YELLOW, "⚠"),
                    Severity::Info => self.paint(GREEN, "✔"),
                };
                self.line(&format!("  {sym} {}  [{}]", w.title(f), f.id));
                self.line(&format!("      {}", f.object));
                let detail = w.detail(f);
                if !detail.is_empty() {
                    self.line(&format!("      {detail}"));
                }
                for e in &f.evidence {
                    self.line(&format!("      {}: {e}", w.get("report-evidence")));
                }
                let fix = w.fix(f);
                if !fix.is_empty() {
                    self.line(&format!("      {}: {fix}", w.get("report-fix")));
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
        let heading = self.paint(BOLD, &heading);
        self.line(&format!("\n{heading}"));
        let shown = u.blocked.len().min(LISTED);
        for b in u.blocked.iter().take(shown) {
            self.line(&format!("  ✖ {} — {}", b.dn, w.reasons(b)));
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
            self.line(&format!("  – {} — {}", x.dn, w.get("report-excluded-one")));
        }
        if u.excluded.len() > LISTED {
            let more = w.get_with(
                "report-more-excluded",
                &[("n", n(u.excluded.len() - LISTED))],
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
        let heading = self.paint(BOLD, &heading);
        self.line(&format!("\n{heading}"));
        for r in &p.rows {
            let word = format!("{:<9}", w.pilot_verdict(r.verdict));
            let verdict = match r.verdict {
                Some(PilotVerdict::Ready) => self.paint(GREEN, &format!("✔ {word}")),
                Some(PilotVerdict::Blocked) => self.paint(RED, &format!("✖ {word}")),
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
                    r.unknown.join("; ")
                ));
            }
            self.line(&format!("  {verdict} {who:<20} {why}"));
        }
    }
}
