//! The readiness check against the seeded lab: every seeded problem yields its finding on the
//! right object; fixing it makes the finding go away; a fully prepared lab is ready (exit 0);
//! a deny is `right-denied`; the nested-group grant counts; scope and connector options work.

mod common;

use common::{Lab, Undo};
use writeback_wizard::ad::Connection;
use writeback_wizard::check::{self, CheckError, CheckOptions, CheckOutcome, Severity};
use writeback_wizard::sd::rights::*;
use writeback_wizard::sd::{AccessMask, Ace, AceFlags, Sid};

async fn run(conn: &mut Connection, opts: CheckOptions) -> Result<CheckOutcome, CheckError> {
    let opts = CheckOptions {
        page_size: 100,
        ..opts
    };
    check::run(conn, &opts, |_| {}).await
}

fn ids_on(o: &CheckOutcome, object: &str) -> Vec<&'static str> {
    let mut v: Vec<_> = o
        .findings
        .iter()
        .filter(|f| f.object.eq_ignore_ascii_case(object))
        .map(|f| f.id)
        .collect();
    v.sort();
    v
}

fn has(o: &CheckOutcome, id: &str, object: &str) -> bool {
    o.findings
        .iter()
        .any(|f| f.id == id && f.object.eq_ignore_ascii_case(object))
}

fn reasons(o: &CheckOutcome, dn: &str) -> Vec<&'static str> {
    o.scan
        .blocked
        .iter()
        .find(|b| b.dn.eq_ignore_ascii_case(dn))
        .map(|b| b.reasons.clone())
        .unwrap_or_default()
}

/// The connector's three writeback ACEs for descendant objects of `class`.

#[tokio::test]
async fn seeded_lab_yields_each_seeded_problem_on_its_object() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    let root = lab.var("LAB_BASE_DN");
    assert!(!o.ready());
    let c = o.facts.connector.as_ref().expect("MSOL_lab detected");
    assert_eq!(c.account.dn, lab.var("LAB_MSOL_DN"));
    for id in [
        "right-reset-password",
        "right-write-pwdlastset",
        "right-write-lockouttime",
        "min-password-age",
    ] {
        assert!(has(&o, id, root), "{id} at the root: {:#?}", o.findings);
    }
    assert!(
        !o.findings.iter().any(|f| f.id == "right-unexpire-password"),
        "AU has Unexpire Password by default"
    );
    assert_eq!(
        ids_on(&o, lab.var("LAB_BLOCKED_OU_DN")),
        ["inheritance-disabled"]
    );
    assert!(has(&o, "pso-min-password-age", lab.var("LAB_PSO_DN")));
    assert_eq!(ids_on(&o, lab.var("LAB_DAVE_DN")), ["admin-protected"]);
    assert_eq!(
        ids_on(&o, lab.var("LAB_GINA_DN")),
        ["admin-protected", "admincount-stale"]
    );
    assert!(!o.findings.iter().any(|f| f.id.starts_with("connector")));
    assert!(
        !o.findings.iter().any(|f| f.id == "read-incomplete"),
        "{:#?}",
        o.findings
    );
    assert!(!o.findings.iter().any(|f| f.id == "ldap-transport"));

    // Per-user reasons.
    let carol = reasons(&o, lab.var("LAB_CAROL_DN"));
    assert!(
        carol.contains(&"inheritance-disabled") && carol.contains(&"right-reset-password"),
        "{carol:?}"
    );
    assert!(reasons(&o, lab.var("LAB_DAVE_DN")).contains(&"admin-protected"));
    let bob = reasons(&o, lab.var("LAB_BOB_DN"));
    assert!(
        bob.contains(&"pso-min-password-age") && !bob.contains(&"min-password-age"),
        "{bob:?}"
    );
    // The nested-group grant on OU=Delegated counts: only the domain policy blocks frank.
    assert_eq!(reasons(&o, lab.var("LAB_FRANK_DN")), ["min-password-age"]);
    assert_eq!(o.scan.blocked.len() + o.scan.ready, o.scan.in_scope);
    assert!(o.scan.in_scope >= 8);
}

