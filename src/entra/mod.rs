//! Microsoft Entra ID: which cloud ([`cloud`]), signing in ([`auth`]), Microsoft Graph
//! ([`graph`]), what the tenant says ([`facts`]) and the cloud checks ([`checks`]).

pub mod auth;
pub mod checks;
pub mod cloud;
pub mod facts;
pub mod graph;

pub use auth::{AuthError, SignIn, Token};
pub use cloud::{Cloud, Endpoints};
pub use graph::{Graph, GraphError};

/// An HTTP client for Entra and Graph: rustls with the ring provider, the system's trust
/// store, TLS verification on, bounded timeouts.
pub fn http_client(timeout: std::time::Duration) -> Result<reqwest::Client, String> {
    let config = crate::tls::client_config(None).map_err(|e| e.to_string())?;
    reqwest::Client::builder()
        .tls_backend_preconfigured((*config).clone())
        .connect_timeout(timeout)
        .timeout(timeout)
        .user_agent(concat!("writeback-wizard/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| e.to_string())
}
