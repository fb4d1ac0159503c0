//! The report as a self-contained HTML page (no scripts, no external resources), written with
//! `maud`: every piece of text from the directory or the tenant is escaped by the template.

use maud::html;

use crate::html::document;

use super::{Report, grouped};
use crate::check::Severity;

pub fn render(report: &Report) -> String {
    let d = &report.directory;
    let title = format!("Password writeback readiness — {}", d.dns_name);
    let yes_no = |v: Option<bool>| v.map_or("?", |b| if b { "yes" } else { "no" });
    let body = html! {
        h1 { (title) }
        p class=(if report.ready { "info" } else { "error" }) { strong { (report.verdict_line()) } }
        p { (d.domain_dn) " · checked " (report.time) " on " code { (d.dc) } }
        @if let Some(c) = &report.connector {
            p { "Connector account: " code { (c.sam_account_name) } " (" (c.dn) ")" }
        }
        @for (group, items) in grouped(report) {
            h2 { (group.english()) }
            @if items.is_empty() {
                p class="info" { "✔ No problems found." }
            } @else {
                table {
                    tr { th {} th { "id" } th { "object" } th { "finding" } th { "fix" } }
                    @for f in items {
                        tr {
                            td class=(match f.severity {
                                Severity::Error => "error",
                                Severity::Warning => "warning",
                                Severity::Info => "info",
                            }) { (f.severity.symbol()) }
                            td { code { (f.id) } }
                            td { (f.object) }
                            td {
                                strong { (f.title) } br; (f.detail)
                                @for x in &f.evidence { br; code { (x) } }
                            }
                            td { (f.fix) }
                        }
                    }
                }
            }
        }
        @if let Some(p) = &report.pilot {
            h2 { "Pilot group " (p.group) }
            table {
                tr {
                    th { "user" } th { "verdict" } th { "reasons" } th { "synced" }
                    th { "licensed" } th { "SSPR registered" } th { "admin" }
                }
                @for r in &p.rows {
                    tr {
                        td { (r.sam_account_name.as_deref().or(r.user_principal_name.as_deref()).unwrap_or("?")) }
                        td { (crate::pilot::verdict_word(r.verdict)) }
                        td { (r.reasons.join(", ")) " " (r.unknown.join("; ")) }
                        td { (yes_no(r.synced)) }
                        td { (yes_no(r.licensed)) }
                        td { (yes_no(r.sspr_registered)) }
                        td { (yes_no(r.admin)) }
                    }
                }
            }
        }
        h2 { "Users" }
        p { (report.readiness.sentence()) "." }
        @if !report.users.blocked.is_empty() {
            table {
                tr { th { "user" } th { "reasons" } }
                @for b in &report.users.blocked {
                    tr { td { (b.dn) } td { (b.reasons_text()) } }
                }
            }
        }
        @if !report.users.excluded.is_empty() {
            p { "Protected administrators, excluded by design:" }
            ul { @for x in &report.users.excluded { li { code { (x.dn) } } } }
        }
    };
    let mut out = document(&title, body);
    out.push('\n');
    out
}
