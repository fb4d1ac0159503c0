//! Several forests in one run (issue 15, item 3), against two Samba DCs side by side: the main
//! lab on 127.0.0.1 and the second forest on 127.0.0.2 (`scripts/lab up --forest2`).
//!
//! - `check --profile` reports both, each in its own section; `plan --profile` plans each;
//!   `apply --profile` grants in both with one backup each; each forest's connector then really
//!   resets a user of its forest (bound as itself, on its own DC) and could not before;
//!   `restore --profile` puts both back byte for byte, and the connectors are refused again.
//! - The directories are assessed concurrently: the first forest's DC is reached through a gate
//!   that opens only when the second forest's assessment has finished. One after the other, the
//!   first would wait for a gate that never opens; concurrently, both finish.
//! - `drift`: a profile's baselines, its drift per forest and its watch.

#[path = "../common/mod.rs"]
mod common;
mod drift;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use common::{Lab, Op};
use writeback_wizard::ad::{ConnectOptions, Connection, SimpleCredential, controls};
use writeback_wizard::check::CheckOptions;
use writeback_wizard::engine::directories::{DirectoryJob, DirectoryProgress, assess_all};
use writeback_wizard::engine::{Credential, Login, Request};
use zeroize::Zeroizing;

fn labs() -> Option<(Lab, Lab)> {
    Some((Lab::get()?, Lab::second()?))
}

fn options(lab: &Lab, prefix: &str, url: &str) -> ConnectOptions {
    let mut o = ConnectOptions::new(url);
    o.ca_file = Some(lab.var(&format!("{prefix}_CA_FILE")).into());
    o.timeout = Duration::from_secs(30);
    o
}

async fn bind(lab: &Lab, prefix: &str, who: &str) -> Connection {
    let o = options(lab, prefix, lab.var(&format!("{prefix}_LDAPS_URL")));
    Connection::simple(
        &o,
        &SimpleCredential {
            user: lab.var(&format!("{prefix}_{who}_UPN")).to_string(),
            password: Zeroizing::new(lab.var(&format!("{prefix}_{who}_PW")).to_string()),
        },
    )
    .await
    .unwrap_or_else(|e| panic!("bind as {prefix} {who}: {e}"))
}

async fn root_dacl(conn: &mut Connection, dn: &str) -> Vec<u8> {
    conn.read_security_descriptor(dn, controls::DACL)
        .await
        .unwrap()
        .unwrap()
        .raw
}

/// A profile with both forests: the main lab as the main directory (its password from
/// --password-env), the second forest listed with its own `password_env`.
fn profile(dir: &Path, one: &Lab, two: &Lab) -> PathBuf {
    let p = dir.join("forests.json");
    let text = serde_json::json!({"schema": 1, "settings": {
        "server": one.var("LAB_LDAPS_URL"), "ca_file": one.var("LAB_CA_FILE"),
        "user": one.var("LAB_ADMIN_UPN"),
        "directories": [{"server": two.var("LAB2_LDAPS_URL"), "ca_file": two.var("LAB2_CA_FILE"),
                         "user": two.var("LAB2_ADMIN_UPN"), "password_env": "F2_PW"}]}});
    std::fs::write(&p, text.to_string()).unwrap();
    p
}

fn run(one: &Lab, two: &Lab, args: &[&str]) -> (i32, String, String) {
    common::run_bin(
        args,
        &[
            ("ADMIN_PW", one.var("LAB_ADMIN_PW")),
            ("F2_PW", two.var("LAB2_ADMIN_PW")),
        ],
    )
}

/// Whether each forest's connector may reset a user of its forest, really tried on its DC.
async fn connectors_can_reset(one: &Lab, two: &Lab) -> (bool, bool) {
    let mut msol1 = bind(one, "LAB", "MSOL").await;
    let mut admin1 = bind(one, "LAB", "ADMIN").await;
    let first = common::attempt(
        &mut msol1,
        &mut admin1,
        one.var("LAB_ALICE_DN"),
        Op::Reset,
        one.var("LAB_USER_PW"),
    )
    .await
    .unwrap();
    let mut msol2 = bind(two, "LAB2", "MSOL").await;
    let mut admin2 = bind(two, "LAB2", "ADMIN").await;
    let second = common::attempt(
        &mut msol2,
        &mut admin2,
        two.var("LAB2_JACK_DN"),
        Op::Reset,
        two.var("LAB2_USER_PW"),
    )
    .await
    .unwrap();
    (first, second)
}

