//! Restoring from a backup: deciding, for every entry, what to write back (undo exactly what
//! `apply` did, or the whole original value), then writing it guarded and verifying it.

use std::path::Path;

use super::guarded::{Write, Written};
use super::{
    BackupError, Loaded, explicit_part, read_current, same_written, value_diff as diff,
    values_text, write_guarded,
};
use crate::ad::Connection;
use crate::ad::discovery::DomainScope;
use crate::sd::canonical::remove_explicit;
use crate::sd::{Control, DomainContext, SecurityDescriptor, Sid};

/// How to restore.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RestoreMode {
    /// Take back exactly what apply did: remove the ACEs it added, protect again what it
    /// unprotected, put back an attribute it changed — keeping every other change.
    #[default]
    Undo,
    /// Write the whole original value back; only where the value is still what apply wrote
    /// (else `force`). Only from a backup authenticated with the local key.
    Whole { force: bool },
}

/// One value a restore looks at.
#[derive(Clone, Debug)]
pub struct RestoreItem {
    pub dn: String,
    pub attribute: String,
    pub current: Vec<Vec<u8>>,
    /// What will be written; `None` when nothing is to be written.
    pub target: Option<Vec<Vec<u8>>>,
    /// In words: what happens and why (English, for logs).
    pub note: String,
    /// The same in the faces' words (`restore-<code>`).
    pub said: crate::plan::Said,
    /// The change in SDDL (DACLs) or values.
    pub diff: Vec<String>,
    /// The backup's value before apply (what a race is shown against).
    pub reference: Vec<Vec<u8>>,
}

/// What a restore did.
#[derive(Clone, Debug, Default)]
pub struct RestoreReport {
    /// Entries written back.
    pub restored: Vec<String>,
    /// Entries that needed nothing.
    pub unchanged: Vec<String>,
    /// Entries left as they are (changed since apply by someone else).
    pub kept: Vec<String>,
}

/// The value of `attribute` of `dn` as it is now, for a restore.
async fn reread(
    conn: &mut Connection,
    dn: &str,
    attribute: &str,
) -> Result<Vec<Vec<u8>>, BackupError> {
    read_current(conn, dn, attribute)
        .await
        .map_err(|source| BackupError::Restore {
            dn: dn.to_string(),
            source,
        })
}

/// What the faces say for a restore note.
fn said_of(note: &str, current: &[Vec<u8>]) -> crate::plan::Said {
    use crate::plan::Said;
    match note {
        "already as before apply" => Said::new("already", &[]),
        "the whole value before apply" => Said::new("whole", &[]),
        "nothing apply added is left" => Said::new("nothing-left", &[]),
        "remove what apply added" => Said::new("remove-added", &[]),
        "remove what apply added; changes made since are kept" => {
            Said::new("remove-added-keep", &[])
        }
        "put back the value before apply" => Said::new("put-back", &[]),
        _ => Said::new("changed-since", &[("now", &values_text(current))]),
    }
}

/// Reads the current values and decides, for every entry, what a restore writes (nothing is
/// written here). The backup must be of `domain` (SID and DN, every entry an object of it) and
/// of `connector` (the account resolved on the DC now); whole values go back only from a
/// backup authenticated with the local key.
pub async fn prepare_restore(
    conn: &mut Connection,
    loaded: &Loaded,
    path: &Path,
    mode: RestoreMode,
    domain: &DomainScope,
    connector: &Sid,
) -> Result<Vec<RestoreItem>, BackupError> {
    restorable(loaded, path, mode, domain, connector)?;
    let damaged = |r: String| BackupError::Damaged {
        path: path.display().to_string(),
        reason: r,
    };
    let ctx = DomainContext::for_domain(domain.sid.clone());
    let mut items = Vec::new();
    for e in &loaded.backup.entries {
        let current = read_current(conn, &e.dn, &e.attribute)
            .await
            .map_err(|source| BackupError::Restore {
                dn: e.dn.clone(),
                source,
            })?;
        items.push(decide(e, current, mode, &ctx, &damaged)?);
    }
    Ok(items)
}

