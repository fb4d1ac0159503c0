//! The pilot table as CSV.

use super::{PilotReport, verdict_word};

/// The pilot table as CSV (RFC 4180 quoting).
pub fn csv(report: &PilotReport) -> String {
    let mut out = Vec::new();
    // Writing to memory cannot fail.
    let _ = write_csv(report, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// The pilot table as CSV, written row by row to `out` (a table of any length).
pub fn write_csv(report: &PilotReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    // Quoted when needed (RFC 4180); a value a spreadsheet would run as a formula is defused.
    fn q(s: &str) -> String {
        let s = if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_string()
        };
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s
        }
    }
    let b = |v: Option<bool>| v.map_or(String::new(), |b| b.to_string());
    out.write_all(
        b"dn,sam_account_name,user_principal_name,verdict,reasons,unknown,synced,licensed,sspr_registered,sspr_capable,methods_registered,methods_enabled,admin,predicted_event,predicted_portal\r\n",
    )?;
    for r in &report.rows {
        let verdict = verdict_word(r.verdict);
        let fields = [
            q(r.dn.as_deref().unwrap_or_default()),
            q(r.sam_account_name.as_deref().unwrap_or_default()),
            q(r.user_principal_name.as_deref().unwrap_or_default()),
            verdict.to_string(),
            q(&r.reasons.join("; ")),
            q(&r.unknown
                .iter()
                .map(|u| u.to_string())
                .collect::<Vec<_>>()
                .join("; ")),
            b(r.synced),
            b(r.licensed),
            b(r.sspr_registered),
            b(r.sspr_capable),
            q(&r.methods_registered.join("; ")),
            b(r.methods_enabled),
            b(r.admin),
            r.predicted
                .and_then(|p| p.event)
                .map_or(String::new(), |e| e.to_string()),
            r.predicted.map_or("", |p| p.portal.code()).to_string(),
        ];
        out.write_all(fields.join(",").as_bytes())?;
        out.write_all(b"\r\n")?;
    }
    Ok(())
}
