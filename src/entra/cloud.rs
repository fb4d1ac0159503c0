//! Which cloud: the sign-in authority and Microsoft Graph host of each, and overrides for
//! proxies, air-gapped mirrors and tests ("Microsoft Graph national cloud deployments").

use serde::{Deserialize, Serialize};

/// The public client of "Microsoft Graph Command Line Tools" (the app `Connect-MgGraph` uses).
/// Default client ID; organisations may register their own public client instead.
pub const GRAPH_COMMAND_LINE_TOOLS: &str = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

/// Delegated scopes, the least each check needs ("Microsoft Graph permissions reference"):
/// the signed-in user and their roles, licences, the organisation's sync state, domains, the
/// sync feature flags; plus `offline_access` for refresh.
pub const SCOPES: &[&str] = &[
    "User.Read",
    "Organization.Read.All",
    "Domain.Read.All",
    "RoleManagement.Read.Directory",
    "OnPremDirectorySynchronization.Read.All",
    "offline_access",
];

/// Added for the pilot table: users by anchor and their licences, group members, SSPR
/// registration details (a reports permission), the authentication methods policy.
pub const PILOT_SCOPES: &[&str] = &[
    "User.Read.All",
    "GroupMember.Read.All",
    "AuditLog.Read.All",
    "Policy.Read.AuthenticationMethod",
];

/// A Microsoft cloud.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cloud {
    #[default]
    Global,
    UsGovernment,
    /// Operated by 21Vianet.
    China,
}

impl Cloud {
    pub fn authority(self) -> &'static str {
        match self {
            Cloud::Global => "https://login.microsoftonline.com",
            Cloud::UsGovernment => "https://login.microsoftonline.us",
            Cloud::China => "https://login.chinacloudapi.cn",
        }
    }

    pub fn graph(self) -> &'static str {
        match self {
            Cloud::Global => "https://graph.microsoft.com",
            Cloud::UsGovernment => "https://graph.microsoft.us",
            Cloud::China => "https://microsoftgraph.chinacloudapi.cn",
        }
    }

    /// Outbound HTTPS endpoints of the password reset service ("Troubleshoot self-service
    /// password reset writeback"): the hosts the sync server must reach on TCP 443.
    pub fn writeback_endpoints(self) -> &'static [&'static str] {
        match self {
            Cloud::Global => &[
                "ssprdedicatedsbprodscu.servicebus.windows.net",
                "passwordreset.microsoftonline.com",
            ],
            Cloud::UsGovernment => &["passwordreset.microsoftonline.us"],
            Cloud::China => &[
                "ssprdedicatedsbmcprodcne.servicebus.chinacloudapi.cn",
                "ssprdedicatedsbmcprodcnn.servicebus.chinacloudapi.cn",
            ],
        }
    }
}

/// The endpoints to talk to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    pub cloud: Cloud,
    /// e.g. `https://login.microsoftonline.com` (the tool appends `/{tenant}/oauth2/v2.0/…`).
    pub authority: String,
    /// e.g. `https://graph.microsoft.com` (the tool appends `/v1.0/…`).
    pub graph: String,
}

/// An override that is not a usable base URL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{which} {url:?} is not usable: {reason}")]
pub struct EndpointError {
    pub which: Endpoint,
    pub url: String,
    pub reason: EndpointProblem,
}

/// What is wrong with an endpoint override.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EndpointProblem {
    #[error("{0}")]
    NotAUrl(String),
    #[error("plain http is allowed only on a loopback address; use https")]
    PlainHttp,
    #[error("unknown scheme {0}")]
    Scheme(String),
    #[error("give a base URL without query or fragment")]
    QueryOrFragment,
}

/// Which endpoint an override replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Authority,
    Graph,
}

impl std::fmt::Display for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Endpoint::Authority => "the authority URL",
            Endpoint::Graph => "the Graph URL",
        })
    }
}

/// Checks a base URL: https, or http only on a loopback address (local stand-ins in tests).
fn base(which: Endpoint, url: &str) -> Result<String, EndpointError> {
    let err = |reason: EndpointProblem| EndpointError {
        which,
        url: url.to_string(),
        reason,
    };
    let parsed = url::Url::parse(url).map_err(|e| err(EndpointProblem::NotAUrl(e.to_string())))?;
    let host = parsed.host_str().unwrap_or_default();
    let loopback = matches!(host, "127.0.0.1" | "localhost" | "[::1]" | "::1");
    match parsed.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(err(EndpointProblem::PlainHttp));
        }
        other => return Err(err(EndpointProblem::Scheme(other.to_string()))),
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(err(EndpointProblem::QueryOrFragment));
    }
    Ok(url.trim_end_matches('/').to_string())
}

impl Endpoints {
    pub fn for_cloud(cloud: Cloud) -> Self {
        Self {
            cloud,
            authority: cloud.authority().into(),
            graph: cloud.graph().into(),
        }
    }

    /// The cloud's endpoints with `--authority` / `--graph-url` overrides.
    pub fn with_overrides(
        cloud: Cloud,
        authority: Option<&str>,
        graph: Option<&str>,
    ) -> Result<Self, EndpointError> {
        let mut e = Self::for_cloud(cloud);
        if let Some(a) = authority {
            e.authority = base(Endpoint::Authority, a)?;
        }
        if let Some(g) = graph {
            e.graph = base(Endpoint::Graph, g)?;
        }
        Ok(e)
    }

    fn oauth(&self, tenant: &str, what: &str) -> String {
        format!("{}/{}/oauth2/v2.0/{what}", self.authority, tenant)
    }

    pub fn authorize_url(&self, tenant: &str) -> String {
        self.oauth(tenant, "authorize")
    }

    pub fn token_url(&self, tenant: &str) -> String {
        self.oauth(tenant, "token")
    }

    pub fn devicecode_url(&self, tenant: &str) -> String {
        self.oauth(tenant, "devicecode")
    }

    /// `{graph}/v1.0{path}`; `path` starts with `/`.
    pub fn graph_v1(&self, path: &str) -> String {
        format!("{}/v1.0{path}", self.graph)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_append_the_documented_paths() {
        let e = Endpoints::for_cloud(Cloud::UsGovernment);
        assert_eq!(
            e.token_url("organizations"),
            "https://login.microsoftonline.us/organizations/oauth2/v2.0/token"
        );
        assert_eq!(
            e.graph_v1("/organization"),
            "https://graph.microsoft.us/v1.0/organization"
        );
        let o = Endpoints::with_overrides(
            Cloud::Global,
            Some("http://127.0.0.1:8080/"),
            Some("https://proxy.example/graph"),
        )
        .unwrap();
        assert_eq!(
            o.devicecode_url("contoso.com"),
            "http://127.0.0.1:8080/contoso.com/oauth2/v2.0/devicecode"
        );
        assert_eq!(o.graph_v1("/me"), "https://proxy.example/graph/v1.0/me");
    }

    #[test]
    fn plain_http_is_refused_off_loopback() {
        let e = Endpoints::with_overrides(Cloud::Global, Some("http://login.example.com"), None)
            .unwrap_err();
        assert!(e.to_string().contains("loopback"));
        assert!(Endpoints::with_overrides(Cloud::Global, None, Some("ftp://x")).is_err());
        assert!(Endpoints::with_overrides(Cloud::Global, None, Some("not a url")).is_err());
    }
}
