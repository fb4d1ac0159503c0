//! A small Microsoft Graph v1.0 client: typed GETs with paging (`@odata.nextLink`), a token
//! refreshed before it expires, one retry after a 401 with a fresh token, bounded retries on
//! 429/503 honouring `Retry-After`, and errors in words. Nothing here panics on what the
//! network sends.

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use tokio::sync::Mutex;

use super::auth::{AuthError, SignIn, Token};
use super::cloud::Endpoints;

/// Retries of a throttled request, and the longest `Retry-After` honoured.
const MAX_RETRIES: u32 = 3;
const MAX_RETRY_AFTER: Duration = Duration::from_secs(30);
/// Pages followed at most (guards against a server that links forever).
const MAX_PAGES: usize = 1000;

/// Why a Graph call failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum GraphError {
    #[error("cannot reach Microsoft Graph at {url}: {reason}")]
    Network { url: String, reason: String },
    #[error("Microsoft Graph no longer accepts the sign-in (401): sign in again")]
    Unauthorized,
    #[error("Microsoft Graph refused {path} (403 {code}): {message}. It needs {needs}.")]
    Forbidden {
        path: String,
        code: String,
        message: String,
        needs: String,
    },
    #[error("{path} was not found (404)")]
    NotFound { path: String },
    #[error("Microsoft Graph is busy (HTTP {status}) and still was after {MAX_RETRIES} retries")]
    Throttled { status: u16 },
    #[error("Microsoft Graph answered {path} with HTTP {status}: {message}")]
    Http {
        path: String,
        status: u16,
        message: String,
    },
    #[error("Microsoft Graph answered {path} with something unexpected: {reason}")]
    Malformed { path: String, reason: String },
    #[error(transparent)]
    Auth(#[from] AuthError),
}

#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    #[serde(default)]
    code: String,
    #[serde(default)]
    message: String,
}

#[derive(Deserialize)]
struct Page<T> {
    value: Vec<T>,
    #[serde(rename = "@odata.nextLink", default)]
    next_link: Option<String>,
}

/// What a path needs, for 403 messages ("Microsoft Graph permissions reference").
fn needs(path: &str) -> &'static str {
    let p = path.trim_start_matches("/v1.0");
    match p {
        _ if p.starts_with("/subscribedSkus") => "the Organization.Read.All permission",
        _ if p.starts_with("/organization") => "the Organization.Read.All permission",
        _ if p.starts_with("/domains") => {
            "the Domain.Read.All permission and a role that may read domains"
        }
        _ if p.starts_with("/directory/onPremisesSynchronization") => {
            "the OnPremDirectorySynchronization.Read.All permission, and the Global Administrator role"
        }
        _ if p.starts_with("/me/transitiveMemberOf") || p.starts_with("/me/memberOf") => {
            "the User.Read permission"
        }
        _ if p.starts_with("/reports/") => {
            "the AuditLog.Read.All permission, a reports role and an Entra ID P1/P2 licence"
        }
        _ if p.starts_with("/policies/authenticationMethodsPolicy") => {
            "the Policy.Read.AuthenticationMethod permission"
        }
        _ if p.starts_with("/groups") => "the GroupMember.Read.All permission",
        _ if p.starts_with("/users") => "the User.Read.All permission",
        _ => "more permissions than were granted",
    }
}

/// A Graph client with a token that refreshes itself.
#[derive(Clone)]
pub struct Graph {
    http: reqwest::Client,
    endpoints: Endpoints,
    sign_in: Option<SignIn>,
    token: Arc<Mutex<Token>>,
}

impl Graph {
    /// `sign_in` is used to refresh the token; without it, an expired token is an error.
    pub fn new(
        http: reqwest::Client,
        endpoints: Endpoints,
        token: Token,
        sign_in: Option<SignIn>,
    ) -> Self {
        Self {
            http,
            endpoints,
            sign_in,
            token: Arc::new(Mutex::new(token)),
        }
    }

