//! The pilot table's findings and CSV, from rows built by hand.

use super::*;
use crate::check::finding::Arg;

fn report(rows: Vec<PilotRow>) -> PilotReport {
    PilotReport {
        group: "SSPR-Pilot".into(),
        cloud_checked: true,
        enabled_methods: None,
        rows,
    }
}

#[test]
fn a_ready_row_has_no_finding() {
    let mut row = PilotRow {
        dn: Some("CN=a,DC=x".into()),
        synced: Some(true),
        ..PilotRow::default()
    };
    row.decide();
    assert!(findings(&report(vec![row])).is_empty());
}

#[test]
fn each_cloud_reason_has_its_finding_and_a_blocked_row_names_the_user_and_the_reasons() {
    let mut row = PilotRow {
        dn: Some("CN=bob,OU=Staff,DC=x".into()),
        sam_account_name: Some("bob".into()),
        reasons: vec![
            "pilot-not-synced".into(),
            "pilot-no-license".into(),
            "right-reset-password".into(),
        ],
        admin: Some(true),
        ..PilotRow::default()
    };
    row.decide();
    let out = findings(&report(vec![row]));
    let ids: Vec<FindingId> = out.iter().map(|f| f.id).collect();
    assert_eq!(
        ids,
        [
            FindingId::PilotNotSynced,
            FindingId::PilotNoLicense,
            FindingId::PilotAdmin,
            FindingId::PilotUserBlocked
        ]
    );
    assert!(out.iter().all(|f| f.object == "CN=bob,OU=Staff,DC=x"));
    let blocked = &out[3];
    assert_eq!(blocked.get("name"), Some(&Arg::Text("bob".into())));
    let Some(Arg::List(reasons)) = blocked.get("reasons") else {
        panic!("{blocked:?}")
    };
    assert_eq!(reasons.len(), 3);
}

#[test]
fn an_unknown_row_is_not_called_blocked() {
    let mut row = PilotRow {
        user_principal_name: Some("carol@x".into()),
        unknown: vec!["SSPR registration: 403".into()],
        ..PilotRow::default()
    };
    row.decide();
    assert_eq!(row.verdict, Some(PilotVerdict::Unknown));
    assert!(findings(&report(vec![row])).is_empty());
}
