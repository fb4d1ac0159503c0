//! Sign-in over real HTTP against a local stand-in of the Microsoft identity platform (the
//! real one cannot be reached from the test machines). The stand-in answers with the JSON
//! Microsoft documents for the v2.0 devicecode and token endpoints, and checks PKCE for real.

mod common;

use std::time::Duration;

use common::{browser, loopback, query};

use serde_json::json;
use wiremock::matchers::{body_string_contains, method, path};
use wiremock::{Match, Mock, MockServer, Request, ResponseTemplate};
use writeback_wizard::entra::auth::pkce_challenge;
use writeback_wizard::entra::{AuthError, Cloud, Endpoints, SignIn};

const CLIENT: &str = common::CLIENT_ID;
const TOKEN_PATH: &str = "/organizations/oauth2/v2.0/token";

async fn stand_in() -> (MockServer, SignIn) {
    let server = MockServer::start().await;
    let endpoints =
        Endpoints::with_overrides(Cloud::Global, Some(&server.uri()), Some(&server.uri())).unwrap();
    let http = writeback_wizard::entra::http_client(Duration::from_secs(10)).unwrap();
    let sign_in = SignIn::new(
        http,
        endpoints,
        "organizations",
        CLIENT,
        &["User.Read", "offline_access"],
    );
    (server, sign_in)
}

fn token_json(access: &str) -> serde_json::Value {
    json!({"token_type": "Bearer", "scope": "User.Read", "expires_in": 3599, "ext_expires_in": 3599,
           "access_token": access, "refresh_token": format!("refresh-{access}")})
}

fn oauth_error(error: &str) -> ResponseTemplate {
    ResponseTemplate::new(400).set_body_json(json!({
        "error": error,
        "error_description": format!("AADSTS70016: {error}\r\nTrace ID: 0000\r\nCorrelation ID: 1111\r\nTimestamp: 2026-11-22 02:00:00Z"),
        "error_codes": [70016], "timestamp": "2026-11-22 02:00:00Z",
        "trace_id": "0000", "correlation_id": "1111"
    }))
}

async fn device_code_endpoint(server: &MockServer) {
    Mock::given(method("POST"))
        .and(path("/organizations/oauth2/v2.0/devicecode"))
        .and(body_string_contains(format!("client_id={CLIENT}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "device_code": "DEVICE-CODE-SECRET", "user_code": "ABCD-EFGH",
            "verification_uri": "https://microsoft.com/devicelogin", "expires_in": 900, "interval": 0,
            "message": "To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code ABCD-EFGH to authenticate."
        })))
        .mount(server)
        .await;
}

async fn poll_answers(server: &MockServer, pending: u64, last: ResponseTemplate) {
    if pending > 0 {
        pending_answers(server, pending).await;
    }
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .and(body_string_contains(
            "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code",
        ))
        .respond_with(last)
        .with_priority(2)
        .mount(server)
        .await;
}

async fn pending_answers(server: &MockServer, pending: u64) {
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .and(body_string_contains("device_code=DEVICE-CODE-SECRET"))
        .respond_with(oauth_error("authorization_pending"))
        .up_to_n_times(pending)
        .with_priority(1)
        .expect(pending)
        .mount(server)
        .await;
}

#[tokio::test]
async fn device_code_polls_through_pending_to_a_token() {
    let (server, sign_in) = stand_in().await;
    device_code_endpoint(&server).await;
    poll_answers(
        &server,
        2,
        ResponseTemplate::new(200).set_body_json(token_json("AT1")),
    )
    .await;
    let code = sign_in.start_device_code().await.unwrap();
    assert_eq!(code.user_code, "ABCD-EFGH");
    assert!(code.message.contains("devicelogin"));
    assert!(
        !format!("{code:?}").contains("DEVICE-CODE-SECRET"),
        "the device code is not printed"
    );
    let token = sign_in.finish_device_code(&code).await.unwrap();
    assert_eq!(token.access_token.as_str(), "AT1");
    assert!(
        !format!("{token:?}").contains("AT1"),
        "tokens are not printed"
    );
    server.verify().await;
}

#[tokio::test]
async fn device_code_declined_and_expired_end_the_wait() {
    for (error, want) in [
        ("authorization_declined", "declined"),
        ("expired_token", "expired"),
    ] {
        let (server, sign_in) = stand_in().await;
        device_code_endpoint(&server).await;
        poll_answers(&server, 1, oauth_error(error)).await;
        let code = sign_in.start_device_code().await.unwrap();
        let err = sign_in.finish_device_code(&code).await.unwrap_err();
        assert!(err.to_string().contains(want), "{error}: {err}");
    }
}

#[tokio::test]
async fn device_code_slow_down_adds_five_seconds() {
    let (server, sign_in) = stand_in().await;
    device_code_endpoint(&server).await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(oauth_error("slow_down"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(token_json("AT2")))
        .with_priority(2)
        .mount(&server)
        .await;
    let code = sign_in.start_device_code().await.unwrap();
    let started = std::time::Instant::now();
    let token = sign_in.finish_device_code(&code).await.unwrap();
    assert_eq!(token.access_token.as_str(), "AT2");
    assert!(
        started.elapsed() >= Duration::from_secs(5),
        "waited the extra 5 s after slow_down"
    );
    let polls = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == TOKEN_PATH)
        .count();
    assert_eq!(polls, 2);
}

