//! The crash test: a kill at any step of apply or restore is undone by restore.

use super::*;

/// Everything apply and restore may touch in the lab, as bytes.
async fn lab_state(lab: &Lab, admin: &mut Connection) -> Vec<Vec<u8>> {
    let root = lab.var("LAB_BASE_DN");
    let mut out = Vec::new();
    for dn in [root, lab.var("LAB_BLOCKED_OU_DN"), lab.var("LAB_GINA_DN")] {
        out.push(raw_dacl(admin, dn).await);
    }
    out.push(attr(admin, root, "minPwdAge").await.join("").into_bytes());
    out.push(
        attr(admin, lab.var("LAB_PSO_DN"), "msDS-MinimumPasswordAge")
            .await
            .join("")
            .into_bytes(),
    );
    out
}

/// The crash test: the process is killed at every step of apply (before and during the backup
/// write, before and after each object) and of restore (before and after each object); each
/// time, restore brings every value back and a second restore has nothing left to do. Needs
/// the test-only `fault-injection` feature (scripts/test builds the tests with it).
#[tokio::test]
async fn a_kill_anywhere_in_apply_or_restore_is_undone_by_restore() {
    let Some(lab) = Lab::get() else { return };
    if !writeback_wizard::faults::ENABLED {
        let msg = "the crash test needs `--features fault-injection` (scripts/test builds it)";
        if std::env::var("WW_REQUIRE_LAB").is_ok_and(|v| v == "1") {
            panic!("{msg}");
        }
        eprintln!("SKIPPED: {msg}");
        return;
    }
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let before = lab_state(&lab, &mut admin).await;
    let apply_args = |backup: &std::path::Path| -> Vec<String> {
        [
            "apply",
            "--min-password-age-zero",
            "--fix-pso",
            "LabPSO",
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let run = |args: &[String], fault: Option<&str>| {
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let env: Vec<(&str, &str)> = fault.map(|f| vec![("WW_FAULT", f)]).unwrap_or_default();
        lab.cli(&argv, None, &env)
    };
    let restore_args = |backup: &std::path::Path| -> Vec<String> {
        ["restore", "--backup", backup.to_str().unwrap(), "--yes"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    };
    // Five values: the root, OU=Blocked and gina's DACLs, minPwdAge, the PSO's age.
    let groups = 5;
    let mut apply_points = vec![
        "before-backup".to_string(),
        "backup-half-written".to_string(),
    ];
    for i in 0..groups {
        apply_points.push(format!("before-{i}"));
        apply_points.push(format!("after-{i}"));
    }
    let mut failures = Vec::new();
    for (n, point) in apply_points.iter().enumerate() {
        let backup = tmp(&format!("kill-apply-{n}.json"));
        let (code, _, err) = run(&apply_args(&backup), Some(point));
        if code == 0 || !err.contains(&format!("fault injected at {point}")) {
            failures.push(format!("apply did not die at {point}: exit {code}: {err}"));
            continue;
        }
        let (code, out, err) = run(&restore_args(&backup), None);
        let nothing_written =
            point == "before-backup" || point == "backup-half-written" || point == "before-0";
        if nothing_written {
            // No write happened: the directory is as it was, whatever the backup file is.
            if lab_state(&lab, &mut admin).await != before {
                failures.push(format!("{point}: something was written"));
            }
            // The run's file lists a backup only once it is whole: restoring the run has
            // nothing to do, and the half-written file itself is refused.
            if code != 0 || !out.contains("Nothing to write") {
                failures.push(format!("{point}: restore of the run: {code} {out} {err}"));
            }
            if point == "backup-half-written" {
                let half = writeback_wizard::engine::write::manifest::backup_path(
                    &backup,
                    1,
                    "lab.example.test",
                );
                let (code, _, err) = run(&restore_args(&half), None);
                if code != 2 || !err.contains("damaged") {
                    failures.push(format!(
                        "{point}: a half-written backup must be refused: {code} {err}"
                    ));
                }
            }
            continue;
        }
        if code != 0 {
            failures.push(format!("{point}: restore failed: {err}"));
            continue;
        }
        if lab_state(&lab, &mut admin).await != before {
            failures.push(format!(
                "{point}: restore did not bring every value back: {out}"
            ));
        }
        let (code, out, _) = run(&restore_args(&backup), None);
        if code != 0 || !out.contains("Nothing to write") {
            failures.push(format!("{point}: a second restore still had work: {out}"));
        }
    }
    for k in 0..groups {
        for point in [format!("restore-before-{k}"), format!("restore-after-{k}")] {
            let backup = tmp(&format!("kill-{point}.json"));
            let (code, _, err) = run(&apply_args(&backup), None);
            if code != 0 {
                failures.push(format!("{point}: apply failed: {err}"));
                break;
            }
            let (code, _, err) = run(&restore_args(&backup), Some(&point));
            if code == 0 || !err.contains("fault injected") {
                failures.push(format!("restore did not die at {point}: {code} {err}"));
            }
            let (code, _, err) = run(&restore_args(&backup), None);
            if code != 0 {
                failures.push(format!("{point}: the restore after the kill failed: {err}"));
            }
            if lab_state(&lab, &mut admin).await != before {
                failures.push(format!("{point}: not every value is back"));
            }
            let (_, out, _) = run(&restore_args(&backup), None);
            if !out.contains("Nothing to write") {
                failures.push(format!("{point}: a further restore still had work: {out}"));
            }
        }
    }
    reset_passwords(&lab, &mut admin, &[]).await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
