//! `writeback-wizard explain CODE`.

use std::process::ExitCode;

use anyhow::Result;
use writeback_wizard::explain;
use writeback_wizard::words::Words;

pub fn run(code: &str, json: bool, words: &Words) -> Result<ExitCode> {
    let entry = explain::lookup(code);
    let said = entry.map(|e| e.say(words));
    let checklist = explain::checklist(words);
    if json {
        let value = serde_json::json!({
            "code": code,
            "known": entry.is_some(),
            "lang": words.lang(),
            "entry": said,
            "general_checklist": checklist,
        });
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        let say = |id: &str, args: &[(&str, &str)]| words.sentence(id, args);
        match &said {
            Some(e) => {
                outln!("{code} — {}\n\n{}\n", e.source, e.meaning);
                outln!("{}", say("explain-usual-causes", &[]));
                for c in &e.causes {
                    outln!("  • {}", c.text);
                    match &c.found_by {
                        None => outln!("      {}", say("explain-not-seen", &[])),
                        Some(run) => {
                            let ids: Vec<&str> = c.findings.iter().map(|f| f.as_str()).collect();
                            outln!(
                                "      {}",
                                say(
                                    "explain-found-by",
                                    &[("ids", &ids.join(", ")), ("run", run)]
                                )
                            );
                        }
                    }
                }
                outln!(
                    "\n{}",
                    say("explain-sources", &[("documents", &e.documents.join("; "))])
                );
            }
            None => {
                outln!("{}", say("explain-unknown", &[("code", code)]));
                for step in &checklist {
                    outln!("  • {step}");
                }
                let doc = explain::document(words, explain::CHECKLIST_DOCUMENT);
                outln!("\n{}", say("explain-sources", &[("documents", &doc)]));
            }
        }
    }
    Ok(if entry.is_some() {
        ExitCode::from(super::exit::OK)
    } else {
        ExitCode::from(super::exit::NOT_READY)
    })
}
