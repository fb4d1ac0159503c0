//! The seeded lab: every seeded problem yields its finding on the object that holds it, and
//! fixing each one makes its finding go away until only protected administrators are left.

use super::*;

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

fn ids(o: &CheckOutcome, dn: &str) -> Vec<String> {
    let mut v: Vec<String> = reasons(o, dn).into_iter().map(|(i, _)| i).collect();
    v.sort();
    v.dedup();
    v
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
    // Ready on-premises: the tenant and the sync server were not checked, and the verdict says
    // so rather than passing for the whole.
    let sentence = format!(
        "READY on-premises: ready for {} of {} users ({} protected administrator",
        n.ready, n.in_scope, n.excluded
    );
    expect(
        text.contains(&sentence)
            && text.contains("Microsoft Entra ID and the sync server not checked."),
        &format!("text verdict: {text}"),
    );

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
