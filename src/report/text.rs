//! The checklist for a terminal: ✔ / ⚠ / ✖ per finding, grouped; colours only when asked.

use std::fmt::Write;

use fluent::FluentValue;

use super::{Report, grouped};
use crate::check::Severity;
use crate::words::Words;

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Renders `report` as a checklist in `w`'s language. `color` adds ANSI colours (for a TTY).
pub fn render(report: &Report, w: &Words, color: bool) -> String {
    let n = |v: usize| FluentValue::from(v as f64);
    let s = |v: &str| FluentValue::from(v.to_string());
    let paint = |code: &str, s: &str| {
        if color {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    let d = &report.directory;
    let _ = writeln!(
        out,
        "{}",
        paint(
            BOLD,
            &w.get_with("report-title", &[("domain", s(&d.dns_name))])
        )
    );
    let label = |id: &str| format!("{:<11}", w.get(id));
    let _ = writeln!(
        out,
        "  {}{} ({}, {})",
        label("report-domain"),
        d.domain_dn,
        d.netbios_name,
        d.domain_sid
    );
    let _ = writeln!(out, "  {}{}", label("report-checked-on"), d.dc);
    if let Some(pdc) = &d.pdc_emulator {
        let _ = writeln!(out, "  {}{pdc}", label("report-pdc"));
    }
    match &report.connector {
        Some(c) => {
            let _ = writeln!(
                out,
                "  {}{} ({})",
                label("report-connector"),
                c.sam_account_name,
                c.dn
            );
        }
        None => {
            let _ = writeln!(
                out,
                "  {}{}",
                label("report-connector"),
                w.get("report-connector-unknown")
            );
        }
    }
    let _ = writeln!(
        out,
        "  {}{}",
        label("report-scope"),
        report.scope.join("; ")
    );
    for (group, items) in grouped(report) {
        let _ = writeln!(out, "\n{}", paint(BOLD, &w.group(group)));
        if items.is_empty() {
            let _ = writeln!(
                out,
                "  {} {}",
                paint(GREEN, "✔"),
                w.get("report-no-problems")
            );
        }
        for f in items {
            let sym = match f.severity {
                Severity::Error => paint(RED, "✖"),
                Severity::Warning => paint(YELLOW, "⚠"),
                Severity::Info => paint(GREEN, "✔"),
            };
            let _ = writeln!(out, "  {sym} {}  [{}]", w.title(f), f.id);
            let _ = writeln!(out, "      {}", f.object);
            let detail = w.detail(f);
            if !detail.is_empty() {
                let _ = writeln!(out, "      {detail}");
            }
            for e in &f.evidence {
                let _ = writeln!(out, "      {}: {e}", w.get("report-evidence"));
            }
            let fix = w.fix(f);
            if !fix.is_empty() {
                let _ = writeln!(out, "      {}: {fix}", w.get("report-fix"));
            }
        }
    }
    let u = &report.users;
    let _ = writeln!(
        out,
        "\n{}",
        paint(
            BOLD,
            &format!(
                "{}: {}",
                w.get("report-users"),
                w.readiness(&report.readiness)
            )
        )
    );
    for b in u.blocked.iter().take(50) {
        let _ = writeln!(out, "  ✖ {} — {}", b.dn, w.reasons(b));
    }
    if u.blocked.len() > 50 {
        let _ = writeln!(
            out,
            "  {}",
            w.get_with("report-more-blocked", &[("n", n(u.blocked.len() - 50))])
        );
    }
    for x in u.excluded.iter().take(50) {
        let _ = writeln!(out, "  – {} — {}", x.dn, w.get("report-excluded-one"));
    }
    if u.excluded.len() > 50 {
        let _ = writeln!(
            out,
            "  {}",
            w.get_with("report-more-excluded", &[("n", n(u.excluded.len() - 50))])
        );
    }
    if let Some(p) = &report.pilot {
        let _ = writeln!(
            out,
            "\n{}",
            paint(
                BOLD,
                &w.get_with(
                    "report-pilot-members",
                    &[("group", s(&p.group)), ("n", n(p.rows.len()))]
                )
            )
        );
        for r in &p.rows {
            let word = format!("{:<9}", w.pilot_verdict(r.verdict));
            let verdict = match r.verdict {
                Some(crate::pilot::PilotVerdict::Ready) => paint(GREEN, &format!("✔ {word}")),
                Some(crate::pilot::PilotVerdict::Blocked) => paint(RED, &format!("✖ {word}")),
                _ => paint(YELLOW, &format!("? {word}")),
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
            let _ = writeln!(out, "  {verdict} {who:<20} {why}");
        }
    }
    let verdict = if report.ready {
        paint(GREEN, &report.verdict_line(w))
    } else {
        paint(RED, &report.verdict_line(w))
    };
    let _ = writeln!(out, "\n{verdict}");
    out
}