#[tokio::test]
async fn two_forests_are_checked_applied_proved_and_restored_in_one_run() {
    let Some((one, two)) = labs() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = std::env::temp_dir().join(format!("ww-forests-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let p = profile(&dir, &one, &two);
    let p = p.to_str().unwrap();
    let manifest = dir.join("run.json");
    let m = manifest.to_str().unwrap();
    let mut a1 = bind(&one, "LAB", "ADMIN").await;
    let mut a2 = bind(&two, "LAB2", "ADMIN").await;
    let before = (
        root_dacl(&mut a1, one.var("LAB_BASE_DN")).await,
        root_dacl(&mut a2, two.var("LAB2_BASE_DN")).await,
    );
    let refused_before = connectors_can_reset(&one, &two).await;

    let check = run(
        &one,
        &two,
        &[
            "check",
            "--profile",
            p,
            "--password-env",
            "ADMIN_PW",
            "--format",
            "json",
        ],
    );
    let plan = run(
        &one,
        &two,
        &[
            "plan",
            "--profile",
            p,
            "--password-env",
            "ADMIN_PW",
            "--format",
            "json",
        ],
    );
    let apply = run(
        &one,
        &two,
        &[
            "apply",
            "--profile",
            p,
            "--password-env",
            "ADMIN_PW",
            "--yes",
            "--backup",
            m,
        ],
    );
    let allowed_after_apply = connectors_can_reset(&one, &two).await;
    let html = dir.join("report.html");
    let report = run(
        &one,
        &two,
        &[
            "check",
            "--profile",
            p,
            "--password-env",
            "ADMIN_PW",
            "--format",
            "html",
            "-o",
            html.to_str().unwrap(),
        ],
    );
    // Restore whatever happened above, then judge.
    let restore = run(
        &one,
        &two,
        &[
            "restore",
            "--profile",
            p,
            "--password-env",
            "ADMIN_PW",
            "--yes",
            "--backup",
            m,
        ],
    );
    let refused_after_restore = connectors_can_reset(&one, &two).await;
    let after = (
        root_dacl(&mut a1, one.var("LAB_BASE_DN")).await,
        root_dacl(&mut a2, two.var("LAB2_BASE_DN")).await,
    );

    let (code, out, err) = &check;
    assert_eq!(*code, 1, "not ready in either forest yet: {err}");
    let v: serde_json::Value = serde_json::from_str(out).unwrap();
    let dirs = v["directories"].as_array().unwrap();
    assert_eq!(dirs.len(), 2, "{out}");
    assert_eq!(
        dirs[0]["report"]["directory"]["dns_name"],
        "lab.example.test"
    );
    assert_eq!(
        dirs[1]["report"]["directory"]["dns_name"],
        "forest2.example.test"
    );
    assert_eq!(
        dirs[1]["report"]["connector"]["sam_account_name"],
        "MSOL_forest2"
    );
    for d in dirs {
        let ids: Vec<&str> = d["report"]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["id"].as_str().unwrap())
            .collect();
        assert!(
            ids.contains(&"right-reset-password"),
            "{}: {ids:?}",
            d["label"]
        );
    }
    assert_eq!(v["ready"], false);

    let (code, out, err) = &plan;
    assert_eq!(*code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(out).unwrap();
    let plans = v["plans"].as_array().unwrap();
    assert_eq!(plans.len(), 2, "a plan per directory: {out}");
    assert_eq!(plans[0]["plan"]["domain_dn"], one.var("LAB_BASE_DN"));
    assert_eq!(plans[1]["plan"]["domain_dn"], two.var("LAB2_BASE_DN"));
    assert!(
        plans[1]["plan"]["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["dn"] == two.var("LAB2_BASE_DN")),
        "the second forest's root gets the grants: {out}"
    );

    let (code, out, err) = &apply;
    assert_eq!(*code, 0, "{out}\n{err}");
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&manifest).unwrap()).unwrap();
    let backups = written["directories"].as_array().unwrap();
    assert_eq!(backups.len(), 2, "one backup per directory");
    for b in backups {
        // Each directory's backup lies beside the run's file, by name.
        assert!(
            manifest
                .with_file_name(b["backup"].as_str().unwrap())
                .exists(),
            "{b}"
        );
    }
    assert_eq!(
        written["mac"].as_str().map(str::len),
        Some(64),
        "the run's file is authenticated"
    );

    let (code, _, err) = &report;
    assert!(*code == 0 || *code == 1, "{err}");
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("lab.example.test") && page.contains("forest2.example.test"),
        "a section per forest"
    );
    assert_eq!(page.matches("<html").count(), 1, "one page");

    let (code, out, err) = &restore;
    assert_eq!(*code, 0, "{out}\n{err}");
    assert_eq!(
        refused_before,
        (false, false),
        "neither connector could reset before"
    );
    assert_eq!(
        allowed_after_apply,
        (true, true),
        "both connectors reset after apply"
    );
    assert_eq!(
        refused_after_restore,
        (false, false),
        "refused again after restore"
    );
    assert!(after == before, "both domain roots are back byte for byte");
    std::fs::remove_dir_all(&dir).ok();
}

