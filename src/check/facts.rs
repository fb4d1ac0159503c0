//! Everything the checks need, read from the directory once. The checks themselves are pure
//! functions over these facts, so they can be tested without a DC.

use std::collections::HashMap;

use ldap3::Scope;

use crate::ad::connector::{Account, ConnectorLookup};
use crate::ad::discovery::{Domain, ForestDomain, RootDse, is_within};
use crate::ad::{AdError, Connection, Query, Transport, controls};
use crate::sd::rights::{ATTR_LOCKOUT_TIME, ATTR_PWD_LAST_SET};
use crate::sd::{Guid, SecurityDescriptor, Sid, Token};

/// What the check was asked to do.
#[derive(Clone, Debug, Default)]
pub struct CheckOptions {
    /// The connector account as given (sAMAccountName, `DOMAIN\name`, UPN or DN); detected
    /// when `None`.
    pub connector: Option<String>,
    /// The OUs/containers in sync scope; the whole domain when empty.
    pub scopes: Vec<String>,
    /// Page size of the user scan.
    pub page_size: i32,
}

/// A problem in the input that stops the check before it starts (exit 2).
#[derive(Debug, Clone, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Directory(#[from] AdError),
    #[error(
        "the scope {0:?} does not exist in the directory. Give the DN of an OU or container, e.g. --scope \"OU=Staff,DC=corp,DC=example,DC=com\"."
    )]
    ScopeNotFound(String),
    #[error(
        "the scope {scope:?} is not in the domain {domain}. Give a DN that ends with the domain's DN."
    )]
    ScopeOutsideDomain { scope: String, domain: String },
    #[error(
        "no account matches --connector {0:?}. Give its sAMAccountName (often MSOL_…), its UPN or its DN."
    )]
    ConnectorNotFound(String),
    #[error("--connector {given:?} matches several accounts: {}. Give the DN of the one Entra Connect uses.", candidates.join("; "))]
    ConnectorAmbiguous {
        given: String,
        candidates: Vec<String>,
    },
}

/// An OU, container or the domain root, with its DACL.
#[derive(Clone, Debug)]
pub struct Container {
    pub dn: String,
    pub class_name: String,
    /// `None` when the bound account could not read it.
    pub sd: Option<SecurityDescriptor>,
}

/// A fine-grained password policy (msDS-PasswordSettings).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Pso {
    pub dn: String,
    pub name: String,
    pub precedence: Option<i64>,
    /// msDS-MinimumPasswordAge, 100-ns intervals (negative; 0 = none). `None` if unreadable.
    pub min_age: Option<i64>,
    pub applies_to: Vec<String>,
}

/// The connector account and its token.
#[derive(Clone, Debug)]
pub struct Connector {
    pub account: Account,
    pub token: Token,
    /// Its transitive groups (tokenGroups).
    pub groups: Vec<Sid>,
}

/// Everything read from the directory for the checks.
#[derive(Clone, Debug)]
pub struct Facts {
    pub server: String,
    pub transport: Transport,
    /// TLS, or a sealed Kerberos session.
    pub encrypted: bool,
    pub root_dse: RootDse,
    pub domain: Domain,
    pub forest: Vec<ForestDomain>,
    pub connector: Option<Connector>,
    /// How the connector lookup went (for connector-not-found / -ambiguous).
    pub connector_lookup: ConnectorLookup,
    /// attributeSecurityGUID of pwdLastSet and lockoutTime, from the schema.
    pub pwd_last_set_set: Option<Guid>,
    pub lockout_time_set: Option<Guid>,
    /// classSchema lDAPDisplayName (lower case) → schemaIDGUID.
    pub class_guids: HashMap<String, Guid>,
    /// The scope bases (DNs), outermost only; the domain DN when the whole domain is in scope.
    pub scopes: Vec<String>,
    /// The domain root, with its DACL (read even when the scope is narrower).
    pub root: Container,
    /// OUs and containers in scope (the scope bases included), with their DACLs.
    pub containers: Vec<Container>,
    pub psos: Vec<Pso>,
    /// DACL of CN=Server,CN=System (the SAM server object).
    pub sam_server: Option<SecurityDescriptor>,
    /// `member` DNs of BUILTIN\Pre-Windows 2000 Compatible Access; `None` if unreadable.
    pub pre2000_members: Option<Vec<String>>,
    /// What could not be read, in words.
    pub read_problems: Vec<String>,
}

impl Facts {
    /// Whether `dn` lies in the sync scope.
    pub fn in_scope(&self, dn: &str) -> bool {
        self.scopes.iter().any(|s| is_within(dn, s))
    }

    /// The class GUID for an objectClass name, from the schema.
    pub fn class_guid(&self, name: &str) -> Option<Guid> {
        self.class_guids.get(&name.to_ascii_lowercase()).copied()
    }

    /// The domain context for SDDL evidence.
    pub fn sddl_context(&self) -> crate::sd::DomainContext {
        crate::sd::DomainContext::for_domain(self.domain.sid.clone())
    }
}

/// Scope bases with nested ones removed (a scope inside another adds nothing).
pub fn outermost(scopes: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in scopes {
        if scopes
            .iter()
            .any(|o| !o.eq_ignore_ascii_case(s) && is_within(s, o))
        {
            continue;
        }
        if !out.iter().any(|o| o.eq_ignore_ascii_case(s)) {
            out.push(s.clone());
        }
    }
    out
}

/// OUs and containers that can hold users. Group Policy containers cannot.
pub const CONTAINER_FILTER: &str = "(&(|(objectClass=organizationalUnit)(objectClass=container)(objectClass=domainDNS)(objectClass=builtinDomain))(!(objectClass=groupPolicyContainer)))";

