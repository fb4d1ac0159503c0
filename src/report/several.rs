//! One report for several directories (forests, and the domains of a forest): a section per
//! directory with its own verdict, findings and users, and one verdict over all of them. A
//! directory that could not be checked has a section that says why and is never ready. Each
//! directory's blocked users come from its own [`ReportStream`], so the report of any number of
//! directories of any size is written without holding a list in memory.

use std::io::{self, Write};

use fluent::FluentValue;
use maud::html;

use super::Report;
use super::rows::{CSV_HEADER, MARKER, RowFormat, csv_field};
use super::stream::{ReportStream, StreamFormat};
use crate::words::Words;

/// One directory's part: its label and its report with the writer that holds its blocked users,
/// or why there is none.
pub struct Section<'w> {
    pub label: String,
    pub outcome: Result<(Report, ReportStream<'w>), String>,
}

impl Section<'_> {
    fn report(&self) -> Option<&Report> {
        self.outcome.as_ref().ok().map(|(r, _)| r)
    }
}

/// A writer for directory `label`'s blocked users in `format` (the CSV puts the label first on
/// each line), its rows waiting in a private file in `dir`.
pub fn stream<'w>(
    format: StreamFormat,
    label: &str,
    words: &'w Words,
    dir: &std::path::Path,
) -> std::io::Result<ReportStream<'w>> {
    let s = ReportStream::new(format, words, dir)?;
    Ok(match format {
        StreamFormat::Rows(RowFormat::Csv) => s.with_row_prefix(format!("{},", csv_field(label))),
        _ => s,
    })
}

/// Every directory checked and ready.
pub fn ready(sections: &[Section]) -> bool {
    !sections.is_empty() && sections.iter().all(|s| s.report().is_some_and(|r| r.ready))
}

/// "2 of 3 directories ready", in `w`'s words.
pub fn verdict(sections: &[Section], w: &Words) -> String {
    let ready = sections
        .iter()
        .filter(|s| s.report().is_some_and(|r| r.ready))
        .count();
    w.get_with(
        "report-directories-verdict",
        &[
            ("ready", FluentValue::from(ready)),
            ("count", FluentValue::from(sections.len())),
        ],
    )
}

fn heading(label: &str, w: &Words) -> String {
    w.get_with(
        "report-directory-heading",
        &[("label", FluentValue::from(label.to_string()))],
    )
}

fn failed(reason: &str, w: &Words) -> String {
    w.get_with(
        "report-directory-failed",
        &[("reason", FluentValue::from(reason.to_string()))],
    )
}

/// Writes the report of every section in `format` to `out`: the text checklist (a banner per
/// directory, its values escaped as the single checklist's are), Markdown (a `##` section per
/// directory, each report's headings one level down), one HTML page, JSON (`{schema, lang,
/// ready, verdict, directories: [{label, report} | {label, error}]}`, each report as the single
/// directory's JSON has it) or CSV (every directory's blocked users, its label first).
pub fn write(
    sections: Vec<Section>,
    format: StreamFormat,
    w: &Words,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let head = Head {
        verdict: verdict(&sections, w),
        ready: ready(&sections),
        w,
    };
    match format {
        StreamFormat::Text { color } => text(sections, &head, color, out),
        StreamFormat::Rows(RowFormat::Markdown) => markdown(sections, &head, out),
        StreamFormat::Rows(RowFormat::Html) => html(sections, &head, out),
        StreamFormat::Rows(RowFormat::Json) => json(sections, &head, out),
        StreamFormat::Rows(RowFormat::Csv) => {
            out.write_all(format!("directory,{CSV_HEADER}").as_bytes())?;
            for s in sections {
                if let Ok((r, stream)) = s.outcome {
                    stream.finish_rendered(&r, out, |_| MARKER.to_string())?;
                }
            }
            out.flush()
        }
    }
}

/// What every format says before its sections: the verdict over all, in `w`'s words.
struct Head<'w> {
    verdict: String,
    ready: bool,
    w: &'w Words,
}

fn text(sections: Vec<Section>, head: &Head, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let (w, verdict_line) = (head.w, head.verdict.as_str());
    use crate::terminal::line;
    let rule = "=".repeat(72);
    for s in sections {
        let title = heading(&s.label, w);
        writeln!(out, "{rule}\n{}\n{rule}", line(&title))?;
        match s.outcome {
            Ok((r, stream)) => stream.finish_rendered(&r, out, |r| super::text(r, w, color))?,
            Err(e) => writeln!(out, "✖ {}", line(&failed(&e, w)))?,
        }
        writeln!(out)?;
    }
    writeln!(out, "{}", line(verdict_line))?;
    out.flush()
}

