//! The wizard, headless, end to end: iced_test's Simulator draws each page and clicks its
//! buttons by their text; the messages go through `Wizard::update`, and the work each step
//! starts (LDAP against the Samba lab, HTTP against a local stand-in of the identity platform
//! and Microsoft Graph, a stand-in PowerShell for Entra Connect) really runs, its messages fed
//! back until nothing is left. Typing goes straight in as the field's message.
//!
//! Flows: the happy path (sign in with a device code, test the connection, check, pilot,
//! plan, configure, check again = ready), then the restore path puts every value back byte for
//! byte; a wrong password shows its sentence on the page and fixing it continues; Cancel during
//! the check stops it; the browser sign-in comes back through the loopback address, and Cancel
//! closes that address. The log written meanwhile holds no password and no token.

mod common;

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use common::{Lab, browser, loopback, query};
use iced::Task;
use iced::futures::{FutureExt, StreamExt};
use iced_test::selector::Candidate;
use serde_json::json;
use wiremock::MockServer;
use writeback_wizard::ad::{Connection, controls};
use writeback_wizard::cli::ThemeArg;
use writeback_wizard::gui::dialogs::{Purpose, Scripted};
use writeback_wizard::gui::pages::{directory, entra, pilot, ready, scope, tasks};
use writeback_wizard::gui::settings::Settings;
use writeback_wizard::gui::{Flow, Message, Options, Step, Wizard};
use zeroize::Zeroizing;

/// One log folder for this test binary (tracing has one global subscriber).
fn log_dir() -> &'static PathBuf {
    static LOG: OnceLock<(PathBuf, writeback_wizard::gui::logging::LogGuard)> = OnceLock::new();
    &LOG.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("ww-gui-log-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let guard = writeback_wizard::gui::logging::init(dir.clone());
        writeback_wizard::words::select(Some("en-US"));
        (dir, guard)
    })
    .0
}

/// Work in progress: what a started task still has to deliver.
type Started = iced::futures::stream::BoxStream<'static, iced_test::runtime::Action<Message>>;

struct Harness {
    w: Wizard,
    dialogs: Scripted,
}

impl Harness {
    async fn new(
        profile: Option<PathBuf>,
        ps: Option<writeback_wizard::syncserver::ProcessPowerShell>,
    ) -> Self {
        let log = log_dir().clone();
        let dialogs = Scripted::new();
        let (w, task) = Wizard::new(Options {
            profile,
            theme: ThemeArg::Light,
            dialogs: Arc::new(dialogs.clone()),
            log: Ok(log),
            detect_sync_server: ps.is_some(),
            powershell: ps,
            tour: None,
        });
        let mut h = Self { w, dialogs };
        h.run(task).await;
        h
    }

    /// Runs `task` and everything its messages start, to the end.
    async fn run(&mut self, task: Task<Message>) {
        let mut queue = VecDeque::from([task]);
        while let Some(t) = queue.pop_front() {
            let Some(mut stream) = iced_test::runtime::task::into_stream(t) else {
                continue;
            };
            while let Some(action) = stream.next().await {
                if let iced_test::runtime::Action::Output(m) = action {
                    queue.push_back(self.w.update(m));
                }
            }
        }
    }

    /// Types into the password field (the field's message, as the widget sends it).
    async fn type_password(&mut self, password: &str) {
        self.send(Message::Directory(directory::Message::Password(
            writeback_wizard::gui::pages::Secret(Zeroizing::new(password.into())),
        )))
        .await;
    }

    async fn send(&mut self, m: Message) {
        let t = self.w.update(m);
        self.run(t).await;
    }

    /// Starts `task` (work a page began) and feeds its first message to the wizard; the rest
    /// stays in the returned stream, for the test to act in between.
    async fn first_message(&mut self, task: Task<Message>, what: &str) -> Started {
        let mut stream = iced_test::runtime::task::into_stream(task)
            .unwrap_or_else(|| panic!("{what}: nothing runs"));
        let Some(iced_test::runtime::Action::Output(m)) = stream.next().await else {
            panic!("{what}: no first message");
        };
        let _ = self.w.update(m);
        stream
    }

