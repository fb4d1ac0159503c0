//! Kerberos sign-in (feature `kerberos`): with a ticket from kinit the check runs as that
//! account; without one it fails with one sentence that says to run kinit.
#![cfg(feature = "kerberos")]

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{Lab, run_bin};

#[test]
fn check_runs_with_a_kinit_ticket_and_explains_a_missing_one() {
    let Some(lab) = Lab::get() else { return };
    let dir = std::env::temp_dir().join(format!("ww-krb-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cache = format!("FILE:{}/ccache", dir.display());
    let conf = lab.var("LAB_KRB5_CONFIG");
    let mut kinit = Command::new("kinit")
        .arg(format!("Administrator@{}", lab.var("LAB_REALM")))
        .env("KRB5_CONFIG", conf)
        .env("KRB5CCNAME", &cache)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("kinit (krb5-user) is installed with the lab");
    writeln!(kinit.stdin.take().unwrap(), "{}", lab.var("LAB_ADMIN_PW")).unwrap();
    assert!(kinit.wait().unwrap().success(), "kinit failed");

    let args = [
        "check",
        "--server",
        lab.var("LAB_LDAPS_URL"),
        "--ca-file",
        lab.var("LAB_CA_FILE"),
        "--kerberos",
        "--format",
        "json",
    ];
    let (code, out, err) = run_bin(&args, &[("KRB5_CONFIG", conf), ("KRB5CCNAME", &cache)]);
    assert_eq!(code, 1, "seeded lab, not ready: {err}");
    let r: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(r["connector"]["sam_account_name"], "MSOL_lab");

    let empty = format!("FILE:{}/empty", dir.display());
    let (code, out, err) = run_bin(&args, &[("KRB5_CONFIG", conf), ("KRB5CCNAME", &empty)]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("Kerberos sign-in") && err.contains("kinit"),
        "{err}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
