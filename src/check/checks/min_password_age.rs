//! `min-password-age`: the domain's minimum password age must be 0.
//!
//! Source: "Tutorial: Enable Microsoft Entra self-service password reset writeback" — the
//! "Minimum password age" policy must be 0; otherwise a reset shortly after a change is refused
//! (event 33008 / hr 0x80230619 style policy errors).

use super::Input;
use crate::check::FindingId;
use crate::check::finding::{Arg, Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    let f = input.facts;
    match f.domain.min_pwd_age {
        Some(0) => Vec::new(),
        Some(age) => vec![
            Finding::new(FindingId::MinPasswordAge, Severity::Error, &f.domain.dn)
                .arg("age", Arg::Interval(age))
                .arg("value", age),
        ],
        None => vec![
            Finding::new(FindingId::MinPasswordAge, Severity::Warning, &f.domain.dn)
                .text(crate::check::Wording::MinPasswordAgeUnreadable),
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
