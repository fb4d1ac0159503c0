//! The other directories of a run: forests beyond the first, as Connect's "Connect your
//! directories" page lists them. Each is tested when added, assessed beside the first (at the
//! same time, through the engine's `assess_all`) and planned with the same options; the
//! engine's write path applies and restores them with the first (see `write`).

use super::*;
use crate::profile::DirectorySettings;

/// Another directory and its password (kept for the session, never saved).
#[derive(Clone)]
pub struct Other {
    pub settings: DirectorySettings,
    pub password: Zeroizing<String>,
}

impl std::fmt::Debug for Other {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Other")
            .field("server", &self.settings.server)
            .field("user", &self.settings.user)
            .finish_non_exhaustive()
    }
}

impl Other {
    /// What the pages call it: the server as the user typed it.
    pub fn label(&self) -> String {
        self.settings.server.trim().to_string()
    }

    /// How to reach and sign in to it.
    pub fn params(&self) -> Result<DirectoryParams, UiError> {
        let s = &self.settings;
        if s.server.trim().is_empty() {
            return Err(UiError::other(t!("directory-need-server")));
        }
        let mut opts = ConnectOptions::for_server(s.server.trim(), s.transport.transport())?;
        opts.ca_file = s.ca_file.clone();
        if !s.windows_credentials {
            if s.user.trim().is_empty() {
                return Err(UiError::other(t!("directory-need-user")));
            }
            if self.password.is_empty() {
                return Err(UiError::other(t!("directory-need-password")));
            }
        }
        Ok(DirectoryParams {
            opts,
            user: s.user.trim().to_string(),
            password: self.password.clone(),
            kerberos: s.windows_credentials,
        })
    }

    /// The engine's directory: how to reach it and what to check there.
    pub fn directory(&self) -> Result<engine::Directory, UiError> {
        Ok(engine::Directory {
            label: self.label(),
            login: self.params()?.login(),
            options: self.options(),
        })
    }

    /// The check's options there: its connector and OU filter.
    pub fn options(&self) -> CheckOptions {
        CheckOptions {
            connector: Some(self.settings.connector.trim().to_string()).filter(|c| !c.is_empty()),
            scopes: self.settings.scopes.clone(),
            page_size: 1000,
            sync_rules: None,
        }
    }
}

/// One other directory's assessment, or why there is none.
pub type OtherAssessment = (String, Result<Arc<Assessment>, UiError>);

/// Assesses every other directory at once (the directory part: the tenant and the sync server
/// are the first directory's).
pub async fn assess_others(others: Vec<Other>) -> Vec<OtherAssessment> {
    let mut jobs = Vec::new();
    let mut out: Vec<Option<OtherAssessment>> = Vec::new();
    for o in &others {
        match o.params() {
            Ok(p) => {
                jobs.push(engine::directories::DirectoryJob {
                    label: o.label(),
                    login: p.login(),
                    request: Request {
                        options: o.options(),
                        ..Request::default()
                    },
                });
                out.push(None);
            }
            Err(e) => out.push(Some((o.label(), Err(e)))),
        }
    }
    let mut results = engine::directories::assess_all(jobs, |_, _| {})
        .await
        .into_iter();
    out.into_iter()
        .map(|slot| {
            slot.unwrap_or_else(|| match results.next() {
                Some(r) => (r.label, r.result.map(Arc::new).map_err(UiError::from)),
                None => (String::new(), Err(UiError::other(t!("others-lost")))),
            })
        })
        .collect()
}

/// One other directory's plan, or why there is none.
pub type OtherPlan = (String, Result<Arc<Planned>, UiError>);

/// The plan of each other directory, from its assessment, with the same options as the first.
pub async fn plan_others(
    others: Vec<Other>,
    assessed: Vec<OtherAssessment>,
    plan_options: PlanOptions,
) -> Vec<OtherPlan> {
    let mut out = Vec::new();
    for (o, (label, a)) in others.iter().zip(assessed) {
        let r = match (o.params(), a) {
            (Ok(p), Ok(a)) => compute_plan(p, Some(a), o.options(), plan_options.clone()).await,
            (Err(e), _) | (_, Err(e)) => Err(e),
        };
        out.push((label, r));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_other_directory_without_a_password_says_so_and_never_shows_it() {
        let mut o = Other {
            settings: DirectorySettings {
                server: "dc2.fabrikam.example".into(),
                user: "admin@fabrikam.example".into(),
                ..DirectorySettings::default()
            },
            password: Zeroizing::new(String::new()),
        };
        assert!(o.params().is_err());
        o.password = Zeroizing::new("Secret#1".into());
        assert!(o.params().is_ok());
        assert!(!format!("{o:?}").contains("Secret"));
    }
}
