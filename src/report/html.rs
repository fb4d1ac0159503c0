//! The report as a self-contained HTML page (no scripts, no external resources).

use std::fmt::Write;

use super::{Report, grouped};
use crate::check::Severity;

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;width:100%;margin-bottom:1.5em}\
td,th{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}\
.error{color:#b00020}.warning{color:#8a6d00}.info{color:#1b5e20}\
code{font-size:.9em;word-break:break-all}";

pub fn render(report: &Report) -> String {
    let e = escape;
    let mut out = String::new();
    let d = &report.directory;
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Password writeback readiness — {}</title><style>{STYLE}</style></head><body>",
        e(&d.dns_name)
    );
    let _ = write!(
        out,
        "<h1>Password writeback readiness — {}</h1><p class=\"{}\"><strong>{}</strong></p><p>{} · checked {} on <code>{}</code></p>",
        e(&d.dns_name),
        if report.ready { "info" } else { "error" },
        e(&report.verdict_line()),
        e(&d.domain_dn),
        e(&report.time),
        e(&d.dc)
    );
    if let Some(c) = &report.connector {
        let _ = write!(
            out,
            "<p>Connector account: <code>{}</code> ({})</p>",
            e(&c.sam_account_name),
            e(&c.dn)
        );
    }
    for (group, items) in grouped(report) {
        let _ = write!(out, "<h2>{}</h2>", e(group));
        if items.is_empty() {
            let _ = write!(out, "<p class=\"info\">✔ No problems found.</p>");
            continue;
        }
        let _ = write!(
            out,
            "<table><tr><th></th><th>id</th><th>object</th><th>finding</th><th>fix</th></tr>"
        );
        for f in items {
            let class = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "info",
            };
            let evidence: String = f
                .evidence
                .iter()
                .map(|x| format!("<br><code>{}</code>", e(x)))
                .collect();
            let _ = write!(
                out,
                "<tr><td class=\"{class}\">{}</td><td><code>{}</code></td><td>{}</td><td><strong>{}</strong><br>{}{evidence}</td><td>{}</td></tr>",
                f.severity.symbol(),
                e(f.id),
                e(&f.object),
                e(&f.title),
                e(&f.detail),
                e(&f.fix)
            );
        }
        out.push_str("</table>");
    }
    if let Some(p) = &report.pilot {
        let _ = write!(
            out,
            "<h2>Pilot group {}</h2><table><tr><th>user</th><th>verdict</th><th>reasons</th><th>synced</th><th>licensed</th><th>SSPR registered</th><th>admin</th></tr>",
            e(&p.group)
        );
        let b = |v: Option<bool>| v.map_or("?", |b| if b { "yes" } else { "no" });
        for r in &p.rows {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                e(r.sam_account_name
                    .as_deref()
                    .or(r.user_principal_name.as_deref())
                    .unwrap_or("?")),
                crate::pilot::verdict_word(r.verdict),
                e(&r.reasons.join(", ")),
                e(&r.unknown.join("; ")),
                b(r.synced),
                b(r.licensed),
                b(r.sspr_registered),
                b(r.admin)
            );
        }
        out.push_str("</table>");
    }
    let u = &report.users;
    let _ = write!(
        out,
        "<h2>Users</h2><p>{}.</p>",
        e(&report.readiness.sentence())
    );
    if !u.blocked.is_empty() {
        out.push_str("<table><tr><th>user</th><th>reasons</th></tr>");
        for b in &u.blocked {
            let _ = write!(
                out,
                "<tr><td>{}</td><td>{}</td></tr>",
                e(&b.dn),
                e(&b.reasons_text())
            );
        }
        out.push_str("</table>");
    }
    if !u.excluded.is_empty() {
        out.push_str("<p>Protected administrators, excluded by design:</p><ul>");
        for x in &u.excluded {
            let _ = write!(out, "<li><code>{}</code></li>", e(&x.dn));
        }
        out.push_str("</ul>");
    }
    out.push_str("</body></html>\n");
    out
}
