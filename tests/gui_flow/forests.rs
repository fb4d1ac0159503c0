//! Two forests in the wizard, as Connect's "Connect your directories" adds them: the second
//! forest (127.0.0.2) is added on the directory page (tested first), checked at the same time
//! as the first, planned with the same options, configured with its own backup (its connector
//! then really resets a user there), and both are restored in one run of the wizard's restore
//! path: the second forest's backup is found beside the first's and goes back in its own
//! directory.

use super::*;

/// The second forest's root DACL, raw, and its minimum password age.
async fn second_root(two: &Lab) -> (Vec<u8>, Vec<u8>) {
    let mut o = writeback_wizard::ad::ConnectOptions::new(two.var("LAB2_LDAPS_URL"));
    o.ca_file = Some(two.var("LAB2_CA_FILE").into());
    let mut c = Connection::simple(
        &o,
        &writeback_wizard::ad::SimpleCredential {
            user: two.var("LAB2_ADMIN_UPN").into(),
            password: Zeroizing::new(two.var("LAB2_ADMIN_PW").into()),
        },
    )
    .await
    .unwrap();
    let raw = c
        .read_security_descriptor(two.var("LAB2_BASE_DN"), controls::DACL)
        .await
        .unwrap()
        .unwrap()
        .raw;
    let age = c
        .read(two.var("LAB2_BASE_DN"), &["minPwdAge"], vec![])
        .await
        .unwrap()
        .unwrap()
        .first("minPwdAge")
        .unwrap_or_default()
        .to_vec();
    c.close().await;
    (raw, age)
}

/// Adds a directory on the directory page with the same form as the first: its answers, then
/// its own "Test connection" (`n`: its place, from 0).
async fn add_directory(h: &mut Harness, n: usize, url: &str, ca: &str, user: &str, pw: &str) {
    use directory::form::Message as F;
    h.click("Add directory").await;
    let id = h.w.shared.directories().all()[n].id();
    let form = |m: F| Message::Directory(directory::Message::Form(id, m));
    h.send(form(F::Server(url.into()))).await;
    h.send(form(F::CaChosen(Some(ca.into())))).await;
    h.send(form(F::User(user.into()))).await;
    h.type_password_at(n, pw).await;
    h.click_nth("Test connection", n).await;
    h.assert_shows(&format!("Directory {}: {url}", n + 1));
}

/// Adds the second forest.
async fn add_second(h: &mut Harness, two: &Lab) {
    add_directory(
        h,
        1,
        two.var("LAB2_LDAPS_URL"),
        two.var("LAB2_CA_FILE"),
        two.var("LAB2_ADMIN_UPN"),
        two.var("LAB2_ADMIN_PW"),
    )
    .await;
    let second = &h.w.shared.directories().all()[1];
    let found = second.tested().and_then(|t| t.connector.as_ref());
    assert_eq!(
        found.map(|a| a.sam_account_name.as_str()),
        Some("MSOL_forest2"),
        "its connector is detected as the first's is"
    );
}

async fn configure_both(
    one: &Lab,
    two: &Lab,
    server: &MockServer,
    dir: &Path,
) -> (PathBuf, PathBuf) {
    let mut h = Harness::new(Some(profile(one, server, dir)), None).await;
    h.click("Configure").await;
    h.click("Next").await;
    h.click("Sign in with a code").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Directory);
    h.type_password(one.var("LAB_ADMIN_PW")).await;
    h.click("Test connection").await;
    add_second(&mut h, two).await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Scope);
    h.assert_shows("Directory");
    h.click("Next").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Checks);
    let second = &h.w.shared.directories().all()[1];
    assert_eq!(second.label(), two.var("LAB2_LDAPS_URL"));
    let a = second.assessed().expect("the second forest was checked");
    assert_eq!(a.report.directory.dns_name, "forest2.example.test");
    assert!(!a.report.ready);
    h.assert_shows("Directories");
    h.click("Next").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Ready);
    let planned = h.w.shared.directories().all()[1].planned().cloned();
    assert!(
        planned.as_ref().is_some_and(|p| p.is_ok()),
        "the second forest planned: {planned:?}"
    );
    h.assert_shows(&format!("{}: 2 changes", two.var("LAB2_LDAPS_URL")));
    let first = h.w.shared.backup_path().clone();
    h.click("Configure").await;
    assert_eq!(h.w.step, Step::Configuring);
    h.assert_shows("changes written and verified.");
    let second =
        writeback_wizard::engine::write::manifest::backup_path(&first, 2, "forest2.example.test");
    assert!(second.exists(), "the second forest has its own backup");
    h.assert_shows(&second.display().to_string());
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Complete);
    h.assert_shows(&format!("Its backup: {}", second.display()));
    (first, second)
}

