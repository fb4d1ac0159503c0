//! Several forests in the wizard, as Connect's "Connect your directories" adds them: each more
//! forest (127.0.0.2, 127.0.0.3) is added on the directory page with the same form as the first
//! (tested first), checked at the same time as the first, planned with the same options,
//! configured with its own backup (its connector then really resets a user there), and all are
//! restored in one run of the wizard's restore path: each forest's backup is found beside the
//! run's file and goes back in its own directory. Two forests and three go the same way.

use super::*;

/// One more forest of the run: its lab and the prefix of its variables (`LAB2`, `LAB3`).
struct Forest<'a> {
    lab: &'a Lab,
    prefix: &'static str,
}

impl Forest<'_> {
    fn var(&self, key: &str) -> &str {
        self.lab.var(&format!("{}_{key}", self.prefix))
    }

    async fn connect(&self, user: &str, password: &str) -> Connection {
        let mut o = writeback_wizard::ad::ConnectOptions::new(self.var("LDAPS_URL"));
        o.ca_file = Some(self.var("CA_FILE").into());
        let cred = writeback_wizard::ad::SimpleCredential {
            user: self.var(user).into(),
            password: Zeroizing::new(self.var(password).into()),
        };
        Connection::simple(&o, &cred).await.unwrap()
    }

    /// The forest's root DACL, raw, and its minimum password age.
    async fn root(&self) -> (Vec<u8>, Vec<u8>) {
        let mut c = self.connect("ADMIN_UPN", "ADMIN_PW").await;
        let raw = common::raw_dacl(&mut c, self.var("BASE_DN")).await;
        let age = c
            .read(self.var("BASE_DN"), &["minPwdAge"], vec![])
            .await
            .unwrap()
            .unwrap()
            .first("minPwdAge")
            .unwrap_or_default()
            .to_vec();
        c.close().await;
        (raw, age)
    }

    /// Whether the forest's connector, bound as itself, resets jack's password.
    async fn connector_resets(&self) -> Result<bool, String> {
        let mut msol = self.connect("MSOL_UPN", "MSOL_PW").await;
        let mut admin = self.connect("ADMIN_UPN", "ADMIN_PW").await;
        common::attempt(
            &mut msol,
            &mut admin,
            self.var("JACK_DN"),
            common::Op::Reset,
            self.var("USER_PW"),
        )
        .await
    }
}

/// Adds directory `n` (from 0) on the directory page with the same form as the first: its
/// answers, then its own "Test connection"; its connector is detected as the first's is.
async fn add_directory(h: &mut Harness, n: usize, f: &Forest<'_>) {
    use directory::form::Message as F;
    h.click("Add directory").await;
    let id = h.w.shared.directories().all()[n].id();
    let form = |m: F| Message::Directory(directory::Message::Form(id, m));
    h.send(form(F::Server(f.var("LDAPS_URL").into()))).await;
    h.send(form(F::CaChosen(Some(f.var("CA_FILE").into()))))
        .await;
    h.send(form(F::User(f.var("ADMIN_UPN").into()))).await;
    h.type_password_at(n, f.var("ADMIN_PW")).await;
    h.click_nth("Test connection", n).await;
    h.assert_shows(&format!("Directory {}: {}", n + 1, f.var("LDAPS_URL")));
    let row = &h.w.shared.directories().all()[n];
    let found = row.tested().and_then(|t| t.connector.as_ref());
    assert_eq!(
        found.map(|a| a.sam_account_name.as_str()),
        Some(f.var("MSOL_SAM"))
    );
}

/// The first lab tested, then every forest of `more` added.
async fn connect_all(h: &mut Harness, one: &Lab, more: &[Forest<'_>]) {
    h.type_password(one.var("LAB_ADMIN_PW")).await;
    h.click("Test connection").await;
    for (i, f) in more.iter().enumerate() {
        add_directory(h, i + 1, f).await;
    }
}

/// Configure with every forest; returns the run's file.
async fn configure_all(one: &Lab, more: &[Forest<'_>], server: &MockServer, dir: &Path) -> PathBuf {
    let mut h = Harness::new(Some(profile(one, server, dir)), None).await;
    h.click("Configure").await;
    h.click("Next").await;
    h.click("Sign in with a code").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Directory);
    connect_all(&mut h, one, more).await;
    let n = more.len() + 1;
    h.snapshot(&format!("{n}-directories-connect"));
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Scope);
    h.assert_shows("Directory");
    h.snapshot(&format!("{n}-directories-scope"));
    h.click("Next").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Checks);
    h.assert_shows("Directories");
    h.snapshot(&format!("{n}-directories-checks"));
    for (i, f) in more.iter().enumerate() {
        let row = &h.w.shared.directories().all()[i + 1];
        assert_eq!(row.label(), f.var("LDAPS_URL"));
        let a = row.assessed().expect("each forest was checked");
        assert_eq!(a.report.directory.dns_name, f.var("DNS_DOMAIN"));
        assert!(!a.report.ready, "no writeback rights there yet");
    }
    h.click("Next").await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Ready);
    for (i, f) in more.iter().enumerate() {
        let planned = h.w.shared.directories().all()[i + 1].planned().cloned();
        assert!(planned.is_some_and(|p| p.is_ok()), "{} planned", f.prefix);
        h.assert_shows(&format!("{}: 2 changes", f.var("LDAPS_URL")));
    }
    h.snapshot(&format!("{n}-directories-ready"));
    let run = h.w.shared.backup_path().clone();
    h.click("Configure").await;
    assert_eq!(h.w.step, Step::Configuring);
    h.assert_shows("changes written and verified.");
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Complete);
    h.snapshot(&format!("{n}-directories-complete"));
    for (i, f) in more.iter().enumerate() {
        let backup = writeback_wizard::engine::write::manifest::backup_path(
            &run,
            i + 2,
            f.var("DNS_DOMAIN"),
        );
        assert!(backup.exists(), "{} has its own backup", f.prefix);
        h.assert_shows(&format!("Its backup: {}", backup.display()));
    }
    run
}

