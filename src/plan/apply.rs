//! Applying a plan, in two steps the engine's write path runs with the run's manifest in
//! between: [`back_up`] checks the plan (only what the tool itself plans, see
//! [`super::validate`]; every object in the domain the DC serves), proves in a pre-flight that
//! every object can be written and is of the class the change is for, and writes a backup of
//! every value before and after (checksummed and authenticated with the local key, fsynced,
//! 0600) before anything is written; [`write`] then, per object: re-reads, stops if it changed
//! since the plan, computes the new value from the current one, writes it as a
//! compare-and-swap (or conditionally, or guarded, see [`super::backup::guarded`]), re-reads and
//! verifies. It stops at the first failure; the backup restores.

use std::path::Path;

use super::backup::guarded::{Race, Write, Written};
use super::backup::{self, Backup, BackupError, DACL_ATTRIBUTE, Entry};
use super::validate::{PlanFileError, Target};
use super::{Action, Before, Change, Plan};
use crate::ad::discovery::DomainScope;
use crate::ad::{AdError, Connection};
use crate::sd::{Ace, SecurityDescriptor, sddl};
use crate::sddl_input;

mod preview;

pub use preview::{Preview, in_place, preview, preview_text};

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
    /// Value `index` (0-based) of `total` is about to be written.
    Writing {
        index: usize,
        total: usize,
        dn: String,
    },
    /// Value `index` is written and verified.
    Verified { index: usize, dn: String },
    /// Nothing was left to do for value `index` (already as planned).
    AlreadyDone { index: usize, dn: String },
}

/// Why applying stopped. `written` says how many values had been written by then.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ApplyError {
    #[error("the plan was made for domain {plan} but this is {domain}; nothing was written")]
    OtherDomain { plan: String, domain: String },
    #[error(
        "the plan changes {dn}, which is not an object of the domain {domain}; nothing was written"
    )]
    OutsideDomain { dn: String, domain: String },
    #[error(transparent)]
    File(#[from] PlanFileError),
    #[error(
        "the plan changes {dn} as {expected}, but it is {found} in the directory; nothing was written"
    )]
    WrongObject {
        dn: String,
        expected: Target,
        found: String,
    },
    #[error(
        "the signed-in account may not change {attribute} of {dn}; nothing was written. Sign in as an account that may (usually a domain admin)."
    )]
    NotPermitted { dn: String, attribute: String },
    #[error("{dn} changed since the plan was made ({what}); stopped after {written} change(s)")]
    Changed {
        dn: String,
        what: String,
        written: usize,
    },
    #[error(
        "{0}; stopped after {1} change(s). Nothing of that other change was overwritten unseen."
    )]
    Concurrent(String, usize),
    #[error("{race}; stopped after {written} change(s), this one included")]
    Raced { race: Race, written: usize },
    #[error(
        "{dn} is in a protected group again (or its groups cannot be read), so its adminCount is not stale any more; stopped after {written} change(s) without clearing it. Run plan again."
    )]
    NotStale { dn: String, written: usize },
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
            | ApplyError::Concurrent(_, written)
            | ApplyError::Raced { written, .. }
            | ApplyError::Cancelled { written } => *written,
            _ => 0,
        }
    }
}

