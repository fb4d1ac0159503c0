//! What applying a plan will do, worked out from the values as they are now (never from the
//! plan's own text) before anything is confirmed, and whether a change would write anything.

use super::{
    ApplyError, attribute_of, compute_target, current_sd, groups, in_domain, planned_aces,
};
use crate::ad::Connection;
use crate::ad::discovery::DomainScope;
use crate::plan::backup;
use crate::plan::{Action, Change, Plan};

/// One object as it will change, computed from the directory as it is now (not from the
/// plan's own text): what is shown before anything is confirmed.
#[derive(Clone, Debug)]
pub struct Preview {
    pub dn: String,
    pub attribute: String,
    /// What the actions do, in words.
    pub what: String,
    /// `+`/`-` lines in SDDL (DACLs) or the values.
    pub diff: Vec<String>,
}

/// The plan checked (as `apply` checks it) and turned into what it will do to the current
/// values. Nothing is written.
pub async fn preview(
    conn: &mut Connection,
    plan: &Plan,
    domain: &DomainScope,
) -> Result<Vec<Preview>, ApplyError> {
    crate::plan::validate::check_file(plan)?;
    in_domain(plan, domain)?;
    let ctx = plan.context();
    let mut out = Vec::new();
    for g in groups(plan) {
        let current = backup::read_current(conn, g.dn, g.attribute).await?;
        let computed = compute_target(&g, &current)?;
        let what = g
            .changes
            .iter()
            .map(|c| match &c.action {
                Action::AddAces { aces } => format!("grant {} ACE(s) to the connector", aces.len()),
                Action::EnableInheritance => "enable inheritance".into(),
                Action::SetAttribute { attribute, values } => format!(
                    "set {attribute} to {}",
                    if values.is_empty() {
                        "(none)".into()
                    } else {
                        values.join(", ")
                    }
                ),
            })
            .collect::<Vec<_>>()
            .join("; ");
        let diff = backup::value_diff(g.attribute, &current, &computed.target, &ctx);
        out.push(Preview {
            dn: g.dn.to_string(),
            attribute: g.attribute.to_string(),
            what,
            diff,
        });
    }
    Ok(out)
}

/// Whether `change` would write nothing: the directory already holds it (its ACEs are explicit
/// in the DACL, inheritance is on, the attribute has the values).
pub async fn in_place(conn: &mut Connection, change: &Change) -> Result<bool, ApplyError> {
    let current = backup::read_current(conn, &change.dn, attribute_of(change)).await?;
    Ok(match &change.action {
        Action::SetAttribute { values, .. } => {
            let wanted: Vec<Vec<u8>> = values.iter().map(|v| v.as_bytes().to_vec()).collect();
            backup::same_values(&wanted, &current)
        }
        Action::EnableInheritance => !current_sd(&change.dn, &current)?.dacl_protected(),
        Action::AddAces { .. } => {
            let (_, explicit) = backup::explicit_part(&current_sd(&change.dn, &current)?);
            planned_aces(change)?.iter().all(|a| explicit.contains(a))
        }
    })
}

/// The preview as text for a terminal.
pub fn preview_text(items: &[Preview]) -> String {
    let mut s = String::new();
    for (i, p) in items.iter().enumerate() {
        s.push_str(&format!(
            "\n{}. {} ({})\n   {}\n",
            i + 1,
            p.dn,
            p.attribute,
            p.what
        ));
        for l in &p.diff {
            s.push_str(&format!("   {l}\n"));
        }
    }
    s
}
