//! The sync-server side against a stand-in PowerShell.
//!
//! Why a stand-in: Entra Connect's ADSync module exists only on Windows sync servers, and the
//! test machines run Debian. The stand-in is a small shell script placed where powershell.exe
//! would be: it decodes `-EncodedCommand` like PowerShell does, and answers the read script with
//! JSON of the shapes the ADSync cmdlets produce through our script (ConvertTo-Json), the enable
//! script with the read-back, and can fail or hang on request. The Rust side (process handling,
//! timeouts, JSON parsing, findings, refusal in staging mode) runs for real.

mod common;

use std::path::Path;

use common::stand_in;
use std::time::Duration;

use serde_json::{Value, json};
use writeback_wizard::check::Severity;
use writeback_wizard::syncserver::{self, ProcessPowerShell, PsError, SyncServerInfo};

fn healthy() -> Value {
    json!({
        "installed": true, "version": "2.4.131.0", "stagingModeEnabled": false, "syncCycleEnabled": true,
        "connectors": [
            {"name": "lab.example.test", "identifier": "c3a2f0e1-0000-4000-8000-000000000001", "type": "AD",
             "forestName": "lab.example.test", "forestLoginDomain": "LAB", "forestLoginUser": "MSOL_lab",
             "inclusions": ["OU=Users,OU=Lab,DC=lab,DC=example,DC=test", "OU=Blocked,OU=Lab,DC=lab,DC=example,DC=test"]},
            {"name": "contoso.onmicrosoft.com - AAD", "identifier": "b891884f-051e-4a83-95af-2544101c9083", "type": "Extensible2",
             "forestName": null, "forestLoginDomain": null, "forestLoginUser": null, "inclusions": []}
        ],
        "passwordWritebackEnabled": true, "restrictRemoteSam": null,
        "tls12": {"netSystemDefaultTlsVersions": 1, "netSchUseStrongCrypto": 1, "netWowSystemDefaultTlsVersions": 1,
                  "netWowSchUseStrongCrypto": 1, "clientEnabled": 1, "clientDisabledByDefault": 0},
        "errors": []
    })
}

fn with(mut v: Value, key: &str, value: Value) -> Value {
    v[key] = value;
    v
}

async fn read(ps: &ProcessPowerShell) -> SyncServerInfo {
    syncserver::read(ps).await.unwrap().expect("installed")
}

fn ids(
    info: Option<&SyncServerInfo>,
    outbound: &[(String, Result<(), String>)],
) -> Vec<(&'static str, Severity)> {
    syncserver::evaluate(info, outbound, None)
        .into_iter()
        .map(|f| (f.id.as_str(), f.severity))
        .collect()
}

#[tokio::test]
async fn no_powershell_means_not_installed_which_is_fine() {
    let ps = ProcessPowerShell {
        exe: Path::new("/nonexistent/powershell.exe").into(),
        timeout: Duration::from_secs(5),
    };
    assert!(syncserver::read(&ps).await.unwrap().is_none());
    assert_eq!(ids(None, &[]), [("sync-not-installed", Severity::Info)]);
    let (ps, _) = stand_in(
        "absent",
        &json!({"installed": false, "errors": []}),
        ("", 0),
        false,
    );
    let info = syncserver::read(&ps).await.unwrap().unwrap();
    assert_eq!(
        ids(Some(&info), &[]),
        [("sync-not-installed", Severity::Info)]
    );
    // A PowerShell that prints nothing (Wine's stub, a blocked output) is said in words.
    let (ps, dir) = stand_in("silent", &json!({}), ("", 0), false);
    std::fs::write(dir.join("read.json"), "").unwrap();
    let e = syncserver::read(&ps).await.unwrap_err().to_string();
    assert!(e.contains("printed nothing"), "{e}");
}

#[tokio::test]
async fn a_healthy_server_has_no_findings_and_prefills_the_wizard() {
    let (ps, dir) = stand_in("healthy", &healthy(), ("", 0), false);
    let info = read(&ps).await;
    let open = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let outbound = syncserver::probe_outbound(
        &[open.local_addr().unwrap().to_string()],
        Duration::from_secs(5),
    )
    .await;
    assert_eq!(ids(Some(&info), &outbound), []);
    let ad: Vec<_> = info.ad_connectors().collect();
    assert_eq!(ad.len(), 1);
    assert_eq!(ad[0].account().as_deref(), Some("LAB\\MSOL_lab"));
    assert_eq!(ad[0].inclusions.len(), 2);
    assert_eq!(
        info.entra_connector().unwrap().name,
        "contoso.onmicrosoft.com - AAD"
    );
    let sent = std::fs::read_to_string(dir.join("last-script.ps1")).unwrap();
    assert!(
        sent.contains("Import-Module ADSync") && sent.contains("ConvertTo-Json"),
        "the real read script went through"
    );
}

