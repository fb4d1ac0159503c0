//! The containers that can hold users: the LDAP filter that finds them and the tree read from
//! the domain root down to every scope.

use std::collections::HashMap;
use std::sync::Arc;

use ldap3::Scope;

use crate::ad::discovery::{is_within, parent_dn};
use crate::ad::schema::Classes;
use crate::ad::{AdError, Connection, Query, controls};
use crate::check::tree::{Node, Tree};
use crate::sd::SecurityDescriptor;

/// OUs and containers that can hold users, without reading the schema (the OU tree browser).
pub const CONTAINER_FILTER: &str = "(&(|(objectClass=organizationalUnit)(objectClass=container)(objectClass=domainDNS)(objectClass=builtinDomain))(!(objectClass=groupPolicyContainer)))";

/// The LDAP filter for objects that can hold users: instances of every class a user or an
/// inetOrgPerson may be created in (the schema's possible superiors, along the superclass chain),
/// except Group Policy containers. Falls back to OUs, containers and domains.
pub fn container_filter(classes: &Classes) -> String {
    let mut names = classes.superiors_of("user");
    names.extend(classes.superiors_of("inetOrgPerson"));
    for fixed in [
        "organizationalunit",
        "container",
        "domaindns",
        "builtindomain",
    ] {
        names.push(fixed.into());
    }
    names.sort();
    names.dedup();
    let alternatives: String = names
        .iter()
        .map(|n| format!("(objectClass={})", ldap3::ldap_escape(n)))
        .collect();
    format!("(&(|{alternatives})(!(objectClass=groupPolicyContainer)))")
}

/// The domain root, every container that can hold users in scope, and the ancestors of each
/// scope base (read so inheritance can be followed from the root).
pub(super) async fn read_tree(
    conn: &mut Connection,
    domain_dn: &str,
    scopes: &[String],
    classes: &Classes,
    page_size: i32,
    problems: &mut Vec<String>,
) -> Result<Tree, AdError> {
    let unreadable = |dn: &str| format!("the security descriptor of {dn} could not be read");
    let root_sd = conn.read_dacl(domain_dn).await?;
    if root_sd.is_none() {
        problems.push(unreadable(domain_dn));
    }
    let root = Node {
        dn: domain_dn.to_string(),
        class_name: "domainDNS".into(),
        sd: root_sd.map(Arc::new),
        in_scope: scopes.iter().any(|s| s.eq_ignore_ascii_case(domain_dn)),
    };
    let filter = container_filter(classes);
    let system = format!("CN=System,{domain_dn}");
    let mut nodes = Vec::new();
    // Containers with the same DACL share one parsed copy (most OUs only inherit): what the
    // tree holds grows with the distinct DACLs, not with the number of containers.
    let mut shared: HashMap<Vec<u8>, Arc<SecurityDescriptor>> = HashMap::new();
    for base in scopes {
        let query = Query {
            base,
            scope: Scope::Subtree,
            filter: &filter,
            attrs: &[
                "objectClass",
                "structuralObjectClass",
                "nTSecurityDescriptor",
            ],
            controls: vec![controls::sd_flags(controls::DACL)],
        };
        conn.search_paged(query, page_size.max(1), |e| {
            // CN=System holds configuration, not users (AdminSDHolder is handled apart).
            if is_within(&e.dn, &system) {
                return;
            }
            let sd = e.first("nTSecurityDescriptor").and_then(|raw| {
                if let Some(sd) = shared.get(raw) {
                    return Some(sd.clone());
                }
                let sd = Arc::new(SecurityDescriptor::from_bytes(raw).ok()?);
                shared.insert(raw.to_vec(), sd.clone());
                Some(sd)
            });
            if sd.is_none() {
                problems.push(unreadable(&e.dn));
            }
            nodes.push(Node {
                class_name: e
                    .texts("structuralObjectClass")
                    .pop()
                    .or_else(|| e.texts("objectClass").pop())
                    .unwrap_or_default(),
                dn: e.dn,
                sd,
                in_scope: true,
            });
        })
        .await?;
        // The ancestors between the domain root and this scope base.
        let mut cur = parent_dn(base);
        while let Some(dn) = cur {
            if dn.eq_ignore_ascii_case(domain_dn) || !is_within(dn, domain_dn) {
                break;
            }
            let entry = conn.read(dn, &["objectClass"], vec![]).await?;
            let sd = conn.read_dacl(dn).await?;
            if sd.is_none() {
                problems.push(unreadable(dn));
            }
            nodes.push(Node {
                dn: dn.to_string(),
                class_name: entry
                    .and_then(|e| e.texts("objectClass").pop())
                    .unwrap_or_default(),
                sd: sd.map(Arc::new),
                in_scope: false,
            });
            cur = parent_dn(dn);
        }
    }
    Ok(Tree::new(root, nodes))
}
