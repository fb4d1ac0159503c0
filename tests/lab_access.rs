//! The test that matters most: for lab users, the engine's verdict on Reset Password, write
//! pwdLastSet and write lockoutTime for MSOL_lab must match what really happens when MSOL_lab
//! tries each operation over LDAPS — before a grant, after a grant made here at the domain root,
//! under the protected OU, on the adminCount user, via the nested-group grant, and against an
//! explicit deny. Every change is put back at the end, byte for byte.

mod common;

use writeback_wizard::ad::{Connection, controls};
use writeback_wizard::check::right::{PropertySets, Right};
use writeback_wizard::sd::canonical::{ensure_present, remove_explicit};
use writeback_wizard::sd::rights::*;
use writeback_wizard::sd::{
    AccessMask, Ace, AceFlags, Guid, Request, SecurityDescriptor, Sid, Target, Token, Verdict,
    evaluate,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Reset,
    PwdLastSet,
    LockoutTime,
}
const OPS: [Op; 3] = [Op::Reset, Op::PwdLastSet, Op::LockoutTime];

struct World {
    token: Token,
    pls_set: Option<Guid>,
    lock_set: Option<Guid>,
    user_pw: String,
}

impl World {
    fn request(&self, op: Op) -> Request {
        let sets = PropertySets {
            pwd_last_set: self.pls_set,
            lockout_time: self.lock_set,
        };
        match op {
            Op::Reset => Right::ResetPassword,
            Op::PwdLastSet => Right::WritePwdLastSet,
            Op::LockoutTime => Right::WriteLockoutTime,
        }
        .request(&sets)
    }
}

/// The engine's verdict for `op` on `dn`, from the DACL the admin reads.
async fn predict(admin: &mut Connection, w: &World, dn: &str, op: Op) -> Verdict {
    let entry = admin
        .read(dn, &["objectClass", "objectSid"], vec![])
        .await
        .unwrap()
        .unwrap();
    let class = entry
        .texts("objectClass")
        .last()
        .and_then(|c| class_guid(c))
        .unwrap_or_else(|| panic!("{dn}: unexpected class"));
    let object_sid = entry
        .first("objectSid")
        .map(|v| Sid::from_ldap_value(v).unwrap());
    let sd = admin
        .read_security_descriptor(dn, controls::DACL)
        .await
        .unwrap()
        .unwrap();
    evaluate(
        &sd.sd.dacl,
        &Target { class, object_sid },
        &w.token,
        &w.request(op),
    )
    .verdict
}

/// What really happens when MSOL_lab tries `op` on `dn`: `true` = allowed. Anything other than
/// success or insufficientAccessRights is a test failure. Side effects are undone as admin.
async fn attempt(
    msol: &mut Connection,
    admin: &mut Connection,
    w: &World,
    dn: &str,
    op: Op,
) -> bool {
    let (attr, value) = match op {
        Op::Reset => ("unicodePwd", common::unicode_pwd(&w.user_pw)),
        Op::PwdLastSet => ("pwdLastSet", b"0".to_vec()),
        Op::LockoutTime => ("lockoutTime", b"0".to_vec()),
    };
    let (code, text) = msol
        .modify_replace(dn, attr, vec![value], vec![])
        .await
        .unwrap();
    match code {
        0 => {
            if op == Op::PwdLastSet {
                // Undo "must change password at next logon".
                admin
                    .replace(dn, "pwdLastSet", vec![b"-1".to_vec()], vec![])
                    .await
                    .unwrap();
            }
            true
        }
        50 => false,
        _ => panic!("{op:?} on {dn}: unexpected LDAP {code} {text}"),
    }
}

/// Compares prediction and reality for every user and op; returns the per-user allowed sets.
async fn compare_all(
    lab: &common::Lab,
    admin: &mut Connection,
    msol: &mut Connection,
    w: &World,
    failures: &mut Vec<String>,
    phase: &str,
) -> Vec<(&'static str, [bool; 3])> {
    let mut out = Vec::new();
    for user in ["ALICE", "BOB", "CAROL", "DAVE", "ERIN", "FRANK", "GINA"] {
        let dn = lab.var(&format!("LAB_{user}_DN"));
        let mut real = [false; 3];
        for (i, op) in OPS.into_iter().enumerate() {
            let verdict = predict(admin, w, dn, op).await;
            real[i] = attempt(msol, admin, w, dn, op).await;
            if (verdict == Verdict::Allowed) != real[i] {
                failures.push(format!(
                    "{phase}: {user} {op:?}: engine says {verdict:?}, the DC {}",
                    if real[i] { "allowed it" } else { "refused it" }
                ));
            }
        }
        out.push((user, real));
    }
    out
}

fn allowed(table: &[(&str, [bool; 3])], user: &str) -> [bool; 3] {
    table.iter().find(|(u, _)| *u == user).unwrap().1
}

