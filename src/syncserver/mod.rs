//! The sync server: Entra Connect (ADSync) on Windows, read and driven through its PowerShell
//! module behind the [`PowerShell`] trait, so the rest of the app does not care where it runs.
//! Off Windows (a consultant's laptop) there is no ADSync; that is a normal case, not an error.

pub mod agent;
mod checks;
mod powershell;

pub use agent::AgentInfo;
pub use checks::{assess_read, default_targets, evaluate, probe_outbound};
pub use powershell::{PowerShell, ProcessPowerShell, PsError};

use serde::{Deserialize, Serialize};

/// The Entra (AAD) connector's fixed identifier ("Upgrade from a previous version to the
/// latest"; `Get-ADSyncConnector -Identifier …`).
pub const ENTRA_CONNECTOR_ID: &str = "b891884f-051e-4a83-95af-2544101c9083";

/// One connector of the sync engine.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Connector {
    pub name: String,
    pub identifier: String,
    /// `AD` for an Active Directory connector, `Extensible2` for the Entra connector.
    #[serde(rename = "type")]
    pub connector_type: String,
    pub forest_name: Option<String>,
    pub forest_login_domain: Option<String>,
    pub forest_login_user: Option<String>,
    /// Container inclusions of the partitions (the OU filter).
    pub inclusions: Vec<String>,
}

impl Connector {
    pub fn is_entra(&self) -> bool {
        self.identifier.eq_ignore_ascii_case(ENTRA_CONNECTOR_ID)
    }

    /// `DOMAIN\user` of an AD connector's account.
    pub fn account(&self) -> Option<String> {
        Some(format!(
            "{}\\{}",
            self.forest_login_domain.as_deref()?,
            self.forest_login_user.as_deref()?
        ))
    }
}

/// A PowerShell error, with the cmdlet that failed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CmdletError {
    pub cmdlet: String,
    pub message: String,
}

/// The TLS 1.2 registry values for .NET and SCHANNEL ("TLS 1.2 enforcement for Microsoft Entra
/// Connect"). `None` = the value does not exist.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Tls12 {
    pub net_system_default_tls_versions: Option<u32>,
    pub net_sch_use_strong_crypto: Option<u32>,
    pub net_wow_system_default_tls_versions: Option<u32>,
    pub net_wow_sch_use_strong_crypto: Option<u32>,
    pub client_enabled: Option<u32>,
    pub client_disabled_by_default: Option<u32>,
}

/// What the sync server says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SyncServerInfo {
    pub installed: bool,
    pub version: Option<String>,
    pub staging_mode_enabled: Option<bool>,
    pub sync_cycle_enabled: Option<bool>,
    pub connectors: Vec<Connector>,
    pub password_writeback_enabled: Option<bool>,
    /// `HKLM\System\CurrentControlSet\Control\Lsa\RestrictRemoteSam`, when present.
    pub restrict_remote_sam: Option<String>,
    pub tls12: Tls12,
    /// Cmdlets that failed while reading.
    pub errors: Vec<CmdletError>,
    /// Entra Cloud Sync's provisioning agent on the same computer (read whether or not Entra
    /// Connect is installed).
    pub cloud_sync_agent: Option<Box<AgentInfo>>,
    /// The enabled inbound user rules (`Get-ADSyncRule`), `None` when they could not be read.
    pub sync_rules: Option<Vec<crate::check::sync_filter::SyncRule>>,
}

impl SyncServerInfo {
    /// The provisioning agent, when it is installed here.
    pub fn agent(&self) -> Option<&AgentInfo> {
        self.cloud_sync_agent.as_deref().filter(|a| a.installed)
    }

    /// The Entra connector.
    pub fn entra_connector(&self) -> Option<&Connector> {
        self.connectors.iter().find(|c| c.is_entra())
    }

