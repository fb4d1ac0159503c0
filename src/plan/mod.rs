//! Plans: from a fresh check, the exact changes that make writeback work — every ACE to add and
//! every attribute to set, each with its object, a plain sentence and the DACL before and after.
//! Nothing is written here; [`apply`] writes a plan with a backup first and verification after,
//! and [`backup`] restores.

pub mod apply;
pub mod backup;
pub mod diff;
pub mod verify;

use serde::{Deserialize, Serialize};

use crate::ad::discovery::is_within;
use crate::check::CheckOutcome;
use crate::check::facts::Facts;
use crate::sd::access::child_dacl;
use crate::sd::rights::{CLASS_DOMAIN_DNS, CLASS_INET_ORG_PERSON, CLASS_USER, UNEXPIRE_PASSWORD};
use crate::sd::{
    AccessMask, Ace, AceFlags, DomainContext, Guid, Request, SecurityDescriptor, Sid, Target,
    evaluate, sddl,
};

/// The plan file's schema version.
pub const SCHEMA: u32 = 1;

/// Whether to grant on inetOrgPerson objects too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InetOrgPerson {
    /// When inetOrgPerson objects exist in scope.
    #[default]
    Auto,
    Always,
    Never,
}

/// What the plan may change beyond the rights at the domain roots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanOptions {
    pub inetorgperson: InetOrgPerson,
    /// Grant on in-scope containers with inheritance disabled (default on).
    pub protected_containers: bool,
    /// Grant on AdminSDHolder (not recommended: opens every protected account to the
    /// connector).
    pub include_adminsdholder: bool,
    /// Set the domain's minPwdAge to 0.
    pub min_password_age_zero: bool,
    /// Set these fine-grained policies' (by cn) minimum age to 0.
    pub fix_pso: Vec<String>,
    /// Clear adminCount and enable inheritance on users flagged admincount-stale.
    pub clear_stale_admincount: bool,
}

impl Default for PlanOptions {
    fn default() -> Self {
        Self {
            inetorgperson: InetOrgPerson::Auto,
            protected_containers: true,
            include_adminsdholder: false,
            min_password_age_zero: false,
            fix_pso: Vec::new(),
            clear_stale_admincount: false,
        }
    }
}

/// A problem with the plan options.
#[derive(Debug, Clone, thiserror::Error)]
pub enum PlanError {
    #[error("no fine-grained password policy is named {0:?}. Names in this domain: {1}.")]
    UnknownPso(String, String),
    #[error("there is no connector account to grant rights to: {0}")]
    NoConnector(String),
    #[error(
        "the DACL of {0} could not be read, so no change to it can be planned. Run as an account that can read it."
    )]
    Unreadable(String),
}

/// What a change does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Action {
    /// Add explicit ACEs to the DACL (SDDL strings, domain SIDs spelled out).
    AddAces { aces: Vec<String> },
    /// Clear SE_DACL_PROTECTED so the object inherits again.
    EnableInheritance,
    /// Replace an attribute's values (none = delete the attribute).
    SetAttribute {
        attribute: String,
        values: Vec<String>,
    },
}

/// One change to one object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub dn: String,
    pub action: Action,
    /// A plain sentence.
    pub summary: String,
    /// The value this change was planned against: the DACL-only descriptor (base64) or the
    /// attribute's values. Apply stops if the object no longer has it.
    pub before: Before,
    /// DACL before and after, in SDDL (DACL changes only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before_sddl: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after_sddl: Option<String>,
    /// ACE lines added (`+ (…)`) and removed (`- (…)`), and control changes.
    #[serde(default)]
    pub diff: Vec<String>,
}

/// The planned-against value of a change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Before {
    /// `nTSecurityDescriptor` read with SD flags = DACL, base64.
    Dacl { base64: String },
    /// The attribute's values.
    Values { values: Vec<String> },
}

