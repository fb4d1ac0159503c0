//! Signing in to Microsoft Entra ID as a public client: authorization code with PKCE on a
//! loopback redirect (first choice), the device code flow (fallback, often blocked by
//! Conditional Access), and refresh ("Microsoft identity platform and OAuth 2.0 authorization
//! code flow", "… device authorization grant flow").
//!
//! The OAuth 2.0 protocol work (PKCE, state, the token requests, device-code polling with
//! `slow_down`) is the `oauth2` crate's, over our own reqwest client (with retries); the
//! loopback redirect is served by hyper. What stays here: Microsoft's quirks (the
//! `authorization_declined` error, the `message` field), caps on every duration the service
//! gives, and errors in words. Tokens live in memory only and are wiped when dropped; they are
//! never logged.

mod loopback;

use loopback::wait_for_code;
pub use loopback::{Callback, answer_one, judge_callback};

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, Instant};

use oauth2::basic::{BasicErrorResponseType, BasicTokenType};
use oauth2::{
    AuthUrl, AuthorizationCode, ClientId, CsrfToken, DeviceAuthorizationResponse,
    DeviceAuthorizationUrl, DeviceCodeErrorResponseType, EmptyExtraTokenFields, HttpRequest,
    HttpResponse, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RefreshToken,
    RequestTokenError, Scope, StandardErrorResponse, StandardTokenResponse, TokenResponse,
    TokenUrl,
};
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use zeroize::Zeroizing;

use super::cloud::Endpoints;

/// The longest a token is taken to live, whatever the service says.
const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 3600);
/// The longest a device code is waited for, and the longest pause between polls.
const MAX_DEVICE_CODE_LIFETIME: u64 = 1800;
const MAX_POLL_INTERVAL: u64 = 60;

/// Why sign-in failed, in words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error("cannot reach the sign-in service at {url}: {reason}")]
    Network { url: String, reason: String },
    #[error("the sign-in service answered something unexpected ({0})")]
    BadResponse(String),
    #[error("sign-in was refused: {error}: {description}")]
    Refused { error: String, description: String },
    #[error("the sign-in was declined in the browser or on the device")]
    Declined,
    #[error("the device code expired before the sign-in was completed; start again")]
    Expired,
    #[error("no sign-in arrived on the loopback redirect within {0} s")]
    Timeout(u64),
    #[error("the loopback redirect could not be set up: {0}")]
    Loopback(String),
    #[error("the session expired and there is no refresh token: sign in again")]
    NoRefreshToken,
    #[error("the sign-in was refused because the session is no longer valid ({0}): sign in again")]
    SessionExpired(String),
}

/// An access token (and refresh token) in memory.
#[derive(Clone)]
pub struct Token {
    pub access_token: Zeroizing<String>,
    pub refresh_token: Option<Zeroizing<String>>,
    pub expires_at: Instant,
    pub scope: String,
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Token")
            .field("access_token", &"<redacted>")
            .field(
                "refresh_token",
                &self.refresh_token.as_ref().map(|_| "<redacted>"),
            )
            .field("expires_at", &self.expires_at)
            .field("scope", &self.scope)
            .finish()
    }
}

impl Token {
    /// Expires within `margin`: refresh before using it.
    pub fn expires_within(&self, margin: Duration) -> bool {
        Instant::now()
            .checked_add(margin)
            .is_none_or(|t| t >= self.expires_at)
    }
}

/// Microsoft's extra field of the device authorization response.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
struct MicrosoftDeviceFields {
    #[serde(default)]
    message: String,
}

impl oauth2::ExtraDeviceAuthorizationFields for MicrosoftDeviceFields {}

type DeviceDetails = DeviceAuthorizationResponse<MicrosoftDeviceFields>;

/// What the device code flow shows the user.
#[derive(Clone)]
pub struct DeviceCode {
    details: DeviceDetails,
    pub user_code: String,
    pub verification_uri: String,
    pub expires_in: u64,
    pub interval: u64,
    pub message: String,
}

impl std::fmt::Debug for DeviceCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceCode")
            .field("user_code", &self.user_code)
            .field("verification_uri", &self.verification_uri)
            .field("expires_in", &self.expires_in)
            .finish_non_exhaustive()
    }
}

/// A started authorization-code sign-in: open `url` in a browser, then
/// [`SignIn::finish_browser`].
pub struct BrowserSignIn {
    pub url: String,
    listener: TcpListener,
    redirect_uri: String,
    state: CsrfToken,
    verifier: PkceCodeVerifier,
}

