//! The incremental re-check at scale (not a test: it prints times).
//!
//! `WW_BENCH_LAB_ENV=/path/to/lab.env cargo bench --bench incremental` (a bulk lab, see
//! `benches/check-bench`, which runs it): against that DC, alternately ${RUNS:-3} times
//!   A) the full check (`check::run`, what `check` and "Check again" did before);
//!   B) after one leaf OU's DACL changed (a deny of Reset Password for the connector, inherited
//!      by its users), the re-check from the memo of a check made before the change.
//! The medians, and B/A (target: at most 5 %). The DACL is put back after each run.

use std::time::{Duration, Instant};

use ldap3::Scope;
use writeback_wizard::ad::{ConnectOptions, Connection, SimpleCredential, controls};
use writeback_wizard::check::CheckOptions;
use writeback_wizard::check::incremental::{How, Memo};
use writeback_wizard::sd::rights::RESET_PASSWORD;
use writeback_wizard::sd::{AccessMask, Ace, AceFlags, SecurityDescriptor, Sid};

fn main() {
    let env_file =
        std::env::var("WW_BENCH_LAB_ENV").expect("WW_BENCH_LAB_ENV: a bulk lab's lab.env");
    let text = std::fs::read_to_string(&env_file).expect("the lab's env file");
    let var = |k: &str| -> String {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .map(|v| v.trim_matches('\'').to_string())
            .unwrap_or_else(|| panic!("{k} missing from {env_file}"))
    };
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(3);
    let mut options = ConnectOptions::new(var("LAB_LDAPS_URL"));
    options.ca_file = Some(var("LAB_CA_FILE").into());
    options.timeout = Duration::from_secs(600);
    let cred = SimpleCredential {
        user: var("LAB_ADMIN_UPN"),
        password: zeroize::Zeroizing::new(var("LAB_ADMIN_PW")),
    };
    let connector: Sid = var("LAB_MSOL_SID").parse().expect("the connector's SID");
    let bulk = var("LAB_BULK_OU_DN");
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    rt.block_on(async {
        let mut conn = Connection::simple(&options, &cred).await.expect("bind");
        let opts = CheckOptions {
            page_size: 1000,
            ..CheckOptions::default()
        };
        let ou = leaf_ou(&mut conn, &bulk).await;
        let (mut full, mut inc) = (Vec::new(), Vec::new());
        let mut last = None;
        for _ in 0..runs {
            let t = Instant::now();
            let o = writeback_wizard::check::run(&mut conn, &opts, |_| {})
                .await
                .expect("the full check");
            full.push(t.elapsed());
            let users = o.scan.scanned();
            drop(o);
            let (_, memo) = Memo::check(&mut conn, &opts, |_| {})
                .await
                .expect("the check that leaves a memo");
            let before = conn
                .read_security_descriptor(&ou, controls::DACL)
                .await
                .expect("read the OU's DACL")
                .expect("the OU's DACL");
            let mut sd = SecurityDescriptor::from_bytes(&before.raw).expect("a descriptor");
            sd.dacl.acl_mut().expect("a DACL").aces.insert(
                0,
                Ace::deny(
                    AceFlags::CONTAINER_INHERIT,
                    AccessMask::CONTROL_ACCESS,
                    connector.clone(),
                    Some(RESET_PASSWORD),
                    None,
                ),
            );
            conn.write_dacl(&ou, &sd)
                .await
                .expect("write the OU's DACL");
            let t = Instant::now();
            let r = memo.recheck(&mut conn, &opts, |_| {}).await;
            inc.push(t.elapsed());
            let back = SecurityDescriptor::from_bytes(&before.raw).expect("a descriptor");
            conn.write_dacl(&ou, &back)
                .await
                .expect("put the DACL back");
            let (r, _) = r.expect("the re-check");
            assert!(
                matches!(r.how, How::Incremental { .. }),
                "the re-check was a full one: {:?}",
                r.how
            );
            last = Some((users, r.how));
        }
        conn.close().await;
        let (a, b) = (median(&mut full), median(&mut inc));
        let (users, how) = last.expect("one run at least");
        println!("incremental: {users} users; the changed OU: {ou}");
        println!(
            "incremental: full check:          {:.2} s  (runs: {full:.2?})",
            a.as_secs_f64()
        );
        println!(
            "incremental: re-check after it:   {:.3} s  (runs: {inc:.3?})",
            b.as_secs_f64()
        );
        println!(
            "incremental: re-check / full = {:.1} % (target <= 5 %); {how:?}",
            100.0 * b.as_secs_f64() / a.as_secs_f64()
        );
        println!(
            "{users} {:.2} {:.3} {:.1}",
            a.as_secs_f64(),
            b.as_secs_f64(),
            100.0 * b.as_secs_f64() / a.as_secs_f64()
        );
    });
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// An OU below `bulk` that holds users directly and no OU.
async fn leaf_ou(conn: &mut Connection, bulk: &str) -> String {
    let ous = conn
        .search(
            bulk,
            Scope::Subtree,
            "(objectClass=organizationalUnit)",
            &["1.1"],
            vec![],
        )
        .await
        .expect("the bulk OUs");
    for ou in ous.iter().rev() {
        let users = conn
            .search(
                &ou.dn,
                Scope::OneLevel,
                "(&(objectCategory=person)(objectClass=user))",
                &["1.1"],
                vec![],
            )
            .await
            .expect("the OU's users");
        if !users.is_empty() {
            return ou.dn.clone();
        }
    }
    panic!("no OU below {bulk} holds users");
}
