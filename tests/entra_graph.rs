//! The cloud checks over real HTTP against a local stand-in of Microsoft Graph v1.0 that answers
//! with the documented JSON shapes: every finding on and off, paging, and each error class
//! (401 → refresh, 403, 429/503 with Retry-After, malformed JSON, unreachable).

use std::time::{Duration, Instant};
use writeback_wizard::words::{Face, Words};

use serde_json::{Value, json};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use writeback_wizard::check::Severity;
use writeback_wizard::entra::checks::{
    self, AAD_PREMIUM, GLOBAL_ADMINISTRATOR, HYBRID_IDENTITY_ADMINISTRATOR,
};
use writeback_wizard::entra::facts::{self, CloudFacts};
use writeback_wizard::entra::{Cloud, Endpoints, Graph, GraphError, SignIn, Token};

/// A tenant as the stand-in serves it.
struct Tenant {
    roles: Vec<&'static str>,
    plan_status: &'static str,
    domain_auth: &'static str,
    sync_enabled: Value,
    last_sync: String,
}

impl Default for Tenant {
    fn default() -> Self {
        Self {
            roles: vec![GLOBAL_ADMINISTRATOR],
            plan_status: "Success",
            domain_auth: "Managed",
            sync_enabled: json!(true),
            last_sync: writeback_wizard::clock::rfc3339_now(),
        }
    }
}

fn ok(v: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(v)
}

async fn serve(server: &MockServer, t: &Tenant) {
    Mock::given(method("GET")).and(path("/v1.0/me")).and(header("authorization", "Bearer AT"))
        .respond_with(ok(json!({"id": "u1", "displayName": "Ada Admin", "userPrincipalName": "ada@contoso.example"})))
        .mount(server).await;
    // Memberships over two pages: a group, then the roles.
    let next = format!(
        "{}/v1.0/me/transitiveMemberOf?$skiptoken=page2",
        server.uri()
    );
    Mock::given(method("GET")).and(path("/v1.0/me/transitiveMemberOf")).and(wiremock::matchers::query_param("$skiptoken", "page2"))
        .respond_with(ok(json!({"value": t.roles.iter().map(|r| json!({"@odata.type": "#microsoft.graph.directoryRole", "id": "r", "displayName": format!("role {r}"), "roleTemplateId": r})).collect::<Vec<_>>()})))
        .with_priority(1).mount(server).await;
    Mock::given(method("GET")).and(path("/v1.0/me/transitiveMemberOf"))
        .respond_with(ok(json!({"@odata.nextLink": next, "value": [{"@odata.type": "#microsoft.graph.group", "id": "g1", "displayName": "Staff"}]})))
        .with_priority(2).mount(server).await;
    Mock::given(method("GET")).and(path("/v1.0/subscribedSkus"))
        .respond_with(ok(json!({"value": [{"capabilityStatus": "Enabled", "appliesTo": "User", "skuId": "078d2b04-f1bd-4111-bbd4-b4b1b354cef4", "skuPartNumber": "AAD_PREMIUM",
            "servicePlans": [{"servicePlanId": AAD_PREMIUM, "servicePlanName": "AAD_PREMIUM", "provisioningStatus": t.plan_status, "appliesTo": "User"}]}]})))
        .mount(server).await;
    Mock::given(method("GET")).and(path("/v1.0/organization"))
        .respond_with(ok(json!({"value": [{"id": "t1", "displayName": "Contoso", "onPremisesSyncEnabled": t.sync_enabled, "onPremisesLastSyncDateTime": t.last_sync}]})))
        .mount(server).await;
    Mock::given(method("GET")).and(path("/v1.0/domains/contoso.example"))
        .respond_with(ok(json!({"id": "contoso.example", "authenticationType": t.domain_auth, "isVerified": true})))
        .mount(server).await;
    Mock::given(method("GET")).and(path("/v1.0/directory/onPremisesSynchronization"))
        .respond_with(ok(json!({"value": [{"id": "t1", "configuration": {}, "features": {"passwordSyncEnabled": true, "passwordWritebackEnabled": false, "deviceWritebackEnabled": false}}]})))
        .mount(server).await;
}