    /// The access token, refreshed first when it expires within two minutes.
    async fn bearer(&self, force_refresh: bool) -> Result<String, GraphError> {
        let mut token = self.token.lock().await;
        if force_refresh || token.expires_within(Duration::from_secs(120)) {
            let sign_in = self.sign_in.as_ref().ok_or(GraphError::Unauthorized)?;
            *token = sign_in.refresh(&token).await?;
        }
        Ok(token.access_token.to_string())
    }

    /// GET `url` (absolute) as JSON of type `T`.
    async fn get_url<T: DeserializeOwned>(&self, url: &str, path: &str) -> Result<T, GraphError> {
        let mut refreshed = false;
        let mut retries = 0;
        loop {
            let bearer = self.bearer(false).await?;
            let resp = self
                .http
                .get(url)
                .bearer_auth(&bearer)
                .header("Accept", "application/json")
                .send()
                .await
                .map_err(|e| GraphError::Network {
                    url: url.to_string(),
                    reason: e.to_string(),
                })?;
            let status = resp.status().as_u16();
            let retry_after = resp
                .headers()
                .get("retry-after")
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
                .map(Duration::from_secs);
            let body = resp.bytes().await.map_err(|e| GraphError::Network {
                url: url.to_string(),
                reason: e.to_string(),
            })?;
            let error = || {
                serde_json::from_slice::<ErrorBody>(&body)
                    .ok()
                    .map(|b| b.error)
            };
            match status {
                200..=299 => {
                    return serde_json::from_slice(&body).map_err(|e| GraphError::Malformed {
                        path: path.to_string(),
                        reason: e.to_string(),
                    });
                }
                401 if !refreshed && self.sign_in.is_some() => {
                    refreshed = true;
                    self.bearer(true).await?;
                }
                401 => return Err(GraphError::Unauthorized),
                403 => {
                    let e = error();
                    return Err(GraphError::Forbidden {
                        path: path.to_string(),
                        code: e.as_ref().map(|e| e.code.clone()).unwrap_or_default(),
                        message: e
                            .map(|e| e.message)
                            .unwrap_or_else(|| "access denied".into()),
                        needs: needs(path).to_string(),
                    });
                }
                404 => {
                    return Err(GraphError::NotFound {
                        path: path.to_string(),
                    });
                }
                429 | 503 if retries < MAX_RETRIES => {
                    retries += 1;
                    let wait = retry_after
                        .unwrap_or(Duration::from_secs(2 << retries))
                        .min(MAX_RETRY_AFTER);
                    tracing::info!(
                        "Microsoft Graph said {status} for {path}; retrying in {} s",
                        wait.as_secs()
                    );
                    tokio::time::sleep(wait).await;
                }
                429 | 503 => return Err(GraphError::Throttled { status }),
                _ => {
                    return Err(GraphError::Http {
                        path: path.to_string(),
                        status,
                        message: error().map(|e| e.message).unwrap_or_default(),
                    });
                }
            }
        }
    }

    /// GET `/v1.0{path}` as `T`.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, GraphError> {
        self.get_url(&self.endpoints.graph_v1(path), path).await
    }

    /// GET a collection, following `@odata.nextLink` to the end.
    pub async fn get_all<T: DeserializeOwned>(&self, path: &str) -> Result<Vec<T>, GraphError> {
        let mut out = Vec::new();
        let mut url = self.endpoints.graph_v1(path);
        for _ in 0..MAX_PAGES {
            let page: Page<T> = self.get_url(&url, path).await?;
            out.extend(page.value);
            match page.next_link {
                Some(next) => {
                    // Only follow links to the same Graph host: a token is not sent elsewhere.
                    if !next.starts_with(&self.endpoints.graph) {
                        return Err(GraphError::Malformed {
                            path: path.to_string(),
                            reason: format!("a next link points elsewhere: {next}"),
                        });
                    }
                    url = next;
                }
                None => return Ok(out),
            }
        }
        Err(GraphError::Malformed {
            path: path.to_string(),
            reason: format!("more than {MAX_PAGES} pages"),
        })
    }
}
