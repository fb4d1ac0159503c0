//! Every recorded regression case (tests/data/access/regressions.txt) is what the DC decides.

use super::*;

#[tokio::test]
async fn every_recorded_regression_case_is_what_the_dc_decides() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let base = format!("OU=DiffReplay,{}", lab.var("LAB_LAB_OU_DN"));
    delete_tree(&mut admin, &base).await;
    admin
        .add(
            &base,
            vec![("objectClass", vec![b"organizationalUnit".to_vec()])],
        )
        .await
        .unwrap();
    let decoy = format!("CN=dfdecoy2,{base}");
    admin
        .add(
            &decoy,
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                ("sAMAccountName", vec![b"dfdecoy2".to_vec()]),
            ],
        )
        .await
        .unwrap();
    let names = Names {
        domain: lab.var("LAB_DOMAIN_SID").to_string(),
        connector: lab.var("LAB_MSOL_SID").to_string(),
        sync: lab.var("LAB_SYNC_GROUP_SID").to_string(),
        nested: lab.var("LAB_DELEGATES_GROUP_SID").to_string(),
        decoy: sid_of(&mut admin, &decoy).await.to_string(),
    };
    let mut msol = lab.connector().await;
    let mut wrong = Vec::new();
    let mut replayed = 0;
    for case in common::regression::cases() {
        if case.asked == Asked::Unexpire {
            continue;
        }
        let dn = throwaway(&mut admin, &base, &case.class).await;
        match dc_answer(&mut admin, &mut msol, &dn, &names, &case).await {
            Ok(dc) if dc == case.allowed => replayed += 1,
            other => wrong.push(format!("{} → DC {other:?}", case.line())),
        }
        let _ = admin.delete(&dn).await;
    }
    delete_tree(&mut admin, &base).await;
    assert!(replayed >= 10, "replayed {replayed}");
    assert!(
        wrong.is_empty(),
        "the DC decides otherwise:\n{}",
        wrong.join("\n")
    );
}
