//! The blocked users' rows of each report format, rendered one at a time: from the users the
//! report keeps, or — when the command line streams them ([`super::stream`]) — into a marker
//! that the streaming writer replaces with the rows it wrote while the scan ran. Both paths
//! render every row with [`row`], so a streamed report is byte for byte the kept one.

use std::fmt::Write;

use crate::check::BlockedRef;
use crate::explain::predict::{self, Prediction};
use crate::words::Words;

use super::Report;

/// Where the rows go in a report rendered for streaming (control characters no directory text
/// reaches the renderers with unescaped).
pub(crate) const MARKER: &str = "\u{1}writeback-wizard:blocked-rows\u{1}";

/// The report formats that list every blocked user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowFormat {
    Json,
    Markdown,
    Html,
    Csv,
}

/// The JSON array's elements are indented this far (`users.blocked` in the pretty report).
const JSON_INDENT: &str = "      ";

/// A blocked user's JSON row: the user, and the error a reset now would meet.
#[derive(serde::Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    user: BlockedRef<'a>,
    predicted: Option<Prediction>,
}

/// The error `b` would meet resetting their password now ([`predict`]).
pub fn predicted(b: BlockedRef<'_>) -> Option<Prediction> {
    predict::for_findings(b.reasons.iter().map(|r| r.id))
}

/// One blocked user as a row of `format`, with its line end (JSON: without the comma that
/// separates it from the next, see [`separator`]).
pub fn row(format: RowFormat, b: BlockedRef<'_>, w: &Words) -> String {
    let p = predicted(b);
    match format {
        RowFormat::Json => {
            // Plain data with string keys: serialising cannot fail.
            let json = JsonRow {
                user: b,
                predicted: p,
            };
            let pretty = serde_json::to_string_pretty(&json).unwrap_or_default();
            let mut out = String::with_capacity(pretty.len() + 64);
            for (i, line) in pretty.lines().enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                out.push_str(JSON_INDENT);
                out.push_str(line);
            }
            out
        }
        RowFormat::Markdown => format!(
            "| {} | {} | {} |\n",
            cell(b.dn),
            cell(&w.reasons(b)),
            cell(&w.predicted_cell(p))
        ),
        RowFormat::Html => {
            maud::html! { tr { td { (b.dn) } td { (w.reasons(b)) } td { (w.predicted_cell(p)) } } }
                .into_string()
                + "\n"
        }
        RowFormat::Csv => {
            let mut out = String::new();
            let _ = writeln!(
                out,
                "{},{},{},{},{}",
                csv_field(b.sam_account_name),
                csv_field(b.dn),
                csv_field(
                    &b.reasons
                        .iter()
                        .map(|r| format!("{}@{}", r.id, r.object))
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                p.and_then(|p| p.event)
                    .map_or(String::new(), |e| e.to_string()),
                p.map_or("", |p| p.portal.code()),
            );
            out
        }
    }
}

/// A Markdown table cell: pipes escaped, line breaks as `<br>`.
pub(crate) fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', "<br>")
}

/// What goes between two rows.
pub fn separator(format: RowFormat) -> &'static str {
    match format {
        RowFormat::Json => ",\n",
        _ => "",
    }
}

/// What goes before the first row and after the last: the JSON array's brackets (an empty
/// list is `[]`, as serde writes it).
pub fn brackets(format: RowFormat, count: usize) -> (&'static str, &'static str) {
    match (format, count) {
        (RowFormat::Json, 0) => ("[]", ""),
        (RowFormat::Json, _) => ("[\n", "\n    ]"),
        _ => ("", ""),
    }
}

/// The CSV's first line.
pub const CSV_HEADER: &str = "sAMAccountName,dn,reasons,predicted_event,predicted_portal\n";

/// A CSV field, quoted; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a spreadsheet
/// does not run directory text as a formula.
pub(crate) fn csv_field(s: &str) -> String {
    let guarded = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

/// Every row the report keeps (or the marker when it streams them), brackets included.
pub(crate) fn rows(report: &Report, w: &Words, format: RowFormat) -> String {
    if report.users.streamed {
        return MARKER.to_string();
    }
    let blocked = &report.users.blocked;
    let (open, close) = brackets(format, blocked.len());
    let mut out = String::from(open);
    for (i, b) in blocked.iter().enumerate() {
        if i > 0 {
            out.push_str(separator(format));
        }
        out.push_str(&row(format, b, w));
    }
    out.push_str(close);
    out
}

/// The blocked users as CSV, header first.
pub fn csv(report: &Report, w: &Words) -> String {
    format!("{CSV_HEADER}{}", rows(report, w, RowFormat::Csv))
}

/// The blocked users the report keeps as CSV, written row by row to `out` (the wizard's
/// export of a list of any length, never whole in memory).
pub fn write_csv(report: &Report, w: &Words, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(CSV_HEADER.as_bytes())?;
    for b in report.users.blocked.iter() {
        out.write_all(row(RowFormat::Csv, b, w).as_bytes())?;
    }
    Ok(())
}
