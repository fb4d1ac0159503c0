//! The wizard ticks only what it checked: a check with the cloud sign-in skipped, off the sync
//! server, says "not checked" and how to check under Microsoft Entra ID and the sync server
//! (never "No problems found."), its verdict says the same, and the accounts the sync engine
//! never synchronizes are listed apart with their rule.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_checks_page_ticks_nothing_it_did_not_check_and_lists_who_is_not_synchronized() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let server = MockServer::start().await;
    let dir = fresh_dir("parts");
    let (mut h, task) = to_checks(&lab, &server, &dir).await;
    h.run(task).await;
    let a = h.first_assessment("checked");
    assert_eq!(
        a.report.parts.not_checked,
        [
            writeback_wizard::report::Part::Cloud,
            writeback_wizard::report::Part::SyncServer,
            writeback_wizard::report::Part::Pilot
        ]
    );
    let texts = h.texts();
    for (group, how) in [
        (
            "Microsoft Entra ID",
            "sign in on \"Connect to Microsoft Entra ID\"",
        ),
        ("Sync server", "run the wizard on the sync server"),
    ] {
        let at = texts
            .iter()
            .position(|t| t == group)
            .unwrap_or_else(|| panic!("{group} not on the page: {texts:#?}"));
        let note = &texts[at + 1];
        assert!(
            note.starts_with("not checked") && note.contains(how),
            "{group}: {note:?}"
        );
        assert_ne!(note, "No problems found.", "{group} ticked");
    }
    h.assert_shows("Not checked: Microsoft Entra ID and the sync server");
    h.assert_shows("Not synchronized (");
    for dn in [
        format!("CN=Guest,CN=Users,{}", lab.var("LAB_BASE_DN")),
        lab.var("LAB_MSOL_DN").to_string(),
    ] {
        h.assert_shows(&dn);
    }
    h.assert_shows("a sync service account (sAMAccountName starts with MSOL_)");
}