fn graph(server: &MockServer, expires_in: u64, sign_in: Option<SignIn>) -> Graph {
    let endpoints =
        Endpoints::with_overrides(Cloud::Global, Some(&server.uri()), Some(&server.uri())).unwrap();
    let http = writeback_wizard::entra::http_client(Duration::from_secs(10)).unwrap();
    let token = Token {
        access_token: "AT".to_string().into(),
        refresh_token: Some("RT".to_string().into()),
        expires_at: Instant::now() + Duration::from_secs(expires_in),
        scope: String::new(),
    };
    Graph::new(http, endpoints, token, sign_in)
}

async fn findings_for(t: Tenant) -> (Vec<(&'static str, Severity)>, CloudFacts) {
    let server = MockServer::start().await;
    serve(&server, &t).await;
    let f = facts::gather(&graph(&server, 3600, None)).await;
    let findings = checks::evaluate(&f);
    // Every finding comes out whole in every language and for both faces.
    for lang in writeback_wizard::words::LANGUAGES {
        for face in [Face::Cli, Face::Wizard] {
            let w = Words::for_lang(Some(lang), face);
            for x in &findings {
                assert_eq!(w.faults(x), Vec::<String>::new(), "{lang} {face:?} {x:?}");
            }
        }
    }
    let ids = findings
        .iter()
        .map(|x| (x.id.as_str(), x.severity))
        .collect();
    (ids, f)
}

#[tokio::test]
async fn a_healthy_tenant_has_only_the_feature_summary() {
    let (ids, f) = findings_for(Tenant::default()).await;
    assert_eq!(ids, [("cloud-sync-features", Severity::Info)], "{f:#?}");
    assert_eq!(
        f.roles.as_ref().unwrap().len(),
        1,
        "roles from the second page"
    );
}

#[tokio::test]
async fn each_cloud_finding_appears_when_its_cause_does() {
    let cases: Vec<(Tenant, &str, Severity)> = vec![
        (
            Tenant {
                plan_status: "Disabled",
                ..Default::default()
            },
            "cloud-license",
            Severity::Error,
        ),
        (
            Tenant {
                roles: vec![],
                ..Default::default()
            },
            "cloud-role",
            Severity::Error,
        ),
        (
            Tenant {
                roles: vec![HYBRID_IDENTITY_ADMINISTRATOR],
                ..Default::default()
            },
            "cloud-role",
            Severity::Warning,
        ),
        (
            Tenant {
                domain_auth: "Federated",
                ..Default::default()
            },
            "cloud-federated-admin",
            Severity::Error,
        ),
        (
            Tenant {
                sync_enabled: Value::Null,
                ..Default::default()
            },
            "cloud-sync-disabled",
            Severity::Error,
        ),
        (
            Tenant {
                sync_enabled: json!(false),
                ..Default::default()
            },
            "cloud-sync-disabled",
            Severity::Error,
        ),
        (
            Tenant {
                last_sync: "2020-01-01T00:00:00Z".into(),
                ..Default::default()
            },
            "cloud-sync-stale",
            Severity::Warning,
        ),
    ];
    for (tenant, id, severity) in cases {
        let (ids, _) = findings_for(tenant).await;
        assert!(
            ids.contains(&(id, severity)),
            "{id} {severity:?} missing in {ids:?}"
        );
        assert_eq!(
            ids.iter()
                .filter(|(i, _)| i.starts_with("cloud-") && *i != "cloud-sync-features")
                .count(),
            1,
            "only {id}: {ids:?}"
        );
    }
}

#[tokio::test]
async fn feature_summary_never_relies_on_password_writeback_enabled() {
    let (_, f) = findings_for(Tenant::default()).await;
    let summary = checks::evaluate(&f)
        .into_iter()
        .find(|x| x.id == "cloud-sync-features")
        .unwrap();
    let w = writeback_wizard::words::Words::english(writeback_wizard::words::Face::Cli);
    let (title, detail) = (w.title(&summary), w.detail(&summary));
    assert!(title.contains("passwordSync"), "{title}");
    assert!(detail.contains("not in use"), "{detail}");
    assert!(!title.contains("passwordWriteback"), "{title}");
}

#[tokio::test]
async fn forbidden_reads_name_the_missing_permission_and_block_readiness() {
    let server = MockServer::start().await;
    Mock::given(method("GET")).and(path("/v1.0/subscribedSkus"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"error": {"code": "Authorization_RequestDenied", "message": "Insufficient privileges to complete the operation.", "innerError": {"date": "2026-11-22T02:00:00", "request-id": "r"}}})))
        .with_priority(1).mount(&server).await;
    serve(&server, &Tenant::default()).await;
    let f = facts::gather(&graph(&server, 3600, None)).await;
    let err = f.skus.clone().unwrap_err().to_string();
    assert!(
        err.contains("Organization.Read.All") && err.contains("Insufficient privileges"),
        "{err}"
    );
    let findings = checks::evaluate(&f);
    let ri = findings
        .iter()
        .find(|x| x.id == "read-incomplete")
        .expect("read-incomplete");
    assert!(ri.evidence[0].starts_with("/subscribedSkus"), "{ri:?}");
    assert!(
        !findings.iter().any(|x| x.id == "cloud-license"),
        "no verdict on what could not be read"
    );
}

