//! The report as a self-contained HTML page (no scripts, no external resources), written with
//! `maud`: every piece of text from the directory or the tenant is escaped by the template.

use maud::html;

use crate::html::document;

use fluent::FluentValue;

use super::{Report, grouped};
use crate::check::Severity;
use crate::words::Words;

/// Renders `report` as an HTML page in `w`'s language.
pub fn render(report: &Report, w: &Words) -> String {
    let title = w.get_with(
        "report-title",
        &[(
            "domain",
            FluentValue::from(report.directory.dns_name.clone()),
        )],
    );
    let mut out = document(&w.lang(), &title, body(report, w, 1));
    out.push('\n');
    out
}

/// The report's content, its headings starting at `<h{level}>` (a section of a page of
/// several directories starts one level down).
pub fn body(report: &Report, w: &Words, level: u8) -> maud::Markup {
    let s = |v: &str| FluentValue::from(v.to_string());
    let d = &report.directory;
    let title = w.get_with("report-title", &[("domain", s(&d.dns_name))]);
    let checked = w.get_with(
        "report-checked-at",
        &[("time", s(&report.time)), ("dc", s(&d.dc))],
    );
    let heading = |level: u8, text: String| -> maud::Markup {
        match level {
            1 => html! { h1 { (text) } },
            2 => html! { h2 { (text) } },
            _ => html! { h3 { (text) } },
        }
    };
    html! {
        (heading(level, title))
        p class=(if report.ready { "info" } else { "error" }) { strong { (report.verdict_line(w)) } }
        p { (d.domain_dn) " · " (checked) }
        @if let Some(c) = &report.connector {
            p { (w.get("report-connector-account")) ": " code { (c.sam_account_name) } " (" (c.dn) "), " (w.engine(c.engine)) }
        }
        @for (group, items) in grouped(report) {
            (heading(level + 1, w.group(group)))
            @if !report.parts.is_checked(super::Part::of(group)) {
                p class="warning" { "– " (w.not_checked(super::Part::of(group))) }
            }
            @if items.is_empty() && !report.parts.is_checked(super::Part::of(group)) {
            } @else if items.is_empty() {
                p class="info" { "✔ " (w.get("report-no-problems")) "." }
            } @else {
                table {
                    tr {
                        th {} th { "id" } th { (w.get("report-col-object")) }
                        th { (w.get("report-col-finding")) } th { (w.get("report-fix")) }
                    }
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
                                strong { (w.title(f)) } br; (w.detail(f))
                                @for x in &f.evidence { br; code { (x) } }
                            }
                            td { (w.fix(f)) }
                        }
                    }
                }
            }
        }
        @if let Some(p) = &report.pilot {
            (heading(level + 1, w.get_with("report-pilot-group", &[("group", s(&p.group))])))
            table {
                tr { @for c in super::pilot_columns(w) { th { (c) } } }
                @for r in &p.rows {
                    tr {
                        td { (r.sam_account_name.as_deref().or(r.user_principal_name.as_deref()).unwrap_or("?")) }
                        td { (w.pilot_verdict(r.verdict)) }
                        td { (r.reasons.join(", ")) " " (w.pilot_unknowns(&r.unknown)) }
                        td { (w.yes_no(r.synced)) }
                        td { (w.yes_no(r.licensed)) }
                        td { (w.yes_no(r.sspr_registered)) }
                        td { (w.yes_no(r.admin)) }
                        td { (super::markdown::pilot_predicted(r, w)) }
                    }
                }
            }
        }
        (heading(level + 1, w.get("report-users")))
        p { (w.readiness(&report.readiness)) "." }
        @if report.readiness.blocked > 0 {
            table {
                tr {
                    th { (w.get("report-col-user")) }
                    th { (w.get("report-col-reasons")) }
                    th { (w.get("report-col-predicted")) }
                }
                "\n"
                (maud::PreEscaped(super::rows::rows(report, w, super::RowFormat::Html)))
            }
        }
        @if !report.users.excluded.is_empty() {
            p { (w.get("report-excluded-heading")) ":" }
            ul { @for x in &report.users.excluded { li { code { (x.dn) } } } }
        }
        p { (w.sync_filter(&report.sync_filter)) }
        @if !report.users.not_synchronized.is_empty() {
            p { (w.get("report-not-synced-heading")) " (" (report.users.not_synchronized.len()) "):" }
            ul {
                @for x in &report.users.not_synchronized {
                    li { code { (x.dn) } " — " (w.not_synced(&x.rule)) }
                }
            }
        }
    }
}
