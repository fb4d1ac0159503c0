//! Lost updates, said as the README says: a proxy holds the tool's write while a second admin
//! writes the same value straight to the DC. Samba cannot swap a DACL in one modify and lists
//! no assertion control, so the tool's DACL write is a guarded replace: the other write is seen
//! by the replication version, the tool's write counts as made, and the user is told that the
//! other change was overwritten and what the value is now against the backup. An attribute is
//! written as a compare-and-swap: the DC refuses it, and nothing of the other write is lost.

use super::*;
use common::ldap_proxy::HoldingProxy;

/// A proxy in front of the lab that holds the first modify of `dn` replacing `attribute` (or,
/// for an attribute, deleting it: the swap).
async fn proxy(lab: &Lab, dn: &str, attribute: &'static str, op: u8) -> HoldingProxy {
    let ca = std::path::PathBuf::from(lab.var("LAB_CA_FILE"));
    let dn = dn.to_ascii_lowercase();
    HoldingProxy::start(
        "127.0.0.1:636",
        ca.parent().unwrap(),
        &ca,
        Box::new(move |d, mods| {
            d.eq_ignore_ascii_case(&dn)
                && mods
                    .iter()
                    .any(|(o, a)| *o == op && a.eq_ignore_ascii_case(attribute))
        }),
    )
    .await
}

/// The CLI against `url` (the proxy), in a blocking task so the proxy keeps running.
async fn cli_via(
    lab: &Lab,
    url: &str,
    args: &[&str],
) -> tokio::task::JoinHandle<(i32, String, String)> {
    let mut argv: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    argv.extend(lab.admin_args(url));
    let pw = lab.var("LAB_ADMIN_PW").to_string();
    tokio::task::spawn_blocking(move || {
        let a: Vec<&str> = argv.iter().map(String::as_str).collect();
        common::run_bin(&a, &[("ADMIN_PW", &pw)])
    })
}

/// An ACE of the second admin's (Read permissions for SyncAccounts).
fn theirs(lab: &Lab) -> writeback_wizard::sd::Ace {
    writeback_wizard::sd::sddl::parse_ace(
        &format!("(A;;RC;;;{})", lab.var("LAB_SYNC_GROUP_SID")),
        &Default::default(),
    )
    .unwrap()
}

/// Waits for the proxy to hold the tool's write, makes the second admin's write, releases.
async fn race(p: &mut HoldingProxy, second: impl std::future::Future<Output = ()>) -> String {
    let dn = tokio::time::timeout(std::time::Duration::from_secs(120), p.held.recv())
        .await
        .expect("the tool's write reached the proxy")
        .unwrap();
    second.await;
    p.release().await;
    dn
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_admins_write_during_apply_and_restore_is_seen_and_said() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let original = raw_dacl(&mut admin, &root).await;
    let others = [lab.var("LAB_BLOCKED_OU_DN"), lab.var("LAB_GINA_DN")];
    let mut others_before = Vec::new();
    for dn in others {
        others_before.push(raw_dacl(&mut admin, dn).await);
    }
    let age = attr(&mut admin, &root, "minPwdAge").await;
    let theirs = theirs(&lab);
    let has_theirs = |raw: &[u8]| {
        writeback_wizard::sd::SecurityDescriptor::from_bytes(raw)
            .unwrap()
            .dacl
            .acl()
            .unwrap()
            .aces
            .contains(&theirs)
    };

    // Apply: the root DACL's replace is held; the second admin adds their ACE meanwhile.
    let run = tmp("race-apply.json");
    let mut p = proxy(&lab, &root, "nTSecurityDescriptor", 2).await;
    let job = cli_via(
        &lab,
        &p.url.clone(),
        &["apply", "--yes", "--backup", run.to_str().unwrap()],
    )
    .await;
    let mut undo = common::Undo::default();
    let held = race(&mut p, async {
        undo.add_aces(&mut admin, &root, std::slice::from_ref(&theirs))
            .await
    })
    .await;
    let (code, out, err) = job.await.unwrap();
    let after_apply = raw_dacl(&mut admin, &root).await;

    // Restore: the same, on the way back.
    let mut p = proxy(&lab, &root, "nTSecurityDescriptor", 2).await;
    let job = cli_via(
        &lab,
        &p.url.clone(),
        &["restore", "--backup", run.to_str().unwrap(), "--yes"],
    )
    .await;
    let mut second = common::Undo::default();
    race(&mut p, async {
        second
            .add_aces(&mut admin, &root, std::slice::from_ref(&theirs))
            .await
    })
    .await;
    let (rcode, rout, rerr) = job.await.unwrap();
    let after_restore = raw_dacl(&mut admin, &root).await;

    // An attribute is swapped: the second admin's minPwdAge survives, nothing is overwritten.
    let mut p = proxy(&lab, &root, "minPwdAge", 1).await;
    let arun = tmp("race-age.json");
    let job = cli_via(
        &lab,
        &p.url.clone(),
        &[
            "apply",
            "--min-password-age-zero",
            "--yes",
            "--backup",
            arun.to_str().unwrap(),
        ],
    )
    .await;
    let mut third = common::Undo::default();
    race(&mut p, async {
        third
            .set_attr(&mut admin, &root, "minPwdAge", &["-1728000000000"])
            .await
    })
    .await;
    let (acode, _, aerr) = job.await.unwrap();
    let age_after = attr(&mut admin, &root, "minPwdAge").await;

    // Put the lab back: the last run's grants (it wrote the DACLs before its swap was refused)
    // through its own restore, then the original root DACL and age (the restore above was cut
    // short on purpose).
    let (code_back, _, err_back) = lab.cli(
        &["restore", "--backup", arun.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    let mut others_after = Vec::new();
    for dn in others {
        others_after.push(raw_dacl(&mut admin, dn).await);
    }
    put_root_back(&mut admin, &root, &original, &age).await;
    let _ = (undo, second, third);
    let restored = raw_dacl(&mut admin, &root).await;

    assert!(held.eq_ignore_ascii_case(&root), "{held}");
    // Apply: stopped, its write counted, the other write named as lost, the value now shown.
    assert_eq!(code, 2, "{out}\n{err}");
    assert!(
        err.contains(&format!(
            "Another write to {root} (nTSecurityDescriptor) landed between the tool's last read and its write"
        )) && err.contains("whatever that other write changed is lost")
            && err.contains("Stopped after 1 change(s), this one included"),
        "{err}"
    );
    assert!(
        err.contains("+ (OA;CIIO;CR;00299570"),
        "the value now against the backup: {err}"
    );
    assert!(
        !has_theirs(&after_apply),
        "the tool's write replaced the other one, as said"
    );
    assert!(
        err.contains("to undo them: writeback-wizard restore --backup"),
        "{err}"
    );
    // Restore: the same, said for the restore.
    assert_eq!(rcode, 2, "{rout}\n{rerr}");
    assert!(
        rerr.contains("landed between the tool's last read and its write")
            && rerr.contains("The restore stopped after 1 value(s), this one included"),
        "{rerr}"
    );
    assert!(!has_theirs(&after_restore), "overwritten, as said");
    // The attribute's swap: refused by the DC, the other value kept.
    assert_eq!(acode, 2, "{aerr}");
    assert!(
        aerr.contains("Nothing of that other change was overwritten unseen"),
        "{aerr}"
    );
    assert_eq!(age_after, ["-1728000000000"], "their minPwdAge is kept");
    assert_eq!(code_back, 0, "{err_back}");
    assert_eq!(restored, original);
    assert_eq!(others_after, others_before, "OU=Blocked and gina are back");
}
