//! `right-unexpire-password` (error) and `right-change-password` (info).
//!
//! Source: "Microsoft Entra Connect: Configure AD DS Connector Account Permissions" and the SSPR
//! writeback tutorial: writeback sets `pwdLastSet = -1` after a reset unless the user must
//! change the password, and the DC refuses that without the Unexpire Password extended right on
//! the domain object (granted to Authenticated Users by default). Change Password is granted to
//! Everyone on users by default; some hardened domains remove it.

use super::{Input, evidence};
use crate::check::finding::{Finding, Severity};
use crate::sd::rights::{CLASS_DOMAIN_DNS, UNEXPIRE_PASSWORD};
use crate::sd::{Request, Target, evaluate};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    let Some(c) = &f.connector else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(sd) = &f.root.sd {
        let d = evaluate(
            &sd.dacl,
            &Target {
                class: CLASS_DOMAIN_DNS,
                object_sid: None,
            },
            &c.token,
            &Request::ControlAccess(UNEXPIRE_PASSWORD),
        );
        if !d.is_allowed() {
            out.push(
                Finding::new("right-unexpire-password", Severity::Error, &f.domain.dn)
                    .title("Nobody in the connector's token has Unexpire Password on the domain")
                    .detail(
                        "After a reset, writeback sets pwdLastSet to -1; the DC refuses that \
                         without the Unexpire Password right on the domain object. By default \
                         Authenticated Users has it.",
                    )
                    .fix(format!(
                        "Grant Unexpire Password on the domain root to {} (or restore the default \
                         grant to Authenticated Users).",
                        c.account.sam_account_name
                    ))
                    .evidence(evidence(f, &d)),
            );
        }
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
