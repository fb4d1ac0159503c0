//! The sync-server findings: `sync-not-installed` (info), `sync-staging-mode`,
//! `writeback-disabled`, `restrict-remote-sam`, `outbound-blocked`, `tls12-disabled`.
//!
//! Sources: "Troubleshoot self-service password reset writeback" (network endpoints on TCP 443,
//! staging mode, SSPR_0029 and RestrictRemoteSam), "TLS 1.2 enforcement for Microsoft Entra
//! Connect" (the registry values), "Tutorial: Enable … password writeback" (the switch).

use crate::check::FindingId;
use std::time::Duration;

use super::SyncServerInfo;
use crate::ad::connector::Engine;
use crate::check::{Finding, Severity};

/// Whether each `host:port` accepted a TCP connection within `timeout`.
pub async fn probe_outbound(
    targets: &[String],
    timeout: Duration,
) -> Vec<(String, Result<(), String>)> {
    let mut out = Vec::new();
    for t in targets {
        let r =
            match tokio::time::timeout(timeout, tokio::net::TcpStream::connect(t.as_str())).await {
                Ok(Ok(_)) => Ok(()),
                Ok(Err(e)) => Err(e.to_string()),
                Err(_) => Err(format!("no answer within {} s", timeout.as_secs())),
            };
        out.push((t.clone(), r));
    }
    out
}

/// The `host:443` targets the sync server must reach for writeback in `cloud`.
pub fn default_targets(cloud: crate::entra::Cloud) -> Vec<String> {
    cloud
        .writeback_endpoints()
        .iter()
        .map(|h| format!("{h}:443"))
        .collect()
}

/// The sync server's findings from what [`super::read`] returned (`read`): `targets` (see
/// [`default_targets`]; a proxy or a test may give others) are probed where Entra Connect or
/// Cloud Sync's agent is installed. A failed read is a `read-incomplete` warning, not an error:
/// the directory checks still stand.
pub async fn assess_read(
    read: Result<Option<SyncServerInfo>, super::PsError>,
    targets: &[String],
    engine: Option<Engine>,
) -> (Option<SyncServerInfo>, Vec<Finding>) {
    let mut findings = Vec::new();
    let info = match read {
        Ok(info) => info,
        Err(e) => {
            findings.push(
                Finding::new(FindingId::ReadIncomplete, Severity::Warning, "sync server")
                    .text(crate::check::Wording::ReadIncompleteSync)
                    .arg("reason", crate::check::finding::Arg::PowerShell(e)),
            );
            None
        }
    };
    let outbound = if info
        .as_ref()
        .is_some_and(|i| i.installed || i.agent().is_some())
    {
        probe_outbound(targets, Duration::from_secs(10)).await
    } else {
        Vec::new()
    };
    findings.extend(evaluate(info.as_ref(), &outbound, engine));
    (info, findings)
}

/// The findings for a sync server (`None`: PowerShell is not there) and the outbound probe
/// results. `engine` is the one that serves the domain (from its connector account): where it
/// is Cloud Sync, the provisioning agent is checked and a missing Entra Connect is no finding.
pub fn evaluate(
    info: Option<&SyncServerInfo>,
    outbound: &[(String, Result<(), String>)],
    engine: Option<Engine>,
) -> Vec<Finding> {
    let agent = info.and_then(|i| i.agent());
    let mut out = super::agent::evaluate(agent, engine);
    let connect = info.filter(|i| i.installed);
    match connect {
        Some(info) => out.extend(evaluate_connect(info)),
        // The agent serves writeback here: Entra Connect is not needed on this computer.
        None if agent.is_some() || engine == Some(Engine::CloudSync) => {}
        None => out.push(Finding::new(
            FindingId::SyncNotInstalled,
            Severity::Info,
            "this computer",
        )),
    }
    for (target, result) in outbound {
        if let Err(e) = result {
            out.push(
                Finding::new(FindingId::OutboundBlocked, Severity::Error, target)
                    .arg("target", target)
                    .evidence(e.clone()),
            );
        }
    }
    out
}

