//! `check --entra` and `apply --enable-writeback` as people run them: the binary signs in with
//! the device code flow against a local stand-in of the identity platform and Microsoft Graph
//! (answering with the documented JSON), reads the lab, and reports both sides in one report.

mod common;

use serde_json::json;
use wiremock::MockServer;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn check_with_entra_reports_directory_cloud_and_sync_server_together() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let server = MockServer::start().await;
    common::entra_tenant(&server, false).await;
    let mut args = lab.check_args();
    args.extend(common::entra_args(&server));
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(&args)
        .env("ADMIN_PW", lab.var("LAB_ADMIN_PW"))
        .env("WW_POWERSHELL", "/nonexistent/powershell.exe")
        .output()
        .await
        .unwrap();
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("WXYZ-1234"),
        "the device code is shown: {stderr}"
    );
    assert!(
        !stderr.contains("SECRET") && !stdout.contains("SECRET"),
        "tokens never printed"
    );
    let r: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(r["cloud"]["checked"], true);
    assert_eq!(r["cloud"]["signed_in_as"], "ada@contoso.example");
    assert_eq!(r["cloud"]["tenant"], "Contoso");
    let ids: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    for id in [
        "cloud-license",
        "sync-not-installed",
        "cloud-sync-features",
        "right-reset-password",
    ] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    assert!(
        !ids.contains(&"cloud-role") && !ids.contains(&"read-incomplete"),
        "{ids:?}"
    );
}

#[test]
fn a_plain_check_says_the_cloud_was_not_checked() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let _g = common::DIRECTORY_LOCK.blocking_lock();
    let mut args = lab.check_args();
    args.extend(["--format", "json"].map(String::from));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (_, out, _) = common::run_bin(&argv, &[("ADMIN_PW", lab.var("LAB_ADMIN_PW"))]);
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["cloud"]["checked"], false);
}