/// Whether `loaded` may be restored here at all: its own checks, the domain (SID, DN, every
/// entry an object of it), the connector resolved on the DC, and for whole values its MAC.
fn restorable(
    loaded: &Loaded,
    path: &Path,
    mode: RestoreMode,
    domain: &DomainScope,
    connector: &Sid,
) -> Result<(), BackupError> {
    let backup = &loaded.backup;
    backup.validate(path)?;
    let shown = || path.display().to_string();
    if backup.domain_sid != domain.sid.to_string() {
        return Err(BackupError::OtherDomain {
            path: shown(),
            backup_sid: backup.domain_sid.clone(),
            domain_sid: domain.sid.to_string(),
        });
    }
    if !crate::ad::dn::same(&backup.domain_dn, &domain.dn) {
        return Err(BackupError::OtherDomainName {
            path: shown(),
            backup: backup.domain_dn.clone(),
            domain: domain.dn.clone(),
        });
    }
    if let Some(e) = backup.entries.iter().find(|e| !domain.holds(&e.dn)) {
        return Err(BackupError::OutsideDomain {
            path: shown(),
            dn: e.dn.clone(),
            domain: domain.dn.clone(),
        });
    }
    if backup.connector_sid != connector.to_string() {
        return Err(BackupError::OtherConnector {
            path: shown(),
            backup: backup.connector_sid.clone(),
            connector: connector.to_string(),
        });
    }
    if matches!(mode, RestoreMode::Whole { .. }) && !loaded.authenticity.is_authenticated() {
        return Err(BackupError::NotAuthenticated {
            path: shown(),
            why: loaded.authenticity.clone(),
        });
    }
    Ok(())
}

/// What a restore writes for entry `e`, whose value is `current` now.
fn decide(
    e: &super::Entry,
    current: Vec<Vec<u8>>,
    mode: RestoreMode,
    ctx: &DomainContext,
    damaged: &impl Fn(String) -> BackupError,
) -> Result<RestoreItem, BackupError> {
    let original = e.values().map_err(damaged)?;
    let written = e.written().map_err(damaged)?;
    let still_written = same_written(&e.attribute, &current, &written);
    let at_original = same_written(&e.attribute, &current, &original);
    let item = |target: Option<Vec<Vec<u8>>>, note: &str, diff: Vec<String>| RestoreItem {
        dn: e.dn.clone(),
        attribute: e.attribute.clone(),
        said: said_of(note, &current),
        current: current.clone(),
        target,
        note: note.to_string(),
        diff,
        reference: original.clone(),
    };
    let back = |note: &str| {
        let d = diff(&e.attribute, &current, &original, ctx);
        item(Some(original.clone()), note, d)
    };
    Ok(match mode {
        _ if at_original && !(mode == RestoreMode::Undo && e.is_dacl()) => {
            item(None, "already as before apply", Vec::new())
        }
        RestoreMode::Whole { force } => {
            if !still_written && !force {
                return Err(BackupError::ChangedSince {
                    dn: e.dn.clone(),
                    attribute: e.attribute.clone(),
                });
            }
            back("the whole value before apply")
        }
        RestoreMode::Undo if e.is_dacl() => match undo_dacl(e, &current, ctx).map_err(damaged)? {
            None => item(None, "nothing apply added is left", Vec::new()),
            Some((bytes, diff)) if still_written => {
                item(Some(vec![bytes]), "remove what apply added", diff)
            }
            Some((bytes, diff)) => item(
                Some(vec![bytes]),
                "remove what apply added; changes made since are kept",
                diff,
            ),
        },
        RestoreMode::Undo if still_written => back("put back the value before apply"),
        RestoreMode::Undo => item(
            None,
            &format!(
                "changed since apply (now {}); left as it is",
                values_text(&current)
            ),
            Vec::new(),
        ),
    })
}

