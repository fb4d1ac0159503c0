//! A seam for pure tests: [`Facts`] and users built from SDDL (in code, or from a JSON file),
//! judged by the same code as a real check, so a rule can be tested without a DC.
//!
//! Containers and users are given with their *explicit* ACEs; what they inherit is computed from
//! their parent as the DC computes it ([`crate::sd::access::inherited_aces`]), unless the DACL is
//! protected (`D:P…`). Add parents before children.
//!
//! ```
//! use writeback_wizard::check::fixture::{CONNECTOR, Fixture};
//! let o = Fixture::new()
//!     .ou("OU=Staff,DC=example,DC=test", "D:(A;;RC;;;AU)")
//!     .user("CN=ann,OU=Staff,DC=example,DC=test", "D:(A;;RC;;;AU)")
//!     .run();
//! assert!(!o.ready());
//! assert!(o.findings.iter().any(|f| f.id == "right-reset-password"));
//! # let _ = CONNECTOR;
//! ```

use std::collections::HashMap;
use std::sync::Arc;

use serde::Deserialize;

use super::facts::{AdminStatus, Connector, Facts, Pso};
use super::right::PropertySets;
use super::scan::{Judge, UserFacts, UserScan};
use super::tree::{Node, Tree};
use super::{CheckOutcome, evaluate};
use crate::ad::Transport;
use crate::ad::connector::{Account, ConnectorLookup};
use crate::ad::discovery::{Domain, RootDse, parent_dn};
use crate::ad::schema::{ClassInfo, Classes};
use crate::ad::token::LogonSids;
use crate::sd::access::{Rules, inherited_aces};
use crate::sd::rights::{
    CLASS_CONTAINER, CLASS_DOMAIN_DNS, CLASS_INET_ORG_PERSON, CLASS_ORGANIZATIONAL_UNIT, CLASS_USER,
};
use crate::sd::{Acl, AclSlot, DomainContext, Guid, SecurityDescriptor, Sid, Token, sddl};

/// The fixture domain.
pub const DOMAIN_DN: &str = "DC=example,DC=test";
pub const DOMAIN_SID: &str = "S-1-5-21-1-2-3";
/// The connector account's SID and DN.
pub const CONNECTOR: &str = "S-1-5-21-1-2-3-1105";
pub const CONNECTOR_DN: &str = "CN=MSOL_fixture,CN=Users,DC=example,DC=test";
/// A group the connector is in.
pub const SYNC_GROUP: &str = "S-1-5-21-1-2-3-1112";
/// pwdLastSet's property set (User-Account-Restrictions).
pub const UAR: &str = "4c164200-20c0-11d0-a768-00aa006e0529";

/// The root's DACL by default: Authenticated Users may read, and may unexpire passwords (as in a
/// new domain).
pub const DEFAULT_ROOT: &str =
    "D:(OA;;CR;ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501;;AU)(A;;RPLCLORC;;;AU)";

/// The three writeback ACEs for descendant users, granted to the connector, in SDDL.
pub fn grant_users() -> String {
    format!(
        "(OA;CIIO;CR;00299570-246d-11d0-a768-00aa006e0529;{CLASS_USER};{CONNECTOR})\
         (OA;CIIO;WP;28630ebf-41d5-11d1-a9c1-0000f80367c1;{CLASS_USER};{CONNECTOR})\
         (OA;CIIO;WP;bf967a0a-0de6-11d0-a285-00aa003049e2;{CLASS_USER};{CONNECTOR})"
    )
}

/// Facts and users under construction.
pub struct Fixture {
    pub facts: Facts,
    users: Vec<UserFacts>,
    nodes: Vec<Node>,
    admins: HashMap<String, AdminStatus>,
}

impl Default for Fixture {
    fn default() -> Self {
        Self::new()
    }
}

fn ctx() -> DomainContext {
    DomainContext::for_domain(DOMAIN_SID.parse().expect("fixture SID"))
}

