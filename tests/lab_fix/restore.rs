//! Restore after another admin's changes: only the grants are taken back, theirs are kept.

use super::*;

#[tokio::test]
async fn restore_keeps_what_another_admin_changed_since_apply() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let before = raw_dacl(&mut admin, &root).await;
    let age = attr(&mut admin, &root, "minPwdAge").await;
    let backup = tmp("others.json");
    let (code, _, err) = lab.cli(
        &[
            "apply",
            "--min-password-age-zero",
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
        ],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    // Another admin, after apply: an ACE of their own at the root, and minPwdAge set to 2 days.
    let theirs = writeback_wizard::sd::sddl::parse_ace(
        &format!("(A;;RC;;;{})", lab.var("LAB_SYNC_GROUP_SID")),
        &Default::default(),
    )
    .unwrap();
    let mut undo = common::Undo::default();
    undo.add_aces(&mut admin, &root, std::slice::from_ref(&theirs))
        .await;
    admin
        .replace(&root, "minPwdAge", vec![b"-1728000000000".to_vec()], vec![])
        .await
        .unwrap();
    // The whole original value is refused: it would undo their change.
    let (wcode, _, werr) = lab.cli(
        &[
            "restore",
            "--whole",
            "--backup",
            backup.to_str().unwrap(),
            "--yes",
        ],
        None,
        &[],
    );
    let after_refusal = raw_dacl(&mut admin, &root).await;
    // The default restore takes back only the grants and keeps theirs.
    let (code, out, err) = lab.cli(
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    let now = admin
        .read_security_descriptor(&root, writeback_wizard::ad::controls::DACL)
        .await
        .unwrap()
        .unwrap()
        .sd;
    let now_age = attr(&mut admin, &root, "minPwdAge").await;
    // Put the lab back: their ACE out, the age as it was.
    let mut sd = now.clone();
    writeback_wizard::sd::canonical::remove_explicit(
        sd.dacl.acl_mut().unwrap(),
        std::slice::from_ref(&theirs),
    );
    put_root_back(&mut admin, &root, &sd.to_bytes().unwrap(), &age).await;
    let restored = raw_dacl(&mut admin, &root).await;
    let _ = undo;

    assert_eq!(wcode, 2, "{werr}");
    assert!(
        werr.contains("changed since apply") && werr.contains("--force"),
        "{werr}"
    );
    assert_ne!(
        after_refusal, before,
        "nothing was written by the refused whole restore"
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("- (OA;CIIO;CR;00299570") && out.contains("changes made since are kept"),
        "{out}"
    );
    assert!(
        out.contains("changed since apply (now -1728000000000); left as it is"),
        "{out}"
    );
    let aces = &now.dacl.acl().unwrap().aces;
    assert!(aces.contains(&theirs), "their ACE is kept");
    let msol: writeback_wizard::sd::Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    assert!(
        !aces
            .iter()
            .any(|a| !a.is_inherited() && a.sid() == Some(&msol)),
        "no grant left"
    );
    assert_eq!(now_age, ["-1728000000000"], "their minPwdAge is kept");
    assert_eq!(restored, before, "the lab is back as it was");
}
