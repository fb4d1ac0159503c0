//! `pso-min-password-age`: a fine-grained password policy with a non-zero minimum age governs
//! in-scope users (via `msDS-ResultantPSO`).
//!
//! Source: "Tutorial: Enable Microsoft Entra self-service password reset writeback" (minimum
//! password age must be 0) and "Fine-grained password policies" (the PSO with the lowest
//! precedence wins and replaces the domain policy for its users).

use super::Input;
use crate::check::FindingId;
use crate::check::finding::{Arg, Finding, Severity};

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
            let mut f = Finding::new(FindingId::PsoMinPasswordAge, Severity::Error, &pso.dn)
                .arg("name", &pso.name)
                .arg("users", users)
                .arg("applies", pso.applies_to.clone());
            f = match pso.min_age {
                Some(age) => f.arg("age", Arg::Interval(age)),
                None => f.arg("age", "?"),
            };
            f = match pso.precedence {
                Some(p) => f.arg("precedence", p),
                None => f.arg("precedence", "?"),
            };
            Some(f)
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
        let title = crate::words::Words::english(crate::words::Face::Cli).title(f);
        assert!(
            title.contains("a minimum age of 1 day") && title.contains("governs 1 user in scope"),
            "{title}"
        );
        assert_eq!(
            o.scan.blocked.first().unwrap().reason_ids(),
            ["pso-min-password-age"]
        );
    }

    #[test]
    fn a_policy_with_age_zero_or_without_users_says_nothing() {
        assert!(run(Some(0), true).ready());
        let o = run(Some(-864_000_000_000), false);
        assert!(o.findings.iter().all(|f| f.id != "pso-min-password-age"));
    }
}