/// A restored DACL (bytes) and the diff from the current one.
type Undone = (Vec<u8>, Vec<String>);

/// The DACL with what apply added taken out again (and the protection it lifted put back),
/// keeping every other change made since; `None` when nothing apply added is left. With the
/// diff of current → restored.
fn undo_dacl(
    e: &super::Entry,
    current: &[Vec<u8>],
    ctx: &DomainContext,
) -> Result<Option<Undone>, String> {
    let [raw] = current else {
        return Err(format!("{}: no security descriptor", e.dn));
    };
    let now = SecurityDescriptor::from_bytes(raw).map_err(|x| x.to_string())?;
    let mut target = now.clone();
    let added = e.added_aces()?;
    if let Some(acl) = target.dacl.acl_mut() {
        remove_explicit(acl, &added);
        if e.unprotects {
            acl.aces.retain(|a| !a.is_inherited());
        }
    }
    if e.unprotects {
        target.set_control(Control::DACL_PROTECTED, true);
    }
    if explicit_part(&target) == explicit_part(&now) {
        return Ok(None);
    }
    let bytes = target.to_bytes().map_err(|x| x.to_string())?;
    let diff = crate::plan::diff::lines(&now, &target, ctx);
    Ok(Some((bytes, diff)))
}

/// Writes what [`prepare_restore`] decided, each value compare-and-swapped (or guarded)
/// against the value it was decided on, then verifies. `on_step` hears of each value: restored
/// (`true`) or left as it is (`false`); the faces put it into words.
/// `assertion`: the DC lists the LDAP assertion control.
pub async fn execute_restore(
    conn: &mut Connection,
    items: &[RestoreItem],
    ctx: &DomainContext,
    assertion: bool,
    mut on_step: impl FnMut(&RestoreItem, bool),
) -> Result<RestoreReport, BackupError> {
    let mut report = RestoreReport::default();
    for (k, it) in items.iter().enumerate() {
        let Some(target) = &it.target else {
            on_step(it, false);
            if it.said.code == "changed-since" {
                report.kept.push(it.dn.clone());
            } else {
                report.unchanged.push(it.dn.clone());
            }
            continue;
        };
        crate::faults::hit(&format!("restore-before-{k}"));
        // Read again: an earlier write of this restore may have moved inherited ACEs here (the
        // DC recomputes them); what was decided on is the explicit part.
        let now = reread(conn, &it.dn, &it.attribute).await?;
        if !same_written(&it.attribute, &now, &it.current) {
            return Err(BackupError::Verify {
                dn: it.dn.clone(),
                detail: format!(
                    "{} changed since the restore was prepared; nothing more was written. Run restore again to see what it would do now",
                    it.attribute
                ),
            });
        }
        let written = write_guarded(
            conn,
            Write {
                dn: &it.dn,
                attribute: &it.attribute,
                old: &now,
                new: target.clone(),
                reference: &it.reference,
                ctx,
                assertion,
            },
        )
        .await;
        match written {
            Ok(Written::Raced(race)) => {
                report.restored.push(it.dn.clone());
                return Err(BackupError::Raced {
                    race,
                    restored: report.restored.len(),
                });
            }
            Ok(_) => {}
            Err(Ok(c)) => {
                return Err(BackupError::Verify {
                    dn: it.dn.clone(),
                    detail: format!("{}; run restore again to see what it would do now", c.what),
                });
            }
            Err(Err(source)) => {
                return Err(BackupError::Restore {
                    dn: it.dn.clone(),
                    source,
                });
            }
        }
        crate::faults::hit(&format!("restore-after-{k}"));
        let now = reread(conn, &it.dn, &it.attribute).await?;
        if !same_written(&it.attribute, &now, target) {
            return Err(BackupError::Verify {
                dn: it.dn.clone(),
                detail: format!("{} reads back differently", it.attribute),
            });
        }
        on_step(it, true);
        report.restored.push(it.dn.clone());
    }
    Ok(report)
}
