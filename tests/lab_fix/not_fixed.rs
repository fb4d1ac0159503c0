//! The plan's not_fixed is exactly what the DC still refuses after apply, tried as the connector.

use super::*;

/// What the connector really may do on each user, tried as the connector.
async fn dc_allows(
    lab: &Lab,
    admin: &mut Connection,
    users: &[&str],
) -> std::collections::BTreeMap<String, [bool; 4]> {
    let mut msol = lab.connector().await;
    let mut out = std::collections::BTreeMap::new();
    for u in users {
        let dn = lab.var(&format!("LAB_{u}_DN"));
        let mut row = [false; 4];
        for (i, op) in common::OPS.into_iter().enumerate() {
            row[i] = common::attempt(&mut msol, admin, dn, op, lab.var("LAB_USER_PW"))
                .await
                .unwrap();
        }
        out.insert(u.to_string(), row);
    }
    out
}

#[tokio::test]
async fn not_fixed_is_exactly_what_the_dc_still_refuses_after_apply() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let msol: writeback_wizard::sd::Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    let users_ou = lab.var("LAB_USERS_OU_DN").to_string();
    let frank = lab.var("LAB_FRANK_DN").to_string();
    let henry = lab.var("LAB_HENRY_DN").to_string();
    let mut undo = common::Undo::default();
    use writeback_wizard::sd::rights::*;
    use writeback_wizard::sd::{AccessMask, Ace, AceFlags};
    // henry: inheritance disabled, not an administrator. Then a deny of Reset Password on
    // OU=Users, and a deny of writing pwdLastSet on frank's own object.
    undo.protect(&mut admin, &henry).await;
    undo.prepend_ace(&mut admin, &users_ou, deny_reset(&msol))
        .await;
    undo.prepend_ace(
        &mut admin,
        &frank,
        Ace::deny(
            AceFlags(0),
            AccessMask::WRITE_PROPERTY,
            msol.clone(),
            Some(ATTR_PWD_LAST_SET),
            None,
        ),
    )
    .await;

    let plan_file = tmp("nf-plan.json");
    let policy = ["--min-password-age-zero", "--fix-pso", "LabPSO"];
    let mut cmd = vec![
        "plan",
        "--format",
        "json",
        "-o",
        plan_file.to_str().unwrap(),
    ];
    cmd.extend(policy);
    let (code, _, err) = lab.cli(&cmd, None, &[]);
    let plan: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&plan_file).unwrap_or_default()).unwrap_or_default();
    let backup = tmp("nf-backup.json");
    let (acode, _, aerr) = lab.cli(
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
    let after = {
        let opts = writeback_wizard::check::CheckOptions {
            page_size: 100,
            ..Default::default()
        };
        writeback_wizard::check::run(&mut admin, &opts, |_| {}).await
    };
    let all = ["ALICE", "BOB", "CAROL", "ERIN", "FRANK", "GINA", "HENRY"];
    let dc = dc_allows(&lab, &mut admin, &all).await;
    let (rcode, _, rerr) = lab.cli(
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    undo.undo(&mut admin).await;
    reset_passwords(&lab, &mut admin, &all).await;

    assert_eq!(code, 0, "plan: {err}");
    assert_eq!(acode, 0, "apply: {aerr}");
    assert_eq!(rcode, 0, "restore: {rerr}");
    let not_fixed: std::collections::BTreeSet<(String, String)> = plan["not_fixed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            (
                n["id"].as_str().unwrap().to_string(),
                n["object"].as_str().unwrap().to_ascii_lowercase(),
            )
        })
        .collect();
    let expected: std::collections::BTreeSet<(String, String)> = [
        ("right-denied".to_string(), users_ou.to_ascii_lowercase()),
        ("right-denied".to_string(), frank.to_ascii_lowercase()),
    ]
    .into_iter()
    .collect();
    assert_eq!(not_fixed, expected, "{}", plan["not_fixed"]);
    assert!(
        plan["not_fixed"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["evidence"]
                .as_array()
                .is_some_and(|e| e.iter().any(|x| x.as_str().unwrap().contains("(OD;")))),
        "each deny comes with the deciding ACE in SDDL: {}",
        plan["not_fixed"]
    );
    // After apply, a fresh check reports exactly the not_fixed items as errors.
    let after = after.unwrap();
    assert_eq!(common::errors(&after), not_fixed);
    assert_eq!(common::uncovered(&after), Vec::<String>::new());
    // And the DC agrees, user by user: refused exactly where a not_fixed deny decides.
    let want = |u: &str| -> [bool; 4] {
        match u {
            // OU=Users' deny of Reset Password (henry's inheritance is disabled, so not him).
            "ALICE" | "BOB" | "ERIN" => [false, true, true, true],
            // frank's own deny of writing pwdLastSet.
            "FRANK" => [true, false, false, true],
            _ => [true; 4],
        }
    };
    for (u, row) in &dc {
        assert_eq!(*row, want(u), "{u}: [reset, pls=0, pls=-1, lockout]");
        let blocked = after
            .scan
            .blocked
            .iter()
            .any(|b| b.dn.eq_ignore_ascii_case(lab.var(&format!("LAB_{u}_DN"))));
        assert_eq!(
            blocked,
            row.contains(&false),
            "{u}: the check agrees with the DC"
        );
    }
}