/// Sign-in settings: where, which tenant, which app, which scopes.
#[derive(Clone, Debug)]
pub struct SignIn {
    http: reqwest::Client,
    endpoints: Endpoints,
    /// `organizations`, a tenant ID or a domain.
    tenant: String,
    client_id: String,
    scopes: Vec<String>,
}

/// PKCE S256: base64url(SHA-256(verifier)).
pub fn pkce_challenge(verifier: &str) -> String {
    PkceCodeChallenge::from_code_verifier_sha256(&PkceCodeVerifier::new(verifier.to_string()))
        .as_str()
        .to_string()
}

/// The HTTP client the `oauth2` crate calls: our reqwest client, with the retries of
/// [`super::retry`] on transport errors and busy answers.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct HttpError(String);

type HttpFuture<'a> = Pin<Box<dyn Future<Output = Result<HttpResponse, HttpError>> + Send + 'a>>;

fn oauth_http(http: &reqwest::Client) -> impl Fn(HttpRequest) -> HttpFuture<'static> + use<> {
    let http = http.clone();
    move |request: HttpRequest| {
        let http = http.clone();
        Box::pin(async move {
            let (parts, body) = request.into_parts();
            let mut attempt = 0;
            loop {
                let mut req = http.request(parts.method.clone(), parts.uri.to_string());
                for (k, v) in &parts.headers {
                    req = req.header(k, v);
                }
                match req.body(body.clone()).send().await {
                    Ok(resp) => {
                        let status = resp.status();
                        if super::retry::retryable(status.as_u16())
                            && attempt < super::retry::MAX_RETRIES
                        {
                            attempt += 1;
                            let wait = super::retry::retry_after(
                                resp.headers()
                                    .get("retry-after")
                                    .and_then(|v| v.to_str().ok()),
                                super::retry::now(),
                            )
                            .unwrap_or_else(|| super::retry::backoff(attempt));
                            tokio::time::sleep(wait).await;
                            continue;
                        }
                        let headers = resp.headers().clone();
                        let bytes = resp.bytes().await.map_err(|e| HttpError(e.to_string()))?;
                        let mut out = http::Response::builder().status(status);
                        for (k, v) in &headers {
                            out = out.header(k, v);
                        }
                        return out
                            .body(bytes.to_vec())
                            .map_err(|e| HttpError(e.to_string()));
                    }
                    Err(e) if attempt < super::retry::MAX_RETRIES && !e.is_builder() => {
                        attempt += 1;
                        tokio::time::sleep(super::retry::backoff(attempt)).await;
                    }
                    Err(e) => return Err(HttpError(e.to_string())),
                }
            }
        }) as HttpFuture<'static>
    }
}

type MsTokenResponse = StandardTokenResponse<EmptyExtraTokenFields, BasicTokenType>;

