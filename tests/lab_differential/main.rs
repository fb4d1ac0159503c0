//! The differential test: random but valid DACL set-ups in the lab, and for every user and each
//! of the four writes password writeback makes (reset, pwdLastSet = 0, pwdLastSet = -1,
//! lockoutTime = 0), the engine's verdict against what the DC does when the connector really
//! tries. Any disagreement is shrunk to a one-line case for tests/data/access/regressions.txt.
//!
//! Each run builds a world below `OU=Diff,OU=Lab` (a tree of OUs and a container, 300+ users of
//! class user and inetOrgPerson), takes a seed (`WW_DIFF_SEED`, else the clock; printed), and
//! for each of `WW_DIFF_ROUNDS` rounds (default 3) puts every DACL back as created and writes
//! random ACEs: allow and deny; object, property, property-set and class GUIDs; CI, IO and
//! NP; inherited object types user, inetOrgPerson and computer; trustees the connector, a group
//! it is in, a group that group is in, its primary group, well-known SIDs, an alias reached
//! through Authenticated Users, Principal Self and a decoy account; protected OUs and users;
//! explicit ACEs on users; non-canonical order. The connector's primary group is switched to one
//! of its groups for the run, and the domain root sometimes denies it Unexpire Password. The
//! world is deleted and the lab put back at the end (and at the start, after a crash).
//!
//! Three engine paths are compared with the DC: the scan's own judgement of each user
//! (`Judge::operations`, and the blocked/ready verdict), and the user's DACL recomputed by the
//! engine's inheritance from its explicit ACEs and its parent (what `plan` relies on).
//!
//! `WW_DIFF_KEEP=1` leaves the last world in the lab for a look (the next run deletes it).

#[path = "../common/mod.rs"]
mod common;

mod random_dacls;
mod regressions;

use std::collections::BTreeMap;
use std::time::Instant;

use common::regression::{Asked, Case, Names};
use common::{Lab, OPS, Op};
use writeback_wizard::ad::{Connection, controls};
use writeback_wizard::check::right::Right;
use writeback_wizard::check::{self, CheckOptions};
use writeback_wizard::sd::access::inherited_aces;
use writeback_wizard::sd::rights::*;
use writeback_wizard::sd::{
    AccessMask, Ace, AceFlags, Acl, AclSlot, Control, Guid, SecurityDescriptor, Sid, Target,
    evaluate_with, sddl,
};

/// Users in the world (at least 300 per the budget).
const USERS: usize = 320;

