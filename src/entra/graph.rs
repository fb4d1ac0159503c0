//! A small Microsoft Graph v1.0 client: typed GETs with paging (`@odata.nextLink`), a token
//! refreshed before it expires, one retry after a 401 with a fresh token, bounded retries with
//! jittered backoff on 429/500/502/503/504 and transport errors honouring `Retry-After` (seconds
//! or a date; [`super::retry`]), next links followed only to Graph's own origin, and errors in
//! words. Nothing here panics on what the network sends.

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use tokio::sync::Mutex;

use super::auth::{AuthError, SignIn, Token};
use super::cloud::Endpoints;

use super::retry::MAX_RETRIES;
/// Pages followed at most (guards against a server that links forever).
const MAX_PAGES: usize = 1000;

/// Why a Graph call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
    #[error(
        "Microsoft Graph is busy or failing (HTTP {status}) and still was after {MAX_RETRIES} retries: try again in a few minutes"
    )]
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

/// Whether `link` has the scheme, host and port of `base` (both parsed; unparsable is never).
pub fn same_origin(link: &str, base: &str) -> bool {
    match (url::Url::parse(link), url::Url::parse(base)) {
        (Ok(l), Ok(b)) => {
            l.origin().is_tuple() && l.origin() == b.origin() && l.username().is_empty()
        }
        _ => false,
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

impl std::fmt::Debug for Graph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Graph")
            .field("graph", &self.endpoints.graph)
            .finish_non_exhaustive()
    }
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
            let bearer = zeroize::Zeroizing::new(self.bearer(false).await?);
            let sent = self
                .http
                .get(url)
                .bearer_auth(bearer.as_str())
                .header("Accept", "application/json")
                .send()
                .await;
            let resp = match sent {
                Ok(r) => r,
                Err(e) if retries < MAX_RETRIES && !e.is_builder() => {
                    retries += 1;
                    let wait = super::retry::backoff(retries);
                    tracing::info!(
                        "cannot reach Microsoft Graph for {path} ({e}); retrying in {} ms",
                        wait.as_millis()
                    );
                    tokio::time::sleep(wait).await;
                    continue;
                }
                Err(e) => {
                    return Err(GraphError::Network {
                        url: url.to_string(),
                        reason: e.to_string(),
                    });
                }
            };
            let status = resp.status().as_u16();
            let retry_after = super::retry::retry_after(
                resp.headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok()),
                super::retry::now(),
            );
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
                s if super::retry::retryable(s) && retries < MAX_RETRIES => {
                    retries += 1;
                    let wait = retry_after.unwrap_or_else(|| super::retry::backoff(retries));
                    tracing::info!(
                        "Microsoft Graph said {status} for {path}; retrying in {} ms",
                        wait.as_millis()
                    );
                    tokio::time::sleep(wait).await;
                }
                s if super::retry::retryable(s) => return Err(GraphError::Throttled { status }),
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
                    // Only follow links to Graph's own origin (scheme, host and port, parsed):
                    // the token is not sent anywhere else.
                    if !same_origin(&next, &self.endpoints.graph) {
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

#[cfg(test)]
mod tests {
    use super::same_origin;

    #[test]
    fn next_links_are_compared_by_parsed_origin() {
        let g = "https://graph.microsoft.com";
        assert!(same_origin(
            "https://graph.microsoft.com/v1.0/users?$skiptoken=x",
            g
        ));
        assert!(same_origin("https://GRAPH.microsoft.com:443/v1.0/users", g));
        for evil in [
            "https://graph.microsoft.com.evil.example/v1.0/users",
            "https://graph.microsoft.com@evil.example/v1.0/users",
            "https://evil.example/graph.microsoft.com/",
            "http://graph.microsoft.com/v1.0/users",
            "https://graph.microsoft.com:8443/v1.0/users",
            "https://user@graph.microsoft.com/v1.0/users",
            "//graph.microsoft.com/v1.0/users",
            "not a url",
        ] {
            assert!(!same_origin(evil, g), "{evil}");
        }
    }
}
