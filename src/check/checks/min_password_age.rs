//! `min-password-age`: the domain's minimum password age must be 0.
//!
//! Source: "Tutorial: Enable Microsoft Entra self-service password reset writeback" — the
//! "Minimum password age" policy must be 0; otherwise a reset shortly after a change is refused
//! (event 33008 / hr 0x80230619 style policy errors).

use super::{Input, interval_words};
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    match f.domain.min_pwd_age {
        Some(0) => Vec::new(),
        Some(age) => vec![
            Finding::new(FindingId::MinPasswordAge, Severity::Error, &f.domain.dn)
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
            Finding::new(FindingId::MinPasswordAge, Severity::Warning, &f.domain.dn)
                .title("The domain's minimum password age could not be read")
                .fix("Run the check with an account that can read the domain object."),
        ],
    }
}

#[cfg(test)]
mod tests {
    use crate::check::Severity;
    use crate::check::fixture::Fixture;

    fn finding(o: &crate::check::CheckOutcome) -> Option<Severity> {
        o.findings
            .iter()
            .find(|f| f.id == "min-password-age")
            .map(|f| f.severity)
    }

    #[test]
    fn a_minimum_age_is_an_error_zero_is_fine_and_unknown_is_a_warning() {
        assert_eq!(
            finding(&Fixture::new().min_pwd_age(-864_000_000_000).run()),
            Some(Severity::Error)
        );
        assert_eq!(finding(&Fixture::new().run()), None);
        let unknown = Fixture::new().with(|f| f.domain.min_pwd_age = None).run();
        assert_eq!(finding(&unknown), Some(Severity::Warning));
    }
}
