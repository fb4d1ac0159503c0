//! Everything the checks need, read from the directory once. The checks themselves are pure
//! functions over these facts, so they can be tested without a DC ([`super::fixture`]).

pub mod admins;
mod containers;

use admins::admin_statuses;
pub use admins::{admin_status_now, is_protected, protected_sids};
use containers::read_tree;
pub use containers::{CONTAINER_FILTER, container_filter};

use crate::check::FindingId;
use std::collections::HashMap;

use ldap3::Scope;

use super::right::PropertySets;
use super::tree::{Node, Tree};
use crate::ad::connector::{Account, ConnectorLookup};
use crate::ad::discovery::{Domain, ForestDomain, RootDse, is_within};
use crate::ad::schema::Classes;
use crate::ad::token::LogonSids;
use crate::ad::{AdError, Connection, Transport};
use crate::sd::access::Rules;
use crate::sd::rights::{
    ATTR_LOCKOUT_TIME, ATTR_PWD_LAST_SET, CLASS_DOMAIN_DNS, CLASS_INET_ORG_PERSON, CLASS_USER,
    UNEXPIRE_PASSWORD,
};
use crate::sd::{
    Ace, Decision, Guid, Request, SecurityDescriptor, Sid, Target, Token, Verdict, evaluate_with,
};

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
    /// The sync server's inbound user rules (`Get-ADSyncRule`), when they were read: the custom
    /// scoping filters of this forest's connector decide which users are synchronized
    /// ([`super::sync_filter`]).
    pub sync_rules: Option<std::sync::Arc<super::sync_filter::ServerRules>>,
}

/// A problem in the input that stops the check before it starts (exit 2).
#[derive(Debug, Clone, thiserror::Error)]
pub enum CheckError {
    #[error(transparent)]
    Directory(#[from] AdError),
    #[error(
        "the scope {0:?} does not exist in the directory. Give the DN of an OU or container, e.g. \"OU=Staff,DC=corp,DC=example,DC=com\"."
    )]
    ScopeNotFound(String),
    #[error(
        "the scope {scope:?} is not in the domain {domain}. Give a DN that ends with the domain's DN."
    )]
    ScopeOutsideDomain { scope: String, domain: String },
    #[error(
        "no account matches the connector {0:?}. Give its sAMAccountName (often MSOL_…, or a gMSA's such as provAgentgMSA$), its UPN, its SID or its DN."
    )]
    ConnectorNotFound(String),
    #[error("the connector {given:?} matches several accounts: {}. Give the DN of the one Entra Connect uses.", candidates.join("; "))]
    ConnectorAmbiguous {
        given: String,
        candidates: Vec<String>,
    },
}

/// BUILTIN\Pre-Windows 2000 Compatible Access.
const PRE2000_SID: &str = "S-1-5-32-554";

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
    /// The token the DC would give it at a network logon (see [`crate::ad::token`]).
    pub token: Token,
    /// Its transitive groups (tokenGroups), as read.
    pub groups: Vec<Sid>,
    /// Whether `tokenGroups` could be read (it is never empty for a real account).
    pub groups_known: bool,
}

/// Whether an adminCount=1 user is still a protected administrator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AdminStatus {
    /// In a protected group today: writeback is excluded for it by design.
    Protected,
    /// In no protected group any more ("stale adminCount").
    Stale,
    /// Its groups could not be read: neither can be said.
    Unknown,
}