#[tokio::test]
async fn connector_verdicts_match_real_operations_before_and_after_a_grant() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let _guard = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut msol = lab.connector().await;
    let schema_nc = admin.root_dse().await.unwrap().schema_naming_context;
    let (msol_sid, groups) = admin.token_groups(lab.var("LAB_MSOL_DN")).await.unwrap();
    assert_eq!(msol_sid.to_string(), lab.var("LAB_MSOL_SID"));
    let delegates: Sid = lab.var("LAB_DELEGATES_GROUP_SID").parse().unwrap();
    assert!(
        groups.contains(&delegates),
        "nested group missing from tokenGroups"
    );
    let w = World {
        token: Token::new(msol_sid.clone(), groups),
        pls_set: admin
            .property_set_of(&schema_nc, ATTR_PWD_LAST_SET)
            .await
            .unwrap(),
        lock_set: admin
            .property_set_of(&schema_nc, ATTR_LOCKOUT_TIME)
            .await
            .unwrap(),
        user_pw: lab.var("LAB_USER_PW").to_string(),
    };
    assert!(
        w.pls_set.is_some(),
        "pwdLastSet belongs to a property set in the schema"
    );

    let root = lab.var("LAB_BASE_DN").to_string();
    let alice = lab.var("LAB_ALICE_DN").to_string();
    let original_root = admin
        .read_security_descriptor(&root, controls::DACL)
        .await
        .unwrap()
        .unwrap();
    let original_alice = admin
        .read_security_descriptor(&alice, controls::DACL)
        .await
        .unwrap()
        .unwrap();

    let mut failures = Vec::new();

    // 1. Baseline: only frank (nested-group grant on OU=Delegated) is open to the connector.
    let before = compare_all(&lab, &mut admin, &mut msol, &w, &mut failures, "before").await;
    for user in ["ALICE", "BOB", "CAROL", "DAVE", "ERIN", "GINA"] {
        if allowed(&before, user) != [false; 3] {
            failures.push(format!(
                "before: {user} should be closed: {:?}",
                allowed(&before, user)
            ));
        }
    }
    if allowed(&before, "FRANK") != [true; 3] {
        failures.push("before: frank should be open via the nested group".into());
    }

    // 2. Grant at the domain root for class user, the way the fix will.
    let mut granted: SecurityDescriptor = original_root.sd.clone();
    let added = ensure_present(
        granted.dacl.acl_mut().unwrap(),
        &common::grant(&msol_sid, CLASS_USER),
    );
    assert_eq!(added.len(), 3);
    admin.write_dacl(&root, &granted).await.unwrap();
    let after = compare_all(
        &lab,
        &mut admin,
        &mut msol,
        &w,
        &mut failures,
        "after grant",
    )
    .await;
    for (user, want) in [
        ("ALICE", [true; 3]),
        ("BOB", [true; 3]),
        ("FRANK", [true; 3]),
        ("CAROL", [false; 3]), // protected OU
        ("DAVE", [false; 3]),  // adminCount=1, protected DACL
        ("GINA", [false; 3]),  // stale adminCount, protected DACL
        ("ERIN", [false; 3]),  // inetOrgPerson: a grant for class user does not reach it
    ] {
        if allowed(&after, user) != want {
            failures.push(format!(
                "after grant: {user} is {:?}, expected {want:?}",
                allowed(&after, user)
            ));
        }
    }

    // 3. An explicit deny on alice wins over the inherited grant, in the engine and on the DC.
    let deny = Ace::deny(
        AceFlags(0),
        AccessMask::CONTROL_ACCESS,
        msol_sid.clone(),
        Some(RESET_PASSWORD),
        None,
    );
    let mut denied = original_alice.sd.clone();
    denied.dacl.acl_mut().unwrap().aces.insert(0, deny.clone());
    admin.write_dacl(&alice, &denied).await.unwrap();
    let v = predict(&mut admin, &w, &alice, Op::Reset).await;
    let real = attempt(&mut msol, &mut admin, &w, &alice, Op::Reset).await;
    if v != Verdict::Denied || real {
        failures.push(format!("deny on alice: engine {v:?}, DC allowed={real}"));
    }
    let mut undeny = admin
        .read_security_descriptor(&alice, controls::DACL)
        .await
        .unwrap()
        .unwrap()
        .sd;
    assert_eq!(remove_explicit(undeny.dacl.acl_mut().unwrap(), &[deny]), 1);
    admin.write_dacl(&alice, &undeny).await.unwrap();

    // 4. Put the root back exactly and check the bytes.
    let mut restore = original_root.sd.clone();
    restore.set_layout(original_root.sd.layout());
    admin.write_dacl(&root, &restore).await.unwrap();
    let now_root = admin
        .read_security_descriptor(&root, controls::DACL)
        .await
        .unwrap()
        .unwrap();
    let now_alice = admin
        .read_security_descriptor(&alice, controls::DACL)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        now_root.raw, original_root.raw,
        "domain root DACL not restored"
    );
    assert_eq!(
        now_alice.raw, original_alice.raw,
        "alice's DACL not restored"
    );
    let restored = compare_all(
        &lab,
        &mut admin,
        &mut msol,
        &w,
        &mut failures,
        "after restore",
    )
    .await;
    if allowed(&restored, "ALICE") != [false; 3] {
        failures.push("after restore: alice should be closed again".into());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
