//! The readiness check against the seeded lab: every seeded problem yields its finding on the
//! object that holds it; every blocked user's reasons are covered by those findings; fixing
//! each problem makes its finding go away until only protected administrators are left, which
//! is ready; a deny anywhere (on a user, on an OU below an ungranted root) is reported where it
//! is; a leftover MSOL_ account does not stop detection; scope and connector options work.

#[path = "../common/mod.rs"]
mod common;

mod connector;
mod denies;
mod options;
mod seeded;
mod streaming;
mod sync_scope;

use common::{Lab, Undo, uncovered};
use writeback_wizard::ad::Connection;
use writeback_wizard::check::{self, CheckError, CheckOptions, CheckOutcome, Severity};
use writeback_wizard::sd::rights::*;
use writeback_wizard::sd::{AccessMask, Ace, AceFlags, Sid};

async fn run(conn: &mut Connection, opts: CheckOptions) -> Result<CheckOutcome, CheckError> {
    let opts = CheckOptions {
        page_size: 100,
        ..opts
    };
    check::run(conn, &opts, |_| {}).await
}

fn error(o: &CheckOutcome, id: &str, object: &str) -> bool {
    o.findings.iter().any(|f| {
        f.id == id && f.severity == Severity::Error && f.object.eq_ignore_ascii_case(object)
    })
}

/// (id, object) of each reason `dn` is blocked for.
fn reasons(o: &CheckOutcome, dn: &str) -> Vec<(String, String)> {
    o.scan
        .blocked
        .iter()
        .find(|b| b.dn.eq_ignore_ascii_case(dn))
        .map(|b| {
            b.reasons
                .iter()
                .map(|r| (r.id.to_string(), r.object.to_ascii_lowercase()))
                .collect()
        })
        .unwrap_or_default()
}

fn pair(id: &str, object: &str) -> (String, String) {
    (id.to_string(), object.to_ascii_lowercase())
}
