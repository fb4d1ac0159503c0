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

use crate::check::{FindingId, Group};
use std::collections::HashMap;

use super::sim::Sim;
use super::{
    Action, Before, Change, Extra, InetOrgPerson, NotFixed, Plan, PlanError, PlanOptions, SCHEMA,
    diff,
};
use crate::check::facts::AdminStatus;
use crate::check::right::Right;
use crate::check::tree::Eval;
use crate::check::{CheckOutcome, Finding, Severity};
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
        changes: Vec::new(),
        warnings: Vec::new(),
        not_fixed: Vec::new(),
        checksum: String::new(),
    };

    grant_in_tree(&mut sim, outcome, opts, &classes, sid);
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
        let summary = if i == 0 {
            format!(
                "Let {name} reset passwords and write pwdLastSet and lockoutTime on descendant {} objects of the domain{}.",
                classes
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(" and "),
                if root_extra.is_empty() {
                    ""
                } else {
                    ", and clear the password-expired state (Unexpire Password)"
                }
            )
        } else if f.tree.blocks_inheritance(i) {
            format!(
                "Grant {name} the writeback rights on this {} too: its inheritance is disabled, so the grant at the domain root does not reach the users below it.",
                node.class_name
            )
        } else {
            format!(
                "Grant {name} the writeback rights here: the grants above do not reach the users below this {}.",
                node.class_name
            )
        };
        if let Some(change) = dacl_change(&node.dn, sd, &aces, &ctx, summary)? {
            plan.changes.push(change);
        }
    }
    let user_grants = protected_users(&mut plan, outcome, opts, &eval, sid, &ctx)?;
    admin_sd_holder(&mut plan, extra, opts, sid, &ctx)?;
    password_policy(&mut plan, outcome, extra, opts)?;
    stale_admin_count(&mut plan, extra, opts, &ctx);
    plan.not_fixed = not_fixed(outcome, &sim, opts, &classes, &user_grants, &plan);
    super::validate::seal(&mut plan);
    Ok(plan)
}

/// The rights at the domain root, then on protected containers, then wherever a right still
/// does not reach the users below.
fn grant_in_tree(
    sim: &mut Sim<'_>,
    outcome: &CheckOutcome,
    opts: &PlanOptions,
    classes: &[(&str, Guid)],
    sid: &Sid,
) {
    let tree = &outcome.facts.tree;
    let wanted_at = |i: usize, class: Guid| {
        class == CLASS_USER
            || opts.inetorgperson == InetOrgPerson::Always
            || outcome.scan.has_class_below(class, &tree.nodes[i].dn)
    };
    for &(_, class) in classes {
        let missing: Vec<Ace> = Right::ALL
            .into_iter()
            .filter(|r| sim.lacks(0, class, *r))
            .map(|r| r.inheritable_ace(sid, class))
            .collect();
        if !missing.is_empty() {
            sim.add(0, missing);
        }
    }
    for i in 1..tree.nodes.len() {
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
        let summary = format!(
            "Grant {} the writeback rights on this user: its inheritance is disabled and it is not a protected administrator.",
            outcome
                .facts
                .connector
                .as_ref()
                .map_or("the connector", |c| c.account.sam_account_name.as_str())
        );
        if let Some(change) = dacl_change(&u.dn, &u.sd, &aces, ctx, summary)? {
            plan.changes.push(change);
            out.insert(u.dn.to_ascii_lowercase(), bits);
        }
    }
    Ok(out)
}

/// AdminSDHolder (opt-in, not recommended).
fn admin_sd_holder(
    plan: &mut Plan,
    extra: &Extra,
    opts: &PlanOptions,
    sid: &Sid,
    ctx: &DomainContext,
) -> Result<(), PlanError> {
    if !opts.include_adminsdholder {
        return Ok(());
    }
    plan.warnings.push(
        "NOT RECOMMENDED: granting on AdminSDHolder lets the connector reset the passwords of every protected account (domain admins included) once SDProp runs.".into(),
    );
    if let Some((dn, sd)) = &extra.admin_sd_holder {
        // Directly on the template, not inherit-only: SDProp copies it onto protected users.
        let aces: Vec<Ace> = Right::ALL.into_iter().map(|r| r.own_ace(sid)).collect();
        if let Some(change) = dacl_change(
            dn,
            sd,
            &aces,
            ctx,
            "Grant the writeback rights on AdminSDHolder, so SDProp copies them onto protected accounts (not recommended).".into(),
        )? {
            plan.changes.push(change);
        }
    }
    Ok(())
}

