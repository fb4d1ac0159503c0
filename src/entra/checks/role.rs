//! `cloud-role`: the signed-in account is not a Global Administrator.
//!
//! Source: "Tutorial: Enable Microsoft Entra self-service password reset writeback" and the
//! Connect wizard: a Hybrid Identity Administrator passes Connect's sign-in, but turning on
//! password writeback needs a Global Administrator.

use super::{GLOBAL_ADMINISTRATOR, HYBRID_IDENTITY_ADMINISTRATOR};
use crate::check::FindingId;
use crate::check::{Finding, Severity};
use crate::entra::facts::CloudFacts;

pub fn check(f: &CloudFacts) -> Vec<Finding> {
    let (Ok(roles), Ok(me)) = (&f.roles, &f.me) else {
        return Vec::new();
    };
    let has = |id: &str| roles.iter().any(|r| r.template_id.eq_ignore_ascii_case(id));
    if has(GLOBAL_ADMINISTRATOR) {
        return Vec::new();
    }
    let upn = &me.user_principal_name;
    if has(HYBRID_IDENTITY_ADMINISTRATOR) {
        return vec![
            Finding::new(FindingId::CloudRole, Severity::Warning, upn)
                .text(crate::check::Wording::CloudRoleHybrid)
                .arg("upn", upn),
        ];
    }
    vec![
        Finding::new(FindingId::CloudRole, Severity::Error, upn)
            .arg("upn", upn)
            .arg("count", roles.len())
            .arg(
                "roles",
                roles
                    .iter()
                    .map(|r| r.display_name.clone())
                    .collect::<Vec<_>>(),
            ),
    ]
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::check::Severity;
    use crate::check::finding::Arg;
    use crate::entra::checks::{HYBRID_IDENTITY_ADMINISTRATOR, healthy};
    use crate::entra::facts::Role;

    #[test]
    fn a_global_administrator_is_fine() {
        assert!(check(&healthy()).is_empty());
    }

    #[test]
    fn a_hybrid_identity_administrator_is_a_warning() {
        let mut f = healthy();
        f.roles = Ok(vec![Role {
            template_id: HYBRID_IDENTITY_ADMINISTRATOR.into(),
            display_name: "Hybrid Identity Administrator".into(),
        }]);
        let out = check(&f);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[0].text, crate::check::Wording::CloudRoleHybrid);
    }

    #[test]
    fn any_other_role_is_an_error_that_lists_the_roles() {
        let mut f = healthy();
        f.roles = Ok(vec![Role {
            template_id: "5d6b6bb7-de71-4623-b4af-96380a352509".into(),
            display_name: "Security Reader".into(),
        }]);
        let out = check(&f);
        assert_eq!(out[0].severity, Severity::Error);
        assert_eq!(
            out[0].get("roles"),
            Some(&Arg::List(vec!["Security Reader".into()]))
        );
        f.roles = Ok(Vec::new());
        assert_eq!(check(&f)[0].get("count"), Some(&Arg::Number(0)));
    }
}