/// The stand-in's PKCE check: the token request's code_verifier must hash to the challenge the
/// authorize URL carried.
struct PkceMatches(String);
impl Match for PkceMatches {
    fn matches(&self, request: &Request) -> bool {
        let body = String::from_utf8_lossy(&request.body);
        url::form_urlencoded::parse(body.as_bytes())
            .find(|(k, _)| k == "code_verifier")
            .is_some_and(|(_, v)| pkce_challenge(&v) == self.0)
    }
}

#[tokio::test]
async fn pkce_sign_in_with_the_test_as_the_browser() {
    let (server, sign_in) = stand_in().await;
    let pending = sign_in.start_browser().await.unwrap();
    assert!(pending.url.starts_with(&format!(
        "{}/organizations/oauth2/v2.0/authorize?",
        server.uri()
    )));
    assert_eq!(query(&pending.url, "code_challenge_method"), "S256");
    assert_eq!(query(&pending.url, "response_type"), "code");
    let (state, redirect, challenge) = (
        query(&pending.url, "state"),
        query(&pending.url, "redirect_uri"),
        query(&pending.url, "code_challenge"),
    );
    assert!(redirect.starts_with("http://localhost:"));
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .and(body_string_contains("grant_type=authorization_code"))
        .and(body_string_contains("code=THE-CODE"))
        .and(PkceMatches(challenge))
        .respond_with(ResponseTemplate::new(200).set_body_json(token_json("AT3")))
        .expect(1)
        .mount(&server)
        .await;
    // The "browser": a stray request first, then the redirect with code and state.
    let back = loopback(&pending.url);
    let browser = tokio::spawn(async move {
        let c = browser();
        let _ = c.get(format!("{back}favicon.ico")).send().await;
        c.get(format!(
            "{back}?code=THE-CODE&state={state}&session_state=x"
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
    });
    let token = sign_in
        .finish_browser(pending, Duration::from_secs(20))
        .await
        .unwrap();
    assert_eq!(token.access_token.as_str(), "AT3");
    assert!(browser.await.unwrap().contains("Signed in"));
    server.verify().await;
}

#[tokio::test]
async fn a_wrong_state_is_answered_and_ignored_and_an_error_redirect_ends_the_sign_in() {
    let (server, sign_in) = stand_in().await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .and(body_string_contains("code=REAL"))
        .respond_with(ResponseTemplate::new(200).set_body_json(token_json("AT-REAL")))
        .expect(1)
        .mount(&server)
        .await;
    // A forged redirect (another state) first: answered with 400 and ignored; then the real
    // one, which completes the sign-in.
    let pending = sign_in.start_browser().await.unwrap();
    let state = query(&pending.url, "state");
    let back = loopback(&pending.url);
    let browser_task = tokio::spawn(async move {
        let c = browser();
        let forged = c
            .get(format!("{back}?code=FORGED&state=forged"))
            .send()
            .await
            .unwrap();
        let forged_status = forged.status().as_u16();
        let forged_page = forged.text().await.unwrap();
        let real = c
            .get(format!("{back}?code=REAL&state={state}"))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        (forged_status, forged_page, real)
    });
    let token = sign_in
        .finish_browser(pending, Duration::from_secs(20))
        .await
        .unwrap();
    assert_eq!(token.access_token.as_str(), "AT-REAL");
    let (forged_status, forged_page, real) = browser_task.await.unwrap();
    assert_eq!(forged_status, 400);
    assert!(forged_page.contains("not accepted"), "{forged_page}");
    assert!(real.contains("Signed in"), "{real}");

    // Only a forged redirect: the sign-in keeps waiting and times out.
    let pending = sign_in.start_browser().await.unwrap();
    let back = loopback(&pending.url);
    tokio::spawn(async move {
        let _ = browser()
            .get(format!("{back}?code=X&state=forged"))
            .send()
            .await;
    });
    let err = sign_in
        .finish_browser(pending, Duration::from_secs(2))
        .await
        .unwrap_err();
    assert!(matches!(err, AuthError::Timeout(2)), "{err}");

    // The service's error with our state: declined, and the page escapes what it echoes.
    let pending = sign_in.start_browser().await.unwrap();
    let state = query(&pending.url, "state");
    let back = loopback(&pending.url);
    let page = tokio::spawn(async move {
        browser()
            .get(format!(
                "{back}?error=%3Cb%3Eaccess_denied&error_description=no&state={state}"
            ))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    });
    let err = sign_in
        .finish_browser(pending, Duration::from_secs(20))
        .await
        .unwrap_err();
    assert!(matches!(err, AuthError::Refused { .. }), "{err}");
    let page = page.await.unwrap();
    assert!(
        page.contains("&lt;b&gt;access_denied") && !page.contains("<b>"),
        "{page}"
    );
    let pending = sign_in.start_browser().await.unwrap();
    let state = query(&pending.url, "state");
    let back = loopback(&pending.url);
    tokio::spawn(async move {
        let _ = browser()
            .get(format!("{back}?error=access_denied&state={state}"))
            .send()
            .await;
    });
    let err = sign_in
        .finish_browser(pending, Duration::from_secs(20))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("declined"), "{err}");
    server.verify().await;
}

#[tokio::test]
async fn refresh_swaps_the_token_and_keeps_the_refresh_token_when_none_comes_back() {
    let (server, sign_in) = stand_in().await;
    device_code_endpoint(&server).await;
    poll_answers(
        &server,
        0,
        ResponseTemplate::new(200).set_body_json(token_json("AT4")),
    )
    .await;
    let token = sign_in
        .finish_device_code(&sign_in.start_device_code().await.unwrap())
        .await
        .unwrap();
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .and(body_string_contains("grant_type=refresh_token"))
        .and(body_string_contains("refresh_token=refresh-AT4"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"token_type":"Bearer","expires_in":3599,"access_token":"AT5"}),
            ),
        )
        .mount(&server)
        .await;
    let t = sign_in.refresh(&token).await.unwrap();
    assert_eq!(t.access_token.as_str(), "AT5");
    assert_eq!(t.refresh_token.as_ref().unwrap().as_str(), "refresh-AT4");
    let err = sign_in
        .refresh(&writeback_wizard::entra::Token {
            refresh_token: None,
            ..t
        })
        .await
        .unwrap_err();
    assert!(matches!(err, AuthError::NoRefreshToken));
}

