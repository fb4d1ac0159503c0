//! Pilot readiness against the lab and a local stand-in of Microsoft Graph: a pilot AD group
//! with a mix of users (ready, under the protected OU, adminCount, PSO, disabled, via a nested
//! group), cloud users with and without sync, licence and registration (and the 403 case), an
//! Entra pilot group. The on-premises verdicts agree with what the connector really can do.

mod common;

use std::time::{Duration, Instant};

use common::{Lab, Undo};
use serde_json::json;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};
use writeback_wizard::ad::Connection;
use writeback_wizard::check::{self, CheckOptions};
use writeback_wizard::entra::checks::AAD_PREMIUM;
use writeback_wizard::entra::{Cloud, Endpoints, Graph, Token};
use writeback_wizard::explain::predict::Portal;
use writeback_wizard::pilot::{self, PilotReport, PilotVerdict};
use writeback_wizard::sd::Sid;
use writeback_wizard::sd::rights::CLASS_USER;

fn ok(v: serde_json::Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(v)
}

async fn guid_b64(conn: &mut Connection, dn: &str) -> String {
    let e = conn
        .read(dn, &["objectGUID"], vec![])
        .await
        .unwrap()
        .unwrap();
    writeback_wizard::sddl_input::encode_base64(e.first("objectGUID").unwrap())
}

async fn cloud_user(
    server: &MockServer,
    immutable: &str,
    id: &str,
    sid: &str,
    licensed: bool,
    registration: ResponseTemplate,
) {
    Mock::given(method("GET")).and(path("/v1.0/users")).and(query_param("$filter", format!("onPremisesImmutableId eq '{immutable}'")))
        .respond_with(ok(json!({"value": [{"id": id, "userPrincipalName": format!("{id}@contoso.example"), "onPremisesSecurityIdentifier": sid, "onPremisesSyncEnabled": true}]})))
        .mount(server).await;
    let plans = if licensed {
        json!([{"servicePlanId": AAD_PREMIUM, "servicePlanName": "AAD_PREMIUM", "provisioningStatus": "Success"}])
    } else {
        json!([])
    };
    Mock::given(method("GET"))
        .and(path(format!("/v1.0/users/{id}/licenseDetails")))
        .respond_with(ok(
            json!({"value": [{"skuPartNumber": "X", "servicePlans": plans}]}),
        ))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v1.0/reports/authenticationMethods/userRegistrationDetails/{id}"
        )))
        .respond_with(registration)
        .mount(server)
        .await;
}

fn registered(methods: &[&str], admin: bool) -> ResponseTemplate {
    ok(
        json!({"isSsprRegistered": !methods.is_empty(), "isSsprCapable": !methods.is_empty(), "isAdmin": admin, "methodsRegistered": methods}),
    )
}

fn graph(server: &MockServer) -> Graph {
    let endpoints =
        Endpoints::with_overrides(Cloud::Global, Some(&server.uri()), Some(&server.uri())).unwrap();
    let http = writeback_wizard::entra::http_client(Duration::from_secs(10)).unwrap();
    let token = Token {
        access_token: "AT".to_string().into(),
        refresh_token: None,
        expires_at: Instant::now() + Duration::from_secs(3600),
        scope: String::new(),
    };
    Graph::new(http, endpoints, token, None)
}

