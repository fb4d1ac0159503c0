//! Each blocked user's predicted error: in the reports, and `explain --for-user` the other way
//! round — and the DC agrees: the connector really is refused when it resets the user.

use super::*;

/// The connector (MSOL_lab) resets `dn`'s password as writeback would: the DC's result code.
async fn connector_resets(lab: &Lab, dn: &str) -> u32 {
    let mut conn = writeback_wizard::ad::Connection::simple(
        &lab.options(),
        &writeback_wizard::ad::SimpleCredential {
            user: lab.var("LAB_MSOL_DN").to_string(),
            password: zeroize::Zeroizing::new(lab.var("LAB_MSOL_PW").to_string()),
        },
    )
    .await
    .unwrap();
    let pw = writeback_wizard::plan::verify::random_password().unwrap();
    let value = writeback_wizard::ad::connection::unicode_pwd(&pw);
    let (code, _) = conn
        .modify_replace(dn, "unicodePwd", vec![value.to_vec()], vec![])
        .await
        .unwrap();
    conn.close().await;
    code
}

#[tokio::test]
async fn a_blocked_user_is_told_the_error_the_dc_gives_in_every_report_and_both_ways() {
    let Some(lab) = Lab::get() else { return };
    let carol = lab.var("LAB_CAROL_DN");
    // The JSON report: carol (inheritance cut on OU=Blocked) would meet 33004 and SSPR_0029.
    let (code, json, err) = bin(&lab, &with(&lab.check_args(), &["--format", "json"]));
    assert_eq!(code, 1, "{err}");
    let r: serde_json::Value = serde_json::from_str(&json).unwrap();
    let row = r["users"]["blocked"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["dn"] == carol)
        .unwrap()
        .clone();
    assert_eq!(row["predicted"]["event"], 33004, "{row}");
    assert_eq!(row["predicted"]["portal"], "sspr_0029");
    assert_eq!(row["predicted"]["explain"], "33004");
    // The CSV and the Markdown say the same, the German Markdown in German.
    let (_, csv, _) = bin(&lab, &with(&lab.check_args(), &["--format", "csv"]));
    let line = csv.lines().find(|l| l.contains(carol)).unwrap();
    assert!(line.ends_with(",33004,sspr_0029"), "{line}");
    let (_, md, _) = bin(&lab, &with(&lab.check_args(), &["--format", "markdown"]));
    assert!(md.contains("| predicted error |"), "{md}");
    assert!(md.contains("event 33004 · SSPR_0029"));
    let (_, md_de, _) = bin(
        &lab,
        &with(
            &lab.check_args(),
            &["--format", "markdown", "--lang", "de-DE"],
        ),
    );
    assert!(md_de.contains("| erwarteter Fehler |"), "{md_de}");
    assert!(md_de.contains("Ereignis 33004 · SSPR_0029"));

    // The other way: the user's name → the code, and `explain` of that code lists the reason.
    let (code, out, err) = lab.cli(&["explain", "--for-user", "carol", "--json"], None, &[]);
    assert_eq!(code, 1, "carol is blocked: {err}");
    let said: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(said["dn"], carol);
    assert_eq!(said["predicted"]["event"], 33004);
    let reasons: Vec<&str> = said["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(reasons.contains(&"inheritance-disabled"), "{reasons:?}");
    let listed: Vec<&str> = said["entry"]["predicted_for"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(listed.contains(&"inheritance-disabled"), "{listed:?}");
    let (_, out_de, _) = lab.cli(
        &["explain", "--for-user", "carol", "--lang", "de-DE"],
        None,
        &[],
    );
    assert!(
        out_de.contains("Der Administrator sähe: Ereignis 33004"),
        "{out_de}"
    );
    let (code, out, _) = lab.cli(&["explain", "33004"], None, &[]);
    assert_eq!(code, 0);
    assert!(
        out.contains("inheritance-disabled") && out.contains("right-denied"),
        "{out}"
    );

    // A name no one has: exit 2, in words.
    let (code, _, err) = lab.cli(&["explain", "--for-user", "nobody-here"], None, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("no user matches \"nobody-here\""), "{err}");

    // And the DC agrees: the connector is refused (insufficient access, 50) resetting carol.
    assert_eq!(connector_resets(&lab, carol).await, 50);
}
