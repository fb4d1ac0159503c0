//! Computing a plan from a fresh check: which ACEs to add where, which attributes to set, and
//! every blocker the plan leaves (`not_fixed`).
//!
//! The plan is built on [`Sim`], the tree as it will be after the plan: the rights at the domain
//! root first (as Set-ADSyncPasswordWritebackPermissions grants them), then every protected
//! container that still lacks them, then any container where a right still stops reaching the
//! users below, then protected non-administrator users. An allow is only planned where nothing
//! denies: a deny decides before a later grant, so planning one over it would change nothing.
//! Finally each error finding is judged against the simulated tree: what is still missing is
//! listed, with the reason and the evidence.

mod extras;
mod not_fixed;

use extras::{admin_sd_holder, password_policy, sam_server, stale_admin_count};
use not_fixed::not_fixed;
use std::collections::HashMap;

use super::sim::Sim;
use super::{
    Action, Before, Change, Extra, GrantAt, InetOrgPerson, Plan, PlanError, PlanOptions, SCHEMA,
    Said, diff,
};
use crate::check::CheckOutcome;
use crate::check::facts::AdminStatus;
use crate::check::right::Right;
use crate::check::tree::Eval;
use crate::sd::rights::{CLASS_INET_ORG_PERSON, CLASS_USER, UNEXPIRE_PASSWORD};
use crate::sd::{
    AccessMask, Ace, AceFlags, DomainContext, Guid, SecurityDescriptor, Sid, Target, Verdict, sddl,
};

/// The writeback ACEs for descendant objects of `class` (CONTAINER_INHERIT | INHERIT_ONLY,
/// inherited object type `class`), limited to the rights in `missing`.
pub fn writeback_aces(connector: &Sid, class: Guid, missing: &[Right]) -> Vec<Ace> {
    // The order Set-ADSyncPasswordWritebackPermissions writes them in.
    [
        Right::ResetPassword,
        Right::WriteLockoutTime,
        Right::WritePwdLastSet,
    ]
    .into_iter()
    .filter(|r| missing.contains(r))
    .map(|r| r.inheritable_ace(connector, class))
    .collect()
}

/// The classes the plan grants on, by the option.
fn plan_classes(outcome: &CheckOutcome, opts: &PlanOptions) -> Vec<(&'static str, Guid)> {
    let mut v = vec![("user", CLASS_USER)];
    let inet = match opts.inetorgperson {
        InetOrgPerson::Always => true,
        InetOrgPerson::Never => false,
        InetOrgPerson::Auto => outcome.scan.inet_org_persons() > 0,
    };
    if inet {
        v.push(("inetOrgPerson", CLASS_INET_ORG_PERSON));
    }
    v
}