fn row<'a>(r: &'a PilotReport, sam: &str) -> &'a pilot::PilotRow {
    r.rows
        .iter()
        .find(|x| x.sam_account_name.as_deref() == Some(sam))
        .unwrap_or_else(|| panic!("{sam} not in the pilot table"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pilot_table_judges_each_member_and_agrees_with_the_connector() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let groups_ou = lab.var("LAB_GROUPS_OU_DN");
    let pilot_dn = format!("CN=PilotUsers,{groups_ou}");
    let nested_dn = format!("CN=PilotNested,{groups_ou}");
    let member = |u: &str| lab.var(&format!("LAB_{u}_DN")).as_bytes().to_vec();
    admin
        .add(
            &nested_dn,
            vec![
                ("objectClass", vec![b"group".to_vec()]),
                ("member", vec![member("FRANK")]),
            ],
        )
        .await
        .unwrap();
    undo.created(&nested_dn);
    admin
        .add(
            &pilot_dn,
            vec![
                ("objectClass", vec![b"group".to_vec()]),
                (
                    "member",
                    vec![
                        member("ALICE"),
                        member("BOB"),
                        member("CAROL"),
                        member("DAVE"),
                        member("HENRY"),
                        nested_dn.as_bytes().to_vec(),
                    ],
                ),
            ],
        )
        .await
        .unwrap();
    undo.created(&pilot_dn);
    // The root grant and minimum age 0, so that some pilot users are ready on-premises.
    let msol: Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    undo.add_aces(
        &mut admin,
        lab.var("LAB_BASE_DN"),
        &common::grant(&msol, CLASS_USER),
    )
    .await;
    undo.set_attr(&mut admin, lab.var("LAB_BASE_DN"), "minPwdAge", &["0"])
        .await;

    let server = MockServer::start().await;
    for (user, id, licensed, reg) in [
        ("ALICE", "alice-id", true, registered(&["mobilePhone"], false)),
        ("BOB", "bob-id", false, registered(&["email"], false)),
        ("FRANK", "frank-id", true, ResponseTemplate::new(403).set_body_json(json!({"error": {"code": "Authentication_RequestFromNonPremiumTenantOrB2CTenant", "message": "Neither tenant is B2C or tenant doesn't have premium license"}}))),
    ] {
        let dn = lab.var(&format!("LAB_{user}_DN")).to_string();
        let immutable = guid_b64(&mut admin, &dn).await;
        let (sid, _) = admin.token_groups(&dn).await.unwrap();
        cloud_user(&server, &immutable, id, &sid.to_string(), licensed, reg).await;
    }
    // Everyone else: no synced user with that anchor.
    Mock::given(method("GET"))
        .and(path("/v1.0/users"))
        .respond_with(ok(json!({"value": []})))
        .with_priority(10)
        .mount(&server)
        .await;
    Mock::given(method("GET")).and(path("/v1.0/policies/authenticationMethodsPolicy"))
        .respond_with(ok(json!({"id": "authenticationMethodsPolicy", "authenticationMethodConfigurations": [
            {"id": "Sms", "state": "enabled"}, {"id": "Email", "state": "disabled"}, {"id": "MicrosoftAuthenticator", "state": "enabled"}]})))
        .mount(&server).await;

    let opts = CheckOptions {
        page_size: 100,
        ..Default::default()
    };
    let facts = check::gather(&mut admin, &opts).await.unwrap();
    let g = graph(&server);
    let table = pilot::run(&mut admin, &facts, "PilotUsers", Some(&g)).await;
    let ad_only = pilot::run(&mut admin, &facts, &pilot_dn, None).await;

    // The connector's real ability on each pilot member, tried over LDAPS.
    let mut msol_conn = lab.connector().await;
    let mut real = Vec::new();
    for u in ["ALICE", "BOB", "CAROL", "DAVE", "HENRY", "FRANK"] {
        let dn = lab.var(&format!("LAB_{u}_DN"));
        let pw = writeback_wizard::ad::unicode_pwd(lab.var("LAB_USER_PW"));
        let (code, _) = msol_conn
            .modify_replace(dn, "unicodePwd", vec![pw.to_vec()], vec![])
            .await
            .unwrap();
        real.push((u, code == 0));
    }
    undo.undo(&mut admin).await;

    let table = table.unwrap();
    assert_eq!(
        table.rows.len(),
        6,
        "members resolved transitively (frank through the nested group)"
    );
    assert!(table.cloud_checked);
    assert_eq!(
        table.enabled_methods.as_deref(),
        Some(&["Sms".to_string(), "MicrosoftAuthenticator".to_string()][..])
    );
    let alice = row(&table, "alice");
    assert_eq!(alice.verdict, Some(PilotVerdict::Ready), "{alice:?}");
    assert_eq!(
        (
            alice.synced,
            alice.licensed,
            alice.sspr_registered,
            alice.methods_enabled
        ),
        (Some(true), Some(true), Some(true), Some(true))
    );
    let bob = row(&table, "bob");
    assert_eq!(bob.verdict, Some(PilotVerdict::Blocked));
    assert!(
        bob.reasons.contains(&"pso-min-password-age".into())
            && bob.reasons.contains(&"pilot-no-license".into()),
        "{bob:?}"
    );
    assert_eq!(
        bob.methods_enabled,
        Some(false),
        "email is disabled in the policy"
    );
    let frank = row(&table, "frank");
    assert_eq!(
        frank.verdict,
        Some(PilotVerdict::Unknown),
        "403 on registration is unknown, not ready: {frank:?}"
    );
    assert!(
        frank.unknown[0].to_string().contains("AuditLog.Read.All"),
        "{:?}",
        frank.unknown
    );
    let carol = row(&table, "carol");
    assert!(
        carol.reasons.contains(&"inheritance-disabled".into())
            && carol.reasons.contains(&"pilot-not-synced".into()),
        "{carol:?}"
    );
    assert!(
        row(&table, "dave")
            .reasons
            .contains(&"admin-protected".into())
    );
    assert!(
        row(&table, "henry")
            .reasons
            .contains(&"account-disabled".into())
    );
    // On-premises verdicts agree with the DC.
    for (u, reset_worked) in &real {
        let r = row(&table, &u.to_ascii_lowercase());
        let rights_blocked = r.reasons.iter().any(|x| {
            x.starts_with("right-") || x == "inheritance-disabled" || x == "admin-protected"
        });
        assert_eq!(
            rights_blocked, !reset_worked,
            "{u}: engine {:?}, DC reset worked = {reset_worked}",
            r.reasons
        );
    }
    // Each blocked member's predicted error: the first obstacle a reset now would meet, and
    // 33004 exactly where the DC refused the connector.
    let predicted = |t: &PilotReport, u: &str| row(t, u).predicted.map(|p| (p.event, p.portal));
    assert_eq!(
        predicted(&table, "alice"),
        None,
        "ready: nothing to predict"
    );
    assert_eq!(
        predicted(&table, "bob"),
        Some((None, Portal::Sspr0012)),
        "the licence first"
    );
    assert_eq!(
        predicted(&table, "carol"),
        Some((Some(33004), Portal::Sspr0029))
    );
    assert_eq!(
        predicted(&table, "dave"),
        Some((Some(33004), Portal::Sspr0029))
    );
    assert_eq!(
        predicted(&table, "henry"),
        Some((Some(33005), Portal::Sspr0029))
    );
    let ad_only_table = ad_only.as_ref().unwrap();
    assert_eq!(
        predicted(ad_only_table, "bob"),
        Some((Some(33008), Portal::PolicyRejected)),
        "without the cloud, bob's PSO minimum age"
    );
    for (u, reset_worked) in &real {
        let r = row(ad_only_table, &u.to_ascii_lowercase());
        if r.predicted.is_some_and(|p| p.event == Some(33004)) {
            assert!(
                !reset_worked,
                "{u}: 33004 predicted, but the DC let the connector reset"
            );
        }
    }
    // Findings and CSV.
    let findings = pilot::findings(&table);
    let ids = |id: &str| findings.iter().filter(|f| f.id == id).count();
    assert_eq!(ids("pilot-user-blocked"), 4, "bob, carol, dave, henry");
    assert_eq!(ids("pilot-no-license"), 1);
    assert_eq!(ids("pilot-not-synced"), 3);
    let csv = pilot::csv(&table);
    assert_eq!(csv.lines().count(), 7);
    assert!(csv.starts_with("dn,sam_account_name,"));
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",predicted_event,predicted_portal")
    );
    let carol_line = csv.lines().find(|l| l.contains("CN=carol")).unwrap();
    assert!(carol_line.ends_with(",33004,sspr_0029"), "{carol_line}");
    // Without the cloud, rows that nothing blocks are unknown, never ready.
    let ad_only = ad_only.unwrap();
    assert!(
        ad_only
            .rows
            .iter()
            .all(|r| r.verdict != Some(PilotVerdict::Ready))
    );
    assert_eq!(row(&ad_only, "alice").verdict, Some(PilotVerdict::Unknown));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entra_pilot_group_is_matched_to_ad_accounts_by_sid() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let server = MockServer::start().await;
    let (alice_sid, _) = admin.token_groups(lab.var("LAB_ALICE_DN")).await.unwrap();
    Mock::given(method("GET"))
        .and(path("/v1.0/groups"))
        .and(query_param("$filter", "displayName eq 'SSPR Pilot'"))
        .respond_with(ok(json!({"value": [{"id": "g-1"}]})))
        .mount(&server)
        .await;
    Mock::given(method("GET")).and(path("/v1.0/groups/g-1/transitiveMembers"))
        .respond_with(ok(json!({"value": [
            {"@odata.type": "#microsoft.graph.user", "id": "a", "userPrincipalName": "alice@contoso.example", "onPremisesSecurityIdentifier": alice_sid.to_string()},
            {"@odata.type": "#microsoft.graph.user", "id": "c", "userPrincipalName": "cloudonly@contoso.example", "onPremisesSecurityIdentifier": null},
            {"@odata.type": "#microsoft.graph.group", "id": "g-2"}]})))
        .mount(&server).await;
    Mock::given(method("GET"))
        .and(path("/v1.0/users"))
        .respond_with(ok(json!({"value": []})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1.0/policies/authenticationMethodsPolicy"))
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_json(json!({"error": {"code": "Forbidden", "message": "no"}})),
        )
        .mount(&server)
        .await;
    let facts = check::gather(
        &mut admin,
        &CheckOptions {
            page_size: 100,
            ..Default::default()
        },
    )
    .await
    .unwrap();
    let table = pilot::run(&mut admin, &facts, "SSPR Pilot", Some(&graph(&server)))
        .await
        .unwrap();
    assert_eq!(table.rows.len(), 2);
    assert_eq!(
        row(&table, "alice").dn.as_deref(),
        Some(lab.var("LAB_ALICE_DN"))
    );
    let cloud_only = table
        .rows
        .iter()
        .find(|r| r.user_principal_name.as_deref() == Some("cloudonly@contoso.example"))
        .unwrap();
    assert_eq!(cloud_only.reasons, ["pilot-not-synced"]);
    assert!(table.enabled_methods.is_none(), "policy unreadable");
    let err = pilot::run(&mut admin, &facts, "No Such Group", None)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("No Such Group"));
}

