//! Bad input the wizard recovers from: a wrong password is shown on the page and fixing it
//! continues; a profile that cannot be read gets its own screen, then the defaults.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_password_is_shown_on_the_page_and_fixing_it_continues() {
    let Some(lab) = Lab::get() else { return };
    let server = MockServer::start().await;
    let dir = fresh_dir("password");
    let mut h = Harness::new(Some(profile(&lab, &server, &dir)), None).await;
    h.click("Configure").await;
    h.click("Next").await;
    h.send(Message::Entra(
        writeback_wizard::gui::pages::entra::Message::Skip(true),
    ))
    .await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Directory);
    h.type_password("not-the-password").await;
    h.click("Test connection").await;
    h.assert_shows("rejected the password");
    h.assert_shows("Caps Lock");
    assert!(!h.next_enabled());
    h.type_password(lab.var("LAB_ADMIN_PW")).await;
    assert!(
        !h.shows("rejected the password"),
        "the error goes when the answer changes"
    );
    h.click("Test connection").await;
    h.assert_shows("Connected to");
    assert!(h.next_enabled());
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Scope);
}

#[tokio::test]
async fn a_profile_that_cannot_be_read_gets_its_own_screen_then_the_defaults() {
    let dir = fresh_dir("badprofile");
    let p = dir.join("profile.json");
    std::fs::write(&p, "{ this is not json").unwrap();
    let mut h = Harness::new(Some(p), None).await;
    h.assert_shows("Writeback Wizard could not start as asked");
    h.assert_shows("profile.json");
    assert!(!h.next_enabled());
    h.click("Continue anyway").await;
    h.assert_shows("Welcome to Writeback Wizard");
    assert_eq!(h.w.shared.profile(), Settings::default());
}

/// A backup someone else's delegation was written into (WritebackDelegates' grants on
/// OU=Delegated, as if the tool had made them for that group), chosen on the restore page: the
/// engine resolves the connector on the DC, sees the backup is another account's, and the page
/// says so with nothing to restore. The DC still holds the delegation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_of_another_connector_is_refused_on_the_restore_page() {
    use writeback_wizard::plan::backup::{BACKUP_SCHEMA, Backup, Entry};
    use writeback_wizard::sd::{SecurityDescriptor, Sid};
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let server = MockServer::start().await;
    let dir = fresh_dir("forged-restore");
    let mut admin = lab.admin().await;
    let delegated = lab.var("LAB_DELEGATED_OU_DN");
    let read = |raw: Option<writeback_wizard::ad::StoredDescriptor>| raw.unwrap().raw;
    let current = read(
        admin
            .read_security_descriptor(delegated, controls::DACL)
            .await
            .unwrap(),
    );
    let delegates: Sid = lab.var("LAB_DELEGATES_GROUP_SID").parse().unwrap();
    let theirs = common::grant(&delegates, writeback_wizard::sd::rights::CLASS_USER);
    let mut without = SecurityDescriptor::from_bytes(&current).unwrap();
    writeback_wizard::sd::canonical::remove_explicit(without.dacl.acl_mut().unwrap(), &theirs);
    let forged = common::forge::backup(
        &Backup {
            schema: BACKUP_SCHEMA,
            tool: "writeback-wizard".into(),
            tool_version: "0.1.0".into(),
            time: "2026-12-01T00:00:00Z".into(),
            dc: lab.var("LAB_DC_DNS").into(),
            domain_dn: lab.var("LAB_BASE_DN").into(),
            domain_sid: lab.var("LAB_DOMAIN_SID").into(),
            connector_sid: delegates.to_string(),
            entries: vec![Entry::dacl(
                delegated,
                &without.to_bytes().unwrap(),
                &current,
                &theirs,
                false,
                &Default::default(),
            )],
            checksum: String::new(),
            mac: String::new(),
        },
        false,
        |_| {},
    );
    let file = dir.join("backup-forged.json");
    common::forge::write(&file, &forged);
    let mut h = Harness::new(Some(profile(&lab, &server, &dir)), None).await;
    h.click("Configure").await;
    h.send(Message::Tasks(tasks::Message::Choose(Flow::Restore)))
        .await;
    h.click("Next").await;
    h.type_password(lab.var("LAB_ADMIN_PW")).await;
    h.click("Test connection").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Restore);
    h.dialogs.answer(Purpose::Restore, Some(file));
    h.click("Choose backup…").await;
    h.assert_shows(&format!(
        "was made for the connector {delegates}, but the connector here is {}",
        lab.var("LAB_MSOL_SID")
    ));
    assert!(
        !h.texts().iter().any(|t| t == "Restore"),
        "nothing is offered to restore"
    );
    assert!(!h.next_enabled());
    let after = read(
        admin
            .read_security_descriptor(delegated, controls::DACL)
            .await
            .unwrap(),
    );
    assert_eq!(after, current, "the delegation is untouched");
}
