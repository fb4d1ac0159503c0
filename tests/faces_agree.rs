//! The CLI and the wizard run one assessment (`engine::assess`): the same inputs — the lab's
//! DC and admin, the same connector and scope, the same sync server (a stand-in PowerShell) —
//! give the same findings, the same blocked users and the same verdict in both faces.

mod common;

use std::collections::BTreeSet;

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
        },
        cloud: None,
        outbound: writeback_wizard::syncserver::default_targets(
            writeback_wizard::entra::Cloud::Global,
        ),
        powershell: ps.clone(),
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