#[tokio::test]
async fn pilot_rows_carry_the_domain_level_blockers() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let root = lab.var("LAB_BASE_DN").to_string();
    let msol: Sid = lab.var("LAB_MSOL_SID").parse().unwrap();
    // frank is fully granted through the nested group; a deny of Unexpire Password on the
    // domain and the domain's minimum age still block him, and his row must say so.
    undo.prepend_ace(
        &mut admin,
        &root,
        writeback_wizard::sd::Ace::deny(
            writeback_wizard::sd::AceFlags(0),
            writeback_wizard::sd::AccessMask::CONTROL_ACCESS,
            msol,
            Some(writeback_wizard::sd::rights::UNEXPIRE_PASSWORD),
            None,
        ),
    )
    .await;
    let group = format!("CN=PilotFrank,{}", lab.var("LAB_GROUPS_OU_DN"));
    admin
        .add(
            &group,
            vec![
                ("objectClass", vec![b"group".to_vec()]),
                ("member", vec![lab.var("LAB_FRANK_DN").as_bytes().to_vec()]),
            ],
        )
        .await
        .unwrap();
    undo.created(&group);
    let opts = CheckOptions {
        page_size: 100,
        ..Default::default()
    };
    let facts = check::gather(&mut admin, &opts).await;
    let table = match &facts {
        Ok(f) => Some(pilot::run(&mut admin, f, &group, None).await),
        Err(_) => None,
    };
    let mut msol_conn = lab.connector().await;
    let (code, _) = msol_conn
        .modify_replace(
            lab.var("LAB_FRANK_DN"),
            "pwdLastSet",
            vec![b"-1".to_vec()],
            vec![],
        )
        .await
        .unwrap();
    undo.undo(&mut admin).await;
    facts.unwrap();
    let table = table.unwrap().unwrap();
    let frank = table
        .rows
        .iter()
        .find(|r| r.sam_account_name.as_deref() == Some("frank"))
        .expect("frank's row");
    assert_eq!(frank.verdict, Some(PilotVerdict::Blocked));
    for id in ["right-unexpire-password", "min-password-age"] {
        assert!(
            frank.reasons.iter().any(|r| r == id),
            "{id}: {:?}",
            frank.reasons
        );
    }
    assert_eq!(
        code, 50,
        "the DC refuses pwdLastSet = -1 without Unexpire Password"
    );
}