/// A report's Markdown one heading level down.
fn one_level_down(md: &str) -> String {
    let mut out = String::with_capacity(md.len() + 64);
    for l in md.lines() {
        if l.starts_with('#') {
            out.push('#');
        }
        out.push_str(l);
        out.push('\n');
    }
    out
}

fn markdown(sections: Vec<Section>, head: &Head, out: &mut dyn Write) -> io::Result<()> {
    let (w, verdict_line) = (head.w, head.verdict.as_str());
    writeln!(
        out,
        "# {}\n\n**{verdict_line}**\n",
        w.get("report-directories-title")
    )?;
    for s in sections {
        writeln!(out, "## {}\n", heading(&s.label, w))?;
        match s.outcome {
            Ok((r, stream)) => {
                stream.finish_rendered(&r, out, |r| one_level_down(&super::markdown(r, w)))?
            }
            Err(e) => writeln!(out, "✖ {}\n", failed(&e, w))?,
        }
    }
    out.flush()
}

fn html(sections: Vec<Section>, head: &Head, out: &mut dyn Write) -> io::Result<()> {
    let (w, verdict_line, all_ready) = (head.w, head.verdict.as_str(), head.ready);
    let title = w.get("report-directories-title");
    // The page's frame around a mark, written before and after the sections.
    const SECTIONS: &str = "\u{1}writeback-wizard:sections\u{1}";
    let body = html! {
        h1 { (title) }
        p class=(if all_ready { "info" } else { "error" }) { strong { (verdict_line) } }
        (maud::PreEscaped(SECTIONS))
    };
    let page = crate::html::document(&w.lang(), &title, body) + "\n";
    let (before, after) = page.split_once(SECTIONS).unwrap_or((&page, ""));
    out.write_all(before.as_bytes())?;
    for s in sections {
        let h2 = html! { h2 { (heading(&s.label, w)) } }.into_string();
        out.write_all(format!("<section>{h2}").as_bytes())?;
        match s.outcome {
            Ok((r, stream)) => {
                stream.finish_rendered(&r, out, |r| super::html::body(r, w, 3).into_string())?
            }
            Err(e) => {
                let p = html! { p class="error" { "✖ " (failed(&e, w)) } }.into_string();
                out.write_all(p.as_bytes())?;
            }
        }
        out.write_all(b"</section>")?;
    }
    out.write_all(after.as_bytes())?;
    out.flush()
}

