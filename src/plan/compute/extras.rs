//! The plan's opt-in and side changes: AdminSDHolder (not recommended), the minimum password
//! ages of the domain and of fine-grained policies, the narrow read on the SAM server object,
//! and clearing stale adminCount.

use super::{attribute_change, dacl_change, inheritance_change};
use crate::check::CheckOutcome;
use crate::check::right::Right;
use crate::plan::{Extra, Plan, PlanError, PlanOptions, Said};
use crate::sd::{Ace, DomainContext, Sid, Verdict};

/// AdminSDHolder (opt-in, not recommended).
pub(super) fn admin_sd_holder(
    plan: &mut Plan,
    extra: &Extra,
    opts: &PlanOptions,
    sid: &Sid,
    ctx: &DomainContext,
) -> Result<(), PlanError> {
    if !opts.include_adminsdholder {
        return Ok(());
    }
    plan.warn(
        Said::new("adminsdholder", &[]),
        "NOT RECOMMENDED: granting on AdminSDHolder lets the connector reset the passwords of every protected account (domain admins included) once SDProp runs.".into(),
    );
    if let Some((dn, sd)) = &extra.admin_sd_holder {
        // Directly on the template, not inherit-only: SDProp copies it onto protected users.
        let aces: Vec<Ace> = Right::ALL.into_iter().map(|r| r.own_ace(sid)).collect();
        if let Some(mut change) = dacl_change(
            dn,
            sd,
            &aces,
            ctx,
            "Grant the writeback rights on AdminSDHolder, so SDProp copies them onto protected accounts (not recommended).".into(),
        )? {
            change.said = Said::new("grant-adminsdholder", &[]);
            plan.changes.push(change);
        }
    }
    Ok(())
}

/// Read access for the connector alone on the SAM server object: where it cannot read it (a
/// blocker; never where a deny decides), or — with `grant_samserver` — where it reads it only
/// through Pre-Windows 2000 Compatible Access.
pub(super) fn sam_server(
    plan: &mut Plan,
    outcome: &CheckOutcome,
    opts: &PlanOptions,
    sid: &Sid,
    ctx: &DomainContext,
) -> Result<(), PlanError> {
    let f = &outcome.facts;
    let (Some(sd), Some(read)) = (&f.sam_server, f.sam_server_read()) else {
        return Ok(());
    };
    let wanted = read.verdict == Verdict::NotGranted
        || (opts.grant_samserver && f.sam_server_relies_on_pre2000());
    if !wanted {
        return Ok(());
    }
    let dn = f.sam_server_dn();
    if let Some(mut change) = dacl_change(
        &dn,
        sd,
        &[crate::plan::validate::sam_server_read(sid)],
        ctx,
        "Let the connector alone read the SAM server object (List contents, Read all properties, Read permissions), which writeback reads; Pre-Windows 2000 Compatible Access is then not needed for it.".into(),
    )? {
        change.said = Said::new("grant-samserver", &[]);
        plan.changes.push(change);
    }
    Ok(())
}

/// The domain's and the fine-grained policies' minimum password age (opt-in).
pub(super) fn password_policy(
    plan: &mut Plan,
    outcome: &CheckOutcome,
    extra: &Extra,
    opts: &PlanOptions,
) -> Result<(), PlanError> {
    let f = &outcome.facts;
    if opts.min_password_age_zero {
        match f.domain.min_pwd_age {
            Some(0) => {}
            current => {
                let mut change = attribute_change(
                    &f.domain.dn,
                    "minPwdAge",
                    current.map(|v| vec![v.to_string()]).unwrap_or_default(),
                    vec!["0".into()],
                    "Set the domain's minimum password age to 0.".into(),
                );
                change.said = Said::new("min-age-domain", &[]);
                plan.changes.push(change);
                let gpos = if extra.root_gpos.is_empty() {
                    "the GPO that sets the domain password policy".to_string()
                } else {
                    extra.root_gpos.join(", ")
                };
                let english = format!(
                    "Group Policy sets the domain's password policy: unless \"Minimum password age\" is 0 in the GPO linked at the domain root ({gpos}), the next policy refresh sets minPwdAge back."
                );
                let said = if extra.root_gpos.is_empty() {
                    Said::new("gpo-min-age-unnamed", &[])
                } else {
                    Said::new("gpo-min-age", &[("gpos", &extra.root_gpos.join(", "))])
                };
                plan.warn(said, english);
            }
        }
    }
    for name in &opts.fix_pso {
        let pso = f
            .psos
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                PlanError::UnknownPso(
                    name.clone(),
                    f.psos
                        .iter()
                        .map(|p| p.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })?;
        if pso.min_age != Some(0) {
            let mut change = attribute_change(
                &pso.dn,
                "msDS-MinimumPasswordAge",
                pso.min_age.map(|v| vec![v.to_string()]).unwrap_or_default(),
                vec!["0".into()],
                format!(
                    "Set the minimum password age of the password policy {} to 0.",
                    pso.name
                ),
            );
            change.said = Said::new("min-age-pso", &[("name", &pso.name)]);
            plan.changes.push(change);
        }
    }
    Ok(())
}

/// adminCount on users no longer in a protected group (opt-in).
pub(super) fn stale_admin_count(
    plan: &mut Plan,
    extra: &Extra,
    opts: &PlanOptions,
    ctx: &DomainContext,
) {
    if !opts.clear_stale_admincount {
        return;
    }
    for (dn, sd) in &extra.stale_admin {
        let mut change = attribute_change(
            dn,
            "adminCount",
            vec!["1".into()],
            vec![],
            "Clear adminCount: the account is no longer in any protected group.".into(),
        );
        change.said = Said::new("clear-admincount", &[]);
        plan.changes.push(change);
        if sd.dacl_protected() {
            plan.changes.push(inheritance_change(dn, sd, ctx));
        }
    }
}
