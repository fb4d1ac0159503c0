//! `min-password-age`: the domain's minimum password age must be 0.
//!
//! Source: "Tutorial: Enable Microsoft Entra self-service password reset writeback" — the
//! "Minimum password age" policy must be 0; otherwise a reset shortly after a change is refused
//! (event 33008 / hr 0x80230619 style policy errors).

use super::{Input, interval_words};
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    match f.domain.min_pwd_age {
        Some(0) => Vec::new(),
        Some(age) => vec![
            Finding::new("min-password-age", Severity::Error, &f.domain.dn)
                .title(format!(
                    "The domain's minimum password age is {}, not 0",
                    interval_words(age)
                ))
                .detail(format!(
                    "minPwdAge = {age}. Users without a fine-grained policy cannot reset their \
                     password again within that time, so writeback of a new password is refused."
                ))
                .fix(
                    "Set \"Minimum password age\" to 0 in the GPO that sets the domain password \
                     policy (usually the Default Domain Policy); writeback-wizard plan \
                     --min-password-age-zero sets the attribute, but the GPO sets it back unless \
                     changed there too.",
                ),
        ],
        None => vec![
            Finding::new("min-password-age", Severity::Warning, &f.domain.dn)
                .title("The domain's minimum password age could not be read")
                .fix("Run the check with an account that can read the domain object."),
        ],
    }
}