/// A pilot member the sync engine never synchronizes (the connector account itself, by the
/// default rules' `MSOL_` prefix) gets its own verdict and rule, not "blocked"; an ordinary
/// member beside it is judged as before. Through the binary, in JSON and in the text table.
#[tokio::test]
async fn a_pilot_member_the_sync_engine_leaves_out_says_so() {
    let Some(lab) = Lab::get() else { return };
    let _g = common::DIRECTORY_LOCK.lock().await;
    let mut admin = lab.admin().await;
    let mut undo = Undo::default();
    let group = format!("CN=PilotMixed,{}", lab.var("LAB_GROUPS_OU_DN"));
    admin
        .add(
            &group,
            vec![
                ("objectClass", vec![b"group".to_vec()]),
                (
                    "member",
                    vec![
                        lab.var("LAB_MSOL_DN").as_bytes().to_vec(),
                        lab.var("LAB_BOB_DN").as_bytes().to_vec(),
                    ],
                ),
            ],
        )
        .await
        .unwrap();
    undo.created(&group);
    let mut args = lab.check_args();
    args.extend(["--pilot-group".into(), group.clone()]);
    let mut json_args = args.clone();
    json_args.extend(["--format".into(), "json".into()]);
    let run = |a: &[String]| {
        let argv: Vec<&str> = a.iter().map(String::as_str).collect();
        common::run_bin(&argv, &[("ADMIN_PW", lab.var("LAB_ADMIN_PW"))])
    };
    let (_, out, err) = run(&json_args);
    let (_, text, _) = run(&args);
    undo.undo(&mut admin).await;
    let json: serde_json::Value = serde_json::from_str(&out).expect(&err);
    let rows = json["pilot"]["rows"].as_array().expect("a pilot table");
    let row = |sam: &str| {
        rows.iter()
            .find(|r| r["sam_account_name"] == sam)
            .unwrap_or_else(|| panic!("{sam} not in {rows:?}"))
            .clone()
    };
    let msol = row(lab.var("LAB_MSOL_SAM"));
    assert_eq!(msol["verdict"], "not-synchronized", "{msol}");
    assert_eq!(msol["not_synchronized"]["rule"], "service-account");
    assert_eq!(msol["not_synchronized"]["prefix"], "MSOL_");
    assert_eq!(row("bob")["verdict"], "blocked");
    assert!(
        json["parts"]["checked"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("pilot"))
    );
    assert!(
        text.lines()
            .any(|l| l.contains(lab.var("LAB_MSOL_SAM")) && l.contains("not synced")),
        "{text}"
    );
}
