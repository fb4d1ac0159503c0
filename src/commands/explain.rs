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
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        match entry {
            Some(e) => {
                println!("{code} — {}\n\n{}\n\nUsual causes:", e.source, e.meaning);
                for c in e.causes {
                    println!("  • {}", c.text);
                    if c.findings.is_empty() {
                        println!("      (this tool cannot see this one)");
                    } else {
                        println!(
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
                println!("\nSource: {}", e.documents.join("; "));
            }
            None => {
                println!("{code} is not known to this tool. The general checklist:");
                for step in explain::GENERAL_CHECKLIST {
                    println!("  • {step}");
                }
                println!("\nSource: {}", explain::GENERAL_DOCUMENT);
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
