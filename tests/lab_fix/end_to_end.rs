//! Plan, apply, verify as the connector, apply again and restore: the whole fix, end to end.

use super::*;

#[tokio::test]
async fn plan_apply_verify_restore_end_to_end() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let blocked = lab.var("LAB_BLOCKED_OU_DN").to_string();
    let originals = [
        raw_dacl(&mut admin, &root).await,
        raw_dacl(&mut admin, &blocked).await,
    ];
    let msol_sid = lab.var("LAB_MSOL_SID");
    let canary = ["verify-as-connector", "--canary", lab.var("LAB_BOB_DN")];
    let msol = Some((lab.var("LAB_MSOL_UPN"), lab.var("LAB_MSOL_PW")));
    let mut failures: Vec<String> = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            failures.push(what);
        }
    };

    // Before: the check fails and the connector cannot reset bob.
    let (code, _, _) = lab.cli(&["check"], None, &[]);
    expect(code == 1, format!("check before: exit {code}"));
    let (code, out, _) = lab.cli(&canary, msol, &[]);
    expect(
        code == 1 && out.contains("✖ Reset Password"),
        format!("canary before: {code} {out}"),
    );

    // The plan shows the ACEs at the root and on the protected OU.
    let plan_file = tmp("plan.json");
    let (code, _, err) = lab.cli(
        &[
            "plan",
            "--format",
            "json",
            "-o",
            plan_file.to_str().unwrap(),
        ],
        None,
        &[],
    );
    expect(code == 0, format!("plan: {err}"));
    let plan: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&plan_file).unwrap()).unwrap();
    let changes = plan["changes"].as_array().unwrap();
    let aces_on = |dn: &str| -> Vec<String> {
        changes
            .iter()
            .filter(|c| c["dn"] == dn)
            .flat_map(|c| c["action"]["aces"].as_array().cloned().unwrap_or_default())
            .map(|a| a.as_str().unwrap().to_string())
            .collect()
    };
    let want_root = format!(
        "(OA;CIIO;CR;00299570-246d-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;{msol_sid})"
    );
    expect(
        aces_on(&root).contains(&want_root),
        format!("root ACEs: {:?}", aces_on(&root)),
    );
    expect(
        aces_on(&root).len() == 6,
        "user and inetOrgPerson: 6 ACEs at the root".into(),
    );
    expect(aces_on(&blocked).len() == 3, "3 ACEs on OU=Blocked".into());
    expect(
        aces_on(lab.var("LAB_GINA_DN")).len() == 3,
        "3 ACEs on gina (stale adminCount, inheritance disabled)".into(),
    );
    expect(
        plan["not_fixed"].as_array().is_some_and(|n| {
            n.iter()
                .all(|x| x["id"] == "min-password-age" || x["id"] == "pso-min-password-age")
                && n.len() == 2
        }),
        format!(
            "only the opt-in policy changes are left: {}",
            plan["not_fixed"]
        ),
    );
    expect(
        changes
            .iter()
            .all(|c| !c["diff"].as_array().unwrap().is_empty()),
        "every change has a diff".into(),
    );

    // Apply the saved plan.
    let backup = tmp("backup.json");
    let (code, out, err) = lab.cli(
        &[
            "apply",
            "--plan",
            plan_file.to_str().unwrap(),
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
        ],
        None,
        &[],
    );
    expect(
        code == 0 && out.contains("To undo: writeback-wizard restore --backup"),
        format!("apply: {code} {err}"),
    );
    // The run's file lists the directory's backup beside it; the backup is authenticated.
    let run: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&backup).unwrap_or_default()).unwrap_or_default();
    expect(
        run["kind"] == "writeback-wizard run"
            && run["directories"][0]["domain_sid"] == lab.var("LAB_DOMAIN_SID")
            && run["mac"].as_str().is_some_and(|m| m.len() == 64),
        format!("run file: {run}"),
    );
    let listed = backup.with_file_name(run["directories"][0]["backup"].as_str().unwrap_or("-"));
    let b: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&listed).unwrap_or_default()).unwrap_or_default();
    expect(
        b["schema"] == 3
            && b["domain_sid"] == lab.var("LAB_DOMAIN_SID")
            && b["mac"].as_str().is_some_and(|m| m.len() == 64)
            && b["entries"].as_array().is_some_and(|e| e.len() == 3),
        format!("backup: {b}"),
    );

    // A baseline was taken after the run, beside its file; compared right away: no drift.
    let stamp = backup
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .replace("backup-", "");
    let baseline = backup.with_file_name(format!("baseline-{stamp}.json"));
    expect(
        out.contains(&format!("saved to {}", baseline.display())),
        format!("apply names its baseline: {out}"),
    );
    let drift = |lab: &Lab| {
        lab.cli(
            &[
                "check",
                "--baseline",
                baseline.to_str().unwrap(),
                "--format",
                "json",
            ],
            None,
            &[],
        )
    };
    let (code, out, err) = drift(&lab);
    expect(
        code == 0,
        format!("no drift right after apply: {code} {out} {err}"),
    );

    // Afterwards: ordinary users are ready, carol too (container grant), dave still protected.
    let o = {
        let opts = writeback_wizard::check::CheckOptions {
            page_size: 100,
            ..Default::default()
        };
        writeback_wizard::check::run(&mut admin, &opts, |_| {})
            .await
            .unwrap()
    };
    let reasons = |dn: &str| -> Vec<&'static str> {
        o.scan
            .blocked
            .iter()
            .find(|b| b.dn.eq_ignore_ascii_case(dn))
            .map(|b| b.reason_ids().into_iter().map(|i| i.as_str()).collect())
            .unwrap_or_default()
    };
    for u in ["ALICE", "BOB", "CAROL", "ERIN"] {
        let r = reasons(lab.var(&format!("LAB_{u}_DN")));
        expect(
            !r.iter()
                .any(|x| x.starts_with("right-") || *x == "inheritance-disabled"),
            format!("{u} still blocked by rights: {r:?}"),
        );
    }
    expect(
        o.scan
            .excluded
            .iter()
            .any(|x| x.dn.eq_ignore_ascii_case(lab.var("LAB_DAVE_DN"))),
        "dave excluded by design".into(),
    );
    expect(
        !o.findings
            .iter()
            .any(|f| f.id.as_str().starts_with("right-") || f.id == "inheritance-disabled"),
        "no rights findings".into(),
    );

    // The connector really can now.
    let (code, out, _) = lab.cli(&canary, msol, &[]);
    expect(
        code == 0
            && out.contains("✔ Reset Password")
            && out.contains("✔ write pwdLastSet")
            && out.contains("✔ write lockoutTime"),
        format!("canary after: {code} {out}"),
    );

    // Samba's own reader sees the intended ACEs on the root.
    let now_root = raw_dacl(&mut admin, &root).await;
    let samba = lab.oracle("decode", &[common::hex(&now_root)]);
    expect(
        samba[0].contains(&want_root),
        "Samba reads the Reset Password ACE".into(),
    );
    expect(
        samba[0].matches(msol_sid).count() == 6,
        format!("exactly 6 connector ACEs: {}", samba[0]),
    );

    // Applying again adds nothing: a fresh plan is empty, and the saved plan, planned again,
    // asks only for what is in place now (shown as such).
    let (code, out, _) = lab.cli(
        &[
            "apply",
            "--yes",
            "--backup",
            tmp("b2.json").to_str().unwrap(),
        ],
        None,
        &[],
    );
    expect(
        code == 0 && out.contains("Nothing to change"),
        format!("second apply: {out}"),
    );
    let (code, out, err) = lab.cli(
        &[
            "apply",
            "--plan",
            plan_file.to_str().unwrap(),
            "--replan",
            "--yes",
            "--backup",
            tmp("b3.json").to_str().unwrap(),
        ],
        None,
        &[],
    );
    expect(
        code == 0
            && out.contains("Nothing to change")
            && out.contains("already in the directory (nothing to write)"),
        format!("re-applied plan: {out} {err}"),
    );
    expect(
        !tmp_keep("b3.json").exists(),
        "no run file when nothing is written".into(),
    );
    expect(
        raw_dacl(&mut admin, &root).await == now_root,
        "no duplicate ACE".into(),
    );

    // Restore: every touched DACL byte for byte; twice is harmless.
    let (code, _, err) = lab.cli(
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    expect(code == 0, format!("restore: {err}"));
    // Against the baseline of the run, the restore is drift that blocks users: the root's
    // grants are gone, said with the root's descriptor change.
    let (code, out, _) = drift(&lab);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    expect(
        code == 1
            && v["drift"]["causes_new"]
                .as_object()
                .is_some_and(|c| c.keys().any(|k| k.starts_with("right-reset-password@")))
            && v["drift"]["changes"].as_array().is_some_and(|c| {
                c.iter().any(|c| {
                    c["object"] == root.to_ascii_lowercase()
                        && c["attribute"] == "nTSecurityDescriptor"
                })
            }),
        format!("drift after restore: {code} {out}"),
    );
    expect(
        raw_dacl(&mut admin, &root).await == originals[0],
        "root restored exactly".into(),
    );
    expect(
        raw_dacl(&mut admin, &blocked).await == originals[1],
        "OU=Blocked restored exactly".into(),
    );
    let (code, out, _) = lab.cli(
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    expect(
        code == 0 && out.contains("Nothing to write"),
        format!("second restore: {out}"),
    );
    let (code, out, _) = lab.cli(&canary, msol, &[]);
    expect(code == 1, format!("canary after restore: {out}"));

    reset_passwords(&lab, &mut admin, &["BOB"]).await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
