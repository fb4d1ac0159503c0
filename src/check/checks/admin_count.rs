//! `admin-protected` and `admincount-stale`.
//!
//! Source: "Troubleshoot self-service password reset writeback" — writeback fails for accounts
//! protected by AdminSDHolder (`adminCount=1`): SDProp resets their DACL to AdminSDHolder's every
//! hour, so delegated rights never reach them. An account that left every protected group keeps
//! adminCount=1 and its protected DACL until someone clears them ("stale").

use super::Input;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (dn, protected) in &input.scan.admin_count {
        let stale = input.stale_admin.iter().any(|s| s.eq_ignore_ascii_case(dn));
        out.push(
            Finding::new("admin-protected", Severity::Warning, dn)
                .title("Protected account (adminCount=1): writeback fails for it by design")
                .detail(format!(
                    "Accounts protected by AdminSDHolder get their DACL reset by SDProp, so the \
                     connector's rights never reach them{}.",
                    if *protected {
                        " (its DACL does not inherit)"
                    } else {
                        ""
                    }
                ))
                .fix(if stale {
                    "See admincount-stale: this account is no longer in a protected group."
                } else {
                    "Expected for administrators: they reset their passwords on-premises. Do not \
                     grant rights on AdminSDHolder to work around it."
                }),
        );
        if stale {
            out.push(
                Finding::new("admincount-stale", Severity::Warning, dn)
                    .title("adminCount=1 but no longer in any protected group")
                    .detail(
                        "The account left the protected groups, but adminCount and the disabled \
                         inheritance stayed, so writeback still fails for it for no reason.",
                    )
                    .fix(
                        "Clear adminCount and enable inheritance on the account \
                         (writeback-wizard plan --clear-stale-admincount).",
                    ),
            );
        }
    }
    out
}
