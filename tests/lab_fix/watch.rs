//! `watch`: a deny added on an OU is reported within 5 s on the lab (the DC's change
//! notification wakes it), as one JSON line naming the new cause, the change and the user it
//! blocked, read incrementally (only that OU's users judged again); SIGINT stops it cleanly
//! (exit 0).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::*;

/// The lines of a child's pipe, as they come.
fn lines(pipe: impl std::io::Read + Send + 'static) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(pipe).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// The first line within `limit` that `want` accepts.
fn wait_for(
    rx: &mpsc::Receiver<String>,
    limit: Duration,
    want: impl Fn(&str) -> bool,
) -> Option<String> {
    let end = Instant::now() + limit;
    while let Some(left) = end.checked_duration_since(Instant::now()) {
        match rx.recv_timeout(left) {
            Ok(line) if want(&line) => return Some(line),
            Ok(_) => {}
            Err(_) => return None,
        }
    }
    None
}

#[tokio::test]
async fn watch_reports_a_new_deny_within_seconds_and_stops_on_sigint() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = common::Undo::default();
    let delegated_ou = lab.var("LAB_DELEGATED_OU_DN").to_string();
    let msol: writeback_wizard::sd::Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    // What apply grants, so that most users are ready.
    let setup = granted(&lab, &mut admin).await;

    let mut args = vec![
        "watch".to_string(),
        "--json".to_string(),
        "--interval".to_string(),
        "3600".to_string(),
    ];
    args.extend(lab.admin_args(lab.var("LAB_LDAPS_URL")));
    let mut child = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(&args)
        .env("ADMIN_PW", lab.var("LAB_ADMIN_PW"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = lines(child.stdout.take().unwrap());
    let err = lines(child.stderr.take().unwrap());
    let started = wait_for(&err, Duration::from_secs(60), |l| l.contains("Watching"));

    // (a) a deny of Reset Password for the connector on OU=Delegated.
    let at = Instant::now();
    undo.prepend_ace(&mut admin, &delegated_ou, deny_reset(&msol))
        .await;
    let deny = format!("right-denied@{}", delegated_ou.to_ascii_lowercase());
    let event = wait_for(&out, Duration::from_secs(30), |l| l.contains(&deny));
    let took = at.elapsed();

    // SIGINT, as Ctrl+C sends it.
    let pid = child.id().to_string();
    let signalled = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    let end = Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if Instant::now() > end {
            let _ = child.kill();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stopped = wait_for(&err, Duration::from_secs(2), |l| l.contains("Stopped."));
    undo.undo(&mut admin).await;
    setup.undo(&mut admin).await;

    assert!(started.is_some(), "the watch started");
    assert!(
        started.unwrap().contains("change notifications"),
        "it uses the DC's notifications"
    );
    let event = event.expect("the deny is reported");
    let v: serde_json::Value = serde_json::from_str(&event).unwrap();
    assert_eq!(v["event"], "drift");
    assert_eq!(v["blocks_users"], true);
    assert!(
        v["drift"]["newly_blocked"]
            .as_object()
            .unwrap()
            .contains_key(lab.var("LAB_FRANK_DN")),
        "{v}"
    );
    assert!(
        v["drift"]["changes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["object"] == delegated_ou.to_ascii_lowercase()
                && c["attribute"] == "nTSecurityDescriptor"),
        "{v}"
    );
    // The check after the notification read only what changed: OU=Delegated's users.
    assert_eq!(v["checked"]["scan"], "incremental", "{v}");
    assert_eq!(
        v["checked"]["subtrees"],
        serde_json::json!([delegated_ou.to_ascii_lowercase()]),
        "{v}"
    );
    assert!(took <= Duration::from_secs(5), "reported after {took:?}");
    assert!(signalled.success());
    assert_eq!(
        status.map(|s| s.code()),
        Some(Some(0)),
        "SIGINT ends it with 0"
    );
    assert!(stopped.is_some(), "it says it stopped");
}