/// The domain's and the fine-grained policies' minimum password age (opt-in).
fn password_policy(
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
                plan.changes.push(attribute_change(
                    &f.domain.dn,
                    "minPwdAge",
                    current.map(|v| vec![v.to_string()]).unwrap_or_default(),
                    vec!["0".into()],
                    "Set the domain's minimum password age to 0.".into(),
                ));
                let gpos = if extra.root_gpos.is_empty() {
                    "the GPO that sets the domain password policy".to_string()
                } else {
                    extra.root_gpos.join(", ")
                };
                plan.warnings.push(format!(
                    "Group Policy sets the domain's password policy: unless \"Minimum password age\" is 0 in the GPO linked at the domain root ({gpos}), the next policy refresh sets minPwdAge back."
                ));
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
            plan.changes.push(attribute_change(
                &pso.dn,
                "msDS-MinimumPasswordAge",
                pso.min_age.map(|v| vec![v.to_string()]).unwrap_or_default(),
                vec!["0".into()],
                format!(
                    "Set the minimum password age of the password policy {} to 0.",
                    pso.name
                ),
            ));
        }
    }
    Ok(())
}

/// adminCount on users no longer in a protected group (opt-in).
fn stale_admin_count(plan: &mut Plan, extra: &Extra, opts: &PlanOptions, ctx: &DomainContext) {
    if !opts.clear_stale_admincount {
        return;
    }
    for (dn, sd) in &extra.stale_admin {
        plan.changes.push(attribute_change(
            dn,
            "adminCount",
            vec!["1".into()],
            vec![],
            "Clear adminCount: the account is no longer in any protected group.".into(),
        ));
        if sd.dacl_protected() {
            plan.changes.push(inheritance_change(dn, sd, ctx));
        }
    }
}

/// Finding ids of the directory check (cloud, sync-server and pilot findings are not the
/// plan's).
fn is_directory(id: FindingId) -> bool {
    !matches!(id.group(), Group::Entra | Group::Pilot | Group::SyncServer)
}

/// Every error finding of the check that the plan leaves, judged on the simulated tree.
fn not_fixed(
    outcome: &CheckOutcome,
    sim: &Sim<'_>,
    opts: &PlanOptions,
    classes: &[(&str, Guid)],
    user_grants: &HashMap<String, u8>,
    plan: &Plan,
) -> Vec<NotFixed> {
    let f = &outcome.facts;
    let tree = &f.tree;
    let planned_class = |c: &str| classes.iter().any(|(n, _)| n.eq_ignore_ascii_case(c));
    let changed = |dn: &str, attr: &str| {
        plan.changes.iter().any(|c| {
            c.dn.eq_ignore_ascii_case(dn)
                && matches!(&c.action, super::Action::SetAttribute { attribute, .. } if attribute.eq_ignore_ascii_case(attr))
        })
    };
    // Users still blocked by each (id, object) after the plan.
    let mut left: HashMap<(FindingId, String), usize> = HashMap::new();
    for u in &outcome.scan.blocked {
        for r in &u.reasons {
            if !user_fixed(u, r.id, sim, tree, user_grants, opts, &changed, f) {
                *left
                    .entry((r.id, r.object.to_ascii_lowercase()))
                    .or_default() += 1;
            }
        }
    }
    let mut out: Vec<NotFixed> = Vec::new();
    for finding in outcome
        .findings
        .iter()
        .filter(|x| x.severity == Severity::Error && is_directory(x.id))
    {
        let users = left
            .get(&(finding.id, finding.object.to_ascii_lowercase()))
            .copied()
            .unwrap_or(0);
        let cause = outcome.scan.causes.get(finding.id, &finding.object);
        let object_fixed = match finding.id {
            FindingId::RightResetPassword
            | FindingId::RightWritePwdLastSet
            | FindingId::RightWriteLockoutTime
            | FindingId::InheritanceDisabled => cause.is_some_and(|c| {
                let node = tree.find(&c.object);
                c.rights
                    .iter()
                    .all(|(right, class)| match (node, f.class_guid(class)) {
                        (Some(i), Some(g)) => !sim.lacks(i, g, *right),
                        // A user object: fixed when its users are.
                        (None, _) => true,
                        _ => false,
                    })
            }),
            FindingId::AdminCountStale => true,
            FindingId::RightUnexpirePassword => f
                .unexpire()
                .is_some_and(|d| d.verdict == Verdict::NotGranted),
            FindingId::MinPasswordAge => changed(&finding.object, "minPwdAge"),
            FindingId::PsoMinPasswordAge => changed(&finding.object, "msDS-MinimumPasswordAge"),
            _ => false,
        };
        if object_fixed && users == 0 {
            continue;
        }
        let (code, values, reason) = why_not(finding, cause, opts, &planned_class, f);
        out.push(NotFixed {
            id: finding.id.to_string(),
            object: finding.object.clone(),
            reason,
            code: code.to_string(),
            values: values
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
            users,
            evidence: finding.evidence.clone(),
        });
    }
    out
}

