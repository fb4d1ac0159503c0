//! `admin-protected` and `admincount-stale`.
//!
//! Source: "Microsoft Entra self-service password reset writeback" — the service account that
//! handles writeback cannot change the passwords of users in protected groups; administrators
//! change their password in the cloud but cannot use writeback to reset a forgotten one (by
//! design; SSPR_0029). They are excluded from the verdict and listed. An account that left
//! every protected group keeps adminCount=1 and its protected DACL until someone clears them
//! ("stale"): it is blocked for no reason, which is an error when its rights are missing.

use super::{Input, cause_findings};
use crate::check::facts::AdminStatus;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for (dn, protected) in &input.scan.admin_count {
        if input.facts.admin_status(dn) != AdminStatus::Protected {
            continue;
        }
        out.push(
            Finding::new("admin-protected", Severity::Info, dn)
                .title("Protected administrator (adminCount=1): excluded from writeback by design")
                .detail(format!(
                    "Microsoft does not write back passwords of accounts in protected groups; they reset their passwords on-premises{}.",
                    if *protected {
                        ""
                    } else {
                        " (this account's DACL still inherits: SDProp has not protected it yet)"
                    }
                ))
                .fix("Nothing to do. Do not grant rights on AdminSDHolder to work around it."),
        );
    }
    out.extend(cause_findings(input, "admincount-stale", |_| {
        (
            "adminCount=1 but no longer in any protected group".into(),
            "The account left the protected groups, but adminCount and the disabled inheritance stayed, so writeback fails for it for no reason.".into(),
            "Clear adminCount and enable inheritance on the account (writeback-wizard plan --clear-stale-admincount), or let the plan grant the rights on it.".into(),
        )
    }));
    for (dn, _) in &input.scan.admin_count {
        let blocked = input.scan.causes.get("admincount-stale", dn).is_some();
        if input.facts.admin_status(dn) == AdminStatus::Stale && !blocked {
            out.push(
                Finding::new("admincount-stale", Severity::Warning, dn)
                    .title("adminCount=1 but no longer in any protected group")
                    .detail("Writeback works for it today, but adminCount=1 suggests it is still privileged.")
                    .fix("Clear adminCount on the account when it is no longer privileged."),
            );
        }
    }
    out
}
