//! Signing in to Microsoft Entra ID as a public client: authorization code with PKCE on a
//! loopback redirect (first choice), the device code flow (fallback, often blocked by
//! Conditional Access), and refresh ("Microsoft identity platform and OAuth 2.0 authorization
//! code flow", "… device authorization grant flow"). Tokens live in memory only and are wiped
//! when dropped; they are never logged.

use std::time::{Duration, Instant};

use base64::Engine as _;
use serde::Deserialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use zeroize::Zeroizing;

use super::cloud::Endpoints;

/// Why sign-in failed, in words.
#[derive(Debug, Clone, thiserror::Error)]
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
    #[error(
        "the browser came back with a different state value: this response is not ours, so it was ignored (possible cross-site request forgery)"
    )]
    StateMismatch,
    #[error("no sign-in arrived on the loopback redirect within {0} s")]
    Timeout(u64),
    #[error("the loopback redirect could not be set up: {0}")]
    Loopback(String),
    #[error("the session expired and there is no refresh token: sign in again")]
    NoRefreshToken,
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
        Instant::now() + margin >= self.expires_at
    }
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    #[serde(default)]
    refresh_token: Option<String>,
    expires_in: u64,
    #[serde(default)]
    scope: String,
}

#[derive(Deserialize)]
struct ErrorResponse {
    error: String,
    #[serde(default)]
    error_description: String,
}

/// What the device code flow shows the user.
#[derive(Clone, Deserialize)]
pub struct DeviceCode {
    device_code: Zeroizing<String>,
    pub user_code: String,
    pub verification_uri: String,
    pub expires_in: u64,
    #[serde(default = "default_interval")]
    pub interval: u64,
    #[serde(default)]
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

fn default_interval() -> u64 {
    5
}

/// A started authorization-code sign-in: open `url` in a browser, then
/// [`SignIn::finish_browser`].
pub struct BrowserSignIn {
    pub url: String,
    listener: TcpListener,
    redirect_uri: String,
    state: String,
    verifier: Zeroizing<String>,
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

fn random_urlsafe(bytes: usize) -> Result<String, AuthError> {
    let mut buf = Zeroizing::new(vec![0u8; bytes]);
    getrandom::fill(&mut buf).map_err(|e| AuthError::Loopback(e.to_string()))?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&*buf))
}

