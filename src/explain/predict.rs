//! What a blocked user and the admin would see if that user reset their password now: the
//! password reset portal's message and the sync server's event, derived from the user's
//! reasons. One table, each row tied to the [`explain`](super) entry that lists its cause, so
//! `explain 33004` (a code → its causes) and a user's predicted error (the causes → a code)
//! come from the same data and cannot disagree (see the tests).
//!
//! The events are Entra Connect Sync's (`PasswordResetService` and `ADSync` in the sync server's
//! Application log), as Microsoft's "Troubleshoot self-service password reset writeback"
//! lists them; the portal's codes as "Troubleshoot self-service password reset" and
//! "Troubleshoot error SSPR_0029" list them. Cloud Sync's provisioning agent logs its own
//! traces; the portal's message is the same.

use serde::Serialize;

use super::Document;
use crate::check::FindingId;

/// What the password reset portal shows the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum Portal {
    /// SSPR_0029: "Your organization hasn't properly set up the on-premises configuration for
    /// password reset" (OnPremisesAdminActionRequired): writeback failed on-premises.
    #[serde(rename = "sspr_0029")]
    Sspr0029,
    /// SSPR_0012 (UserNotLicensed): the portal stops before anything reaches the sync server.
    #[serde(rename = "sspr_0012")]
    Sspr0012,
    /// The portal's message that the new password does not meet the on-premises password
    /// policy (it names no code).
    #[serde(rename = "policy_rejected")]
    PolicyRejected,
}

impl Portal {
    /// Its name in the JSON and CSV reports (Microsoft's code where it has one).
    pub fn code(self) -> &'static str {
        match self {
            Portal::Sspr0029 => "sspr_0029",
            Portal::Sspr0012 => "sspr_0012",
            Portal::PolicyRejected => "policy_rejected",
        }
    }

    /// Its words: `predict-portal-<key>`.
    pub fn key(self) -> &'static str {
        match self {
            Portal::Sspr0029 => "sspr0029",
            Portal::Sspr0012 => "sspr0012",
            Portal::PolicyRejected => "policy",
        }
    }
}

/// The error a user would meet, and where the admin sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Prediction {
    /// The sync server's event ID (`None`: the portal refuses before the server is asked).
    pub event: Option<u32>,
    pub portal: Portal,
    /// The `explain` entry that lists this cause (`explain <code>` says the rest).
    pub explain: &'static str,
    /// The document the prediction comes from.
    #[serde(skip)]
    pub source: Document,
}

/// What a reason is, as the report's and the pilot table's stable ids spell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Finding(FindingId),
    /// `account-disabled` (the pilot table).
    AccountDisabled,
    /// `cannot-change-password` (the pilot table).
    CannotChangePassword,
}

impl Basis {
    /// The basis by its stable id (`right-denied`, `account-disabled` …).
    pub fn parse(id: &str) -> Option<Basis> {
        match id {
            "account-disabled" => Some(Basis::AccountDisabled),
            "cannot-change-password" => Some(Basis::CannotChangePassword),
            _ => FindingId::ALL
                .iter()
                .find(|f| f.as_str() == id)
                .map(|f| Basis::Finding(*f)),
        }
    }
}

/// The connector account is refused when it sets the password or writes the attributes around
/// it: event 33004 (the connector was denied), SSPR_0029 in the portal.
const DENIED: Prediction = Prediction {
    event: Some(33004),
    portal: Portal::Sspr0029,
    explain: "33004",
    source: Document::Writeback,
};

/// The DC refuses the password on policy grounds (with the policy hints control, as writeback
/// sets passwords, the minimum age counts): event 33008.
const POLICY: Prediction = Prediction {
    event: Some(33008),
    portal: Portal::PolicyRejected,
    explain: "33008",
    source: Document::Writeback,
};