fn parse(text: &str) -> SecurityDescriptor {
    sddl::parse(text, &ctx()).unwrap_or_else(|e| panic!("fixture SDDL {text}: {e}"))
}

fn classes() -> Classes {
    let mut c = Classes::default();
    for (name, guid) in [
        ("user", CLASS_USER),
        ("inetOrgPerson", CLASS_INET_ORG_PERSON),
        ("organizationalUnit", CLASS_ORGANIZATIONAL_UNIT),
        ("container", CLASS_CONTAINER),
        ("domainDNS", CLASS_DOMAIN_DNS),
    ] {
        c.by_name.insert(
            name.to_ascii_lowercase(),
            ClassInfo {
                name: name.into(),
                guid: Some(guid),
                ..ClassInfo::default()
            },
        );
    }
    c
}

impl Fixture {
    /// A domain with a connector (in one group), minimum password age 0, the default root DACL,
    /// a readable SAM server object and Windows' rules; no containers and no users yet.
    pub fn new() -> Self {
        let domain_sid: Sid = DOMAIN_SID.parse().expect("fixture SID");
        let connector: Sid = CONNECTOR.parse().expect("fixture SID");
        let account = Account {
            dn: CONNECTOR_DN.into(),
            sam_account_name: "MSOL_fixture".into(),
            user_principal_name: None,
            sid: connector.clone(),
            description: None,
            disabled: false,
            last_logon: None,
            pwd_last_set: None,
            gmsa: false,
        };
        let logon = LogonSids {
            well_known: ["S-1-1-0", "S-1-5-2", "S-1-5-11"]
                .iter()
                .filter_map(|s| s.parse().ok())
                .collect(),
            aliases: vec!["S-1-5-32-554".parse().expect("SID")],
            from_dc: true,
        };
        let mut fixture = Self {
            facts: Facts {
                server: "dc1.example.test".into(),
                transport: Transport::Ldaps,
                encrypted: true,
                root_dse: RootDse {
                    dns_host_name: "dc1.example.test".into(),
                    default_naming_context: DOMAIN_DN.into(),
                    root_domain_naming_context: DOMAIN_DN.into(),
                    supported_controls: vec![crate::ad::discovery::POLICY_HINTS.into()],
                    ..RootDse::default()
                },
                rules: Rules::Windows,
                domain: Domain {
                    dn: DOMAIN_DN.into(),
                    dns_name: "example.test".into(),
                    netbios_name: "EXAMPLE".into(),
                    sid: domain_sid,
                    min_pwd_age: Some(0),
                    pdc_emulator: Some("dc1.example.test".into()),
                    gp_link: None,
                },
                forest: Vec::new(),
                connector: None,
                connector_lookup: ConnectorLookup::Found(account.clone()),
                connector_others: Vec::new(),
                logon,
                property_sets: PropertySets {
                    pwd_last_set: UAR.parse().ok(),
                    lockout_time: None,
                },
                classes: classes(),
                default_aces: HashMap::new(),
                scopes: vec![DOMAIN_DN.into()],
                tree: Tree::default(),
                psos: Vec::new(),
                sam_server: Some(parse("D:(A;;RPLCLORC;;;AU)")),
                pre2000_members: Some(vec![format!(
                    "CN=S-1-5-11,CN=ForeignSecurityPrincipals,{DOMAIN_DN}"
                )]),
                admins: HashMap::new(),
                read_problems: Vec::new(),
                sync_filter: crate::check::sync_filter::SyncFilter::new(
                    Some(crate::ad::connector::Engine::ConnectSync),
                    None,
                ),
            },
            users: Vec::new(),
            nodes: vec![Node {
                dn: DOMAIN_DN.into(),
                class_name: "domainDNS".into(),
                sd: Some(Arc::new(parse(DEFAULT_ROOT))),
                in_scope: true,
            }],
            admins: HashMap::new(),
        };
        fixture.set_connector(account, vec![SYNC_GROUP.parse().expect("SID")]);
        fixture
    }