#[tokio::test]
async fn each_sync_server_finding_appears_with_its_cause() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed_addr = closed.local_addr().unwrap().to_string();
    drop(closed);
    let cases = [
        (
            with(healthy(), "stagingModeEnabled", json!(true)),
            "sync-staging-mode",
            Severity::Warning,
        ),
        (
            with(healthy(), "passwordWritebackEnabled", json!(false)),
            "writeback-disabled",
            Severity::Error,
        ),
        (
            with(
                healthy(),
                "restrictRemoteSam",
                json!("O:BAG:BAD:(A;;RC;;;BA)"),
            ),
            "restrict-remote-sam",
            Severity::Error,
        ),
        (
            with(
                healthy(),
                "tls12",
                json!({"netSystemDefaultTlsVersions": 1}),
            ),
            "tls12-disabled",
            Severity::Warning,
        ),
        (
            with(
                healthy(),
                "errors",
                json!([{"cmdlet": "Get-ADSyncScheduler", "message": "Access denied"}]),
            ),
            "read-incomplete",
            Severity::Warning,
        ),
    ];
    for (i, (json, id, sev)) in cases.into_iter().enumerate() {
        let (ps, _) = stand_in(&format!("case{i}"), &json, ("", 0), false);
        let info = read(&ps).await;
        assert_eq!(ids(Some(&info), &[]), [(id, sev)], "{id}");
    }
    let (ps, _) = stand_in("outbound", &healthy(), ("", 0), false);
    let info = read(&ps).await;
    let outbound =
        syncserver::probe_outbound(std::slice::from_ref(&closed_addr), Duration::from_secs(5))
            .await;
    let f = syncserver::evaluate(Some(&info), &outbound, None);
    assert_eq!(
        (f[0].id.as_str(), f[0].object.as_str()),
        ("outbound-blocked", closed_addr.as_str())
    );
}

