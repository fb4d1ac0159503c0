//! Denies: a deny, a gap or a protected user is reported where it is, whatever the root; an
//! account denied reading groups or descriptors is never ready.

use super::*;

#[tokio::test]
async fn denies_gaps_and_protected_users_are_reported_where_they_are_whatever_the_root() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let users_ou = lab.var("LAB_USERS_OU_DN").to_string();
    let lab_ou = lab.var("LAB_LAB_OU_DN").to_string();
    let henry = lab.var("LAB_HENRY_DN").to_string();
    let msol: Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    let mut undo = Undo::default();

    // A deny on OU=Users while the root grants nothing; a grant on OU=Lab that does not
    // propagate past its direct children; henry's inheritance disabled.
    let deny = Ace::deny(
        AceFlags::CONTAINER_INHERIT,
        AccessMask::CONTROL_ACCESS,
        msol.clone(),
        Some(RESET_PASSWORD),
        None,
    );
    undo.prepend_ace(&mut admin, &users_ou, deny).await;
    let np = Ace::allow(
        AceFlags::CONTAINER_INHERIT
            .union(AceFlags::INHERIT_ONLY)
            .union(AceFlags::NO_PROPAGATE_INHERIT),
        AccessMask::WRITE_PROPERTY,
        msol.clone(),
        Some(ATTR_LOCKOUT_TIME),
        Some(CLASS_USER),
    );
    undo.add_aces(&mut admin, &lab_ou, &[np]).await;
    undo.protect(&mut admin, &henry).await;
    let o = run(&mut admin, CheckOptions::default()).await;
    undo.undo(&mut admin).await;
    let o = o.unwrap();

    assert!(
        error(&o, "right-reset-password", &root),
        "{:#?}",
        o.findings
    );
    assert!(
        error(&o, "right-denied", &users_ou),
        "the deny is reported on OU=Users although the root grants nothing: {:#?}",
        o.findings
    );
    assert!(
        error(&o, "right-write-lockouttime", &users_ou),
        "OU=Lab's grant stops at its direct children: the gap starts at OU=Users"
    );
    let alice = reasons(&o, lab.var("LAB_ALICE_DN"));
    assert!(
        alice.contains(&pair("right-denied", &users_ou))
            && alice.contains(&pair("right-write-lockouttime", &users_ou))
            && alice.contains(&pair("right-write-pwdlastset", &root)),
        "{alice:?}"
    );
    assert!(
        error(&o, "inheritance-disabled", &henry),
        "a non-admin user with a protected DACL is an error on the user"
    );
    assert!(reasons(&o, &henry).contains(&pair("inheritance-disabled", &henry)));
    assert_eq!(uncovered(&o), Vec::<String>::new());
}

#[tokio::test]
async fn an_account_that_cannot_read_groups_or_descriptors_is_never_ready() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    // An explicit deny of READ_CONTROL for alice on bob: she cannot read bob's DACL.
    let (alice_sid, _) = admin.token_groups(lab.var("LAB_ALICE_DN")).await.unwrap();
    let deny = Ace::deny(AceFlags(0), AccessMask::READ_CONTROL, alice_sid, None, None);
    undo.prepend_ace(&mut admin, lab.var("LAB_BOB_DN"), deny)
        .await;
    let cred = writeback_wizard::ad::SimpleCredential {
        user: lab.var("LAB_ALICE_DN").to_string(),
        password: zeroize::Zeroizing::new(lab.var("LAB_USER_PW").to_string()),
    };
    let result = async {
        let mut alice = Connection::simple(&lab.options(), &cred).await?;
        run(&mut alice, CheckOptions::default()).await
    }
    .await;
    undo.undo(&mut admin).await;
    let o = result.unwrap();
    let f = o
        .findings
        .iter()
        .find(|f| f.id == "read-incomplete")
        .expect("read-incomplete");
    assert_eq!(f.severity, Severity::Error);
    assert!(
        f.evidence
            .iter()
            .any(|e| e.starts_with("nTSecurityDescriptor of ")),
        "{f:#?}"
    );
    assert!(!o.ready());
    assert!(o.scan.unreadable >= 1);
    assert_eq!(uncovered(&o), Vec::<String>::new());
    // Whatever alice could not read is never taken as "no groups": no administrator is called
    // stale on groups she could not read.
    for (dn, _) in &o.scan.admin_count {
        if o.facts.admin_status(dn) == writeback_wizard::check::AdminStatus::Stale {
            assert!(
                dn.eq_ignore_ascii_case(lab.var("LAB_GINA_DN")),
                "{dn} called stale"
            );
        }
    }
    if let Some(c) = &o.facts.connector
        && !c.groups_known
    {
        assert!(
            f.evidence.iter().any(|e| e.contains("tokenGroups")),
            "unreadable tokenGroups are said: {f:#?}"
        );
        assert!(o.scan.ready == 0, "no user is ready on an unknown token");
    }
}
