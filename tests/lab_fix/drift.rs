//! Drift: the baseline `apply` saved after granting the rights; then (b) a ready user joins Domain
//! Admins, (a) a deny on an OU, (d) an OU's inheritance cut (its inherited grants removed) and
//! (c) a PSO's minimum age raised — each reported as drift with the object, the change, its
//! originating time (within a minute of the test's clock), the DC and version, and the users it
//! blocked; what the DC does agrees (the connector is refused on a user the drift says is newly
//! blocked, and still resets the new Domain Admin, as Samba runs no SDProp). A baseline edited,
//! or sealed with another key, is refused before anything connects.

use super::*;
use writeback_wizard::sd::{AceFlags, Control};

fn drift_json(lab: &Lab, baseline: &std::path::Path) -> (i32, serde_json::Value, String) {
    let (code, out, err) = lab.cli(
        &[
            "check",
            "--baseline",
            baseline.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
        &[],
    );
    let v = serde_json::from_str(&out).unwrap_or(serde_json::Value::Null);
    (code, v, err)
}

/// The drift's change of `attribute` on `object` (any case).
fn change<'a>(
    v: &'a serde_json::Value,
    object: &str,
    attribute: &str,
) -> Option<&'a serde_json::Value> {
    v["drift"]["changes"].as_array()?.iter().find(|c| {
        c["object"].as_str() == Some(object.to_ascii_lowercase().as_str())
            && c["attribute"] == attribute
    })
}

