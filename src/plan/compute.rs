//! Computing a plan from a fresh check: which ACEs to add where, and which attributes to set.

use super::{
    Action, Before, Change, Extra, InetOrgPerson, Plan, PlanError, PlanOptions, SCHEMA, diff,
};
use crate::ad::discovery::is_within;
use crate::check::CheckOutcome;
use crate::check::facts::Facts;
use crate::sd::access::child_dacl;
use crate::sd::rights::{CLASS_DOMAIN_DNS, CLASS_INET_ORG_PERSON, CLASS_USER, UNEXPIRE_PASSWORD};
use crate::sd::{
    AccessMask, Ace, AceFlags, DomainContext, Guid, Request, SecurityDescriptor, Sid, Target,
    evaluate, sddl,
};

/// The three writeback ACEs for descendant objects of `class` (CONTAINER_INHERIT |
/// INHERIT_ONLY, inherited object type `class`), limited to the rights `missing` names.
pub fn writeback_aces(connector: &Sid, class: Guid, missing: &[&str]) -> Vec<Ace> {
    use crate::sd::rights::{ATTR_LOCKOUT_TIME, ATTR_PWD_LAST_SET, RESET_PASSWORD};
    let f = AceFlags::CONTAINER_INHERIT.union(AceFlags::INHERIT_ONLY);
    [
        (
            "right-reset-password",
            AccessMask::CONTROL_ACCESS,
            RESET_PASSWORD,
        ),
        (
            "right-write-lockouttime",
            AccessMask::WRITE_PROPERTY,
            ATTR_LOCKOUT_TIME,
        ),
        (
            "right-write-pwdlastset",
            AccessMask::WRITE_PROPERTY,
            ATTR_PWD_LAST_SET,
        ),
    ]
    .into_iter()
    .filter(|(id, _, _)| missing.contains(id))
    .map(|(_, mask, object)| Ace::allow(f, mask, connector.clone(), Some(object), Some(class)))
    .collect()
}

/// The writeback rights the connector lacks on new objects of `class` below a container with
/// DACL `sd` (finding ids; a deny counts as missing but is reported apart).
fn missing_rights(
    facts: &Facts,
    sd: &SecurityDescriptor,
    class: Guid,
) -> (Vec<&'static str>, bool) {
    let Some(c) = &facts.connector else {
        return (Vec::new(), false);
    };
    let dacl = child_dacl(&sd.dacl, class);
    let target = Target {
        class,
        object_sid: None,
    };
    let mut missing = Vec::new();
    let mut denied = false;
    for (id, _, request) in crate::check::scan::writeback_requests(facts) {
        let d = evaluate(&dacl, &target, &c.token, &request);
        match d.verdict {
            crate::sd::Verdict::Allowed => {}
            crate::sd::Verdict::Denied => denied = true,
            _ => missing.push(id),
        }
    }
    (missing, denied)
}

