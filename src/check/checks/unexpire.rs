//! `right-unexpire-password` (error) and `right-change-password` (info).
//!
//! Source: "Microsoft Entra Connect: Configure AD DS Connector Account Permissions" and the SSPR
//! writeback tutorial: writeback sets `pwdLastSet = -1` after a reset unless the user must
//! change the password, and the DC refuses that without the Unexpire Password extended right on
//! the domain object (granted to Authenticated Users by default). Change Password is granted to
//! Everyone on users by default; some hardened domains remove it.

use super::{Input, evidence};
use crate::check::finding::{Finding, Severity};
use crate::sd::Verdict;

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    let Some(c) = &f.connector else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(d) = f
        .unexpire()
        .filter(|d| !d.is_allowed() && d.verdict != Verdict::Unknown)
    {
        let denied = d.verdict == Verdict::Denied;
        out.push(
            Finding::new("right-unexpire-password", Severity::Error, &f.domain.dn)
                .title(if denied {
                    "A deny refuses the connector Unexpire Password on the domain"
                } else {
                    "Nobody in the connector's token has Unexpire Password on the domain"
                })
                .detail(
                    "After a reset, writeback sets pwdLastSet to -1; the DC refuses that \
                     without the Unexpire Password right on the domain object, so writeback \
                     fails for every user. By default Authenticated Users has it.",
                )
                .fix(if denied {
                    "Remove the deny ACE on the domain root; no grant can override it.".to_string()
                } else {
                    format!(
                        "Grant Unexpire Password on the domain root to {} (or restore the default \
                         grant to Authenticated Users).",
                        c.account.sam_account_name
                    )
                })
                .evidence(evidence(f, &d)),
        );
    }
    if input.scan.change_password_missing > 0 {
        out.push(
            Finding::new("right-change-password", Severity::Info, &f.domain.dn)
                .title(format!(
                    "Change Password is not granted on {} user(s)",
                    input.scan.change_password_missing
                ))
                .detail(
                    "By default Everyone may use Change Password on users; here the default \
                     grant is gone for some. Entra Connect's own permission cmdlet does not grant \
                     it, so this is for information.",
                )
                .fix(
                    "Nothing is required; restore the default grant if it was removed by mistake.",
                ),
        );
    }
    out
}
