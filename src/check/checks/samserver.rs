//! `samserver-read`: Authenticated Users cannot read `CN=Server,CN=System`.
//!
//! Source: "Troubleshoot self-service password reset writeback" (hardening that removes the
//! default read access of Authenticated Users on the SAM server object makes writeback fail).

use super::Input;
use crate::check::finding::{Finding, Severity};
use crate::sd::rights::CLASS_USER;
use crate::sd::{AccessMask, Request, Sid, Target, Token, evaluate};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    let Some(sd) = &f.sam_server else {
        return Vec::new();
    };
    let au = Token::new(Sid::authenticated_users(), []);
    let d = evaluate(
        &sd.dacl,
        &Target {
            class: CLASS_USER,
            object_sid: None,
        },
        &au,
        &Request::Rights(AccessMask::READ_PROPERTY),
    );
    if d.is_allowed() {
        return Vec::new();
    }
    vec![
        Finding::new(
            "samserver-read",
            Severity::Warning,
            format!("CN=Server,CN=System,{}", f.domain.dn),
        )
        .title("Authenticated Users cannot read the SAM server object")
        .detail("Password operations over SAMR need it; the default grants Authenticated Users read access.")
        .fix("Restore read access for Authenticated Users on CN=Server,CN=System.")
        .evidence(super::evidence(f, &d)),
    ]
}