/// Computes the plan from a fresh check. `extra` holds objects the check does not read
/// (AdminSDHolder, PSOs, stale users' DACLs, GPO names), read by [`super::gather_extra`].
pub fn compute(
    outcome: &CheckOutcome,
    extra: &Extra,
    opts: &PlanOptions,
) -> Result<Plan, PlanError> {
    let f = &outcome.facts;
    let connector = f.connector.as_ref().ok_or(PlanError::NoConnector)?;
    if f.root().sd.is_none() {
        return Err(PlanError::Unreadable(f.domain.dn.clone()));
    }
    let ctx = f.sddl_context();
    let eval = Eval::new(f.rules, &connector.token, f.property_sets, &f.default_aces);
    let mut sim = Sim::new(&f.tree, &eval, |name| f.class_guid(name));
    let classes = plan_classes(outcome, opts);
    let sid = &connector.account.sid;
    let name = connector.account.sam_account_name.as_str();

    let mut plan = Plan {
        schema: SCHEMA,
        tool_version: env!("CARGO_PKG_VERSION").into(),
        time: crate::clock::rfc3339_now(),
        domain_dn: f.domain.dn.clone(),
        domain_sid: f.domain.sid.to_string(),
        dc: f.root_dse.dns_host_name.clone(),
        pdc_emulator: f.domain.pdc_emulator.clone(),
        connector_dn: connector.account.dn.clone(),
        connector_sid: sid.to_string(),
        request: super::PlanRequest {
            options: opts.clone(),
            // The whole domain is said as no scope at all.
            scopes: if f
                .scopes
                .iter()
                .all(|s| crate::ad::dn::same(s, &f.domain.dn))
            {
                Vec::new()
            } else {
                f.scopes.clone()
            },
        },
        changes: Vec::new(),
        warnings: Vec::new(),
        warnings_said: Vec::new(),
        not_fixed: Vec::new(),
        reach: extra.reach,
        checksum: String::new(),
    };

    let points = grant_points(outcome, opts);
    grant_in_tree(&mut sim, outcome, opts, &classes, sid, &points);
    if points != [0] {
        plan.warn(
            Said::new("grant-at-scope", &[]),
            "The rights are granted only on the OUs of the sync scope: users in OUs created or moved outside them later are not written back until a plan grants there too.".into(),
        );
    }
    let mut root_extra = Vec::new();
    if f.unexpire()
        .is_some_and(|d| d.verdict == Verdict::NotGranted)
    {
        root_extra.push(Ace::allow(
            AceFlags(0),
            AccessMask::CONTROL_ACCESS,
            sid.clone(),
            Some(UNEXPIRE_PASSWORD),
            None,
        ));
    }
    // The DACL changes on containers, outermost first.
    let mut nodes: Vec<usize> = sim.added().keys().copied().collect();
    if !root_extra.is_empty() && !nodes.contains(&0) {
        nodes.push(0);
    }
    nodes.sort_unstable();
    for i in nodes {
        let node = &f.tree.nodes[i];
        let Some(sd) = &node.sd else {
            return Err(PlanError::Unreadable(node.dn.clone()));
        };
        let mut aces = sim.added().get(&i).cloned().unwrap_or_default();
        if i == 0 {
            aces.extend(root_extra.iter().cloned());
        }
        let class_names = classes
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(" and ");
        let grants = sim.added().contains_key(&i);
        let (said, summary) = grant_summary(
            outcome,
            i,
            name,
            &class_names,
            grants,
            !root_extra.is_empty(),
            &points,
        );
        if let Some(mut change) = dacl_change(&node.dn, sd, &aces, &ctx, summary)? {
            change.said = said;
            plan.changes.push(change);
        }
    }
    let user_grants = protected_users(&mut plan, outcome, opts, &eval, sid, &ctx)?;
    admin_sd_holder(&mut plan, extra, opts, sid, &ctx)?;
    password_policy(&mut plan, outcome, extra, opts)?;
    sam_server(&mut plan, outcome, opts, sid, &ctx)?;
    stale_admin_count(&mut plan, extra, opts, &ctx);
    plan.not_fixed = not_fixed(outcome, &sim, opts, &classes, &user_grants, &plan);
    super::validate::seal(&mut plan);
    Ok(plan)
}

/// What a DACL change on container `i` does, in English and for the faces: the grant at the
/// root (or only Unexpire Password there, when granting in the scope), a scope OU's grant, a
/// protected container's, or a gap where the grants above stop.
fn grant_summary(
    outcome: &CheckOutcome,
    i: usize,
    name: &str,
    class_names: &str,
    grants: bool,
    unexpire: bool,
    points: &[usize],
) -> (Said, String) {
    let f = &outcome.facts;
    let node = &f.tree.nodes[i];
    let class = node.class_name.as_str();
    if i == 0 && !grants {
        return (
            Said::new("grant-root-unexpire", &[("name", name)]),
            format!(
                "Let {name} clear the password-expired state (Unexpire Password) on the domain."
            ),
        );
    }
    if i == 0 {
        return (
            Said::new(
                "grant-root",
                &[
                    ("name", name),
                    ("classes", class_names),
                    ("unexpire", if unexpire { "yes" } else { "no" }),
                ],
            ),
            format!(
                "Let {name} reset passwords and write pwdLastSet and lockoutTime on descendant {class_names} objects of the domain{}.",
                if unexpire {
                    ", and clear the password-expired state (Unexpire Password)"
                } else {
                    ""
                }
            ),
        );
    }
    if points.contains(&i) {
        return (
            Said::new(
                "grant-scope",
                &[("name", name), ("classes", class_names), ("class", class)],
            ),
            format!(
                "Let {name} reset passwords and write pwdLastSet and lockoutTime on descendant {class_names} objects of this {class} of the sync scope (and nowhere else)."
            ),
        );
    }
    if f.tree.blocks_inheritance(i) {
        return (
            Said::new("grant-protected", &[("name", name), ("class", class)]),
            format!(
                "Grant {name} the writeback rights on this {class} too: its inheritance is disabled, so the grant at the domain root does not reach the users below it."
            ),
        );
    }
    (
        Said::new("grant-below", &[("name", name), ("class", class)]),
        format!(
            "Grant {name} the writeback rights here: the grants above do not reach the users below this {class}."
        ),
    )
}