/// Everything read from the directory for the checks.
#[derive(Clone, Debug)]
pub struct Facts {
    pub server: String,
    pub transport: Transport,
    /// TLS, or a sealed Kerberos session.
    pub encrypted: bool,
    pub root_dse: RootDse,
    /// Whose access-check rules the DC follows (Windows, or Samba's where they differ).
    pub rules: Rules,
    pub domain: Domain,
    pub forest: Vec<ForestDomain>,
    pub connector: Option<Connector>,
    /// How the connector lookup went (for connector-not-found / -ambiguous).
    pub connector_lookup: ConnectorLookup,
    /// Other accounts that looked like connectors and were passed over (ranked lower).
    pub connector_others: Vec<Account>,
    /// The well-known SIDs of a network logon on this DC (part of the connector's token).
    pub logon: LogonSids,
    /// attributeSecurityGUID of pwdLastSet and lockoutTime, from the schema.
    pub property_sets: PropertySets,
    /// The schema's classes.
    pub classes: Classes,
    /// The explicit ACEs a new object gets from its class's defaultSecurityDescriptor, for the
    /// classes users are made of.
    pub default_aces: HashMap<Guid, Vec<Ace>>,
    /// The scope bases (DNs), outermost only; the domain DN when the whole domain is in scope.
    pub scopes: Vec<String>,
    /// The domain root (first), the OUs and containers in scope, and the ancestors of the scope
    /// bases, with their DACLs.
    pub tree: Tree,
    pub psos: Vec<Pso>,
    /// DACL of CN=Server,CN=System (the SAM server object).
    pub sam_server: Option<SecurityDescriptor>,
    /// `member` DNs of BUILTIN\Pre-Windows 2000 Compatible Access; `None` if unreadable.
    pub pre2000_members: Option<Vec<String>>,
    /// adminCount=1 users in scope (lower-case DN) and whether they are still protected.
    pub admins: HashMap<String, AdminStatus>,
    /// What could not be read, in words.
    pub read_problems: Vec<String>,
    /// Which users the serving sync engine synchronizes at all.
    pub sync_filter: super::sync_filter::SyncFilter,
}

impl Facts {
    /// Whether `dn` lies in the sync scope.
    pub fn in_scope(&self, dn: &str) -> bool {
        self.scopes.iter().any(|s| is_within(dn, s))
    }

    /// The class GUID for an objectClass name, from the schema.
    pub fn class_guid(&self, name: &str) -> Option<Guid> {
        self.classes.guid(name)
    }

    /// The domain context for SDDL evidence.
    pub fn sddl_context(&self) -> crate::sd::DomainContext {
        crate::sd::DomainContext::for_domain(self.domain.sid.clone())
    }

    /// The domain root and its DACL.
    pub fn root(&self) -> &Node {
        self.tree.root()
    }

    /// Whether an adminCount=1 user is still protected; `Unknown` when it was not looked at.
    pub fn admin_status(&self, dn: &str) -> AdminStatus {
        self.admins
            .get(&dn.to_ascii_lowercase())
            .copied()
            .unwrap_or(AdminStatus::Unknown)
    }

    /// The connector's Unexpire Password right on the domain object (writeback sets
    /// `pwdLastSet = -1`, which the DC allows only with it: Samba `samldb.c`,
    /// `samldb_check_pwd_last_set_acl`). `None` without a connector or a readable root.
    pub fn unexpire(&self) -> Option<Decision> {
        let c = self.connector.as_ref()?;
        let sd = self.root().sd.as_ref()?;
        Some(evaluate_with(
            self.rules,
            &sd.dacl,
            &Target {
                class: CLASS_DOMAIN_DNS,
                object_sid: None,
            },
            &c.token,
            &Request::ControlAccess(UNEXPIRE_PASSWORD),
        ))
    }

    /// Whether the connector has Unexpire Password on the domain.
    pub fn unexpire_allowed(&self) -> bool {
        self.unexpire().is_some_and(|d| d.is_allowed())
    }

    /// The DN of the SAM server object.
    pub fn sam_server_dn(&self) -> String {
        format!("CN=Server,CN=System,{}", self.domain.dn)
    }

    /// The connector's read access (List contents, Read all properties, Read permissions) on the
    /// SAM server object; `None` without a connector or a readable descriptor.
    pub fn sam_server_read(&self) -> Option<Decision> {
        let c = self.connector.as_ref()?;
        self.sam_server_read_as(&c.token)
    }

    /// The same read access with Pre-Windows 2000 Compatible Access taken out of the
    /// connector's token: whether it still reads the object once that group is emptied (what
    /// security baselines ask for).
    pub fn sam_server_read_without_pre2000(&self) -> Option<Decision> {
        let c = self.connector.as_ref()?;
        let pre2000: crate::sd::Sid = PRE2000_SID.parse().ok()?;
        let token = crate::sd::Token::exact(
            c.token.account().clone(),
            c.token.sids().filter(|s| **s != pre2000).cloned(),
        );
        self.sam_server_read_as(&token)
    }

