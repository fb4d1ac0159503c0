//! Applying a plan: a pre-flight that proves every object can be written, a backup of every
//! original (fsynced) before the first write, then per object: re-read, stop if it changed since
//! the plan, add only what is still missing, write the DACL alone (SD flags = DACL), re-read and
//! verify. Stops at the first failure and says how to restore.

use std::path::Path;

use super::backup::{self, Backup, BackupError, DACL_ATTRIBUTE, Entry};
use super::{Action, Before, Change, Plan};
use crate::ad::{AdError, Connection};
use crate::sd::{Ace, SecurityDescriptor, sddl};
use crate::sddl_input;

/// How to apply.
#[derive(Clone, Debug, Default)]
pub struct ApplyOptions {
    /// When an object changed since the plan was computed, apply the plan's additions to its
    /// current value instead of stopping.
    pub replan: bool,
    /// Set from elsewhere to stop before the next object. A write in progress always finishes
    /// (and is verified); the flag is only read between objects.
    pub cancel: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

/// Progress, one event per step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// The backup is on disk.
    BackedUp { path: String, entries: usize },
    /// Change `index` (0-based) of `total` is about to be written.
    Writing {
        index: usize,
        total: usize,
        dn: String,
    },
    /// Change `index` is written and verified.
    Verified { index: usize, dn: String },
    /// Nothing was left to do for change `index` (already as planned).
    AlreadyDone { index: usize, dn: String },
}

/// Why applying stopped. `written` says how many changes had been written by then.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApplyError {
    #[error("the plan was made for domain {plan} but this is {domain}; nothing was written")]
    OtherDomain { plan: String, domain: String },
    #[error(
        "the signed-in account may not change {what} of {dn}; nothing was written. Sign in as an account that may (usually a domain admin)."
    )]
    NotPermitted { dn: String, what: String },
    #[error(
        "{dn} changed since the plan was made ({what}); stopped after {written} change(s). Run plan again, or apply with --replan to add the planned entries to its current value."
    )]
    Changed {
        dn: String,
        what: String,
        written: usize,
    },
    #[error("the plan is damaged: {0}")]
    BadPlan(String),
    #[error(transparent)]
    Backup(#[from] BackupError),
    #[error("writing {dn} failed after {written} change(s): {source}")]
    Write {
        dn: String,
        written: usize,
        #[source]
        source: AdError,
    },
    #[error(
        "after writing {dn}, the directory does not hold what was written ({detail}); stopped after {written} change(s)"
    )]
    Verify {
        dn: String,
        detail: String,
        written: usize,
    },
    #[error(
        "{dn} is in a protected group again (or its groups cannot be read), so its adminCount is not stale any more; stopped after {written} change(s) without clearing it. Run plan again."
    )]
    NotStale { dn: String, written: usize },
    #[error("cancelled after {written} change(s); the backup holds every original value")]
    Cancelled { written: usize },
    #[error(transparent)]
    Directory(#[from] AdError),
}

impl ApplyError {
    /// How many changes were written before the stop.
    pub fn written(&self) -> usize {
        match self {
            ApplyError::Changed { written, .. }
            | ApplyError::Write { written, .. }
            | ApplyError::Verify { written, .. }
            | ApplyError::NotStale { written, .. }
            | ApplyError::Cancelled { written } => *written,
            _ => 0,
        }
    }
}

/// The attribute a change writes.
fn attribute_of(change: &Change) -> &str {
    match &change.action {
        Action::SetAttribute { attribute, .. } => attribute,
        _ => DACL_ATTRIBUTE,
    }
}

/// Whether `change` clears adminCount or re-enables inheritance on a user flagged stale: both
/// are only right while the account is in no protected group.
fn clears_admin_count(change: &Change) -> bool {
    match &change.action {
        Action::SetAttribute { attribute, values } => {
            attribute.eq_ignore_ascii_case("adminCount") && values.is_empty()
        }
        Action::EnableInheritance => true,
        Action::AddAces { .. } => false,
    }
}

/// Stops unless the account `change` clears adminCount on is still in no protected group.
async fn still_stale(
    conn: &mut Connection,
    plan: &Plan,
    change: &Change,
    written: usize,
) -> Result<(), ApplyError> {
    let sid: crate::sd::Sid = plan
        .domain_sid
        .parse()
        .map_err(|_| ApplyError::BadPlan(format!("domain SID {}", plan.domain_sid)))?;
    let status = crate::check::facts::admin_status_now(conn, &change.dn, &sid, None).await;
    if status == crate::check::AdminStatus::Stale {
        Ok(())
    } else {
        Err(ApplyError::NotStale {
            dn: change.dn.clone(),
            written,
        })
    }
}

