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
                    .text("read-incomplete-sync")
                    .evidence(e.to_string()),
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
        return vec![Finding::new(
            FindingId::SyncNotInstalled,
            Severity::Info,
            "this computer",
        )];
    };
    let mut out = Vec::new();
    let server = "sync server";
    for e in &info.errors {
        out.push(
            Finding::new(FindingId::ReadIncomplete, Severity::Warning, server)
                .text("read-incomplete-cmdlet")
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
                .text("writeback-disabled-no-connector"),
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