/// PKCE S256: base64url(SHA-256(verifier)).
pub fn pkce_challenge(verifier: &str) -> String {
    let digest = ring::digest::digest(&ring::digest::SHA256, verifier.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest.as_ref())
}

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

    fn scope(&self) -> String {
        self.scopes.join(" ")
    }

    async fn post_form(
        &self,
        url: &str,
        form: &[(&str, &str)],
    ) -> Result<Result<String, ErrorResponse>, AuthError> {
        let resp = self
            .http
            .post(url)
            .form(form)
            .send()
            .await
            .map_err(|e| AuthError::Network {
                url: url.to_string(),
                reason: e.to_string(),
            })?;
        let status = resp.status();
        let body = resp.text().await.map_err(|e| AuthError::Network {
            url: url.to_string(),
            reason: e.to_string(),
        })?;
        if status.is_success() {
            return Ok(Ok(body));
        }
        match serde_json::from_str::<ErrorResponse>(&body) {
            Ok(err) => Ok(Err(err)),
            Err(_) => Err(AuthError::BadResponse(format!(
                "HTTP {status} without an OAuth error body"
            ))),
        }
    }

    fn token_from(body: &str) -> Result<Token, AuthError> {
        let t: TokenResponse = serde_json::from_str(body)
            .map_err(|e| AuthError::BadResponse(format!("token response: {e}")))?;
        Ok(Token {
            access_token: Zeroizing::new(t.access_token),
            refresh_token: t.refresh_token.map(Zeroizing::new),
            expires_at: Instant::now() + Duration::from_secs(t.expires_in),
            scope: t.scope,
        })
    }

    async fn token_request(&self, form: &[(&str, &str)]) -> Result<Token, AuthError> {
        match self
            .post_form(&self.endpoints.token_url(&self.tenant), form)
            .await?
        {
            Ok(body) => Self::token_from(&body),
            Err(e) => Err(AuthError::Refused {
                error: e.error,
                description: first_line(&e.error_description),
            }),
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
        let verifier = Zeroizing::new(random_urlsafe(32)?);
        let state = random_urlsafe(16)?;
        let mut url = url::Url::parse(&self.endpoints.authorize_url(&self.tenant))
            .map_err(|e| AuthError::Loopback(e.to_string()))?;
        url.query_pairs_mut()
            .append_pair("client_id", &self.client_id)
            .append_pair("response_type", "code")
            .append_pair("redirect_uri", &redirect_uri)
            .append_pair("response_mode", "query")
            .append_pair("scope", &self.scope())
            .append_pair("state", &state)
            .append_pair("code_challenge", &pkce_challenge(&verifier))
            .append_pair("code_challenge_method", "S256")
            .append_pair("prompt", "select_account");
        Ok(BrowserSignIn {
            url: url.into(),
            listener,
            redirect_uri,
            state,
            verifier,
        })
    }

    /// Waits (at most `timeout`) for the browser to come back to the loopback redirect, checks
    /// `state`, and exchanges the code for tokens.
    pub async fn finish_browser(
        &self,
        pending: BrowserSignIn,
        timeout: Duration,
    ) -> Result<Token, AuthError> {
        let code = tokio::time::timeout(timeout, wait_for_code(&pending.listener, &pending.state))
            .await
            .map_err(|_| AuthError::Timeout(timeout.as_secs()))??;
        self.token_request(&[
            ("client_id", &self.client_id),
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", &pending.redirect_uri),
            ("code_verifier", &pending.verifier),
            ("scope", &self.scope()),
        ])
        .await
    }

    /// Starts the device code flow.
    pub async fn start_device_code(&self) -> Result<DeviceCode, AuthError> {
        let scope = self.scope();
        match self
            .post_form(
                &self.endpoints.devicecode_url(&self.tenant),
                &[("client_id", &self.client_id), ("scope", &scope)],
            )
            .await?
        {
            Ok(body) => serde_json::from_str(&body)
                .map_err(|e| AuthError::BadResponse(format!("device code response: {e}"))),
            Err(e) => Err(AuthError::Refused {
                error: e.error,
                description: first_line(&e.error_description),
            }),
        }
    }

    /// Polls until the user completed the device sign-in (at the given interval, slower on
    /// `slow_down`), declined it, or the code expired.
    pub async fn finish_device_code(&self, code: &DeviceCode) -> Result<Token, AuthError> {
        let deadline = Instant::now() + Duration::from_secs(code.expires_in);
        let mut interval = code.interval;
        loop {
            tokio::time::sleep(Duration::from_secs(interval)).await;
            let form = [
                ("client_id", self.client_id.as_str()),
                ("grant_type", "urn:ietf:params:oauth:grant-type:device_code"),
                ("device_code", code.device_code.as_str()),
            ];
            match self
                .post_form(&self.endpoints.token_url(&self.tenant), &form)
                .await?
            {
                Ok(body) => return Self::token_from(&body),
                Err(e) => match e.error.as_str() {
                    "authorization_pending" => {}
                    // RFC 8628 3.5: add 5 seconds to the interval.
                    "slow_down" => interval += 5,
                    "authorization_declined" | "access_denied" => return Err(AuthError::Declined),
                    "expired_token" => return Err(AuthError::Expired),
                    _ => {
                        return Err(AuthError::Refused {
                            error: e.error,
                            description: first_line(&e.error_description),
                        });
                    }
                },
            }
            if Instant::now() >= deadline {
                return Err(AuthError::Expired);
            }
        }
    }

    /// A new token from the refresh token.
    pub async fn refresh(&self, token: &Token) -> Result<Token, AuthError> {
        let refresh = token
            .refresh_token
            .as_ref()
            .ok_or(AuthError::NoRefreshToken)?;
        let mut t = self
            .token_request(&[
                ("client_id", &self.client_id),
                ("grant_type", "refresh_token"),
                ("refresh_token", refresh),
                ("scope", &self.scope()),
            ])
            .await?;
        if t.refresh_token.is_none() {
            t.refresh_token = Some(refresh.clone());
        }
        Ok(t)
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or_default().trim().to_string()
}

const PAGE_OK: &str = "<!DOCTYPE html><html><body><h1>Signed in</h1><p>You can close this tab and return to Writeback Wizard.</p></body></html>";

/// Accepts connections on the loopback listener until one carries `code` (or `error`) in its
/// query. Requests without either (a favicon, a probe) get a 404 and are ignored.
async fn wait_for_code(listener: &TcpListener, state: &str) -> Result<String, AuthError> {
    loop {
        let (mut sock, _) = listener
            .accept()
            .await
            .map_err(|e| AuthError::Loopback(e.to_string()))?;
        let mut buf = vec![0u8; 8192];
        let mut len = 0;
        // Read the request head (bounded).
        while len < buf.len() {
            let n = match tokio::time::timeout(Duration::from_secs(10), sock.read(&mut buf[len..]))
                .await
            {
                Ok(Ok(n)) => n,
                _ => 0,
            };
            if n == 0 {
                break;
            }
            len += n;
            if buf[..len].windows(4).any(|w| w == b"\r\n\r\n") {
                break;
            }
        }
        let head = String::from_utf8_lossy(&buf[..len]);
        let target = head
            .lines()
            .next()
            .and_then(|l| l.split_whitespace().nth(1))
            .unwrap_or("/");
        let query = url::Url::parse(&format!("http://localhost{target}")).ok();
        let get = |k: &str| {
            query.as_ref().and_then(|u| {
                u.query_pairs()
                    .find(|(key, _)| key == k)
                    .map(|(_, v)| v.into_owned())
            })
        };
        let (code, error) = (get("code"), get("error"));
        if code.is_none() && error.is_none() {
            let _ = sock
                .write_all(
                    b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                )
                .await;
            continue;
        }
        let ok = get("state").as_deref() == Some(state);
        let page = if !ok {
            "<!DOCTYPE html><html><body><h1>Sign-in not accepted</h1><p>The response did not match this sign-in.</p></body></html>".to_string()
        } else if let Some(e) = &error {
            format!(
                "<!DOCTYPE html><html><body><h1>Sign-in failed</h1><p>{}</p></body></html>",
                crate::report::escape_html(e)
            )
        } else {
            PAGE_OK.to_string()
        };
        let _ = sock
            .write_all(
                format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{page}",
                    page.len()
                )
                .as_bytes(),
            )
            .await;
        if !ok {
            return Err(AuthError::StateMismatch);
        }
        if let Some(e) = error {
            return Err(match e.as_str() {
                "access_denied" => AuthError::Declined,
                _ => AuthError::Refused {
                    error: e,
                    description: get("error_description")
                        .map(|d| first_line(&d))
                        .unwrap_or_default(),
                },
            });
        }
        return code.ok_or_else(|| AuthError::BadResponse("no code".into()));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn pkce_challenge_matches_rfc_7636_appendix_b() {
        assert_eq!(
            super::pkce_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}