/// Whether the plan lifts reason `id` from blocked user `u`.
#[allow(clippy::too_many_arguments)]
fn user_fixed(
    u: &crate::check::BlockedUser,
    id: FindingId,
    sim: &Sim<'_>,
    tree: &crate::check::tree::Tree,
    user_grants: &HashMap<String, u8>,
    opts: &PlanOptions,
    changed: &impl Fn(&str, &str) -> bool,
    f: &crate::check::Facts,
) -> bool {
    let below_parent = || {
        tree.parent_of(&u.dn)
            .is_some_and(|p| sim.allows(p, u.class, u.missing))
    };
    match id {
        FindingId::RightResetPassword
        | FindingId::RightWritePwdLastSet
        | FindingId::RightWriteLockoutTime
        | FindingId::InheritanceDisabled
        | FindingId::AdminCountStale => {
            match user_grants.get(&u.dn.to_ascii_lowercase()) {
                Some(bits) => bits & u.missing == u.missing,
                // A user whose own DACL is protected only inherits again when its stale
                // adminCount is cleared.
                None if own_dacl_protected(u) => {
                    id == FindingId::AdminCountStale
                        && opts.clear_stale_admincount
                        && below_parent()
                }
                None => below_parent(),
            }
        }
        FindingId::MinPasswordAge => changed(&f.domain.dn, "minPwdAge"),
        FindingId::PsoMinPasswordAge => u
            .reasons
            .iter()
            .any(|r| r.id == id && changed(&r.object, "msDS-MinimumPasswordAge")),
        FindingId::RightUnexpirePassword => f
            .unexpire()
            .is_some_and(|d| d.verdict == Verdict::NotGranted),
        _ => false,
    }
}

/// Whether the blocked user's own DACL is protected: its reasons then point at itself.
fn own_dacl_protected(u: &crate::check::BlockedUser) -> bool {
    u.reasons.iter().any(|r| {
        matches!(
            r.id,
            FindingId::InheritanceDisabled | FindingId::AdminCountStale
        ) && r.object.eq_ignore_ascii_case(&u.dn)
    })
}