/// The restore path with the run's file: every forest's backup of the same Configure is found
/// beside it and goes back in the same run, each in its own directory.
async fn restore_all(one: &Lab, more: &[Forest<'_>], server: &MockServer, dir: &Path, run: &Path) {
    let mut h = Harness::new(Some(profile(one, server, dir)), None).await;
    h.click("Configure").await;
    h.send(Message::Tasks(tasks::Message::Choose(Flow::Restore)))
        .await;
    h.click("Next").await;
    connect_all(&mut h, one, more).await;
    h.click("Next").await;
    assert_eq!(h.w.step, Step::Restore);
    h.dialogs.answer(Purpose::Restore, Some(run.to_path_buf()));
    h.click("Choose backup…").await;
    let shown = |dn: &str| h.texts().iter().any(|t| t.starts_with(dn));
    assert!(shown(one.var("LAB_BASE_DN")), "{:?}", h.texts());
    for f in more {
        assert!(
            shown(f.var("BASE_DN")),
            "{} goes back with the first: {:?}",
            f.prefix,
            h.texts()
        );
    }
    h.click("Restore").await;
    h.assert_shows("Every value is back as it was, and verified.");
}

/// Configure and restore the first lab with `more` forests through the wizard; the connector of
/// every forest resets a user after Configure, and every forest is back byte for byte after the
/// restore (if the wizard fails half-way, the CLI puts the backups back).
async fn forests_through_the_wizard(one: &Lab, more: &[Forest<'_>], name: &str) {
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = fresh_dir(name);
    let server = MockServer::start().await;
    common::entra_tenant(&server, true).await;
    let mut before = vec![(snapshot(one).await, (Vec::new(), Vec::new()))];
    for f in more {
        before.push((Vec::new(), f.root().await));
    }
    let configured = std::panic::AssertUnwindSafe(configure_all(one, more, &server, &dir))
        .catch_unwind()
        .await;
    let mut resets = Vec::new();
    for f in more {
        resets.push(f.connector_resets().await);
    }
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
        (1..=more.len() + 1).any(|k| n.contains(&format!(".{k}-")))
    };
    let run = backups.iter().find(|p| !part(p)).cloned();
    let restored = match &run {
        Some(r) => std::panic::AssertUnwindSafe(restore_all(one, more, &server, &dir, r))
            .catch_unwind()
            .await
            .is_ok(),
        None => true,
    };
    if !restored {
        for b in backups.iter().filter(|b| part(b)) {
            let name = b.to_string_lossy();
            let (lab, p) = more
                .iter()
                .enumerate()
                .find(|(i, _)| name.contains(&format!(".{}-", i + 2)))
                .map_or((one, "LAB"), |(_, f)| (f.lab, f.prefix));
            let (code, out, err) = restore_by_cli(lab, p, b);
            eprintln!("restored by the CLI after a failure: {code} {out} {err}");
        }
    }
    if let Err(p) = configured {
        std::panic::resume_unwind(p);
    }
    for (f, r) in more.iter().zip(resets) {
        assert_eq!(
            r,
            Ok(true),
            "{}'s connector resets jack after Configure",
            f.prefix
        );
    }
    assert!(restored, "the wizard restored every forest in one run");
    let mut after = vec![(snapshot(one).await, (Vec::new(), Vec::new()))];
    for f in more {
        after.push((Vec::new(), f.root().await));
    }
    assert!(after == before, "every forest is back byte for byte");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_forests_are_configured_and_restored_through_the_wizard() {
    let (Some(one), Some(two)) = (Lab::get(), Lab::second()) else {
        return;
    };
    let more = [Forest {
        lab: &two,
        prefix: "LAB2",
    }];
    forests_through_the_wizard(&one, &more, "forests").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_forests_go_through_the_same_form_and_pages() {
    let (Some(one), Some(two), Some(three)) = (Lab::get(), Lab::second(), Lab::third()) else {
        return;
    };
    let more = [
        Forest {
            lab: &two,
            prefix: "LAB2",
        },
        Forest {
            lab: &three,
            prefix: "LAB3",
        },
    ];
    forests_through_the_wizard(&one, &more, "forests3").await;
}
