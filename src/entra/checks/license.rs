//! `cloud-license`: no Entra ID P1/P2 service plan is enabled in the tenant.
//!
//! Source: "Licensing requirements for Microsoft Entra self-service password reset" — password
//! writeback needs Entra ID P1 or P2 (also part of Microsoft 365 Business Premium, EMS, M365
//! E3/E5). Detected by the service plan IDs AAD_PREMIUM 41781fb2-… and AAD_PREMIUM_P2
//! eec0eb4f-… with provisioning status Success, in a SKU that is Enabled or in Warning.

use super::{AAD_PREMIUM, AAD_PREMIUM_P2};
use crate::check::FindingId;
use crate::check::{Finding, Severity};
use crate::entra::facts::CloudFacts;

pub fn check(f: &CloudFacts) -> Vec<Finding> {
    let Ok(skus) = &f.skus else {
        return Vec::new(); // read-incomplete reports it.
    };
    let licensed = skus.iter().any(|s| {
        matches!(s.capability_status.as_str(), "Enabled" | "Warning")
            && s.service_plans.iter().any(|p| {
                (p.service_plan_id.eq_ignore_ascii_case(AAD_PREMIUM)
                    || p.service_plan_id.eq_ignore_ascii_case(AAD_PREMIUM_P2))
                    && p.provisioning_status == "Success"
            })
    });
    if licensed {
        return Vec::new();
    }
    vec![
        Finding::new(FindingId::CloudLicense, Severity::Error, "tenant")
            .arg("count", skus.len())
            .arg(
                "subscribed",
                skus.iter()
                    .map(|s| format!("{} ({})", s.sku_part_number, s.capability_status))
                    .collect::<Vec<_>>(),
            ),
    ]
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::check::finding::Arg;
    use crate::entra::checks::{AAD_PREMIUM_P2, healthy};

    #[test]
    fn an_enabled_p1_plan_is_enough() {
        assert!(check(&healthy()).is_empty());
    }

    #[test]
    fn p2_in_a_sku_in_warning_counts_too() {
        let mut f = healthy();
        if let Ok(skus) = &mut f.skus {
            skus[0].capability_status = "Warning".into();
            skus[0].service_plans[0].service_plan_id = AAD_PREMIUM_P2.to_uppercase();
        }
        assert!(check(&f).is_empty());
    }

    #[test]
    fn a_suspended_sku_or_a_pending_plan_is_no_licence_and_names_what_is_subscribed() {
        for (status, provisioning) in [("Suspended", "Success"), ("Enabled", "PendingActivation")] {
            let mut f = healthy();
            if let Ok(skus) = &mut f.skus {
                skus[0].capability_status = status.into();
                skus[0].service_plans[0].provisioning_status = provisioning.into();
            }
            let out = check(&f);
            assert_eq!(out.len(), 1, "{status} {provisioning}");
            assert_eq!(out[0].get("count"), Some(&Arg::Number(1)));
            assert_eq!(
                out[0].get("subscribed"),
                Some(&Arg::List(vec![format!("AAD_PREMIUM ({status})")]))
            );
        }
    }

    #[test]
    fn no_subscription_at_all_is_an_error_and_an_unreadable_list_is_not() {
        let mut f = healthy();
        f.skus = Ok(Vec::new());
        assert_eq!(check(&f)[0].get("count"), Some(&Arg::Number(0)));
        f.skus = Err(crate::entra::facts::ReadError::Graph(
            crate::entra::GraphError::Unauthorized,
        ));
        assert!(check(&f).is_empty());
    }
}