    /// After Cancel: feeds what the stopped work still delivers to the wizard and says how many
    /// messages came. The stream is dropped at the end, as the runtime drops a finished task.
    async fn late_messages(&mut self, mut stream: Started) -> usize {
        let mut late = 0;
        while let Some(a) = stream.next().await {
            if let iced_test::runtime::Action::Output(m) = a {
                late += 1;
                let _ = self.w.update(m);
            }
        }
        late
    }

    /// Clicks the widget whose text is exactly `label` on the page as drawn now.
    async fn click(&mut self, label: &str) {
        let messages: Vec<Message> = {
            let mut ui = iced_test::Simulator::with_size(
                Default::default(),
                (1200.0, 4000.0),
                self.w.view(),
            );
            ui.click(label)
                .unwrap_or_else(|e| panic!("no {label:?} on {:?}: {e:?}", self.w.step));
            ui.into_messages().collect()
        };
        assert!(
            !messages.is_empty(),
            "{label:?} is disabled on {:?}",
            self.w.step
        );
        for m in messages {
            self.send(m).await;
        }
    }

    /// Every text drawn on the page now.
    fn texts(&self) -> Vec<String> {
        let mut ui =
            iced_test::Simulator::with_size(Default::default(), (1200.0, 4000.0), self.w.view());
        let mut found = Vec::new();
        let _ = ui.find(|c: Candidate<'_>| {
            if let Candidate::Text { content, .. } = c {
                found.push(content.to_string());
            }
            None::<()>
        });
        found
    }

    fn shows(&self, needle: &str) -> bool {
        self.texts().iter().any(|t| t.contains(needle))
    }

    fn assert_shows(&self, needle: &str) {
        assert!(
            self.shows(needle),
            "{needle:?} not on {:?}: {:#?}",
            self.w.step,
            self.texts()
        );
    }

    /// Whether Next is enabled (clicking a disabled button produces no message).
    fn next_enabled(&self) -> bool {
        self.w.can_continue()
    }
}

/// Entra Connect as the stand-in reports it: installed, active, writeback off until enabled,
/// TLS 1.2 enforced.
fn sync_server(lab: &Lab, writeback: bool) -> serde_json::Value {
    json!({"installed": true, "version": "2.4.18.0", "stagingModeEnabled": false, "syncCycleEnabled": true,
    "passwordWritebackEnabled": writeback, "errors": [],
    "tls12": {"netSystemDefaultTlsVersions": 1, "netSchUseStrongCrypto": 1, "netWowSystemDefaultTlsVersions": 1,
              "netWowSchUseStrongCrypto": 1, "clientEnabled": 1, "clientDisabledByDefault": 0},
    "connectors": [
        {"name": "contoso.onmicrosoft.com - AAD", "identifier": "b891884f-051e-4a83-95af-2544101c9083", "type": "Extensible2"},
        {"name": "lab", "identifier": "1", "type": "AD", "forestName": lab.var("LAB_DNS_DOMAIN"),
         "forestLoginDomain": "LAB", "forestLoginUser": "MSOL_lab", "inclusions": []}
    ]})
}

/// The answers a consultant would save: the lab, the stand-in tenant, reachable endpoints.
fn profile(lab: &Lab, server: &MockServer, dir: &Path) -> PathBuf {
    let addr = server.address().to_string();
    let s = Settings {
        tenant: "contoso.example".into(),
        client_id: "11111111-2222-3333-4444-555555555555".into(),
        authority_url: server.uri(),
        graph_url: server.uri(),
        writeback_endpoints: vec![addr],
        server: lab.var("LAB_LDAPS_URL").into(),
        ca_file: Some(lab.var("LAB_CA_FILE").into()),
        user: lab.var("LAB_ADMIN_UPN").into(),
        backup_dir: Some(dir.to_path_buf()),
        ..Settings::default()
    };
    let p = dir.join("profile.json");
    s.save(&p).unwrap();
    p
}

