//! Options: the policy options let users change passwords twice in a row (and restore puts
//! the ages back); the plan options shape the change set.

use super::*;

#[tokio::test]
async fn policy_options_let_users_change_twice_and_restore_puts_the_ages_back() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let pso = lab.var("LAB_PSO_DN").to_string();
    let ages = [
        attr(&mut admin, &root, "minPwdAge").await,
        attr(&mut admin, &pso, "msDS-MinimumPasswordAge").await,
    ];
    let opts = writeback_wizard::ad::ConnectOptions {
        ca_file: Some(lab.var("LAB_CA_FILE").into()),
        ..writeback_wizard::ad::ConnectOptions::new(lab.var("LAB_LDAPS_URL"))
    };
    let pw = writeback_wizard::plan::verify::random_password;
    // alice is governed by the domain policy, bob by LabPSO: change twice in a row.
    async fn twice(
        lab: &Lab,
        opts: &writeback_wizard::ad::ConnectOptions,
        user: &str,
        pw: fn() -> Result<zeroize::Zeroizing<String>, getrandom::Error>,
    ) -> (u32, u32) {
        let dn = lab.var(&format!("LAB_{user}_DN"));
        let cred = writeback_wizard::ad::SimpleCredential {
            user: dn.to_string(),
            password: zeroize::Zeroizing::new(lab.var("LAB_USER_PW").to_string()),
        };
        let mut conn = Connection::simple(opts, &cred).await.unwrap();
        let (p1, p2) = (pw().unwrap(), pw().unwrap());
        let (first, _) = conn
            .change_password(dn, lab.var("LAB_USER_PW"), &p1)
            .await
            .unwrap();
        let (second, _) = conn.change_password(dn, &p1, &p2).await.unwrap();
        (first, second)
    }
    let before = [
        twice(&lab, &opts, "ALICE", pw).await,
        twice(&lab, &opts, "BOB", pw).await,
    ];
    reset_passwords(&lab, &mut admin, &["ALICE", "BOB"]).await;
    let backup = tmp("ages.json");
    let (code, _, err) = lab.cli(
        &[
            "apply",
            "--min-password-age-zero",
            "--fix-pso",
            "LabPSO",
            "--yes",
            "--backup",
            backup.to_str().unwrap(),
        ],
        None,
        &[],
    );
    let after = [
        twice(&lab, &opts, "ALICE", pw).await,
        twice(&lab, &opts, "BOB", pw).await,
    ];
    reset_passwords(&lab, &mut admin, &["ALICE", "BOB"]).await;
    let (rcode, _, rerr) = lab.cli(
        &["restore", "--backup", backup.to_str().unwrap(), "--yes"],
        None,
        &[],
    );
    let restored = [
        attr(&mut admin, &root, "minPwdAge").await,
        attr(&mut admin, &pso, "msDS-MinimumPasswordAge").await,
    ];
    assert_eq!(code, 0, "apply: {err}");
    assert_eq!(rcode, 0, "restore: {rerr}");
    // Before: the password is too young to change (constraint violation, LDAP 19): the lab's
    // passwords were set moments ago, so already the first change is refused.
    assert_eq!(before[0].0, 19, "alice: too soon under the domain policy");
    assert_eq!(before[1].0, 19, "bob: too soon under LabPSO");
    assert_eq!(after, [(0, 0), (0, 0)], "both change twice after apply");
    assert_eq!(restored, ages, "restore put the ages back");
}

#[test]
fn plan_options_shape_the_change_set() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.blocking_lock();
    let plan = |extra: &[&str]| -> serde_json::Value {
        let mut cmd = vec!["plan", "--format", "json"];
        cmd.extend_from_slice(extra);
        let (code, out, err) = lab.cli(&cmd, None, &[]);
        assert_eq!(code, 0, "{err}");
        serde_json::from_str(&out).unwrap()
    };
    let count_on = |p: &serde_json::Value, dn: &str| -> usize {
        p["changes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["dn"].as_str().unwrap().eq_ignore_ascii_case(dn))
            .map(|c| c["action"]["aces"].as_array().map_or(0, Vec::len))
            .sum()
    };
    let root = lab.var("LAB_BASE_DN");
    let blocked = lab.var("LAB_BLOCKED_OU_DN");
    let holder = format!("CN=AdminSDHolder,CN=System,{root}");
    assert_eq!(count_on(&plan(&["--inetorgperson", "never"]), root), 3);
    assert_eq!(count_on(&plan(&["--inetorgperson", "always"]), blocked), 6);
    let p = plan(&["--no-protected-containers"]);
    assert_eq!(count_on(&p, blocked), 0);
    assert!(
        p["not_fixed"].as_array().unwrap().iter().any(|n| {
            n["id"] == "inheritance-disabled"
                && n["object"] == blocked
                && n["code"] == "protected-containers-off"
        }),
        "{}",
        p["not_fixed"]
    );
    // The command line says it with its own flag; German too.
    for lang in ["en-US", "de-DE"] {
        let (code, out, err) = lab.cli(
            &["plan", "--no-protected-containers", "--lang", lang],
            None,
            &[],
        );
        assert_eq!(code, 0, "{err}");
        assert!(
            out.lines()
                .any(|l| l.contains("inheritance-disabled")
                    && l.contains("--no-protected-containers")),
            "{lang}: {out}"
        );
    }
    let p = plan(&["--include-adminsdholder"]);
    assert_eq!(count_on(&p, &holder), 3);
    assert!(
        p["warnings"][0]
            .as_str()
            .unwrap()
            .starts_with("NOT RECOMMENDED")
    );
    assert_eq!(
        count_on(&plan(&[]), &holder),
        0,
        "AdminSDHolder never by default"
    );
    let (code, _, err) = lab.cli(&["plan", "--fix-pso", "NoSuchPolicy"], None, &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("NoSuchPolicy") && err.contains("LabPSO"),
        "{err}"
    );
}
