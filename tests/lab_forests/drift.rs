//! A profile's baselines (issue 24, item 2 with `--profile`): `check --profile --save-baseline`
//! writes one file with each forest's sealed baseline; `check --profile --baseline` says each
//! forest's drift since its own (a deny added in the second forest blocks its users — and its
//! connector is really refused — while the first has none); `watch --profile` says the same as
//! one JSON line per forest and stops on SIGINT. An entry edited by hand refuses the whole file
//! before anything connects; a file without a forest's baseline says that forest was not
//! compared, and why (exit 2).

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Instant;

use super::*;
use writeback_wizard::sd::rights::{CLASS_USER, RESET_PASSWORD};
use writeback_wizard::sd::{AccessMask, Ace, AceFlags, Sid};

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or(serde_json::Value::Null)
}

/// `watch --profile` until it printed `n` lines (at most a minute), then SIGINT: the lines and
/// the exit code.
fn watch(one: &Lab, two: &Lab, profile: &str, baseline: &str, n: usize) -> (Vec<String>, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args([
            "watch",
            "--profile",
            profile,
            "--password-env",
            "ADMIN_PW",
            "--baseline",
            baseline,
            "--json",
            "--interval",
            "3600",
        ])
        .env("ADMIN_PW", one.var("LAB_ADMIN_PW"))
        .env("F2_PW", two.var("LAB2_ADMIN_PW"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let (tx, rx) = mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let end = Instant::now() + Duration::from_secs(60);
    let mut lines = Vec::new();
    while lines.len() < n {
        let Some(left) = end.checked_duration_since(Instant::now()) else {
            break;
        };
        match rx.recv_timeout(left) {
            Ok(l) => lines.push(l),
            Err(_) => break,
        }
    }
    let pid = child.id().to_string();
    let _ = Command::new("kill").args(["-INT", &pid]).status();
    let end = Instant::now() + Duration::from_secs(15);
    let code = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s.code().unwrap_or(-1);
        }
        if Instant::now() > end {
            let _ = child.kill();
            break -1;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    (lines, code)
}

#[tokio::test]
async fn a_profiles_drift_is_said_per_forest_and_an_edited_entry_is_refused() {
    let Some((one, two)) = labs() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = std::env::temp_dir().join(format!("ww-forest-drift-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let p = profile(&dir, &one, &two);
    let p = p.to_str().unwrap();
    let set = dir.join("baselines.json");
    let s = set.to_str().unwrap();
    let mut admin2 = bind(&two, "LAB2", "ADMIN").await;
    let root2 = two.var("LAB2_BASE_DN").to_string();
    let users2 = two.var("LAB2_USERS_OU_DN").to_string();
    let msol2: Sid = two.var("LAB2_MSOL_SID").parse().unwrap();
    // The second forest's connector may reset its users when the baselines are saved.
    let mut setup = common::Undo::default();
    let mut undo = common::Undo::default();
    setup
        .add_aces(&mut admin2, &root2, &common::grant(&msol2, CLASS_USER))
        .await;
    setup
        .set_attr(&mut admin2, &root2, "minPwdAge", &["0"])
        .await;
    let profile_args = ["--profile", p, "--password-env", "ADMIN_PW"];
    let check = |extra: &[&str]| {
        let mut args = vec!["check"];
        args.extend(profile_args);
        args.extend(extra);
        run(&one, &two, &args)
    };

    let (save_code, _, save_err) = check(&["--save-baseline", s]);
    let saved = json(&std::fs::read_to_string(&set).unwrap_or_default());
    let (same_code, same, _) = check(&["--baseline", s, "--format", "json"]);
    let same = json(&same);
    let (_, jack_before) = connectors_can_reset(&one, &two).await;

    // A deny of Reset Password for the second forest's connector on its OU=Users.
    undo.prepend_ace(
        &mut admin2,
        &users2,
        Ace::deny(
            AceFlags::CONTAINER_INHERIT,
            AccessMask::CONTROL_ACCESS,
            msol2.clone(),
            Some(RESET_PASSWORD),
            None,
        ),
    )
    .await;
    let (_, jack_after) = connectors_can_reset(&one, &two).await;
    let (drift_code, drift, drift_err) = check(&["--baseline", s, "--format", "json"]);
    let drift = json(&drift);
    let (_, drift_text, _) = check(&["--baseline", s]);
    let (watched, watch_code) = watch(&one, &two, p, s, 2);

    // An entry edited by hand; a file without the second forest's baseline.
    let mut edited = saved.clone();
    edited["directories"][1]["baseline"]["time"] = "2020-01-01T00:00:00Z".into();
    let edited_path = dir.join("edited.json");
    std::fs::write(&edited_path, edited.to_string()).unwrap();
    let (edited_code, _, edited_err) = check(&[
        "--baseline",
        edited_path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let mut partial = saved.clone();
    if let Some(d) = partial["directories"].as_array_mut() {
        d.truncate(1);
    }
    let partial_path = dir.join("partial.json");
    std::fs::write(&partial_path, partial.to_string()).unwrap();
    let (partial_code, partial_out, _) = check(&[
        "--baseline",
        partial_path.to_str().unwrap(),
        "--format",
        "json",
    ]);

    undo.undo(&mut admin2).await;
    setup.undo(&mut admin2).await;
    let _ = std::fs::remove_dir_all(&dir);

    assert_eq!(save_code, 1, "the lab is not ready: {save_err}");
    assert_eq!(saved["format"], "writeback-wizard-baselines", "{saved}");
    let entries = saved["directories"].as_array().expect("a set");
    assert_eq!(entries.len(), 2, "{saved}");
    assert_eq!(
        entries[1]["baseline"]["domain_sid"],
        two.var("LAB2_DOMAIN_SID"),
        "the second entry is the second forest's"
    );
    assert_eq!(same_code, 0, "no drift right after: {same}");
    let same = same["directories"].as_array().unwrap();
    assert!(same.iter().all(|d| d["no_drift"] == true), "{same:?}");

    // The DC: the connector reset jack before the deny and is refused after it.
    assert!(
        jack_before,
        "the second connector could reset jack at the baseline"
    );
    assert!(
        !jack_after,
        "the DC refuses the second connector on jack after the deny"
    );
    assert_eq!(
        drift_code, 1,
        "drift that blocks users: {drift} {drift_err}"
    );
    let d = drift["directories"].as_array().unwrap();
    assert_eq!(
        d[0]["no_drift"], true,
        "the first forest has none: {}",
        d[0]
    );
    assert_eq!(d[1]["blocks_users"], true, "{}", d[1]);
    let deny = format!("right-denied@{}", users2.to_ascii_lowercase());
    assert!(
        d[1]["drift"]["causes_new"]
            .as_object()
            .is_some_and(|c| c.contains_key(&deny)),
        "{}",
        d[1]
    );
    assert!(
        d[1]["drift"]["newly_blocked"]
            .as_object()
            .is_some_and(|b| b.contains_key(two.var("LAB2_JACK_DN"))),
        "jack is newly blocked: {}",
        d[1]
    );
    assert!(
        drift_text.contains("── ") && drift_text.contains(&format!("+ {deny}: new, blocks")),
        "{drift_text}"
    );
    assert!(
        drift_text.contains("No drift since the baseline"),
        "{drift_text}"
    );

    // The watch: one line per forest, then SIGINT ends it with 0.
    let events: Vec<serde_json::Value> = watched.iter().map(|l| json(l)).collect();
    assert_eq!(events.len(), 2, "{watched:?}");
    assert!(
        events.iter().any(|e| e["event"] == "no-drift"),
        "{watched:?}"
    );
    assert!(
        events
            .iter()
            .any(|e| e["event"] == "drift" && e["blocks_users"] == true),
        "{watched:?}"
    );
    assert_eq!(watch_code, 0, "SIGINT ends the watch with 0");

    assert_eq!(edited_code, 2, "an edited entry: {edited_err}");
    assert!(
        edited_err.contains("changed after it was saved"),
        "{edited_err}"
    );
    assert_eq!(
        partial_code, 2,
        "a forest without its baseline: {partial_out}"
    );
    let partial = json(&partial_out);
    let p = partial["directories"].as_array().unwrap();
    assert_eq!(p[0]["no_drift"], true, "{partial}");
    assert!(
        p[1]["error"].as_str().is_some_and(
            |e| e.contains("the baseline is of DC=lab") && e.contains("not of DC=forest2")
        ),
        "{partial}"
    );
}
