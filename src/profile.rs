//! The wizard's answers, and profiles that save them (engine side: no GUI code, so the CLI, the
//! tests and the fuzz targets read profiles the same way). A profile never holds a secret: the
//! password and tokens live only in memory. Loading is forgiving: unknown fields are ignored,
//! missing ones take their default, and a field of the wrong type is dropped on its own.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ad::Transport;
use crate::entra::Cloud;
use crate::plan::PlanOptions;

/// The profile file's schema version.
pub const PROFILE_SCHEMA: u32 = 1;

/// How to reach the DC (plaintext is not offered in the wizard).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TransportChoice {
    #[default]
    Ldaps,
    StartTls,
}

impl TransportChoice {
    pub const ALL: [TransportChoice; 2] = [TransportChoice::Ldaps, TransportChoice::StartTls];

    pub fn transport(self) -> Transport {
        match self {
            TransportChoice::Ldaps => Transport::Ldaps,
            TransportChoice::StartTls => Transport::StartTls,
        }
    }
}

/// Which Microsoft cloud.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CloudChoice {
    #[default]
    Global,
    UsGovernment,
    China,
}

impl CloudChoice {
    pub const ALL: [CloudChoice; 3] = [
        CloudChoice::Global,
        CloudChoice::UsGovernment,
        CloudChoice::China,
    ];

    pub fn cloud(self) -> Cloud {
        match self {
            CloudChoice::Global => Cloud::Global,
            CloudChoice::UsGovernment => Cloud::UsGovernment,
            CloudChoice::China => Cloud::China,
        }
    }
}

/// Everything the user answered (or a profile pre-filled). No secrets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub cloud: CloudChoice,
    /// `organizations`, a tenant ID or a verified domain.
    pub tenant: String,
    /// An own app registration; empty = Microsoft Graph Command Line Tools.
    pub client_id: String,
    /// Overrides of the sign-in and Graph endpoints (sovereign clouds, test servers).
    pub authority_url: String,
    pub graph_url: String,
    /// `host:port` the sync server must reach for writeback (a proxy setup or a test);
    /// empty = the cloud's documented endpoints on 443.
    pub writeback_endpoints: Vec<String>,
    pub skip_cloud: bool,
    /// The DC or domain name, optionally `:port`.
    pub server: String,
    pub transport: TransportChoice,
    pub ca_file: Option<PathBuf>,
    /// The admin account for changes (UPN, `DOMAIN\user` or DN).
    pub user: String,
    /// Kerberos with the current Windows (or kinit) credentials instead of a password.
    pub windows_credentials: bool,
    /// The environment variable with `user`'s password for the command line (empty: its
    /// `--password-env`, `--password-file` or a prompt). The wizard asks on its page.
    pub password_env: String,
    /// The AD DS connector account; detected when empty.
    pub connector: String,
    /// Sync scope: the whole domain, or these OUs.
    pub sync_all: bool,
    pub scopes: Vec<String>,
    /// Check every domain of this forest, each domain root through its own DC.
    pub all_domains: bool,
    pub password_writeback: bool,
    /// AD group DN or name, or Entra group object ID or display name.
    pub pilot_group: String,
    pub plan: PlanOptions,
    /// Switch writeback on in Entra Connect after the directory changes (sync server only).
    pub enable_writeback: bool,
    /// Where backups go; the platform data folder when empty.
    pub backup_dir: Option<PathBuf>,
    /// More directories, as Connect's "Connect your directories" lists them: other forests, or
    /// domains reached through their own DC. The one above comes first.
    pub directories: Vec<DirectorySettings>,
}

