//! The happy path (sign in, test the connection, check, pilot, plan, configure, check again =
//! ready), then the restore path puts every value back; the log holds no secret.

use super::*;

/// Entra Connect as the stand-in reports it: installed, active, writeback off until enabled,
/// TLS 1.2 enforced.
fn sync_server(lab: &Lab, writeback: bool) -> serde_json::Value {
    json!({"installed": true, "version": "2.4.18.0", "stagingModeEnabled": false, "syncCycleEnabled": true,
    "passwordWritebackEnabled": writeback, "errors": [],
    "tls12": {"netSystemDefaultTlsVersions": 1, "netSchUseStrongCrypto": 1, "netWowSystemDefaultTlsVersions": 1,
              "netWowSchUseStrongCrypto": 1, "clientEnabled": 1, "clientDisabledByDefault": 0},
    "connectors": [
        {"name": "contoso.onmicrosoft.com - AAD", "identifier": "b891884f-051e-4a83-95af-2544101c9083", "type": "Extensible2"},
        {"name": "lab", "identifier": "1", "type": "AD", "forestName": lab.var("LAB_DNS_DOMAIN"),
         "forestLoginDomain": "LAB", "forestLoginUser": "MSOL_lab", "inclusions": []}
    ]})
}

async fn happy_path(
    lab: &Lab,
    server: &MockServer,
    dir: &Path,
    ps: writeback_wizard::syncserver::ProcessPowerShell,
) -> PathBuf {
    let mut h = Harness::new(Some(profile(lab, server, dir)), Some(ps)).await;
    assert!(h.w.shared.notice().is_none());
    // Welcome: Entra Connect found by the stand-in.
    h.assert_shows("2.4.18.0");
    h.click("Configure").await;
    assert_eq!(h.w.step, Step::Tasks);
    h.click("Next").await;

    // Connect to Microsoft Entra ID: device code against the stand-in.
    assert_eq!(h.w.step, Step::Entra);
    assert!(!h.next_enabled(), "Next waits for a sign-in");
    h.click("Sign in with a code").await;
    h.assert_shows("Signed in as Ada (ada@contoso.example) to Contoso.");
    h.assert_shows("Global Administrator");
    h.click("Next").await;

    // Connect your directories: the profile filled the server and user; the password is typed.
    assert_eq!(h.w.step, Step::Directory);
    h.type_password(lab.var("LAB_ADMIN_PW")).await;
    h.click("Test connection").await;
    h.assert_shows("Connected to");
    h.assert_shows("MSOL_lab");
    h.click("Next").await;

    // Domain and OU filtering: the tree loads lazily; the whole domain stays selected.
    assert_eq!(h.w.step, Step::Scope);
    h.assert_shows("Lab");
    h.send(Message::Scope(scope::Message::Expand(format!(
        "OU=Lab,{}",
        lab.var("LAB_BASE_DN")
    ))))
    .await;
    h.assert_shows("Blocked");
    h.click("Next").await;

    // Optional features.
    assert_eq!(h.w.step, Step::Features);
    h.click("Next").await;

    // Writeback prerequisites: the seeded lab is not ready.
    assert_eq!(h.w.step, Step::Checks);
    let a = h.first_assessment("the check finished");
    assert!(!a.report.ready);
    assert!(a.report.cloud.checked);
    let ids: Vec<&str> = a.report.findings.iter().map(|f| f.id.as_str()).collect();
    for id in [
        "right-reset-password",
        "inheritance-disabled",
        "min-password-age",
        "writeback-disabled",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert!(
        !ids.contains(&"cloud-license") && !ids.contains(&"outbound-blocked"),
        "{ids:?}"
    );
    h.assert_shows("Not ready:");
    h.assert_shows("Permissions");
    // The protected administrators are counted and named apart, not as blocked.
    let n = a.report.readiness;
    h.assert_shows(&format!(
        "ready for {} of {} users ({} protected administrators excluded by design, {} blocked)",
        n.ready, n.in_scope, n.excluded, n.blocked
    ));
    h.assert_shows(&format!(
        "Protected administrators, excluded by design ({})",
        n.excluded
    ));
    h.assert_shows(lab.var("LAB_DAVE_DN"));
    // Checking again reads only what changed since the first check: the same verdict.
    h.click("Check again").await;
    let again = h.first_assessment("checked again");
    assert_eq!(again.report.readiness, n);
    assert!(
        matches!(
            again.checked,
            Some(writeback_wizard::check::incremental::How::Incremental { .. })
        ),
        "{:?}",
        again.checked
    );
    h.assert_shows("Only what changed since the last check was read:");
    h.click("Next").await;

    // Pilot users: an AD group, user by user.
    assert_eq!(h.w.step, Step::Pilot);
    h.send(Message::Pilot(pilot::Message::Group(
        "LabPwdPolicyGroup".into(),
    )))
    .await;
    h.click("Check pilot group").await;
    let table = h.w.shared.pilot().cloned().expect("the pilot table");
    assert_eq!(table.rows.len(), 1, "{table:?}");
    h.assert_shows("bob");
    h.click("Next").await;

    // Ready to configure: fix the PSO too; the plan shows the ACEs with their diff.
    assert_eq!(h.w.step, Step::Ready);
    h.send(Message::Ready(ready::Message::FixPso(
        "LabPSO".into(),
        true,
    )))
    .await;
    let planned = h.w.shared.first().plan().cloned().expect("a plan");
    assert!(
        planned.plan.changes.len() >= 4,
        "{:?}",
        planned.plan.changes
    );
    h.click("1. Grant rights to the connector account").await;
    assert!(
        h.texts()
            .iter()
            .any(|t| t.starts_with("+ (OA;CIIO;CR;00299570")),
        "the diff is shown"
    );
    let backup = h.w.shared.backup_path().clone();
    assert!(backup.starts_with(dir), "{}", backup.display());
    h.click("Configure").await;

    // Configuring: runs to the end.
    assert_eq!(h.w.step, Step::Configuring);
    h.assert_shows("changes written and verified.");
    h.assert_shows("Password writeback is on in Entra Connect (read back and verified).");
    assert!(backup.exists());
    // The configuration's baseline, beside the run's file.
    let stamp = backup
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .replace("backup-", "");
    let baseline = backup.with_file_name(format!("baseline-{stamp}.json"));
    let baseline = baseline.display();
    h.assert_shows(&format!("saved to {baseline}"));
    h.click("Next").await;

    // Configuration complete: checked again, ready.
    assert_eq!(h.w.step, Step::Complete);
    let again = h.first_assessment("checked again");
    let errors: Vec<_> = again
        .report
        .findings
        .iter()
        .filter(|f| f.severity == writeback_wizard::check::Severity::Error)
        .collect();
    assert!(again.report.ready, "{errors:#?}");
    let n = again.report.readiness;
    assert_eq!(n.blocked, 0);
    assert!(n.excluded >= 1, "dave is excluded by design: {n:?}");
    h.assert_shows(&format!(
        "Ready for {} of {} users ({} protected administrators excluded by design, 0 blocked)",
        n.ready, n.in_scope, n.excluded
    ));
    h.assert_shows(&backup.display().to_string());
    // Export report (the save dialog answered by the test).
    let report = dir.join("report.json");
    h.dialogs.answer(Purpose::Report, Some(report.clone()));
    h.click("JSON").await;
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(r["ready"], true);
    assert_eq!(r["pilot"]["group"], "LabPwdPolicyGroup");
    backup
}

async fn restore_path(lab: &Lab, server: &MockServer, dir: &Path, backup: &Path) {
    let mut h = Harness::new(Some(profile(lab, server, dir)), None).await;
    h.click("Configure").await;
    h.send(Message::Tasks(tasks::Message::Choose(Flow::Restore)))
        .await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Directory);
    h.type_password(lab.var("LAB_ADMIN_PW")).await;
    h.click("Test connection").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Restore);
    assert!(!h.next_enabled());
    h.dialogs
        .answer(Purpose::Restore, Some(backup.to_path_buf()));
    h.click("Choose backup…").await;
    h.assert_shows(lab.var("LAB_BASE_DN"));
    h.click("Restore").await;
    h.assert_shows("Every value is back as it was, and verified.");
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Complete);
    h.assert_shows("Restore complete");

    // On Writeback prerequisites, "Compare with the last configuration": the restore took the
    // grants away again, and the drift since Configure says so, with the root's change.
    let (mut h, task) = to_checks(lab, server, dir).await;
    h.run(task).await;
    h.click("Compare with the last configuration").await;
    h.assert_shows("Since the last configuration");
    let root = lab.var("LAB_BASE_DN").to_ascii_lowercase();
    h.assert_shows(&format!("+ right-reset-password@{root}: new, blocks"));
    assert!(
        h.texts()
            .iter()
            .any(|t| t.starts_with(&format!("  @ {root}: nTSecurityDescriptor changed on"))),
        "the root's change, when and where"
    );
    h.snapshot("compare-with-last-configuration");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wizard_configures_the_lab_until_ready_and_restore_puts_it_back() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = fresh_dir("happy");
    let server = MockServer::start().await;
    common::entra_tenant(&server, true).await;
    let (ps, ps_dir) = common::stand_in(
        "gui",
        &sync_server(&lab, false),
        (r#"{"enabled":true}"#, 0),
        false,
    );
    std::fs::write(
        ps_dir.join("read-after-enable.json"),
        sync_server(&lab, true).to_string(),
    )
    .unwrap();

    let before = snapshot(&lab).await;
    let result = std::panic::AssertUnwindSafe(happy_path(&lab, &server, &dir, ps))
        .catch_unwind()
        .await;
    // Whatever happened, put the lab back from the backup (through the wizard when the flow
    // got that far, else through the CLI).
    let backup = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("backup-"))
        });
    match (&result, &backup) {
        (Ok(b), _) => restore_path(&lab, &server, &dir, b).await,
        (Err(_), Some(b)) => {
            let (code, out, err) = restore_by_cli(&lab, "LAB", b);
            eprintln!("restored after a failure: {code} {out} {err}");
        }
        (Err(_), None) => {}
    }
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    assert_eq!(
        snapshot(&lab).await,
        before,
        "restore put every value back byte for byte"
    );

    // The log tells the story, and holds no secret.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut log = String::new();
    for e in std::fs::read_dir(log_dir()).unwrap() {
        log.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap_or_default());
    }
    assert!(
        log.contains("configure: ") && log.contains("signed in to Microsoft Entra ID"),
        "{log}"
    );
    for secret in [
        lab.var("LAB_ADMIN_PW"),
        lab.var("LAB_MSOL_PW"),
        lab.var("LAB_USER_PW"),
        "SECRET-ACCESS-TOKEN",
        "SECRET-REFRESH",
    ] {
        assert!(!log.contains(secret), "a secret reached the log");
    }
}