#[tokio::test]
async fn fixing_each_problem_clears_its_finding_until_the_lab_is_ready() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let blocked_ou = lab.var("LAB_BLOCKED_OU_DN").to_string();
    let msol: Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    let mut undo = Undo::default();
    let mut failures: Vec<String> = Vec::new();
    let mut expect = |cond: bool, what: &str| {
        if !cond {
            failures.push(what.to_string());
        }
    };

    // 1. Rights at the root, for user and inetOrgPerson.
    let mut aces = common::grant(&msol, CLASS_USER);
    aces.extend(common::grant(&msol, CLASS_INET_ORG_PERSON));
    undo.add_aces(&mut admin, &root, &aces).await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    expect(
        !o.findings.iter().any(|f| f.id.starts_with("right-")),
        "rights gone after the root grant",
    );
    expect(
        has(&o, "inheritance-disabled", &blocked_ou),
        "OU=Blocked still blocked",
    );
    expect(
        reasons(&o, lab.var("LAB_ALICE_DN")) == ["min-password-age"],
        "alice only blocked by policy",
    );
    expect(
        reasons(&o, lab.var("LAB_ERIN_DN")) == ["min-password-age"],
        "erin (inetOrgPerson) granted",
    );

    // 2. The same rights on the protected OU.
    undo.add_aces(&mut admin, &blocked_ou, &common::grant(&msol, CLASS_USER))
        .await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    expect(
        !has(&o, "inheritance-disabled", &blocked_ou),
        "OU=Blocked fixed by its own grant",
    );
    expect(
        reasons(&o, lab.var("LAB_CAROL_DN")) == ["min-password-age"],
        "carol only blocked by policy",
    );

    // 3. Password ages.
    undo.set_attr(&mut admin, &root, "minPwdAge", &["0"]).await;
    undo.set_attr(
        &mut admin,
        lab.var("LAB_PSO_DN"),
        "msDS-MinimumPasswordAge",
        &["0"],
    )
    .await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    expect(
        !o.findings.iter().any(|f| f.id.contains("password-age")),
        "age findings gone",
    );
    expect(o.ready(), "the prepared lab is ready");
    let mut blocked: Vec<String> = o
        .scan
        .blocked
        .iter()
        .map(|b| b.dn.to_ascii_lowercase())
        .collect();
    blocked.sort();
    for dn in [lab.var("LAB_DAVE_DN"), lab.var("LAB_GINA_DN")] {
        expect(
            blocked.contains(&dn.to_ascii_lowercase()),
            "admin users still listed as blocked",
        );
    }
    expect(
        o.scan
            .blocked
            .iter()
            .all(|b| b.reasons.contains(&"admin-protected")),
        "only protected accounts remain blocked",
    );
    expect(
        !o.findings.iter().any(|f| f.severity == Severity::Error),
        "no error findings",
    );

    // The CLI agrees: exit 0 and ready in the JSON.
    let mut args = lab.check_args();
    args.extend(["--format".into(), "json".into()]);
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, err) = common::run_bin(&argv, &[("ADMIN_PW", lab.var("LAB_ADMIN_PW"))]);
    expect(code == 0, &format!("CLI exit {code}: {err}"));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    expect(
        json["ready"] == true && json["schema"] == 1,
        "CLI JSON says ready",
    );

    // 4. A deny on OU=Users is reported as right-denied there, and alice is blocked by it.
    let deny = Ace::deny(
        AceFlags::CONTAINER_INHERIT,
        AccessMask::CONTROL_ACCESS,
        msol.clone(),
        Some(RESET_PASSWORD),
        None,
    );
    undo.prepend_ace(&mut admin, lab.var("LAB_USERS_OU_DN"), deny)
        .await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    expect(
        has(&o, "right-denied", lab.var("LAB_USERS_OU_DN")),
        "right-denied on OU=Users",
    );
    expect(
        reasons(&o, lab.var("LAB_ALICE_DN")) == ["right-denied"],
        "alice blocked by the deny",
    );
    expect(!o.ready(), "a deny makes it not ready");

    undo.undo(&mut admin).await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    expect(
        has(&o, "right-reset-password", &root) && has(&o, "min-password-age", &root),
        "undone",
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

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
        has(&scoped, "right-reset-password", &users_ou),
        "findings at the scope base"
    );
    assert!(
        !scoped
            .findings
            .iter()
            .any(|f| f.id == "inheritance-disabled"),
        "OU=Blocked is out of scope"
    );

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

#[tokio::test]
async fn second_candidate_makes_detection_ambiguous_and_domain_admins_membership_is_flagged() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let second = format!("CN=MSOL_second,{}", lab.var("LAB_SERVICE_OU_DN"));
    admin
        .add(
            &second,
            vec![
                ("objectClass", vec![b"user".to_vec()]),
                ("sAMAccountName", vec![b"MSOL_second".to_vec()]),
            ],
        )
        .await
        .unwrap();
    undo.created(&second);
    let o = run(&mut admin, CheckOptions::default()).await;
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
    let p = run(
        &mut admin,
        CheckOptions {
            connector: Some("MSOL_lab".into()),
            ..Default::default()
        },
    )
    .await;
    undo.undo(&mut admin).await;

    let o = o.unwrap();
    assert!(
        has(&o, "connector-ambiguous", lab.var("LAB_BASE_DN")),
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
    assert!(evidence[0].contains("MSOL_second") && evidence[0].contains("MSOL_lab"));
    let p = p.unwrap();
    let f = p
        .findings
        .iter()
        .find(|f| f.id == "connector-privileged")
        .expect("connector-privileged");
    assert_eq!(f.severity, Severity::Warning);
    assert!(f.title.contains("Domain Admins"), "{}", f.title);
}

#[tokio::test]
async fn an_account_that_cannot_read_security_descriptors_is_never_ready() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    // An explicit deny of READ_CONTROL for alice on bob: she cannot read bob's DACL.
    let (alice_sid, _) = admin.token_groups(lab.var("LAB_ALICE_DN")).await.unwrap();
    let deny = Ace::deny(AceFlags(0), AccessMask::READ_CONTROL, alice_sid, None, None);
    undo.prepend_ace(&mut admin, lab.var("LAB_BOB_DN"), deny)
        .await;
    let opts = writeback_wizard::ad::ConnectOptions {
        ca_file: Some(lab.var("LAB_CA_FILE").into()),
        ..writeback_wizard::ad::ConnectOptions::new(lab.var("LAB_LDAPS_URL"))
    };
    let cred = writeback_wizard::ad::SimpleCredential {
        user: lab.var("LAB_ALICE_DN").to_string(),
        password: zeroize::Zeroizing::new(lab.var("LAB_USER_PW").to_string()),
    };
    let result = async {
        let mut alice = Connection::simple(&opts, &cred).await?;
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
    assert!(
        f.evidence.iter().any(|e| e.contains("could not be read")),
        "{f:#?}"
    );
    assert!(!o.ready());
    assert!(o.scan.unreadable >= 1);
}