/// Entra Connect's own findings.
fn evaluate_connect(info: &SyncServerInfo) -> Vec<Finding> {
    let mut out = Vec::new();
    let server = "sync server";
    for e in &info.errors {
        out.push(
            Finding::new(FindingId::ReadIncomplete, Severity::Warning, server)
                .text(crate::check::Wording::ReadIncompleteCmdlet)
                .arg("cmdlet", &e.cmdlet)
                .evidence(e.message.clone()),
        );
    }
    if info.staging_mode_enabled == Some(true) {
        out.push(Finding::new(
            FindingId::SyncStagingMode,
            Severity::Warning,
            server,
        ));
    }
    match (info.password_writeback_enabled, info.entra_connector()) {
        (Some(true), _) => {}
        (_, None) => out.push(
            Finding::new(FindingId::WritebackDisabled, Severity::Error, server)
                .text(crate::check::Wording::WritebackDisabledNoConnector),
        ),
        (_, Some(c)) => out.push(
            Finding::new(FindingId::WritebackDisabled, Severity::Error, &c.name)
                .arg("connector", &c.name),
        ),
    }
    if let Some(v) = &info.restrict_remote_sam {
        out.push(
            Finding::new(
                FindingId::RestrictRemoteSam,
                Severity::Error,
                r"HKLM\System\CurrentControlSet\Control\Lsa",
            )
            .arg("value", v),
        );
    }
    let t = &info.tls12;
    let strong = [
        t.net_system_default_tls_versions,
        t.net_sch_use_strong_crypto,
        t.net_wow_system_default_tls_versions,
        t.net_wow_sch_use_strong_crypto,
    ]
    .iter()
    .all(|v| *v == Some(1));
    let client_off = t.client_enabled == Some(0) || t.client_disabled_by_default == Some(1);
    if !strong || client_off {
        out.push(
            Finding::new(FindingId::Tls12Disabled, Severity::Warning, server)
                .evidence(format!("SystemDefaultTlsVersions/SchUseStrongCrypto (64- and 32-bit) = {:?}/{:?}/{:?}/{:?}; TLS 1.2 client Enabled/DisabledByDefault = {:?}/{:?}",
                    t.net_system_default_tls_versions, t.net_sch_use_strong_crypto, t.net_wow_system_default_tls_versions, t.net_wow_sch_use_strong_crypto, t.client_enabled, t.client_disabled_by_default)),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::evaluate;
    use crate::check::finding::Arg;
    use crate::check::{FindingId, Severity};
    use crate::syncserver::{CmdletError, Connector, ENTRA_CONNECTOR_ID, SyncServerInfo, Tls12};

    /// An installed, active server with writeback on and TLS 1.2 enforced.
    fn healthy() -> SyncServerInfo {
        SyncServerInfo {
            installed: true,
            version: Some("2.4.18.0".into()),
            staging_mode_enabled: Some(false),
            sync_cycle_enabled: Some(true),
            connectors: vec![Connector {
                name: "contoso.onmicrosoft.com - AAD".into(),
                identifier: ENTRA_CONNECTOR_ID.into(),
                connector_type: "Extensible2".into(),
                ..Connector::default()
            }],
            password_writeback_enabled: Some(true),
            restrict_remote_sam: None,
            tls12: Tls12 {
                net_system_default_tls_versions: Some(1),
                net_sch_use_strong_crypto: Some(1),
                net_wow_system_default_tls_versions: Some(1),
                net_wow_sch_use_strong_crypto: Some(1),
                client_enabled: None,
                client_disabled_by_default: None,
            },
            errors: Vec::new(),
            cloud_sync_agent: None,
            sync_rules: None,
        }
    }

    fn ids(info: &SyncServerInfo) -> Vec<(FindingId, Severity)> {
        evaluate(Some(info), &[], None)
            .iter()
            .map(|f| (f.id, f.severity))
            .collect()
    }

    #[test]
    fn a_healthy_server_has_nothing_to_say() {
        assert_eq!(ids(&healthy()), []);
    }

    #[test]
    fn not_installed_is_information_only() {
        let out = evaluate(None, &[], None);
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].id, out[0].severity),
            (FindingId::SyncNotInstalled, Severity::Info)
        );
        let mut info = healthy();
        info.installed = false;
        assert_eq!(ids(&info), [(FindingId::SyncNotInstalled, Severity::Info)]);
    }

    #[test]
    fn staging_mode_and_writeback_off_name_the_connector() {
        let mut info = healthy();
        info.staging_mode_enabled = Some(true);
        info.password_writeback_enabled = Some(false);
        let out = evaluate(Some(&info), &[], None);
        assert_eq!(out[0].id, FindingId::SyncStagingMode);
        assert_eq!(out[1].id, FindingId::WritebackDisabled);
        assert_eq!(
            out[1].get("connector"),
            Some(&Arg::Text("contoso.onmicrosoft.com - AAD".into()))
        );
        info.connectors.clear();
        let out = evaluate(Some(&info), &[], None);
        assert_eq!(
            out[1].text,
            crate::check::Wording::WritebackDisabledNoConnector
        );
    }

    #[test]
    fn restrict_remote_sam_and_each_missing_tls_value_are_found() {
        let mut info = healthy();
        info.restrict_remote_sam = Some("O:BAG:BAD:(A;;RC;;;BA)".into());
        assert_eq!(
            ids(&info),
            [(FindingId::RestrictRemoteSam, Severity::Error)]
        );
        for i in 0..4 {
            let mut info = healthy();
            let t = &mut info.tls12;
            *[
                &mut t.net_system_default_tls_versions,
                &mut t.net_sch_use_strong_crypto,
                &mut t.net_wow_system_default_tls_versions,
                &mut t.net_wow_sch_use_strong_crypto,
            ][i] = None;
            assert_eq!(
                ids(&info),
                [(FindingId::Tls12Disabled, Severity::Warning)],
                "{i}"
            );
        }
        let mut info = healthy();
        info.tls12.client_disabled_by_default = Some(1);
        assert_eq!(ids(&info), [(FindingId::Tls12Disabled, Severity::Warning)]);
    }

    #[test]
    fn failed_cmdlets_and_unreachable_endpoints_are_reported_with_their_evidence() {
        let mut info = healthy();
        info.errors.push(CmdletError {
            cmdlet: "Get-ADSyncScheduler".into(),
            message: "Access denied".into(),
        });
        let outbound = vec![
            (
                "ssprdedicatedsbprodncu.servicebus.windows.net:443".to_string(),
                Ok(()),
            ),
            (
                "passwordreset.microsoftonline.com:443".to_string(),
                Err("timed out".to_string()),
            ),
        ];
        let out = evaluate(Some(&info), &outbound, None);
        assert_eq!(out.len(), 2, "{out:?}");
        assert_eq!(out[0].text, crate::check::Wording::ReadIncompleteCmdlet);
        assert_eq!(out[0].evidence, ["Access denied"]);
        assert_eq!(out[1].id, FindingId::OutboundBlocked);
        assert_eq!(out[1].object, "passwordreset.microsoftonline.com:443");
        assert_eq!(out[1].evidence, ["timed out"]);
    }
}