/// Reads every fact the checks need, over `conn` (bound as the admin or any reader).
pub async fn gather(conn: &mut Connection, opts: &CheckOptions) -> Result<Facts, CheckError> {
    let root_dse = conn.root_dse().await?;
    let forest = conn.forest_domains(&root_dse).await?;
    let domain = conn.domain(&root_dse, &forest).await?;
    let mut read_problems = Vec::new();

    for s in &opts.scopes {
        if !is_within(s, &domain.dn) {
            return Err(CheckError::ScopeOutsideDomain {
                scope: s.clone(),
                domain: domain.dn.clone(),
            });
        }
        if conn.read(s, &["objectClass"], vec![]).await?.is_none() {
            return Err(CheckError::ScopeNotFound(s.clone()));
        }
    }
    let scopes = if opts.scopes.is_empty() {
        vec![domain.dn.clone()]
    } else {
        outermost(&opts.scopes)
    };

    let schema = root_dse.schema_naming_context.clone();
    let pwd_last_set_set = conn.property_set_of(&schema, ATTR_PWD_LAST_SET).await?;
    let lockout_time_set = conn.property_set_of(&schema, ATTR_LOCKOUT_TIME).await?;
    let class_guids = conn.class_guids(&schema).await?;

    let connector_lookup = conn
        .find_connector(&domain.dn, opts.connector.as_deref())
        .await?;
    if let Some(given) = &opts.connector {
        match &connector_lookup {
            ConnectorLookup::NotFound { .. } => {
                return Err(CheckError::ConnectorNotFound(given.clone()));
            }
            ConnectorLookup::Ambiguous { candidates, .. } => {
                return Err(CheckError::ConnectorAmbiguous {
                    given: given.clone(),
                    candidates: candidates.iter().map(|c| c.dn.clone()).collect(),
                });
            }
            ConnectorLookup::Found(_) => {}
        }
    }
    let connector = match &connector_lookup {
        ConnectorLookup::Found(account) => {
            let (sid, groups) = conn.token_groups(&account.dn).await?;
            Some(Connector {
                token: Token::new(sid, groups.clone()),
                account: account.clone(),
                groups,
            })
        }
        _ => None,
    };

    let root_sd = conn.read_dacl(&domain.dn).await?;
    if root_sd.is_none() {
        read_problems.push(format!(
            "the security descriptor of the domain root {} could not be read",
            domain.dn
        ));
    }
    let root = Container {
        dn: domain.dn.clone(),
        class_name: "domainDNS".into(),
        sd: root_sd,
    };

    let mut containers = Vec::new();
    let system = format!("CN=System,{}", domain.dn);
    for base in &scopes {
        let query = Query {
            base,
            scope: Scope::Subtree,
            filter: CONTAINER_FILTER,
            attrs: &["objectClass", "nTSecurityDescriptor"],
            controls: vec![controls::sd_flags(controls::DACL)],
        };
        conn.search_paged(query, opts.page_size.max(1), |e| {
            // CN=System holds configuration, not users (AdminSDHolder is handled apart).
            if is_within(&e.dn, &system) {
                return;
            }
            let sd = e
                .first("nTSecurityDescriptor")
                .and_then(|raw| SecurityDescriptor::from_bytes(raw).ok());
            if sd.is_none() {
                read_problems.push(format!(
                    "the security descriptor of {} could not be read",
                    e.dn
                ));
            }
            containers.push(Container {
                class_name: e.texts("objectClass").pop().unwrap_or_default(),
                dn: e.dn,
                sd,
            });
        })
        .await?;
    }

    let psos = read_psos(conn, &domain.dn, &mut read_problems).await?;
    let sam_server = conn
        .read_dacl(&format!("CN=Server,CN=System,{}", domain.dn))
        .await
        .unwrap_or(None);
    let pre2000_members = conn
        .read(
            &format!(
                "CN=Pre-Windows 2000 Compatible Access,CN=Builtin,{}",
                domain.dn
            ),
            &["member"],
            vec![],
        )
        .await
        .ok()
        .flatten()
        .map(|e| e.texts("member"));

    Ok(Facts {
        server: conn.server().to_string(),
        transport: conn.transport(),
        encrypted: conn.encrypted(),
        root_dse,
        domain,
        forest,
        connector,
        connector_lookup,
        pwd_last_set_set,
        lockout_time_set,
        class_guids,
        scopes,
        root,
        containers,
        psos,
        sam_server,
        pre2000_members,
        read_problems,
    })
}

async fn read_psos(
    conn: &mut Connection,
    domain_dn: &str,
    problems: &mut Vec<String>,
) -> Result<Vec<Pso>, AdError> {
    let base = format!("CN=Password Settings Container,CN=System,{domain_dn}");
    let entries = match conn
        .search(
            &base,
            Scope::OneLevel,
            "(objectClass=msDS-PasswordSettings)",
            &[
                "cn",
                "msDS-PasswordSettingsPrecedence",
                "msDS-MinimumPasswordAge",
                "msDS-PSOAppliesTo",
            ],
            vec![],
        )
        .await
    {
        Ok(e) => e,
        Err(AdError::Operation { code: 32, .. }) => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(entries
        .into_iter()
        .map(|e| {
            let min_age = e.int("msDS-MinimumPasswordAge");
            if min_age.is_none() {
                problems.push(format!(
                    "the minimum password age of the password policy {} could not be read",
                    e.dn
                ));
            }
            Pso {
                name: e.text("cn").unwrap_or_else(|| e.dn.clone()),
                precedence: e.int("msDS-PasswordSettingsPrecedence"),
                applies_to: e.texts("msDS-PSOAppliesTo"),
                min_age,
                dn: e.dn,
            }
        })
        .collect())
}
