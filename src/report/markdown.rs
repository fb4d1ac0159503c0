//! The report as Markdown (for tickets and change requests).

use std::fmt::Write;

use super::{Report, grouped};

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let d = &report.directory;
    let _ = writeln!(out, "# Password writeback readiness — {}\n", d.dns_name);
    let _ = writeln!(
        out,
        "**{}** · {} · checked {} on `{}`\n",
        report.verdict_line(),
        d.domain_dn,
        report.time,
        d.dc
    );
    if let Some(c) = &report.connector {
        let _ = writeln!(
            out,
            "Connector account: `{}` ({})\n",
            c.sam_account_name, c.dn
        );
    }
    let _ = writeln!(out, "Scope: {}\n", report.scope.join("; "));
    for (group, items) in grouped(report) {
        let _ = writeln!(out, "## {}\n", group.english());
        if items.is_empty() {
            let _ = writeln!(out, "✔ No problems found.\n");
            continue;
        }
        let _ = writeln!(
            out,
            "| | id | object | finding | fix |\n|---|---|---|---|---|"
        );
        for f in items {
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | **{}** {}{} | {} |",
                f.severity.symbol(),
                f.id,
                cell(&f.object),
                cell(&f.title),
                cell(&f.detail),
                f.evidence
                    .iter()
                    .map(|e| format!("<br>`{}`", cell(e)))
                    .collect::<String>(),
                cell(&f.fix)
            );
        }
        let _ = writeln!(out);
    }
    if let Some(p) = &report.pilot {
        let _ = writeln!(
            out,
            "## Pilot group {}\n\n| user | verdict | reasons | synced | licensed | SSPR registered | admin |\n|---|---|---|---|---|---|---|",
            cell(&p.group)
        );
        let b = |v: Option<bool>| {
            v.map_or(
                "?".to_string(),
                |b| if b { "yes".into() } else { "no".into() },
            )
        };
        for r in &p.rows {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                cell(
                    r.sam_account_name
                        .as_deref()
                        .or(r.user_principal_name.as_deref())
                        .unwrap_or("?")
                ),
                crate::pilot::verdict_word(r.verdict),
                cell(
                    [r.reasons.join(", "), r.unknown.join("; ")]
                        .join(" ")
                        .trim()
                ),
                b(r.synced),
                b(r.licensed),
                b(r.sspr_registered),
                b(r.admin)
            );
        }
        let _ = writeln!(out);
    }
    let u = &report.users;
    let _ = writeln!(out, "## Users\n\n{}.\n", report.readiness.sentence());
    if !u.blocked.is_empty() {
        let _ = writeln!(out, "| user | reasons |\n|---|---|");
        for b in &u.blocked {
            let _ = writeln!(out, "| {} | {} |", cell(&b.dn), cell(&b.reasons_text()));
        }
    }
    if !u.excluded.is_empty() {
        let _ = writeln!(out, "\nProtected administrators, excluded by design:\n");
        for x in &u.excluded {
            let _ = writeln!(out, "- `{}`", x.dn);
        }
    }
    out
}
