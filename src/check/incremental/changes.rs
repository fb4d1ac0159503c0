//! What changed since a check: the objects above its USN mark and the tombstones, sorted into
//! what the re-check judges again; whether the last facts can be kept; and whether a changed
//! group leads to a PSO.

use std::collections::BTreeSet;
use std::sync::Arc;

use ldap3::Scope;
use ldap3::controls::RawControl;

use super::{ObjectGuid, SHOW_DELETED, tree_of};
use crate::ad::{AdError, Connection, Query, controls};
use crate::check::facts::{CheckOptions, Facts};
use crate::sd::SecurityDescriptor;

/// What changed since a USN.
#[derive(Default)]
pub(super) struct Changes {
    /// Changed containers of the tree (lower case), the domain root left out (its DACL is in
    /// the digest).
    pub(super) containers: Vec<String>,
    /// Changed users (person objects): DN, objectGUID, and whether adminCount=1.
    pub(super) users: Vec<(String, Option<ObjectGuid>, bool)>,
    /// Changed objects the judge may depend on that are neither users, groups nor containers
    /// of the tree (the domain root, a PSO, the SAM server object, a new or deleted container
    /// …), or a change outside the domain the facts read (schema, partitions): the facts are
    /// read afresh.
    pub(super) others: Vec<String>,
    /// Deleted objects' objectGUIDs (a user's among them says where it was).
    pub(super) deleted: Vec<ObjectGuid>,
    /// Changed groups (DNs).
    pub(super) groups: Vec<String>,
    /// How many objects changed, tombstones included.
    pub(super) count: usize,
}

/// The objects of the domain with `uSNChanged` above `usn`, and its tombstones.
pub(super) async fn changes_since(
    conn: &mut Connection,
    facts: &Facts,
    usn: u64,
) -> Result<Changes, AdError> {
    let filter = format!("(uSNChanged>={})", usn + 1);
    let attrs = ["objectClass", "objectCategory", "objectGUID", "adminCount"];
    let domain = facts.domain.dn.to_ascii_lowercase();
    let tree = tree_of(facts);
    let connector = facts
        .connector
        .as_ref()
        .map(|c| c.account.dn.to_ascii_lowercase());
    let mut out = Changes::default();
    let query = Query {
        base: &facts.domain.dn,
        scope: Scope::Subtree,
        filter: &filter,
        attrs: &attrs,
        controls: vec![],
    };
    conn.search_paged_estimated(query, 1000, |e, _| {
        out.count += 1;
        let dn = e.dn.to_ascii_lowercase();
        let classes: Vec<String> = e
            .texts("objectClass")
            .into_iter()
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let person = e
            .text("objectCategory")
            .is_some_and(|c| c.to_ascii_lowercase().starts_with("cn=person,"));
        let has = |c: &str| classes.iter().any(|k| k == c);
        if person && has("user") {
            let guid = e
                .first("objectGUID")
                .and_then(|g| ObjectGuid::try_from(g).ok());
            let admin = e.int("adminCount").is_some_and(|a| a != 0);
            out.users.push((e.dn, guid, admin));
        } else if has("group") {
            out.groups.push(e.dn);
        } else if dn != domain && tree.contains(&dn) {
            out.containers.push(dn);
        } else if connector.as_deref() == Some(dn.as_str()) || !IGNORED.iter().any(|c| has(c)) {
            out.others.push(e.dn);
        }
    })
    .await?;
    // The schema and the partitions (classes, property sets, the forest's domains).
    // The same DC as the facts' (the caller checked), so its naming contexts are known.
    let root = &facts.root_dse;
    for base in [
        root.schema_naming_context.clone(),
        format!("CN=Partitions,{}", root.configuration_naming_context),
    ] {
        let found = conn
            .search(&base, Scope::Subtree, &filter, &["1.1"], vec![])
            .await?;
        out.count += found.len();
        out.others.extend(found.into_iter().map(|e| e.dn));
    }
    let deleted = format!("(&(isDeleted=TRUE)(uSNChanged>={}))", usn + 1);
    let query = Query {
        base: &facts.domain.dn,
        scope: Scope::Subtree,
        filter: &deleted,
        attrs: &attrs,
        controls: vec![RawControl {
            ctype: SHOW_DELETED.into(),
            crit: true,
            val: None,
        }],
    };
    conn.search_paged_estimated(query, 1000, |e, _| {
        out.count += 1;
        let classes: Vec<String> = e
            .texts("objectClass")
            .into_iter()
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let has = |c: &str| classes.iter().any(|k| k == c);
        if !has("user") && !has("group") && !IGNORED.iter().any(|c| has(c)) {
            // A deleted container (or anything else): the facts are read afresh.
            out.others.push(e.dn.clone());
        }
        if let Some(g) = e
            .first("objectGUID")
            .and_then(|g| ObjectGuid::try_from(g).ok())
        {
            out.deleted.push(g);
        }
    })
    .await?;
    Ok(out)
}

