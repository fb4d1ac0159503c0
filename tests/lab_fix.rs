//! Fix it safely, end to end against the lab: plan shows the ACEs; apply writes them with a
//! backup; the connector really resets a password afterwards and could not before; restore
//! brings every touched value back byte for byte; apply twice adds nothing; Samba's own reader
//! sees exactly the intended ACEs; a crash mid-way is undone by restore; the policy options
//! really let users change passwords twice in a row.

mod common;

use std::path::PathBuf;

use common::{Lab, run_bin};
use writeback_wizard::ad::{Connection, controls};

fn tmp(name: &str) -> PathBuf {
    let p = tmp_keep(name);
    let _ = std::fs::remove_file(&p);
    p
}

/// A path in the test folder, keeping what is there.
fn tmp_keep(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ww-fix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn env(lab: &Lab) -> Vec<(&'static str, String)> {
    vec![
        ("ADMIN_PW", lab.var("LAB_ADMIN_PW").to_string()),
        ("MSOL_PW", lab.var("LAB_MSOL_PW").to_string()),
        ("USER_PW", lab.var("LAB_USER_PW").to_string()),
    ]
}

/// Runs the binary with the admin's (or `user`'s) connection arguments.
fn cli(
    lab: &Lab,
    cmd: &[&str],
    user: Option<(&str, &str)>,
    extra_env: &[(&str, &str)],
) -> (i32, String, String) {
    let (u, pw_var) = user.unwrap_or((lab.var("LAB_ADMIN_UPN"), "ADMIN_PW"));
    let mut args: Vec<&str> = cmd.to_vec();
    args.extend([
        "--server",
        lab.var("LAB_LDAPS_URL"),
        "--ca-file",
        lab.var("LAB_CA_FILE"),
        "--user",
        u,
        "--password-env",
        pw_var,
    ]);
    let e = env(lab);
    let mut envs: Vec<(&str, &str)> = e.iter().map(|(k, v)| (*k, v.as_str())).collect();
    envs.extend_from_slice(extra_env);
    run_bin(&args, &envs)
}

async fn raw_dacl(conn: &mut Connection, dn: &str) -> Vec<u8> {
    conn.read_security_descriptor(dn, controls::DACL)
        .await
        .unwrap()
        .unwrap()
        .raw
}

async fn attr(conn: &mut Connection, dn: &str, a: &str) -> Vec<String> {
    conn.read(dn, &[a], vec![])
        .await
        .unwrap()
        .map(|e| e.texts(a))
        .unwrap_or_default()
}

/// Puts test users' passwords back to the lab's password (as admin: a reset).
async fn reset_passwords(lab: &Lab, conn: &mut Connection, users: &[&str]) {
    for u in users {
        let dn = lab.var(&format!("LAB_{u}_DN"));
        let pw = writeback_wizard::ad::unicode_pwd(lab.var("LAB_USER_PW"));
        conn.replace(dn, "unicodePwd", vec![pw.to_vec()], vec![])
            .await
            .unwrap();
        conn.replace(dn, "pwdLastSet", vec![b"-1".to_vec()], vec![])
            .await
            .unwrap();
    }
}

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
    let msol = Some((lab.var("LAB_MSOL_UPN"), "MSOL_PW"));
    let mut failures: Vec<String> = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            failures.push(what);
        }
    };

    // Before: the check fails and the connector cannot reset bob.
    let (code, _, _) = cli(&lab, &["check"], None, &[]);
    expect(code == 1, format!("check before: exit {code}"));
    let (code, out, _) = cli(&lab, &canary, msol, &[]);
    expect(
        code == 1 && out.contains("✖ reset-password"),
        format!("canary before: {code} {out}"),
    );

    // The plan shows the ACEs at the root and on the protected OU.
    let plan_file = tmp("plan.json");
    let (code, _, err) = cli(
        &lab,
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
    let (code, out, err) = cli(
        &lab,
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
    let b: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&backup).unwrap_or_default()).unwrap_or_default();
    expect(
        b["schema"] == 2
            && b["domain_sid"] == lab.var("LAB_DOMAIN_SID")
            && b["entries"].as_array().is_some_and(|e| e.len() == 3),
        format!("backup: {b}"),
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
    let (code, out, _) = cli(&lab, &canary, msol, &[]);
    expect(
        code == 0
            && out.contains("✔ reset-password")
            && out.contains("✔ write-pwdlastset")
            && out.contains("✔ write-lockouttime"),
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

    // Applying again adds nothing (a fresh plan is empty; the saved one, re-planned, is a no-op).
    let (code, out, _) = cli(
        &lab,
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
    let (code, out, err) = cli(
        &lab,
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
        code == 0 && out.contains("0 change(s) written"),
        format!("re-applied plan: {out} {err}"),
    );
    expect(
        raw_dacl(&mut admin, &root).await == now_root,
        "no duplicate ACE".into(),
    );
    // Without --replan the moved object stops apply before anything is written.
    let (code, _, err) = cli(
        &lab,
        &[
            "apply",
            "--plan",
            plan_file.to_str().unwrap(),
            "--yes",
            "--backup",
            tmp("b4.json").to_str().unwrap(),
        ],
        None,
        &[],
    );
    expect(
        code == 2 && err.contains("changed since the plan"),
        format!("stale plan: {code} {err}"),
    );

    // Restore: every touched DACL byte for byte; twice is harmless.
    let (code, _, err) = cli(
        &lab,
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    expect(code == 0, format!("restore: {err}"));
    expect(
        raw_dacl(&mut admin, &root).await == originals[0],
        "root restored exactly".into(),
    );
    expect(
        raw_dacl(&mut admin, &blocked).await == originals[1],
        "OU=Blocked restored exactly".into(),
    );
    let (code, out, _) = cli(
        &lab,
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    expect(
        code == 0 && out.contains("Nothing to write"),
        format!("second restore: {out}"),
    );
    let (code, out, _) = cli(&lab, &canary, msol, &[]);
    expect(code == 1, format!("canary after restore: {out}"));

    reset_passwords(&lab, &mut admin, &["BOB"]).await;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

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
        cli(&lab, &argv, None, &env)
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
            if point == "backup-half-written" && (code != 2 || !err.contains("damaged")) {
                failures.push(format!(
                    "{point}: a half-written backup must be refused: {code} {err}"
                ));
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

#[tokio::test]
async fn policy_options_let_users_change_twice_and_restore_puts_the_ages_back() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let pso = lab.var("LAB_PSO_DN").to_string();
    let ages = [
        attr(&mut admin, &root, "minPwdAge").await,
        attr(&mut admin, &pso, "msDS-MinimumPasswordAge").await,
    ];
    let opts = writeback_wizard::ad::ConnectOptions {
        ca_file: Some(lab.var("LAB_CA_FILE").into()),
        ..writeback_wizard::ad::ConnectOptions::new(lab.var("LAB_LDAPS_URL"))
    };
    let pw = writeback_wizard::plan::verify::random_password;
    // alice is governed by the domain policy, bob by LabPSO: change twice in a row.
    async fn twice(
        lab: &Lab,
        opts: &writeback_wizard::ad::ConnectOptions,
        user: &str,
        pw: fn() -> Result<zeroize::Zeroizing<String>, getrandom::Error>,
    ) -> (u32, u32) {
        let dn = lab.var(&format!("LAB_{user}_DN"));
        let cred = writeback_wizard::ad::SimpleCredential {
            user: dn.to_string(),
            password: zeroize::Zeroizing::new(lab.var("LAB_USER_PW").to_string()),
        };
        let mut conn = Connection::simple(opts, &cred).await.unwrap();
        let (p1, p2) = (pw().unwrap(), pw().unwrap());
        let (first, _) = conn
            .change_password(dn, lab.var("LAB_USER_PW"), &p1)
            .await
            .unwrap();
        let (second, _) = conn.change_password(dn, &p1, &p2).await.unwrap();
        (first, second)
    }
    let before = [
        twice(&lab, &opts, "ALICE", pw).await,
        twice(&lab, &opts, "BOB", pw).await,
    ];
    reset_passwords(&lab, &mut admin, &["ALICE", "BOB"]).await;
    let backup = tmp("ages.json");
    let (code, _, err) = cli(
        &lab,
        &[
            "apply",
            "--min-password-age-zero",
            "--fix-pso",
            "LabPSO",
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
        ],
        None,
        &[],
    );
    let after = [
        twice(&lab, &opts, "ALICE", pw).await,
        twice(&lab, &opts, "BOB", pw).await,
    ];
    reset_passwords(&lab, &mut admin, &["ALICE", "BOB"]).await;
    let (rcode, _, rerr) = cli(
        &lab,
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    let restored = [
        attr(&mut admin, &root, "minPwdAge").await,
        attr(&mut admin, &pso, "msDS-MinimumPasswordAge").await,
    ];
    assert_eq!(code, 0, "apply: {err}");
    assert_eq!(rcode, 0, "restore: {rerr}");
    // Before: the password is too young to change (constraint violation, LDAP 19): the lab's
    // passwords were set moments ago, so already the first change is refused.
    assert_eq!(before[0].0, 19, "alice: too soon under the domain policy");
    assert_eq!(before[1].0, 19, "bob: too soon under LabPSO");
    assert_eq!(after, [(0, 0), (0, 0)], "both change twice after apply");
    assert_eq!(restored, ages, "restore put the ages back");
}

#[tokio::test]
async fn bad_backups_and_unprivileged_accounts_write_nothing() {
    use writeback_wizard::plan::backup::Backup;
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let before = raw_dacl(&mut admin, &root).await;
    let mut failures: Vec<String> = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            failures.push(what);
        }
    };

    // An account that may not write DACLs: a clear error before anything is written, no backup.
    let backup = tmp("alice.json");
    let alice = Some((lab.var("LAB_ALICE_DN"), "USER_PW"));
    let (code, _, err) = cli(
        &lab,
        &["apply", "--yes", "--backup", backup.to_str().unwrap()],
        alice,
        &[],
    );
    expect(
        code == 2 && err.contains("may not change") && err.contains("nothing was written"),
        format!("alice: {code} {err}"),
    );
    expect(!backup.exists(), "no backup, nothing written".into());
    expect(
        raw_dacl(&mut admin, &root).await == before,
        "alice wrote".into(),
    );

    // Make a real backup to damage.
    let good = tmp("good.json");
    let (code, _, err) = cli(
        &lab,
        &["apply", "--yes", "--backup", good.to_str().unwrap()],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let applied = raw_dacl(&mut admin, &root).await;
    let text = std::fs::read_to_string(&good).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&good).unwrap().permissions().mode() & 0o777;
        expect(mode == 0o600, format!("the backup is private: {mode:o}"));
    }
    let refuse = |name: &str, content: String, want: &str| -> Option<String> {
        let f = tmp(name);
        std::fs::write(&f, content).unwrap();
        let (code, _, err) = cli(
            &lab,
            &["restore", "--backup", f.to_str().unwrap(), "--yes"],
            None,
            &[],
        );
        (code != 2 || !err.contains(want) || !err.contains("nothing was written"))
            .then(|| format!("{name}: exit {code}: {err}"))
    };
    let sealed = |b: &mut Backup| {
        b.seal();
        serde_json::to_string_pretty(&*b).unwrap()
    };
    let good_backup: Backup = serde_json::from_str(&text).unwrap();
    let mut cases: Vec<Option<String>> = Vec::new();
    cases.push(refuse(
        "truncated.json",
        text[..text.len() / 2].to_string(),
        "damaged",
    ));
    // Edited without resealing: the checksum says so.
    cases.push(refuse(
        "edited.json",
        text.replace(lab.var("LAB_DOMAIN_SID"), "S-1-5-21-1-2-3"),
        "checksum",
    ));
    // Resealed for another domain.
    let mut foreign = good_backup.clone();
    foreign.domain_sid = "S-1-5-21-1-2-3".into();
    let foreign = sealed(&mut foreign);
    let f = tmp("foreign.json");
    std::fs::write(&f, foreign).unwrap();
    let (code, _, err) = cli(
        &lab,
        &["restore", "--backup", f.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    cases.push(
        (code != 2 || !err.contains("made for domain S-1-5-21-1-2-3") || !err.contains("--force"))
            .then(|| format!("foreign: {code} {err}")),
    );
    // Resealed to put Alice into Domain Admins: never something apply writes.
    let mut member = good_backup.clone();
    member.entries[0].dn = lab.var("LAB_DOMAIN_ADMINS_DN").to_string();
    member.entries[0].attribute = "member".into();
    member.entries[0].original_base64 = vec![writeback_wizard::sddl_input::encode_base64(
        lab.var("LAB_ALICE_DN").as_bytes(),
    )];
    cases.push(refuse(
        "member.json",
        sealed(&mut member),
        "never writes member",
    ));
    // Resealed with a root DACL "before" that holds Everyone:GenericAll: more than the grants.
    let mut everyone = good_backup.clone();
    let e = &mut everyone.entries[0];
    let mut sd =
        writeback_wizard::sd::SecurityDescriptor::from_bytes(&e.values().unwrap()[0]).unwrap();
    sd.dacl.acl_mut().unwrap().aces.insert(
        0,
        writeback_wizard::sd::sddl::parse_ace("(A;CI;GA;;;WD)", &Default::default()).unwrap(),
    );
    e.original_base64 = vec![writeback_wizard::sddl_input::encode_base64(
        &sd.to_bytes().unwrap(),
    )];
    cases.push(refuse(
        "everyone.json",
        sealed(&mut everyone),
        "more than the grants",
    ));
    for c in cases.into_iter().flatten() {
        expect(false, c);
    }
    expect(
        raw_dacl(&mut admin, &root).await == applied,
        "nothing was restored from the bad files".into(),
    );
    // An existing backup file is never overwritten.
    let (code, _, err) = cli(
        &lab,
        &[
            "apply",
            "--min-password-age-zero",
            "--yes",
            "--backup",
            good.to_str().unwrap(),
        ],
        None,
        &[],
    );
    expect(
        code == 2 && err.contains("already exists"),
        format!("overwrite: {code} {err}"),
    );

    let (code, _, err) = cli(
        &lab,
        &["restore", "--backup", good.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(raw_dacl(&mut admin, &root).await, before);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test]
async fn a_tampered_plan_file_is_refused_and_nothing_is_written() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let before = raw_dacl(&mut admin, &root).await;
    let plan_file = tmp("tamper-plan.json");
    let (code, _, err) = cli(
        &lab,
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
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&plan_file).unwrap();
    let mut plan: writeback_wizard::plan::Plan = serde_json::from_str(&text).unwrap();
    let try_apply = |name: &str, p: &writeback_wizard::plan::Plan| {
        let f = tmp(name);
        std::fs::write(&f, serde_json::to_string_pretty(p).unwrap()).unwrap();
        let b = tmp(&format!("{name}.backup"));
        let out = cli(
            &lab,
            &[
                "apply",
                "--plan",
                f.to_str().unwrap(),
                "--yes",
                "--backup",
                b.to_str().unwrap(),
            ],
            None,
            &[],
        );
        (out, b.exists())
    };
    // One extra (A;CI;GA;;;WD) at the root, the file resealed so only the shape can catch it.
    let writeback_wizard::plan::Action::AddAces { aces } = &mut plan.changes[0].action else {
        panic!("the root grant comes first")
    };
    aces.push("(A;CI;GA;;;WD)".into());
    writeback_wizard::plan::validate::seal(&mut plan);
    let ((code, _, err), backed_up) = try_apply("everyone.json", &plan);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("(A;CI;GA;;;WD)") && err.contains("nothing was written"),
        "{err}"
    );
    assert!(!backed_up);
    // The same edit without resealing: the checksum catches it first.
    let mut edited: writeback_wizard::plan::Plan = serde_json::from_str(&text).unwrap();
    edited.connector_sid = lab.var("LAB_ADMIN_SID").to_string();
    let ((code, _, err), _) = try_apply("edited.json", &edited);
    assert_eq!(code, 2);
    assert!(err.contains("checksum"), "{err}");
    // An attribute the tool never sets.
    let mut member: writeback_wizard::plan::Plan = serde_json::from_str(&text).unwrap();
    member.changes[0].action = writeback_wizard::plan::Action::SetAttribute {
        attribute: "member".into(),
        values: vec![lab.var("LAB_ALICE_DN").into()],
    };
    member.changes[0].dn = lab.var("LAB_DOMAIN_ADMINS_DN").into();
    writeback_wizard::plan::validate::seal(&mut member);
    let ((code, _, err), _) = try_apply("member.json", &member);
    assert_eq!(code, 2);
    assert!(err.contains("member"), "{err}");
    assert_eq!(
        raw_dacl(&mut admin, &root).await,
        before,
        "nothing was written"
    );
    // The untouched file applies, and what is shown is computed from the directory.
    let (code, out, err) = cli(
        &lab,
        &[
            "apply",
            "--plan",
            plan_file.to_str().unwrap(),
            "--yes",
            "--backup",
            tmp("ok.json").to_str().unwrap(),
        ],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("as it applies to the directory now")
            && out.contains("+ (OA;CIIO;CR;00299570"),
        "{out}"
    );
    let (code, _, err) = cli(
        &lab,
        &[
            "restore",
            "--backup",
            tmp_keep("ok.json").to_str().unwrap(),
            "--yes",
        ],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(raw_dacl(&mut admin, &root).await, before);
}

#[test]
fn plan_options_shape_the_change_set() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.blocking_lock();
    let plan = |extra: &[&str]| -> serde_json::Value {
        let mut cmd = vec!["plan", "--format", "json"];
        cmd.extend_from_slice(extra);
        let (code, out, err) = cli(&lab, &cmd, None, &[]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap()
    };
    let count_on = |p: &serde_json::Value, dn: &str| -> usize {
        p["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["dn"].as_str().unwrap().eq_ignore_ascii_case(dn))
            .map(|c| c["action"]["aces"].as_array().map_or(0, Vec::len))
            .sum()
    };
    let root = lab.var("LAB_BASE_DN");
    let blocked = lab.var("LAB_BLOCKED_OU_DN");
    let holder = format!("CN=AdminSDHolder,CN=System,{root}");
    assert_eq!(count_on(&plan(&["--inetorgperson", "never"]), root), 3);
    assert_eq!(count_on(&plan(&["--inetorgperson", "always"]), blocked), 6);
    let p = plan(&["--no-protected-containers"]);
    assert_eq!(count_on(&p, blocked), 0);
    assert!(
        p["not_fixed"].as_array().unwrap().iter().any(|n| {
            n["id"] == "inheritance-disabled"
                && n["object"] == blocked
                && n["code"] == "protected-containers-off"
        }),
        "{}",
        p["not_fixed"]
    );
    // The command line says it with its own flag; German too.
    for lang in ["en-US", "de-DE"] {
        let (code, out, err) = cli(
            &lab,
            &["plan", "--no-protected-containers", "--lang", lang],
            None,
            &[],
        );
        assert_eq!(code, 0, "{err}");
        assert!(
            out.lines()
                .any(|l| l.contains("inheritance-disabled")
                    && l.contains("--no-protected-containers")),
            "{lang}: {out}"
        );
    }
    let p = plan(&["--include-adminsdholder"]);
    assert_eq!(count_on(&p, &holder), 3);
    assert!(
        p["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("NOT RECOMMENDED")
    );
    assert_eq!(
        count_on(&plan(&[]), &holder),
        0,
        "AdminSDHolder never by default"
    );
    let (code, _, err) = cli(&lab, &["plan", "--fix-pso", "NoSuchPolicy"], None, &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("NoSuchPolicy") && err.contains("LabPSO"),
        "{err}"
    );
}

#[tokio::test]
async fn clearing_a_stale_admincount_enables_inheritance_and_restore_protects_again() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let gina = lab.var("LAB_GINA_DN").to_string();
    let (dacl, count) = (
        raw_dacl(&mut admin, &gina).await,
        attr(&mut admin, &gina, "adminCount").await,
    );
    assert_eq!(count, ["1"]);
    let backup = tmp("stale.json");
    let (code, out, err) = cli(
        &lab,
        &[
            "apply",
            "--clear-stale-admincount",
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
        ],
        None,
        &[],
    );
    let now = admin
        .read_security_descriptor(&gina, controls::DACL)
        .await
        .unwrap()
        .unwrap();
    let cleared = attr(&mut admin, &gina, "adminCount").await;
    let (check_code, check_out, _) = cli(&lab, &["check", "--format", "json"], None, &[]);
    let (rcode, _, rerr) = cli(
        &lab,
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("set adminCount to (none)")
            && out.contains("inheritance: disabled (P) → enabled"),
        "{out}"
    );
    assert!(cleared.is_empty(), "adminCount cleared: {cleared:?}");
    assert!(!now.sd.dacl_protected(), "inheritance enabled");
    assert!(
        now.sd
            .dacl
            .acl()
            .unwrap()
            .aces
            .iter()
            .any(|a| a.is_inherited()),
        "inherited ACEs arrived"
    );
    assert_eq!(check_code, 1);
    assert!(
        !check_out.contains("admincount-stale"),
        "the stale finding is gone"
    );
    assert_eq!(rcode, 0, "{rerr}");
    assert_eq!(raw_dacl(&mut admin, &gina).await, dacl);
    assert_eq!(attr(&mut admin, &gina, "adminCount").await, ["1"]);
}

#[tokio::test]
async fn apply_does_not_clear_an_admincount_that_is_no_longer_stale() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let gina = lab.var("LAB_GINA_DN").to_string();
    let root = lab.var("LAB_BASE_DN").to_string();
    let plan_file = tmp("stale-plan.json");
    let (code, _, err) = cli(
        &lab,
        &[
            "plan",
            "--clear-stale-admincount",
            "--format",
            "json",
            "-o",
            plan_file.to_str().unwrap(),
        ],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let before = raw_dacl(&mut admin, &root).await;
    // gina joins Domain Admins between plan and apply.
    let mut undo = common::Undo::default();
    let da = lab.var("LAB_DOMAIN_ADMINS_DN").to_string();
    let members = attr(&mut admin, &da, "member").await;
    let mut with: Vec<&str> = members.iter().map(String::as_str).collect();
    with.push(&gina);
    undo.set_attr(&mut admin, &da, "member", &with).await;
    let (code, _, err) = cli(
        &lab,
        &[
            "apply",
            "--plan",
            plan_file.to_str().unwrap(),
            "--yes",
            "--backup",
            tmp("stale-b.json").to_str().unwrap(),
        ],
        None,
        &[],
    );
    let count = attr(&mut admin, &gina, "adminCount").await;
    let after = raw_dacl(&mut admin, &root).await;
    undo.undo(&mut admin).await;
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("protected group again"), "{err}");
    assert_eq!(count, ["1"], "adminCount not cleared");
    assert_eq!(after, before, "nothing written");
}

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
    undo.prepend_ace(
        &mut admin,
        &users_ou,
        Ace::deny(
            AceFlags::CONTAINER_INHERIT,
            AccessMask::CONTROL_ACCESS,
            msol.clone(),
            Some(RESET_PASSWORD),
            None,
        ),
    )
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
    let (code, _, err) = cli(&lab, &cmd, None, &[]);
    let plan: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&plan_file).unwrap_or_default()).unwrap_or_default();
    let backup = tmp("nf-backup.json");
    let (acode, _, aerr) = cli(
        &lab,
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
    let (rcode, _, rerr) = cli(
        &lab,
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

#[tokio::test]
async fn restore_keeps_what_another_admin_changed_since_apply() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let before = raw_dacl(&mut admin, &root).await;
    let age = attr(&mut admin, &root, "minPwdAge").await;
    let backup = tmp("others.json");
    let (code, _, err) = cli(
        &lab,
        &[
            "apply",
            "--min-password-age-zero",
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
        ],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    // Another admin, after apply: an ACE of their own at the root, and minPwdAge set to 2 days.
    let theirs = writeback_wizard::sd::sddl::parse_ace(
        &format!("(A;;RC;;;{})", lab.var("LAB_SYNC_GROUP_SID")),
        &Default::default(),
    )
    .unwrap();
    let mut undo = common::Undo::default();
    undo.add_aces(&mut admin, &root, std::slice::from_ref(&theirs))
        .await;
    admin
        .replace(&root, "minPwdAge", vec![b"-1728000000000".to_vec()], vec![])
        .await
        .unwrap();
    // The whole original value is refused: it would undo their change.
    let (wcode, _, werr) = cli(
        &lab,
        &[
            "restore",
            "--whole",
            "--backup",
            backup.to_str().unwrap(),
            "--yes",
        ],
        None,
        &[],
    );
    let after_refusal = raw_dacl(&mut admin, &root).await;
    // The default restore takes back only the grants and keeps theirs.
    let (code, out, err) = cli(
        &lab,
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    let now = admin
        .read_security_descriptor(&root, writeback_wizard::ad::controls::DACL)
        .await
        .unwrap()
        .unwrap()
        .sd;
    let now_age = attr(&mut admin, &root, "minPwdAge").await;
    // Put the lab back: their ACE out, the age as it was.
    let mut sd = now.clone();
    writeback_wizard::sd::canonical::remove_explicit(
        sd.dacl.acl_mut().unwrap(),
        std::slice::from_ref(&theirs),
    );
    admin.write_dacl(&root, &sd).await.unwrap();
    admin
        .replace(
            &root,
            "minPwdAge",
            age.iter().map(|a| a.as_bytes().to_vec()).collect(),
            vec![],
        )
        .await
        .unwrap();
    let restored = raw_dacl(&mut admin, &root).await;
    let _ = undo;

    assert_eq!(wcode, 2, "{werr}");
    assert!(
        werr.contains("changed since apply") && werr.contains("--force"),
        "{werr}"
    );
    assert_ne!(
        after_refusal, before,
        "nothing was written by the refused whole restore"
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("- (OA;CIIO;CR;00299570") && out.contains("changes made since are kept"),
        "{out}"
    );
    assert!(
        out.contains("changed since apply (now -1728000000000); left as it is"),
        "{out}"
    );
    let aces = &now.dacl.acl().unwrap().aces;
    assert!(aces.contains(&theirs), "their ACE is kept");
    let msol: writeback_wizard::sd::Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    assert!(
        !aces
            .iter()
            .any(|a| !a.is_inherited() && a.sid() == Some(&msol)),
        "no grant left"
    );
    assert_eq!(now_age, ["-1728000000000"], "their minPwdAge is kept");
    assert_eq!(restored, before, "the lab is back as it was");
}
