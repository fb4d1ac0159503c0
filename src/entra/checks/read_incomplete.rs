//! `read-incomplete` for the cloud: a Graph read failed (permission, role, network), so the
//! cloud side cannot be judged completely. The result is then never ready.

use crate::check::FindingId;
use crate::check::finding::Arg;
use crate::check::{Finding, Severity};
use crate::entra::facts::{CloudFacts, ReadError};

pub fn check(f: &CloudFacts) -> Vec<Finding> {
    let reads = [
        ("/me", f.me.as_ref().err()),
        ("/me/memberOf (roles)", f.roles.as_ref().err()),
        ("/subscribedSkus", f.skus.as_ref().err()),
        ("/organization", f.organization.as_ref().err()),
        (
            "/domains (the admin's domain)",
            f.admin_domain.as_ref().err(),
        ),
    ];
    let problems: Vec<(String, ReadError)> = reads
        .into_iter()
        .filter_map(|(what, e)| e.map(|e| (what.to_string(), e.clone())))
        .collect();
    // The sync feature flags are information only: their absence does not block readiness.
    if problems.is_empty() {
        return Vec::new();
    }
    let mut finding = Finding::new(FindingId::ReadIncomplete, Severity::Warning, "tenant")
        .text(crate::check::Wording::ReadIncompleteCloud)
        .arg("count", problems.len());
    // The reads that failed, by their Graph path (never translated); why, in the sentences.
    for (what, _) in &problems {
        finding = finding.evidence(what.clone());
    }
    vec![finding.arg("unread", Arg::Unread(problems))]
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::check::Severity;
    use crate::entra::GraphError;
    use crate::entra::checks::healthy;

    #[test]
    fn everything_read_is_nothing_to_say() {
        assert!(check(&healthy()).is_empty());
    }

    #[test]
    fn each_failed_read_is_evidence_of_one_warning() {
        let mut f = healthy();
        f.roles = Err(GraphError::Unauthorized.into());
        f.organization = Err(crate::entra::facts::ReadError::NoOrganization);
        let out = check(&f);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].severity, Severity::Warning);
        assert_eq!(out[0].text, crate::check::Wording::ReadIncompleteCloud);
        assert_eq!(out[0].evidence, ["/me/memberOf (roles)", "/organization"]);
        // Why, in each language's words.
        let detail = |lang| {
            crate::words::Words::for_lang(Some(lang), crate::words::Face::Wizard).detail(&out[0])
        };
        assert!(
            detail("en-US").contains("/organization: "),
            "{}",
            detail("en-US")
        );
        assert!(
            detail("de-DE").contains("Organisationsobjekt"),
            "{}",
            detail("de-DE")
        );
    }

    #[test]
    fn the_sync_feature_flags_do_not_count() {
        let mut f = healthy();
        f.sync = Err(crate::entra::facts::ReadError::Graph(
            crate::entra::GraphError::Unauthorized,
        ));
        assert!(check(&f).is_empty());
    }
}