#[tokio::test]
async fn unreachable_and_malformed_sign_in_services_are_errors_not_panics() {
    let (server, sign_in) = stand_in().await;
    Mock::given(method("POST"))
        .and(path("/organizations/oauth2/v2.0/devicecode"))
        .respond_with(ResponseTemplate::new(200).set_body_string("{not json"))
        .mount(&server)
        .await;
    assert!(matches!(
        sign_in.start_device_code().await,
        Err(AuthError::BadResponse(_))
    ));
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let http = writeback_wizard::entra::http_client(Duration::from_secs(5)).unwrap();
    let nowhere = SignIn::new(
        http,
        Endpoints::with_overrides(Cloud::Global, Some(&url), None).unwrap(),
        "organizations",
        CLIENT,
        &["User.Read"],
    );
    let err = nowhere.start_device_code().await.unwrap_err();
    assert!(matches!(err, AuthError::Network { .. }), "{err}");
}

#[tokio::test]
async fn absurd_durations_from_the_service_are_capped() {
    let (server, sign_in) = stand_in().await;
    Mock::given(method("POST"))
        .and(path("/organizations/oauth2/v2.0/devicecode"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "device_code": "DEVICE-CODE-SECRET", "user_code": "ABCD-EFGH",
            "verification_uri": "https://microsoft.com/devicelogin",
            "expires_in": u64::MAX, "interval": u64::MAX, "message": "m"
        })))
        .mount(&server)
        .await;
    let code = sign_in.start_device_code().await.unwrap();
    assert_eq!((code.expires_in, code.interval), (1800, 60));
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "token_type": "Bearer", "expires_in": u64::MAX, "access_token": "AT-LONG"
        })))
        .mount(&server)
        .await;
    let token = sign_in.finish_device_code(&code).await.unwrap();
    assert_eq!(token.access_token.as_str(), "AT-LONG");
    assert!(!token.expires_within(Duration::from_secs(23 * 3600)));
    assert!(
        token.expires_within(Duration::from_secs(24 * 3600 + 60)),
        "a token is never taken to live longer than a day"
    );
}

#[tokio::test]
async fn a_busy_token_endpoint_is_retried_and_a_rejected_refresh_means_sign_in_again() {
    let (server, sign_in) = stand_in().await;
    device_code_endpoint(&server).await;
    // Two busy answers (503 with Retry-After in seconds, then 502), then the token.
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", "1"))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .respond_with(ResponseTemplate::new(502))
        .up_to_n_times(1)
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    poll_answers(
        &server,
        0,
        ResponseTemplate::new(200).set_body_json(token_json("AT-AFTER-RETRY")),
    )
    .await;
    let token = sign_in
        .finish_device_code(&sign_in.start_device_code().await.unwrap())
        .await
        .unwrap();
    assert_eq!(token.access_token.as_str(), "AT-AFTER-RETRY");
    server.verify().await;

    // The refresh token is no longer accepted (revoked, expired, password changed).
    Mock::given(method("POST"))
        .and(path(TOKEN_PATH))
        .and(body_string_contains("grant_type=refresh_token"))
        .respond_with(oauth_error("invalid_grant"))
        .with_priority(1)
        .mount(&server)
        .await;
    let err = sign_in.refresh(&token).await.unwrap_err();
    assert!(matches!(err, AuthError::SessionExpired(_)), "{err:?}");
    assert!(err.to_string().contains("sign in again"), "{err}");
}