/// One more directory of a profile. No secret: `password_env` names the environment variable
/// that holds the password.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DirectorySettings {
    /// The DC or domain name, optionally `:port` or `ldaps://…`.
    pub server: String,
    pub transport: TransportChoice,
    pub ca_file: Option<PathBuf>,
    pub user: String,
    pub windows_credentials: bool,
    /// The environment variable with `user`'s password (the command line asks when it is
    /// empty and there is a terminal).
    pub password_env: String,
    /// The AD DS connector account of this forest; detected when empty.
    pub connector: String,
    /// OUs in the sync scope; empty = the whole domain.
    pub scopes: Vec<String>,
    /// Check every domain of this forest, each domain root through its own DC.
    pub all_domains: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            cloud: CloudChoice::Global,
            tenant: "organizations".into(),
            client_id: String::new(),
            authority_url: String::new(),
            graph_url: String::new(),
            writeback_endpoints: Vec::new(),
            skip_cloud: false,
            server: String::new(),
            transport: TransportChoice::Ldaps,
            ca_file: None,
            user: String::new(),
            windows_credentials: false,
            password_env: String::new(),
            connector: String::new(),
            sync_all: true,
            scopes: Vec::new(),
            all_domains: false,
            password_writeback: true,
            pilot_group: String::new(),
            // The domain policy blocks every reset within the minimum age: on by default here,
            // as the writeback tutorial asks for it (the CLI keeps it opt-in).
            plan: PlanOptions {
                min_password_age_zero: true,
                ..PlanOptions::default()
            },
            enable_writeback: true,
            backup_dir: None,
            directories: Vec::new(),
        }
    }
}

/// A saved profile: a schema number and the settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Profile {
    pub schema: u32,
    pub tool: String,
    pub settings: Settings,
}

/// Why a profile could not be used.
#[derive(Clone, Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("cannot read the profile {path}: {reason}")]
    Read { path: String, reason: String },
    #[error("{path} is not a Writeback Wizard profile: {reason}")]
    Format { path: String, reason: String },
    #[error("cannot write the profile {path}: {reason}")]
    Write { path: String, reason: String },
}

/// What loading found besides the settings: fields it had to drop, a newer schema.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadNotes {
    pub dropped_fields: Vec<String>,
    pub newer_schema: Option<u32>,
}

impl Settings {
    /// The directory of the main fields (the first of a run), whether or not it names a server.
    pub fn main_directory(&self) -> DirectorySettings {
        DirectorySettings {
            server: self.server.clone(),
            transport: self.transport,
            ca_file: self.ca_file.clone(),
            user: self.user.clone(),
            windows_credentials: self.windows_credentials,
            password_env: self.password_env.clone(),
            connector: self.connector.clone(),
            scopes: if self.sync_all {
                Vec::new()
            } else {
                self.scopes.clone()
            },
            all_domains: self.all_domains,
        }
    }

    /// Every directory of the profile: the one of the main fields (when it names a server),
    /// then the others.
    pub fn all_directories(&self) -> Vec<DirectorySettings> {
        let mut out = Vec::new();
        if !self.server.trim().is_empty() {
            out.push(self.main_directory());
        }
        out.extend(self.directories.iter().cloned());
        out
    }

    /// Puts `list` into the profile: the first into the main fields (its scopes, and `sync_all`
    /// for the whole domain), the rest under `directories`.
    pub fn set_directories(&mut self, sync_all: bool, list: &[DirectorySettings]) {
        let first = list.first().cloned().unwrap_or_default();
        self.server = first.server;
        self.transport = first.transport;
        self.ca_file = first.ca_file;
        self.user = first.user;
        self.windows_credentials = first.windows_credentials;
        self.password_env = first.password_env;
        self.connector = first.connector;
        self.sync_all = sync_all;
        self.scopes = first.scopes;
        self.all_domains = first.all_domains;
        self.directories = list.iter().skip(1).cloned().collect();
    }