/// The ACEs of an AddAces change, parsed.
fn planned_aces(change: &Change) -> Result<Vec<Ace>, ApplyError> {
    let Action::AddAces { aces } = &change.action else {
        return Ok(Vec::new());
    };
    aces.iter()
        .map(|a| {
            sddl::parse_ace(a, &crate::sd::DomainContext::default())
                .map_err(|e| ApplyError::BadPlan(format!("{}: {a}: {e}", change.dn)))
        })
        .collect()
}

/// The value `change` writes over `current`.
fn new_value(change: &Change, current: &[Vec<u8>]) -> Result<Vec<Vec<u8>>, ApplyError> {
    match &change.action {
        Action::SetAttribute { values, .. } => {
            Ok(values.iter().map(|v| v.as_bytes().to_vec()).collect())
        }
        Action::AddAces { .. } | Action::EnableInheritance => {
            let mut sd = current_sd(change, current)?;
            if let Action::AddAces { .. } = change.action {
                let acl = sd
                    .dacl
                    .acl_mut()
                    .ok_or_else(|| ApplyError::BadPlan(format!("{} has no DACL", change.dn)))?;
                crate::sd::canonical::ensure_present(acl, &planned_aces(change)?);
            } else {
                sd.set_control(crate::sd::Control::DACL_PROTECTED, false);
            }
            let bytes = sd
                .to_bytes()
                .map_err(|e| ApplyError::BadPlan(e.to_string()))?;
            Ok(vec![bytes])
        }
    }
}

fn current_sd(change: &Change, current: &[Vec<u8>]) -> Result<SecurityDescriptor, ApplyError> {
    let [raw] = current else {
        return Err(ApplyError::BadPlan(format!(
            "{}: no security descriptor",
            change.dn
        )));
    };
    SecurityDescriptor::from_bytes(raw)
        .map_err(|e| ApplyError::BadPlan(format!("{}: {e}", change.dn)))
}

/// Whether `current` is still what the plan was made against. For a DACL that is its explicit
/// ACEs and control bits: inherited ACEs may move because of an earlier change in this run.
fn unchanged_since_plan(change: &Change, current: &[Vec<u8>]) -> bool {
    match &change.before {
        Before::Dacl { base64 } => {
            let planned = sddl_input::decode_blob(base64)
                .ok()
                .and_then(|b| SecurityDescriptor::from_bytes(&b).ok());
            let now = match current {
                [raw] => SecurityDescriptor::from_bytes(raw).ok(),
                _ => None,
            };
            matches!((planned, now), (Some(p), Some(n)) if explicit_part(&p) == explicit_part(&n))
        }
        Before::Values { values } => {
            let planned: Vec<Vec<u8>> = values.iter().map(|v| v.as_bytes().to_vec()).collect();
            backup::same_values(&planned, current)
        }
    }
}

