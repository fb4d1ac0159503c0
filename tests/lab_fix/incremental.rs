//! The incremental re-check (issue 24, item 3): after a full check that leaves a memo, each change
//! is followed by a re-check and a full check, and the two must agree on everything that decides
//! writeback (the baseline of each: causes with their users and ACEs, every blocked user and its
//! reasons, the protected administrators, the counts) and on every finding. Changes: nothing; (a) a
//! deny at an OU, which re-judges that OU's users; (b) a user joins Domain Admins; a user joins the
//! group a PSO applies to (its resultant PSO changes, the DC does not mark the user changed: a full
//! scan); (d) an OU's inheritance cut; (c) a PSO's minimum age raised (a full scan); a user
//! created, then deleted (its container judged again, the second time through its tombstone); a
//! user moved to another OU (both containers judged again). Each time the re-check must say whether
//! it was incremental, the partial ones must have judged only a few users, and only a group change
//! may make them read the facts afresh (else only the changed containers' DACLs are read). The DC
//! agrees with the verdict on frank: the connector is refused after the deny.

use super::*;
use writeback_wizard::check::baseline::{Baseline, Read};
use writeback_wizard::check::incremental::{How, Memo, Why};
use writeback_wizard::check::{CheckOptions, CheckOutcome};
use writeback_wizard::sd::{AceFlags, Control};

/// What decides writeback, and the findings, in a form two checks can be compared by.
fn decided(o: &CheckOutcome) -> (Baseline, Vec<String>) {
    let b = Baseline::of(o, o.scan.blocked.iter(), Read::default(), "-".into());
    let mut findings: Vec<String> = o
        .findings
        .iter()
        .map(|f| format!("{:?} {:?} {} {:?}", f.id, f.severity, f.object, f.evidence))
        .collect();
    findings.sort();
    (b, findings)
}

/// A re-check, then a full check: how the re-check went, and whether both agree.
async fn again(
    admin: &mut Connection,
    opts: &CheckOptions,
    memo: Memo,
    step: &str,
) -> (How, CheckOutcome, Memo) {
    let (r, memo) = memo
        .recheck(admin, opts, |_| {})
        .await
        .unwrap_or_else(|e| panic!("{step}: re-check: {e}"));
    let full = writeback_wizard::check::run(admin, opts, |_| {})
        .await
        .unwrap_or_else(|e| panic!("{step}: full check: {e}"));
    eprintln!("{step}: {:?}", r.how);
    let (inc, inc_findings) = decided(&r.outcome);
    let (all, all_findings) = decided(&full);
    assert_eq!(
        inc, all,
        "{step}: the re-check ({:?}) equals a full scan",
        r.how
    );
    assert_eq!(inc_findings, all_findings, "{step}: the same findings");
    (r.how, r.outcome, memo)
}

/// The re-check was incremental, judged at most `most` users again, and read the facts afresh
/// or not as `read` says: the subtrees it judged again.
fn incremental(how: &How, step: &str, most: usize, read: bool) -> Vec<String> {
    match how {
        How::Incremental {
            rejudged,
            subtrees,
            facts_read,
            ..
        } => {
            assert!(
                *rejudged <= most,
                "{step}: {rejudged} users judged again: {how:?}"
            );
            assert_eq!(*facts_read, read, "{step}: facts read afresh? {how:?}");
            subtrees.clone()
        }
        How::Full { .. } => panic!("{step}: expected an incremental re-check, got {how:?}"),
    }
}

