//! What a plan leaves: every error finding of the directory check judged on the simulated
//! tree, with the reason the plan does not fix it (`not_fixed`).

use std::collections::HashMap;

use crate::check::{CheckOutcome, Finding, FindingId, Group, Severity};
use crate::plan::sim::Sim;
use crate::plan::{InetOrgPerson, NotFixed, Plan, PlanOptions};
use crate::sd::{Guid, Verdict};

/// Finding ids of the directory check (cloud, sync-server and pilot findings are not the
/// plan's).
fn is_directory(id: FindingId) -> bool {
    !matches!(id.group(), Group::Entra | Group::Pilot | Group::SyncServer)
}

/// Every error finding of the check that the plan leaves, judged on the simulated tree.
pub(super) fn not_fixed(
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
    // Whether the plan changes `attr` of `dn` (`nTSecurityDescriptor`: adds ACEs there).
    let changed = |dn: &str, attr: &str| {
        plan.changes.iter().any(|c| {
            c.dn.eq_ignore_ascii_case(dn)
                && match &c.action {
                    super::Action::SetAttribute { attribute, .. } => {
                        attribute.eq_ignore_ascii_case(attr)
                    }
                    super::Action::AddAces { .. } => {
                        attr.eq_ignore_ascii_case("nTSecurityDescriptor")
                    }
                    super::Action::EnableInheritance => false,
                }
        })
    };
    // Users still blocked by each (id, object) after the plan.
    let mut left: HashMap<(FindingId, String), usize> = HashMap::new();
    for u in outcome.scan.blocked.iter() {
        for r in u.reasons {
            if !user_fixed(&u, r.id, sim, tree, user_grants, opts, &changed, f) {
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
            FindingId::SamServerRead => changed(&finding.object, "nTSecurityDescriptor"),
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
    u: &crate::check::BlockedRef<'_>,
    id: FindingId,
    sim: &Sim<'_>,
    tree: &crate::check::tree::Tree,
    user_grants: &HashMap<String, u8>,
    opts: &PlanOptions,
    changed: &impl Fn(&str, &str) -> bool,
    f: &crate::check::Facts,
) -> bool {
    let below_parent = || {
        tree.parent_of(u.dn)
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
        FindingId::SamServerRead => changed(&f.sam_server_dn(), "nTSecurityDescriptor"),
        _ => false,
    }
}

/// Whether the blocked user's own DACL is protected: its reasons then point at itself.
fn own_dacl_protected(u: &crate::check::BlockedRef<'_>) -> bool {
    u.reasons.iter().any(|r| {
        matches!(
            r.id,
            FindingId::InheritanceDisabled | FindingId::AdminCountStale
        ) && r.object.eq_ignore_ascii_case(u.dn)
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
            "a deny refuses the connector read access on CN=Server,CN=System; remove or narrow it by hand",
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
