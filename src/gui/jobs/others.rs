//! The other directories of a run: forests beyond the first, as Connect's "Connect your
//! directories" page lists them. Each is tested when added, assessed beside the first (at the
//! same time, through the engine's `assess_all`), planned with the same options, and applied
//! with its own backup.

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

    /// The check's options there: its connector and OU filter.
    pub fn options(&self) -> CheckOptions {
        CheckOptions {
            connector: Some(self.settings.connector.trim().to_string()).filter(|c| !c.is_empty()),
            scopes: self.settings.scopes.clone(),
            page_size: 1000,
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

/// Where another directory's backup goes: beside the first one's, with its number and name
/// (`backup-….json` → `backup-….2-dc2.fabrikam.example.json`).
pub fn other_backup(first: &Path, index: usize, label: &str) -> PathBuf {
    crate::plan::backup::directory_path(first, index + 2, label)
}

/// Applies `plan` in another directory with its own backup; the number of changes written.
pub async fn apply_other(
    other: Other,
    plan: Arc<Plan>,
    backup: PathBuf,
    cancel: Arc<AtomicBool>,
) -> Result<usize, UiError> {
    if plan.is_empty() {
        return Ok(0);
    }
    let p = other.params()?;
    let conn = connect(&p).await?;
    let (mut conn, _) = p.login().for_writes(conn, &plan).await;
    let r = plan::apply::apply(
        &mut conn,
        &plan,
        &backup,
        &ApplyOptions {
            replan: false,
            cancel: Some(cancel),
        },
        |_| {},
    )
    .await;
    conn.close().await;
    r.map_err(|e| UiError::of(&e))
}

/// Of the first directory and the others, the one whose domain is `domain_dn` (a backup's):
/// each is asked for its domain.
pub async fn directory_of(
    candidates: Vec<DirectoryParams>,
    domain_dn: String,
) -> Result<DirectoryParams, UiError> {
    for p in candidates {
        let Ok(mut conn) = connect(&p).await else {
            continue;
        };
        let root = conn.root_dse().await;
        conn.close().await;
        if root.is_ok_and(|r| r.default_naming_context.eq_ignore_ascii_case(&domain_dn)) {
            return Ok(p);
        }
    }
    Err(UiError::other(t!(
        "others-no-directory",
        domain = domain_dn
    )))
}

/// The backups the other directories got in the same Configure as `first` (beside it, named
/// `<first's stem>.<n>-<directory>.json`, `n` ≥ 2), sorted by `n`.
pub fn sibling_backups(first: &Path) -> Vec<PathBuf> {
    let (Some(dir), Some(stem)) = (first.parent(), first.file_stem()) else {
        return Vec::new();
    };
    let prefix = format!("{}.", stem.to_string_lossy());
    let Ok(entries) = std::fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return Vec::new();
    };
    let mut found: Vec<(u32, PathBuf)> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let name = p.file_name()?.to_string_lossy().into_owned();
            let rest = name.strip_prefix(&prefix)?.strip_suffix(".json")?;
            let (n, label) = rest.split_once('-')?;
            let n: u32 = n.parse().ok()?;
            (n >= 2 && !label.is_empty()).then_some((n, p))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, p)| p).collect()
}

/// One more part of a restore: another directory's backup, where it goes, and what it writes.
#[derive(Clone, Debug)]
pub struct RestorePart {
    pub path: PathBuf,
    pub backup: Arc<Backup>,
    pub params: DirectoryParams,
    pub items: Arc<Vec<RestoreItem>>,
}

/// The other directories' backups of the run `first` belongs to, each loaded, matched to the
/// directory it was made in (of `candidates`) and prepared: nothing is written.
pub async fn prepare_siblings(
    candidates: Vec<DirectoryParams>,
    first: PathBuf,
) -> Result<Vec<RestorePart>, UiError> {
    let mut parts = Vec::new();
    for path in sibling_backups(&first) {
        let backup = load_backup(path.clone()).await?;
        let params = directory_of(candidates.clone(), backup.domain_dn.clone()).await?;
        let items = prepare_restore(params.clone(), backup.clone(), path.clone()).await?;
        parts.push(RestorePart {
            path,
            backup,
            params,
            items,
        });
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_other_directory_gets_its_own_backup_beside_the_first() {
        let first = Path::new("/b/backup-20261130T120000Z.json");
        assert_eq!(
            other_backup(first, 0, "ldaps://127.0.0.2:636"),
            Path::new("/b/backup-20261130T120000Z.2-ldaps___127.0.0.2_636.json")
        );
        assert_ne!(other_backup(first, 0, "a"), other_backup(first, 1, "a"));
    }

    #[test]
    fn the_other_backups_of_a_run_are_found_beside_the_first() {
        let dir = std::env::temp_dir().join(format!("ww-siblings-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let first = dir.join("backup-1.json");
        for name in [
            "backup-1.json",
            "backup-1.3-dc3.json",
            "backup-1.2-ldaps___127.0.0.2_636.json",
            "backup-10.2-other-run.json",
            "backup-1.notes.json",
        ] {
            std::fs::write(dir.join(name), "{}").unwrap();
        }
        assert_eq!(
            sibling_backups(&first),
            [
                dir.join("backup-1.2-ldaps___127.0.0.2_636.json"),
                dir.join("backup-1.3-dc3.json")
            ]
        );
        assert_eq!(
            sibling_backups(&other_backup(&first, 0, "x")),
            Vec::<PathBuf>::new()
        );
        std::fs::remove_dir_all(&dir).ok();
    }

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
