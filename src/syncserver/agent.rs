//! Entra Cloud Sync's provisioning agent on this server: installed, its version, its service,
//! and switching password writeback on with `Set-AADCloudSyncPasswordWritebackConfiguration`.
//!
//! Sources: "Tutorial: Enable cloud sync self-service password reset writeback to an on-premises
//! environment" (agent 1.1.977.0 or later; `Import-Module '…\Microsoft.CloudSync.Powershell.dll'`;
//! `Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true -Credential …`, run on the agent
//! servers, with a Hybrid Identity Administrator); "Cloud sync agent: verify the installation"
//! (service `AADConnectProvisioningAgent`, the product version of
//! `AADConnectProvisioningAgent.exe`); "Manage agent registry options" (the agent's key
//! `HKLM\SOFTWARE\Microsoft\Azure AD Connect Agents\Azure AD Connect Provisioning Agent`, whose
//! `InstallDir` the agent's own tools read). Microsoft documents no cmdlet that reads the
//! writeback switch back, so this module never claims to have read it.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{CmdletError, PowerShell, PsError};
use crate::ad::connector::Engine;
use crate::check::{Finding, FindingId, Severity};

/// The first agent version that writes passwords back (the tutorial's prerequisite).
pub const MIN_AGENT_VERSION: &str = "1.1.977.0";

/// The agent's Windows service.
pub const AGENT_SERVICE: &str = "AADConnectProvisioningAgent";

/// What the server says about its provisioning agent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct AgentInfo {
    pub installed: bool,
    /// The product version of `AADConnectProvisioningAgent.exe`.
    pub version: Option<String>,
    /// The service's status (`Running`, `Stopped`, …).
    pub service_status: Option<String>,
    pub install_dir: Option<String>,
    /// `Microsoft.CloudSync.Powershell.dll` is in the install directory.
    pub module_present: bool,
    pub errors: Vec<CmdletError>,
}

impl AgentInfo {
    /// Whether the agent is older than writeback needs (`None`: its version is unknown).
    pub fn too_old(&self) -> Option<bool> {
        let have = parse_version(self.version.as_deref()?)?;
        Some(have < parse_version(MIN_AGENT_VERSION)?)
    }

    pub fn running(&self) -> bool {
        self.service_status
            .as_deref()
            .is_some_and(|s| s.eq_ignore_ascii_case("Running"))
    }
}

/// `1.1.977.0` as numbers, for comparing.
pub fn parse_version(v: &str) -> Option<Vec<u32>> {
    let parts: Option<Vec<u32>> = v.trim().split('.').map(|p| p.parse().ok()).collect();
    parts.filter(|p| !p.is_empty())
}

