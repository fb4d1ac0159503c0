//! The tests of `gui::shared`.

use super::*;
use crate::gui::jobs::{Assessment, Tested};

fn tested() -> Box<Tested> {
    Box::new(Tested::for_tests("DC=lab", &[]))
}

#[test]
fn a_profile_replaces_the_directories_and_their_passwords() {
    let mut s = Shared::for_tests();
    let first = s.first().id();
    s.apply(Intent::Directory(
        first,
        DirectoryEdit::Password(Zeroizing::new("typed for dc1".into())),
    ));
    s.apply(Intent::AddDirectory);
    let settings = Settings {
        server: "dc9.other.example".into(),
        directories: vec![crate::profile::DirectorySettings {
            server: "dc2.fabrikam.example".into(),
            ..Default::default()
        }],
        ..Settings::default()
    };
    s.apply(Intent::Profile(Box::new(settings), Default::default()));
    let rows: Vec<&DirectoryState> = s.rows().collect();
    assert_eq!(rows.len(), 2);
    assert!(
        rows.iter().all(|r| r.password().is_empty()),
        "a password typed for one server is never offered to another"
    );
    assert_eq!(s.profile().directories[0].server, "dc2.fabrikam.example");
}

#[test]
fn a_new_sign_in_or_test_forgets_what_was_checked_with_the_old_one() {
    let mut s = Shared::for_tests();
    let id = s.first().id();
    s.apply(Intent::Tested(id, tested()));
    s.apply(Intent::Assessed(id, Err(UiError::plain("x"))));
    assert!(s.first().assessment().is_some());
    s.apply(Intent::SignedIn(None));
    assert!(s.first().assessment().is_none());
    s.apply(Intent::Assessed(id, Err(UiError::plain("x"))));
    s.apply(Intent::Directory(
        id,
        DirectoryEdit::Connector("MSOL_x".into()),
    ));
    assert!(s.first().tested().is_none() && s.first().assessment().is_none());
    let _: Option<&Arc<Assessment>> = s.first().assessed();
}

#[test]
fn writeback_is_never_switched_on_in_staging_mode_or_off_the_sync_server() {
    let mut s = Shared::for_tests();
    assert!(!s.will_enable_writeback(), "not a sync server");
    s.apply(Intent::SyncServerRead(Ok(Some(SyncServerInfo {
        installed: true,
        staging_mode_enabled: Some(true),
        ..Default::default()
    }))));
    assert!(!s.will_enable_writeback(), "staging mode");
    s.apply(Intent::SyncServerRead(Ok(Some(SyncServerInfo {
        installed: true,
        staging_mode_enabled: Some(false),
        ..Default::default()
    }))));
    assert!(s.will_enable_writeback());
    s.apply(Intent::Settings(SettingsEdit::EnableWriteback(false)));
    assert!(!s.will_enable_writeback());
}

#[test]
fn a_forest_root_outside_the_scope_hands_the_tenant_to_the_first_directory_of_the_run() {
    let settings = Settings {
        server: "dc1.corp.example".into(),
        user: "admin@corp.example".into(),
        all_domains: true,
        sync_all: false,
        scopes: vec!["OU=Paris,DC=emea,DC=corp,DC=example".into()],
        ..Settings::default()
    };
    let mut s = Shared::new(
        settings,
        Arc::new(crate::gui::dialogs::Scripted::new()),
        Ok(std::env::temp_dir()),
    );
    let root = s.first().id();
    let pw = DirectoryEdit::Password(Zeroizing::new("pw".into()));
    s.apply(Intent::Directory(root, pw));
    let forest = [
        ("DC=corp,DC=example", "corp.example"),
        ("DC=emea,DC=corp,DC=example", "emea.corp.example"),
    ];
    let tested = Tested::for_tests("DC=corp,DC=example", &forest);
    s.apply(Intent::Tested(root, Box::new(tested)));
    assert_eq!(s.count(), 1, "the root holds none of the scope");
    assert_eq!(s.lead().label(), "emea.corp.example");
    let lead = s.lead().id();
    assert!(
        s.check_params(lead).unwrap().sync_server,
        "the tenant's and the sync server's"
    );
    s.apply(Intent::Assessed(lead, Err(UiError::plain("refused"))));
    assert!(!s.all_assessed(), "the lead's check must succeed");
}