impl SignIn {
    pub fn new(
        http: reqwest::Client,
        endpoints: Endpoints,
        tenant: impl Into<String>,
        client_id: impl Into<String>,
        scopes: &[&str],
    ) -> Self {
        Self {
            http,
            endpoints,
            tenant: tenant.into(),
            client_id: client_id.into(),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn scopes(&self) -> Vec<Scope> {
        self.scopes.iter().map(|s| Scope::new(s.clone())).collect()
    }

    fn url_err(url: &str, e: impl std::fmt::Display) -> AuthError {
        AuthError::Loopback(format!("{url}: {e}"))
    }

    fn auth_url(&self) -> Result<AuthUrl, AuthError> {
        let u = self.endpoints.authorize_url(&self.tenant);
        AuthUrl::new(u.clone()).map_err(|e| Self::url_err(&u, e))
    }

    fn token_url(&self) -> Result<TokenUrl, AuthError> {
        let u = self.endpoints.token_url(&self.tenant);
        TokenUrl::new(u.clone()).map_err(|e| Self::url_err(&u, e))
    }

    /// Turns an `oauth2` failure into words: the service's OAuth error, a network problem, or an
    /// answer that is not OAuth.
    fn failure<T: oauth2::ErrorResponseType + std::fmt::Display + Send + Sync + 'static>(
        &self,
        url: String,
        e: RequestTokenError<HttpError, StandardErrorResponse<T>>,
        map: impl Fn(&str, String) -> AuthError,
    ) -> AuthError {
        match e {
            RequestTokenError::ServerResponse(r) => map(
                &r.error().to_string(),
                first_line(r.error_description().map_or("", String::as_str)),
            ),
            RequestTokenError::Request(e) => AuthError::Network {
                url,
                reason: e.to_string(),
            },
            RequestTokenError::Parse(e, _) => AuthError::BadResponse(e.to_string()),
            RequestTokenError::Other(e) => AuthError::BadResponse(e),
        }
    }

    fn refused(error: &str, description: String) -> AuthError {
        match error {
            "invalid_grant" => AuthError::SessionExpired(description),
            _ => AuthError::Refused {
                error: error.to_string(),
                description,
            },
        }
    }

    fn token_from(t: &MsTokenResponse) -> Token {
        let lifetime = t
            .expires_in()
            .unwrap_or(Duration::from_secs(3600))
            .min(MAX_TOKEN_LIFETIME);
        Token {
            access_token: Zeroizing::new(t.access_token().secret().clone()),
            refresh_token: t
                .refresh_token()
                .map(|r| Zeroizing::new(r.secret().clone())),
            expires_at: Instant::now()
                .checked_add(lifetime)
                .unwrap_or_else(Instant::now),
            scope: t
                .scopes()
                .map(|s| s.iter().map(|x| x.as_str()).collect::<Vec<_>>().join(" "))
                .unwrap_or_default(),
        }
    }

    /// Starts the authorization code flow: listens on 127.0.0.1 on a free port and builds the
    /// URL to open in the browser (redirect `http://localhost:<port>/`).
    pub async fn start_browser(&self) -> Result<BrowserSignIn, AuthError> {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| AuthError::Loopback(e.to_string()))?;
        let port = listener
            .local_addr()
            .map_err(|e| AuthError::Loopback(e.to_string()))?
            .port();
        let redirect_uri = format!("http://localhost:{port}/");
        let redirect = RedirectUrl::new(redirect_uri.clone())
            .map_err(|e| AuthError::Loopback(e.to_string()))?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let client = oauth2::basic::BasicClient::new(ClientId::new(self.client_id.clone()))
            .set_auth_uri(self.auth_url()?)
            .set_redirect_uri(redirect);
        let (url, state) = client
            .authorize_url(CsrfToken::new_random)
            .add_scopes(self.scopes())
            .set_pkce_challenge(challenge)
            .add_extra_param("response_mode", "query")
            .add_extra_param("prompt", "select_account")
            .url();
        Ok(BrowserSignIn {
            url: url.into(),
            listener,
            redirect_uri,
            state,
            verifier,
        })
    }

    /// Waits (at most `timeout`) for the browser to come back to the loopback redirect with the
    /// right `state` (a request with another state is answered and ignored), and exchanges the
    /// code for tokens.
    pub async fn finish_browser(
        &self,
        pending: BrowserSignIn,
        timeout: Duration,
    ) -> Result<Token, AuthError> {
        let code = tokio::time::timeout(
            timeout,
            wait_for_code(&pending.listener, pending.state.secret()),
        )
        .await
        .map_err(|_| AuthError::Timeout(timeout.as_secs()))??;
        let redirect = RedirectUrl::new(pending.redirect_uri.clone())
            .map_err(|e| AuthError::Loopback(e.to_string()))?;
        let client = oauth2::basic::BasicClient::new(ClientId::new(self.client_id.clone()))
            .set_token_uri(self.token_url()?);
        let http = oauth_http(&self.http);
        client
            .exchange_code(AuthorizationCode::new(code.to_string()))
            .set_pkce_verifier(pending.verifier)
            .set_redirect_uri(Cow::Owned(redirect))
            .add_extra_param("scope", self.scopes.join(" "))
            .request_async(&http)
            .await
            .map(|t| Self::token_from(&t))
            .map_err(|e| self.failure(self.endpoints.token_url(&self.tenant), e, Self::refused))
    }

