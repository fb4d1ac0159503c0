//! The directory and the sync server: connecting, testing a connection, the OU tree, Entra Connect.

use zeroize::Zeroizing;

use super::UiError;
use crate::ad::connector::{Account, ConnectorLookup};
use crate::ad::{ConnectOptions, Connection, SimpleCredential};
use crate::engine::{Credential, Login};
use crate::syncserver::{self, ProcessPowerShell, SyncServerInfo};
use crate::t;

/// How to reach and sign in to the DC. The password is wiped when the last copy is dropped.
#[derive(Clone)]
pub struct DirectoryParams {
    pub opts: ConnectOptions,
    pub user: String,
    pub password: Zeroizing<String>,
    /// Kerberos with the current credentials instead of the password.
    pub kerberos: bool,
}

impl std::fmt::Debug for DirectoryParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DirectoryParams")
            .field("url", &self.opts.url)
            .field("user", &self.user)
            .field("kerberos", &self.kerberos)
            .finish_non_exhaustive()
    }
}

impl DirectoryParams {
    /// The engine's sign-in.
    pub fn login(&self) -> Login {
        Login {
            options: self.opts.clone(),
            credential: if self.kerberos {
                Credential::Kerberos
            } else {
                Credential::Password(SimpleCredential {
                    user: self.user.clone(),
                    password: self.password.clone(),
                })
            },
        }
    }
}

/// Connects and binds.
pub async fn connect(p: &DirectoryParams) -> Result<Connection, UiError> {
    Ok(p.login().connect().await?)
}

/// What "Test connection" found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tested {
    pub server: String,
    pub domain_dn: String,
    pub domain_dns: String,
    pub encrypted: bool,
    /// The connector account found (detected, or the one typed).
    pub connector: Option<Account>,
    /// Several matched: the user picks one.
    pub candidates: Vec<Account>,
    /// Every domain of the forest (from its partitions container).
    pub forest: Vec<crate::ad::discovery::ForestDomain>,
}

impl Tested {
    /// A test of dc1.corp.example that found domain `dn` in a forest of `forest` (DN, DNS name)
    /// and no connector, for the wizard's tests.
    #[cfg(test)]
    pub fn for_tests(dn: &str, forest: &[(&str, &str)]) -> Tested {
        Tested {
            server: "dc1.corp.example".into(),
            domain_dn: dn.into(),
            domain_dns: crate::ad::discovery::dns_from_dn(dn),
            encrypted: true,
            connector: None,
            candidates: vec![],
            forest: forest
                .iter()
                .map(|(dn, dns)| crate::ad::discovery::ForestDomain {
                    dn: (*dn).into(),
                    dns_name: (*dns).into(),
                    netbios_name: String::new(),
                })
                .collect(),
        }
    }
}

/// Connects, reads the domain and looks for the connector account.
pub async fn test_connection(p: DirectoryParams, connector: String) -> Result<Tested, UiError> {
    let mut conn = connect(&p).await?;
    let root = conn.root_dse().await?;
    let forest = conn.forest_domains(&root).await?;
    let domain = conn.domain(&root, &forest).await?;
    let given = Some(connector.trim()).filter(|c| !c.is_empty());
    let (lookup, _) = crate::check::ranking::find(&mut conn, &domain, given).await?;
    let encrypted = conn.encrypted();
    let server = conn.server().to_string();
    conn.close().await;
    let (connector, candidates) = match lookup {
        ConnectorLookup::Found(a) => (Some(a), Vec::new()),
        ConnectorLookup::NotFound { .. } => (None, Vec::new()),
        ConnectorLookup::Ambiguous { candidates, .. } => (None, candidates),
    };
    if connector.is_none() && given.is_some() && candidates.is_empty() {
        return Err(UiError::plain(t!(
            "error-connector-not-found",
            name = given.unwrap_or_default()
        )));
    }
    Ok(Tested {
        server,
        domain_dn: domain.dn,
        domain_dns: domain.dns_name,
        encrypted,
        connector,
        candidates,
        forest,
    })
}

/// An OU or container in the filtering tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OuNode {
    pub dn: String,
    pub name: String,
}

/// The OUs and containers directly below `dn` (one level), sorted by name.
pub async fn children(p: DirectoryParams, dn: String) -> Result<Vec<OuNode>, UiError> {
    let mut conn = connect(&p).await?;
    let entries = conn
        .search(
            &dn,
            ldap3::Scope::OneLevel,
            crate::check::facts::CONTAINER_FILTER,
            &["name"],
            vec![],
        )
        .await?;
    conn.close().await;
    let mut nodes: Vec<OuNode> = entries
        .into_iter()
        .map(|e| OuNode {
            name: e.text("name").unwrap_or_else(|| e.dn.clone()),
            dn: e.dn,
        })
        .collect();
    nodes.sort_by_key(|n| n.name.to_lowercase());
    Ok(nodes)
}

/// Reads Entra Connect on this computer (`Ok(None)`: not a Windows machine).
pub async fn read_sync_server(ps: ProcessPowerShell) -> Result<Option<SyncServerInfo>, String> {
    syncserver::read(&ps)
        .await
        .map_err(|e| crate::words::Words::current(crate::words::Face::Wizard).error(&e))
}
