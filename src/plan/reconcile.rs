//! A plan read from a file held against the plan the tool makes now from the directory. The
//! file is a request someone reviewed: only what the fresh plan also holds is written, in the
//! fresh plan's form (its values read now). What the file asks for beyond that is handed back
//! ([`Reconciled::unplanned`]): the write path accepts it only where the directory already
//! holds it (nothing to write), and otherwise refuses the whole file with the difference named
//! — another object, another account's ACE, AdminSDHolder without the consent given now, an
//! attribute the tool would not set.

use super::{Action, Change, Plan};
use crate::ad::dn;
use crate::sd::{Ace, DomainContext, sddl};

/// What the file asks for, as the tool would write it now.
#[derive(Clone, Debug)]
pub struct Reconciled {
    /// The fresh plan, limited to what the file asks for.
    pub plan: Plan,
    /// Objects whose value changed since the file's plan was made (`DN (attribute)`).
    pub changed_since: Vec<String>,
    /// What the directory also needs now but the file does not ask for (not written).
    pub not_in_file: Vec<Change>,
    /// What the file asks for that the fresh plan does not hold (for an ACE change, only those
    /// ACEs): acceptable only where the directory holds it already.
    pub unplanned: Vec<Change>,
}

/// Why a file is refused: each thing it asks for that the tool would not plan now, one line
/// each (`DN: what`), in the file's own text (escape it before printing).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the plan file asks for changes this tool would not plan now: {}", .0.join("; "))]
pub struct NotPlannedNow(pub Vec<String>);

fn aces_of(c: &Change) -> Vec<Ace> {
    match &c.action {
        Action::AddAces { aces } => aces
            .iter()
            .filter_map(|a| sddl::parse_ace(a, &DomainContext::default()).ok())
            .collect(),
        _ => Vec::new(),
    }
}

fn kind(a: &Action) -> u8 {
    match a {
        Action::AddAces { .. } => 0,
        Action::EnableInheritance => 1,
        Action::SetAttribute { .. } => 2,
    }
}

/// The fresh change of the same kind on the same object as `c`.
fn counterpart<'a>(fresh: &'a Plan, c: &Change) -> Option<&'a Change> {
    fresh.changes.iter().find(|f| {
        dn::same(&f.dn, &c.dn)
            && kind(&f.action) == kind(&c.action)
            && match (&f.action, &c.action) {
                (
                    Action::SetAttribute { attribute: a, .. },
                    Action::SetAttribute { attribute: b, .. },
                ) => a.eq_ignore_ascii_case(b),
                _ => true,
            }
    })
}

/// Holds `file` against `fresh` (planned now with the file's request): `fresh` limited to the
/// file's changes, and what the file asks for beyond it.
pub fn reconcile(file: &Plan, fresh: &Plan) -> Reconciled {
    let mut unplanned: Vec<Change> = Vec::new();
    let mut keep: Vec<Change> = Vec::new();
    let mut changed_since = Vec::new();
    for c in &file.changes {
        let Some(now) = counterpart(fresh, c) else {
            unplanned.push(c.clone());
            continue;
        };
        let mut limited = now.clone();
        match (&c.action, &now.action) {
            (Action::AddAces { aces }, Action::AddAces { .. }) => {
                let planned = aces_of(now);
                let mut wanted = Vec::new();
                let mut beyond = Vec::new();
                for text in aces {
                    match sddl::parse_ace(text, &DomainContext::default()) {
                        Ok(a) if planned.contains(&a) => wanted.push(a),
                        _ => beyond.push(text.clone()),
                    }
                }
                if !beyond.is_empty() {
                    unplanned.push(Change {
                        action: Action::AddAces { aces: beyond },
                        ..c.clone()
                    });
                }
                limited.action = Action::AddAces {
                    aces: planned
                        .iter()
                        .filter(|a| wanted.contains(a))
                        .filter_map(|a| sddl::format_ace(a, &DomainContext::default()).ok())
                        .collect(),
                };
            }
            (Action::SetAttribute { values: a, .. }, Action::SetAttribute { values: b, .. })
                if a != b =>
            {
                unplanned.push(c.clone());
                continue;
            }
            _ => {}
        }
        if c.before != now.before {
            changed_since.push(c.dn.clone());
        }
        if !keep
            .iter()
            .any(|k| dn::same(&k.dn, &limited.dn) && k.action == limited.action)
        {
            keep.push(limited);
        }
    }
    let not_in_file = not_asked(fresh, &keep);
    // Keep the fresh plan's order (outermost first, as it is written).
    let mut plan = fresh.clone();
    plan.changes = fresh
        .changes
        .iter()
        .filter_map(|f| {
            keep.iter()
                .find(|k| dn::same(&k.dn, &f.dn) && kind(&k.action) == kind(&f.action))
                .cloned()
        })
        .filter(|c| !matches!(&c.action, Action::AddAces { aces } if aces.is_empty()))
        .collect();
    super::validate::seal(&mut plan);
    Reconciled {
        plan,
        changed_since,
        not_in_file,
        unplanned,
    }
}

impl NotPlannedNow {
    /// The refusal for `changes`, a line each.
    pub fn of(changes: &[Change]) -> Self {
        Self(
            changes
                .iter()
                .map(|c| format!("{}: {}", c.dn, describe(&c.action)))
                .collect(),
        )
    }
}