    fn sam_server_read_as(&self, token: &crate::sd::Token) -> Option<Decision> {
        let sd = self.sam_server.as_ref()?;
        Some(evaluate_with(
            self.rules,
            &sd.dacl,
            &Target {
                class: self.class_guid("samServer").unwrap_or(CLASS_DOMAIN_DNS),
                object_sid: None,
            },
            token,
            &Request::Rights(
                crate::sd::AccessMask::LIST_CONTENTS
                    | crate::sd::AccessMask::READ_PROPERTY
                    | crate::sd::AccessMask::READ_CONTROL,
            ),
        ))
    }

    /// Whether the connector reads the SAM server object only through Pre-Windows 2000
    /// Compatible Access.
    pub fn sam_server_relies_on_pre2000(&self) -> bool {
        self.sam_server_read().is_some_and(|d| d.is_allowed())
            && self
                .sam_server_read_without_pre2000()
                .is_some_and(|d| !d.is_allowed())
    }

    /// Why every user in scope is blocked, whatever their own DACL: no single connector, its
    /// groups unreadable, no Unexpire Password on the domain. (finding id, object).
    pub fn domain_blockers(&self) -> Vec<(FindingId, String)> {
        let domain = self.domain.dn.clone();
        let mut out = Vec::new();
        match &self.connector_lookup {
            ConnectorLookup::NotFound { .. } => {
                out.push((FindingId::ConnectorNotFound, domain.clone()))
            }
            ConnectorLookup::Ambiguous { .. } => {
                out.push((FindingId::ConnectorAmbiguous, domain.clone()))
            }
            ConnectorLookup::Found(_) => {}
        }
        let Some(c) = &self.connector else {
            return out;
        };
        if !c.groups_known {
            out.push((FindingId::ReadIncomplete, self.server.clone()));
        }
        match self.unexpire().map(|d| d.verdict) {
            Some(Verdict::Allowed) => {}
            Some(Verdict::Unknown) | None => {
                out.push((FindingId::ReadIncomplete, self.server.clone()))
            }
            Some(_) => out.push((FindingId::RightUnexpirePassword, domain)),
        }
        if self.sam_server_read().is_some_and(|d| !d.is_allowed()) {
            out.push((FindingId::SamServerRead, self.sam_server_dn()));
        }
        out
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

/// Reads every fact the checks need, over `conn` (bound as the admin or any reader).
pub async fn gather(conn: &mut Connection, opts: &CheckOptions) -> Result<Facts, CheckError> {
    let root_dse = conn.root_dse().await?;
    let rules = root_dse.rules();
    let forest = conn.forest_domains(&root_dse).await?;
    let domain = conn.domain(&root_dse, &forest).await?;
    let mut read_problems = Vec::new();
    let scopes = checked_scopes(conn, &opts.scopes, &domain.dn).await?;

    let schema = root_dse.schema_naming_context.clone();
    let property_sets = PropertySets {
        pwd_last_set: conn.property_set_of(&schema, ATTR_PWD_LAST_SET).await?,
        lockout_time: conn.property_set_of(&schema, ATTR_LOCKOUT_TIME).await?,
    };
    let classes = conn.classes(&schema).await?;
    let ctx = crate::sd::DomainContext::for_domain(domain.sid.clone());
    let default_aces = default_aces(&classes, &ctx, &mut read_problems);

    let tree = read_tree(
        conn,
        &domain.dn,
        &scopes,
        &classes,
        opts.page_size,
        &mut read_problems,
    )
    .await?;
    let logon = conn.logon_sids(&domain.dn, rules == Rules::Samba).await?;
    if !logon.from_dc {
        read_problems.push(
            "the DC did not say which SIDs a network logon carries (tokenGroups of the rootDSE); Everyone, NETWORK, Authenticated Users and This Organization were assumed".into(),
        );
    }
    let lookup = conn
        .find_connector(&domain.dn, opts.connector.as_deref())
        .await?;
    if let Some(given) = &opts.connector {
        match &lookup {
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
    let (connector_lookup, connector_others) = super::ranking::settle(conn, &tree, lookup).await?;
    let connector = match &connector_lookup {
        ConnectorLookup::Found(account) => {
            Some(connector_token(conn, account, &logon, rules, &mut read_problems).await?)
        }
        _ => None,
    };

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
    let admins = admin_statuses(conn, &domain, &root_dse, &scopes).await?;
    let forest_dns = crate::ad::discovery::dns_from_dn(&root_dse.root_domain_naming_context);
    let sync_rules = opts
        .sync_rules
        .as_deref()
        .map(|r| r.for_forest(&forest_dns));
    let sync_filter = super::sync_filter::SyncFilter::new(
        connector.as_ref().map(|c| c.account.engine()),
        sync_rules.as_deref(),
    );

    Ok(Facts {
        server: conn.server().to_string(),
        transport: conn.transport(),
        encrypted: conn.encrypted(),
        root_dse,
        rules,
        domain,
        forest,
        connector,
        connector_lookup,
        connector_others,
        logon,
        property_sets,
        classes,
        default_aces,
        scopes,
        tree,
        psos,
        sam_server,
        pre2000_members,
        admins,
        read_problems,
        sync_filter,
    })
}

/// The OU filter, each DN in the domain and present; the domain itself when there is none.
async fn checked_scopes(
    conn: &mut Connection,
    given: &[String],
    domain_dn: &str,
) -> Result<Vec<String>, CheckError> {
    for s in given {
        if !is_within(s, domain_dn) {
            return Err(CheckError::ScopeOutsideDomain {
                scope: s.clone(),
                domain: domain_dn.to_string(),
            });
        }
        if conn.read(s, &["objectClass"], vec![]).await?.is_none() {
            return Err(CheckError::ScopeNotFound(s.clone()));
        }
    }
    Ok(if given.is_empty() {
        vec![domain_dn.to_string()]
    } else {
        outermost(given)
    })
}

/// The DACL of each user class's `defaultSecurityDescriptor` (what a new user starts with),
/// by the class's GUID.
fn default_aces(
    classes: &crate::ad::schema::Classes,
    ctx: &crate::sd::DomainContext,
    read_problems: &mut Vec<String>,
) -> HashMap<Guid, Vec<Ace>> {
    let mut default_aces = HashMap::new();
    for name in ["user", "inetOrgPerson"] {
        let Some(info) = classes.get(name) else {
            continue;
        };
        let (Some(guid), Some(text)) = (info.guid, &info.default_sd) else {
            continue;
        };
        match crate::sd::sddl::parse(text, ctx) {
            Ok(sd) => {
                let aces = sd.dacl.acl().map(|a| a.aces.clone()).unwrap_or_default();
                default_aces.insert(guid, aces);
            }
            Err(e) => read_problems.push(format!(
                "the default security descriptor of the class {name} could not be read ({e})"
            )),
        }
    }
    default_aces
}

/// The connector's token: its SID, `tokenGroups`, primary group, `sIDHistory` (not on Samba,
/// which leaves it out) and the DC's network-logon SIDs.
async fn connector_token(
    conn: &mut Connection,
    account: &Account,
    logon: &LogonSids,
    rules: Rules,
    problems: &mut Vec<String>,
) -> Result<Connector, AdError> {
    let t = conn.account_token(&account.dn).await?;
    let groups_known = t.groups_known();
    if !groups_known {
        problems.push(format!(
            "the groups of the connector account {} (tokenGroups) could not be read, so its rights cannot be judged",
            account.dn
        ));
    }
    let groups = t.groups.clone().unwrap_or_default();
    let mut sids: Vec<Sid> = groups.clone();
    sids.extend(t.primary_group.clone());
    if rules == Rules::Windows {
        sids.extend(t.sid_history.iter().cloned());
    }
    sids.extend(logon.well_known.iter().cloned());
    sids.extend(logon.aliases.iter().cloned());
    Ok(Connector {
        token: Token::exact(t.sid.clone(), sids),
        account: account.clone(),
        groups,
        groups_known,
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

/// The classes a user object can have whose grants the plan writes (user, inetOrgPerson).
pub const USER_CLASSES: [(&str, Guid); 2] = [
    ("user", CLASS_USER),
    ("inetOrgPerson", CLASS_INET_ORG_PERSON),
];
