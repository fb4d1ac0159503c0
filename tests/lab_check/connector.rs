//! The connector account: a leftover MSOL_ account is passed over, only equal candidates are
//! ambiguous, and its token is the one the DC builds at its sign-in.

use super::*;

#[tokio::test]
async fn a_leftover_connector_is_passed_over_and_only_equal_candidates_are_ambiguous() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    // A leftover of an old installation: disabled, no Entra Connect description.
    let old = format!("CN=MSOL_0ld4b1e,{}", lab.var("LAB_SERVICE_OU_DN"));
    admin
        .add(
            &old,
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                ("sAMAccountName", vec![b"MSOL_0ld4b1e".to_vec()]),
                ("userAccountControl", vec![b"514".to_vec()]),
            ],
        )
        .await
        .unwrap();
    undo.created(&old);
    let leftover = run(&mut admin, CheckOptions::default()).await;

    // A second live installation: enabled, the same description, in the same groups (so it
    // holds the same grants), signed in and with its password set today like MSOL_lab.
    let second = format!("CN=MSOL_5ec0nd,{}", lab.var("LAB_SERVICE_OU_DN"));
    let pw = common::unicode_pwd(lab.var("LAB_MSOL_PW"));
    admin
        .add(
            &second,
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                ("sAMAccountName", vec![b"MSOL_5ec0nd".to_vec()]),
                (
                    "userPrincipalName",
                    vec![b"MSOL_5ec0nd@lab.example.test".to_vec()],
                ),
                (
                    "description",
                    vec![lab.var("LAB_MSOL_DESCRIPTION").as_bytes().to_vec()],
                ),
                ("unicodePwd", vec![pw.clone()]),
                ("userAccountControl", vec![b"66048".to_vec()]),
            ],
        )
        .await
        .unwrap();
    undo.created(&second);
    let sync = lab.var("LAB_SYNC_GROUP_DN").to_string();
    let members: Vec<String> = admin
        .read(&sync, &["member"], vec![])
        .await
        .unwrap()
        .unwrap()
        .texts("member");
    let mut with: Vec<&str> = members.iter().map(String::as_str).collect();
    with.push(&second);
    undo.set_attr(&mut admin, &sync, "member", &with).await;
    // Same password age for both (an admin reset to the same password), and a sign-in each.
    admin
        .replace(lab.var("LAB_MSOL_DN"), "unicodePwd", vec![pw], vec![])
        .await
        .unwrap();
    let _ = lab.connector().await;
    let second_cred = writeback_wizard::ad::SimpleCredential {
        user: "MSOL_5ec0nd@lab.example.test".into(),
        password: zeroize::Zeroizing::new(lab.var("LAB_MSOL_PW").to_string()),
    };
    let _ = Connection::simple(&lab.options(), &second_cred)
        .await
        .unwrap();
    let ambiguous = run(&mut admin, CheckOptions::default()).await;

    // Adding MSOL_lab to Domain Admins: connector-privileged.
    let da = lab.var("LAB_DOMAIN_ADMINS_DN").to_string();
    let members: Vec<String> = admin
        .read(&da, &["member"], vec![])
        .await
        .unwrap()
        .unwrap()
        .texts("member");
    let mut with_msol: Vec<&str> = members.iter().map(String::as_str).collect();
    with_msol.push(lab.var("LAB_MSOL_DN"));
    undo.set_attr(&mut admin, &da, "member", &with_msol).await;
    let privileged = run(
        &mut admin,
        CheckOptions {
            connector: Some("MSOL_lab".into()),
            ..Default::default()
        },
    )
    .await;
    undo.undo(&mut admin).await;

    let o = leftover.unwrap();
    assert_eq!(
        o.facts.connector.as_ref().map(|c| c.account.dn.as_str()),
        Some(lab.var("LAB_MSOL_DN")),
        "the live account wins over the leftover"
    );
    let info = o
        .findings
        .iter()
        .find(|f| f.id == "connector-candidates")
        .expect("the passed-over account is reported");
    assert_eq!(info.severity, Severity::Info);
    let detail =
        writeback_wizard::words::Words::english(writeback_wizard::words::Face::Cli).detail(info);
    assert!(detail.contains("MSOL_0ld4b1e (disabled)"), "{detail}");
    assert!(
        !o.findings
            .iter()
            .any(|f| f.id.as_str().starts_with("connector-not"))
    );
    assert!(
        !o.scan.blocked.iter().any(|b| b
            .reasons
            .iter()
            .any(|r| r.id.as_str().starts_with("connector"))),
        "users are judged against the chosen connector"
    );

    let o = ambiguous.unwrap();
    assert!(
        error(&o, "connector-ambiguous", lab.var("LAB_BASE_DN")),
        "{:#?}",
        o.findings
    );
    assert!(o.facts.connector.is_none());
    let evidence = &o
        .findings
        .iter()
        .find(|f| f.id == "connector-ambiguous")
        .unwrap()
        .evidence;
    assert!(evidence[0].contains("MSOL_5ec0nd") && evidence[0].contains("MSOL_lab"));
    assert!(!evidence[0].contains("MSOL_0ld4b1e"), "only the equal ones");
    assert!(
        o.scan
            .blocked
            .iter()
            .all(|b| b.reasons.iter().any(|r| r.id == "connector-ambiguous")),
        "every user is blocked with the finding's own id"
    );
    assert_eq!(uncovered(&o), Vec::<String>::new());

    let p = privileged.unwrap();
    let f = p
        .findings
        .iter()
        .find(|f| f.id == "connector-privileged")
        .expect("connector-privileged");
    assert_eq!(f.severity, Severity::Warning);
    let title =
        writeback_wizard::words::Words::english(writeback_wizard::words::Face::Cli).title(f);
    assert!(title.contains("Domain Admins"), "{title}");
}

