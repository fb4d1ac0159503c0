//! The CLI and the wizard run one assessment (`engine::assess`) and one write path
//! (`engine::write`): the same inputs — the lab's DC and admin, the same connector and scope,
//! the same sync server (a stand-in PowerShell) — give the same findings, the same blocked users
//! and the same verdict in both faces; the same apply gives the same directory state, the same
//! backup and the same run file, and each face restores the other's run.

mod common;

use std::collections::BTreeSet;
use std::sync::Arc;

use iced::futures::StreamExt;
use serde_json::json;
use writeback_wizard::check::CheckOptions;
use writeback_wizard::gui::jobs::{self, CheckEvent, CheckParams, DirectoryParams};
use zeroize::Zeroizing;

type Seen = (
    BTreeSet<(String, String, String)>,
    BTreeSet<String>,
    bool,
    usize,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_and_the_wizard_give_the_same_findings_for_the_same_inputs() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let read = json!({"installed": true, "stagingModeEnabled": true, "passwordWritebackEnabled": false,
        "errors": [], "connectors": []});
    let (ps, _dir) = common::stand_in("faces", &read, ("{}", 0), false);
    let scope = lab.var("LAB_LAB_OU_DN");

    // The CLI.
    let ps_path = ps.exe.to_string_lossy().into_owned();
    let mut args = lab.check_args();
    args.extend(
        [
            "--sync-server",
            "--connector",
            lab.var("LAB_MSOL_SAM"),
            "--scope",
            scope,
            "--format",
            "json",
        ]
        .map(String::from),
    );
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = common::run_bin(
        &argv,
        &[
            ("ADMIN_PW", lab.var("LAB_ADMIN_PW")),
            ("WW_POWERSHELL", &ps_path),
        ],
    );
    assert_eq!(code, 1, "{err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    let cli: Seen = (
        r["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["id"].as_str().unwrap().to_string(),
                    f["object"].as_str().unwrap().to_ascii_lowercase(),
                    f["severity"].as_str().unwrap().to_string(),
                )
            })
            .collect(),
        r["users"]["blocked"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["dn"].as_str().unwrap().to_ascii_lowercase())
            .collect(),
        r["ready"].as_bool().unwrap(),
        r["readiness"]["in_scope"].as_u64().unwrap() as usize,
    );

    // The wizard's check job with the same inputs (the targets the CLI probes for the global
    // cloud; the stand-in reports no connector, so nothing is probed in either face).
    let params = CheckParams {
        directory: DirectoryParams {
            opts: lab.options(),
            user: lab.var("LAB_ADMIN_UPN").into(),
            password: Zeroizing::new(lab.var("LAB_ADMIN_PW").into()),
            kerberos: false,
        },
        options: CheckOptions {
            connector: Some(lab.var("LAB_MSOL_SAM").into()),
            scopes: vec![scope.into()],
            page_size: 1000,
            sync_rules: None,
        },
        cloud: None,
        sync_server: true,
        outbound: writeback_wizard::syncserver::default_targets(
            writeback_wizard::entra::Cloud::Global,
        ),
        powershell: ps.clone(),
        memo: None,
    };
    let mut events = Box::pin(jobs::run_checks(params));
    let mut done = None;
    while let Some(e) = events.next().await {
        if let CheckEvent::Done(r) = e {
            done = Some(r);
        }
    }
    let a = done.expect("the check ends").expect("the check succeeds");
    let wizard: Seen = (
        a.report
            .findings
            .iter()
            .map(|f| {
                (
                    f.id.as_str().to_string(),
                    f.object.to_ascii_lowercase(),
                    serde_json::to_value(f.severity)
                        .unwrap()
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect(),
        a.report
            .users
            .blocked
            .iter()
            .map(|b| b.dn.to_ascii_lowercase())
            .collect(),
        a.report.ready,
        a.report.readiness.in_scope,
    );
    assert!(
        cli.0.iter().any(|(id, ..)| id == "sync-staging-mode"),
        "the sync server was checked: {:?}",
        cli.0
    );
    assert!(!cli.1.is_empty(), "the lab has blocked users");
    assert_eq!(cli, wizard);
}

/// The directory state apply and restore touch in the lab: the DACLs of the root, OU=Blocked and
/// gina, raw.
async fn written_state(lab: &common::Lab) -> Vec<Vec<u8>> {
    let mut admin = lab.admin().await;
    let mut out = Vec::new();
    for dn in [
        lab.var("LAB_BASE_DN"),
        lab.var("LAB_BLOCKED_OU_DN"),
        lab.var("LAB_GINA_DN"),
    ] {
        out.push(
            admin
                .read_security_descriptor(dn, writeback_wizard::ad::controls::DACL)
                .await
                .unwrap()
                .unwrap()
                .raw,
        );
    }
    admin.close().await;
    out
}

/// A run's file and its backup with what differs between any two runs taken out (times,
/// checksums, MACs, the run's own file name).
fn run_files(run: &std::path::Path) -> (serde_json::Value, serde_json::Value) {
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(run).unwrap()).unwrap();
    let stem = run.file_stem().unwrap().to_string_lossy().into_owned();
    let name = m["directories"][0]["backup"].as_str().unwrap().to_string();
    let mut b: serde_json::Value =
        serde_json::from_slice(&std::fs::read(run.with_file_name(&name)).unwrap()).unwrap();
    assert_eq!(m["mac"].as_str().map(str::len), Some(64), "{m}");
    assert_eq!(b["mac"].as_str().map(str::len), Some(64), "{b}");
    for v in [&mut m, &mut b] {
        for k in ["time", "mac", "checksum"] {
            v[k] = json!(null);
        }
    }
    m["directories"][0]["sha256"] = json!(null);
    m["directories"][0]["backup"] = json!(name.replacen(&stem, "RUN", 1));
    (m, b)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_cli_and_the_wizard_write_the_same_and_restore_each_others_runs() {
    use writeback_wizard::engine::write::RunEvent;
    use writeback_wizard::gui::jobs::{ApplyEvent, ApplyParams, RestoreEvent};
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = std::env::temp_dir().join(format!("ww-faces-write-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let before = written_state(&lab).await;
    let connector = lab.var("LAB_MSOL_SAM");
    let cli = |args: &[&str]| {
        let mut argv = vec![args[0].to_string()];
        argv.extend(lab.admin_args(lab.var("LAB_LDAPS_URL")));
        argv.extend(["--connector", connector, "--yes"].map(String::from));
        argv.extend(args[1..].iter().map(|a| a.to_string()));
        let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
        common::run_bin(&argv, &[("ADMIN_PW", lab.var("LAB_ADMIN_PW"))])
    };
    let params = DirectoryParams {
        opts: lab.options(),
        user: lab.var("LAB_ADMIN_UPN").into(),
        password: Zeroizing::new(lab.var("LAB_ADMIN_PW").into()),
        kerberos: false,
    };
    let options = CheckOptions {
        connector: Some(connector.into()),
        ..Default::default()
    };
    let directory = writeback_wizard::engine::Directory {
        label: lab.var("LAB_LDAPS_URL").into(),
        login: params.login(),
        options: options.clone(),
    };
    let wizard_restore = |run: std::path::PathBuf| {
        let directory = directory.clone();
        async move {
            let files = jobs::open_run(run).await.unwrap();
            let parts = jobs::prepare_restore(vec![directory], files).await.unwrap();
            let mut events = Box::pin(jobs::restore(parts));
            let mut done = None;
            while let Some(e) = events.next().await {
                if let RestoreEvent::Done(r) = e {
                    done = Some(r.map(|_| ()).map_err(|e| e.message));
                }
            }
            done.expect("the restore ends")
        }
    };

    // The command line applies; the wizard restores its run.
    let cli_run = dir.join("cli.json");
    let (code, out, err) = cli(&["apply", "--backup", cli_run.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}\n{err}");
    let by_cli = written_state(&lab).await;
    let cli_files = run_files(&cli_run);
    let restored_by_wizard = wizard_restore(cli_run.clone()).await;
    let after_wizard_restore = written_state(&lab).await;

    // The wizard applies the plan it shows; the command line restores its run.
    let planned = jobs::compute_plan(params.clone(), None, options.clone(), Default::default())
        .await
        .unwrap();
    let wizard_run = dir.join("wizard.json");
    let mut events = Box::pin(jobs::apply(ApplyParams {
        directories: vec![(directory.clone(), Arc::new(planned.plan.clone()))],
        manifest: wizard_run.clone(),
        cancel: Default::default(),
        switch: None,
        powershell: Default::default(),
    }));
    let mut done = None;
    let mut backed_up = None;
    while let Some(e) = events.next().await {
        match e {
            ApplyEvent::Done(r) => done = Some(r.map_err(|(e, _)| e.message)),
            ApplyEvent::Run(RunEvent::BackedUp { path, .. }) => backed_up = Some(path),
            _ => {}
        }
    }
    let by_wizard = written_state(&lab).await;
    let wizard_files = (wizard_run.exists()).then(|| run_files(&wizard_run));
    let (code, out, err) = cli(&["restore", "--backup", wizard_run.to_str().unwrap()]);
    let after_cli_restore = written_state(&lab).await;

    assert_eq!(
        restored_by_wizard,
        Ok(()),
        "the wizard restores the CLI's run"
    );
    assert_eq!(after_wizard_restore, before, "back byte for byte");
    assert!(matches!(done, Some(Ok(_))), "{done:?}");
    assert_eq!(
        backed_up,
        Some(writeback_wizard::engine::write::manifest::backup_path(
            &wizard_run,
            1,
            "lab.example.test"
        )),
        "the same backup beside the run's file"
    );
    assert_ne!(by_cli, before, "apply wrote");
    assert_eq!(
        by_wizard, by_cli,
        "the same directory state from both faces"
    );
    assert_eq!(
        wizard_files,
        Some(cli_files),
        "the same run file and backup"
    );
    assert_eq!(code, 0, "the CLI restores the wizard's run: {out}\n{err}");
    assert_eq!(after_cli_restore, before, "back byte for byte");
    std::fs::remove_dir_all(&dir).ok();
}

/// What a face made of a profile's directory: its name, the DC checked, the scope, the
/// connector, and the users in scope.
type Made = (String, String, Vec<String>, String, u64);

/// The wizard's directories of `profile`: loaded as the wizard loads it, each row's password
/// typed and its connection tested (a forest with `all_domains` splits then), each checked.
async fn wizard_directories(profile: &std::path::Path, passwords: &[&str]) -> Vec<Made> {
    use writeback_wizard::gui::intent::Intent;
    use writeback_wizard::gui::run::DirectoryEdit;
    let (settings, _) = writeback_wizard::profile::Settings::load(profile).unwrap();
    let mut shared = writeback_wizard::gui::Shared::new(
        settings,
        Arc::new(writeback_wizard::gui::dialogs::Scripted::new()),
        Ok(std::env::temp_dir()),
    );
    let ids: Vec<_> = shared.directories().all().iter().map(|r| r.id()).collect();
    for (id, pw) in ids.iter().zip(passwords) {
        let typed = DirectoryEdit::Password(Zeroizing::new(pw.to_string()));
        shared.apply(Intent::Directory(*id, typed));
        let row = shared.row(*id).unwrap();
        let tested = jobs::test_connection(row.params().unwrap(), row.settings().connector.clone())
            .await
            .unwrap();
        shared.apply(Intent::Tested(*id, Box::new(tested)));
    }
    let mut out = Vec::new();
    for d in shared.engine_directories().unwrap() {
        let mut options = d.options.clone();
        options.scopes.sort();
        let request = writeback_wizard::engine::Request {
            options,
            ..Default::default()
        };
        let a = writeback_wizard::engine::assess(&d.login, &request, |_| {})
            .await
            .unwrap();
        let r = &a.report;
        let mut scope = r.scope.clone();
        scope.sort();
        out.push((
            d.label.clone(),
            r.directory.dc.to_ascii_lowercase(),
            scope,
            r.connector
                .as_ref()
                .map(|c| c.dn.to_ascii_lowercase())
                .unwrap_or_default(),
            r.readiness.in_scope as u64,
        ));
    }
    out
}

/// A profile means the same in both faces: with `all_domains`, every domain of the forest (each
/// domain root through its own DC) with the scope's OUs in the domain that holds them (an OU
/// outside the forest is in none), and every listed directory with its own sign-in. The command
/// line's `check --profile` and the wizard (the profile loaded, each directory tested) check the
/// same directories, with the same DC, scope, connector and users.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_profile_with_all_domains_gives_the_same_directories_in_both_faces() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let two = common::Lab::second();
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = std::env::temp_dir().join(format!("ww-faces-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut settings = writeback_wizard::profile::Settings {
        server: lab.var("LAB_LDAPS_URL").into(),
        ca_file: Some(lab.var("LAB_CA_FILE").into()),
        user: lab.var("LAB_ADMIN_UPN").into(),
        password_env: "ADMIN_PW".into(),
        all_domains: true,
        sync_all: false,
        scopes: vec![
            lab.var("LAB_LAB_OU_DN").into(),
            "OU=Elsewhere,DC=fabrikam,DC=example".into(),
        ],
        ..Default::default()
    };
    let mut passwords = vec![lab.var("LAB_ADMIN_PW")];
    if let Some(two) = &two {
        settings
            .directories
            .push(writeback_wizard::profile::DirectorySettings {
                server: two.var("LAB2_LDAPS_URL").into(),
                ca_file: Some(two.var("LAB2_CA_FILE").into()),
                user: two.var("LAB2_ADMIN_UPN").into(),
                password_env: "LAB2_PW".into(),
                ..Default::default()
            });
        passwords.push(two.var("LAB2_ADMIN_PW"));
    }
    let profile = dir.join("profile.json");
    settings.save(&profile).unwrap();

    let p = profile.to_string_lossy().into_owned();
    let (_, out, err) = common::run_bin(
        &["check", "--profile", &p, "--format", "json"],
        &[
            ("ADMIN_PW", passwords[0]),
            ("LAB2_PW", passwords.get(1).copied().unwrap_or("")),
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let cli: Vec<Made> = v["directories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let r = &d["report"];
            let mut scope: Vec<String> = r["scope"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_string())
                .collect();
            scope.sort();
            (
                d["label"].as_str().unwrap().to_string(),
                r["directory"]["dc"].as_str().unwrap().to_ascii_lowercase(),
                scope,
                r["connector"]["dn"]
                    .as_str()
                    .unwrap_or_default()
                    .to_ascii_lowercase(),
                r["readiness"]["in_scope"].as_u64().unwrap(),
            )
        })
        .collect();
    let wizard = wizard_directories(&profile, &passwords).await;
    assert_eq!(cli, wizard);
    assert_eq!(
        cli[0].0,
        lab.var("LAB_DNS_DOMAIN"),
        "the forest's domain by its name"
    );
    assert_eq!(
        cli[0].2,
        [lab.var("LAB_LAB_OU_DN").to_string()],
        "the OU outside the forest is in no directory"
    );
    assert_eq!(cli.len(), 1 + usize::from(two.is_some()));
}
