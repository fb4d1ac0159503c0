//! Who counts: only the users the sync engine synchronizes. The lab's Guest, krbtgt, the DNS
//! service account and the Administrator (critical system objects), the connector itself
//! (`MSOL_`) and an `AAD_` account are listed apart as not synchronized, with their rule, and
//! counted nowhere else, in every format; a custom scoping filter read from the sync server
//! (the PowerShell stand-in) leaves out the users it names. And a check that looked at the
//! directory alone gives no tick to the tenant, the sync server or the pilot table.

use super::*;
use serde_json::json;

/// The check through the binary, as the administrator, with `extra` arguments and `env`.
fn check(lab: &Lab, extra: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut args = lab.check_args();
    args.extend(extra.iter().map(|s| s.to_string()));
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut envs = vec![("ADMIN_PW", lab.var("LAB_ADMIN_PW"))];
    envs.extend_from_slice(env);
    common::run_bin(&argv, &envs)
}

/// (lower-case DN, rule id, rule value) of each user the JSON report lists as not synchronized.
fn not_synced(json: &serde_json::Value) -> Vec<(String, String, String)> {
    json["users"]["not_synchronized"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|u| {
            let value = ["prefix", "value", "name"]
                .iter()
                .find_map(|k| u[*k].as_str())
                .unwrap_or("")
                .to_string();
            (
                u["dn"].as_str().unwrap_or("").to_ascii_lowercase(),
                u["rule"].as_str().unwrap_or("").to_string(),
                value,
            )
        })
        .collect()
}

#[tokio::test]
async fn users_the_sync_engine_leaves_out_are_listed_apart_with_their_rule_in_every_format() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let aad = format!("CN=AAD_9f1c,{}", lab.var("LAB_USERS_OU_DN"));
    admin
        .add(
            &aad,
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                ("sAMAccountName", vec![b"AAD_9f1c".to_vec()]),
            ],
        )
        .await
        .unwrap();
    undo.created(&aad);
    let base = lab.var("LAB_BASE_DN");
    let users = format!("CN=Users,{base}");
    let expected = [
        (format!("CN=Guest,{users}"), "critical-system-object", ""),
        (format!("CN=krbtgt,{users}"), "critical-system-object", ""),
        (format!("CN=dns-dc1,{users}"), "critical-system-object", ""),
        (
            format!("CN=Administrator,{users}"),
            "critical-system-object",
            "",
        ),
        (
            lab.var("LAB_MSOL_DN").to_string(),
            "service-account",
            "MSOL_",
        ),
        (aad.clone(), "service-account", "AAD_"),
    ];
    let (_, json_out, json_err) = check(&lab, &["--format", "json"], &[]);
    let (_, text, _) = check(&lab, &[], &[]);
    let (_, german, _) = check(&lab, &["--lang", "de-DE"], &[]);
    let (_, markdown, _) = check(&lab, &["--format", "markdown"], &[]);
    let (_, html, _) = check(&lab, &["--format", "html"], &[]);
    let (_, csv, _) = check(&lab, &["--format", "csv"], &[]);
    let persons = admin
        .search(
            base,
            ldap3::Scope::Subtree,
            "(&(objectCategory=person)(objectClass=user))",
            &["dn"],
            vec![],
        )
        .await
        .unwrap()
        .len();
    undo.undo(&mut admin).await;

    let json: serde_json::Value = serde_json::from_str(&json_out).expect(&json_err);
    let listed = not_synced(&json);
    for (dn, rule, value) in &expected {
        assert!(
            listed.contains(&(dn.to_ascii_lowercase(), rule.to_string(), value.to_string())),
            "{dn} not listed with {rule}: {listed:?}"
        );
    }
    let blocked: Vec<String> = json["users"]["blocked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["dn"].as_str().unwrap().to_ascii_lowercase())
        .collect();
    let excluded: Vec<String> = json["users"]["excluded"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["dn"].as_str().unwrap().to_ascii_lowercase())
        .collect();
    for (dn, ..) in &listed {
        assert!(!blocked.contains(dn), "{dn} also counted as blocked");
        assert!(!excluded.contains(dn), "{dn} also counted as excluded");
    }
    let r = &json["readiness"];
    assert_eq!(r["not_synced"].as_u64(), Some(listed.len() as u64));
    assert_eq!(
        r["in_scope"].as_u64(),
        Some((persons - listed.len()) as u64),
        "in scope: every person the engine synchronizes ({persons} persons)"
    );
    assert_eq!(
        r["in_scope"].as_u64(),
        Some(
            r["ready"].as_u64().unwrap()
                + r["excluded"].as_u64().unwrap()
                + r["blocked"].as_u64().unwrap()
        )
    );
    assert_eq!(json["sync_filter"]["engine"], "connect-sync");
    assert_eq!(json["sync_filter"]["defaults"], true);
    assert_eq!(json["sync_filter"]["rules_read"], false);
    // The same users, with their rule, in the other formats and in German.
    let guest = format!("CN=Guest,{users}");
    assert!(
        text.contains("Not synchronized by the sync engine")
            && text.contains(&format!("· {guest} — a critical system object"))
            && text.contains(&format!(
                "· {aad} — a sync service account (sAMAccountName starts with AAD_)"
            ))
            && text.contains("by its documented default rules"),
        "{text}"
    );
    assert!(
        german.contains("Von der Synchronisierung nicht erfasst")
            && german.contains(&format!("· {guest} — ein kritisches Systemobjekt")),
        "{german}"
    );
    assert!(
        markdown.contains(&format!("- `{guest}` — a critical system object")),
        "{markdown}"
    );
    assert!(
        html.contains(&format!("<code>{guest}</code> — a critical system object")),
        "{html}"
    );
    for (dn, ..) in &expected {
        assert!(
            !csv.to_ascii_lowercase().contains(&dn.to_ascii_lowercase()),
            "{dn} is not a blocked row: {csv}"
        );
    }
}