/// The restore path with the first forest's backup: the second forest's backup of the same
/// Configure is found beside it and goes back in the same run, in its own directory.
async fn restore_both(one: &Lab, two: &Lab, server: &MockServer, dir: &Path, first: &Path) {
    let mut h = Harness::new(Some(profile(one, server, dir)), None).await;
    h.click("Configure").await;
    h.send(Message::Tasks(tasks::Message::Choose(Flow::Restore)))
        .await;
    h.click("Next").await;
    h.type_password(one.var("LAB_ADMIN_PW")).await;
    h.click("Test connection").await;
    add_second(&mut h, two).await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Restore);
    h.dialogs
        .answer(Purpose::Restore, Some(first.to_path_buf()));
    h.click("Choose backup…").await;
    let shown = |dn: &str| h.texts().iter().any(|t| t.starts_with(dn));
    assert!(shown(one.var("LAB_BASE_DN")), "{:?}", h.texts());
    assert!(
        shown(two.var("LAB2_BASE_DN")),
        "the second forest's backup goes back with the first: {:?}",
        h.texts()
    );
    h.click("Restore").await;
    h.assert_shows("Every value is back as it was, and verified.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_forests_are_configured_and_restored_through_the_wizard() {
    let (Some(one), Some(two)) = (Lab::get(), Lab::second()) else {
        return;
    };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = fresh_dir("forests");
    let server = MockServer::start().await;
    common::entra_tenant(&server, true).await;
    let before = (snapshot(&one).await, second_root(&two).await);
    let configured = std::panic::AssertUnwindSafe(configure_both(&one, &two, &server, &dir))
        .catch_unwind()
        .await;
    // The second forest's connector, bound as itself, really resets a user there now.
    let reset = async {
        let mut o = writeback_wizard::ad::ConnectOptions::new(two.var("LAB2_LDAPS_URL"));
        o.ca_file = Some(two.var("LAB2_CA_FILE").into());
        let cred = |u: &str, p: &str| writeback_wizard::ad::SimpleCredential {
            user: two.var(u).into(),
            password: Zeroizing::new(two.var(p).into()),
        };
        let mut msol = Connection::simple(&o, &cred("LAB2_MSOL_UPN", "LAB2_MSOL_PW"))
            .await
            .unwrap();
        let mut admin = Connection::simple(&o, &cred("LAB2_ADMIN_UPN", "LAB2_ADMIN_PW"))
            .await
            .unwrap();
        common::attempt(
            &mut msol,
            &mut admin,
            two.var("LAB2_JACK_DN"),
            common::Op::Reset,
            two.var("LAB2_USER_PW"),
        )
        .await
    }
    .await;
    // Put both back through the wizard, in one run; if that fails, through the CLI.
    let backups: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("backup-"))
        })
        .collect();
    // The run's file (its backups are named `<run>.<n>-<domain>.json` beside it).
    let part = |p: &PathBuf| {
        let n = p.to_string_lossy();
        n.contains(".1-") || n.contains(".2-")
    };
    let first = backups.iter().find(|p| !part(p)).cloned();
    let restored = match &first {
        Some(b) => std::panic::AssertUnwindSafe(restore_both(&one, &two, &server, &dir, b))
            .catch_unwind()
            .await
            .is_ok(),
        None => true,
    };
    if !restored {
        for b in backups.iter().filter(|b| part(b)) {
            let (lab, p) = if b.to_string_lossy().contains(".2-") {
                (&two, "LAB2")
            } else {
                (&one, "LAB")
            };
            let (code, out, err) = restore_by_cli(lab, p, b);
            eprintln!("restored by the CLI after a failure: {code} {out} {err}");
        }
    }
    if let Err(p) = configured {
        std::panic::resume_unwind(p);
    }
    assert_eq!(
        reset,
        Ok(true),
        "the second forest's connector resets jack after Configure"
    );
    assert!(restored, "the wizard restored both forests in one run");
    assert!(
        (snapshot(&one).await, second_root(&two).await) == before,
        "both forests are back byte for byte"
    );
}