/// What `fresh` holds that the file's kept changes do not ask for (for an ACE change, only those
/// ACEs).
fn not_asked(fresh: &Plan, keep: &[Change]) -> Vec<Change> {
    fresh
        .changes
        .iter()
        .filter_map(|f| {
            let asked = keep
                .iter()
                .find(|k| dn::same(&k.dn, &f.dn) && kind(&k.action) == kind(&f.action));
            match asked {
                None => Some(f.clone()),
                Some(k) => {
                    let missing: Vec<String> = match (&f.action, &k.action) {
                        (Action::AddAces { aces: all }, Action::AddAces { aces: some }) => {
                            all.iter().filter(|a| !some.contains(a)).cloned().collect()
                        }
                        _ => Vec::new(),
                    };
                    (!missing.is_empty()).then(|| Change {
                        action: Action::AddAces { aces: missing },
                        ..f.clone()
                    })
                }
            }
        })
        .collect()
}

/// A change in a line (the file's own text: ACEs in SDDL, values as given).
pub fn describe(a: &Action) -> String {
    match a {
        Action::AddAces { aces } => format!("+ {}", aces.join(" ")),
        Action::EnableInheritance => "enable inheritance".into(),
        Action::SetAttribute { attribute, values } => {
            format!("set {attribute} = {}", values.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Before, Said};

    const ROOT: &str = "DC=example,DC=test";
    const READ_ALL: &str = "(A;CI;GA;;;WD)";
    const RESET: &str = "(OA;CIIO;CR;00299570-246d-11d0-a768-00aa006e0529;bf967aba-0de6-11d0-a285-00aa003049e2;S-1-5-21-1-2-3-1105)";
    const LOCKOUT: &str = "(OA;CIIO;WP;28630ebf-41d5-11d1-a9c1-0000f80367c1;bf967aba-0de6-11d0-a285-00aa003049e2;S-1-5-21-1-2-3-1105)";

    fn change(dn: &str, action: Action, before: &str) -> Change {
        Change {
            dn: dn.into(),
            action,
            summary: String::new(),
            said: Said::default(),
            before: Before::Dacl {
                base64: before.into(),
            },
            before_sddl: None,
            after_sddl: None,
            diff: Vec::new(),
        }
    }

    fn plan(changes: Vec<Change>) -> Plan {
        Plan {
            schema: crate::plan::SCHEMA,
            tool_version: "0".into(),
            time: String::new(),
            domain_dn: ROOT.into(),
            domain_sid: "S-1-5-21-1-2-3".into(),
            dc: "dc1".into(),
            pdc_emulator: None,
            connector_dn: String::new(),
            connector_sid: "S-1-5-21-1-2-3-1105".into(),
            request: Default::default(),
            changes,
            warnings: Vec::new(),
            warnings_said: Vec::new(),
            not_fixed: Vec::new(),
            reach: None,
            checksum: String::new(),
        }
    }

    fn add(aces: &[&str]) -> Action {
        Action::AddAces {
            aces: aces.iter().map(|a| a.to_string()).collect(),
        }
    }

    #[test]
    fn the_file_gets_what_both_plans_hold_in_the_fresh_form() {
        let fresh = plan(vec![change(ROOT, add(&[RESET, LOCKOUT]), "now")]);
        let file = plan(vec![change("dc=EXAMPLE, dc=test", add(&[RESET]), "then")]);
        let r = reconcile(&file, &fresh);
        assert!(r.unplanned.is_empty());
        assert_eq!(r.plan.changes.len(), 1);
        assert_eq!(r.plan.changes[0].action, add(&[RESET]));
        assert_eq!(r.plan.changes[0].dn, ROOT, "the directory's spelling");
        assert_eq!(r.changed_since, ["dc=EXAMPLE, dc=test"]);
        assert_eq!(r.not_in_file.len(), 1);
        assert_eq!(r.not_in_file[0].action, add(&[LOCKOUT]));
    }

    #[test]
    fn anything_the_tool_would_not_plan_now_is_handed_back() {
        let fresh = plan(vec![change(ROOT, add(&[RESET]), "now")]);
        let unplanned = |file: &Plan| NotPlannedNow::of(&reconcile(file, &fresh).unplanned).0;
        let extra_ace = plan(vec![change(ROOT, add(&[RESET, READ_ALL]), "now")]);
        assert_eq!(unplanned(&extra_ace), [format!("{ROOT}: + {READ_ALL}")]);
        assert_eq!(
            reconcile(&extra_ace, &fresh).plan.changes[0].action,
            add(&[RESET]),
            "the planned part stays"
        );
        let dave = format!("CN=dave,OU=Admins,{ROOT}");
        let elsewhere = plan(vec![change(&dave, add(&[RESET]), "now")]);
        assert_eq!(unplanned(&elsewhere), [format!("{dave}: + {RESET}")]);
        let attribute = plan(vec![Change {
            action: Action::SetAttribute {
                attribute: "minPwdAge".into(),
                values: vec!["0".into()],
            },
            ..change(ROOT, add(&[]), "now")
        }]);
        assert_eq!(
            unplanned(&attribute),
            [format!("{ROOT}: set minPwdAge = 0")]
        );
    }
}
