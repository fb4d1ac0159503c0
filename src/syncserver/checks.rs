//! The sync-server findings: `sync-not-installed` (info), `sync-staging-mode`,
//! `writeback-disabled`, `restrict-remote-sam`, `outbound-blocked`, `tls12-disabled`.
//!
//! Sources: "Troubleshoot self-service password reset writeback" (network endpoints on TCP 443,
//! staging mode, SSPR_0029 and RestrictRemoteSam), "TLS 1.2 enforcement for Microsoft Entra
//! Connect" (the registry values), "Tutorial: Enable … password writeback" (the switch).

use crate::check::FindingId;
use std::time::Duration;

use super::SyncServerInfo;
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

/// Reads the sync server through `ps`, probes `targets` (see [`default_targets`]; a proxy or a
/// test may give others) when Entra Connect is installed, and returns what was read with its
/// findings. A failed read is a `read-incomplete` warning, not an error: the directory checks
/// still stand.
pub async fn assess(
    ps: &impl super::PowerShell,
    targets: &[String],
) -> (Option<SyncServerInfo>, Vec<Finding>) {
    let mut findings = Vec::new();
    let info = match super::read(ps).await {
        Ok(info) => info,
        Err(e) => {
            findings.push(
                Finding::new(FindingId::ReadIncomplete, Severity::Warning, "sync server")
                    .title("The sync server could not be read")
                    .detail(e.to_string())
                    .fix("Run in an elevated PowerShell session as a member of ADSyncAdmins."),
            );
            None
        }
    };
    let outbound = if info.as_ref().is_some_and(|i| i.installed) {
        probe_outbound(targets, Duration::from_secs(10)).await
    } else {
        Vec::new()
    };
    findings.extend(evaluate(info.as_ref(), &outbound));
    (info, findings)
}

/// The findings for a sync server (`None`: not installed here) and the outbound probe results.
pub fn evaluate(
    info: Option<&SyncServerInfo>,
    outbound: &[(String, Result<(), String>)],
) -> Vec<Finding> {
    let Some(info) = info.filter(|i| i.installed) else {
        return vec![
            Finding::new(FindingId::SyncNotInstalled, Severity::Info, "this computer")
                .title("Entra Connect is not installed on this computer")
                .detail("Normal on a consultant's laptop: the sync-server checks (staging mode, the writeback switch, RestrictRemoteSam, TLS 1.2, outbound 443) need to run on the sync server.")
                .fix("Run the check on the Entra Connect server to include them."),
        ];
    };
    let mut out = Vec::new();
    let server = "sync server";
    for e in &info.errors {
        out.push(
            Finding::new(FindingId::ReadIncomplete, Severity::Warning, server)
                .title(format!("{} failed on the sync server", e.cmdlet))
                .detail(e.message.clone())
                .fix("Run as a member of ADSyncAdmins, in an elevated PowerShell session."),
        );
    }
    if info.staging_mode_enabled == Some(true) {
        out.push(
            Finding::new(FindingId::SyncStagingMode, Severity::Warning, server)
                .title("This Entra Connect server is in staging mode")
                .detail("A staging server does not export; password writeback is serviced by the active server.")
                .fix("Enable writeback on the active Entra Connect server (or take this one out of staging mode)."),
        );
    }
    match (info.password_writeback_enabled, info.entra_connector()) {
        (Some(true), _) => {}
        (_, None) => out.push(
            Finding::new(FindingId::WritebackDisabled, Severity::Error, server)
                .title("No Entra connector was found on this server")
                .fix("Run the Entra Connect wizard to connect to Microsoft Entra ID first."),
        ),
        (_, Some(c)) => out.push(
            Finding::new(FindingId::WritebackDisabled, Severity::Error, &c.name)
                .title("Password writeback is off on this sync server")
                .detail(format!("Get-ADSyncAADPasswordResetConfiguration -Connector '{}' says it is not enabled.", c.name))
                .fix("Enable it: writeback-wizard apply --enable-writeback (or Connect: Optional features → Password writeback)."),
        ),
    }
    if let Some(v) = &info.restrict_remote_sam {
        out.push(
            Finding::new(FindingId::RestrictRemoteSam, Severity::Error, r"HKLM\System\CurrentControlSet\Control\Lsa")
                .title("RestrictRemoteSam is set on this server")
                .detail(format!("\"Network access: Restrict clients allowed to make remote calls to SAM\" = {v}. It blocks writeback (SSPR_0029, events 33004 and 6329), and stays in the registry after the policy is removed."))
                .fix("Allow the AD DS connector account in the policy, or undefine the policy and delete the RestrictRemoteSam value."),
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
                .title("TLS 1.2 is not enforced for .NET on this server")
                .detail(format!("SystemDefaultTlsVersions/SchUseStrongCrypto (64- and 32-bit) = {:?}/{:?}/{:?}/{:?}; TLS 1.2 client Enabled/DisabledByDefault = {:?}/{:?}.",
                    t.net_system_default_tls_versions, t.net_sch_use_strong_crypto, t.net_wow_system_default_tls_versions, t.net_wow_sch_use_strong_crypto, t.client_enabled, t.client_disabled_by_default))
                .fix("Set the four .NET values to 1 (and TLS 1.2 Client Enabled=1, DisabledByDefault=0), then restart the server."),
        );
    }
    for (target, result) in outbound {
        if let Err(e) = result {
            out.push(
                Finding::new(FindingId::OutboundBlocked, Severity::Error, target)
                    .title(format!("The sync server cannot reach {target}"))
                    .detail(format!("Writeback needs outbound HTTPS (TCP 443) to the password reset service: {e}."))
                    .fix("Allow outbound TCP 443 to the password reset and Service Bus endpoints in the firewall and proxy."),
            );
        }
    }
    out
}
