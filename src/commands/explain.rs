//! `writeback-wizard explain CODE`.

use std::process::ExitCode;

use anyhow::Result;
use writeback_wizard::explain;

pub fn run(code: &str, json: bool) -> Result<ExitCode> {
    let entry = explain::lookup(code);
    if json {
        let value = serde_json::json!({
            "code": code,
            "known": entry.is_some(),
            "entry": entry,
            "general_checklist": explain::GENERAL_CHECKLIST,
        });
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        match entry {
            Some(e) => {
                outln!("{code} — {}\n\n{}\n\nUsual causes:", e.source, e.meaning);
                for c in e.causes {
                    outln!("  • {}", c.text);
                    if c.findings.is_empty() {
                        outln!("      (this tool cannot see this one)");
                    } else {
                        outln!(
                            "      detected by: {}  →  writeback-wizard check{}",
                            c.findings.join(", "),
                            if c.findings
                                .iter()
                                .any(|f| f.starts_with("cloud-") || is_sync(f))
                            {
                                " --entra (on the sync server)"
                            } else {
                                ""
                            }
                        );
                    }
                }
                outln!("\nSource: {}", e.documents.join("; "));
            }
            None => {
                outln!("{code} is not known to this tool. The general checklist:");
                for step in explain::GENERAL_CHECKLIST {
                    outln!("  • {step}");
                }
                outln!("\nSource: {}", explain::GENERAL_DOCUMENT);
            }
        }
    }
    Ok(if entry.is_some() {
        ExitCode::from(super::exit::OK)
    } else {
        ExitCode::from(super::exit::NOT_READY)
    })
}

fn is_sync(id: &str) -> bool {
    matches!(
        id,
        "writeback-disabled"
            | "sync-staging-mode"
            | "restrict-remote-sam"
            | "outbound-blocked"
            | "tls12-disabled"
    )
}
