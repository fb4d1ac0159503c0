//! The drift since a baseline ([`crate::check::baseline`]) in the report formats other than
//! text and JSON: Markdown and HTML say the same lines the text does ([`Words::drift_lines`]),
//! CSV gives one row per changed thing. Every value from the directory is escaped for its
//! format; a CSV field that a spreadsheet would run as a formula is defused.

use std::fmt::Write;

use maud::html;

use super::rows::csv_field;
use crate::check::baseline::{Baseline, Drift};
use crate::words::Words;

/// The formats this module renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DriftFormat {
    Markdown,
    Html,
    Csv,
}

/// One directory's drift: its label (with several) and what changed since `then`.
pub struct Section<'a> {
    pub label: Option<&'a str>,
    pub then: &'a Baseline,
    pub drift: &'a Drift,
}

/// The CSV's first line.
pub const CSV_HEADER: &str = "directory,kind,object,detail,then,now,time,dc,users\n";

/// The drift of every section in `format` (a directory that could not be compared is a section
/// of its own, with its reason, in `failed`).
pub fn render(
    format: DriftFormat,
    sections: &[Section<'_>],
    failed: &[(&str, String)],
    w: &Words,
) -> String {
    match format {
        DriftFormat::Markdown => markdown(sections, failed, w),
        DriftFormat::Html => page(sections, failed, w),
        DriftFormat::Csv => csv(sections, failed),
    }
}

/// Markdown text from the directory: its special characters escaped.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\`*_{}[]<>()#+-!|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn markdown(sections: &[Section<'_>], failed: &[(&str, String)], w: &Words) -> String {
    let mut out = String::new();
    for s in sections {
        let lines = w.drift_lines(s.then, s.drift);
        let (head, rest) = lines.split_first().map_or(("", &[][..]), |(h, r)| (h, r));
        match s.label {
            Some(label) => {
                let _ = writeln!(out, "## {}\n\n{}\n", md(label), md(head));
            }
            None => {
                let _ = writeln!(out, "# {}\n", md(head));
            }
        }
        for line in rest {
            if line.is_empty() {
                out.push('\n');
            } else {
                let depth = line.len() - line.trim_start().len();
                let _ = writeln!(out, "{}- {}", " ".repeat(depth), md(line.trim_start()));
            }
        }
        out.push('\n');
    }
    for (label, reason) in failed {
        let _ = writeln!(out, "## {}\n\n{}\n", md(label), md(reason));
    }
    out
}

fn page(sections: &[Section<'_>], failed: &[(&str, String)], w: &Words) -> String {
    let title = w.sentence("drift-title", &[]);
    let body = html! {
        h1 { (title) }
        @for s in sections {
            @let lines = w.drift_lines(s.then, s.drift);
            @if let Some(label) = s.label { h2 { (label) } }
            @if let Some((head, rest)) = lines.split_first() {
                p { strong { (head) } }
                ul {
                    @for line in rest.iter().filter(|l| !l.is_empty()) {
                        li { (line.trim_start()) }
                    }
                }
            }
        }
        @for (label, reason) in failed {
            h2 { (label) }
            p { (reason) }
        }
    };
    crate::html::document(&w.lang(), &title, body) + "\n"
}

fn csv(sections: &[Section<'_>], failed: &[(&str, String)]) -> String {
    let mut out = String::from(CSV_HEADER);
    for s in sections {
        let dir = s.label.unwrap_or_default();
        let d = s.drift;
        let mut row = |kind: &str,
                       object: &str,
                       detail: &str,
                       then: &str,
                       now: &str,
                       time: &str,
                       dc: &str,
                       users: &str| {
            let fields = [dir, kind, object, detail, then, now, time, dc, users];
            let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&line.join(","));
            out.push('\n');
        };
        for (cause, c) in &d.causes_new {
            row(
                "cause-new",
                cause,
                &c.evidence.join("; "),
                "",
                "",
                "",
                "",
                &c.users.to_string(),
            );
        }
        for (cause, c) in &d.causes_gone {
            row(
                "cause-gone",
                cause,
                "",
                "",
                "",
                "",
                "",
                &c.users.to_string(),
            );
        }
        for c in &d.changes {
            let then = c.version_then.map(|v| v.to_string()).unwrap_or_default();
            row(
                "change",
                &c.object,
                &c.attribute,
                &then,
                &c.version_now.to_string(),
                &c.time,
                &c.dc,
                &c.blocked_since.to_string(),
            );
        }
        for (what, a, b) in &d.settings {
            row("setting", what, "", a, b, "", "", "");
        }
        for c in &d.containers {
            for ace in &c.added {
                row("ace-added", &c.object, ace, "", "", "", "", "");
            }
            for ace in &c.removed {
                row("ace-removed", &c.object, ace, "", "", "", "", "");
            }
            if let Some((a, b)) = c.protected {
                row(
                    "inheritance",
                    &c.object,
                    "protected",
                    &a.to_string(),
                    &b.to_string(),
                    "",
                    "",
                    "",
                );
            }
        }
        for (dn, reasons) in &d.newly_blocked {
            row("newly-blocked", dn, &reasons.join("; "), "", "", "", "", "");
        }
        for (dn, reasons) in &d.more_reasons {
            row("more-reasons", dn, &reasons.join("; "), "", "", "", "", "");
        }
        for (kind, set) in [
            ("unblocked", &d.unblocked),
            ("newly-excluded", &d.newly_excluded),
            ("no-longer-excluded", &d.no_longer_excluded),
            ("joined-protected", &d.joined_protected),
            ("left-protected", &d.left_protected),
        ] {
            for dn in set {
                row(kind, dn, "", "", "", "", "", "");
            }
        }
    }
    for (label, reason) in failed {
        let line: Vec<String> = [
            *label,
            "not-compared",
            "",
            reason.as_str(),
            "",
            "",
            "",
            "",
            "",
        ]
        .iter()
        .map(|f| csv_field(f))
        .collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::Face;

    #[test]
    fn directory_text_is_escaped_in_every_format() {
        let mut drift = Drift::default();
        drift.newly_blocked.insert(
            "CN=<script>x</script>,OU=*evil*|=cmd".into(),
            vec!["right-denied@ou=a".into()],
        );
        let then: Baseline = serde_json::from_value(serde_json::json!({
            "format": "writeback-wizard-baseline", "version": 1, "time": "t", "domain_dn": "DC=x",
            "domain_sid": "S-1-5-21-1-2-3", "dc": "dc1", "connector_sid": null,
            "connector_groups": [], "min_pwd_age": 0, "psos": {}, "in_scope": 1, "ready": 1,
            "causes": {}, "blocked": {}, "excluded": [], "protected_members": [], "stamps": {}
        }))
        .unwrap();
        let w = Words::for_lang(Some("en-US"), Face::Cli);
        let s = [Section {
            label: Some("=dc1|x"),
            then: &then,
            drift: &drift,
        }];
        let md = render(DriftFormat::Markdown, &s, &[], &w);
        assert!(
            md.contains("\\<script\\>") && md.contains("\\*evil\\*\\|"),
            "{md}"
        );
        let page = render(DriftFormat::Html, &s, &[], &w);
        assert!(
            page.contains("&lt;script&gt;") && !page.contains("<script>"),
            "{page}"
        );
        let csv = render(DriftFormat::Csv, &s, &[("=other", "reason".into())], &w);
        assert!(csv.starts_with(CSV_HEADER));
        assert!(csv.contains("\"'=dc1|x\",\"newly-blocked\""), "{csv}");
        assert!(csv.contains("\"'=other\",\"not-compared\""), "{csv}");
    }
}