/// Why the plan leaves `finding`: a reason code, the values it names, and the reason in
/// English for logs and scripts (no command-line flag: the faces add their own next step).
fn why_not(
    finding: &Finding,
    cause: Option<&crate::check::causes::CauseInfo>,
    opts: &PlanOptions,
    planned_class: &impl Fn(&str) -> bool,
    f: &crate::check::Facts,
) -> (&'static str, Vec<(&'static str, String)>, String) {
    let left_out: Vec<&str> = cause
        .map(|c| {
            let mut v: Vec<&str> = c
                .rights
                .iter()
                .map(|(_, class)| class.as_str())
                .filter(|c| !planned_class(c))
                .collect();
            v.dedup();
            v
        })
        .unwrap_or_default();
    let container = f.tree.find(&finding.object).is_some();
    let plain = |code: &'static str, english: &str| (code, Vec::new(), english.to_string());
    match finding.id {
        FindingId::RightDenied => plain(
            "deny",
            "an explicit deny decides before any grant; remove or narrow it by hand",
        ),
        FindingId::RightUnexpirePassword => plain(
            "unexpire-deny",
            "a deny refuses Unexpire Password on the domain; remove it by hand",
        ),
        FindingId::MinPasswordAge => plain(
            "min-age-kept",
            "the domain's minimum password age stays (the plan was made without setting it to 0)",
        ),
        FindingId::PsoMinPasswordAge => {
            let name = f
                .psos
                .iter()
                .find(|p| p.dn.eq_ignore_ascii_case(&finding.object))
                .map_or(finding.object.as_str(), |p| p.name.as_str())
                .to_string();
            let english = format!(
                "the minimum age of password policy {name} stays (the plan was made without setting it to 0)"
            );
            ("pso-kept", vec![("name", name)], english)
        }
        FindingId::ReadIncomplete => plain(
            "unreadable",
            "part of the directory could not be read; run as an account that can read it",
        ),
        FindingId::SamServerRead => plain(
            "samserver",
            "grant read access on CN=Server,CN=System by hand (or restore the default grant to Authenticated Users)",
        ),
        FindingId::InheritanceDisabled if container && !opts.protected_containers => plain(
            "protected-containers-off",
            "inheritance is disabled here and the plan was made without granting on such containers",
        ),
        FindingId::InheritanceDisabled if !container && !opts.protected_users => plain(
            "protected-users-off",
            "the user's inheritance is disabled and the plan was made without granting on such users",
        ),
        FindingId::AdminCountStale if !opts.protected_users && !opts.clear_stale_admincount => {
            plain(
                "stale-admincount-off",
                "the plan was made neither to clear the stale adminCount nor to grant on such users",
            )
        }
        _ if !left_out.is_empty() => {
            let mode = match opts.inetorgperson {
                InetOrgPerson::Never => "never",
                InetOrgPerson::Always => "always",
                InetOrgPerson::Auto => "auto",
            };
            let classes = left_out.join(", ");
            let english =
                format!("{classes} objects are left out of the plan (inetOrgPerson: {mode})");
            (
                "classes-left-out",
                vec![("classes", classes), ("mode", mode.to_string())],
                english,
            )
        }
        FindingId::RightResetPassword
        | FindingId::RightWritePwdLastSet
        | FindingId::RightWriteLockoutTime
            if !container =>
        {
            plain(
                "own-dacl",
                "this user's own DACL lacks the right although the grants above it would give it; look at its explicit ACEs",
            )
        }
        _ => plain("other", "the plan has no change that fixes it"),
    }
}

/// A DACL change adding `aces` to `sd` (only those not already covered); `None` when nothing is
/// missing. A NULL or absent DACL, or one that would outgrow 64 KiB, is an error: planning
/// around it would leave its users blocked without saying so.
fn dacl_change(
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
        before: Before::Dacl {
            base64: crate::sddl_input::encode_base64(&before_bytes),
        },
        diff: diff::lines(sd, &after, ctx),
        before_sddl,
        after_sddl,
    }))
}

