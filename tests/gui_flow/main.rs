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

#[path = "../common/mod.rs"]
mod common;

mod bad_input;
mod browser_sign_in;
mod cancel;
mod cloud_sync;
mod end_to_end;
mod forests;
mod keys;
mod parts;

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
use writeback_wizard::gui::intent::{Intent, SettingsEdit};
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

    /// Types into the password field of directory `n` (from 0; the field's message, as the
    /// widget sends it).
    async fn type_password_at(&mut self, n: usize, password: &str) {
        let id = self.w.shared.directories().all()[n].id();
        self.send(Message::Directory(directory::Message::Form(
            id,
            directory::form::Message::Password(writeback_wizard::gui::pages::Secret(
                Zeroizing::new(password.into()),
            )),
        )))
        .await;
    }

    /// Types into the first directory's password field.
    async fn type_password(&mut self, password: &str) {
        self.type_password_at(0, password).await;
    }

    /// Clicks the `n`-th text (from 0) that is exactly `label` (every directory's form has
    /// its own "Test connection").
    async fn click_nth(&mut self, label: &str, n: usize) {
        let messages: Vec<Message> = {
            let mut ui = iced_test::Simulator::with_size(
                Default::default(),
                (1200.0, 6000.0),
                self.w.view(),
            );
            let mut seen = 0;
            let bounds = ui
                .find(|c: Candidate<'_>| match c {
                    Candidate::Text {
                        content,
                        visible_bounds,
                        ..
                    } if content == label => {
                        seen += 1;
                        (seen == n + 1).then_some(visible_bounds)
                    }
                    _ => None,
                })
                .ok()
                .flatten()
                .unwrap_or_else(|| panic!("no visible {label:?} #{n} on {:?}", self.w.step));
            ui.point_at(bounds.center());
            let _ = ui.simulate(iced_test::simulator::click());
            ui.into_messages().collect()
        };
        assert!(!messages.is_empty(), "{label:?} #{n} is disabled");
        for m in messages {
            self.send(m).await;
        }
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

    /// Draws the page as it is now (the software renderer, 1000 px wide) into
    /// `target/screenshots/flow/NAME…png`, for a person to look at (nothing is asserted on it).
    fn snapshot(&self, name: &str) {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots/flow");
        let _ = std::fs::create_dir_all(&dir);
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if e.file_name().to_string_lossy().starts_with(name) {
                let _ = std::fs::remove_file(e.path());
            }
        }
        let mut ui =
            iced_test::Simulator::with_size(Default::default(), (1000.0, 1600.0), self.w.view());
        if let Ok(shot) = ui.snapshot(&iced::Theme::Light) {
            let _ = shot.matches_image(dir.join(name));
        }
    }

    /// The first directory's assessment (the one with the tenant and the sync server).
    fn first_assessment(&self, what: &str) -> Arc<writeback_wizard::engine::Assessment> {
        self.w.shared.first().assessed().cloned().expect(what)
    }

    /// Whether Next is enabled (clicking a disabled button produces no message).
    fn next_enabled(&self) -> bool {
        self.w.can_continue()
    }
}

/// The answers a consultant would save: the lab, the stand-in tenant, reachable endpoints.
/// A wizard with `lab` tested and the cloud sign-in skipped, moved to the prerequisites page:
/// the check that page starts on entry is `Task`, not yet run.
async fn to_checks(lab: &Lab, server: &MockServer, dir: &Path) -> (Harness, Task<Message>) {
    let mut h = Harness::new(Some(profile(lab, server, dir)), None).await;
    h.w.shared
        .apply(Intent::Settings(SettingsEdit::SkipCloud(true)));
    h.type_password(lab.var("LAB_ADMIN_PW")).await;
    let first = h.w.shared.first().id();
    h.send(Message::Directory(directory::Message::Form(
        first,
        directory::form::Message::Test,
    )))
    .await;
    assert!(h.w.shared.first().tested().is_some());
    h.w.step = Step::Scope;
    let task = h.w.update(Message::Next);
    assert_eq!(h.w.step, Step::Features);
    h.run(task).await;
    let task = h.w.update(Message::Next);
    assert_eq!(h.w.step, Step::Checks);
    (h, task)
}

fn profile(lab: &Lab, server: &MockServer, dir: &Path) -> PathBuf {
    let addr = server.address().to_string();
    let s = Settings {
        writeback_endpoints: vec![addr],
        server: lab.var("LAB_LDAPS_URL").into(),
        ca_file: Some(lab.var("LAB_CA_FILE").into()),
        user: lab.var("LAB_ADMIN_UPN").into(),
        backup_dir: Some(dir.to_path_buf()),
        ..common::entra_settings(server)
    };
    let p = dir.join("profile.json");
    s.save(&p).unwrap();
    p
}

/// Restores `backup` through the CLI as `lab`'s administrator (`prefix`: `LAB` or `LAB2`): the
/// way back when a wizard flow failed half-way.
fn restore_by_cli(lab: &Lab, prefix: &str, backup: &Path) -> (i32, String, String) {
    let var = |k: &str| lab.var(&format!("{prefix}_{k}")).to_string();
    common::run_bin(
        &[
            "restore",
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
            "--server",
            &var("LDAPS_URL"),
            "--ca-file",
            &var("CA_FILE"),
            "--user",
            &var("ADMIN_UPN"),
            "--password-env",
            "ADMIN_PW",
        ],
        &[("ADMIN_PW", &var("ADMIN_PW"))],
    )
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