/// Where the writeback grants start: the domain root, or (`--grant-at scope`) each outermost OU
/// of the sync scope.
pub(crate) fn grant_points(outcome: &CheckOutcome, opts: &PlanOptions) -> Vec<usize> {
    let f = &outcome.facts;
    if opts.grant_at == GrantAt::Root {
        return vec![0];
    }
    let mut points: Vec<usize> = f.scopes.iter().filter_map(|s| f.tree.find(s)).collect();
    points.sort_unstable();
    points.dedup();
    if points.is_empty() { vec![0] } else { points }
}

/// The rights at the grant points (the domain root, or the scope's OUs), then on protected
/// containers, then wherever a right still does not reach the users below.
fn grant_in_tree(
    sim: &mut Sim<'_>,
    outcome: &CheckOutcome,
    opts: &PlanOptions,
    classes: &[(&str, Guid)],
    sid: &Sid,
    bases: &[usize],
) {
    let tree = &outcome.facts.tree;
    let wanted_at = |i: usize, class: Guid| {
        class == CLASS_USER
            || opts.inetorgperson == InetOrgPerson::Always
            || outcome.scan.has_class_below(class, &tree.nodes[i].dn)
    };
    let scoped = bases != [0];
    for &base in bases {
        for &(_, class) in classes {
            let missing: Vec<Ace> = Right::ALL
                .into_iter()
                .filter(|r| sim.lacks(base, class, *r))
                .map(|r| r.inheritable_ace(sid, class))
                .collect();
            if !missing.is_empty() {
                sim.add(base, missing);
            }
        }
    }
    for i in 1..tree.nodes.len() {
        // Granting in the scope only: nothing above or beside it.
        if scoped && !tree.nodes[i].in_scope {
            continue;
        }
        let protected = tree.blocks_inheritance(i);
        if protected && !opts.protected_containers {
            continue;
        }
        for &(_, class) in classes {
            if !wanted_at(i, class) {
                continue;
            }
            let parent = tree.parent_of(&tree.nodes[i].dn);
            let missing: Vec<Ace> = Right::ALL
                .into_iter()
                .filter(|r| {
                    sim.lacks(i, class, *r)
                        && (protected || parent.is_none_or(|p| !sim.lacks(p, class, *r)))
                })
                .map(|r| r.inheritable_ace(sid, class))
                .collect();
            if !missing.is_empty() {
                sim.add(i, missing);
            }
        }
    }
}

/// Explicit grants on blocked users whose own inheritance is disabled and who are not protected
/// administrators. Returns the rights planned per user (lower-case DN → bits).
fn protected_users(
    plan: &mut Plan,
    outcome: &CheckOutcome,
    opts: &PlanOptions,
    eval: &Eval<'_>,
    sid: &Sid,
    ctx: &DomainContext,
) -> Result<HashMap<String, u8>, PlanError> {
    let mut out = HashMap::new();
    if !opts.protected_users {
        return Ok(out);
    }
    for u in &outcome.scan.protected_users {
        match u.admin {
            Some(AdminStatus::Protected | AdminStatus::Unknown) => continue,
            Some(AdminStatus::Stale) if opts.clear_stale_admincount => continue,
            _ => {}
        }
        let target = Target {
            class: u.class,
            object_sid: None,
        };
        let decisions = eval.decide(&u.sd.dacl, &target);
        let mut bits = 0u8;
        let aces: Vec<Ace> = Right::ALL
            .into_iter()
            .zip(decisions)
            .filter(|(_, d)| d.verdict == Verdict::NotGranted)
            .map(|(r, _)| {
                bits |= r.bit();
                r.own_ace(sid)
            })
            .collect();
        let name = outcome
            .facts
            .connector
            .as_ref()
            .map_or("the connector", |c| c.account.sam_account_name.as_str());
        let summary = format!(
            "Grant {name} the writeback rights on this user: its inheritance is disabled and it is not a protected administrator."
        );
        if let Some(mut change) = dacl_change(&u.dn, &u.sd, &aces, ctx, summary)? {
            change.said = Said::new("grant-user", &[("name", name)]);
            plan.changes.push(change);
            out.insert(u.dn.to_ascii_lowercase(), bits);
        }
    }
    Ok(out)
}