fn inheritance_change(dn: &str, sd: &SecurityDescriptor, ctx: &DomainContext) -> Change {
    let mut after = sd.clone();
    after.set_control(crate::sd::Control::DACL_PROTECTED, false);
    Change {
        dn: dn.to_string(),
        action: Action::EnableInheritance,
        summary: "Enable inheritance again, so the rights granted higher up reach this account."
            .into(),
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

fn attribute_change(
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
        before: Before::Values { values: before },
        before_sddl: None,
        after_sddl: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::fixture::{CONNECTOR, DOMAIN_DN, Fixture, grant_users};

    const RESET: &str = "00299570-246d-11d0-a768-00aa006e0529";
    const LOCKOUT: &str = "28630ebf-41d5-11d1-a9c1-0000f80367c1";

    fn plan(o: &CheckOutcome, opts: PlanOptions) -> Plan {
        compute(o, &Extra::default(), &opts).unwrap()
    }

    fn dns(p: &Plan) -> Vec<&str> {
        p.changes.iter().map(|c| c.dn.as_str()).collect()
    }

    fn left(p: &Plan) -> Vec<(&str, &str)> {
        p.not_fixed
            .iter()
            .map(|n| (n.id.as_str(), n.object.as_str()))
            .collect()
    }

    #[test]
    fn grants_go_to_the_root_protected_ous_and_protected_users_and_denies_are_left() {
        let o = Fixture::new()
            .ou("OU=P,DC=example,DC=test", "D:P(A;;RC;;;AU)")
            .user("CN=a,OU=P,DC=example,DC=test", "D:")
            .user("CN=b,DC=example,DC=test", "D:P(A;;RC;;;AU)")
            .user(
                "CN=c,DC=example,DC=test",
                &format!("D:(OD;;CR;{RESET};;{CONNECTOR})"),
            )
            .run();
        let p = plan(&o, PlanOptions::default());
        assert_eq!(
            dns(&p),
            [
                DOMAIN_DN,
                "OU=P,DC=example,DC=test",
                "CN=b,DC=example,DC=test"
            ]
        );
        assert_eq!(left(&p), [("right-denied", "CN=c,DC=example,DC=test")]);
        assert_eq!(p.not_fixed[0].users, 1);
        assert!(p.not_fixed[0].evidence[0].contains("(OD;;CR;"));
        // The user grant is explicit on the object, not inheritable.
        let Action::AddAces { aces } = &p.changes[2].action else {
            panic!()
        };
        assert!(aces.iter().all(|a| a.starts_with("(OA;;")), "{aces:?}");
    }

    #[test]
    fn options_that_leave_something_out_list_it_with_the_flag_that_would_fix_it() {
        let o = Fixture::new()
            .ou("OU=P,DC=example,DC=test", "D:P")
            .user("CN=b,DC=example,DC=test", "D:P")
            .user_as("CN=i,DC=example,DC=test", "inetOrgPerson", "D:", None, None)
            .min_pwd_age(-864_000_000_000)
            .run();
        let p = plan(
            &o,
            PlanOptions {
                protected_containers: false,
                protected_users: false,
                inetorgperson: InetOrgPerson::Never,
                ..PlanOptions::default()
            },
        );
        let reason = |id: &str, object: &str| {
            p.not_fixed
                .iter()
                .find(|n| n.id == id && n.object == object)
                .unwrap_or_else(|| panic!("{id} on {object} in {:#?}", p.not_fixed))
                .clone()
        };
        let ou = reason("inheritance-disabled", "OU=P,DC=example,DC=test");
        assert_eq!(ou.code, "protected-containers-off");
        assert!(ou.reason.contains("containers"), "{}", ou.reason);
        let user = reason("inheritance-disabled", "CN=b,DC=example,DC=test");
        assert_eq!(user.code, "protected-users-off");
        assert_eq!(reason("min-password-age", DOMAIN_DN).code, "min-age-kept");
        let classes = reason("right-reset-password", DOMAIN_DN);
        assert_eq!(classes.code, "classes-left-out");
        assert_eq!(classes.values["classes"], "inetOrgPerson");
        assert_eq!(classes.values["mode"], "never");
        for n in &p.not_fixed {
            assert!(
                !n.reason.contains("--"),
                "the engine names no flag: {}",
                n.reason
            );
        }
    }

    #[test]
    fn unexpire_is_granted_when_missing_and_left_when_denied() {
        let missing = Fixture::new()
            .root(&format!("D:(A;;RPLCLORC;;;AU){}", grant_users()))
            .run();
        let p = plan(&missing, PlanOptions::default());
        let Action::AddAces { aces } = &p.changes[0].action else {
            panic!()
        };
        assert!(aces.iter().any(|a| a.contains("ccc2dc7d")));
        assert!(p.not_fixed.is_empty(), "{:#?}", p.not_fixed);
        let denied = Fixture::new()
            .root(&format!(
                "D:(OD;;CR;ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501;;{CONNECTOR})(OA;;CR;ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501;;AU){}",
                grant_users()
            ))
            .run();
        let p = plan(&denied, PlanOptions::default());
        assert!(p.changes.is_empty(), "never an allow where a deny decides");
        assert_eq!(left(&p), [("right-unexpire-password", DOMAIN_DN)]);
    }

    #[test]
    fn where_a_grant_stops_propagating_the_plan_grants_where_the_gap_starts() {
        // The root grants everything, lockoutTime only to its direct children (NO_PROPAGATE).
        let root_grants =
            grant_users().replacen("(OA;CIIO;WP;28630ebf", "(OA;CIIONP;WP;28630ebf", 1);
        let o = Fixture::new()
            .grant_at_root(&root_grants)
            .ou("OU=A,DC=example,DC=test", "D:")
            .user("CN=u,OU=A,DC=example,DC=test", "D:")
            .run();
        assert!(o.findings.iter().any(|f| f.id == "right-write-lockouttime" && f.object == "OU=A,DC=example,DC=test"));
        let p = plan(&o, PlanOptions::default());
        assert_eq!(dns(&p), ["OU=A,DC=example,DC=test"]);
        let Action::AddAces { aces } = &p.changes[0].action else {
            panic!()
        };
        assert_eq!(aces.len(), 1);
        assert!(aces[0].contains(LOCKOUT));
        assert!(p.not_fixed.is_empty());
    }

    #[test]
    fn a_null_dacl_or_one_that_would_outgrow_64_kib_is_an_error_not_a_silent_gap() {
        // A protected OU whose DACL is NULL: granting there would take everyone's rights away.
        let null = Fixture::new()
            .ou("OU=P,DC=example,DC=test", "D:P(A;;RC;;;AU)")
            .user("CN=a,OU=P,DC=example,DC=test", "D:")
            .container_sd("OU=P,DC=example,DC=test", |sd| {
                sd.as_mut().unwrap().dacl = crate::sd::AclSlot::Null;
            })
            .run();
        let e = compute(&null, &Extra::default(), &PlanOptions::default()).unwrap_err();
        assert!(
            matches!(e, PlanError::NoDacl(ref dn) if dn == "OU=P,DC=example,DC=test"),
            "{e}"
        );
        assert!(e.to_string().contains("NULL DACL"), "{e}");
        // A protected OU whose DACL is just under 64 KiB: the grants would not fit.
        let many: String = (0..1815)
            .map(|n| format!("(A;;RC;;;S-1-5-21-1-2-3-{})", 10_000 + n))
            .collect();
        let full = Fixture::new()
            .ou("OU=P,DC=example,DC=test", &format!("D:P{many}"))
            .user("CN=a,OU=P,DC=example,DC=test", "D:")
            .run();
        let e = compute(&full, &Extra::default(), &PlanOptions::default()).unwrap_err();
        match &e {
            PlanError::TooLarge { dn, size } => {
                assert_eq!(dn, "OU=P,DC=example,DC=test");
                assert!(*size > 65_535, "{size}");
            }
            other => panic!("{other}"),
        }
        // An unreadable container: the plan cannot know whether it needs a grant, and says so
        // (its users are left, counted) rather than calling them fixed.
        let unreadable = Fixture::new()
            .ou("OU=P,DC=example,DC=test", "D:P(A;;RC;;;AU)")
            .user("CN=a,OU=P,DC=example,DC=test", "D:")
            .container_sd("OU=P,DC=example,DC=test", |sd| *sd = None)
            .run();
        let e = compute(&unreadable, &Extra::default(), &PlanOptions::default());
        let p = e.unwrap();
        assert!(p.changes.iter().all(|c| c.dn != "OU=P,DC=example,DC=test"));
        assert!(
            p.not_fixed
                .iter()
                .any(|n| n.id == "read-incomplete" && n.users >= 1),
            "{:#?}",
            p.not_fixed
        );
    }
}