/// The part of the read script that reads the agent into `$r.cloudSyncAgent` (the service, the
/// registry's InstallDir or else the service's path, the executable's product version, the
/// module). It never stops the script: every failure is recorded.
pub const AGENT_READ_PART: &str = r#"$a = [ordered]@{ installed = $false; modulePresent = $false; errors = @() }
try {
  $svc = Get-Service -Name 'AADConnectProvisioningAgent' -ErrorAction Stop
  $a.installed = $true; $a.serviceStatus = "$($svc.Status)"
  $dir = (Get-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Azure AD Connect Agents\Azure AD Connect Provisioning Agent' -Name InstallDir -ErrorAction SilentlyContinue).InstallDir
  if (-not $dir) { $p = (Get-CimInstance Win32_Service -Filter "Name='AADConnectProvisioningAgent'").PathName; if ($p) { $dir = Split-Path -Parent ($p.Trim('"')) } }
  if ($dir) {
    $a.installDir = "$dir"
    $exe = Join-Path $dir 'AADConnectProvisioningAgent.exe'
    if (Test-Path $exe) { $a.version = (Get-Item $exe).VersionInfo.ProductVersion }
    $a.modulePresent = Test-Path (Join-Path $dir 'Microsoft.CloudSync.Powershell.dll')
  }
} catch [Microsoft.PowerShell.Commands.ServiceCommandException] { } catch { $a.errors += [ordered]@{ cmdlet = 'Get-Service AADConnectProvisioningAgent'; message = $_.Exception.Message } }
$r.cloudSyncAgent = $a
"#;

/// The agent's findings: `agent-not-installed` (information, where Cloud Sync serves the domain
/// but this computer has no agent), `agent-too-old`, `agent-stopped`, and always, on an agent
/// server, `agent-writeback-unconfirmed`: Microsoft documents no way to read the switch here.
pub fn evaluate(agent: Option<&AgentInfo>, engine: Option<Engine>) -> Vec<Finding> {
    let here = "this computer";
    let Some(agent) = agent.filter(|a| a.installed) else {
        return if engine == Some(Engine::CloudSync) {
            vec![Finding::new(
                FindingId::AgentNotInstalled,
                Severity::Info,
                here,
            )]
        } else {
            Vec::new()
        };
    };
    let mut out = Vec::new();
    for e in &agent.errors {
        out.push(
            Finding::new(FindingId::ReadIncomplete, Severity::Warning, here)
                .text(crate::check::Wording::ReadIncompleteCmdlet)
                .arg("cmdlet", &e.cmdlet)
                .evidence(e.message.clone()),
        );
    }
    let version = agent.version.clone().unwrap_or_default();
    match agent.too_old() {
        Some(true) => out.push(
            Finding::new(FindingId::AgentTooOld, Severity::Error, AGENT_SERVICE)
                .arg("version", &version)
                .arg("minimum", MIN_AGENT_VERSION),
        ),
        Some(false) => {}
        None => out.push(
            Finding::new(FindingId::ReadIncomplete, Severity::Warning, AGENT_SERVICE)
                .text(crate::check::Wording::ReadIncompleteAgentVersion)
                .evidence(format!("version: {version:?}")),
        ),
    }
    if !agent.running() {
        out.push(
            Finding::new(FindingId::AgentStopped, Severity::Error, AGENT_SERVICE).arg(
                "status",
                agent.service_status.as_deref().unwrap_or("unknown"),
            ),
        );
    }
    out.push(Finding::new(
        FindingId::AgentWritebackUnconfirmed,
        Severity::Warning,
        here,
    ));
    out
}

/// Switches Cloud Sync password writeback on with the Hybrid Identity Administrator `user`;
/// the password goes to PowerShell on standard input (never on its command line, never in the
/// script). Refused when the agent is missing or too old. Microsoft documents no read-back:
/// `Ok` means the cmdlet ran without an error.
pub async fn enable_writeback(
    ps: &impl PowerShell,
    info: &AgentInfo,
    user: &str,
    password: &Zeroizing<String>,
) -> Result<(), PsError> {
    if !info.installed {
        return Err(PsError::AgentMissing);
    }
    if info.too_old() == Some(true) {
        return Err(PsError::AgentTooOld {
            version: info.version.clone().unwrap_or_default(),
            minimum: MIN_AGENT_VERSION.into(),
        });
    }
    let Some(dir) = info.install_dir.as_deref() else {
        return Err(PsError::AgentMissing);
    };
    // Literal strings: single quotes, quotes doubled.
    let quote = |s: &str| s.replace('\'', "''");
    let script = format!(
        "$ErrorActionPreference = 'Stop'\n\
         $line = [Console]::In.ReadLine()\n\
         $secure = ConvertTo-SecureString -String $line -AsPlainText -Force\n\
         $line = $null\n\
         $cred = New-Object System.Management.Automation.PSCredential('{user}', $secure)\n\
         try {{ Import-Module (Join-Path '{dir}' 'Microsoft.CloudSync.Powershell.dll'); Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true -Credential $cred }} \
         catch {{ [ordered]@{{ cmdlet = 'Set-AADCloudSyncPasswordWritebackConfiguration'; message = $_.Exception.Message }} | ConvertTo-Json -Compress; exit 3 }}\n\
         [ordered]@{{ ran = $true }} | ConvertTo-Json -Compress",
        user = quote(user),
        dir = quote(dir),
    );
    let mut input = Zeroizing::new(Vec::with_capacity(password.len() + 1));
    input.extend_from_slice(password.as_bytes());
    input.push(b'\n');
    let out = ps.run_with_input(&script, &input).await?;
    #[derive(Deserialize)]
    struct Ran {
        ran: bool,
    }
    match serde_json::from_str::<Ran>(out.trim()) {
        Ok(Ran { ran: true }) => Ok(()),
        _ => Err(PsError::Output(out.trim().to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn healthy() -> AgentInfo {
        AgentInfo {
            installed: true,
            version: Some("1.1.2505.0".into()),
            service_status: Some("Running".into()),
            install_dir: Some(
                r"C:\Program Files\Microsoft Azure AD Connect Provisioning Agent".into(),
            ),
            module_present: true,
            errors: Vec::new(),
        }
    }

    fn ids(agent: Option<&AgentInfo>, engine: Option<Engine>) -> Vec<(FindingId, Severity)> {
        evaluate(agent, engine)
            .iter()
            .map(|f| (f.id, f.severity))
            .collect()
    }

    #[test]
    fn a_current_running_agent_leaves_only_the_switch_nobody_can_read() {
        assert_eq!(
            ids(Some(&healthy()), Some(Engine::CloudSync)),
            [(FindingId::AgentWritebackUnconfirmed, Severity::Warning)]
        );
    }

    #[test]
    fn an_old_or_stopped_agent_is_an_error_and_an_unknown_version_a_gap() {
        let mut old = healthy();
        old.version = Some("1.1.972.0".into());
        old.service_status = Some("Stopped".into());
        let found = ids(Some(&old), Some(Engine::CloudSync));
        assert!(found.contains(&(FindingId::AgentTooOld, Severity::Error)));
        assert!(found.contains(&(FindingId::AgentStopped, Severity::Error)));
        let mut unknown = healthy();
        unknown.version = None;
        assert!(
            ids(Some(&unknown), None).contains(&(FindingId::ReadIncomplete, Severity::Warning))
        );
    }

    #[test]
    fn no_agent_is_worth_saying_only_where_cloud_sync_serves_the_domain() {
        assert_eq!(
            ids(None, Some(Engine::CloudSync)),
            [(FindingId::AgentNotInstalled, Severity::Info)]
        );
        assert_eq!(ids(None, Some(Engine::ConnectSync)), []);
        assert_eq!(ids(None, None), []);
        let missing = AgentInfo::default();
        assert_eq!(ids(Some(&missing), None), []);
    }

    #[test]
    fn versions_compare_as_numbers_not_text() {
        let at = |v: &str| AgentInfo {
            installed: true,
            version: Some(v.into()),
            ..AgentInfo::default()
        };
        assert_eq!(at("1.1.977.0").too_old(), Some(false));
        assert_eq!(at("1.1.2505.0").too_old(), Some(false));
        assert_eq!(at("1.1.976.0").too_old(), Some(true));
        assert_eq!(at("1.1.96.0").too_old(), Some(true));
        assert_eq!(at("not a version").too_old(), None);
        assert_eq!(AgentInfo::default().too_old(), None);
    }
}
