//! Every finding the tool can report, as a type: its stable id (reports, scripts, translations
//! and `explain` refer to it) and the group the checklist shows it in. One table; adding a
//! finding is one line here, and every `match` on it is checked by the compiler.

use serde::{Serialize, Serializer};

/// The checklist's groups, in the order every face shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Group {
    Entra,
    SyncServer,
    Connector,
    Permissions,
    PasswordPolicy,
    Users,
    Pilot,
    DomainController,
}

impl Group {
    pub const ALL: [Group; 8] = [
        Group::Entra,
        Group::SyncServer,
        Group::Connector,
        Group::Permissions,
        Group::PasswordPolicy,
        Group::Users,
        Group::Pilot,
        Group::DomainController,
    ];

    /// The stable key (`group-<key>` in the translations).
    pub fn key(self) -> &'static str {
        match self {
            Group::Entra => "entra",
            Group::SyncServer => "sync",
            Group::Connector => "connector",
            Group::Permissions => "permissions",
            Group::PasswordPolicy => "policy",
            Group::Users => "users",
            Group::Pilot => "pilot",
            Group::DomainController => "dc",
        }
    }
}

macro_rules! finding_ids {
    ($($variant:ident = $id:literal in $group:ident,)*) => {
        /// A finding's identity.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum FindingId {
            $($variant,)*
        }

        impl FindingId {
            /// Every finding, in the order of this table.
            pub const ALL: &'static [FindingId] = &[$(FindingId::$variant,)*];

            /// The stable id (`right-reset-password`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(FindingId::$variant => $id,)*
                }
            }

            /// The group the checklist shows it in.
            pub fn group(self) -> Group {
                match self {
                    $(FindingId::$variant => Group::$group,)*
                }
            }
        }
    };
}

finding_ids! {
    ConnectorNotFound = "connector-not-found" in Connector,
    ConnectorAmbiguous = "connector-ambiguous" in Connector,
    ConnectorPrivileged = "connector-privileged" in Connector,
    ConnectorCandidates = "connector-candidates" in Connector,
    ConnectorReplication = "connector-replication" in Connector,
    ConnectorExcess = "connector-excess" in Connector,
    RightResetPassword = "right-reset-password" in Permissions,
    RightWriteLockoutTime = "right-write-lockouttime" in Permissions,
    RightWritePwdLastSet = "right-write-pwdlastset" in Permissions,
    RightDenied = "right-denied" in Permissions,
    RightUnexpirePassword = "right-unexpire-password" in Permissions,
    RightChangePassword = "right-change-password" in Permissions,
    InheritanceDisabled = "inheritance-disabled" in Permissions,
    AdminProtected = "admin-protected" in Users,
    AdminCountStale = "admincount-stale" in Users,
    MinPasswordAge = "min-password-age" in PasswordPolicy,
    PsoMinPasswordAge = "pso-min-password-age" in PasswordPolicy,
    PdcEmulator = "pdc-emulator" in DomainController,
    PolicyHintsUnsupported = "policy-hints-unsupported" in DomainController,
    LdapTransport = "ldap-transport" in DomainController,
    SamServerRead = "samserver-read" in DomainController,
    Pre2000Au = "pre2000-au" in DomainController,
    ReadIncomplete = "read-incomplete" in DomainController,
    CloudLicense = "cloud-license" in Entra,
    CloudRole = "cloud-role" in Entra,
    CloudFederatedAdmin = "cloud-federated-admin" in Entra,
    CloudSyncDisabled = "cloud-sync-disabled" in Entra,
    CloudSyncStale = "cloud-sync-stale" in Entra,
    CloudSyncFeatures = "cloud-sync-features" in Entra,
    SyncNotInstalled = "sync-not-installed" in SyncServer,
    SyncStagingMode = "sync-staging-mode" in SyncServer,
    WritebackDisabled = "writeback-disabled" in SyncServer,
    RestrictRemoteSam = "restrict-remote-sam" in SyncServer,
    OutboundBlocked = "outbound-blocked" in SyncServer,
    Tls12Disabled = "tls12-disabled" in SyncServer,
    AgentNotInstalled = "agent-not-installed" in SyncServer,
    AgentTooOld = "agent-too-old" in SyncServer,
    AgentStopped = "agent-stopped" in SyncServer,
    AgentWritebackUnconfirmed = "agent-writeback-unconfirmed" in SyncServer,
    PilotUserBlocked = "pilot-user-blocked" in Pilot,
    PilotNotRegistered = "pilot-not-registered" in Pilot,
    PilotNotSynced = "pilot-not-synced" in Pilot,
    PilotNoLicense = "pilot-no-license" in Pilot,
    PilotAdmin = "pilot-admin" in Pilot,
}

