//! The report: exit 1 with a versioned JSON report; the other formats and output files carry
//! the same findings; the report speaks the language asked for and keeps its ids.

use super::*;

#[test]
fn seeded_lab_exits_1_with_a_versioned_json_report() {
    let Some(lab) = Lab::get() else { return };
    let (code, out, err) = bin(&lab, &with(&lab.check_args(), &["--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["schema"], 1);
    assert_eq!(r["tool"]["name"], "writeback-wizard");
    assert_eq!(r["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert!(r["time"].as_str().unwrap().ends_with('Z'));
    assert_eq!(r["directory"]["domain_dn"], lab.var("LAB_BASE_DN"));
    assert_eq!(r["directory"]["domain_sid"], lab.var("LAB_DOMAIN_SID"));
    assert_eq!(r["directory"]["netbios_name"], "LAB");
    assert_eq!(r["directory"]["dns_name"], "lab.example.test");
    assert_eq!(r["directory"]["pdc_emulator"], "dc1.lab.example.test");
    assert_eq!(
        r["directory"]["forest_domains"][0]["dns_name"],
        "lab.example.test"
    );
    assert_eq!(r["connector"]["sam_account_name"], "MSOL_lab");
    assert_eq!(r["connector"]["sid"], lab.var("LAB_MSOL_SID"));
    assert_eq!(r["ready"], false);
    let findings = r["findings"].as_array().unwrap();
    let f = findings
        .iter()
        .find(|f| f["id"] == "right-reset-password")
        .unwrap();
    for key in ["severity", "object", "title", "detail", "fix", "evidence"] {
        assert!(!f[key].is_null(), "finding field {key}");
    }
    assert_eq!(f["severity"], "error");
    let blocked = r["users"]["blocked"].as_array().unwrap();
    let carol = blocked
        .iter()
        .find(|b| b["dn"] == lab.var("LAB_CAROL_DN"))
        .unwrap();
    assert!(
        carol["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == "inheritance-disabled"
                && x["object"] == lab.var("LAB_BLOCKED_OU_DN"))
    );
    assert!(r["users"]["in_scope"].as_u64().unwrap() >= 8);
}

#[test]
fn other_formats_and_output_files_carry_the_same_findings() {
    let Some(lab) = Lab::get() else { return };
    let dir = std::env::temp_dir().join(format!("ww-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (format, marker) in [
        ("text", "✖"),
        ("markdown", "| ✖ |"),
        ("html", "<!DOCTYPE html>"),
    ] {
        let path = dir.join(format!("report.{format}"));
        let (code, out, err) = bin(
            &lab,
            &with(
                &lab.check_args(),
                &["--format", format, "--output", path.to_str().unwrap()],
            ),
        );
        assert_eq!(code, 1, "{format}: {err}");
        assert!(out.is_empty(), "{format}: the report went to the file");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(marker), "{format}: {marker}");
        assert!(
            text.contains("inheritance-disabled") && text.contains("OU=Blocked"),
            "{format}"
        );
        assert!(!text.contains('\x1b'), "{format}: no colours in a file");
    }
    // Text on a pipe: no colours either.
    let (_, out, _) = bin(&lab, &lab.check_args());
    assert!(out.contains("NOT READY") && !out.contains('\x1b'));
    // CSV: the blocked users, the same as the JSON report's, a line each.
    let (code, csv, err) = bin(&lab, &with(&lab.check_args(), &["--format", "csv"]));
    assert_eq!(code, 1, "{err}");
    let (_, json, _) = bin(&lab, &with(&lab.check_args(), &["--format", "json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("sAMAccountName,dn,reasons,predicted_event,predicted_portal")
    );
    let rows: Vec<&str> = lines.collect();
    assert_eq!(
        rows.len(),
        json["users"]["blocked"].as_array().unwrap().len()
    );
    let carol = format!("\"{}\"", lab.var("LAB_CAROL_DN"));
    assert!(
        rows.iter().any(|r| r.contains(&carol)
            && r.contains(&format!(
                "inheritance-disabled@{}",
                lab.var("LAB_BLOCKED_OU_DN")
            ))),
        "{csv}"
    );
    // Nothing is left of the rows' files beside the reports written above.
    assert!(
        std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .all(|e| !e.file_name().to_string_lossy().starts_with('.'))
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_report_speaks_the_language_asked_for_and_keeps_its_ids() {
    let Some(lab) = Lab::get() else { return };
    let json = |lang: &str| {
        let (code, out, err) = bin(
            &lab,
            &with(&lab.check_args(), &["--lang", lang, "--format", "json"]),
        );
        assert_eq!(code, 1, "{lang}: {err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap()
    };
    let (en, de) = (json("en-US"), json("de-DE"));
    assert_eq!(en["lang"], "en-US");
    assert_eq!(de["lang"], "de-DE");
    let data = |r: &serde_json::Value| -> Vec<(String, String, String, String)> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["id"].to_string(),
                    f["severity"].to_string(),
                    f["object"].to_string(),
                    f["values"].to_string(),
                )
            })
            .collect()
    };
    assert_eq!(
        data(&en),
        data(&de),
        "ids, severities, objects and values do not depend on the language"
    );
    let titles = |r: &serde_json::Value| -> Vec<String> {
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["title"].to_string())
            .collect()
    };
    let (te, td) = (titles(&en), titles(&de));
    assert!(
        te.iter().zip(&td).all(|(e, d)| e != d),
        "every title is translated: {td:?}"
    );
    assert!(
        de["verdict"].as_str().unwrap().starts_with("NICHT BEREIT"),
        "{}",
        de["verdict"]
    );
    for (format, marker) in [
        ("text", "NICHT BEREIT"),
        ("html", "<html lang=\"de-DE\">"),
        ("markdown", "NICHT BEREIT"),
    ] {
        let (code, out, err) = bin(
            &lab,
            &with(&lab.check_args(), &["--lang", "de-DE", "--format", format]),
        );
        assert_eq!(code, 1, "{format}: {err}");
        assert!(out.contains(marker), "{format}: {out}");
        assert!(
            !out.contains("READY:") && !out.contains("no problems found"),
            "{format}: {out}"
        );
    }
    // Without --lang the system's language counts; C is English.
    let args = lab.check_args();
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    for (lang, marker) in [("de_DE.UTF-8", "NICHT BEREIT"), ("C", "NOT READY")] {
        let (code, out, err) = run_bin(
            &argv,
            &[("ADMIN_PW", lab.var("LAB_ADMIN_PW")), ("LC_ALL", lang)],
        );
        assert_eq!(code, 1, "{lang}: {err}");
        assert!(out.contains(marker), "{lang}: {out}");
        assert!(!err.contains("locale"), "{lang}: {err}");
    }
}