    /// Starts the device code flow.
    pub async fn start_device_code(&self) -> Result<DeviceCode, AuthError> {
        let u = self.endpoints.devicecode_url(&self.tenant);
        let client = oauth2::basic::BasicClient::new(ClientId::new(self.client_id.clone()))
            .set_device_authorization_url(
                DeviceAuthorizationUrl::new(u.clone()).map_err(|e| Self::url_err(&u, e))?,
            );
        let http = oauth_http(&self.http);
        let details: DeviceDetails = client
            .exchange_device_code()
            .add_scopes(self.scopes())
            .request_async(&http)
            .await
            .map_err(|e| self.failure(u.clone(), e, Self::refused))?;
        // The service's durations, capped: a code lives at most half an hour, and a poll waits
        // at most a minute.
        let mut v = serde_json::to_value(&details)
            .map_err(|e| AuthError::BadResponse(format!("device code response: {e}")))?;
        let expires_in = details.expires_in().as_secs().min(MAX_DEVICE_CODE_LIFETIME);
        let interval = details.interval().as_secs().min(MAX_POLL_INTERVAL);
        v["expires_in"] = expires_in.into();
        v["interval"] = interval.into();
        let details: DeviceDetails = serde_json::from_value(v)
            .map_err(|e| AuthError::BadResponse(format!("device code response: {e}")))?;
        Ok(DeviceCode {
            user_code: details.user_code().secret().clone(),
            verification_uri: details.verification_uri().to_string(),
            message: details.extra_fields().message.clone(),
            expires_in,
            interval,
            details,
        })
    }

    /// Polls until the user completed the device sign-in (at the given interval, slower on
    /// `slow_down`), declined it, or the code expired.
    pub async fn finish_device_code(&self, code: &DeviceCode) -> Result<Token, AuthError> {
        let client = oauth2::basic::BasicClient::new(ClientId::new(self.client_id.clone()))
            .set_token_uri(self.token_url()?);
        let http = oauth_http(&self.http);
        let sleep = |d: Duration| tokio::time::sleep(d.min(Duration::from_secs(MAX_POLL_INTERVAL)));
        let result = client
            .exchange_device_access_token(&code.details)
            .request_async(&http, sleep, Some(Duration::from_secs(code.expires_in)))
            .await;
        match result {
            Ok(t) => Ok(Self::token_from(&t)),
            Err(RequestTokenError::ServerResponse(r)) => Err(match r.error() {
                DeviceCodeErrorResponseType::AccessDenied => AuthError::Declined,
                DeviceCodeErrorResponseType::ExpiredToken => AuthError::Expired,
                DeviceCodeErrorResponseType::Basic(BasicErrorResponseType::Extension(e))
                    if e == "authorization_declined" =>
                {
                    AuthError::Declined
                }
                other => Self::refused(
                    other.as_ref(),
                    first_line(r.error_description().map_or("", String::as_str)),
                ),
            }),
            Err(RequestTokenError::Other(e))
                if e.contains("timed out") || e.contains("timeout") =>
            {
                Err(AuthError::Expired)
            }
            Err(e) => Err(self.failure(self.endpoints.token_url(&self.tenant), e, Self::refused)),
        }
    }

    /// A new token from the refresh token. A refresh token the service no longer accepts
    /// (`invalid_grant`) is [`AuthError::SessionExpired`].
    pub async fn refresh(&self, token: &Token) -> Result<Token, AuthError> {
        let refresh = token
            .refresh_token
            .as_ref()
            .ok_or(AuthError::NoRefreshToken)?;
        let client = oauth2::basic::BasicClient::new(ClientId::new(self.client_id.clone()))
            .set_token_uri(self.token_url()?);
        let http = oauth_http(&self.http);
        let secret = RefreshToken::new(refresh.to_string());
        let mut t = client
            .exchange_refresh_token(&secret)
            .add_scopes(self.scopes())
            .request_async(&http)
            .await
            .map(|t| Self::token_from(&t))
            .map_err(|e| self.failure(self.endpoints.token_url(&self.tenant), e, Self::refused))?;
        if t.refresh_token.is_none() {
            t.refresh_token = Some(refresh.clone());
        }
        Ok(t)
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_challenge_matches_rfc_7636_appendix_b() {
        assert_eq!(
            pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }

    #[test]
    fn the_loopback_judges_each_request_by_its_query_and_state() {
        assert_eq!(judge_callback("/favicon.ico", "S"), Callback::Nothing);
        assert_eq!(judge_callback("/?code=C&state=X", "S"), Callback::NotOurs);
        assert_eq!(judge_callback("/?code=C", "S"), Callback::NotOurs);
        assert_eq!(
            judge_callback("/?code=C&state=S", "S"),
            Callback::Code("C".into())
        );
        assert_eq!(
            judge_callback(
                "/?error=access_denied&error_description=no%0Amore&state=S",
                "S"
            ),
            Callback::Error {
                error: "access_denied".into(),
                description: "no".into()
            }
        );
        assert_eq!(
            judge_callback("//evil.example/?code=C&state=S", "S"),
            Callback::Nothing
        );
        assert_eq!(judge_callback("\u{0}garbage", "S"), Callback::Nothing);
    }
}