/// The attribute a change writes.
pub(super) fn attribute_of(change: &Change) -> &str {
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
pub(super) fn planned_aces(change: &Change) -> Result<Vec<Ace>, ApplyError> {
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

pub(super) fn current_sd(dn: &str, current: &[Vec<u8>]) -> Result<SecurityDescriptor, ApplyError> {
    let [raw] = current else {
        return Err(ApplyError::BadPlan(format!("{dn}: no security descriptor")));
    };
    SecurityDescriptor::from_bytes(raw).map_err(|e| ApplyError::BadPlan(format!("{dn}: {e}")))
}

/// Whether `current` is still what the plan was made against. For a DACL that is its explicit
/// ACEs and protection: inherited ACEs may move because of an earlier change in this run.
fn unchanged_since_plan(change: &Change, current: &[Vec<u8>]) -> bool {
    match &change.before {
        Before::Dacl { base64 } => {
            let planned = sddl_input::decode_blob(base64).map(|b| vec![b]);
            planned.is_ok_and(|p| backup::same_written(DACL_ATTRIBUTE, &p, current))
        }
        Before::Values { values } => {
            let planned: Vec<Vec<u8>> = values.iter().map(|v| v.as_bytes().to_vec()).collect();
            backup::same_values(&planned, current)
        }
    }
}

/// Reads the value before and computes the value after of every group, and writes the backup
/// of both (fsynced) before anything in the directory changes; stops first if a value moved
/// since the plan was made.
async fn write_backup(
    conn: &mut Connection,
    plan: &Plan,
    groups: &[Group<'_>],
    dc: &str,
    opts: &ApplyOptions,
    backup_path: &Path,
    key: &crate::seal::LocalKey,
) -> Result<Backup, ApplyError> {
    let ctx = plan.context();
    let mut entries = Vec::new();
    for g in groups {
        let current = backup::read_current(conn, g.dn, g.attribute).await?;
        if !opts.replan && !g.changes.iter().all(|c| unchanged_since_plan(c, &current)) {
            return Err(ApplyError::Changed {
                dn: g.dn.to_string(),
                what: format!("{} is not what the plan read", g.attribute),
                written: 0,
            });
        }
        let c = compute_target(g, &current)?;
        entries.push(if g.attribute == DACL_ATTRIBUTE {
            Entry::dacl(
                g.dn,
                &current[0],
                &c.target[0],
                &c.added,
                c.unprotects,
                &ctx,
            )
        } else {
            Entry::attribute(g.dn, g.attribute, &current, &c.target)
        });
    }
    let mut backup = Backup {
        schema: backup::BACKUP_SCHEMA,
        tool: env!("CARGO_PKG_NAME").into(),
        tool_version: env!("CARGO_PKG_VERSION").into(),
        time: crate::clock::rfc3339_now(),
        dc: dc.to_string(),
        domain_dn: plan.domain_dn.clone(),
        domain_sid: plan.domain_sid.clone(),
        connector_sid: plan.connector_sid.clone(),
        entries,
        checksum: String::new(),
        mac: String::new(),
    };
    backup.seal(Some(key));
    backup.validate(backup_path)?;
    crate::faults::hit("before-backup");
    backup.write_new(backup_path)?;
    Ok(backup)
}

/// One object and attribute, with every change of the plan to it (in plan order).
pub(super) struct Group<'a> {
    pub(super) dn: &'a str,
    pub(super) attribute: &'a str,
    pub(super) changes: Vec<&'a Change>,
}

pub(super) fn groups(plan: &Plan) -> Vec<Group<'_>> {
    let mut out: Vec<Group<'_>> = Vec::new();
    for c in &plan.changes {
        let attr = attribute_of(c);
        match out
            .iter_mut()
            .find(|g| g.dn.eq_ignore_ascii_case(&c.dn) && g.attribute.eq_ignore_ascii_case(attr))
        {
            Some(g) => g.changes.push(c),
            None => out.push(Group {
                dn: &c.dn,
                attribute: attr,
                changes: vec![c],
            }),
        }
    }
    out
}

/// What writing a group over `current` means: the new value, the ACEs added, and whether
/// inheritance is enabled.
pub(super) struct Computed {
    pub(super) target: Vec<Vec<u8>>,
    added: Vec<Ace>,
    unprotects: bool,
}

pub(super) fn compute_target(
    group: &Group<'_>,
    current: &[Vec<u8>],
) -> Result<Computed, ApplyError> {
    if group.attribute != DACL_ATTRIBUTE {
        let Some(Action::SetAttribute { values, .. }) = group.changes.last().map(|c| &c.action)
        else {
            return Err(ApplyError::BadPlan(format!("{}: no value", group.dn)));
        };
        return Ok(Computed {
            target: values.iter().map(|v| v.as_bytes().to_vec()).collect(),
            added: Vec::new(),
            unprotects: false,
        });
    }
    let mut sd = current_sd(group.dn, current)?;
    let (mut added, mut unprotects) = (Vec::new(), false);
    for c in &group.changes {
        match &c.action {
            Action::AddAces { .. } => {
                let acl = sd
                    .dacl
                    .acl_mut()
                    .ok_or_else(|| ApplyError::BadPlan(format!("{} has no DACL", c.dn)))?;
                added.extend(crate::sd::canonical::ensure_present(acl, &planned_aces(c)?));
            }
            Action::EnableInheritance => {
                unprotects |= sd.dacl_protected();
                sd.set_control(crate::sd::Control::DACL_PROTECTED, false);
            }
            Action::SetAttribute { .. } => {}
        }
    }
    let bytes = sd
        .to_bytes()
        .map_err(|e| ApplyError::BadPlan(format!("{}: {e}", group.dn)))?;
    if bytes.len() > 64 * 1024 {
        return Err(ApplyError::BadPlan(format!(
            "{}: the DACL would be {} bytes with the additions, more than the 64 KiB a DACL may hold; nothing was written",
            group.dn,
            bytes.len()
        )));
    }
    Ok(Computed {
        target: vec![bytes],
        added,
        unprotects,
    })
}

/// Checks the signed-in account may write every object of the plan (sDRightsEffective for
/// DACLs, allowedAttributesEffective for attributes), and that each object is of the class the
/// change is for.
async fn preflight(
    conn: &mut Connection,
    plan: &Plan,
    targets: &[Target],
) -> Result<(), ApplyError> {
    for (change, target) in plan.changes.iter().zip(targets) {
        let attr = attribute_of(change);
        let entry = conn
            .read(
                &change.dn,
                &[
                    "sDRightsEffective",
                    "allowedAttributesEffective",
                    "objectClass",
                ],
                vec![],
            )
            .await?
            .ok_or_else(|| AdError::Operation {
                op: "read",
                dn: change.dn.clone(),
                code: crate::ad::error::NO_SUCH_OBJECT,
                text: "no such object".into(),
            })?;
        let classes = entry.texts("objectClass");
        let is = |c: &str| classes.iter().any(|x| x.eq_ignore_ascii_case(c));
        let ok = match target {
            Target::Domain => is("domainDNS"),
            Target::User => is("user") && !is("computer"),
            Target::PasswordSettings => is("msDS-PasswordSettings"),
            Target::Container => !is("user"),
            Target::SamServer => is("samServer"),
        };
        if !ok {
            return Err(ApplyError::WrongObject {
                dn: change.dn.clone(),
                expected: target.clone(),
                found: classes
                    .last()
                    .cloned()
                    .unwrap_or_else(|| "something else".into()),
            });
        }
        let permitted = if attr == DACL_ATTRIBUTE {
            entry.int("sDRightsEffective").is_some_and(|r| r & 4 != 0)
        } else {
            entry
                .texts("allowedAttributesEffective")
                .iter()
                .any(|a| a.eq_ignore_ascii_case(attr))
        };
        if !permitted {
            return Err(ApplyError::NotPermitted {
                dn: change.dn.clone(),
                attribute: attr.to_string(),
            });
        }
    }
    Ok(())
}

/// Whether `plan` is for `domain` (SID and DN) and every object it changes is one of the
/// domain's (not of the configuration, schema or an application partition).
pub(super) fn in_domain(plan: &Plan, domain: &DomainScope) -> Result<(), ApplyError> {
    if plan.domain_sid != domain.sid.to_string() {
        return Err(ApplyError::OtherDomain {
            plan: plan.domain_sid.clone(),
            domain: domain.sid.to_string(),
        });
    }
    if !crate::ad::dn::same(&plan.domain_dn, &domain.dn) {
        return Err(ApplyError::OtherDomain {
            plan: plan.domain_dn.clone(),
            domain: domain.dn.clone(),
        });
    }
    match plan.changes.iter().find(|c| !domain.holds(&c.dn)) {
        Some(c) => Err(ApplyError::OutsideDomain {
            dn: c.dn.clone(),
            domain: domain.dn.clone(),
        }),
        None => Ok(()),
    }
}

/// The first step of applying `plan` over `conn`: the plan is checked against `domain` (as the
/// DC serves it), every object is proved writable and of the right class, and the backup of
/// every value is written to `backup_path` (sealed with `key`). Nothing in the directory is
/// written yet.
pub async fn back_up(
    conn: &mut Connection,
    plan: &Plan,
    domain: &DomainScope,
    backup_path: &Path,
    key: &crate::seal::LocalKey,
    opts: &ApplyOptions,
) -> Result<Backup, ApplyError> {
    let targets = super::validate::check_file(plan)?;
    in_domain(plan, domain)?;
    let root = conn.root_dse().await?;
    let sid = conn.domain_sid().await?;
    if sid != domain.sid || !crate::ad::dn::same(&root.default_naming_context, &domain.dn) {
        return Err(ApplyError::OtherDomain {
            plan: domain.sid.to_string(),
            domain: sid.to_string(),
        });
    }
    preflight(conn, plan, &targets).await?;
    for change in plan.changes.iter().filter(|c| clears_admin_count(c)) {
        still_stale(conn, plan, change, 0).await?;
    }
    let groups = groups(plan);
    write_backup(
        conn,
        plan,
        &groups,
        &root.dns_host_name,
        opts,
        backup_path,
        key,
    )
    .await
}

/// One value written guarded; `written` values were written before it. A race seen around the
/// write stops the run with the write counted; a concurrent change that stopped it, or a
/// directory error, stops it without.
async fn guarded(conn: &mut Connection, w: Write<'_>, written: usize) -> Result<(), ApplyError> {
    let dn = w.dn.to_string();
    match backup::write_guarded(conn, w).await {
        Ok(Written::Raced(race)) => Err(ApplyError::Raced {
            race,
            written: written + 1,
        }),
        Ok(_) => Ok(()),
        Err(Ok(c)) => Err(ApplyError::Concurrent(c.to_string(), written)),
        Err(Err(source)) => Err(ApplyError::Write {
            dn,
            written,
            source,
        }),
    }
}

/// The second step: writes `plan` over `conn` as `backup` (from [`back_up`]) says, value by
/// value, each guarded and verified. `assertion`: the DC lists the LDAP assertion control.
pub async fn write(
    conn: &mut Connection,
    plan: &Plan,
    backup: &Backup,
    opts: &ApplyOptions,
    assertion: bool,
    mut on_event: impl FnMut(Event),
) -> Result<usize, ApplyError> {
    let groups = groups(plan);
    if groups.len() != backup.entries.len() {
        return Err(ApplyError::BadPlan(
            "the backup does not hold the values of this plan".into(),
        ));
    }
    let ctx = plan.context();
    let total = groups.len();
    let mut written = 0;
    for (index, (g, entry)) in groups.iter().zip(&backup.entries).enumerate() {
        crate::faults::hit(&format!("before-{index}"));
        if opts
            .cancel
            .as_ref()
            .is_some_and(|c| c.load(std::sync::atomic::Ordering::SeqCst))
        {
            return Err(ApplyError::Cancelled { written });
        }
        let current = backup::read_current(conn, g.dn, g.attribute).await?;
        let planned = entry.values().map_err(ApplyError::BadPlan)?;
        if !backup::same_written(g.attribute, &current, &planned) {
            return Err(ApplyError::Changed {
                dn: g.dn.to_string(),
                what: format!("{} changed while applying", g.attribute),
                written,
            });
        }
        let target = entry.written().map_err(ApplyError::BadPlan)?;
        if backup::same_written(g.attribute, &current, &target) {
            on_event(Event::AlreadyDone {
                index,
                dn: g.dn.to_string(),
            });
            continue;
        }
        on_event(Event::Writing {
            index,
            total,
            dn: g.dn.to_string(),
        });
        let w = Write {
            dn: g.dn,
            attribute: g.attribute,
            old: &current,
            new: target.clone(),
            reference: &planned,
            ctx: &ctx,
            assertion,
        };
        guarded(conn, w, written).await?;
        written += 1;
        crate::faults::hit(&format!("after-{index}"));
        let after = backup::read_current(conn, g.dn, g.attribute).await?;
        if !backup::same_written(g.attribute, &after, &target) {
            return Err(ApplyError::Verify {
                dn: g.dn.to_string(),
                detail: format!("{} reads back differently", g.attribute),
                written,
            });
        }
        on_event(Event::Verified {
            index,
            dn: g.dn.to_string(),
        });
    }
    Ok(written)
}
