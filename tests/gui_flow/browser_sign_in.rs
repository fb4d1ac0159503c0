//! The browser sign-in: back through the loopback address, and Cancel closes it.

use super::*;

/// The browser sign-in, as a user without a working browser sees it: the page shows the address
/// to open by hand; the "browser" (the test) comes back to the wizard's loopback address with a
/// code and the state; the wizard redeems the code at the stand-in's token endpoint (PKCE, the
/// authorization-code grant) and shows who signed in. A second sign-in is cancelled from the page:
/// the loopback address closes and nobody is signed in.
#[tokio::test]
async fn browser_sign_in_returns_through_the_loopback_address_and_cancel_closes_it() {
    let server = MockServer::start().await;
    common::entra_tenant(&server, true).await;
    let dir = fresh_dir("browser");
    let settings = common::entra_settings(&server);
    let p = dir.join("profile.json");
    settings.save(&p).unwrap();
    let mut h = Harness::new(Some(p), None).await;
    h.click("Configure").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Entra);

    // Sign in: the first event carries the address the browser was asked to open.
    let task = h.w.update(Message::Entra(entra::Message::SignIn));
    let mut stream = h.first_message(task, "the sign-in").await;
    let urls = h.dialogs.urls();
    assert_eq!(urls.len(), 1, "the browser was asked once: {urls:?}");
    let url = urls[0].clone();
    assert!(url.starts_with(&format!(
        "{}/contoso.example/oauth2/v2.0/authorize?",
        server.uri()
    )));
    h.assert_shows("The browser did not open. Open this address yourself:");
    h.assert_shows(&url);
    h.assert_shows("Copy link");
    assert!(!h.next_enabled(), "Next waits for the sign-in");

    // The identity platform sends the browser back with a code and the state it was given.
    let back = format!(
        "{}?code=THE-CODE&state={}",
        loopback(&url),
        query(&url, "state")
    );
    let returned = tokio::spawn(async move {
        browser()
            .get(back)
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    });
    while let Some(a) = stream.next().await {
        if let iced_test::runtime::Action::Output(m) = a {
            let t = h.w.update(m);
            h.run(t).await;
        }
    }
    assert!(returned.await.unwrap().contains("Signed in"));
    h.assert_shows("Signed in as Ada (ada@contoso.example) to Contoso.");
    assert!(h.next_enabled());
    let redeemed = server
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.url.path() == "/contoso.example/oauth2/v2.0/token")
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .collect::<Vec<_>>();
    assert_eq!(redeemed.len(), 1, "{redeemed:?}");
    assert!(redeemed[0].contains("grant_type=authorization_code"));
    assert!(redeemed[0].contains("code=THE-CODE"));
    assert!(redeemed[0].contains("code_verifier="));

    // Again, and this time the user gives up: Cancel sign-in.
    let task = h.w.update(Message::Entra(entra::Message::SignIn));
    assert!(!h.next_enabled(), "a new sign-in forgets the old one");
    let stream = h.first_message(task, "the sign-in").await;
    let url = h.dialogs.urls().pop().unwrap();
    h.click("Cancel sign-in").await;
    let late = h.late_messages(stream).await;
    assert_eq!(late, 0, "nothing arrives from a cancelled sign-in");
    assert!(h.w.shared.signed_in().is_none());
    assert!(!h.shows("Signed in as"));
    assert!(!h.next_enabled());
    let gone = browser()
        .get(format!("{}?code=LATE&state=x", loopback(&url)))
        .send()
        .await;
    assert!(
        gone.as_ref().is_err_and(|e| e.is_connect()),
        "the loopback address still listens after Cancel: {gone:?}"
    );
    h.click("Sign in with a code").await;
    h.assert_shows("Signed in as Ada (ada@contoso.example) to Contoso.");
}