#[tokio::test]
async fn a_custom_scoping_filter_read_on_the_sync_server_leaves_out_the_users_it_names() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let id = "6c1b8a7e-0d2f-4c34-9f0e-1a2b3c4d5e6f";
    let rule = |name: &str, connector: &str, who: &str, value: &str| {
        json!({"name": name, "connector": connector, "precedence": 50, "standard": false,
               "scope": [[{"attribute": "sAMAccountName", "operator": "EQUAL", "value": who}]],
               "cloudFiltered": value})
    };
    let read = json!({
        "installed": true, "stagingModeEnabled": false, "passwordWritebackEnabled": true,
        "errors": [],
        "connectors": [
            {"name": "lab.example.test", "identifier": id, "type": "AD", "forestName": "lab.example.test"},
            {"name": "contoso - AAD", "identifier": writeback_wizard::syncserver::ENTRA_CONNECTOR_ID, "type": "Extensible2"}
        ],
        "syncRules": [
            rule("In from AD - User DoNotSync", id, "erin", "True"),
            rule("In from AD - other forest", "0000-other", "alice", "True"),
            {"name": "In from AD - User Join", "connector": id, "precedence": 100, "standard": true, "scope": [], "cloudFiltered": null}
        ]
    });
    let (ps, _dir) = common::stand_in("sync-rules", &read, ("{}", 0), false);
    let exe = ps.exe.to_string_lossy().into_owned();
    let (code, out, err) = check(
        &lab,
        &["--sync-server", "--format", "json"],
        &[("WW_POWERSHELL", &exe)],
    );
    assert!(code == 0 || code == 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect(&err);
    let listed = not_synced(&json);
    let erin = lab.var("LAB_ERIN_DN").to_ascii_lowercase();
    assert!(
        listed.contains(&(
            erin.clone(),
            "custom-rule".into(),
            "In from AD - User DoNotSync".into()
        )),
        "{listed:?}"
    );
    let alice = lab.var("LAB_ALICE_DN").to_ascii_lowercase();
    assert!(
        !listed.iter().any(|(dn, ..)| *dn == alice),
        "another forest's rule does not apply here"
    );
    assert_eq!(json["sync_filter"]["rules_read"], true);
    assert_eq!(
        json["sync_filter"]["custom_rules"],
        json!(["In from AD - User DoNotSync"])
    );
    assert!(
        json["parts"]["checked"]
            .as_array()
            .unwrap()
            .contains(&json!("sync-server")),
        "{}",
        json["parts"]
    );
    let blocked = json["users"]["blocked"].as_array().unwrap();
    assert!(
        !blocked
            .iter()
            .any(|b| b["dn"].as_str().unwrap().eq_ignore_ascii_case(&erin)),
        "erin is not blocked, she is not synchronized"
    );
}

#[tokio::test]
async fn a_check_of_the_directory_alone_ticks_nothing_else_in_any_format_or_language() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let (_, out, err) = check(&lab, &["--format", "json"], &[]);
    let json: serde_json::Value = serde_json::from_str(&out).expect(&err);
    assert_eq!(json["parts"]["checked"], json!(["directory"]));
    assert_eq!(
        json["parts"]["not_checked"],
        json!(["cloud", "sync-server", "pilot"])
    );
    assert_eq!(json["parts"]["ready_covers"], json!(["directory"]));
    assert!(
        json["verdict"]
            .as_str()
            .unwrap()
            .ends_with("Microsoft Entra ID and the sync server not checked."),
        "{}",
        json["verdict"]
    );
    for (lang, not_checked, headings) in [
        (
            "en-US",
            "not checked",
            ["Microsoft Entra ID", "Sync server", "Pilot users"],
        ),
        (
            "de-DE",
            "nicht geprüft",
            [
                "Microsoft Entra ID",
                "Synchronisierungsserver",
                "Pilotbenutzer",
            ],
        ),
    ] {
        for format in ["text", "markdown", "html"] {
            let (_, out, err) = check(&lab, &["--lang", lang, "--format", format], &[]);
            // Each part not checked: its heading is followed by "not checked" and how to check
            // it, never by a tick.
            for h in headings {
                let heading = match format {
                    "text" => format!("\n{h}\n"),
                    "markdown" => format!("## {h}\n"),
                    _ => format!(">{h}</h"),
                };
                let at = out
                    .find(&heading)
                    .unwrap_or_else(|| panic!("{lang} {format}: no {h:?} in {out}\n{err}"));
                let next = out[at + heading.len()..].trim_start();
                // The section's first paragraph: up to a blank line, or the end of the tag.
                let section = next
                    .split("\n\n")
                    .next()
                    .unwrap_or("")
                    .split("</p>")
                    .next()
                    .unwrap_or("")
                    .to_string();
                assert!(
                    section.contains(not_checked) && !section.starts_with('✔'),
                    "{lang} {format} {h}: {section:?}"
                );
                assert!(
                    !section.contains('✔'),
                    "{lang} {format} {h}: a tick: {section:?}"
                );
            }
            assert!(
                out.contains(&format!("{not_checked}.")) || out.contains("nicht geprüft."),
                "{lang} {format}: the verdict names what was not checked"
            );
        }
    }
}