/// The change set, with what it was computed for.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub schema: u32,
    pub tool_version: String,
    pub time: String,
    pub domain_dn: String,
    pub domain_sid: String,
    /// The DC the plan was read from.
    pub dc: String,
    pub pdc_emulator: Option<String>,
    pub connector_dn: String,
    pub connector_sid: String,
    pub changes: Vec<Change>,
    /// Things to know before applying (GPOs that will undo a policy change, risky options).
    pub warnings: Vec<String>,
    /// Problems the plan cannot fix (explicit denies, …).
    pub not_fixed: Vec<String>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The plan as text for a terminal: every change with its ACE diff and the full DACL before
    /// and after.
    pub fn text(&self) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Plan for {} (read from {}{})",
            self.domain_dn,
            self.dc,
            self.pdc_emulator
                .as_ref()
                .map(|p| format!(", PDC emulator {p}"))
                .unwrap_or_default()
        );
        let _ = writeln!(
            out,
            "Connector: {} ({})",
            self.connector_dn, self.connector_sid
        );
        if self.changes.is_empty() {
            let _ = writeln!(out, "\nNothing to change.");
        }
        for (i, c) in self.changes.iter().enumerate() {
            let _ = writeln!(out, "\n{}. {}\n   {}", i + 1, c.dn, c.summary);
            for line in &c.diff {
                let _ = writeln!(out, "   {line}");
            }
            if let (Some(b), Some(a)) = (&c.before_sddl, &c.after_sddl) {
                let _ = writeln!(out, "   before: {b}\n   after:  {a}");
            }
        }
        for w in &self.warnings {
            let _ = writeln!(out, "\nWARNING: {w}");
        }
        for n in &self.not_fixed {
            let _ = writeln!(out, "\nNot fixed by this plan: {n}");
        }
        out
    }

    pub fn context(&self) -> DomainContext {
        DomainContext {
            domain_sid: self.domain_sid.parse().ok(),
            root_domain_sid: None,
        }
    }
}

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
    let sid = &connector.account.sid;
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

    // 1. The domain root: the writeback rights, and Unexpire Password if nobody has it.
    let root_sd = f
        .root
        .sd
        .as_ref()
        .ok_or_else(|| PlanError::Unreadable(f.domain.dn.clone()))?;
    let mut root_aces = Vec::new();
    for (name, class) in &classes {
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
        &connector.token,
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
        &ctx,
        format!(
            "Let {} reset passwords and write pwdLastSet and lockoutTime on descendant {} objects of the domain.",
            connector.account.sam_account_name,
            classes
                .iter()
                .map(|(n, _)| *n)
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    ) {
        plan.changes.push(change);
    }

    // 2. Containers in scope with inheritance disabled.
    if opts.protected_containers {
        for cont in &f.containers {
            let Some(sd) = &cont.sd else { continue };
            if !sd.dacl_protected() || cont.dn.eq_ignore_ascii_case(&f.domain.dn) {
                continue;
            }
            let mut aces = Vec::new();
            for (name, class) in &classes {
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
                &ctx,
                format!(
                    "Grant {} the writeback rights on this {} too: its inheritance is disabled, so the grant at the domain root does not reach the users below it.",
                    connector.account.sam_account_name, cont.class_name
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

    // 3. AdminSDHolder (opt-in).
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
                &ctx,
                "Grant the writeback rights on AdminSDHolder, so SDProp copies them onto protected accounts (not recommended).".into(),
            ) {
                plan.changes.push(change);
            }
        }
    }

    // 4. Password policy.
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

    // 5. Stale adminCount.
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
                plan.changes.push(inheritance_change(dn, sd, &ctx));
            }
        }
    }
    Ok(plan)
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

/// Objects a plan may touch that the check does not read.
#[derive(Clone, Debug, Default)]
pub struct Extra {
    /// AdminSDHolder's DN and DACL.
    pub admin_sd_holder: Option<(String, SecurityDescriptor)>,
    /// adminCount-stale users in scope, with their DACLs.
    pub stale_admin: Vec<(String, SecurityDescriptor)>,
    /// Display names of the GPOs linked at the domain root.
    pub root_gpos: Vec<String>,
}

/// Reads what [`compute`] needs beyond the check.
pub async fn gather_extra(
    conn: &mut crate::ad::Connection,
    outcome: &CheckOutcome,
    opts: &PlanOptions,
) -> Result<Extra, crate::ad::AdError> {
    let f = &outcome.facts;
    let mut extra = Extra::default();
    if opts.include_adminsdholder {
        let dn = format!("CN=AdminSDHolder,CN=System,{}", f.domain.dn);
        if let Some(sd) = conn.read_dacl(&dn).await? {
            extra.admin_sd_holder = Some((dn, sd));
        }
    }
    if opts.clear_stale_admincount {
        for dn in outcome.stale_admin() {
            if let Some(sd) = conn.read_dacl(dn).await? {
                extra.stale_admin.push((dn.clone(), sd));
            }
        }
    }
    if opts.min_password_age_zero
        && let Some(links) = &f.domain.gp_link
    {
        for gpo_dn in parse_gp_link(links) {
            let name = conn
                .read(&gpo_dn, &["displayName"], vec![])
                .await?
                .and_then(|e| e.text("displayName"))
                .unwrap_or_else(|| gpo_dn.clone());
            extra.root_gpos.push(name);
        }
    }
    Ok(extra)
}

/// The GPO DNs in a `gPLink` value (`[LDAP://cn={…},cn=policies,…;0][…]`), link options
/// ignored.
pub fn parse_gp_link(value: &str) -> Vec<String> {
    value
        .split('[')
        .filter_map(|part| {
            let inner = part.trim_end_matches(']').trim();
            let rest = inner
                .strip_prefix("LDAP://")
                .or_else(|| inner.strip_prefix("ldap://"))?;
            Some(rest.rsplit_once(';').map_or(rest, |(dn, _)| dn).to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn gp_link_lists_the_linked_gpo_dns() {
        let v = "[LDAP://cn={31B2F340-016D-11D2-945F-00C04FB984F9},cn=policies,cn=system,DC=lab,DC=example,DC=test;0][LDAP://cn={X},cn=policies,cn=system,DC=lab;2]";
        assert_eq!(
            super::parse_gp_link(v),
            [
                "cn={31B2F340-016D-11D2-945F-00C04FB984F9},cn=policies,cn=system,DC=lab,DC=example,DC=test",
                "cn={X},cn=policies,cn=system,DC=lab"
            ]
        );
        assert!(super::parse_gp_link("").is_empty());
    }
}
