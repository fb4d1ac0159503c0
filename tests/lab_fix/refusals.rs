//! Refusals: bad backups, unprivileged accounts and tampered plan files write nothing.

use super::*;

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
    // In German, the whole sentence and its next step.
    let edited_file = tmp("edited-de.json");
    std::fs::write(&edited_file, serde_json::to_string_pretty(&edited).unwrap()).unwrap();
    let (code, _, err) = cli(
        &lab,
        &[
            "apply",
            "--lang",
            "de-DE",
            "--plan",
            edited_file.to_str().unwrap(),
            "--yes",
            "--backup",
            tmp("edited-de.backup").to_str().unwrap(),
        ],
        None,
        &[],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("Prüfsumme") && err.contains("nichts wurde geschrieben"),
        "{err}"
    );
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