    /// The sync rules and the AD connectors they belong to, when the rules were read.
    pub fn server_rules(&self) -> Option<crate::check::sync_filter::ServerRules> {
        let rules = self.sync_rules.clone()?;
        Some(crate::check::sync_filter::ServerRules {
            connectors: self
                .ad_connectors()
                .map(|c| {
                    (
                        c.identifier.clone(),
                        c.forest_name.clone().unwrap_or_else(|| c.name.clone()),
                    )
                })
                .collect(),
            rules,
        })
    }

    /// The AD connectors (what the wizard pre-fills the connector account and the OU scope
    /// from).
    pub fn ad_connectors(&self) -> impl Iterator<Item = &Connector> {
        self.connectors
            .iter()
            .filter(|c| c.connector_type.eq_ignore_ascii_case("AD"))
    }
}

/// Reading, in one PowerShell run: Cloud Sync's provisioning agent ([`agent::AGENT_READ_PART`]),
/// then Import-Module ADSync, the scheduler, the connectors, the writeback setting of the Entra
/// connector, the enabled inbound user sync rules (`Get-ADSyncRule`: scoping filters and a
/// constant `cloudFiltered`), RestrictRemoteSam and the TLS 1.2 values. Every cmdlet's failure is recorded with
/// its name; output through ConvertTo-Json.
pub fn read_script() -> String {
    format!("{READ_PROLOGUE}{}{READ_ADSYNC}", agent::AGENT_READ_PART)
}

const READ_PROLOGUE: &str = r#"$ErrorActionPreference = 'Stop'
$r = [ordered]@{ installed = $false; errors = @() }
function Try-Cmd($name, [scriptblock]$block) {
  try { & $block } catch { $script:r.errors += [ordered]@{ cmdlet = $name; message = $_.Exception.Message }; $null }
}
"#;

const READ_ADSYNC: &str = r#"try { Import-Module ADSync -ErrorAction Stop } catch { $r | ConvertTo-Json -Depth 6 -Compress; exit 0 }
$r.installed = $true
$r.version = Try-Cmd 'Get-ADSyncGlobalSettings' { ((Get-ADSyncGlobalSettings).Parameters | Where-Object { $_.Name -eq 'Microsoft.Synchronize.ServerConfigurationVersion' }).Value }
$s = Try-Cmd 'Get-ADSyncScheduler' { Get-ADSyncScheduler }
if ($s) { $r.stagingModeEnabled = [bool]$s.StagingModeEnabled; $r.syncCycleEnabled = [bool]$s.SyncCycleEnabled }
$cs = Try-Cmd 'Get-ADSyncConnector' { @(Get-ADSyncConnector) }
$r.connectors = @($cs | ForEach-Object {
  $p = $_.ConnectivityParameters
  [ordered]@{ name = $_.Name; identifier = "$($_.Identifier)"; type = "$($_.Type)";
    forestName = ($p | Where-Object { $_.Name -eq 'forest-name' }).Value;
    forestLoginDomain = ($p | Where-Object { $_.Name -eq 'forest-login-domain' }).Value;
    forestLoginUser = ($p | Where-Object { $_.Name -eq 'forest-login-user' }).Value;
    inclusions = @($_.Partitions | ForEach-Object { $_.ConnectorPartitionScope.ContainerInclusionList }) }
})
$aad = $cs | Where-Object { "$($_.Identifier)" -eq 'b891884f-051e-4a83-95af-2544101c9083' } | Select-Object -First 1
if ($aad) { $r.passwordWritebackEnabled = Try-Cmd 'Get-ADSyncAADPasswordResetConfiguration' { [bool](Get-ADSyncAADPasswordResetConfiguration -Connector $aad.Name).Enabled } }
$r.syncRules = Try-Cmd 'Get-ADSyncRule' { @(Get-ADSyncRule | Where-Object { "$($_.Direction)" -eq 'Inbound' -and -not $_.Disabled -and @('user', 'inetOrgPerson') -contains "$($_.SourceObjectType)" } | ForEach-Object {
  $cf = $_.AttributeFlowMappings | Where-Object { "$($_.Destination)" -eq 'cloudFiltered' -and "$($_.FlowType)" -eq 'Constant' } | Select-Object -First 1
  [ordered]@{ name = $_.Name; connector = "$($_.Connector)"; precedence = [int64]$_.Precedence; standard = [bool]$_.IsStandardRule;
    scope = @($_.ScopeFilter | ForEach-Object { ,@($_.ScopeConditionList | ForEach-Object { [ordered]@{ attribute = "$($_.Attribute)"; value = "$($_.ComparisonValue)"; operator = "$($_.ComparisonOperator)" } }) });
    cloudFiltered = $(if ($cf) { if ("$($cf.Expression)") { "$($cf.Expression)" } else { "$($cf.Source -join '')" } } else { $null }) } }) }