    fn set_connector(&mut self, account: Account, groups: Vec<Sid>) {
        let domain_users = self.facts.domain.sid.with_rid(513);
        let mut sids = groups.clone();
        sids.extend(domain_users);
        sids.extend(self.facts.logon.well_known.iter().cloned());
        sids.extend(self.facts.logon.aliases.iter().cloned());
        self.facts.connector = Some(Connector {
            token: Token::exact(account.sid.clone(), sids),
            account,
            groups,
            groups_known: true,
        });
    }

    /// The DC's rules.
    pub fn rules(mut self, rules: Rules) -> Self {
        self.facts.rules = rules;
        self
    }

    /// The connector's groups (its token is rebuilt).
    pub fn groups(mut self, groups: &[&str]) -> Self {
        if let Some(c) = self.facts.connector.take() {
            let sids = groups.iter().map(|g| g.parse().expect("SID")).collect();
            self.set_connector(c.account, sids);
        }
        self
    }

    /// The connector's tokenGroups could not be read.
    pub fn unreadable_groups(mut self) -> Self {
        if let Some(c) = &mut self.facts.connector {
            c.groups_known = false;
        }
        self
    }

    /// No connector account was found.
    pub fn no_connector(mut self) -> Self {
        self.facts.connector = None;
        self.facts.connector_lookup = ConnectorLookup::NotFound { given: None };
        self
    }

    /// The domain root's whole DACL.
    pub fn root(mut self, dacl: &str) -> Self {
        self.nodes[0].sd = Some(Arc::new(parse(dacl)));
        self
    }

    /// Adds ACEs (SDDL) to the domain root's DACL.
    pub fn grant_at_root(mut self, aces: &str) -> Self {
        let current = self.nodes[0]
            .sd
            .as_ref()
            .and_then(|sd| sddl::format(sd, &ctx()).ok())
            .unwrap_or_else(|| "D:".into());
        self.nodes[0].sd = Some(Arc::new(parse(&format!("{current}{aces}"))));
        self
    }

    /// The scope bases (the whole domain by default).
    pub fn scopes(mut self, scopes: &[&str]) -> Self {
        self.facts.scopes = scopes.iter().map(|s| s.to_string()).collect();
        self
    }

    pub fn min_pwd_age(mut self, ticks: i64) -> Self {
        self.facts.domain.min_pwd_age = Some(ticks);
        self
    }

    /// A fine-grained password policy.
    pub fn pso(mut self, dn: &str, name: &str, min_age: Option<i64>) -> Self {
        self.facts.psos.push(Pso {
            dn: dn.into(),
            name: name.into(),
            precedence: Some(10),
            min_age,
            applies_to: Vec::new(),
        });
        self
    }

    /// The SAM server object's DACL (`None`: unreadable).
    pub fn sam_server(mut self, dacl: Option<&str>) -> Self {
        self.facts.sam_server = dacl.map(parse);
        self
    }

    /// Changes a fact directly.
    pub fn with(mut self, change: impl FnOnce(&mut Facts)) -> Self {
        change(&mut self.facts);
        self
    }

    /// The full DACL of a new object below `parent` with `explicit` ACEs (protected: only them).
    fn complete(&self, parent: &str, explicit: &str, class: Guid) -> SecurityDescriptor {
        let mut sd = parse(explicit);
        if sd.dacl_protected() {
            return sd;
        }
        let parent_dacl = self
            .nodes
            .iter()
            .find(|n| n.dn.eq_ignore_ascii_case(parent))
            .and_then(|n| n.sd.as_ref())
            .map_or(AclSlot::Absent, |s| s.dacl.clone());
        let mut aces = sd.dacl.acl().map(|a| a.aces.clone()).unwrap_or_default();
        aces.extend(inherited_aces(&parent_dacl, class));
        sd.dacl = AclSlot::Present(Acl::new(aces));
        sd
    }

