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
        unknown: vec![Unknown::Registration(
            crate::entra::GraphError::Forbidden {
                path: "/reports/authenticationMethods/userRegistrationDetails/1".into(),
                code: "Authorization_RequestDenied".into(),
                message: "Insufficient privileges".into(),
                needs: "AuditLog.Read.All".into(),
            }
            .into(),
        )],
        ..PilotRow::default()
    };
    row.decide();
    assert_eq!(row.verdict, Some(PilotVerdict::Unknown));
    // Said in each language, the data (JSON) as the engine says it.
    let de = crate::words::Words::for_lang(Some("de-DE"), crate::words::Face::Wizard);
    let said = de.pilot_unknowns(&row.unknown);
    assert!(
        said.starts_with("SSPR-Registrierung: ") && said.contains("AuditLog.Read.All"),
        "{said}"
    );
    let json = serde_json::to_value(&row.unknown).unwrap();
    assert!(
        json[0].as_str().unwrap().starts_with("SSPR registration: "),
        "{json}"
    );
    assert!(findings(&report(vec![row])).is_empty());
}

#[test]
fn the_csv_quotes_when_needed_and_defuses_what_a_spreadsheet_would_run() {
    let row = PilotRow {
        dn: Some("CN=a\\, b,DC=x".into()),
        sam_account_name: Some("=HYPERLINK(\"http://x\")".into()),
        user_principal_name: Some("@sum".into()),
        ..PilotRow::default()
    };
    let text = csv(&report(vec![row]));
    let line = text.lines().nth(1).unwrap();
    assert!(line.starts_with("\"CN=a\\, b,DC=x\","), "{line}");
    assert!(
        line.contains(",\"'=HYPERLINK(\"\"http://x\"\")\",'@sum,"),
        "{line}"
    );
}
