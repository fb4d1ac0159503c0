//! The report as Markdown (for tickets and change requests).

use std::fmt::Write;

use fluent::FluentValue;

use super::rows::cell;
use super::{Report, grouped};
use crate::words::Words;

/// Renders `report` as Markdown in `w`'s language.
pub fn render(report: &Report, w: &Words) -> String {
    let s = |v: &str| FluentValue::from(v.to_string());
    let mut out = String::new();
    let d = &report.directory;
    let _ = writeln!(
        out,
        "# {}\n",
        w.get_with("report-title", &[("domain", s(&d.dns_name))])
    );
    let _ = writeln!(
        out,
        "**{}** · {} · {}\n",
        report.verdict_line(w),
        d.domain_dn,
        w.get_with(
            "report-checked-at",
            &[("time", s(&report.time)), ("dc", s(&format!("`{}`", d.dc)))]
        )
    );
    if let Some(c) = &report.connector {
        let _ = writeln!(
            out,
            "{}: `{}` ({}), {}\n",
            w.get("report-connector-account"),
            c.sam_account_name,
            c.dn,
            w.engine(c.engine)
        );
    }
    let _ = writeln!(
        out,
        "{}: {}\n",
        w.get("report-scope-heading"),
        report.scope.join("; ")
    );
    for (group, items) in grouped(report) {
        let _ = writeln!(out, "## {}\n", w.group(group));
        let part = super::Part::of(group);
        if !report.parts.is_checked(part) {
            // Never a tick for what was not looked at.
            let _ = writeln!(out, "– {}\n", w.not_checked(part));
        }
        if items.is_empty() && !report.parts.is_checked(part) {
            continue;
        }
        if items.is_empty() {
            let _ = writeln!(out, "✔ {}.\n", w.get("report-no-problems"));
            continue;
        }
        let _ = writeln!(
            out,
            "| | id | {} | {} | {} |\n|---|---|---|---|---|",
            w.get("report-col-object"),
            w.get("report-col-finding"),
            w.get("report-fix")
        );
        for f in items {
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | **{}** {}{} | {} |",
                f.severity.symbol(),
                f.id,
                cell(&f.object),
                cell(&w.title(f)),
                cell(&w.detail(f)),
                f.evidence
                    .iter()
                    .map(|e| format!("<br>`{}`", cell(e)))
                    .collect::<String>(),
                cell(&w.fix(f))
            );
        }
        let _ = writeln!(out);
    }
    if let Some(p) = &report.pilot {
        pilot(&mut out, p, w);
    }
    users(&mut out, report, w);
    out
}

/// The pilot table.
fn pilot(out: &mut String, p: &crate::pilot::PilotReport, w: &Words) {
    let s = |v: &str| FluentValue::from(v.to_string());
    let _ = writeln!(
        out,
        "## {}\n\n| {} |\n|---|---|---|---|---|---|---|---|",
        cell(&w.get_with("report-pilot-group", &[("group", s(&p.group))])),
        super::pilot_columns(w).join(" | ")
    );
    let b = |v: Option<bool>| w.yes_no(v);
    for r in &p.rows {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(
                r.sam_account_name
                    .as_deref()
                    .or(r.user_principal_name.as_deref())
                    .unwrap_or("?")
            ),
            w.pilot_verdict(r.verdict),
            cell(
                [r.reasons.join(", "), w.pilot_unknowns(&r.unknown)]
                    .join(" ")
                    .trim()
            ),
            b(r.synced),
            b(r.licensed),
            b(r.sspr_registered),
            b(r.admin),
            cell(&pilot_predicted(r, w))
        );
    }
    let _ = writeln!(out);
}

/// A pilot user's predicted error: for a blocked user only.
pub(super) fn pilot_predicted(r: &crate::pilot::PilotRow, w: &Words) -> String {
    match r.verdict {
        Some(crate::pilot::PilotVerdict::Blocked) => w.predicted_cell(r.predicted),
        _ => String::new(),
    }
}

/// The users in scope: the readiness sentence, the blocked and the excluded.
fn users(out: &mut String, report: &Report, w: &Words) {
    let u = &report.users;
    let _ = writeln!(
        out,
        "## {}\n\n{}.\n",
        w.get("report-users"),
        w.readiness(&report.readiness)
    );
    if report.readiness.blocked > 0 {
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            w.get("report-col-user"),
            w.get("report-col-reasons"),
            w.get("report-col-predicted")
        );
        out.push_str(&super::rows::rows(report, w, super::RowFormat::Markdown));
    }
    if !u.excluded.is_empty() {
        let _ = writeln!(out, "\n{}:\n", w.get("report-excluded-heading"));
        for x in &u.excluded {
            let _ = writeln!(out, "- `{}`", x.dn);
        }
    }
    let _ = writeln!(out, "\n{}", w.sync_filter(&report.sync_filter));
    if !u.not_synchronized.is_empty() {
        let _ = writeln!(
            out,
            "\n{} ({}):\n",
            w.get("report-not-synced-heading"),
            u.not_synchronized.len()
        );
        for x in &u.not_synchronized {
            let _ = writeln!(out, "- `{}` — {}", x.dn, cell(&w.not_synced(&x.rule)));
        }
    }
}