$r.restrictRemoteSam = (Get-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Lsa' -Name RestrictRemoteSam -ErrorAction SilentlyContinue).RestrictRemoteSam
function RegValue($path, $name) { (Get-ItemProperty -Path $path -Name $name -ErrorAction SilentlyContinue).$name }
$net = 'HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319'; $wow = 'HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319'
$cli = 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Client'
$r.tls12 = [ordered]@{ netSystemDefaultTlsVersions = RegValue $net 'SystemDefaultTlsVersions'; netSchUseStrongCrypto = RegValue $net 'SchUseStrongCrypto';
  netWowSystemDefaultTlsVersions = RegValue $wow 'SystemDefaultTlsVersions'; netWowSchUseStrongCrypto = RegValue $wow 'SchUseStrongCrypto';
  clientEnabled = RegValue $cli 'Enabled'; clientDisabledByDefault = RegValue $cli 'DisabledByDefault' }
$r | ConvertTo-Json -Depth 6 -Compress"#;

/// Reads the sync server through `ps`. `Ok(None)` when PowerShell itself is not there (not a
/// Windows machine).
pub async fn read(ps: &impl PowerShell) -> Result<Option<SyncServerInfo>, PsError> {
    let out = match ps.run(&read_script()).await {
        Ok(out) => out,
        Err(PsError::NotFound(_)) => return Ok(None),
        Err(e) => return Err(e),
    };
    if out.trim().is_empty() {
        return Err(PsError::Empty);
    }
    serde_json::from_str(out.trim())
        .map(Some)
        .map_err(|e| PsError::Output(format!("ADSync read: {e}")))
}

/// Turns writeback on for the Entra connector and reads it back. Refused in staging mode.
pub async fn enable_writeback(ps: &impl PowerShell, info: &SyncServerInfo) -> Result<(), PsError> {
    if info.staging_mode_enabled == Some(true) {
        return Err(PsError::StagingMode);
    }
    let connector = info.entra_connector().ok_or(PsError::NoEntraConnector)?;
    // The name goes in single quotes with quotes doubled: PowerShell literal-string rules.
    let name = connector.name.replace('\'', "''");
    let script = format!(
        "$ErrorActionPreference = 'Stop'\nImport-Module ADSync\ntry {{ Set-ADSyncAADPasswordResetConfiguration -Connector '{name}' -Enable $true }} catch {{ [ordered]@{{ cmdlet = 'Set-ADSyncAADPasswordResetConfiguration'; message = $_.Exception.Message }} | ConvertTo-Json -Compress; exit 3 }}\n[ordered]@{{ enabled = [bool](Get-ADSyncAADPasswordResetConfiguration -Connector '{name}').Enabled }} | ConvertTo-Json -Compress"
    );
    let out = ps.run(&script).await?;
    #[derive(Deserialize)]
    struct Enabled {
        enabled: bool,
    }
    match serde_json::from_str::<Enabled>(out.trim()) {
        Ok(Enabled { enabled: true }) => Ok(()),
        Ok(_) => Err(PsError::StillOff {
            cmdlet: "Set-ADSyncAADPasswordResetConfiguration".into(),
        }),
        Err(_) => Err(PsError::Output(out.trim().to_string())),
    }
}