fn fresh_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("ww-gui-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// What configure may touch, read raw: the root's and OU=Blocked's DACLs and the two ages.
async fn snapshot(lab: &Lab) -> Vec<Vec<u8>> {
    let mut c: Connection = lab.admin().await;
    let mut out = Vec::new();
    for dn in [lab.var("LAB_BASE_DN"), lab.var("LAB_BLOCKED_OU_DN")] {
        out.push(
            c.read_security_descriptor(dn, controls::DACL)
                .await
                .unwrap()
                .unwrap()
                .raw,
        );
    }
    for (dn, attr) in [
        (lab.var("LAB_BASE_DN"), "minPwdAge"),
        (lab.var("LAB_PSO_DN"), "msDS-MinimumPasswordAge"),
    ] {
        let e = c.read(dn, &[attr], vec![]).await.unwrap().unwrap();
        out.push(e.first(attr).unwrap_or_default().to_vec());
    }
    c.close().await;
    out
}

async fn happy_path(
    lab: &Lab,
    server: &MockServer,
    dir: &Path,
    ps: writeback_wizard::syncserver::ProcessPowerShell,
) -> PathBuf {
    let mut h = Harness::new(Some(profile(lab, server, dir)), Some(ps)).await;
    assert!(h.w.shared.notice.is_none());
    // Welcome: Entra Connect found by the stand-in.
    h.assert_shows("2.4.18.0");
    h.click("Configure").await;
    assert_eq!(h.w.step, Step::Tasks);
    h.click("Next").await;

    // Connect to Microsoft Entra ID: device code against the stand-in.
    assert_eq!(h.w.step, Step::Entra);
    assert!(!h.next_enabled(), "Next waits for a sign-in");
    h.click("Sign in with a code").await;
    h.assert_shows("Signed in as Ada (ada@contoso.example) to Contoso.");
    h.assert_shows("Global Administrator");
    h.click("Next").await;

    // Connect your directories: the profile filled the server and user; the password is typed.
    assert_eq!(h.w.step, Step::Directory);
    h.type_password(lab.var("LAB_ADMIN_PW")).await;
    h.click("Test connection").await;
    h.assert_shows("Connected to");
    h.assert_shows("MSOL_lab");
    h.click("Next").await;

    // Domain and OU filtering: the tree loads lazily; the whole domain stays selected.
    assert_eq!(h.w.step, Step::Scope);
    h.assert_shows("Lab");
    h.send(Message::Scope(scope::Message::Expand(format!(
        "OU=Lab,{}",
        lab.var("LAB_BASE_DN")
    ))))
    .await;
    h.assert_shows("Blocked");
    h.click("Next").await;

    // Optional features.
    assert_eq!(h.w.step, Step::Features);
    h.click("Next").await;

    // Writeback prerequisites: the seeded lab is not ready.
    assert_eq!(h.w.step, Step::Checks);
    let a = h.w.shared.assessment.clone().expect("the check finished");
    assert!(!a.report.ready);
    assert!(a.report.cloud.checked);
    let ids: Vec<&str> = a.report.findings.iter().map(|f| f.id.as_str()).collect();
    for id in [
        "right-reset-password",
        "inheritance-disabled",
        "min-password-age",
        "writeback-disabled",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert!(
        !ids.contains(&"cloud-license") && !ids.contains(&"outbound-blocked"),
        "{ids:?}"
    );
    h.assert_shows("Not ready:");
    h.assert_shows("Permissions");
    // The protected administrators are counted and named apart, not as blocked.
    let n = a.report.readiness;
    h.assert_shows(&format!(
        "ready for {} of {} users ({} protected administrators excluded by design, {} blocked)",
        n.ready, n.in_scope, n.excluded, n.blocked
    ));
    h.assert_shows(&format!(
        "Protected administrators, excluded by design ({})",
        n.excluded
    ));
    h.assert_shows(lab.var("LAB_DAVE_DN"));
    h.click("Next").await;

    // Pilot users: an AD group, user by user.
    assert_eq!(h.w.step, Step::Pilot);
    h.send(Message::Pilot(pilot::Message::Group(
        "LabPwdPolicyGroup".into(),
    )))
    .await;
    h.click("Check pilot group").await;
    let table = h.w.shared.pilot.clone().expect("the pilot table");
    assert_eq!(table.rows.len(), 1, "{table:?}");
    h.assert_shows("bob");
    h.click("Next").await;

    // Ready to configure: fix the PSO too; the plan shows the ACEs with their diff.
    assert_eq!(h.w.step, Step::Ready);
    h.send(Message::Ready(ready::Message::FixPso(
        "LabPSO".into(),
        true,
    )))
    .await;
    let planned = h.w.shared.planned.clone().expect("a plan");
    assert!(
        planned.plan.changes.len() >= 4,
        "{:?}",
        planned.plan.changes
    );
    h.click("1. Grant rights to the connector account").await;
    assert!(
        h.texts()
            .iter()
            .any(|t| t.starts_with("+ (OA;CIIO;CR;00299570")),
        "the diff is shown"
    );
    let backup = h.w.shared.backup_path.clone();
    assert!(backup.starts_with(dir), "{}", backup.display());
    h.click("Configure").await;

    // Configuring: runs to the end.
    assert_eq!(h.w.step, Step::Configuring);
    h.assert_shows("changes written and verified.");
    h.assert_shows("Password writeback is on in Entra Connect (read back and verified).");
    assert!(backup.exists());
    h.click("Next").await;

    // Configuration complete: checked again, ready.
    assert_eq!(h.w.step, Step::Complete);
    let again = h.w.shared.assessment.clone().expect("checked again");
    let errors: Vec<_> = again
        .report
        .findings
        .iter()
        .filter(|f| f.severity == writeback_wizard::check::Severity::Error)
        .collect();
    assert!(again.report.ready, "{errors:#?}");
    let n = again.report.readiness;
    assert_eq!(n.blocked, 0);
    assert!(n.excluded >= 1, "dave is excluded by design: {n:?}");
    h.assert_shows(&format!(
        "Ready for {} of {} users ({} protected administrators excluded by design, 0 blocked)",
        n.ready, n.in_scope, n.excluded
    ));
    h.assert_shows(&backup.display().to_string());
    // Export report (the save dialog answered by the test).
    let report = dir.join("report.json");
    h.dialogs.answer(Purpose::Report, Some(report.clone()));
    h.click("JSON").await;
    let r: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(r["ready"], true);
    assert_eq!(r["pilot"]["group"], "LabPwdPolicyGroup");
    backup
}

async fn restore_path(lab: &Lab, server: &MockServer, dir: &Path, backup: &Path) {
    let mut h = Harness::new(Some(profile(lab, server, dir)), None).await;
    h.click("Configure").await;
    h.send(Message::Tasks(tasks::Message::Choose(Flow::Restore)))
        .await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Directory);
    h.type_password(lab.var("LAB_ADMIN_PW")).await;
    h.click("Test connection").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Restore);
    assert!(!h.next_enabled());
    h.dialogs
        .answer(Purpose::Restore, Some(backup.to_path_buf()));
    h.click("Choose backup…").await;
    h.assert_shows(lab.var("LAB_BASE_DN"));
    h.click("Restore").await;
    h.assert_shows("Every value is back as it was, and verified.");
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Complete);
    h.assert_shows("Restore complete");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wizard_configures_the_lab_until_ready_and_restore_puts_it_back() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = fresh_dir("happy");
    let server = MockServer::start().await;
    common::entra_tenant(&server, true).await;
    let (ps, ps_dir) = common::stand_in(
        "gui",
        &sync_server(&lab, false),
        (r#"{"enabled":true}"#, 0),
        false,
    );
    std::fs::write(
        ps_dir.join("read-after-enable.json"),
        sync_server(&lab, true).to_string(),
    )
    .unwrap();

    let before = snapshot(&lab).await;
    let result = std::panic::AssertUnwindSafe(happy_path(&lab, &server, &dir, ps))
        .catch_unwind()
        .await;
    // Whatever happened, put the lab back from the backup (through the wizard when the flow
    // got that far, else through the CLI).
    let backup = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("backup-"))
        });
    match (&result, &backup) {
        (Ok(b), _) => restore_path(&lab, &server, &dir, b).await,
        (Err(_), Some(b)) => {
            let (code, out, err) = common::run_bin(
                &[
                    "restore",
                    "--yes",
                    "--backup",
                    b.to_str().unwrap(),
                    "--server",
                    lab.var("LAB_LDAPS_URL"),
                    "--ca-file",
                    lab.var("LAB_CA_FILE"),
                    "--user",
                    lab.var("LAB_ADMIN_UPN"),
                    "--password-env",
                    "ADMIN_PW",
                ],
                &[("ADMIN_PW", lab.var("LAB_ADMIN_PW"))],
            );
            eprintln!("restored after a failure: {code} {out} {err}");
        }
        (Err(_), None) => {}
    }
    if let Err(p) = result {
        std::panic::resume_unwind(p);
    }
    assert_eq!(
        snapshot(&lab).await,
        before,
        "restore put every value back byte for byte"
    );

    // The log tells the story, and holds no secret.
    std::thread::sleep(std::time::Duration::from_millis(300));
    let mut log = String::new();
    for e in std::fs::read_dir(log_dir()).unwrap() {
        log.push_str(&std::fs::read_to_string(e.unwrap().path()).unwrap_or_default());
    }
    assert!(
        log.contains("configure: ") && log.contains("signed in to Microsoft Entra ID"),
        "{log}"
    );
    for secret in [
        lab.var("LAB_ADMIN_PW"),
        lab.var("LAB_MSOL_PW"),
        lab.var("LAB_USER_PW"),
        "SECRET-ACCESS-TOKEN",
        "SECRET-REFRESH",
    ] {
        assert!(!log.contains(secret), "a secret reached the log");
    }
}

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_during_the_check_stops_it_and_next_stays_off() {
    let Some(lab) = Lab::get() else { return };
    let server = MockServer::start().await;
    let dir = fresh_dir("cancel");
    let mut h = Harness::new(Some(profile(&lab, &server, &dir)), None).await;
    h.w.shared.settings.skip_cloud = true;
    h.w.shared.password = Zeroizing::new(lab.var("LAB_ADMIN_PW").into());
    h.send(Message::Directory(directory::Message::Test)).await;
    assert!(h.w.shared.tested.is_some());
    // Straight to the prerequisites page: its check starts on entry.
    h.w.step = Step::Scope;
    let task = h.w.update(Message::Next);
    assert_eq!(h.w.step, Step::Features);
    h.run(task).await;
    let task = h.w.update(Message::Next);
    assert_eq!(h.w.step, Step::Checks);
    // The first progress event arrives; then the user presses Cancel.
    let stream = h.first_message(task, "the check").await;
    h.assert_shows("Cancel");
    h.click("Cancel").await;
    let late = h.late_messages(stream).await;
    assert!(late <= 1, "the check stopped ({late} late messages)");
    assert!(
        h.w.shared.assessment.is_none(),
        "a cancelled check has no result"
    );
    h.assert_shows("The check was cancelled.");
    assert!(!h.next_enabled());
    h.click("Check again").await;
    assert!(h.w.shared.assessment.is_some());
    assert!(h.next_enabled());
}

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
    let settings = Settings {
        tenant: "contoso.example".into(),
        client_id: "11111111-2222-3333-4444-555555555555".into(),
        authority_url: server.uri(),
        graph_url: server.uri(),
        ..Settings::default()
    };
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
    assert!(h.w.shared.signed_in.is_none());
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

