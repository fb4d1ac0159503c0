//! The readiness check against the seeded lab: every seeded problem yields its finding on the
//! object that holds it; every blocked user's reasons are covered by those findings; fixing
//! each problem makes its finding go away until only protected administrators are left, which
//! is ready; a deny anywhere (on a user, on an OU below an ungranted root) is reported where it
//! is; a leftover MSOL_ account does not stop detection; scope and connector options work.

mod common;

use common::{Lab, Undo, uncovered};
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
        .map(|f| f.id.as_str())
        .collect();
    v.sort();
    v
}

fn has(o: &CheckOutcome, id: &str, object: &str) -> bool {
    o.findings
        .iter()
        .any(|f| f.id == id && f.object.eq_ignore_ascii_case(object))
}

fn error(o: &CheckOutcome, id: &str, object: &str) -> bool {
    o.findings.iter().any(|f| {
        f.id == id && f.severity == Severity::Error && f.object.eq_ignore_ascii_case(object)
    })
}

/// (id, object) of each reason `dn` is blocked for.
fn reasons(o: &CheckOutcome, dn: &str) -> Vec<(String, String)> {
    o.scan
        .blocked
        .iter()
        .find(|b| b.dn.eq_ignore_ascii_case(dn))
        .map(|b| {
            b.reasons
                .iter()
                .map(|r| (r.id.to_string(), r.object.to_ascii_lowercase()))
                .collect()
        })
        .unwrap_or_default()
}

fn ids(o: &CheckOutcome, dn: &str) -> Vec<String> {
    let mut v: Vec<String> = reasons(o, dn).into_iter().map(|(i, _)| i).collect();
    v.sort();
    v.dedup();
    v
}

fn pair(id: &str, object: &str) -> (String, String) {
    (id.to_string(), object.to_ascii_lowercase())
}

fn excluded(o: &CheckOutcome) -> Vec<String> {
    let mut v: Vec<String> = o
        .scan
        .excluded
        .iter()
        .map(|x| x.sam_account_name.to_ascii_lowercase())
        .collect();
    v.sort();
    v
}

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
    assert!(c.groups_known);
    for id in [
        "right-reset-password",
        "right-write-pwdlastset",
        "right-write-lockouttime",
        "min-password-age",
    ] {
        assert!(error(&o, id, root), "{id} at the root: {:#?}", o.findings);
    }
    assert!(
        !o.findings.iter().any(|f| f.id == "right-unexpire-password"),
        "AU has Unexpire Password by default"
    );
    assert_eq!(
        ids_on(&o, lab.var("LAB_BLOCKED_OU_DN")),
        ["inheritance-disabled"]
    );
    assert!(error(&o, "pso-min-password-age", lab.var("LAB_PSO_DN")));
    assert_eq!(ids_on(&o, lab.var("LAB_DAVE_DN")), ["admin-protected"]);
    assert_eq!(ids_on(&o, lab.var("LAB_GINA_DN")), ["admincount-stale"]);
    assert!(error(&o, "admincount-stale", lab.var("LAB_GINA_DN")));
    assert!(
        !o.findings
            .iter()
            .any(|f| f.id.as_str().starts_with("connector"))
    );
    assert!(
        !o.findings.iter().any(|f| f.id == "read-incomplete"),
        "{:#?}",
        o.findings
    );

    // Per-user reasons name the object that holds the cause.
    let carol = reasons(&o, lab.var("LAB_CAROL_DN"));
    assert!(
        carol.contains(&pair("inheritance-disabled", lab.var("LAB_BLOCKED_OU_DN"))),
        "{carol:?}"
    );
    let bob = reasons(&o, lab.var("LAB_BOB_DN"));
    assert!(
        bob.contains(&pair("pso-min-password-age", lab.var("LAB_PSO_DN")))
            && bob.contains(&pair("right-reset-password", root))
            && !bob.iter().any(|(i, _)| i == "min-password-age"),
        "{bob:?}"
    );
    assert_eq!(
        reasons(&o, lab.var("LAB_GINA_DN")),
        [
            pair("min-password-age", root),
            pair("admincount-stale", lab.var("LAB_GINA_DN"))
        ]
    );
    // The nested-group grant on OU=Delegated counts: only the domain policy blocks frank.
    assert_eq!(
        reasons(&o, lab.var("LAB_FRANK_DN")),
        [pair("min-password-age", root)]
    );
    // dave (Domain Admins, adminCount=1) and the built-in protected accounts are excluded.
    assert!(reasons(&o, lab.var("LAB_DAVE_DN")).is_empty());
    assert!(
        excluded(&o).contains(&"dave".to_string()),
        "{:?}",
        excluded(&o)
    );
    let n = o.readiness();
    assert_eq!(n.ready + n.excluded + n.blocked, n.in_scope);
    assert_eq!(n.blocked, o.scan.blocked.len());
    assert!(n.in_scope >= 8);
    assert_eq!(uncovered(&o), Vec::<String>::new());
}