    /// An OU with `explicit` ACEs; it inherits from its parent (add the parent first).
    pub fn ou(self, dn: &str, explicit: &str) -> Self {
        self.container(dn, "organizationalUnit", explicit)
    }

    /// A container of `class` with `explicit` ACEs.
    pub fn container(mut self, dn: &str, class: &str, explicit: &str) -> Self {
        let guid = self.facts.classes.guid(class).unwrap_or(CLASS_CONTAINER);
        let sd = self.complete(parent_dn(dn).unwrap_or(DOMAIN_DN), explicit, guid);
        let in_scope = self
            .facts
            .scopes
            .iter()
            .any(|s| crate::ad::discovery::is_within(dn, s));
        self.nodes.push(Node {
            dn: dn.into(),
            class_name: class.into(),
            sd: Some(Arc::new(sd)),
            in_scope,
        });
        self
    }

    /// A user with `explicit` ACEs.
    pub fn user(self, dn: &str, explicit: &str) -> Self {
        self.user_as(dn, "user", explicit, None, None)
    }

    /// A user of `class`, adminCount=1 with `admin` (its status), governed by `pso`.
    pub fn user_as(
        mut self,
        dn: &str,
        class: &str,
        explicit: &str,
        admin: Option<AdminStatus>,
        pso: Option<&str>,
    ) -> Self {
        let guid = self.facts.classes.guid(class).unwrap_or(CLASS_USER);
        let sd = self.complete(parent_dn(dn).unwrap_or(DOMAIN_DN), explicit, guid);
        if let Some(status) = admin {
            self.admins.insert(dn.to_ascii_lowercase(), status);
        }
        let rid = 2000 + self.users.len() as u32;
        self.users.push(UserFacts {
            dn: dn.into(),
            sam_account_name: dn
                .split(',')
                .next()
                .and_then(|r| r.split_once('='))
                .map_or(dn, |(_, v)| v)
                .to_string(),
            class_name: class.into(),
            sid: self.facts.domain.sid.with_rid(rid),
            sd: Some(sd),
            admin_count: admin.is_some(),
            resultant_pso: pso.map(str::to_string),
            not_synced: None,
        });
        self
    }

    /// Changes the security descriptor of the container `dn` (added before) directly: `None`
    /// for one that could not be read.
    pub fn container_sd(
        mut self,
        dn: &str,
        change: impl FnOnce(&mut Option<SecurityDescriptor>),
    ) -> Self {
        if let Some(n) = self
            .nodes
            .iter_mut()
            .find(|n| n.dn.eq_ignore_ascii_case(dn))
        {
            let mut sd = n.sd.take().map(Arc::unwrap_or_clone);
            change(&mut sd);
            n.sd = sd.map(Arc::new);
        }
        self
    }

    /// A user whose security descriptor could not be read.
    pub fn unreadable_user(mut self, dn: &str) -> Self {
        self.users.push(UserFacts {
            dn: dn.into(),
            sam_account_name: dn.into(),
            class_name: "user".into(),
            sid: None,
            sd: None,
            admin_count: false,
            resultant_pso: None,
            not_synced: None,
        });
        self
    }

    /// The facts as a check would hold them (the tree built).
    pub fn facts(&self) -> Facts {
        let mut f = self.facts.clone();
        let mut nodes = self.nodes.clone();
        let root = nodes.remove(0);
        f.tree = Tree::new(root, nodes);
        f.admins = self.admins.clone();
        f
    }

    /// Judges every user and container and runs every check, as a check run does.
    pub fn run(self) -> CheckOutcome {
        let facts = self.facts();
        let scan = scan(&facts, self.users);
        let findings = evaluate(&facts, &scan);
        CheckOutcome {
            facts,
            scan,
            findings,
        }
    }

