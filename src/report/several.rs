//! One report for several directories (forests, and the domains of a forest): a section per
//! directory with its own verdict, findings and users, and one verdict over all of them. A
//! directory that could not be checked has a section that says why and is never ready.

use std::fmt::Write as _;

use fluent::FluentValue;
use maud::html;

use super::Report;
use crate::words::Words;

/// One directory's part: its label and its report, or why there is none.
pub struct Section<'a> {
    pub label: &'a str,
    pub outcome: Result<&'a Report, String>,
}

/// Every directory checked and ready.
pub fn ready(sections: &[Section]) -> bool {
    !sections.is_empty()
        && sections
            .iter()
            .all(|s| s.outcome.as_ref().is_ok_and(|r| r.ready))
}

/// "2 of 3 directories ready", in `w`'s words.
pub fn verdict(sections: &[Section], w: &Words) -> String {
    let ready = sections
        .iter()
        .filter(|s| s.outcome.as_ref().is_ok_and(|r| r.ready))
        .count();
    w.get_with(
        "report-directories-verdict",
        &[
            ("ready", FluentValue::from(ready)),
            ("count", FluentValue::from(sections.len())),
        ],
    )
}

fn heading(section: &Section, w: &Words) -> String {
    w.get_with(
        "report-directory-heading",
        &[("label", FluentValue::from(section.label.to_string()))],
    )
}

fn failed(reason: &str, w: &Words) -> String {
    w.get_with(
        "report-directory-failed",
        &[("reason", FluentValue::from(reason.to_string()))],
    )
}

/// The text checklist: a banner per directory, then that directory's checklist. Its values are
/// escaped as the single checklist's are (a coloured one is printed as it is).
pub fn text(sections: &[Section], w: &Words, color: bool) -> String {
    use crate::terminal::line;
    let mut out = String::new();
    for s in sections {
        let title = heading(s, w);
        let _ = writeln!(
            out,
            "{}\n{}\n{}",
            "=".repeat(72),
            line(&title),
            "=".repeat(72)
        );
        match &s.outcome {
            Ok(r) => out.push_str(&super::text(r, w, color)),
            Err(e) => {
                let _ = writeln!(out, "✖ {}", line(&failed(e, w)));
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", line(&verdict(sections, w)));
    out
}

/// Markdown: a `##` section per directory (each report's own headings one level down).
pub fn markdown(sections: &[Section], w: &Words) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {}\n\n**{}**\n",
        w.get("report-directories-title"),
        verdict(sections, w)
    );
    for s in sections {
        let _ = writeln!(out, "## {}\n", heading(s, w));
        match &s.outcome {
            Ok(r) => {
                for line in super::markdown(r, w).lines() {
                    if line.starts_with('#') {
                        let _ = writeln!(out, "##{line}");
                    } else {
                        let _ = writeln!(out, "{line}");
                    }
                }
            }
            Err(e) => {
                let _ = writeln!(out, "✖ {}\n", failed(e, w));
            }
        }
    }
    out
}

/// One HTML page with a section per directory.
pub fn html(sections: &[Section], w: &Words) -> String {
    let title = w.get("report-directories-title");
    let all = ready(sections);
    let body = html! {
        h1 { (title) }
        p class=(if all { "info" } else { "error" }) { strong { (verdict(sections, w)) } }
        @for s in sections {
            section {
                h2 { (heading(s, w)) }
                @match &s.outcome {
                    Ok(r) => (super::html::body(r, w, 3)),
                    Err(e) => p class="error" { "✖ " (failed(e, w)) },
                }
            }
        }
    };
    let mut out = crate::html::document(&w.lang(), &title, body);
    out.push('\n');
    out
}

/// JSON: `{schema, lang, ready, verdict, directories: [{label, report} | {label, error}]}`,
/// each report as the single-directory JSON has it.
pub fn json(sections: &[Section], w: &Words) -> String {
    let directories: Vec<serde_json::Value> = sections
        .iter()
        .map(|s| match &s.outcome {
            Ok(r) => serde_json::json!({
                "label": s.label,
                "report": serde_json::from_str::<serde_json::Value>(&r.json(w)).unwrap_or_default(),
            }),
            Err(e) => serde_json::json!({"label": s.label, "error": e}),
        })
        .collect();
    let v = serde_json::json!({
        "schema": super::SCHEMA,
        "lang": w.lang(),
        "ready": ready(sections),
        "verdict": verdict(sections, w),
        "directories": directories,
    });
    serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"
}

/// CSV: every directory's blocked users, the directory's label first on each line (a directory
/// that could not be checked has no lines; the verdict says why).
pub fn csv(sections: &[Section], w: &Words) -> String {
    let mut out = format!("directory,{}", super::rows::CSV_HEADER);
    for s in sections {
        if let Ok(r) = &s.outcome {
            let field = super::rows::csv_field(s.label);
            for b in r.users.blocked.iter() {
                out.push_str(&field);
                out.push(',');
                out.push_str(&super::rows::row(super::RowFormat::Csv, b, w));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixture::Fixture;
    use crate::words::Face;

    fn report(ready: bool) -> Report {
        let outcome = Fixture::new()
            .user("CN=u,OU=Staff,DC=corp,DC=example", "")
            .run();
        let mut r = Report::from_outcome(&outcome);
        r.ready = ready;
        r
    }

    #[test]
    fn all_directories_must_be_ready_and_one_that_failed_never_is() {
        let (a, b) = (report(true), report(true));
        let both = [
            Section {
                label: "corp",
                outcome: Ok(&a),
            },
            Section {
                label: "fabrikam",
                outcome: Ok(&b),
            },
        ];
        assert!(ready(&both));
        let failed = [
            Section {
                label: "corp",
                outcome: Ok(&a),
            },
            Section {
                label: "fabrikam",
                outcome: Err("refused".into()),
            },
        ];
        assert!(!ready(&failed));
        assert!(!ready(&[]), "nothing checked is not ready");
        let w = Words::english(Face::Cli);
        assert_eq!(verdict(&failed, &w), "1 of 2 directories ready");
    }

    #[test]
    fn every_format_has_a_section_per_directory_and_the_json_keeps_each_report() {
        let (a, b) = (report(false), report(true));
        let sections = [
            Section {
                label: "corp",
                outcome: Ok(&a),
            },
            Section {
                label: "fabrikam",
                outcome: Ok(&b),
            },
            Section {
                label: "contoso",
                outcome: Err("no route".into()),
            },
        ];
        let w = Words::english(Face::Cli);
        let t = text(&sections, &w, false);
        for label in [
            "Directory: corp",
            "Directory: fabrikam",
            "Directory: contoso",
        ] {
            assert!(t.contains(label), "{t}");
        }
        assert!(t.contains("could not be checked: no route"), "{t}");
        let m = markdown(&sections, &w);
        assert!(
            m.contains("## Directory: fabrikam") && m.contains("### "),
            "{m}"
        );
        let h = html(&sections, &w);
        assert_eq!(h.matches("<html").count(), 1);
        assert_eq!(h.matches("<h2>Directory: ").count(), 3, "{h}");
        let v: serde_json::Value = serde_json::from_str(&json(&sections, &w)).unwrap();
        assert_eq!(v["ready"], false);
        assert_eq!(v["directories"][1]["label"], "fabrikam");
        assert_eq!(v["directories"][1]["report"]["ready"], true);
        assert_eq!(v["directories"][2]["error"], "no route");
        let de = Words::for_lang(Some("de-DE"), Face::Cli);
        assert!(text(&sections, &de, false).contains("Verzeichnis: corp"));
    }
}