/// The prediction for one reason and its stage, or `None` when the reason
/// is no error a reset would meet (a user outside the sync scope, a read that failed, a
/// connector the tool could not identify: the outcome cannot be foretold). The stages are the
/// order in which a reset meets its obstacles — the portal's own checks, the account, the
/// connector's access, the password policy — and a user's first obstacle is the error they see.
pub fn for_basis(basis: Basis) -> Option<(usize, Prediction)> {
    use FindingId as F;
    Some(match basis {
        Basis::Finding(F::PilotNoLicense) => (
            0,
            Prediction {
                event: None,
                portal: Portal::Sspr0012,
                explain: "sspr0012",
                source: Document::Sspr,
            },
        ),
        Basis::AccountDisabled => (
            1,
            Prediction {
                event: Some(33005),
                portal: Portal::Sspr0029,
                explain: "33005",
                source: Document::Writeback,
            },
        ),
        Basis::Finding(
            F::RightResetPassword
            | F::RightWritePwdLastSet
            | F::RightWriteLockoutTime
            | F::RightDenied
            | F::InheritanceDisabled
            | F::AdminProtected
            | F::AdminCountStale
            | F::RightUnexpirePassword
            | F::SamServerRead,
        ) => (2, DENIED),
        Basis::Finding(F::MinPasswordAge | F::PsoMinPasswordAge) => (3, POLICY),
        Basis::CannotChangePassword => (
            4,
            Prediction {
                event: Some(6329),
                portal: Portal::Sspr0029,
                explain: "6329",
                source: Document::Writeback,
            },
        ),
        Basis::Finding(_) => return None,
    })
}

/// The error a user with these reasons (stable ids) would meet first, if any can be foretold.
pub fn first<'a>(ids: impl IntoIterator<Item = &'a str>) -> Option<Prediction> {
    ids.into_iter()
        .filter_map(Basis::parse)
        .filter_map(for_basis)
        .min_by_key(|(stage, _)| *stage)
        .map(|(_, p)| p)
}

/// The error a user blocked by these findings would meet first.
pub fn for_findings(ids: impl IntoIterator<Item = FindingId>) -> Option<Prediction> {
    ids.into_iter()
        .filter_map(|f| for_basis(Basis::Finding(f)))
        .min_by_key(|(stage, _)| *stage)
        .map(|(_, p)| p)
}

