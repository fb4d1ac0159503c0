//! The sync engines' writeback switches, on this computer through PowerShell: Entra Connect
//! Sync's (`Set-ADSyncAADPasswordResetConfiguration`, read back) and Entra Cloud Sync's
//! (`Set-AADCloudSyncPasswordWritebackConfiguration`, signed in as a Hybrid Identity
//! Administrator whose password reaches PowerShell on standard input only; Microsoft documents
//! no read-back).

use zeroize::Zeroizing;

use crate::syncserver::{self, PowerShell, PsError};

/// The Hybrid Identity Administrator Cloud Sync's cmdlet signs in with. `Debug` never shows
/// the password.
#[derive(Clone)]
pub struct HybridAdmin {
    pub user: String,
    pub password: Zeroizing<String>,
}

impl std::fmt::Debug for HybridAdmin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HybridAdmin({}, <secret>)", self.user)
    }
}

/// Which switch.
#[derive(Clone, Debug)]
pub enum Switch {
    /// Entra Connect Sync's, on this sync server.
    ConnectSync,
    /// Entra Cloud Sync's, from this provisioning agent server.
    CloudSync(HybridAdmin),
}

/// What switching did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switched {
    /// It was on already (read back).
    AlreadyOn,
    /// It is on now (Connect Sync: read back; Cloud Sync: the cmdlet ran without an error).
    NowOn,
}

/// Turns `switch` on through `ps`.
pub async fn enable(ps: &impl PowerShell, switch: &Switch) -> Result<Switched, PsError> {
    let info = syncserver::read(ps).await?;
    match switch {
        Switch::ConnectSync => {
            let info = info.filter(|i| i.installed).ok_or(PsError::NotSyncServer)?;
            if info.password_writeback_enabled == Some(true) {
                return Ok(Switched::AlreadyOn);
            }
            syncserver::enable_writeback(ps, &info).await?;
            Ok(Switched::NowOn)
        }
        Switch::CloudSync(admin) => {
            let agent = info
                .as_ref()
                .and_then(|i| i.agent())
                .ok_or(PsError::AgentMissing)?;
            syncserver::agent::enable_writeback(ps, agent, &admin.user, &admin.password).await?;
            Ok(Switched::NowOn)
        }
    }
}