/// Classes whose changes never touch what decides writeback: computers (a DC's own account
/// changes often), the RID pool, DNS records. A computer that is the connector (a gMSA) is not
/// ignored.
const IGNORED: &[&str] = &["computer", "ridset", "ridmanager", "dnsnode", "dnszone"];

/// The last facts brought up to date, when only users and containers of the tree changed
/// (and no changed user is a protected administrator, the connector or one that looks like
/// it): the changed containers' DACLs read again, everything else kept. `None`: the facts must
/// be read afresh.
pub(super) async fn refreshed(
    conn: &mut Connection,
    last: &Facts,
    changes: &Changes,
    usn: u64,
    opts: &CheckOptions,
) -> Result<Option<Facts>, AdError> {
    if !changes.others.is_empty() || !changes.groups.is_empty() {
        return Ok(None);
    }
    let known = |dn: &str| {
        let dn = dn.to_ascii_lowercase();
        last.admins.contains_key(&dn)
            || last
                .connector
                .as_ref()
                .is_some_and(|c| c.account.dn.eq_ignore_ascii_case(&dn))
            || last
                .connector_others
                .iter()
                .any(|a| a.dn.eq_ignore_ascii_case(&dn))
    };
    if changes
        .users
        .iter()
        .any(|(dn, _, admin)| *admin || known(dn))
    {
        return Ok(None);
    }
    // A changed user the connector lookup would find.
    if !changes.users.is_empty() {
        let lookup = match &opts.connector {
            Some(given) => crate::ad::connector::account_filter(given),
            None => Some(crate::ad::connector::DETECT_FILTER.to_string()),
        };
        let Some(lookup) = lookup else {
            return Ok(None);
        };
        let filter = format!("(&(uSNChanged>={}){lookup})", usn + 1);
        let found = conn
            .search(&last.domain.dn, Scope::Subtree, &filter, &["1.1"], vec![])
            .await?;
        if !found.is_empty() {
            return Ok(None);
        }
    }
    let mut facts = last.clone();
    if changes.containers.is_empty() {
        return Ok(Some(facts));
    }
    // The changed containers' DACLs, in one search.
    let mut filter = String::from("(|");
    for dn in &changes.containers {
        filter.push_str(&format!("(distinguishedName={})", ldap3::ldap_escape(dn)));
    }
    filter.push(')');
    let found = conn
        .search(
            &last.domain.dn,
            Scope::Subtree,
            &filter,
            &["nTSecurityDescriptor"],
            vec![controls::sd_flags(controls::DACL)],
        )
        .await?;
    if found.len() != changes.containers.len() {
        return Ok(None);
    }
    for e in found {
        let sd = e
            .first("nTSecurityDescriptor")
            .and_then(|raw| SecurityDescriptor::from_bytes(raw).ok());
        match (facts.tree.find(&e.dn), sd) {
            (Some(i), Some(sd)) => facts.tree.nodes[i].sd = Some(Arc::new(sd)),
            _ => return Ok(None),
        }
    }
    Ok(Some(facts))
}

/// A group changed since `usn` that is a group a PSO applies to, or nested in one
/// (transitively): one search for all of them. `None` when no changed group is.
pub(super) async fn pso_group(
    conn: &mut Connection,
    facts: &Facts,
    changes: &Changes,
    usn: u64,
) -> Result<Option<String>, AdError> {
    let targets: BTreeSet<&str> = facts
        .psos
        .iter()
        .flat_map(|p| p.applies_to.iter().map(String::as_str))
        .collect();
    if targets.is_empty() || changes.groups.is_empty() {
        return Ok(None);
    }
    let mut filter = format!("(&(objectCategory=group)(uSNChanged>={})(|", usn + 1);
    for t in &targets {
        let t = ldap3::ldap_escape(*t);
        filter.push_str(&format!(
            "(distinguishedName={t})(memberOf:1.2.840.113556.1.4.1941:={t})"
        ));
    }
    filter.push_str("))");
    let found = conn
        .search(&facts.domain.dn, Scope::Subtree, &filter, &["1.1"], vec![])
        .await?;
    Ok(found.into_iter().next().map(|e| e.dn))
}
