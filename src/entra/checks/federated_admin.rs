//! `cloud-federated-admin`: the signed-in admin's own domain is federated.
//!
//! Source: "Troubleshoot self-service password reset writeback" — onboarding writeback with a
//! federated admin account fails with event 32009; use a cloud-only account
//! (…onmicrosoft.com).

use crate::check::FindingId;
use crate::check::{Finding, Severity};
use crate::entra::facts::CloudFacts;

pub fn check(f: &CloudFacts) -> Vec<Finding> {
    let (Ok(domain), Ok(me)) = (&f.admin_domain, &f.me) else {
        return Vec::new();
    };
    if !domain.authentication_type.eq_ignore_ascii_case("Federated") {
        return Vec::new();
    }
    vec![
        Finding::new(
            FindingId::CloudFederatedAdmin,
            Severity::Error,
            &me.user_principal_name,
        )
        .arg("upn", &me.user_principal_name)
        .arg("domain", &domain.id),
    ]
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::check::finding::Arg;
    use crate::entra::checks::healthy;

    #[test]
    fn a_managed_domain_is_fine() {
        assert!(check(&healthy()).is_empty());
    }

    #[test]
    fn a_federated_admin_domain_is_an_error_naming_the_admin_and_the_domain() {
        let mut f = healthy();
        if let Ok(d) = &mut f.admin_domain {
            d.authentication_type = "federated".into();
        }
        let out = check(&f);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, crate::check::Severity::Error);
        assert_eq!(
            out[0].get("upn"),
            Some(&Arg::Text("admin@contoso.example".into()))
        );
        assert_eq!(
            out[0].get("domain"),
            Some(&Arg::Text("contoso.example".into()))
        );
    }

    #[test]
    fn nothing_is_said_when_the_domain_could_not_be_read() {
        let mut f = healthy();
        f.admin_domain = Err(crate::entra::facts::ReadError::Graph(
            crate::entra::GraphError::Unauthorized,
        ));
        assert!(check(&f).is_empty(), "read-incomplete says it");
    }
}