/// Which of its sentence sets a finding is said with: its id's own, or one of the other sets a
/// check says under one id (`finding-<key>`, `-detail`, `-fix`). A table like the ids', so the
/// test that every set has words in every language covers them all.
macro_rules! wordings {
    ($($variant:ident = $key:literal,)*) => {
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
        pub enum Wording {
            /// The id's own sentences (`finding-<id>`).
            #[default]
            Own,
            $($variant,)*
        }

        impl Wording {
            /// Every set besides the ids' own.
            pub const OTHERS: &'static [Wording] = &[$(Wording::$variant,)*];

            /// The key of its sentences (`None`: the id's own).
            pub fn key(self) -> Option<&'static str> {
                match self {
                    Wording::Own => None,
                    $(Wording::$variant => Some($key),)*
                }
            }
        }
    };
}

wordings! {
    ConnectorCandidatesCloudSync = "connector-candidates-cloud-sync",
    RightMissingRoot = "right-missing-root",
    RightMissingBelow = "right-missing-below",
    RightMissingUser = "right-missing-user",
    RightUnexpirePasswordDenied = "right-unexpire-password-denied",
    InheritanceDisabledUser = "inheritance-disabled-user",
    AdmincountStaleHarmless = "admincount-stale-harmless",
    MinPasswordAgeUnreadable = "min-password-age-unreadable",
    PdcEmulatorConnected = "pdc-emulator-connected",
    PdcEmulatorUnknown = "pdc-emulator-unknown",
    SamserverReadPre2000 = "samserver-read-pre2000",
    ReadIncompleteCloud = "read-incomplete-cloud",
    ReadIncompleteSync = "read-incomplete-sync",
    ReadIncompleteCmdlet = "read-incomplete-cmdlet",
    ReadIncompleteAgentVersion = "read-incomplete-agent-version",
    BlockedHere = "blocked-here",
    CloudRoleHybrid = "cloud-role-hybrid",
    CloudSyncStaleUnknown = "cloud-sync-stale-unknown",
    WritebackDisabledNoConnector = "writeback-disabled-no-connector",
}

impl FindingId {
    /// The finding with this id.
    pub fn parse(id: &str) -> Option<FindingId> {
        FindingId::ALL.iter().copied().find(|f| f.as_str() == id)
    }
}

impl std::fmt::Display for FindingId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for FindingId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl PartialEq<str> for FindingId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for FindingId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl AsRef<str> for FindingId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_parse_back() {
        let mut seen = std::collections::BTreeSet::new();
        for id in FindingId::ALL {
            let s = id.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(
                s.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{s}"
            );
            assert_eq!(FindingId::parse(s), Some(*id));
        }
        assert_eq!(FindingId::parse("no-such-finding"), None);
        assert_eq!(
            serde_json::to_string(&FindingId::RightDenied).unwrap(),
            "\"right-denied\""
        );
        assert_eq!(FindingId::Tls12Disabled.group(), Group::SyncServer);
        assert_eq!(FindingId::CloudRole.group().key(), "entra");
    }
}
