//! The narrow fix for a hardening conflict: where the connector reads the SAM server object
//! (`CN=Server,CN=System`) only through Pre-Windows 2000 Compatible Access, the check says so,
//! `--grant-samserver` plans read access for the connector alone, and the DC proves it: with the
//! group emptied, the connector still reads the object after `apply` and no longer after
//! `restore`.

use super::*;
use common::Undo;

/// Whether `conn` reads the object's properties (a base search that returns its objectClass;
/// without Read all properties the DC returns the entry with no attribute, or not at all).
async fn reads(conn: &mut Connection, dn: &str) -> bool {
    matches!(
        conn.read(dn, &["objectClass"], vec![]).await,
        Ok(Some(e)) if !e.texts("objectClass").is_empty()
    )
}

#[tokio::test]
async fn reading_the_sam_server_through_pre_windows_2000_is_replaced_by_a_narrow_grant() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let root = lab.var("LAB_BASE_DN").to_string();
    let server = format!("CN=Server,CN=System,{root}");
    let pre2000 = format!("CN=Pre-Windows 2000 Compatible Access,CN=Builtin,{root}");
    let before = raw_dacl(&mut admin, &server).await;
    // The domain's own grant to Authenticated Users goes: only the group's grant is left.
    undo.edit_dacl(&mut admin, &server, |sd| {
        sd.dacl.acl_mut().unwrap().aces.retain(|a| {
            writeback_wizard::sd::sddl::format_ace(a, &Default::default()).as_deref()
                != Ok("(A;;LCRPLORC;;;AU)")
        })
    })
    .await;
    let (ccode, cout, cerr) = lab.cli(&["check", "--format", "json"], None, &[]);
    let (_, plain, _) = lab.cli(&["plan", "--format", "json"], None, &[]);
    let (pcode, pout, perr) = lab.cli(
        &["plan", "--grant-samserver", "--format", "json"],
        None,
        &[],
    );
    let backup = tmp("samserver.json");
    let (acode, _, aerr) = lab.cli(
        &[
            "apply",
            "--grant-samserver",
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
        ],
        None,
        &[],
    );
    // What security baselines ask for: the group emptied.
    undo.set_attr(&mut admin, &pre2000, "member", &[]).await;
    let with_grant = reads(&mut lab.connector().await, &server).await;
    let (rcode, _, rerr) = lab.cli(
        &["restore", "--yes", "--backup", backup.to_str().unwrap()],
        None,
        &[],
    );
    let without_grant = reads(&mut lab.connector().await, &server).await;
    undo.undo(&mut admin).await;
    let after = raw_dacl(&mut admin, &server).await;

    assert_eq!(ccode, 1, "{cerr}");
    let r: serde_json::Value = serde_json::from_str(&cout).unwrap();
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "samserver-read")
        .unwrap_or_else(|| panic!("samserver-read in {}", r["findings"]));
    assert_eq!(f["severity"], "info", "{f}");
    assert!(
        f["fix"].as_str().unwrap().contains("--grant-samserver"),
        "{f}"
    );
    let on_server = |p: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(p).unwrap();
        v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["dn"].as_str().unwrap().eq_ignore_ascii_case(&server))
            .flat_map(|c| c["action"]["aces"].as_array().cloned().unwrap_or_default())
            .map(|a| a.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(on_server(&plain), Vec::<String>::new(), "only when asked");
    assert_eq!(pcode, 0, "{perr}");
    assert_eq!(
        on_server(&pout),
        [format!("(A;;LCRPRC;;;{})", lab.var("LAB_MSOL_SID"))],
        "read for the connector alone"
    );
    assert_eq!(acode, 0, "{aerr}");
    assert!(
        with_grant,
        "with the group emptied, the narrow grant keeps the read"
    );
    assert_eq!(rcode, 0, "{rerr}");
    assert!(
        !without_grant,
        "without the grant and the group, the DC refuses the read"
    );
    assert_eq!(after, before, "restore and undo put the object back");
}