    /// Settings from JSON text: field by field, so one bad value does not lose the rest.
    pub fn from_profile_text(text: &str, path: &Path) -> Result<(Self, LoadNotes), ProfileError> {
        let format = |reason: String| ProfileError::Format {
            path: path.display().to_string(),
            reason,
        };
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| format(e.to_string()))?;
        let obj = value
            .as_object()
            .ok_or_else(|| format("the file does not hold a JSON object".into()))?;
        let mut notes = LoadNotes::default();
        match obj.get("schema").and_then(|s| s.as_u64()) {
            Some(n) if n > u64::from(PROFILE_SCHEMA) => {
                notes.newer_schema = Some(u32::try_from(n).unwrap_or(u32::MAX))
            }
            Some(_) => {}
            None => return Err(format("it has no \"schema\" number".into())),
        }
        let Some(fields) = obj.get("settings").and_then(|s| s.as_object()) else {
            return Err(format("it has no \"settings\" object".into()));
        };
        if let Ok(s) = serde_json::from_value::<Settings>(serde_json::Value::Object(fields.clone()))
        {
            return Ok((s, notes));
        }
        let mut kept = serde_json::Map::new();
        for (k, v) in fields {
            let mut one = serde_json::Map::new();
            one.insert(k.clone(), v.clone());
            if serde_json::from_value::<Settings>(serde_json::Value::Object(one)).is_ok() {
                kept.insert(k.clone(), v.clone());
            } else {
                notes.dropped_fields.push(k.clone());
            }
        }
        let s = serde_json::from_value(serde_json::Value::Object(kept))
            .map_err(|e| format(e.to_string()))?;
        Ok((s, notes))
    }

    pub fn load(path: &Path) -> Result<(Self, LoadNotes), ProfileError> {
        let text = std::fs::read_to_string(path).map_err(|e| ProfileError::Read {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        Self::from_profile_text(&text, path)
    }

    /// The profile as JSON.
    pub fn to_profile_text(&self) -> String {
        let p = Profile {
            schema: PROFILE_SCHEMA,
            tool: "writeback-wizard".into(),
            settings: self.clone(),
        };
        serde_json::to_string_pretty(&p).unwrap_or_default() + "\n"
    }

    /// Writes the profile next to `path` and renames it into place.
    pub fn save(&self, path: &Path) -> Result<(), ProfileError> {
        crate::files::write_atomically(path, self.to_profile_text().as_bytes()).map_err(|e| {
            ProfileError::Write {
                path: path.display().to_string(),
                reason: e.to_string(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_round_trips_and_has_no_password_field() {
        let mut s = Settings {
            server: "dc1.corp.example.com".into(),
            user: "admin@corp.example.com".into(),
            ..Settings::default()
        };
        s.plan.fix_pso = vec!["LabPSO".into()];
        let text = s.to_profile_text();
        assert!(!text.to_ascii_lowercase().contains("password\""));
        let (back, notes) = Settings::from_profile_text(&text, Path::new("p.json")).unwrap();
        assert_eq!(back, s);
        assert_eq!(notes, LoadNotes::default());
    }

    #[test]
    fn a_profile_lists_its_directories_the_main_one_first() {
        let text = r#"{"schema": 1, "settings": {"server": "dc1.corp.example", "user": "a@corp.example",
            "sync_all": false, "scopes": ["OU=Staff,DC=corp,DC=example"],
            "directories": [{"server": "dc1.fabrikam.example", "user": "b@fabrikam.example",
                             "password_env": "FABRIKAM_PW", "all_domains": true}]}}"#;
        let (s, notes) = Settings::from_profile_text(text, Path::new("p.json")).unwrap();
        assert!(notes.dropped_fields.is_empty(), "{notes:?}");
        let all = s.all_directories();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].server, "dc1.corp.example");
        assert_eq!(all[0].scopes, ["OU=Staff,DC=corp,DC=example"]);
        assert_eq!(all[1].password_env, "FABRIKAM_PW");
        assert!(all[1].all_domains && !all[0].all_domains);
        let (back, _) =
            Settings::from_profile_text(&s.to_profile_text(), Path::new("p.json")).unwrap();
        assert_eq!(back, s, "saved and loaded again, nothing is lost");
    }

    #[test]
    fn profile_with_unknown_missing_and_bad_fields_keeps_the_good_ones() {
        let text = r#"{"schema": 7, "settings": {"server": "dc2", "future": 1, "sync_all": "yes", "scopes": ["OU=A,DC=x"]}}"#;
        let (s, notes) = Settings::from_profile_text(text, Path::new("p.json")).unwrap();
        assert_eq!(s.server, "dc2");
        assert_eq!(s.scopes, vec!["OU=A,DC=x".to_string()]);
        assert!(s.sync_all, "the bad value falls back to the default");
        assert_eq!(notes.dropped_fields, vec!["sync_all".to_string()]);
        assert_eq!(notes.newer_schema, Some(7));
    }

    #[test]
    fn profile_that_is_not_a_profile_is_refused_with_the_reason() {
        for bad in ["[1,2]", "{\"settings\":{}}", "{\"schema\":1}", "not json"] {
            let e = Settings::from_profile_text(bad, Path::new("p.json")).unwrap_err();
            assert!(e.to_string().contains("p.json"), "{e}");
        }
    }
}