/// Computes the plan from a fresh check. `extra` holds objects the check does not read
/// (AdminSDHolder, PSOs, stale users' DACLs, GPO names), read by [`gather_extra`].
pub fn compute(
    outcome: &CheckOutcome,
    extra: &Extra,
    opts: &PlanOptions,
) -> Result<Plan, PlanError> {
    let f = &outcome.facts;
    let connector = f.connector.as_ref().ok_or_else(|| {
        PlanError::NoConnector(
            "the check found no single connector account; give it with --connector".into(),
        )
    })?;
    let ctx = f.sddl_context();
    let mut plan = Plan {
        schema: SCHEMA,
        tool_version: env!("CARGO_PKG_VERSION").into(),
        time: crate::report::rfc3339_now(),
        domain_dn: f.domain.dn.clone(),
        domain_sid: f.domain.sid.to_string(),
        dc: f.root_dse.dns_host_name.clone(),
        pdc_emulator: f.domain.pdc_emulator.clone(),
        connector_dn: connector.account.dn.clone(),
        connector_sid: connector.account.sid.to_string(),
        changes: Vec::new(),
        warnings: Vec::new(),
        not_fixed: Vec::new(),
    };
    let classes: Vec<(&str, Guid)> = {
        let mut v = vec![("user", CLASS_USER)];
        let inet = match opts.inetorgperson {
            InetOrgPerson::Always => true,
            InetOrgPerson::Never => false,
            InetOrgPerson::Auto => outcome.scan.inet_org_persons > 0,
        };
        if inet {
            v.push(("inetOrgPerson", CLASS_INET_ORG_PERSON));
        }
        v
    };

    let p = Planner {
        f,
        outcome,
        extra,
        opts,
        sid: &connector.account.sid,
        name: &connector.account.sam_account_name,
        token: &connector.token,
        ctx: &ctx,
        classes: &classes,
    };
    p.domain_root(&mut plan)?;
    p.protected_containers(&mut plan);
    p.admin_sd_holder(&mut plan);
    p.password_policy(&mut plan)?;
    p.stale_admin_count(&mut plan);
    Ok(plan)
}

/// What every part of the plan needs.
struct Planner<'a> {
    f: &'a Facts,
    outcome: &'a CheckOutcome,
    extra: &'a Extra,
    opts: &'a PlanOptions,
    sid: &'a Sid,
    name: &'a str,
    token: &'a crate::sd::Token,
    ctx: &'a DomainContext,
    classes: &'a [(&'static str, Guid)],
}