#[tokio::test]
async fn the_connector_token_is_the_one_the_dc_builds_at_its_sign_in() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    let c = o.facts.connector.as_ref().unwrap();
    let engine: std::collections::BTreeSet<String> =
        c.token.sids().map(|s| s.to_string()).collect();
    // The DC's own word: the token of a real sign-in as MSOL_lab (rootDSE tokenGroups).
    let mut msol = lab.connector().await;
    let dc: std::collections::BTreeSet<String> = msol
        .session_token()
        .await
        .unwrap()
        .expect("the DC shows the session's token")
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(engine, dc, "engine token vs the DC's");
    // It holds what tokenGroups on the account does not show: the network-logon SIDs and the
    // alias reached through Authenticated Users.
    for sid in ["S-1-1-0", "S-1-5-2", "S-1-5-11", "S-1-5-32-554"] {
        assert!(engine.contains(sid), "{sid} in {engine:?}");
        assert!(
            !c.groups.iter().any(|g| g.to_string() == sid),
            "{sid} not in tokenGroups"
        );
    }
    assert!(o.facts.logon.from_dc);
}

#[tokio::test]
async fn replication_rights_and_write_dac_are_called_out_and_the_dc_honours_them() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let root = lab.var("LAB_BASE_DN").to_string();
    let users_ou = lab.var("LAB_USERS_OU_DN").to_string();
    let msol = lab.var("LAB_MSOL_SID");
    let ace = |s: &str| writeback_wizard::sd::sddl::parse_ace(s, &Default::default()).unwrap();
    let clean = run(&mut admin, CheckOptions::default()).await.unwrap();
    undo.add_aces(
        &mut admin,
        &root,
        &[
            ace(&format!(
                "(OA;;CR;1131f6aa-9c07-11d1-f79f-00c04fc2dcd2;;{msol})"
            )),
            ace(&format!(
                "(OA;;CR;1131f6ad-9c07-11d1-f79f-00c04fc2dcd2;;{msol})"
            )),
        ],
    )
    .await;
    undo.add_aces(&mut admin, &users_ou, &[ace(&format!("(A;;GA;;;{msol})"))])
        .await;
    let flagged = run(&mut admin, CheckOptions::default()).await;
    // The DC's word on Write DACL: bound as the connector, writing the OU's DACL back as it is.
    let mut connector = lab.connector().await;
    let sd = connector
        .read_security_descriptor(&users_ou, writeback_wizard::ad::controls::DACL)
        .await
        .unwrap()
        .expect("the connector reads the OU's DACL");
    let write = connector.write_dacl(&users_ou, &sd.sd).await;
    undo.undo(&mut admin).await;
    let after_undo = connector.write_dacl(&users_ou, &sd.sd).await;

    let of = |o: &CheckOutcome, id: &str| -> Vec<(Severity, String)> {
        o.findings
            .iter()
            .filter(|f| f.id == id)
            .map(|f| (f.severity, f.object.to_ascii_lowercase()))
            .collect()
    };
    assert_eq!(of(&clean, "connector-replication"), []);
    assert_eq!(of(&clean, "connector-excess"), []);
    let flagged = flagged.unwrap();
    assert_eq!(
        of(&flagged, "connector-replication"),
        [(Severity::Info, root.to_ascii_lowercase())]
    );
    assert!(
        of(&flagged, "connector-excess")
            .contains(&(Severity::Warning, users_ou.to_ascii_lowercase())),
        "{:?}",
        of(&flagged, "connector-excess")
    );
    assert!(
        write.is_ok(),
        "with GenericAll the DC lets the connector write the DACL: {write:?}"
    );
    assert!(after_undo.is_err(), "without it the DC refuses");
}
