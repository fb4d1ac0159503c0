//! A stale adminCount: clearing it enables inheritance (restore protects again), and apply
//! leaves one that is no longer stale.

use super::*;

#[tokio::test]
async fn clearing_a_stale_admincount_enables_inheritance_and_restore_protects_again() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let gina = lab.var("LAB_GINA_DN").to_string();
    let (dacl, count) = (
        raw_dacl(&mut admin, &gina).await,
        attr(&mut admin, &gina, "adminCount").await,
    );
    assert_eq!(count, ["1"]);
    let backup = tmp("stale.json");
    let (code, out, err) = lab.cli(
        &[
            "apply",
            "--clear-stale-admincount",
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
        ],
        None,
        &[],
    );
    let now = admin
        .read_security_descriptor(&gina, controls::DACL)
        .await
        .unwrap()
        .unwrap();
    let cleared = attr(&mut admin, &gina, "adminCount").await;
    let (check_code, check_out, _) = lab.cli(&["check", "--format", "json"], None, &[]);
    let (rcode, _, rerr) = lab.cli(
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("set adminCount to (none)")
            && out.contains("inheritance: disabled (P) → enabled"),
        "{out}"
    );
    assert!(cleared.is_empty(), "adminCount cleared: {cleared:?}");
    assert!(!now.sd.dacl_protected(), "inheritance enabled");
    assert!(
        now.sd
            .dacl
            .acl()
            .unwrap()
            .aces
            .iter()
            .any(|a| a.is_inherited()),
        "inherited ACEs arrived"
    );
    assert_eq!(check_code, 1);
    assert!(
        !check_out.contains("admincount-stale"),
        "the stale finding is gone"
    );
    assert_eq!(rcode, 0, "{rerr}");
    assert_eq!(raw_dacl(&mut admin, &gina).await, dacl);
    assert_eq!(attr(&mut admin, &gina, "adminCount").await, ["1"]);
}

#[tokio::test]
async fn apply_does_not_clear_an_admincount_that_is_no_longer_stale() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let gina = lab.var("LAB_GINA_DN").to_string();
    let root = lab.var("LAB_BASE_DN").to_string();
    let plan_file = tmp("stale-plan.json");
    let (code, _, err) = lab.cli(
        &[
            "plan",
            "--clear-stale-admincount",
            "--format",
            "json",
            "-o",
            plan_file.to_str().unwrap(),
        ],
        None,
        &[],
    );
    assert_eq!(code, 0, "{err}");
    let before = raw_dacl(&mut admin, &root).await;
    // gina joins Domain Admins between plan and apply.
    let mut undo = common::Undo::default();
    let da = lab.var("LAB_DOMAIN_ADMINS_DN").to_string();
    let members = attr(&mut admin, &da, "member").await;
    let mut with: Vec<&str> = members.iter().map(String::as_str).collect();
    with.push(&gina);
    undo.set_attr(&mut admin, &da, "member", &with).await;
    let (code, _, err) = lab.cli(
        &[
            "apply",
            "--plan",
            plan_file.to_str().unwrap(),
            "--yes",
            "--backup",
            tmp("stale-b.json").to_str().unwrap(),
        ],
        None,
        &[],
    );
    let count = attr(&mut admin, &gina, "adminCount").await;
    let after = raw_dacl(&mut admin, &root).await;
    undo.undo(&mut admin).await;
    // Planned again now, gina is a protected administrator: the tool would not clear her
    // adminCount, so the file's request for it is refused and nothing is written.
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("would not plan now") && err.contains(&format!("{gina}: set adminCount")),
        "{err}"
    );
    assert_eq!(count, ["1"], "adminCount not cleared");
    assert_eq!(after, before, "nothing written");
}