/// The reasons (finding ids) that predict `entry`'s code: the other way round, for `explain`.
pub fn findings_for_entry(entry: &super::Entry) -> Vec<FindingId> {
    FindingId::ALL
        .iter()
        .copied()
        .filter(|f| for_basis(Basis::Finding(*f)).is_some_and(|(_, p)| p.explain == entry.key))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use FindingId as F;

    /// Every reason the judge or the pilot table gives, with the error Microsoft's pages say it
    /// leads to (the event, the portal's message) and the page. A reason missing here, or a
    /// prediction the table does not expect, fails.
    /// The event and the portal's message a reason leads to.
    type Seen = Option<(Option<u32>, Portal)>;

    #[rustfmt::skip]
    const EXPECTED: &[(&str, Seen, Option<Document>)] = &[
        // "Troubleshoot SSPR writeback", event 33004: the connector account was denied.
        ("right-reset-password", Some((Some(33004), Portal::Sspr0029)), Some(Document::Writeback)),
        ("right-write-pwdlastset", Some((Some(33004), Portal::Sspr0029)), Some(Document::Writeback)),
        ("right-write-lockouttime", Some((Some(33004), Portal::Sspr0029)), Some(Document::Writeback)),
        ("right-denied", Some((Some(33004), Portal::Sspr0029)), Some(Document::Writeback)),
        ("inheritance-disabled", Some((Some(33004), Portal::Sspr0029)), Some(Document::Writeback)),
        ("admin-protected", Some((Some(33004), Portal::Sspr0029)), Some(Document::Writeback)),
        ("admincount-stale", Some((Some(33004), Portal::Sspr0029)), Some(Document::Writeback)),
        ("right-unexpire-password", Some((Some(33004), Portal::Sspr0029)), Some(Document::Writeback)),
        ("samserver-read", Some((Some(33004), Portal::Sspr0029)), Some(Document::Writeback)),
        // Event 33008: the password breaks the domain's policy (minimum age with policy hints).
        ("min-password-age", Some((Some(33008), Portal::PolicyRejected)), Some(Document::Writeback)),
        ("pso-min-password-age", Some((Some(33008), Portal::PolicyRejected)), Some(Document::Writeback)),
        // Event 33005: the account is disabled on-premises.
        ("account-disabled", Some((Some(33005), Portal::Sspr0029)), Some(Document::Writeback)),
        // ADSync 6329 with 0x80230619: "user cannot change password".
        ("cannot-change-password", Some((Some(6329), Portal::Sspr0029)), Some(Document::Writeback)),
        // "Troubleshoot SSPR", SSPR_0012 (UserNotLicensed): the portal stops first.
        ("pilot-no-license", Some((None, Portal::Sspr0012)), Some(Document::Sspr)),
        // No error a reset meets, or none that can be foretold.
        ("connector-not-found", None, None),
        ("connector-ambiguous", None, None),
        ("read-incomplete", None, None),
        ("pilot-not-synced", None, None),
        ("pilot-not-registered", None, None),
        ("account-locked", None, None),
        ("not-in-scope", None, None),
    ];

    #[test]
    fn every_reason_predicts_the_error_its_source_lists() {
        for (id, want, source) in EXPECTED {
            let got = Basis::parse(id).and_then(for_basis).map(|(_, p)| p);
            assert_eq!(got.map(|p| (p.event, p.portal)), *want, "{id}");
            assert_eq!(got.map(|p| p.source), *source, "{id}");
        }
    }

    /// Every finding id a blocked user's reasons can hold (the judge's, the domain's blockers,
    /// the pilot table's) is in the table above.
    #[test]
    fn the_table_covers_every_reason_a_user_can_have() {
        let reasons = [
            F::RightResetPassword,
            F::RightWritePwdLastSet,
            F::RightWriteLockoutTime,
            F::RightDenied,
            F::InheritanceDisabled,
            F::AdminProtected,
            F::AdminCountStale,
            F::RightUnexpirePassword,
            F::SamServerRead,
            F::MinPasswordAge,
            F::PsoMinPasswordAge,
            F::ConnectorNotFound,
            F::ConnectorAmbiguous,
            F::ReadIncomplete,
            F::PilotNotSynced,
            F::PilotNoLicense,
            F::PilotNotRegistered,
        ];
        for f in reasons {
            assert!(
                EXPECTED.iter().any(|(id, ..)| *id == f.as_str()),
                "{f} has no expected prediction"
            );
        }
        // And nothing outside it predicts anything.
        for f in FindingId::ALL {
            if !reasons.contains(f) {
                assert_eq!(for_basis(Basis::Finding(*f)), None, "{f}");
            }
        }
    }

    /// Both ways agree: the entry a prediction names exists, cites the prediction's source and
    /// lists the reason among its causes (`explain 33004` names right-denied, and a user blocked
    /// by right-denied is told 33004).
    #[test]
    fn explain_lists_each_predicted_reason_under_its_code() {
        for (id, want, _) in EXPECTED {
            let Some(basis) = Basis::parse(id) else {
                continue;
            };
            let Some((_, p)) = for_basis(basis) else {
                assert!(want.is_none());
                continue;
            };
            let entry = super::super::ENTRIES
                .iter()
                .find(|e| e.key == p.explain)
                .unwrap_or_else(|| panic!("{id}: no explain entry {}", p.explain));
            assert!(entry.documents.contains(&p.source), "{id}");
            if let Some(event) = p.event {
                assert!(entry.codes.contains(&event.to_string().as_str()), "{id}");
            }
            if let Basis::Finding(f) = basis {
                assert!(
                    entry.causes.iter().any(|c| c.findings.contains(&f)),
                    "explain {} does not list {id}",
                    p.explain
                );
                assert!(findings_for_entry(entry).contains(&f));
            }
        }
    }

    #[test]
    fn the_portals_code_is_its_json_name() {
        for p in [Portal::Sspr0029, Portal::Sspr0012, Portal::PolicyRejected] {
            assert_eq!(serde_json::to_value(p).unwrap(), p.code());
        }
    }

    #[test]
    fn the_first_obstacle_is_the_error_seen() {
        // Denied before the policy is asked.
        assert_eq!(
            first(["min-password-age", "right-denied"]).map(|p| p.event),
            Some(Some(33004))
        );
        assert_eq!(
            for_findings([F::PsoMinPasswordAge]).map(|p| p.event),
            Some(Some(33008))
        );
        // The portal's licence check before anything on-premises.
        assert_eq!(
            first(["right-denied", "pilot-no-license"]).map(|p| p.portal),
            Some(Portal::Sspr0012)
        );
        assert_eq!(
            first(["account-disabled", "right-denied"]).map(|p| p.event),
            Some(Some(33005))
        );
        // Nothing foretold: no prediction, not a guess.
        assert_eq!(first(["read-incomplete", "not-in-scope"]), None);
    }
}