/// The change was made within a minute of `at` (seconds since 1970), at the lab's DC, one
/// version after the baseline's.
fn made_here_and_now(lab: &Lab, c: &serde_json::Value, at: u64) {
    let time = writeback_wizard::clock::parse_rfc3339(c["time"].as_str().unwrap()).unwrap();
    assert!(time.abs_diff(at) <= 60, "{c}: {time} vs {at}");
    assert!(
        c["dc"]
            .as_str()
            .unwrap()
            .eq_ignore_ascii_case(lab.var("LAB_DC_DNS")),
        "{c}"
    );
    let then = c["version_then"].as_u64().unwrap();
    assert_eq!(c["version_now"].as_u64().unwrap(), then + 1, "{c}");
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn keys(v: &serde_json::Value) -> Vec<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

#[tokio::test]
async fn drift_since_a_baseline_names_each_change_and_the_users_it_blocked() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = common::Undo::default();
    let users_ou = lab.var("LAB_USERS_OU_DN").to_string();
    let delegated_ou = lab.var("LAB_DELEGATED_OU_DN").to_string();
    let pso = lab.var("LAB_PSO_DN").to_string();
    let msol: writeback_wizard::sd::Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    // apply grants what writeback needs and saves the baseline beside its run file.
    let run = tmp("drift-run.json");
    let (code, out, err) = lab.cli(
        &[
            "apply",
            "--min-password-age-zero",
            "--yes",
            "--backup",
            run.to_str().unwrap(),
        ],
        None,
        &[],
    );
    let baseline = run.with_file_name("baseline-drift-run.json");
    let saved = std::fs::read_to_string(&baseline).unwrap_or_default();
    let (same_code, same, same_err) = drift_json(&lab, &baseline);

    // (b) alice (ready) joins Domain Admins.
    let admins_dn = lab.var("LAB_DOMAIN_ADMINS_DN").to_string();
    let alice = lab.var("LAB_ALICE_DN").to_string();
    let mut members = attr(&mut admin, &admins_dn, "member").await;
    members.push(alice.clone());
    let members: Vec<&str> = members.iter().map(String::as_str).collect();
    undo.set_attr(&mut admin, &admins_dn, "member", &members)
        .await;
    let (b_code, b, _) = drift_json(&lab, &baseline);
    // Samba runs no SDProp: alice's DACL is untouched, and the connector can still reset her.
    let pw = writeback_wizard::ad::unicode_pwd(lab.var("LAB_USER_PW"));
    let mut connector = lab.connector().await;
    let (alice_reset, _) = connector
        .modify_replace(&alice, "unicodePwd", vec![pw.to_vec()], vec![])
        .await
        .unwrap();
    connector.close().await;

    let a_at = now();
    // (a) a deny of Reset Password for the connector on OU=Delegated (which grants it itself).
    undo.prepend_ace(&mut admin, &delegated_ou, deny_reset(&msol))
        .await;
    let (a_code, a, a_err) = drift_json(&lab, &baseline);
    let in_format = |format: &str| {
        lab.cli(
            &[
                "check",
                "--baseline",
                baseline.to_str().unwrap(),
                "--format",
                format,
            ],
            None,
            &[],
        )
    };
    let (a_csv_code, a_csv, _) = in_format("csv");
    let (_, a_md, _) = in_format("markdown");
    let (_, a_html, _) = in_format("html");
    // The DC agrees: the connector cannot reset frank (OU=Delegated) now.
    let mut connector = lab.connector().await;
    let pw = writeback_wizard::ad::unicode_pwd(lab.var("LAB_USER_PW"));
    let (frank_reset, _) = connector
        .modify_replace(
            lab.var("LAB_FRANK_DN"),
            "unicodePwd",
            vec![pw.to_vec()],
            vec![],
        )
        .await
        .unwrap();
    connector.close().await;

    let d_at = now();
    // (d) OU=Users' inheritance cut, its inherited ACEs removed ("Disable inheritance → Remove
    // all inherited permissions").
    undo.edit_dacl(&mut admin, &users_ou, |sd| {
        sd.dacl
            .acl_mut()
            .unwrap()
            .aces
            .retain(|ace| !ace.flags.contains(AceFlags::INHERITED));
        sd.set_control(Control::DACL_PROTECTED, true);
    })
    .await;
    let (d_code, d, _) = drift_json(&lab, &baseline);

    let c_at = now();
    // (c) the PSO's minimum age raised from two days to three.
    undo.set_attr(
        &mut admin,
        &pso,
        "msDS-MinimumPasswordAge",
        &["-2592000000000"],
    )
    .await;
    let (c_code, c, _) = drift_json(&lab, &baseline);

    // A baseline edited by someone else, or sealed with another computer's key: refused, exit 2.
    let edited = tmp("baseline-edited.json");
    std::fs::write(&edited, saved.replacen("\"ready\": ", "\"ready\": 1", 1)).unwrap();
    let (e_code, _, e_err) = lab.cli(
        &["check", "--baseline", edited.to_str().unwrap()],
        None,
        &[],
    );
    let elsewhere = tmp("other-config");
    let (o_code, _, o_err) = lab.cli(
        &["check", "--baseline", baseline.to_str().unwrap()],
        None,
        &[("XDG_CONFIG_HOME", elsewhere.to_str().unwrap())],
    );
    // German words for the same drift.
    let (_, de, _) = lab.cli(
        &[
            "check",
            "--baseline",
            baseline.to_str().unwrap(),
            "--lang",
            "de-DE",
        ],
        None,
        &[],
    );
    undo.undo(&mut admin).await;
    let (back_code, back, _) = drift_json(&lab, &baseline);
    let (restored, _, restore_err) = lab.cli(
        &["restore", "--backup", run.to_str().unwrap(), "--yes"],
        None,
        &[],
    );

    assert_eq!(code, 0, "apply: {out} {err}");
    assert_eq!(restored, 0, "restore: {restore_err}");
    assert!(
        saved.contains("\"format\": \"writeback-wizard-baseline\""),
        "{saved}"
    );
    assert_eq!(same_code, 0, "no change, no drift: {same} {same_err}");
    assert_eq!(same["no_drift"], true);

    assert_eq!(a_code, 1, "a deny blocks users: {a} {a_err}");
    let new_causes = keys(&a["drift"]["causes_new"]);
    let deny = format!("right-denied@{}", delegated_ou.to_ascii_lowercase());
    assert_eq!(new_causes, vec![deny.clone()], "{a}");
    let newly: Vec<String> = keys(&a["drift"]["newly_blocked"]);
    assert_eq!(newly, vec![lab.var("LAB_FRANK_DN").to_string()], "{a}");
    assert_eq!(frank_reset, 50, "the DC refuses the connector on frank too");
    // The same drift as CSV (one row per changed thing), Markdown and HTML.
    assert_eq!(a_csv_code, 1, "{a_csv}");
    assert!(
        a_csv.starts_with("directory,kind,object,detail,then,now,time,dc,users\n"),
        "{a_csv}"
    );
    let ou = delegated_ou.to_ascii_lowercase();
    assert!(
        a_csv.contains(&format!("\"\",\"ace-added\",\"{ou}\",\"(OD;CI;CR;")),
        "{a_csv}"
    );
    assert!(
        a_csv.contains(&format!(
            "\"\",\"newly-blocked\",\"{}\"",
            lab.var("LAB_FRANK_DN")
        )),
        "{a_csv}"
    );
    assert!(a_md.starts_with("# Drift since the baseline of "), "{a_md}");
    assert!(a_md.contains("\\+ right\\-denied@"), "{a_md}");
    assert!(
        a_html.contains("<h1>Drift since the baseline</h1>") && a_html.contains("right-denied@"),
        "{a_html}"
    );
    let ca = change(&a, &delegated_ou, "nTSecurityDescriptor").expect("OU=Delegated's change");
    made_here_and_now(&lab, ca, a_at);
    assert_eq!(ca["blocked_since"], 1, "{ca}");
    // The ACE itself, as added at OU=Delegated: a deny of Reset Password for the connector.
    let at = |v: &serde_json::Value, dn: &str| -> serde_json::Value {
        v["drift"]["containers"]
            .as_array()
            .and_then(|c| {
                c.iter()
                    .find(|c| c["object"] == dn.to_ascii_lowercase())
                    .cloned()
            })
            .unwrap_or_default()
    };
    let added = at(&a, &delegated_ou);
    let msol_sid = lab.var("LAB_MSOL_SID");
    assert!(
        added["added"].as_array().is_some_and(|v| v.len() == 1
            && v[0].as_str().is_some_and(|ace| ace
                .starts_with("(OD;CI;CR;00299570-246d-11d0-a768-00aa006e0529;;")
                && ace.contains(msol_sid))),
        "{a}"
    );

    assert_eq!(d_code, 1, "{d}");
    let cut = format!("inheritance-disabled@{}", users_ou.to_ascii_lowercase());
    assert!(keys(&d["drift"]["causes_new"]).contains(&cut), "{d}");
    assert_eq!(
        at(&d, &users_ou)["protected"],
        serde_json::json!([false, true]),
        "OU=Users' inheritance cut: {d}"
    );
    let cd = change(&d, &users_ou, "nTSecurityDescriptor").expect("OU=Users' change");
    made_here_and_now(&lab, cd, d_at);
    assert!(cd["blocked_since"].as_u64().unwrap() >= 2, "{cd}");
    assert!(
        keys(&d["drift"]["newly_blocked"]).contains(&lab.var("LAB_ALICE_DN").to_string()),
        "{d}"
    );

    assert_eq!(c_code, 1, "{c}");
    let cc = change(&c, &pso, "msDS-MinimumPasswordAge").expect("the PSO's change");
    made_here_and_now(&lab, cc, c_at);
    let settings = c["drift"]["settings"].as_array().unwrap();
    assert!(
        settings.iter().any(|s| s[0]
            == format!("msDS-MinimumPasswordAge@{}", pso.to_ascii_lowercase())
            && s[2] == "-2592000000000"),
        "{c}"
    );

    assert_eq!(
        b_code, 4,
        "a new member of a protected group blocks no one yet: {b}"
    );
    let joined: Vec<String> = b["drift"]["joined_protected"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    assert_eq!(joined, vec![alice.clone()], "{b}");
    assert!(keys(&b["drift"]["newly_blocked"]).is_empty(), "{b}");
    assert_eq!(
        alice_reset, 0,
        "no SDProp on Samba: the connector still resets alice"
    );

    assert_eq!(e_code, 2, "an edited baseline is refused");
    assert!(e_err.contains("changed after it was saved"), "{e_err}");
    assert_eq!(o_code, 2, "another key: refused");
    assert!(o_err.contains("changed after it was saved"), "{o_err}");
    assert!(de.contains("Abweichungen seit der Ausgangslage"), "{de}");
    assert!(
        de.contains(&format!("+ {deny}: neu, blockiert jetzt")),
        "{de}"
    );

    // The changes put back (the grants still there): no cause and no user differs from the
    // baseline, but the descriptors and the PSO were written (their versions rose): drift that
    // blocks no one.
    assert_eq!(back_code, 4, "{back}");
    assert_eq!(back["blocks_users"], false);
    assert!(keys(&back["drift"]["causes_new"]).is_empty(), "{back}");
    assert!(!back["drift"]["changes"].as_array().unwrap().is_empty());
}