#[tokio::test]
async fn enabling_writeback_reads_it_back_and_refuses_staging_servers() {
    let off = with(healthy(), "passwordWritebackEnabled", json!(false));
    let (ps, dir) = stand_in("enable", &off, (r#"{"enabled":true}"#, 0), false);
    let info = read(&ps).await;
    syncserver::enable_writeback(&ps, &info).await.unwrap();
    let sent = std::fs::read_to_string(dir.join("last-script.ps1")).unwrap();
    assert!(sent.contains("Set-ADSyncAADPasswordResetConfiguration -Connector 'contoso.onmicrosoft.com - AAD' -Enable $true"), "{sent}");

    let (ps, _) = stand_in("stays-off", &off, (r#"{"enabled":false}"#, 0), false);
    let err = syncserver::enable_writeback(&ps, &read(&ps).await)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("still off"), "{err}");

    let (ps, _) = stand_in(
        "cmdlet-fails",
        &off,
        (
            r#"{"cmdlet":"Set-ADSyncAADPasswordResetConfiguration","message":"The user is not a Global Administrator"}"#,
            3,
        ),
        false,
    );
    let err = syncserver::enable_writeback(&ps, &read(&ps).await)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, PsError::Cmdlet { cmdlet, .. } if cmdlet == "Set-ADSyncAADPasswordResetConfiguration"),
        "{err}"
    );
    assert!(err.to_string().contains("not a Global Administrator"));

    let staging = with(off, "stagingModeEnabled", json!(true));
    let (ps, dir) = stand_in("staging", &staging, ("", 0), false);
    let info = read(&ps).await;
    std::fs::remove_file(dir.join("last-script.ps1")).unwrap();
    let err = syncserver::enable_writeback(&ps, &info).await.unwrap_err();
    assert!(err.to_string().contains("staging mode"), "{err}");
    assert!(
        !dir.join("last-script.ps1").exists(),
        "nothing ran on a staging server"
    );
}

#[tokio::test]
async fn a_hanging_or_garbled_powershell_is_an_error_not_a_hang() {
    let (mut ps, _) = stand_in("hang", &healthy(), ("", 0), true);
    ps.timeout = Duration::from_secs(1);
    assert!(matches!(
        syncserver::read(&ps).await,
        Err(PsError::Timeout(1))
    ));
    let (ps, dir) = stand_in("garbled", &healthy(), ("", 0), false);
    std::fs::write(dir.join("read.json"), "WARNING: something\n{not json").unwrap();
    assert!(matches!(
        syncserver::read(&ps).await,
        Err(PsError::Output(_))
    ));
}

/// A Cloud Sync agent server: no Entra Connect (Import-Module ADSync fails, so the read stops
/// there), the provisioning agent read first.
fn agent_server(version: &str, status: &str) -> Value {
    json!({
        "installed": false, "errors": [],
        "cloudSyncAgent": {
            "installed": true, "version": version, "serviceStatus": status,
            "installDir": "C:\\Program Files\\Microsoft Azure AD Connect Provisioning Agent",
            "modulePresent": true, "errors": []
        }
    })
}

#[tokio::test]
async fn a_cloud_sync_agent_server_is_read_and_judged_by_the_agent_not_by_entra_connect() {
    use writeback_wizard::ad::connector::Engine;
    let (ps, dir) = stand_in(
        "agent",
        &agent_server("1.1.2505.0", "Running"),
        ("", 0),
        false,
    );
    let info = read_any(&ps).await;
    let sent = std::fs::read_to_string(dir.join("last-script.ps1")).unwrap();
    assert!(
        sent.find("AADConnectProvisioningAgent") < sent.find("Import-Module ADSync"),
        "the agent is read before ADSync, so a server without ADSync still reports it"
    );
    let agent = info.agent().expect("agent read");
    assert_eq!(agent.version.as_deref(), Some("1.1.2505.0"));
    let found = |info: &SyncServerInfo, engine| -> Vec<(&'static str, Severity)> {
        syncserver::evaluate(Some(info), &[], engine)
            .into_iter()
            .map(|f| (f.id.as_str(), f.severity))
            .collect()
    };
    // Cloud Sync serves the domain: no "Entra Connect is not installed", only the switch that
    // cannot be read back.
    assert_eq!(
        found(&info, Some(Engine::CloudSync)),
        [("agent-writeback-unconfirmed", Severity::Warning)]
    );
    let (ps, _) = stand_in(
        "old-agent",
        &agent_server("1.1.972.0", "Stopped"),
        ("", 0),
        false,
    );
    let old = read_any(&ps).await;
    let f = found(&old, Some(Engine::CloudSync));
    assert!(f.contains(&("agent-too-old", Severity::Error)), "{f:?}");
    assert!(f.contains(&("agent-stopped", Severity::Error)), "{f:?}");
    // Cloud Sync serves the domain and this server has neither: one piece of information.
    let (ps, _) = stand_in(
        "no-agent",
        &json!({"installed": false, "errors": []}),
        ("", 0),
        false,
    );
    let none = read_any(&ps).await;
    assert_eq!(
        found(&none, Some(Engine::CloudSync)),
        [("agent-not-installed", Severity::Info)]
    );
    assert_eq!(
        found(&none, Some(Engine::ConnectSync)),
        [("sync-not-installed", Severity::Info)]
    );
}

async fn read_any(ps: &ProcessPowerShell) -> SyncServerInfo {
    syncserver::read(ps)
        .await
        .unwrap()
        .expect("PowerShell answered")
}

#[tokio::test]
async fn cloud_sync_writeback_is_switched_on_with_the_password_on_stdin_never_in_the_script() {
    let password = zeroize::Zeroizing::new("Hybrid!Adm1n pass'word".to_string());
    let (ps, dir) = stand_in(
        "agent-enable",
        &agent_server("1.1.2505.0", "Running"),
        (r#"{"ran":true}"#, 0),
        false,
    );
    let info = read_any(&ps).await;
    syncserver::agent::enable_writeback(
        &ps,
        info.agent().unwrap(),
        "admin@contoso.onmicrosoft.com",
        &password,
    )
    .await
    .unwrap();
    let sent = std::fs::read_to_string(dir.join("last-script.ps1")).unwrap();
    assert!(sent.contains("Import-Module (Join-Path 'C:\\Program Files\\Microsoft Azure AD Connect Provisioning Agent' 'Microsoft.CloudSync.Powershell.dll')"), "{sent}");
    assert!(
        sent.contains(
            "Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true -Credential $cred"
        ),
        "{sent}"
    );
    assert!(
        sent.contains("PSCredential('admin@contoso.onmicrosoft.com', $secure)"),
        "{sent}"
    );
    assert!(!sent.contains("Adm1n"), "the password is not in the script");
    let line = std::fs::read_to_string(dir.join("stdin-line")).unwrap();
    std::fs::remove_file(dir.join("stdin-line")).unwrap();
    assert_eq!(
        line, *password,
        "the password arrives whole on standard input"
    );

    // The cmdlet's own refusal is said with its name.
    let (ps, _) = stand_in(
        "agent-refused",
        &agent_server("1.1.2505.0", "Running"),
        (
            r#"{"cmdlet":"Set-AADCloudSyncPasswordWritebackConfiguration","message":"AADSTS50076: multi-factor authentication required"}"#,
            3,
        ),
        false,
    );
    let info = read_any(&ps).await;
    let err = syncserver::agent::enable_writeback(&ps, info.agent().unwrap(), "admin@x", &password)
        .await
        .unwrap_err();
    assert!(
        matches!(&err, PsError::Cmdlet { cmdlet, .. } if cmdlet == "Set-AADCloudSyncPasswordWritebackConfiguration"),
        "{err}"
    );

    // Too old: refused before anything runs.
    let (ps, dir) = stand_in(
        "agent-old",
        &agent_server("1.1.972.0", "Running"),
        (r#"{"ran":true}"#, 0),
        false,
    );
    let info = read_any(&ps).await;
    std::fs::remove_file(dir.join("last-script.ps1")).unwrap();
    let err = syncserver::agent::enable_writeback(&ps, info.agent().unwrap(), "admin@x", &password)
        .await
        .unwrap_err();
    assert!(matches!(err, PsError::AgentTooOld { .. }), "{err}");
    assert!(
        !dir.join("last-script.ps1").exists(),
        "nothing ran for a too old agent"
    );
}