/// A DACL change adding `aces` to `sd` (only those not already covered); `None` when nothing is
/// missing. A NULL or absent DACL, or one that would outgrow 64 KiB, is an error: planning
/// around it would leave its users blocked without saying so.
pub(super) fn dacl_change(
    dn: &str,
    sd: &SecurityDescriptor,
    aces: &[Ace],
    ctx: &DomainContext,
    summary: String,
) -> Result<Option<Change>, PlanError> {
    let mut after = sd.clone();
    let acl = after
        .dacl
        .acl_mut()
        .ok_or_else(|| PlanError::NoDacl(dn.to_string()))?;
    let added = crate::sd::canonical::ensure_present(acl, aces);
    if added.is_empty() {
        return Ok(None);
    }
    let too_large = |size: usize| PlanError::TooLarge {
        dn: dn.to_string(),
        size,
    };
    let after_size = after.dacl.acl().map_or(0, |a| {
        8 + a.aces.iter().map(|x| x.encoded_len()).sum::<usize>()
    });
    if after_size > usize::from(u16::MAX) || after.to_bytes().is_err() {
        return Err(too_large(after_size));
    }
    let before_bytes = sd.to_bytes().map_err(|_| too_large(after_size))?;
    let before_sddl = sddl::format(sd, ctx).ok();
    let after_sddl = sddl::format(&after, ctx).ok();
    let full = DomainContext::default();
    Ok(Some(Change {
        dn: dn.to_string(),
        action: Action::AddAces {
            aces: added
                .iter()
                .filter_map(|a| sddl::format_ace(a, &full).ok())
                .collect(),
        },
        summary,
        said: Said::default(),
        before: Before::Dacl {
            base64: crate::sddl_input::encode_base64(&before_bytes),
        },
        diff: diff::lines(sd, &after, ctx),
        before_sddl,
        after_sddl,
    }))
}

pub(super) fn inheritance_change(dn: &str, sd: &SecurityDescriptor, ctx: &DomainContext) -> Change {
    let mut after = sd.clone();
    after.set_control(crate::sd::Control::DACL_PROTECTED, false);
    Change {
        dn: dn.to_string(),
        action: Action::EnableInheritance,
        summary: "Enable inheritance again, so the rights granted higher up reach this account."
            .into(),
        said: Said::new("enable-inheritance", &[]),
        before: Before::Dacl {
            base64: sd
                .to_bytes()
                .map(|b| crate::sddl_input::encode_base64(&b))
                .unwrap_or_default(),
        },
        diff: diff::lines(sd, &after, ctx),
        before_sddl: sddl::format(sd, ctx).ok(),
        after_sddl: sddl::format(&after, ctx).ok(),
    }
}

pub(super) fn attribute_change(
    dn: &str,
    attribute: &str,
    before: Vec<String>,
    values: Vec<String>,
    summary: String,
) -> Change {
    Change {
        dn: dn.to_string(),
        diff: vec![
            format!(
                "- {attribute}: {}",
                if before.is_empty() {
                    "(none)".into()
                } else {
                    before.join(", ")
                }
            ),
            format!(
                "+ {attribute}: {}",
                if values.is_empty() {
                    "(none)".into()
                } else {
                    values.join(", ")
                }
            ),
        ],
        action: Action::SetAttribute {
            attribute: attribute.to_string(),
            values,
        },
        summary,
        said: Said::default(),
        before: Before::Values { values: before },
        before_sddl: None,
        after_sddl: None,
    }
}

#[cfg(test)]
mod tests;
