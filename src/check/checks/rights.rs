//! `right-reset-password`, `right-write-pwdlastset`, `right-write-lockouttime`.
//!
//! Source: "Microsoft Entra Connect: Configure AD DS Connector Account Permissions"
//! (Set-ADSyncPasswordWritebackPermissions) and the SSPR writeback tutorial: at every domain root,
//! the connector needs Reset Password, write lockoutTime and write pwdLastSet on descendant user
//! objects. Reported on the outermost container from which down a right is missing — the domain
//! root when nothing grants it, or the container where a grant above stops reaching (a grant
//! that does not propagate, NO_PROPAGATE_INHERIT) — judged for a new user below every container
//! in scope, and for every blocked user.

use super::{Input, cause_findings};
use crate::check::finding::{Arg, Finding};
use crate::check::{Right, Wording};

pub fn check(input: &Input<'_>) -> Vec<Finding> {
    if input.facts.connector.is_none() {
        return Vec::new();
    }
    let root = &input.facts.domain.dn;
    Right::ALL
        .into_iter()
        .flat_map(|right| {
            cause_findings(input, right.id())
                .into_iter()
                .map(move |f| {
                    let user = matches!(
                        f.get("class"),
                        Some(Arg::Text(c))
                            if c.eq_ignore_ascii_case("user") || c.eq_ignore_ascii_case("inetOrgPerson")
                    );
                    let classes = match f.get("rights") {
                        Some(Arg::Rights(r)) => r
                            .iter()
                            .filter(|(x, _)| *x == right)
                            .flat_map(|(_, c)| c.clone())
                            .collect(),
                        _ => Vec::new(),
                    };
                    let place = if f.object.eq_ignore_ascii_case(root) {
                        "root"
                    } else if user {
                        "user"
                    } else {
                        "below"
                    };
                    f.text(match place {
                        "root" => Wording::RightMissingRoot,
                        "user" => Wording::RightMissingUser,
                        _ => Wording::RightMissingBelow,
                    })
                    .arg("right", Arg::Rights(vec![(right, Vec::new())]))
                    .arg("classes", Arg::List(classes))
                    .evidence("no ACE grants it")
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::check::fixture::{CONNECTOR, DOMAIN_DN, Fixture, grant_users};

    fn errors(o: &crate::check::CheckOutcome, id: &str) -> Vec<String> {
        o.findings
            .iter()
            .filter(|f| f.id == id && f.severity == crate::check::Severity::Error)
            .map(|f| f.object.clone())
            .collect()
    }

    #[test]
    fn nothing_granted_reports_each_right_at_the_root_with_its_users() {
        let o = Fixture::new()
            .ou("OU=A,DC=example,DC=test", "D:")
            .user("CN=u,OU=A,DC=example,DC=test", "D:")
            .run();
        for id in [
            "right-reset-password",
            "right-write-pwdlastset",
            "right-write-lockouttime",
        ] {
            assert_eq!(errors(&o, id), [DOMAIN_DN], "{id}");
        }
        let f = o
            .findings
            .iter()
            .find(|f| f.id == "right-reset-password")
            .unwrap();
        let detail = crate::words::Words::english(crate::words::Face::Cli).detail(f);
        assert!(detail.contains("1 user in scope is blocked"), "{detail}");
        assert!(!o.ready());
    }

    #[test]
    fn a_grant_that_stops_propagating_is_reported_where_the_gap_starts() {
        // The root grants Reset Password and pwdLastSet; OU=A grants lockoutTime to its direct
        // children only (NO_PROPAGATE): OU=B below it lacks it.
        let partial = grant_users().split(")(").take(1).collect::<String>() + ")";
        let o = Fixture::new()
            .grant_at_root(&partial)
            .grant_at_root(&format!(
                "(OA;CIIO;WP;bf967a0a-0de6-11d0-a285-00aa003049e2;{};{CONNECTOR})",
                crate::sd::rights::CLASS_USER
            ))
            .ou(
                "OU=A,DC=example,DC=test",
                &format!(
                    "D:(OA;CIIONP;WP;28630ebf-41d5-11d1-a9c1-0000f80367c1;{};{CONNECTOR})",
                    crate::sd::rights::CLASS_USER
                ),
            )
            .ou("OU=B,OU=A,DC=example,DC=test", "D:")
            .user("CN=direct,OU=A,DC=example,DC=test", "D:")
            .user("CN=deep,OU=B,OU=A,DC=example,DC=test", "D:")
            .run();
        assert_eq!(
            errors(&o, "right-write-lockouttime"),
            [DOMAIN_DN, "OU=B,OU=A,DC=example,DC=test"]
        );
        assert!(errors(&o, "right-reset-password").is_empty());
        let deep = o
            .scan
            .blocked
            .iter()
            .find(|b| b.dn.starts_with("CN=deep"))
            .unwrap();
        assert_eq!(deep.reason_ids(), ["right-write-lockouttime"]);
        assert_eq!(&*deep.reasons[0].object, "OU=B,OU=A,DC=example,DC=test");
        assert!(!o.scan.blocked.iter().any(|b| b.dn.starts_with("CN=direct")));
    }
}
