//! The checklist for a terminal: ✔ / ⚠ / ✖ per finding, grouped; colours only when asked.

use std::fmt::Write;

use super::{Report, grouped};
use crate::check::Severity;

const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

/// Renders `report` as a checklist. `color` adds ANSI colours (for a TTY).
pub fn render(report: &Report, color: bool) -> String {
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
            &format!("Password writeback readiness — {}", d.dns_name)
        )
    );
    let _ = writeln!(
        out,
        "  domain     {} ({}, {})",
        d.domain_dn, d.netbios_name, d.domain_sid
    );
    let _ = writeln!(out, "  checked on {}", d.dc);
    if let Some(pdc) = &d.pdc_emulator {
        let _ = writeln!(out, "  PDC        {pdc}");
    }
    match &report.connector {
        Some(c) => {
            let _ = writeln!(out, "  connector  {} ({})", c.sam_account_name, c.dn);
        }
        None => {
            let _ = writeln!(out, "  connector  (not determined)");
        }
    }
    let _ = writeln!(out, "  scope      {}", report.scope.join("; "));
    for (group, items) in grouped(report) {
        let _ = writeln!(out, "\n{}", paint(BOLD, group.english()));
        if items.is_empty() {
            let _ = writeln!(out, "  {} no problems found", paint(GREEN, "✔"));
        }
        for f in items {
            let sym = match f.severity {
                Severity::Error => paint(RED, "✖"),
                Severity::Warning => paint(YELLOW, "⚠"),
                Severity::Info => paint(GREEN, "✔"),
            };
            let _ = writeln!(out, "  {sym} {}  [{}]", f.title, f.id);
            let _ = writeln!(out, "      {}", f.object);
            if !f.detail.is_empty() {
                let _ = writeln!(out, "      {}", f.detail);
            }
            for e in &f.evidence {
                let _ = writeln!(out, "      evidence: {e}");
            }
            if !f.fix.is_empty() {
                let _ = writeln!(out, "      fix: {}", f.fix);
            }
        }
    }
    let u = &report.users;
    let _ = writeln!(
        out,
        "\n{}",
        paint(BOLD, &format!("Users: {}", report.readiness.sentence()))
    );
    for b in u.blocked.iter().take(50) {
        let _ = writeln!(out, "  ✖ {} — {}", b.dn, b.reasons_text());
    }
    if u.blocked.len() > 50 {
        let _ = writeln!(
            out,
            "  … and {} more (use --format json or csv for the full list)",
            u.blocked.len() - 50
        );
    }
    for x in u.excluded.iter().take(50) {
        let _ = writeln!(
            out,
            "  – {} — protected administrator, excluded by design",
            x.dn
        );
    }
    if u.excluded.len() > 50 {
        let _ = writeln!(
            out,
            "  … and {} more protected administrators",
            u.excluded.len() - 50
        );
    }
    if let Some(p) = &report.pilot {
        let _ = writeln!(
            out,
            "\n{}",
            paint(
                BOLD,
                &format!("Pilot group {}: {} member(s)", p.group, p.rows.len())
            )
        );
        for r in &p.rows {
            let verdict = match r.verdict {
                Some(crate::pilot::PilotVerdict::Ready) => paint(GREEN, "✔ ready  "),
                Some(crate::pilot::PilotVerdict::Blocked) => paint(RED, "✖ blocked"),
                _ => paint(YELLOW, "? unknown"),
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
                why.push_str(&format!("unknown: {}", r.unknown.join("; ")));
            }
            let _ = writeln!(out, "  {verdict} {who:<20} {why}");
        }
    }
    let verdict = if report.ready {
        paint(GREEN, &report.verdict_line())
    } else {
        paint(RED, &report.verdict_line())
    };
    let _ = writeln!(out, "\n{verdict}");
    out
}