#[tokio::test]
async fn unauthorized_refreshes_once_then_succeeds() {
    let server = MockServer::start().await;
    Mock::given(method("GET")).and(path("/v1.0/me")).and(header("authorization", "Bearer AT"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"error": {"code": "InvalidAuthenticationToken", "message": "Access token has expired"}})))
        .mount(&server).await;
    Mock::given(method("GET"))
        .and(path("/v1.0/me"))
        .and(header("authorization", "Bearer AT-new"))
        .respond_with(ok(
            json!({"id": "u1", "userPrincipalName": "ada@contoso.example"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/organizations/oauth2/v2.0/token"))
        .respond_with(ok(
            json!({"token_type": "Bearer", "expires_in": 3599, "access_token": "AT-new"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let endpoints =
        Endpoints::with_overrides(Cloud::Global, Some(&server.uri()), Some(&server.uri())).unwrap();
    let http = writeback_wizard::entra::http_client(Duration::from_secs(10)).unwrap();
    let sign_in = SignIn::new(http, endpoints, "organizations", "c", &["User.Read"]);
    let g = graph(&server, 3600, Some(sign_in));
    let me: facts::Me = g.get("/me").await.unwrap();
    assert_eq!(me.user_principal_name, "ada@contoso.example");
    server.verify().await;
    // Without a way to refresh: a clear error.
    let no_refresh = graph(&server, 3600, None);
    assert!(matches!(
        no_refresh.get::<facts::Me>("/me").await,
        Err(GraphError::Unauthorized)
    ));
}

#[tokio::test]
async fn a_token_about_to_expire_is_refreshed_before_use() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/organizations/oauth2/v2.0/token"))
        .respond_with(ok(
            json!({"token_type": "Bearer", "expires_in": 3599, "access_token": "AT"}),
        ))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1.0/me"))
        .and(header("authorization", "Bearer AT"))
        .respond_with(ok(json!({"id": "u1"})))
        .mount(&server)
        .await;
    let endpoints =
        Endpoints::with_overrides(Cloud::Global, Some(&server.uri()), Some(&server.uri())).unwrap();
    let http = writeback_wizard::entra::http_client(Duration::from_secs(10)).unwrap();
    let g = graph(
        &server,
        10,
        Some(SignIn::new(
            http,
            endpoints,
            "organizations",
            "c",
            &["User.Read"],
        )),
    );
    let _: facts::Me = g.get("/me").await.unwrap();
    server.verify().await;
}

#[tokio::test]
async fn throttling_honours_retry_after_and_gives_up_after_the_bound() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1.0/organization"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1.0/organization"))
        .respond_with(ok(
            json!({"value": [{"id": "t1", "displayName": "Contoso"}]}),
        ))
        .with_priority(2)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1.0/subscribedSkus"))
        .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", "0"))
        .mount(&server)
        .await;
    let g = graph(&server, 3600, None);
    let started = Instant::now();
    let orgs: Vec<facts::Organization> = g.get_all("/organization").await.unwrap();
    assert_eq!(orgs[0].display_name, "Contoso");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited Retry-After"
    );
    assert!(matches!(
        g.get_all::<facts::Sku>("/subscribedSkus").await,
        Err(GraphError::Throttled { status: 503 })
    ));
    let skus_calls = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == "/v1.0/subscribedSkus")
        .count();
    assert_eq!(skus_calls, 4, "one try and three retries");
}

#[tokio::test]
async fn malformed_json_foreign_next_links_and_dead_hosts_are_errors() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1.0/me"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>proxy login</html>"))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1.0/subscribedSkus"))
        .respond_with(ok(
            json!({"@odata.nextLink": "https://evil.example/steal", "value": []}),
        ))
        .mount(&server)
        .await;
    let g = graph(&server, 3600, None);
    assert!(matches!(
        g.get::<facts::Me>("/me").await,
        Err(GraphError::Malformed { .. })
    ));
    let err = g
        .get_all::<facts::Sku>("/subscribedSkus")
        .await
        .unwrap_err();
    assert!(err.to_string().contains("points elsewhere"), "{err}");
    // A link that starts with Graph's own address but goes to another host.
    Mock::given(method("GET"))
        .and(path("/v1.0/domains"))
        .respond_with(ok(json!({
            "@odata.nextLink": format!("{}.evil.example/v1.0/domains?$skiptoken=1", server.uri()),
            "value": []
        })))
        .mount(&server)
        .await;
    let err = g.get_all::<facts::Domain>("/domains").await.unwrap_err();
    assert!(err.to_string().contains("points elsewhere"), "{err}");
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let endpoints = Endpoints::with_overrides(Cloud::Global, None, Some(&url)).unwrap();
    let http = writeback_wizard::entra::http_client(Duration::from_secs(5)).unwrap();
    let dead = Graph::new(
        http,
        endpoints,
        Token {
            access_token: "x".to_string().into(),
            refresh_token: None,
            expires_at: Instant::now() + Duration::from_secs(3600),
            scope: String::new(),
        },
        None,
    );
    assert!(matches!(
        dead.get::<facts::Me>("/me").await,
        Err(GraphError::Network { .. })
    ));
}