    /// A fixture from JSON (see [`Spec`]).
    pub fn from_json(text: &str) -> Result<Fixture, String> {
        let spec: Spec = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut f = Fixture::new();
        if spec.rules.as_deref() == Some("samba") {
            f = f.rules(Rules::Samba);
        }
        if let Some(age) = spec.min_pwd_age {
            f = f.min_pwd_age(age);
        }
        if let Some(root) = &spec.root {
            f = f.root(root);
        }
        if !spec.groups.is_empty() {
            let g: Vec<&str> = spec.groups.iter().map(String::as_str).collect();
            f = f.groups(&g);
        }
        for p in &spec.psos {
            f = f.pso(&p.dn, &p.name, p.min_age);
        }
        for c in &spec.containers {
            f = f.container(
                &c.dn,
                c.class.as_deref().unwrap_or("organizationalUnit"),
                &c.dacl,
            );
        }
        for u in &spec.users {
            let admin = match u.admin.as_deref() {
                None => None,
                Some("protected") => Some(AdminStatus::Protected),
                Some("stale") => Some(AdminStatus::Stale),
                Some("unknown") => Some(AdminStatus::Unknown),
                Some(other) => return Err(format!("admin {other:?}: protected, stale or unknown")),
            };
            f = f.user_as(
                &u.dn,
                u.class.as_deref().unwrap_or("user"),
                &u.dacl,
                admin,
                u.pso.as_deref(),
            );
        }
        Ok(f)
    }
}

/// Judges `users` over `facts` as the scan does.
pub fn scan(facts: &Facts, users: Vec<UserFacts>) -> UserScan {
    let judge = Judge::new(facts);
    let mut scan = UserScan::default();
    for u in users {
        if let Some(b) = judge.tally(&mut scan, u) {
            scan.keep(&b);
        }
    }
    judge.container_causes(&mut scan);
    scan
}

/// The JSON form of a fixture: every field optional; DACLs hold the explicit ACEs.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Spec {
    /// What a test expects; ignored here.
    pub expect: serde_json::Value,
    #[serde(rename = "_comment")]
    pub comment: String,
    /// "windows" (default) or "samba".
    pub rules: Option<String>,
    pub min_pwd_age: Option<i64>,
    /// The root's whole DACL.
    pub root: Option<String>,
    /// The connector's groups (SIDs).
    pub groups: Vec<String>,
    pub psos: Vec<SpecPso>,
    pub containers: Vec<SpecContainer>,
    pub users: Vec<SpecUser>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SpecPso {
    pub dn: String,
    pub name: String,
    pub min_age: Option<i64>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SpecContainer {
    pub dn: String,
    pub class: Option<String>,
    pub dacl: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SpecUser {
    pub dn: String,
    pub class: Option<String>,
    pub dacl: String,
    /// "protected", "stale" or "unknown": adminCount=1 and what its groups say.
    pub admin: Option<String>,
    pub pso: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fixture_computes_inheritance_like_the_dc() {
        let f = Fixture::new()
            .grant_at_root(&grant_users())
            .ou("OU=A,DC=example,DC=test", "D:(A;;RC;;;AU)")
            .user("CN=u,OU=A,DC=example,DC=test", "D:(A;;RC;;;AU)");
        let o = f.run();
        assert!(o.ready(), "{:#?}", o.findings);
        assert_eq!(o.readiness().ready, 1);
    }

    #[test]
    fn json_fixtures_build_the_same_facts() {
        let o = Fixture::from_json(
            r#"{"min_pwd_age": -864000000000,
                "containers": [{"dn": "OU=A,DC=example,DC=test", "dacl": "D:"}],
                "users": [{"dn": "CN=u,OU=A,DC=example,DC=test", "dacl": "D:"},
                          {"dn": "CN=a,OU=A,DC=example,DC=test", "dacl": "D:P", "admin": "protected"}]}"#,
        )
        .unwrap()
        .run();
        assert!(!o.ready());
        assert_eq!(o.readiness().excluded, 1);
        assert!(Fixture::from_json(r#"{"users": [{"admin": "maybe"}]}"#).is_err());
    }
}