struct World {
    base: String,
    containers: Vec<(String, &'static str)>,
    users: Vec<(String, &'static str)>,
    decoy: String,
    /// Every container's and user's DACL as created (outermost first): each round starts there.
    originals: Vec<(String, SecurityDescriptor)>,
}

/// Puts every DACL of the world back as it was created.
async fn reset(admin: &mut Connection, world: &World) {
    for (dn, sd) in &world.originals {
        admin
            .write_dacl(dn, sd)
            .await
            .unwrap_or_else(|e| panic!("reset {dn}: {e}"));
    }
}

/// Deletes everything below and including `base` (deepest first).
async fn delete_tree(admin: &mut Connection, base: &str) {
    let Ok(entries) = admin
        .search(
            base,
            ldap3::Scope::Subtree,
            "(objectClass=*)",
            &["1.1"],
            vec![],
        )
        .await
    else {
        return;
    };
    let mut dns: Vec<String> = entries.into_iter().map(|e| e.dn).collect();
    dns.sort_by_key(|d| std::cmp::Reverse(d.matches(',').count()));
    for dn in dns {
        admin
            .delete(&dn)
            .await
            .unwrap_or_else(|e| panic!("delete {dn}: {e}"));
    }
}

async fn build_world(admin: &mut Connection, lab: &Lab) -> World {
    let base = format!("OU=Diff,{}", lab.var("LAB_LAB_OU_DN"));
    delete_tree(admin, &base).await;
    let ou = |name: &str, parent: &str| format!("OU={name},{parent}");
    let mut containers: Vec<(String, &'static str)> = vec![(base.clone(), "organizationalUnit")];
    for i in 0..5 {
        let d = ou(&format!("D{i}"), &base);
        containers.push((d.clone(), "organizationalUnit"));
        if i < 3 {
            containers.push((ou("Sub", &d), "organizationalUnit"));
        }
        if i == 0 {
            containers.push((ou("Deep", &ou("Sub", &d)), "organizationalUnit"));
        }
    }
    containers.push((format!("CN=Box,{base}"), "container"));
    for (dn, class) in &containers {
        admin
            .add(dn, vec![("objectClass", vec![class.as_bytes().to_vec()])])
            .await
            .unwrap_or_else(|e| panic!("add {dn}: {e}"));
    }
    let mut users = Vec::new();
    for i in 0..USERS {
        let (parent, _) = &containers[i % containers.len()];
        let class: &'static str = if i % 4 == 3 { "inetOrgPerson" } else { "user" };
        let dn = format!("CN=df{i},{parent}");
        admin
            .add(
                &dn,
                vec![
                    ("objectClass", vec![class.as_bytes().to_vec()]),
                    ("sAMAccountName", vec![format!("df{i}").into_bytes()]),
                ],
            )
            .await
            .unwrap_or_else(|e| panic!("add {dn}: {e}"));
        users.push((dn, class));
    }
    let decoy = format!("CN=dfdecoy,{base}");
    admin
        .add(
            &decoy,
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                ("sAMAccountName", vec![b"dfdecoy".to_vec()]),
            ],
        )
        .await
        .unwrap();
    let mut originals = Vec::new();
    for (dn, _) in containers.iter().chain(users.iter()) {
        originals.push((dn.clone(), dacl_of(admin, dn).await));
    }
    World {
        base,
        containers,
        users,
        decoy,
        originals,
    }
}

async fn sid_of(admin: &mut Connection, dn: &str) -> Sid {
    let e = admin
        .read(dn, &["objectSid"], vec![])
        .await
        .unwrap()
        .unwrap();
    Sid::from_ldap_value(e.first("objectSid").unwrap()).unwrap()
}

async fn dacl_of(admin: &mut Connection, dn: &str) -> SecurityDescriptor {
    admin
        .read_security_descriptor(dn, controls::DACL)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("DACL of {dn}"))
        .sd
}

/// Sets the connector's primary group (it must be a member of the group).
async fn set_primary_group(
    admin: &mut Connection,
    connector: &str,
    rid: u32,
) -> Result<(), String> {
    admin
        .replace(
            connector,
            "primaryGroupID",
            vec![rid.to_string().into_bytes()],
            vec![],
        )
        .await
        .map_err(|e| e.to_string())
}

/// The operations as the engine's rights see them, for a DACL.
fn engine_ops(
    rules: writeback_wizard::sd::Rules,
    dacl: &AclSlot,
    target: &Target,
    token: &writeback_wizard::sd::Token,
    sets: &writeback_wizard::check::right::PropertySets,
    unexpire: bool,
) -> [bool; 4] {
    let ok = |r: Right| evaluate_with(rules, dacl, target, token, &r.request(sets)).is_allowed();
    let (reset, pls, lock) = (
        ok(Right::ResetPassword),
        ok(Right::WritePwdLastSet),
        ok(Right::WriteLockoutTime),
    );
    [reset, pls, pls && unexpire, lock]
}

/// What the DC answers for `case` on a throwaway user whose DACL is exactly the case's.
async fn dc_answer(
    admin: &mut Connection,
    msol: &mut Connection,
    dn: &str,
    names: &Names,
    case: &Case,
) -> Result<bool, String> {
    let sd = case.descriptor(names);
    admin.write_dacl(dn, &sd).await.map_err(|e| e.to_string())?;
    let op = match case.asked {
        Asked::Right(Right::ResetPassword) => Op::Reset,
        Asked::Right(Right::WritePwdLastSet) => Op::PwdLastSetZero,
        Asked::Right(Right::WriteLockoutTime) => Op::LockoutTime,
        Asked::Unexpire => return Err("unexpire cases are replayed on the domain root only".into()),
    };
    let pw = writeback_wizard::plan::verify::random_password().unwrap();
    common::attempt(msol, admin, dn, op, &pw).await
}

/// Creates a throwaway user of the case's class below the world.
async fn throwaway(admin: &mut Connection, base: &str, class: &str) -> String {
    let dn = format!("CN=dfshrink,{base}");
    let _ = admin.delete(&dn).await;
    admin
        .add(
            &dn,
            vec![
                ("objectClass", vec![class.as_bytes().to_vec()]),
                ("sAMAccountName", vec![b"dfshrink".to_vec()]),
            ],
        )
        .await
        .unwrap();
    dn
}
