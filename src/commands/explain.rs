//! `writeback-wizard explain CODE`, and `explain --for-user NAME` the other way round.

use std::process::ExitCode;

use anyhow::Result;
use writeback_wizard::cli::ExplainArgs;
use writeback_wizard::pilot::{self, PilotRow, PilotVerdict};
use writeback_wizard::words::Words;
use writeback_wizard::{check, explain};

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
                if !e.predicted_for.is_empty() {
                    let ids: Vec<&str> = e.predicted_for.iter().map(|f| f.as_str()).collect();
                    outln!(
                        "\n{}",
                        say("explain-predicted-for", &[("ids", &ids.join(", "))])
                    );
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

/// `explain --for-user NAME`: the user judged in each directory the options name (the first
/// that holds them), and what they and the admin would see if they reset their password now.
pub async fn for_user(args: &ExplainArgs, words: &Words) -> Result<ExitCode> {
    let Some(name) = args.for_user.as_deref() else {
        return Ok(ExitCode::from(super::exit::CANNOT_RUN));
    };
    let dirs = super::directories::from_args(&args.connection, &args.target, 500).await?;
    let mut searched = Vec::new();
    for d in dirs {
        let mut conn = d.login.connect().await?;
        let found = async {
            let facts = check::gather(&mut conn, &d.options).await?;
            anyhow::Ok(pilot::one_user(&mut conn, &facts, name).await?)
        }
        .await;
        conn.close().await;
        match found? {
            Some(row) => return say_user(name, &row, args.json, words),
            None => searched.push(d.label),
        }
    }
    anyhow::bail!(super::say(
        "cli-user-not-found",
        &[("name", name), ("directories", &searched.join(", "))]
    ))
}

/// One user's verdict and predicted error, in text or JSON.
fn say_user(name: &str, row: &PilotRow, json: bool, words: &Words) -> Result<ExitCode> {
    let blocked = row.verdict == Some(PilotVerdict::Blocked);
    let entry = row
        .predicted
        .and_then(|p| explain::ENTRIES.iter().find(|e| e.key == p.explain));
    if json {
        let value = serde_json::json!({
            "user": name,
            "dn": row.dn,
            "verdict": pilot::verdict_word(row.verdict),
            "reasons": row.reasons,
            "predicted": row.predicted,
            "lang": words.lang(),
            "entry": entry.map(|e| e.say(words)),
        });
        outln!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        let say = |id: &str, args: &[(&str, &str)]| words.sentence(id, args);
        let shown = row.dn.as_deref().unwrap_or(name);
        if !blocked {
            outln!("{}", say("predict-user-ready", &[("user", shown)]));
        } else {
            outln!("{}", say("predict-user", &[("user", shown)]));
            match row.predicted {
                Some(p) => {
                    let portal = words.predicted_portal(p);
                    let event = words.predicted_event(p);
                    outln!("  {}", say("predict-user-portal", &[("portal", &portal)]));
                    outln!("  {}", say("predict-user-event", &[("event", &event)]));
                }
                None => outln!("  {}", say("predict-none", &[])),
            }
            outln!(
                "  {}: {}",
                say("report-col-reasons", &[]),
                row.reasons.join(", ")
            );
            if let Some(e) = entry {
                let said = e.say(words);
                outln!(
                    "\n{}",
                    say(
                        "explain-sources",
                        &[("documents", &said.documents.join("; "))]
                    )
                );
            }
        }
    }
    Ok(ExitCode::from(if blocked {
        super::exit::NOT_READY
    } else {
        super::exit::OK
    }))
}
