//! Microsoft Entra ID: which cloud ([`cloud`]), signing in ([`auth`]), Microsoft Graph
//! ([`graph`]), what the tenant says ([`facts`]) and the cloud checks ([`checks`]).

pub mod auth;
pub mod checks;
pub mod cloud;
pub mod facts;
pub mod graph;
pub mod retry;

pub use auth::{AuthError, SignIn, Token};
pub use cloud::{Cloud, Endpoint, EndpointError, EndpointProblem, Endpoints};
pub use graph::{Graph, GraphError};

/// Opens `url` in the system browser; false when that did not work (then show the URL).
/// `WW_NO_BROWSER` set: never opens one (tests, scripted runs).
pub fn open_browser(url: &str) -> bool {
    if std::env::var_os("WW_NO_BROWSER").is_some() {
        return false;
    }
    let cmd = if cfg!(windows) {
        std::process::Command::new("rundll32")
            .args(["url.dll,FileProtocolHandler", url])
            .status()
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).status()
    } else {
        std::process::Command::new("xdg-open").arg(url).status()
    };
    cmd.is_ok_and(|s| s.success())
}

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