#[tokio::test]
async fn server_errors_are_retried_with_backoff_and_retry_after_dates() {
    let server = MockServer::start().await;
    // 500, 502 and 504 (the last with Retry-After as an HTTP date), then the answer.
    for (priority, status) in [(1u8, 500u16), (2, 502), (3, 504)] {
        let mut answer = ResponseTemplate::new(status);
        if status == 504 {
            let soon = jiff::Timestamp::now() + jiff::SignedDuration::from_secs(1);
            answer = answer.insert_header(
                "Retry-After",
                jiff::fmt::rfc2822::DateTimePrinter::new()
                    .timestamp_to_rfc9110_string(&soon)
                    .unwrap()
                    .as_str(),
            );
        }
        Mock::given(method("GET"))
            .and(path("/v1.0/organization"))
            .respond_with(answer)
            .up_to_n_times(1)
            .with_priority(priority)
            .expect(1)
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/v1.0/organization"))
        .respond_with(ok(
            json!({"value": [{"id": "t1", "displayName": "Contoso"}]}),
        ))
        .with_priority(4)
        .mount(&server)
        .await;
    let g = graph(&server, 3600, None);
    let orgs: Vec<facts::Organization> = g.get_all("/organization").await.unwrap();
    assert_eq!(orgs[0].display_name, "Contoso");
    server.verify().await;
    // Failing for good: an error in words after the bounded retries.
    Mock::given(method("GET"))
        .and(path("/v1.0/domains"))
        .respond_with(ResponseTemplate::new(504).insert_header("Retry-After", "0"))
        .mount(&server)
        .await;
    let err = g.get_all::<facts::Domain>("/domains").await.unwrap_err();
    assert!(
        matches!(err, GraphError::Throttled { status: 504 }),
        "{err:?}"
    );
    assert!(err.to_string().contains("try again"), "{err}");
}
