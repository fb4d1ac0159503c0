//! Entra Cloud Sync's provisioning agent writes passwords back as a group managed service
//! account (`provAgentgMSA$` by default). Such a connector — detected beside Connect Sync's
//! `MSOL_` account (Cloud Sync then serves the domain), or given by name (with or without its
//! `$`), SID or DN — is found, checked, granted and restored like a user connector, and the DC
//! proves it: bound as the gMSA, it resets a user's password after `apply` and no longer after
//! `restore`.
//!
//! Samba 4.17 has gMSA objects but no managed passwords (`msDS-ManagedPassword` is never
//! returned, and a reset over LDAP is refused even to administrators), so the test gives the
//! gMSA a password out of band, as SYSTEM on the DC (`samba-tool user setpassword -H sam.ldb`).
//! That is enough to bind as it; on Windows the DC computes the password itself.

mod common;

use std::path::PathBuf;

use common::{Lab, Undo, raw_dacl};
use writeback_wizard::ad::{ConnectOptions, Connection, SimpleCredential};
use zeroize::Zeroizing;

const GMSA_PW: &str = "Gmsa!Passw0rd#1";

/// Creates `provAgentgMSA$` in `CN=Managed Service Accounts` and gives it a password as SYSTEM
/// on the DC; returns its DN and SID.
async fn create_gmsa(lab: &Lab, admin: &mut Connection, undo: &mut Undo) -> (String, String) {
    let dn = format!(
        "CN=provAgentgMSA,CN=Managed Service Accounts,{}",
        lab.var("LAB_BASE_DN")
    );
    let host = format!("provAgentgMSA.{}", lab.var("LAB_DNS_DOMAIN"));
    admin
        .add(
            &dn,
            vec![
                (
                    "objectClass",
                    vec![b"msDS-GroupManagedServiceAccount".to_vec()],
                ),
                ("sAMAccountName", vec![b"provAgentgMSA$".to_vec()]),
                ("dNSHostName", vec![host.into_bytes()]),
                ("msDS-ManagedPasswordInterval", vec![b"30".to_vec()]),
                ("userAccountControl", vec![b"4096".to_vec()]),
            ],
        )
        .await
        .unwrap();
    undo.created(&dn);
    let sam = format!("{}/dc/private/sam.ldb", lab.var("LAB_ROOT"));
    let out = std::process::Command::new("samba-tool")
        .args([
            "user",
            "setpassword",
            "provAgentgMSA$",
            "--newpassword",
            GMSA_PW,
        ])
        .args(["-s", lab.var("LAB_SMB_CONF"), "-H", &sam])
        .output()
        .expect("samba-tool");
    assert!(
        out.status.success(),
        "setting the gMSA's password: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let sid = admin
        .read(&dn, &["objectSid"], vec![])
        .await
        .unwrap()
        .and_then(|e| e.first("objectSid").map(<[u8]>::to_vec))
        .map(|b| {
            writeback_wizard::sd::Sid::from_ldap_value(&b)
                .unwrap()
                .to_string()
        })
        .unwrap();
    (dn, sid)
}

async fn bind_as_gmsa(lab: &Lab) -> Connection {
    let mut opts = ConnectOptions::new(lab.var("LAB_LDAPS_URL"));
    opts.ca_file = Some(PathBuf::from(lab.var("LAB_CA_FILE")));
    let cred = SimpleCredential {
        user: format!("provAgentgMSA$@{}", lab.var("LAB_DNS_DOMAIN")),
        password: Zeroizing::new(GMSA_PW.to_string()),
    };
    Connection::simple(&opts, &cred)
        .await
        .expect("bind as the gMSA")
}

#[tokio::test]
async fn a_gmsa_connector_is_found_checked_granted_and_restored() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let (dn, sid) = create_gmsa(&lab, &mut admin, &mut undo).await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let alice = lab.var("LAB_ALICE_DN").to_string();
    let root_before = raw_dacl(&mut admin, &root).await;

    // Found by name with and without `$`, by SID and by DN.
    let mut found = Vec::new();
    for given in ["provAgentgMSA", "provAgentgMSA$", sid.as_str(), dn.as_str()] {
        let (code, out, err) = lab.cli(
            &["check", "--connector", given, "--format", "json"],
            None,
            &[],
        );
        found.push((given.to_string(), code, out, err));
    }
    // Detected unasked: where Cloud Sync's agent account exists beside Connect Sync's, it serves
    // the domain.
    let detected = lab.cli(&["check", "--format", "json"], None, &[]);
    let dir = std::env::temp_dir().join(format!("ww-gmsa-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let backup = dir.join("gmsa-backup.json");
    let _ = std::fs::remove_file(&backup);
    let (acode, _, aerr) = lab.cli(
        &[
            "apply",
            "--connector",
            "provAgentgMSA$",
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
        ],
        None,
        &[],
    );
    let mut gmsa = bind_as_gmsa(&lab).await;
    let after_apply = common::attempt(
        &mut gmsa,
        &mut admin,
        &alice,
        common::Op::Reset,
        lab.var("LAB_USER_PW"),
    )
    .await;
    let (rcode, _, rerr) = lab.cli(
        &["restore", "--yes", "--backup", backup.to_str().unwrap()],
        None,
        &[],
    );
    let after_restore = common::attempt(
        &mut gmsa,
        &mut admin,
        &alice,
        common::Op::Reset,
        lab.var("LAB_USER_PW"),
    )
    .await;
    let root_restored = raw_dacl(&mut admin, &root).await;
    undo.undo(&mut admin).await;
    std::fs::remove_dir_all(&dir).ok();

    let (dcode, dout, derr) = &detected;
    assert_eq!(*dcode, 1, "{derr}");
    let r: serde_json::Value = serde_json::from_str(dout).unwrap();
    assert_eq!(r["connector"]["sam_account_name"], "provAgentgMSA$");
    assert_eq!(r["connector"]["engine"], "cloud-sync");
    let why = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "connector-candidates")
        .unwrap_or_else(|| panic!("{}", r["findings"]));
    assert!(
        why["title"].as_str().unwrap().contains("Cloud Sync"),
        "{why}"
    );
    assert!(
        why["values"]["others"]
            .to_string()
            .contains(lab.var("LAB_MSOL_SAM")),
        "{why}"
    );
    for (given, code, out, err) in &found {
        assert_eq!(*code, 1, "{given}: {err}");
        let r: serde_json::Value = serde_json::from_str(out).unwrap();
        assert_eq!(r["connector"]["engine"], "cloud-sync", "{given}");
        assert_eq!(
            r["connector"]["sam_account_name"], "provAgentgMSA$",
            "{given}"
        );
        assert_eq!(r["connector"]["sid"], sid.as_str(), "{given}");
        assert!(
            r["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["id"] == "right-reset-password"
                    && f["object"].as_str().unwrap().eq_ignore_ascii_case(&root)),
            "{given}: the gMSA has no Reset Password at the root yet"
        );
    }
    assert_eq!(acode, 0, "{aerr}");
    assert_eq!(
        after_apply,
        Ok(true),
        "bound as the gMSA, the DC lets it reset {alice} after apply"
    );
    assert_eq!(rcode, 0, "{rerr}");
    assert_eq!(
        after_restore,
        Ok(false),
        "after restore the DC refuses the gMSA again"
    );
    assert_eq!(
        root_restored, root_before,
        "restore put the root's DACL back"
    );
}
