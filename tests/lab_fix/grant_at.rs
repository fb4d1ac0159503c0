//! `--grant-at scope`: the writeback rights go on the OUs of the sync scope and nowhere else.
//! The DC proves it: after such an apply the connector resets a user inside the scope and is
//! refused on a user outside it — who, after a root-level apply, it can reset.

use super::*;
use common::Undo;

/// Applies a plan for `--scope OU=Users` with `grant_at`, tries a reset as the connector on a
/// user inside and one outside the scope, and restores. Returns the two outcomes and the plan.
async fn apply_and_try(
    lab: &Lab,
    admin: &mut Connection,
    grant_at: &str,
    outside: &str,
) -> (
    Result<bool, String>,
    Result<bool, String>,
    serde_json::Value,
) {
    let users_ou = lab.var("LAB_USERS_OU_DN");
    let backup = tmp(&format!("grant-at-{grant_at}.json"));
    let scoped = ["--scope", users_ou, "--grant-at", grant_at];
    let (pcode, pout, perr) = lab.cli(
        &[&["plan", "--format", "json"][..], &scoped].concat(),
        None,
        &[],
    );
    assert_eq!(pcode, 0, "{perr}");
    let (acode, _, aerr) = lab.cli(
        &[
            &["apply", "--yes", "--backup", backup.to_str().unwrap()][..],
            &scoped,
        ]
        .concat(),
        None,
        &[],
    );
    assert_eq!(acode, 0, "{aerr}");
    let mut msol = lab.connector().await;
    let pw = lab.var("LAB_USER_PW");
    let inside = common::attempt(
        &mut msol,
        admin,
        lab.var("LAB_ALICE_DN"),
        common::Op::Reset,
        pw,
    )
    .await;
    let out = common::attempt(&mut msol, admin, outside, common::Op::Reset, pw).await;
    let (rcode, _, rerr) = lab.cli(
        &["restore", "--yes", "--backup", backup.to_str().unwrap()],
        None,
        &[],
    );
    assert_eq!(rcode, 0, "{rerr}");
    (inside, out, serde_json::from_str(&pout).unwrap())
}

#[tokio::test]
async fn granting_in_the_scope_opens_its_users_and_no_one_else() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    // A plain user outside the scope, with the class's default DACL.
    let outside = format!("CN=grant-at-outside,{}", lab.var("LAB_SERVICE_OU_DN"));
    admin
        .add(
            &outside,
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                ("sAMAccountName", vec![b"grantatoutside".to_vec()]),
            ],
        )
        .await
        .unwrap();
    undo.created(&outside);
    let root = lab.var("LAB_BASE_DN").to_string();
    let root_before = raw_dacl(&mut admin, &root).await;
    let ou_before = raw_dacl(&mut admin, lab.var("LAB_USERS_OU_DN")).await;

    let scoped = apply_and_try(&lab, &mut admin, "scope", &outside).await;
    let at_root = apply_and_try(&lab, &mut admin, "root", &outside).await;
    let root_after = raw_dacl(&mut admin, &root).await;
    let ou_after = raw_dacl(&mut admin, lab.var("LAB_USERS_OU_DN")).await;
    reset_passwords(&lab, &mut admin, &["ALICE"]).await;
    undo.undo(&mut admin).await;

    assert_eq!(scoped.0, Ok(true), "inside the scope the connector resets");
    assert_eq!(scoped.1, Ok(false), "outside the scope the DC refuses");
    assert_eq!(at_root.0, Ok(true));
    assert_eq!(
        at_root.1,
        Ok(true),
        "with the grant at the root, the same user is open"
    );
    // The scoped plan grants the three rights on the scope OU; at the root at most Unexpire.
    let changes = scoped.2["changes"].as_array().unwrap();
    let on = |dn: &str| -> Vec<String> {
        changes
            .iter()
            .filter(|c| c["dn"].as_str().unwrap().eq_ignore_ascii_case(dn))
            .flat_map(|c| c["action"]["aces"].as_array().cloned().unwrap_or_default())
            .map(|a| a.as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        on(lab.var("LAB_USERS_OU_DN"))
            .iter()
            .any(|a| a.contains("00299570"))
    );
    assert!(
        on(&root).iter().all(|a| a.contains("ccc2dc7d")),
        "only Unexpire Password at the root: {:?}",
        on(&root)
    );
    assert!(
        scoped.2["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("sync scope")),
        "the plan says what granting in the scope means for OUs made later: {}",
        scoped.2["warnings"]
    );
    // The blast radius: the scope's users only, against every user of the domain; the
    // domain's administrators (adminCount=1) are among the latter.
    let reach = |p: &serde_json::Value, k: &str| p["reach"][k].as_u64().unwrap();
    assert!(reach(&scoped.2, "users") >= 4, "{}", scoped.2["reach"]);
    assert!(
        reach(&scoped.2, "users") < reach(&at_root.2, "users"),
        "{} vs {}",
        scoped.2["reach"],
        at_root.2["reach"]
    );
    assert!(
        reach(&at_root.2, "privileged") >= 1,
        "{}",
        at_root.2["reach"]
    );
    assert_eq!(root_after, root_before, "restore put the root back");
    assert_eq!(ou_after, ou_before, "restore put the OU back");
}
