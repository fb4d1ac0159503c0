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
    assert_eq!(h.w.shared.settings, Settings::default());
}