/// Explicit ACEs and control bits: what a DACL write controls (inherited ACEs follow the
/// parents, which may change in the same run).
fn explicit_part(sd: &SecurityDescriptor) -> (u16, Vec<Ace>) {
    (
        sd.control().0,
        sd.dacl
            .acl()
            .map(|a| {
                a.aces
                    .iter()
                    .filter(|x| !x.is_inherited())
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
    )
}

/// Checks the signed-in account may write every object of the plan (sDRightsEffective for
/// DACLs, allowedAttributesEffective for attributes).
async fn preflight(conn: &mut Connection, plan: &Plan) -> Result<(), ApplyError> {
    for change in &plan.changes {
        let attr = attribute_of(change);
        let entry = conn
            .read(
                &change.dn,
                &["sDRightsEffective", "allowedAttributesEffective"],
                vec![],
            )
            .await?
            .ok_or_else(|| AdError::Operation {
                op: "read",
                dn: change.dn.clone(),
                code: crate::ad::error::NO_SUCH_OBJECT,
                text: "no such object".into(),
            })?;
        let ok = if attr == DACL_ATTRIBUTE {
            entry.int("sDRightsEffective").is_some_and(|r| r & 4 != 0)
        } else {
            entry
                .texts("allowedAttributesEffective")
                .iter()
                .any(|a| a.eq_ignore_ascii_case(attr))
        };
        if !ok {
            return Err(ApplyError::NotPermitted {
                dn: change.dn.clone(),
                what: if attr == DACL_ATTRIBUTE {
                    "the permissions (DACL)".into()
                } else {
                    attr.to_string()
                },
            });
        }
    }
    Ok(())
}

/// Applies `plan` over `conn`, writing the backup to `backup_path` first.
pub async fn apply(
    conn: &mut Connection,
    plan: &Plan,
    backup_path: &Path,
    opts: &ApplyOptions,
    mut on_event: impl FnMut(Event),
) -> Result<usize, ApplyError> {
    let root = conn.root_dse().await?;
    let domain_sid = conn.domain_sid().await?.to_string();
    if domain_sid != plan.domain_sid {
        return Err(ApplyError::OtherDomain {
            plan: plan.domain_sid.clone(),
            domain: domain_sid,
        });
    }
    for change in &plan.changes {
        planned_aces(change)?;
    }
    preflight(conn, plan).await?;
    for change in plan.changes.iter().filter(|c| clears_admin_count(c)) {
        still_stale(conn, plan, change, 0).await?;
    }

    // Originals, as they are now; stop before anything is written if one moved.
    let ctx = plan.context();
    let mut entries = Vec::new();
    for change in &plan.changes {
        let attr = attribute_of(change);
        let current = backup::read_current(conn, &change.dn, attr).await?;
        if !opts.replan && !unchanged_since_plan(change, &current) {
            return Err(ApplyError::Changed {
                dn: change.dn.clone(),
                what: format!("{attr} is not what the plan read"),
                written: 0,
            });
        }
        if entries.iter().any(|e: &Entry| {
            e.dn.eq_ignore_ascii_case(&change.dn) && e.attribute.eq_ignore_ascii_case(attr)
        }) {
            continue;
        }
        entries.push(if attr == DACL_ATTRIBUTE {
            Entry::dacl(&change.dn, &current[0], &ctx)
        } else {
            Entry::attribute(&change.dn, attr, &current)
        });
    }
    let backup = Backup {
        schema: backup::BACKUP_SCHEMA,
        tool: env!("CARGO_PKG_NAME").into(),
        tool_version: env!("CARGO_PKG_VERSION").into(),
        time: crate::report::rfc3339_now(),
        dc: root.dns_host_name.clone(),
        domain_dn: plan.domain_dn.clone(),
        domain_sid: plan.domain_sid.clone(),
        entries,
    };
    backup.write_new(backup_path)?;
    on_event(Event::BackedUp {
        path: backup_path.display().to_string(),
        entries: backup.entries.len(),
    });

    let total = plan.changes.len();
    let mut written = 0;
    for (index, change) in plan.changes.iter().enumerate() {
        if opts
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::SeqCst))
        {
            return Err(ApplyError::Cancelled { written });
        }
        let attr = attribute_of(change);
        let current = backup::read_current(conn, &change.dn, attr).await?;
        if !opts.replan && !unchanged_since_plan(change, &current) {
            return Err(ApplyError::Changed {
                dn: change.dn.clone(),
                what: format!("{attr} changed while applying"),
                written,
            });
        }
        if clears_admin_count(change) {
            still_stale(conn, plan, change, written).await?;
        }
        let target = new_value(change, &current)?;
        if target == current {
            on_event(Event::AlreadyDone {
                index,
                dn: change.dn.clone(),
            });
            continue;
        }
        on_event(Event::Writing {
            index,
            total,
            dn: change.dn.clone(),
        });
        backup::write_value(conn, &change.dn, attr, target.clone())
            .await
            .map_err(|source| ApplyError::Write {
                dn: change.dn.clone(),
                written,
                source,
            })?;
        written += 1;
        let after = backup::read_current(conn, &change.dn, attr).await?;
        let verified = if attr == DACL_ATTRIBUTE {
            let want = current_sd(change, &target)?;
            let got = current_sd(change, &after)?;
            explicit_part(&want) == explicit_part(&got)
        } else {
            backup::same_values(&after, &target)
        };
        if !verified {
            return Err(ApplyError::Verify {
                dn: change.dn.clone(),
                detail: format!("{attr} reads back differently"),
                written,
            });
        }
        on_event(Event::Verified {
            index,
            dn: change.dn.clone(),
        });
    }
    Ok(written)
}