#[tokio::test]
async fn fixing_each_problem_clears_its_finding_until_only_protected_admins_are_left() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let root = lab.var("LAB_BASE_DN").to_string();
    let blocked_ou = lab.var("LAB_BLOCKED_OU_DN").to_string();
    let gina = lab.var("LAB_GINA_DN").to_string();
    let alice = lab.var("LAB_ALICE_DN").to_string();
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
        !o.findings
            .iter()
            .any(|f| f.id.as_str().starts_with("right-")),
        "rights gone after the root grant",
    );
    expect(
        error(&o, "inheritance-disabled", &blocked_ou),
        "OU=Blocked still blocked",
    );
    expect(
        ids(&o, &alice) == ["min-password-age"],
        "alice only blocked by policy",
    );
    expect(
        ids(&o, lab.var("LAB_ERIN_DN")) == ["min-password-age"],
        "erin (inetOrgPerson) granted",
    );
    expect(uncovered(&o).is_empty(), "step 1 covered");

    // 2. The same rights on the protected OU.
    undo.add_aces(&mut admin, &blocked_ou, &common::grant(&msol, CLASS_USER))
        .await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    expect(
        !has(&o, "inheritance-disabled", &blocked_ou),
        "OU=Blocked fixed by its own grant",
    );
    expect(
        ids(&o, lab.var("LAB_CAROL_DN")) == ["min-password-age"],
        "carol only blocked by policy",
    );

    // 3. Password ages: only gina (stale adminCount, protected DACL) is left, and she is an
    // error, so the lab is not ready.
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
        !o.findings
            .iter()
            .any(|f| f.id.as_str().contains("password-age")),
        "age findings gone",
    );
    let blocked: Vec<String> = o
        .scan
        .blocked
        .iter()
        .map(|b| b.dn.to_ascii_lowercase())
        .collect();
    expect(
        blocked == [gina.to_ascii_lowercase()],
        &format!("only gina is blocked: {blocked:?}"),
    );
    expect(!o.ready(), "a stale adminCount user keeps it from ready");
    expect(
        error(&o, "admincount-stale", &gina),
        "admincount-stale is an error",
    );

    // 4. The rights on gina herself: only protected administrators are left, and that is ready.
    let own: Vec<Ace> = writeback_wizard::check::Right::ALL
        .iter()
        .map(|r| r.own_ace(&msol))
        .collect();
    undo.add_aces(&mut admin, &gina, &own).await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    expect(o.scan.blocked.is_empty(), "nobody is blocked");
    expect(o.ready(), "only protected administrators left: ready");
    expect(
        excluded(&o).contains(&"dave".to_string()),
        "dave is excluded by design",
    );
    let n = o.readiness();
    expect(
        n.excluded >= 1 && n.blocked == 0 && n.ready + n.excluded == n.in_scope,
        &format!("counts: {n:?}"),
    );
    expect(
        !o.findings.iter().any(|f| f.severity == Severity::Error),
        "no error findings",
    );
    expect(
        has(&o, "admincount-stale", &gina) && !error(&o, "admincount-stale", &gina),
        "a stale adminCount that no longer blocks is a warning",
    );

    // The CLI agrees: exit 0, ready in the JSON, and the sentence with the counts.
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
    expect(
        json["readiness"]["excluded"].as_u64() == Some(n.excluded as u64)
            && json["users"]["excluded"]
                .as_array()
                .is_some_and(|a| a.len() == n.excluded),
        "the JSON counts and lists the excluded administrators",
    );
    let text_args = lab.check_args();
    let argv: Vec<&str> = text_args.iter().map(String::as_str).collect();
    let (_, text, _) = common::run_bin(&argv, &[("ADMIN_PW", lab.var("LAB_ADMIN_PW"))]);
    let sentence = format!(
        "READY: ready for {} of {} users ({} protected administrator",
        n.ready, n.in_scope, n.excluded
    );
    expect(text.contains(&sentence), &format!("text verdict: {text}"));

    // 5. One deny on one user's own object: not ready, and the finding names that user.
    let deny = Ace::deny(
        AceFlags(0),
        AccessMask::CONTROL_ACCESS,
        msol.clone(),
        Some(RESET_PASSWORD),
        None,
    );
    undo.prepend_ace(&mut admin, &alice, deny).await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    expect(!o.ready(), "a deny on one user makes it not ready");
    expect(
        error(&o, "right-denied", &alice),
        "right-denied on alice herself",
    );
    expect(
        reasons(&o, &alice) == [pair("right-denied", &alice)],
        &format!("alice's reason: {:?}", reasons(&o, &alice)),
    );
    expect(
        o.findings
            .iter()
            .find(|f| f.id == "right-denied")
            .is_some_and(|f| f.evidence.iter().any(|e| e.contains("OD;;CR;00299570"))),
        "the deny ACE is the evidence",
    );
    expect(uncovered(&o).is_empty(), "step 5 covered");

    undo.undo(&mut admin).await;
    let o = run(&mut admin, CheckOptions::default()).await.unwrap();
    expect(
        error(&o, "right-reset-password", &root) && error(&o, "min-password-age", &root),
        "undone",
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

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
