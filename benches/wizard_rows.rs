//! The wizard's blocked-users list at scale (not a test: it prints times and memory).
//!
//! `cargo bench --bench wizard-rows -- [N]` builds an assessment of N blocked users (default
//! 100 000) and times what a person does on Writeback prerequisites: the first ordering when the
//! check finishes, typing a filter one key at a time, choosing a cause, sorting by name and DN,
//! drawing the list scrolled to the middle. Each is the median of 5. Target: under 100 ms each.
//!
//! With `WW_BENCH_LAB_ENV=/path/to/lab.env` (a bulk lab, `benches/wizard-bench`), the assessment
//! is the real one: the wizard's check against that DC, its blocked users kept as the wizard
//! keeps them. Memory is read from /proc/self/status after the check (VmRSS, VmHWM).

use std::sync::Arc;
use std::time::{Duration, Instant};

use writeback_wizard::check::{BlockedRef, BlockedUsers, CheckOptions, FindingId, Reason};
use writeback_wizard::engine::{self, Assessment, Credential, Login, Request};
use writeback_wizard::gui::pages::blocked::{List, Message, Sort};

fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(100_000);
    let before = status("VmRSS");
    let t0 = Instant::now();
    let a = match std::env::var("WW_BENCH_LAB_ENV") {
        Ok(path) => real(&path),
        Err(_) => synthetic(n),
    };
    println!(
        "wizard-rows: {} blocked users ({}; {:.1} s)",
        a.report.readiness.blocked,
        if std::env::var("WW_BENCH_LAB_ENV").is_ok() {
            "the wizard's check against the bulk lab"
        } else {
            "synthetic"
        },
        t0.elapsed().as_secs_f64()
    );
    println!(
        "wizard-rows: RSS before {} MiB, after the check {} MiB (peak {} MiB)",
        before / 1024,
        status("VmRSS") / 1024,
        status("VmHWM") / 1024
    );
    let mut list = List::default();
    let mut worst = Duration::ZERO;
    let mut time = |what: &str, list: &mut List, f: &dyn Fn(&mut List)| {
        let mut runs: Vec<Duration> = (0..5)
            .map(|_| {
                let t = Instant::now();
                f(list);
                t.elapsed()
            })
            .collect();
        runs.sort();
        let median = runs[2];
        worst = worst.max(median);
        println!(
            "wizard-rows: {what:<44} {:>8.2} ms  ({} shown)",
            median.as_secs_f64() * 1000.0,
            list.shown().len()
        );
    };
    time("order when the check finishes", &mut list, &|l| {
        l.refresh(Some(&a))
    });
    for typed in ["b", "bu", "bu0", "bu05", "bu050"] {
        time(&format!("filter, typing \"{typed}\""), &mut list, &|l| {
            l.update(Message::Filter(typed.into()), Some(&a))
        });
    }
    time("filter cleared", &mut list, &|l| {
        l.update(Message::Filter(String::new()), Some(&a))
    });
    let causes = list.causes().len();
    time(&format!("choose a cause (of {causes})"), &mut list, &|l| {
        l.update(Message::Cause(Some(causes.saturating_sub(1))), Some(&a))
    });
    time("all causes again", &mut list, &|l| {
        l.update(Message::Cause(None), Some(&a))
    });
    time("sort by name", &mut list, &|l| {
        l.update(Message::Sort(Sort::Name), Some(&a))
    });
    time("sort by DN", &mut list, &|l| {
        l.update(Message::Sort(Sort::Dn), Some(&a))
    });
    time("back to the scan's order", &mut list, &|l| {
        l.update(Message::Sort(Sort::Scan), Some(&a))
    });
    let middle = list.shown().len() as f32 / 2.0 * writeback_wizard::gui::rows::ROW_HEIGHT;
    time("draw the list scrolled to the middle", &mut list, &|l| {
        l.update(Message::Scrolled(middle), Some(&a));
        drop(l.view(&a));
    });
    println!(
        "wizard-rows: slowest {:.2} ms (target < 100 ms); RSS now {} MiB",
        worst.as_secs_f64() * 1000.0,
        status("VmRSS") / 1024
    );
}

/// A field of /proc/self/status in KiB (0 where there is none).
fn status(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The wizard's check of the lab in `env_file`, blocked users kept.
fn real(env_file: &str) -> Arc<Assessment> {
    let text = std::fs::read_to_string(env_file).expect("the lab's env file");
    let var = |k: &str| -> String {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .map(|v| v.trim_matches('\'').to_string())
            .unwrap_or_else(|| panic!("{k} missing from {env_file}"))
    };
    let mut options = writeback_wizard::ad::ConnectOptions::new(var("LAB_LDAPS_URL"));
    options.ca_file = Some(var("LAB_CA_FILE").into());
    let login = Login {
        options,
        credential: Credential::Password(writeback_wizard::ad::SimpleCredential {
            user: var("LAB_ADMIN_UPN"),
            password: zeroize::Zeroizing::new(var("LAB_ADMIN_PW")),
        }),
    };
    let request = Request {
        options: CheckOptions {
            page_size: 1000,
            ..CheckOptions::default()
        },
        ..Request::default()
    };
    let rt = tokio::runtime::Runtime::new().expect("a runtime");
    let a = rt
        .block_on(engine::assess(&login, &request, |_| {}))
        .expect("the check of the bulk lab");
    Arc::new(a)
}

/// `n` blocked users in 2 000 OUs, in no particular order: every one lacks the root's grants,
/// every tenth is also below a protected OU, over the outcome of a small fixture.
fn synthetic(n: usize) -> Arc<Assessment> {
    let outcome = writeback_wizard::check::fixture::Fixture::new()
        .user("CN=u,OU=Staff,DC=corp,DC=example", "")
        .run();
    let mut report = writeback_wizard::report::Report::from_outcome(&outcome);
    let reason = |id, object: &str| Reason {
        id,
        object: Arc::from(object),
    };
    let root = [
        reason(FindingId::RightResetPassword, "DC=corp,DC=example"),
        reason(FindingId::RightWritePwdLastSet, "DC=corp,DC=example"),
    ];
    let both = [
        root[0].clone(),
        root[1].clone(),
        reason(
            FindingId::InheritanceDisabled,
            "OU=B0007,DC=corp,DC=example",
        ),
    ];
    let mut store = BlockedUsers::new();
    for i in 0..n {
        // Not in name order, as a DC returns them.
        let k = (i * 7919) % n.max(1);
        store.push(BlockedRef {
            dn: &format!("CN=bu{k:06},OU=B{:04},DC=corp,DC=example", k % 2000),
            sam_account_name: &format!("bu{k:06}"),
            reasons: if i % 10 == 7 { &both } else { &root },
            class: writeback_wizard::sd::rights::CLASS_USER,
            missing: 3,
        });
    }
    report.readiness.blocked = n;
    report.users.blocked = Arc::new(store);
    Arc::new(Assessment {
        outcome,
        report,
        sync: None,
        memo: None,
        checked: None,
    })
}