fn blocked_for(o: &CheckOutcome, dn: &str) -> Vec<String> {
    o.scan
        .blocked
        .iter()
        .find(|b| b.dn.eq_ignore_ascii_case(dn))
        .map(|b| {
            b.reason_ids()
                .into_iter()
                .map(|i| i.as_str().into())
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_recheck_reads_only_what_changed_and_equals_a_full_scan() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = common::Undo::default();
    let users_ou = lab.var("LAB_USERS_OU_DN").to_string();
    let delegated_ou = lab.var("LAB_DELEGATED_OU_DN").to_string();
    let pso = lab.var("LAB_PSO_DN").to_string();
    let pso_group = lab.var("LAB_PSO_GROUP_DN").to_string();
    let admins_dn = lab.var("LAB_DOMAIN_ADMINS_DN").to_string();
    // What apply grants, so that most users are ready.
    let setup = granted(&lab, &mut admin).await;
    // What the steps change is recorded first (written back unchanged), so it is put back
    // whatever happens to them.
    for dn in [&users_ou, &delegated_ou] {
        undo.edit_dacl(&mut admin, dn, |_| {}).await;
    }
    for (dn, a) in [
        (&admins_dn, "member"),
        (&pso_group, "member"),
        (&pso, "msDS-MinimumPasswordAge"),
    ] {
        let now = attr(&mut admin, dn, a).await;
        let now: Vec<&str> = now.iter().map(String::as_str).collect();
        undo.set_attr(&mut admin, dn, a, &now).await;
    }
    let kim = format!(
        "CN=kim-{},{}",
        std::process::id(),
        lab.var("LAB_BLOCKED_OU_DN")
    );
    let steps = tokio::spawn(steps(kim.clone()));
    let result = steps.await;
    let _ = admin.delete(&kim).await;
    let moved = format!("CN=henry,{}", lab.var("LAB_BLOCKED_OU_DN"));
    if admin
        .read(&moved, &["1.1"], vec![])
        .await
        .ok()
        .flatten()
        .is_some()
    {
        move_user(&lab, &moved, lab.var("LAB_USERS_OU_DN"));
    }
    undo.undo(&mut admin).await;
    setup.undo(&mut admin).await;
    if let Err(e) = result {
        match e.try_into_panic() {
            Ok(p) => std::panic::resume_unwind(p),
            Err(e) => panic!("the steps did not finish: {e}"),
        }
    }
}

/// The changes and the checks (on a connection of their own; the caller puts everything back).
async fn steps(kim: String) {
    let lab = Lab::get().unwrap();
    let lab = &lab;
    let mut conn = lab.admin().await;
    let admin = &mut conn;
    // The caller's records put things back; these are only for the writes.
    let mut writes = common::Undo::default();
    let undo = &mut writes;
    let opts = &CheckOptions {
        page_size: 100,
        ..Default::default()
    };
    let users_ou = lab.var("LAB_USERS_OU_DN");
    let delegated_ou = lab.var("LAB_DELEGATED_OU_DN");
    let pso = lab.var("LAB_PSO_DN");
    let pso_group = lab.var("LAB_PSO_GROUP_DN");
    let msol: writeback_wizard::sd::Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    let (first, memo) = Memo::check(admin, opts, |_| {}).await.unwrap();
    let frank = lab.var("LAB_FRANK_DN");
    assert!(
        blocked_for(&first, frank).is_empty(),
        "frank is ready at first"
    );

    // Nothing changed (but the binds themselves): incremental, next to nobody judged again.
    let (how, _, memo) = again(admin, opts, memo, "nothing").await;
    incremental(&how, "nothing", 3, false);

    // (a) A deny of Reset Password for the connector on OU=Delegated: its users judged again.
    undo.prepend_ace(admin, delegated_ou, deny_reset(&msol))
        .await;
    let (how, o, memo) = again(admin, opts, memo, "(a) deny").await;
    let subtrees = incremental(&how, "(a) deny", 5, false);
    assert_eq!(subtrees, vec![delegated_ou.to_ascii_lowercase()], "{how:?}");
    assert!(
        blocked_for(&o, frank).contains(&"right-denied".to_string()),
        "frank is blocked by the deny: {:?}",
        blocked_for(&o, frank)
    );
    // The DC agrees: the connector cannot reset frank now.
    let mut connector = lab.connector().await;
    let reset = common::attempt(
        &mut connector,
        admin,
        frank,
        common::Op::Reset,
        lab.var("LAB_USER_PW"),
    )
    .await;
    connector.close().await;
    assert_eq!(reset, Ok(false), "the DC refuses the connector on frank");

    // (b) alice joins Domain Admins (no PSO applies to it; Samba runs no SDProp).
    let admins_dn = lab.var("LAB_DOMAIN_ADMINS_DN").to_string();
    let alice = lab.var("LAB_ALICE_DN").to_string();
    let mut members = attr(admin, &admins_dn, "member").await;
    members.push(alice.clone());
    let members: Vec<&str> = members.iter().map(String::as_str).collect();
    undo.set_attr(admin, &admins_dn, "member", &members).await;
    let (how, _, memo) = again(admin, opts, memo, "(b) protected group").await;
    incremental(&how, "(b) protected group", 3, true);

    // erin joins the group the PSO applies to: her resultant PSO changes, she is not marked.
    let erin = lab.var("LAB_ERIN_DN").to_string();
    let mut members = attr(admin, pso_group, "member").await;
    members.push(erin.clone());
    let members: Vec<&str> = members.iter().map(String::as_str).collect();
    undo.set_attr(admin, pso_group, "member", &members).await;
    let (how, o, memo) = again(admin, opts, memo, "PSO group").await;
    assert!(
        matches!(&how, How::Full { why: Why::PsoGroup { group }, .. }
            if group.eq_ignore_ascii_case(pso_group)),
        "{how:?}"
    );
    assert!(
        blocked_for(&o, &erin).contains(&"pso-min-password-age".to_string()),
        "erin is blocked by the PSO's minimum age: {:?}",
        blocked_for(&o, &erin)
    );

    // (d) OU=Users' inheritance cut, its inherited ACEs removed.
    undo.edit_dacl(admin, users_ou, |sd| {
        sd.dacl
            .acl_mut()
            .unwrap()
            .aces
            .retain(|ace| !ace.flags.contains(AceFlags::INHERITED));
        sd.set_control(Control::DACL_PROTECTED, true);
    })
    .await;
    let (how, o, memo) = again(admin, opts, memo, "(d) inheritance").await;
    let subtrees = incremental(&how, "(d) inheritance", 10, false);
    assert_eq!(subtrees, vec![users_ou.to_ascii_lowercase()], "{how:?}");
    assert!(
        blocked_for(&o, lab.var("LAB_BOB_DN")).contains(&"inheritance-disabled".to_string()),
        "bob is blocked by the cut: {:?}",
        blocked_for(&o, lab.var("LAB_BOB_DN"))
    );

    // (c) The PSO's minimum age raised: every user is judged again.
    undo.set_attr(admin, pso, "msDS-MinimumPasswordAge", &["-2592000000000"])
        .await;
    let (how, _, memo) = again(admin, opts, memo, "(c) PSO").await;
    assert!(
        matches!(
            how,
            How::Full {
                why: Why::Settings,
                ..
            }
        ),
        "{how:?}"
    );

    // A user created in OU=Blocked, then deleted: its container judged again each time.
    admin
        .add(
            &kim,
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                (
                    "sAMAccountName",
                    vec![format!("kim{}", std::process::id()).into_bytes()],
                ),
            ],
        )
        .await
        .unwrap();
    let (how, o, memo) = again(admin, opts, memo, "created").await;
    incremental(&how, "created", 5, false);
    assert!(
        o.scan
            .blocked
            .iter()
            .any(|b| b.dn.eq_ignore_ascii_case(&kim))
            || o.scan
                .not_synced
                .iter()
                .any(|u| u.dn.eq_ignore_ascii_case(&kim))
            || o.scan.in_scope > first.scan.in_scope,
        "the new user is judged"
    );
    drop(writes);
    admin.delete(&kim).await.unwrap();
    let (how, o, memo) = again(admin, opts, memo, "deleted").await;
    incremental(&how, "deleted", 5, false);
    assert!(
        !o.scan
            .blocked
            .iter()
            .any(|b| b.dn.eq_ignore_ascii_case(&kim)),
        "the deleted user is gone"
    );

    // henry moved from OU=Users to OU=Blocked: both containers judged again (the one he left
    // found through his objectGUID).
    let henry = lab.var("LAB_HENRY_DN");
    let moved = format!("CN=henry,{}", lab.var("LAB_BLOCKED_OU_DN"));
    move_user(lab, henry, lab.var("LAB_BLOCKED_OU_DN"));
    let (how, o, _) = again(admin, opts, memo, "moved").await;
    move_user(lab, &moved, lab.var("LAB_USERS_OU_DN"));
    incremental(&how, "moved", 10, false);
    let listed = |dn: &str| {
        o.scan.blocked.iter().any(|b| b.dn.eq_ignore_ascii_case(dn))
            || o.scan
                .excluded
                .iter()
                .any(|u| u.dn.eq_ignore_ascii_case(dn))
            || o.scan
                .not_synced
                .iter()
                .any(|u| u.dn.eq_ignore_ascii_case(dn))
    };
    assert!(!listed(henry), "henry is no longer counted where he was");
}

/// Moves `dn` below `parent` (ldapmodrdn, as the admin); the move must succeed.
fn move_user(lab: &Lab, dn: &str, parent: &str) {
    let rdn = dn.split(',').next().unwrap();
    let out = std::process::Command::new("ldapmodrdn")
        .args([
            "-x",
            "-H",
            lab.var("LAB_LDAPS_URL"),
            "-D",
            lab.var("LAB_ADMIN_UPN"),
            "-w",
            lab.var("LAB_ADMIN_PW"),
            "-r",
            "-s",
            parent,
            dn,
            rdn,
        ])
        .env("LDAPTLS_CACERT", lab.var("LAB_CA_FILE"))
        .output()
        .expect("ldapmodrdn");
    assert!(
        out.status.success(),
        "moving {dn}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