/// Listens on a free loopback port; each connection is forwarded to `target` only once `gate`
/// is open (or closed after 60 s).
fn gated(target: &str, gate: Arc<AtomicBool>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let target = target.to_string();
    std::thread::spawn(move || {
        for client in listener.incoming().flatten() {
            let (gate, target) = (gate.clone(), target.clone());
            std::thread::spawn(move || {
                for _ in 0..3000 {
                    if gate.load(Ordering::SeqCst) {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                if !gate.load(Ordering::SeqCst) {
                    return;
                }
                let Ok(server) = TcpStream::connect(&target) else {
                    return;
                };
                let pipe = |mut from: TcpStream, mut to: TcpStream| {
                    std::thread::spawn(move || {
                        let mut buf = [0u8; 16384];
                        while let Ok(n) = from.read(&mut buf) {
                            if n == 0 || to.write_all(&buf[..n]).is_err() {
                                break;
                            }
                        }
                        let _ = to.shutdown(std::net::Shutdown::Both);
                    });
                };
                pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
                pipe(server, client);
            });
        }
    });
    port
}

fn job(lab: &Lab, prefix: &str, url: &str, label: &str) -> DirectoryJob {
    DirectoryJob {
        label: label.into(),
        login: Login {
            options: options(lab, prefix, url),
            credential: Credential::Password(SimpleCredential {
                user: lab.var(&format!("{prefix}_ADMIN_UPN")).into(),
                password: Zeroizing::new(lab.var(&format!("{prefix}_ADMIN_PW")).into()),
            }),
        },
        request: Request {
            options: CheckOptions {
                page_size: 1000,
                ..CheckOptions::default()
            },
            ..Request::default()
        },
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn directories_are_assessed_concurrently_not_one_after_the_other() {
    let Some((one, two)) = labs() else { return };
    let gate = Arc::new(AtomicBool::new(false));
    let port = gated("127.0.0.1:636", gate.clone());
    let jobs = vec![
        job(
            &one,
            "LAB",
            &format!("ldaps://127.0.0.1:{port}"),
            "lab (gated)",
        ),
        job(&two, "LAB2", two.var("LAB2_LDAPS_URL"), "forest2"),
    ];
    let mut finished = Vec::new();
    let outcomes = assess_all(jobs, |i, p| {
        if let DirectoryProgress::Finished = p {
            finished.push(i);
            if i == 1 {
                // The second forest is done: only now may the first reach its DC.
                gate.store(true, Ordering::SeqCst);
            }
        }
    })
    .await;
    assert_eq!(
        finished,
        [1, 0],
        "the second forest finished while the first waited"
    );
    for o in &outcomes {
        let a = o
            .result
            .as_ref()
            .unwrap_or_else(|e| panic!("{}: {e}", o.label));
        assert!(!a.report.findings.is_empty(), "{}", o.label);
    }
    assert_eq!(
        outcomes[0].label, "lab (gated)",
        "outcomes in the order asked"
    );
    assert_eq!(
        outcomes[1]
            .result
            .as_ref()
            .unwrap()
            .report
            .directory
            .dns_name,
        "forest2.example.test"
    );
}