fn json(sections: Vec<Section>, head: &Head, out: &mut dyn Write) -> io::Result<()> {
    let (w, verdict_line, all_ready) = (head.w, head.verdict.as_str(), head.ready);
    let string = |v: &str| serde_json::to_string(v).unwrap_or_default();
    write!(
        out,
        "{{\n  \"schema\": {},\n  \"lang\": {},\n  \"ready\": {all_ready},\n  \"verdict\": {},\n  \"directories\": [",
        super::SCHEMA,
        string(&w.lang()),
        string(verdict_line),
    )?;
    for (i, s) in sections.into_iter().enumerate() {
        let sep = if i == 0 { "\n" } else { ",\n" };
        write!(out, "{sep}    {{\"label\": {}, ", string(&s.label))?;
        match s.outcome {
            Ok((r, stream)) => {
                out.write_all(b"\"report\": ")?;
                stream.finish_rendered(&r, out, |r| r.json(w).trim_end().to_string())?;
                out.write_all(b"}")?;
            }
            Err(e) => write!(out, "\"error\": {}}}", string(&e))?,
        }
    }
    out.write_all(b"\n  ]\n}\n")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::BlockedUsers;
    use crate::check::fixture::Fixture;
    use crate::words::Face;
    use std::sync::Arc;

    /// A report with `users` blocked, as a section streams it: the users pushed into the
    /// section's writer, the report without them.
    fn section<'w>(
        label: &str,
        ready: bool,
        users: &[&str],
        format: StreamFormat,
        w: &'w Words,
    ) -> Section<'w> {
        let mut f = Fixture::new();
        for dn in users {
            f = f.user(dn, "");
        }
        let mut r = Report::from_outcome(&f.run());
        r.ready = ready;
        let dir = std::env::temp_dir().join(format!("ww-several-{}", std::process::id()));
        let mut s = stream(format, label, w, &dir).unwrap();
        for b in r.users.blocked.iter() {
            s.push(b);
        }
        r.users.blocked = Arc::new(BlockedUsers::new());
        Section {
            label: label.into(),
            outcome: Ok((r, s)),
        }
    }

    fn failed_section<'w>(label: &str) -> Section<'w> {
        Section {
            label: label.into(),
            outcome: Err("no route".into()),
        }
    }

    fn written(sections: Vec<Section>, format: StreamFormat, w: &Words) -> String {
        let mut out = Vec::new();
        write(sections, format, w, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    const CORP: [&str; 2] = [
        "CN=ann,OU=Staff,DC=corp,DC=example",
        "CN=bob,OU=Staff,DC=corp,DC=example",
    ];

    #[test]
    fn all_directories_must_be_ready_and_one_that_failed_never_is() {
        let w = Words::english(Face::Cli);
        let f = StreamFormat::Text { color: false };
        let both = [
            section("corp", true, &[], f, &w),
            section("fabrikam", true, &[], f, &w),
        ];
        assert!(ready(&both));
        let one_failed = [
            section("corp", true, &[], f, &w),
            failed_section("fabrikam"),
        ];
        assert!(!ready(&one_failed));
        assert!(!ready(&[]), "nothing checked is not ready");
        assert_eq!(verdict(&one_failed, &w), "1 of 2 directories ready");
    }

    #[test]
    fn every_format_has_a_section_per_directory_and_every_blocked_user() {
        let w = Words::english(Face::Cli);
        let three = |f: StreamFormat| {
            vec![
                section("corp", false, &CORP, f, &w),
                section("fabrikam", true, &[], f, &w),
                failed_section("contoso"),
            ]
        };
        let t = written(
            three(StreamFormat::Text { color: false }),
            StreamFormat::Text { color: false },
            &w,
        );
        for label in [
            "Directory: corp",
            "Directory: fabrikam",
            "Directory: contoso",
        ] {
            assert!(t.contains(label), "{t}");
        }
        assert!(t.contains("could not be checked: no route"), "{t}");
        assert!(t.trim_end().ends_with("1 of 3 directories ready"), "{t}");
        let md = StreamFormat::Rows(RowFormat::Markdown);
        let m = written(three(md), md, &w);
        assert!(
            m.contains("## Directory: fabrikam") && m.contains("### "),
            "{m}"
        );
        assert!(m.contains("| CN=bob,OU=Staff,DC=corp,DC=example |"), "{m}");
        let html_f = StreamFormat::Rows(RowFormat::Html);
        let h = written(three(html_f), html_f, &w);
        assert_eq!(h.matches("<html").count(), 1);
        assert_eq!(h.matches("<h2>Directory: ").count(), 3, "{h}");
        assert!(
            h.contains("<td>CN=ann,OU=Staff,DC=corp,DC=example</td>"),
            "{h}"
        );
        assert!(h.trim_end().ends_with("</html>"), "{h}");
        let json_f = StreamFormat::Rows(RowFormat::Json);
        let v: serde_json::Value =
            serde_json::from_str(&written(three(json_f), json_f, &w)).unwrap();
        assert_eq!(v["ready"], false);
        assert_eq!(v["verdict"], "1 of 3 directories ready");
        assert_eq!(
            v["directories"][0]["report"]["users"]["blocked"]
                .as_array()
                .unwrap()
                .len(),
            2
        );
        assert_eq!(v["directories"][1]["label"], "fabrikam");
        assert_eq!(v["directories"][1]["report"]["ready"], true);
        assert_eq!(v["directories"][2]["error"], "no route");
        let csv_f = StreamFormat::Rows(RowFormat::Csv);
        let c = written(three(csv_f), csv_f, &w);
        let lines: Vec<&str> = c.lines().collect();
        assert_eq!(
            lines[0],
            "directory,sAMAccountName,dn,reasons,predicted_event,predicted_portal"
        );
        assert_eq!(lines.len(), 3, "{c}");
        assert!(
            lines[1].starts_with("\"corp\",") && lines[2].contains("CN=bob"),
            "{c}"
        );
        let de = Words::for_lang(Some("de-DE"), Face::Cli);
        let f = StreamFormat::Text { color: false };
        assert!(
            written(vec![section("corp", true, &[], f, &de)], f, &de).contains("Verzeichnis: corp")
        );
    }
}