impl Planner<'_> {
    /// The domain root: the writeback rights, and Unexpire Password if nobody has it.
    fn domain_root(&self, plan: &mut Plan) -> Result<(), PlanError> {
        let Planner { f, sid, ctx, .. } = *self;
        let classes = self.classes;
        let root_sd = f
            .root
            .sd
            .as_ref()
            .ok_or_else(|| PlanError::Unreadable(f.domain.dn.clone()))?;
        let mut root_aces = Vec::new();
        for (name, class) in classes {
            let (missing, denied) = missing_rights(f, root_sd, *class);
            root_aces.extend(writeback_aces(sid, *class, &missing));
            if denied {
                plan.not_fixed.push(format!(
                "An explicit deny at {} blocks a writeback right on {name} objects; remove it by hand (an allow cannot override it).",
                f.domain.dn
            ));
            }
        }
        let unexpire = evaluate(
            &root_sd.dacl,
            &Target {
                class: CLASS_DOMAIN_DNS,
                object_sid: None,
            },
            self.token,
            &Request::ControlAccess(UNEXPIRE_PASSWORD),
        );
        if !unexpire.is_allowed() {
            root_aces.push(Ace::allow(
                AceFlags(0),
                AccessMask::CONTROL_ACCESS,
                sid.clone(),
                Some(UNEXPIRE_PASSWORD),
                None,
            ));
        }
        if let Some(change) = dacl_change(
            &f.domain.dn,
            root_sd,
            &root_aces,
            ctx,
            format!(
                "Let {} reset passwords and write pwdLastSet and lockoutTime on descendant {} objects of the domain.",
                self.name,
                classes
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
        ) {
            plan.changes.push(change);
        }

        Ok(())
    }

    /// Containers in scope with inheritance disabled.
    fn protected_containers(&self, plan: &mut Plan) {
        let Planner {
            f,
            sid,
            ctx,
            outcome,
            opts,
            ..
        } = *self;
        let classes = self.classes;
        if opts.protected_containers {
            for cont in &f.containers {
                let Some(sd) = &cont.sd else { continue };
                if !sd.dacl_protected() || cont.dn.eq_ignore_ascii_case(&f.domain.dn) {
                    continue;
                }
                let mut aces = Vec::new();
                for (name, class) in classes {
                    if *class == CLASS_INET_ORG_PERSON
                        && opts.inetorgperson == InetOrgPerson::Auto
                        && !outcome
                            .scan
                            .inet_org_person_parents
                            .iter()
                            .any(|p| is_within(p, &cont.dn))
                    {
                        continue;
                    }
                    let (missing, denied) = missing_rights(f, sd, *class);
                    aces.extend(writeback_aces(sid, *class, &missing));
                    if denied {
                        plan.not_fixed.push(format!(
                        "An explicit deny at {} blocks a writeback right on {name} objects; remove it by hand.",
                        cont.dn
                    ));
                    }
                }
                if let Some(change) = dacl_change(
                    &cont.dn,
                    sd,
                    &aces,
                    ctx,
                    format!(
                        "Grant {} the writeback rights on this {} too: its inheritance is disabled, so the grant at the domain root does not reach the users below it.",
                        self.name, cont.class_name
                    ),
                ) {
                    plan.changes.push(change);
                }
            }
        } else if outcome
            .findings
            .iter()
            .any(|x| x.id == "inheritance-disabled")
        {
            plan.not_fixed.push(
            "Containers with inheritance disabled are left as they are (--no-protected-containers); users below them stay blocked.".into(),
        );
        }
    }

    /// AdminSDHolder (opt-in, not recommended).
    fn admin_sd_holder(&self, plan: &mut Plan) {
        let Planner {
            sid,
            ctx,
            extra,
            opts,
            ..
        } = *self;
        if opts.include_adminsdholder {
            plan.warnings.push(
            "NOT RECOMMENDED: granting on AdminSDHolder lets the connector reset the passwords of every protected account (domain admins included) once SDProp runs.".into(),
        );
            if let Some((dn, sd)) = &extra.admin_sd_holder {
                let f_none = AceFlags(0);
                let mut aces = Vec::new();
                for a in writeback_aces(
                    sid,
                    CLASS_USER,
                    &[
                        "right-reset-password",
                        "right-write-lockouttime",
                        "right-write-pwdlastset",
                    ],
                ) {
                    // Directly on the template, not inherit-only: SDProp copies it onto protected users.
                    if let crate::sd::AceBody::Object(o) = a.body {
                        aces.push(Ace::allow(f_none, o.mask, o.sid, o.object_type, None));
                    }
                }
                if let Some(change) = dacl_change(
                dn,
                sd,
                &aces,
                ctx,
                "Grant the writeback rights on AdminSDHolder, so SDProp copies them onto protected accounts (not recommended).".into(),
            ) {
                plan.changes.push(change);
            }
            }
        }
    }

    /// The domain's and the fine-grained policies' minimum password age (opt-in).
    fn password_policy(&self, plan: &mut Plan) -> Result<(), PlanError> {
        let Planner { f, extra, opts, .. } = *self;
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
    fn stale_admin_count(&self, plan: &mut Plan) {
        let Planner {
            ctx, extra, opts, ..
        } = *self;
        if opts.clear_stale_admincount {
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
    }
}

/// A DACL change adding `aces` to `sd` (only those not already covered); `None` when nothing is
/// missing.
fn dacl_change(
    dn: &str,
    sd: &SecurityDescriptor,
    aces: &[Ace],
    ctx: &DomainContext,
    summary: String,
) -> Option<Change> {
    let mut after = sd.clone();
    let acl = after.dacl.acl_mut()?;
    let added = crate::sd::canonical::ensure_present(acl, aces);
    if added.is_empty() {
        return None;
    }
    let before_sddl = sddl::format(sd, ctx).ok();
    let after_sddl = sddl::format(&after, ctx).ok();
    let full = DomainContext::default();
    Some(Change {
        dn: dn.to_string(),
        action: Action::AddAces {
            aces: added
                .iter()
                .filter_map(|a| sddl::format_ace(a, &full).ok())
                .collect(),
        },
        summary,
        before: Before::Dacl {
            base64: crate::sddl_input::encode_base64(&sd.to_bytes().ok()?),
        },
        diff: diff::lines(sd, &after, ctx),
        before_sddl,
        after_sddl,
    })
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
