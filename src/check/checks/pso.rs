//! `pso-min-password-age`: a fine-grained password policy with a non-zero minimum age governs
//! in-scope users (via `msDS-ResultantPSO`).
//!
//! Source: "Tutorial: Enable Microsoft Entra self-service password reset writeback" (minimum
//! password age must be 0) and "Fine-grained password policies" (the PSO with the lowest
//! precedence wins and replaces the domain policy for its users).

use super::{Input, interval_words};
use crate::check::FindingId;
use crate::check::finding::{Finding, Severity};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    input
        .facts
        .psos
        .iter()
        .filter_map(|pso| {
            let users = input
                .scan
                .pso_users
                .get(&pso.dn.to_ascii_lowercase())
                .copied()
                .unwrap_or(0);
            if users == 0 || pso.min_age == Some(0) {
                return None;
            }
            Some(
                Finding::new(FindingId::PsoMinPasswordAge, Severity::Error, &pso.dn)
                    .title(format!(
                        "Password policy {} has a minimum age of {} and governs {users} user(s) in scope",
                        pso.name,
                        pso.min_age.map_or("an unknown value".into(), interval_words)
                    ))
                    .detail(format!(
                        "Precedence {}; applies to {}. For these users it replaces the domain \
                         policy, so its minimum age blocks writeback.",
                        pso.precedence.map_or("unknown".into(), |p| p.to_string()),
                        if pso.applies_to.is_empty() {
                            "nobody directly".to_string()
                        } else {
                            pso.applies_to.join("; ")
                        }
                    ))
                    .fix(format!(
                        "Set msDS-MinimumPasswordAge of {} to 0 (writeback-wizard plan --fix-pso \"{}\").",
                        pso.name, pso.name
                    )),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::AdminStatus;
    use crate::check::fixture::{Fixture, grant_users};

    const PSO: &str = "CN=P,CN=Password Settings Container,CN=System,DC=example,DC=test";

    fn run(age: Option<i64>, governed: bool) -> crate::check::CheckOutcome {
        Fixture::new()
            .grant_at_root(&grant_users())
            .pso(PSO, "P", age)
            .user_as(
                "CN=u,DC=example,DC=test",
                "user",
                "D:",
                None::<AdminStatus>,
                governed.then_some(PSO),
            )
            .run()
    }

    #[test]
    fn a_policy_with_a_minimum_age_that_governs_users_blocks_them() {
        let o = run(Some(-864_000_000_000), true);
        let f = o
            .findings
            .iter()
            .find(|f| f.id == "pso-min-password-age")
            .unwrap();
        assert!(
            f.title.contains("1 day") && f.title.contains("1 user(s)"),
            "{}",
            f.title
        );
        assert_eq!(o.scan.blocked[0].reason_ids(), ["pso-min-password-age"]);
    }

    #[test]
    fn a_policy_with_age_zero_or_without_users_says_nothing() {
        assert!(run(Some(0), true).ready());
        let o = run(Some(-864_000_000_000), false);
        assert!(o.findings.iter().all(|f| f.id != "pso-min-password-age"));
    }
}
