//! The scope and connector options select what is checked.

use super::*;

#[tokio::test]
async fn scope_and_connector_options_select_what_is_checked() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let users_ou = lab.var("LAB_USERS_OU_DN").to_string();
    let scoped = run(
        &mut admin,
        CheckOptions {
            scopes: vec![users_ou.clone(), lab.var("LAB_ALICE_DN").to_string()],
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(
        scoped.facts.scopes,
        std::slice::from_ref(&users_ou),
        "nested scopes collapse"
    );
    assert_eq!(scoped.scan.in_scope, 5, "alice, bob, erin, gina, henry");
    assert!(
        error(&scoped, "right-reset-password", lab.var("LAB_BASE_DN")),
        "the missing grant is at the domain root, above the scope"
    );
    assert!(
        !scoped
            .findings
            .iter()
            .any(|f| f.id == "inheritance-disabled"),
        "OU=Blocked is out of scope"
    );
    assert_eq!(uncovered(&scoped), Vec::<String>::new());

    let missing = format!("OU=Nope,{}", lab.var("LAB_BASE_DN"));
    let err = run(
        &mut admin,
        CheckOptions {
            scopes: vec![missing.clone()],
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, CheckError::ScopeNotFound(ref s) if *s == missing),
        "{err}"
    );
    assert!(err.to_string().contains("does not exist"));

    for given in [
        "MSOL_lab",
        "LAB\\MSOL_lab",
        "MSOL_lab@lab.example.test",
        lab.var("LAB_MSOL_DN"),
    ] {
        let o = run(
            &mut admin,
            CheckOptions {
                connector: Some(given.into()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
        assert_eq!(
            o.facts.connector.unwrap().account.dn,
            lab.var("LAB_MSOL_DN"),
            "{given}"
        );
    }
    let err = run(
        &mut admin,
        CheckOptions {
            connector: Some("nobody".into()),
            ..Default::default()
        },
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, CheckError::ConnectorNotFound(_)) && err.to_string().contains("nobody"),
        "{err}"
    );
}