#[tokio::test]
async fn apply_enable_writeback_switches_it_on_and_restore_leaves_it() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let off = json!({"installed": true, "stagingModeEnabled": false, "passwordWritebackEnabled": false, "errors": [],
        "connectors": [{"name": "contoso.onmicrosoft.com - AAD", "identifier": "b891884f-051e-4a83-95af-2544101c9083", "type": "Extensible2"}]});
    let (ps, dir) = common::stand_in("cli-enable", &off, (r#"{"enabled":true}"#, 0), false);
    let backup = dir.join("backup.json");
    let mut args: Vec<String> = [
        "apply",
        "--yes",
        "--enable-writeback",
        "--backup",
        backup.to_str().unwrap(),
    ]
    .map(String::from)
    .to_vec();
    args.extend(lab.check_args().into_iter().skip(1));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let ps_path = ps.exe.to_string_lossy().into_owned();
    let (code, out, err) = common::run_bin(
        &argv,
        &[
            ("ADMIN_PW", lab.var("LAB_ADMIN_PW")),
            ("WW_POWERSHELL", &ps_path),
        ],
    );
    let restore: Vec<String> = ["restore", "--yes", "--backup", backup.to_str().unwrap()]
        .map(String::from)
        .into_iter()
        .chain(lab.check_args().into_iter().skip(1))
        .collect();
    let rargv: Vec<&str> = restore.iter().map(String::as_str).collect();
    let (rcode, _, rerr) = common::run_bin(&rargv, &[("ADMIN_PW", lab.var("LAB_ADMIN_PW"))]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Password writeback is now enabled"), "{out}");
    let sent = std::fs::read_to_string(dir.join("last-script.ps1")).unwrap();
    assert!(sent.contains("Set-ADSyncAADPasswordResetConfiguration -Connector 'contoso.onmicrosoft.com - AAD' -Enable $true"));
    assert_eq!(rcode, 0, "{rerr}");
}

#[tokio::test]
async fn apply_switches_cloud_sync_writeback_on_from_an_agent_server() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let agent = json!({"installed": false, "errors": [], "cloudSyncAgent": {
        "installed": true, "version": "1.1.2505.0", "serviceStatus": "Running",
        "installDir": "C:\\Program Files\\Microsoft Azure AD Connect Provisioning Agent",
        "modulePresent": true, "errors": []}});
    let (ps, dir) = common::stand_in("cli-cloud-sync", &agent, (r#"{"ran":true}"#, 0), false);
    let backup = dir.join("backup.json");
    let mut args: Vec<String> = [
        "apply",
        "--yes",
        "--enable-cloud-sync-writeback",
        "--hybrid-admin",
        "hybrid@contoso.onmicrosoft.com",
        "--hybrid-admin-password-env",
        "HYBRID_PW",
        "--backup",
        backup.to_str().unwrap(),
    ]
    .map(String::from)
    .to_vec();
    args.extend(lab.check_args().into_iter().skip(1));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let ps_path = ps.exe.to_string_lossy().into_owned();
    let (code, out, err) = common::run_bin(
        &argv,
        &[
            ("ADMIN_PW", lab.var("LAB_ADMIN_PW")),
            ("HYBRID_PW", "Hybrid!Secret#9"),
            ("WW_POWERSHELL", &ps_path),
        ],
    );
    if backup.exists() {
        let restore: Vec<String> = ["restore", "--yes", "--backup", backup.to_str().unwrap()]
            .map(String::from)
            .into_iter()
            .chain(lab.check_args().into_iter().skip(1))
            .collect();
        let rargv: Vec<&str> = restore.iter().map(String::as_str).collect();
        let (rcode, _, rerr) = common::run_bin(&rargv, &[("ADMIN_PW", lab.var("LAB_ADMIN_PW"))]);
        assert_eq!(rcode, 0, "{rerr}");
    }
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Set-AADCloudSyncPasswordWritebackConfiguration -Enable $true ran"),
        "{out}"
    );
    let sent = std::fs::read_to_string(dir.join("last-script.ps1")).unwrap();
    assert!(sent.contains("PSCredential('hybrid@contoso.onmicrosoft.com', $secure)"));
    assert!(
        !sent.contains("Secret#9"),
        "the password is not in the script"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("stdin-line")).unwrap(),
        "Hybrid!Secret#9"
    );
    // Without a password source and without a terminal: refused before anything runs.
    let mut no_pw = args.clone();
    let i = no_pw
        .iter()
        .position(|a| a == "--hybrid-admin-password-env")
        .unwrap();
    no_pw.drain(i..i + 2);
    let argv: Vec<&str> = no_pw.iter().map(String::as_str).collect();
    let (code, _, err) = common::run_bin(
        &argv,
        &[
            ("ADMIN_PW", lab.var("LAB_ADMIN_PW")),
            ("WW_POWERSHELL", &ps_path),
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--hybrid-admin-password-env"), "{err}");
}

#[test]
fn check_with_a_pilot_group_adds_the_table_to_every_format_and_writes_csv() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let _g = common::DIRECTORY_LOCK.blocking_lock();
    let dir = std::env::temp_dir().join(format!("ww-pilot-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("pilot.csv");
    for (format, marker) in [
        ("json", "\"pilot\""),
        ("markdown", "## Pilot group Domain Admins"),
        ("html", "<h2>Pilot group Domain Admins</h2>"),
        ("text", "Pilot group Domain Admins: 2 member(s)"),
    ] {
        let mut args = lab.check_args();
        args.extend(
            [
                "--pilot-group",
                "Domain Admins",
                "--pilot-csv",
                csv.to_str().unwrap(),
                "--format",
                format,
            ]
            .map(String::from),
        );
        let argv: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = common::run_bin(&argv, &[("ADMIN_PW", lab.var("LAB_ADMIN_PW"))]);
        assert_eq!(code, 1, "{format}: {err}");
        assert!(out.contains(marker), "{format}: {out}");
    }
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(text.lines().count(), 3, "header, Administrator, dave");
    assert!(text.contains("dave") && text.contains("blocked") && text.contains("admin-protected"));
    std::fs::remove_dir_all(&dir).ok();
}

/// Answers the device-code poll with "pending" twice, then with the token — and only then opens
/// the port the check was told to use for the DC (a forwarder to the lab). A check that opened
/// its directory connection before the sign-in finds the port closed.
struct TokenOpensTheDirectory {
    polls: std::sync::atomic::AtomicU32,
    port: u16,
    opened: std::sync::Mutex<Option<common::forward::Forwarder>>,
}

impl wiremock::Respond for TokenOpensTheDirectory {
    fn respond(&self, _: &wiremock::Request) -> wiremock::ResponseTemplate {
        let n = self.polls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if n < 2 {
            return wiremock::ResponseTemplate::new(400).set_body_json(
                json!({"error": "authorization_pending", "error_description": "pending"}),
            );
        }
        let mut opened = self.opened.lock().unwrap();
        if opened.is_none() {
            *opened = Some(common::forward::Forwarder::start(
                &format!("127.0.0.1:{}", self.port),
                "127.0.0.1:636".parse().unwrap(),
                None,
            ));
        }
        wiremock::ResponseTemplate::new(200).set_body_json(json!({
            "token_type": "Bearer", "expires_in": 3599,
            "access_token": "SECRET-ACCESS-TOKEN", "refresh_token": "SECRET-REFRESH"
        }))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_directory_is_connected_only_after_a_slow_sign_in() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let server = MockServer::start().await;
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let responder = TokenOpensTheDirectory {
        polls: Default::default(),
        port,
        opened: Default::default(),
    };
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .and(wiremock::matchers::path(
            "/contoso.example/oauth2/v2.0/token",
        ))
        .respond_with(responder)
        .with_priority(1)
        .mount(&server)
        .await;
    common::entra_tenant(&server, true).await;
    let mut args = lab.check_args();
    let i = args.iter().position(|a| a == "--server").unwrap();
    args[i + 1] = format!("ldaps://127.0.0.1:{port}");
    args.extend(common::entra_args(&server));
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(&args)
        .env("ADMIN_PW", lab.var("LAB_ADMIN_PW"))
        .env("WW_POWERSHELL", "/nonexistent/powershell.exe")
        .output()
        .await
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["cloud"]["checked"], true);
    assert!(r["readiness"]["in_scope"].as_u64().unwrap() > 0, "{r}");
}

/// `--lang de-DE`: a plan file that is refused, a Graph read that is refused and a sync server
/// whose PowerShell answers nonsense are all said in German (the codes and paths stay as they
/// are).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_plan_a_graph_refusal_and_a_powershell_failure_are_said_in_german() {
    let Some(lab) = common::Lab::get() else {
        return;
    };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let dir = std::env::temp_dir().join(format!("ww-german-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("not-a-plan.json");
    std::fs::write(&bad, "not json").unwrap();
    let (code, out, err) = lab.cli(
        &[
            "--lang",
            "de-DE",
            "apply",
            "--plan",
            bad.to_str().unwrap(),
            "--yes",
        ],
        None,
        &[],
    );
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(
        err.starts_with("Fehler: ") && err.contains("ist kein Plan"),
        "{err}"
    );

    let server = MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("GET"))
        .and(wiremock::matchers::path("/v1.0/subscribedSkus"))
        .respond_with(
            wiremock::ResponseTemplate::new(403).set_body_json(json!({"error": {
            "code": "Authorization_RequestDenied",
            "message": "Insufficient privileges to complete the operation."}})),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    common::entra_tenant(&server, true).await;
    let (ps, _ps_dir) = common::stand_in("german", &json!("not the read's JSON"), ("{}", 0), false);
    let ps_path = ps.exe.to_string_lossy().into_owned();
    let mut args: Vec<String> = vec!["--lang".into(), "de-DE".into()];
    args.extend(lab.check_args());
    args.extend(common::entra_args(&server));
    let out = tokio::process::Command::new(env!("CARGO_BIN_EXE_writeback-wizard"))
        .args(&args)
        .env("ADMIN_PW", lab.var("LAB_ADMIN_PW"))
        .env("WW_POWERSHELL", &ps_path)
        .output()
        .await
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let r: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(r["lang"], "de-DE");
    let incomplete: Vec<&serde_json::Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "read-incomplete")
        .collect();
    let detail = |object: &str| {
        incomplete
            .iter()
            .find(|f| f["object"] == object)
            .and_then(|f| f["detail"].as_str())
            .unwrap_or_else(|| panic!("no read-incomplete for {object}: {incomplete:?}"))
            .to_string()
    };
    let tenant = detail("tenant");
    assert!(
        tenant.starts_with("Nicht gelesen: /subscribedSkus: ")
            && tenant.contains("Organization.Read.All")
            && !tenant.contains("Not read"),
        "{tenant}"
    );
    let sync = detail("sync server");
    assert!(
        sync.starts_with("PowerShell hat etwas Unerwartetes geantwortet: "),
        "{sync}"
    );
}