#[test]
fn keys_enter_next_escape_back_tab_focus_and_captured_keys_do_nothing() {
    use iced::keyboard::{Event, Key, Location, Modifiers, key::Named};
    let press = |named: Named, modifiers: Modifiers| {
        iced::Event::Keyboard(Event::KeyPressed {
            key: Key::Named(named),
            modified_key: Key::Named(named),
            physical_key: iced::keyboard::key::Physical::Unidentified(
                iced::keyboard::key::NativeCode::Unidentified,
            ),
            location: Location::Standard,
            modifiers,
            text: None,
            repeat: false,
        })
    };
    let id = iced::window::Id::unique();
    let ignored = iced::event::Status::Ignored;
    let k = |n, m| writeback_wizard::gui::key_message(press(n, m), ignored, id);
    assert!(matches!(
        k(Named::Enter, Modifiers::empty()),
        Some(Message::Next)
    ));
    assert!(matches!(
        k(Named::Escape, Modifiers::empty()),
        Some(Message::Back)
    ));
    assert!(matches!(
        k(Named::Tab, Modifiers::empty()),
        Some(Message::FocusNext)
    ));
    assert!(matches!(
        k(Named::Tab, Modifiers::SHIFT),
        Some(Message::FocusPrevious)
    ));
    assert!(
        writeback_wizard::gui::key_message(
            press(Named::Enter, Modifiers::empty()),
            iced::event::Status::Captured,
            id
        )
        .is_none(),
        "Enter in a field with its own action is not Next"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_while_configuring_stops_between_objects_and_the_backup_undoes_it() {
    use writeback_wizard::gui::jobs::{
        self, ApplyEvent, ApplyParams, DirectoryParams, RestoreEvent,
    };
    use writeback_wizard::plan::apply::Event;
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = fresh_dir("cancel-configure");
    let before = snapshot(&lab).await;
    let params = DirectoryParams {
        opts: lab.options(),
        user: lab.var("LAB_ADMIN_UPN").into(),
        password: Zeroizing::new(lab.var("LAB_ADMIN_PW").into()),
        kerberos: false,
    };
    let options = writeback_wizard::plan::PlanOptions {
        min_password_age_zero: true,
        fix_pso: vec!["LabPSO".into()],
        ..Default::default()
    };
    let planned = jobs::compute_plan(params.clone(), None, Default::default(), options)
        .await
        .unwrap();
    assert!(planned.plan.changes.len() >= 3);
    let cancel = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let backup = dir.join("backup.json");
    let mut stream = std::pin::pin!(jobs::apply(ApplyParams {
        directory: params.clone(),
        plan: Arc::new(planned.plan.clone()),
        backup: backup.clone(),
        cancel: cancel.clone(),
        enable_writeback: false,
        powershell: Default::default(),
    }));
    let mut verified = 0;
    let mut done = None;
    while let Some(e) = stream.next().await {
        match e {
            // The user presses Cancel while the first object is being written.
            ApplyEvent::Step(Event::Writing { index: 0, .. }) => {
                cancel.store(true, std::sync::atomic::Ordering::SeqCst)
            }
            ApplyEvent::Step(Event::Verified { .. }) => verified += 1,
            ApplyEvent::Done(r) => done = Some(r),
            _ => {}
        }
    }
    let Some(Err((e, written))) = done else {
        panic!("configure was not cancelled: {done:?}")
    };
    assert_eq!(
        (written, verified),
        (1, 1),
        "the write in progress finished and was verified"
    );
    assert!(e.message.contains("cancelled after 1"), "{}", e.message);
    assert_ne!(snapshot(&lab).await, before, "one change was written");
    let b = jobs::load_backup(backup.clone()).await.unwrap();
    let items = jobs::prepare_restore(params.clone(), b, backup)
        .await
        .unwrap();
    assert_eq!(
        items.iter().filter(|i| i.target.is_some()).count(),
        1,
        "only the value written is taken back"
    );
    let mut restore = std::pin::pin!(jobs::restore(params, items));
    let mut ok = false;
    while let Some(e) = restore.next().await {
        if let RestoreEvent::Done(r) = e {
            ok = r.is_ok();
        }
    }
    assert!(ok);
    assert_eq!(snapshot(&lab).await, before, "restored byte for byte");
}

/// Whether `task` ends the program.
async fn exits(task: Task<Message>) -> bool {
    let Some(mut stream) = iced_test::runtime::task::into_stream(task) else {
        return false;
    };
    while let Some(a) = stream.next().await {
        if matches!(a, iced_test::runtime::Action::Exit) {
            return true;
        }
    }
    false
}

#[tokio::test]
async fn closing_the_window_while_configuring_cancels_and_exits_after_the_current_object() {
    use writeback_wizard::gui::jobs::ApplyEvent;
    use writeback_wizard::gui::pages::configuring;
    let mut h = Harness::new(None, None).await;
    assert!(
        exits(h.w.update(Message::CloseRequested)).await,
        "idle: close exits"
    );
    h.w.step = Step::Configuring;
    h.w.configuring.running = true;
    assert!(
        !exits(h.w.update(Message::CloseRequested)).await,
        "not in the middle of a write"
    );
    assert!(h.w.close_when_done);
    h.assert_shows("Cancelling after the current object…");
    let done = Message::Configuring(configuring::Message::Event(ApplyEvent::Done(Ok(1))));
    assert!(
        exits(h.w.update(done)).await,
        "closes once the write is verified"
    );
}
