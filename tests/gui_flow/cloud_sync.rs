//! The Cloud Sync path: on a provisioning agent server (no Entra Connect) the wizard takes it by
//! itself, skips Connect's Optional features, and Configure switches Cloud Sync's writeback on
//! through the agent's cmdlet, the Hybrid Identity Administrator's password on PowerShell's
//! standard input. The directory is put back from the backup afterwards.

use super::*;

fn agent_server() -> serde_json::Value {
    json!({"installed": false, "errors": [], "cloudSyncAgent": {
        "installed": true, "version": "1.1.2505.0", "serviceStatus": "Running",
        "installDir": "C:\\Program Files\\Microsoft Azure AD Connect Provisioning Agent",
        "modulePresent": true, "errors": []}})
}

async fn cloud_sync_path(
    lab: &Lab,
    server: &MockServer,
    dir: &Path,
    ps: writeback_wizard::syncserver::ProcessPowerShell,
) {
    let mut h = Harness::new(Some(profile(lab, server, dir)), Some(ps)).await;
    h.assert_shows("1.1.2505.0");
    assert_eq!(
        h.w.shared.flow(),
        Flow::CloudSync,
        "an agent server takes the Cloud Sync path"
    );
    h.click("Configure").await;
    assert_eq!(h.w.step, Step::Tasks);
    h.assert_shows("The same checks and fixes for Cloud Sync");
    assert!(!h.shows("Optional features"), "not on the Cloud Sync path");
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Entra);
    h.click("Sign in with a code").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Directory);
    h.type_password(lab.var("LAB_ADMIN_PW")).await;
    h.click("Test connection").await;
    h.assert_shows("Connected to");
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Scope);
    h.click("Next").await;
    // No Optional features page of Connect's on this path.
    assert_eq!(h.w.step, Step::Checks);
    let a = h.first_assessment("the check finished");
    let ids: Vec<&str> = a.report.findings.iter().map(|f| f.id.as_str()).collect();
    assert!(ids.contains(&"agent-writeback-unconfirmed"), "{ids:?}");
    assert!(!ids.contains(&"sync-not-installed"), "{ids:?}");
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Pilot);
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Ready);
    h.assert_shows("Entra Cloud Sync");
    h.send(Message::Ready(ready::Message::EnableWriteback(true)))
        .await;
    assert!(
        !h.next_enabled(),
        "Configure waits for the administrator's sign-in"
    );
    h.send(Message::Ready(ready::Message::HybridAdmin(
        "hybrid@contoso.example".into(),
    )))
    .await;
    h.send(Message::Ready(ready::Message::HybridAdminPassword(
        writeback_wizard::gui::pages::Secret(Zeroizing::new("Hybrid!Secret#7".into())),
    )))
    .await;
    h.click("Configure").await;
    assert_eq!(h.w.step, Step::Configuring);
    h.assert_shows("Set-AADCloudSyncPasswordWritebackConfiguration ran without an error.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_an_agent_server_the_wizard_switches_cloud_sync_writeback_on() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = fresh_dir("cloud-sync");
    let server = MockServer::start().await;
    common::entra_tenant(&server, true).await;
    let (ps, ps_dir) = common::stand_in(
        "gui-cloud-sync",
        &agent_server(),
        (r#"{"ran":true}"#, 0),
        false,
    );
    let before = snapshot(&lab).await;
    let result = std::panic::AssertUnwindSafe(cloud_sync_path(&lab, &server, &dir, ps))
        .catch_unwind()
        .await;
    // Put the lab back from the backup, whatever happened.
    if let Some(b) = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("backup-"))
        })
    {
        let (code, out, err) = restore_by_cli(&lab, "LAB", &b);
        assert_eq!(code, 0, "restore: {out} {err}");
    }
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    assert_eq!(snapshot(&lab).await, before, "restored byte for byte");
    let sent = std::fs::read_to_string(ps_dir.join("last-script.ps1")).unwrap();
    assert!(
        sent.contains(
            "Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true -Credential $cred"
        ),
        "{sent}"
    );
    assert!(
        sent.contains("PSCredential('hybrid@contoso.example', $secure)"),
        "{sent}"
    );
    assert!(
        !sent.contains("Hybrid!Secret#7"),
        "the password is not in the script"
    );
    assert_eq!(
        std::fs::read_to_string(ps_dir.join("stdin-line")).unwrap(),
        "Hybrid!Secret#7"
    );
}
