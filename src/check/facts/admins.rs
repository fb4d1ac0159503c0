//! Protected administrators: the protected groups of MS-ADTS, and whether an adminCount=1 user
//! is still in one of them.

use std::collections::HashMap;

use ldap3::Scope;

use super::AdminStatus;
use crate::ad::discovery::{Domain, RootDse};
use crate::ad::{AdError, Connection};
use crate::sd::Sid;

/// The protected groups of MS-ADTS 3.1.1.6.1.2 ("Protected Objects"): of the domain (Administrator,
/// krbtgt, Domain Admins, Domain Controllers, Read-only DCs, Key Admins), of the forest root
/// (Schema Admins, Enterprise Admins, Enterprise Key Admins) and the builtin ones
/// (Administrators, Account/Server/Print/Backup Operators, Replicator).
pub fn protected_sids(domain: &Sid, root: Option<&Sid>) -> Vec<Sid> {
    let mut out: Vec<Sid> = [500, 502, 512, 516, 521, 526]
        .iter()
        .filter_map(|r| domain.with_rid(*r))
        .collect();
    if let Some(root) = root {
        out.extend([518, 519, 527].iter().filter_map(|r| root.with_rid(*r)));
    }
    out.extend(
        [544, 548, 549, 550, 551, 552]
            .iter()
            .filter_map(|r| Sid::new(5, &[32, *r]).ok()),
    );
    out
}

/// Whether a token holds a protected SID. Without the forest root's SID, any domain SID with
/// the RID of Schema Admins, Enterprise Admins or Enterprise Key Admins counts: only the forest
/// root domain has groups with those RIDs.
pub fn is_protected(sids: &[Sid], protected: &[Sid], root_known: bool) -> bool {
    sids.iter().any(|s| {
        protected.contains(s)
            || (!root_known
                && s.authority() == 5
                && s.sub_authorities().first() == Some(&21)
                && s.sub_authorities().len() == 5
                && matches!(s.rid(), Some(518 | 519 | 527)))
    })
}

/// Reads `dn`'s groups now and says whether it is still a protected administrator
/// ([`AdminStatus`]): what `apply` asks right before it clears a stale adminCount.
pub async fn admin_status_now(
    conn: &mut Connection,
    dn: &str,
    domain_sid: &Sid,
    root_sid: Option<&Sid>,
) -> AdminStatus {
    let protected = protected_sids(domain_sid, root_sid);
    match conn.account_token(dn).await {
        Ok(t) if t.groups_known() => {
            let mut sids = t.groups.unwrap_or_default();
            sids.push(t.sid);
            sids.extend(t.primary_group);
            if is_protected(&sids, &protected, root_sid.is_some()) {
                AdminStatus::Protected
            } else {
                AdminStatus::Stale
            }
        }
        _ => AdminStatus::Unknown,
    }
}

/// Whether each adminCount=1 user in scope is still in a protected group.
pub(super) async fn admin_statuses(
    conn: &mut Connection,
    domain: &Domain,
    root_dse: &RootDse,
    scopes: &[String],
) -> Result<HashMap<String, AdminStatus>, AdError> {
    let root_sid = root_dse
        .root_domain_naming_context
        .eq_ignore_ascii_case(&domain.dn)
        .then(|| domain.sid.clone());
    let mut dns = Vec::new();
    for base in scopes {
        for e in conn
            .search(
                base,
                Scope::Subtree,
                "(&(objectCategory=person)(objectClass=user)(adminCount=1))",
                &["adminCount"],
                vec![],
            )
            .await?
        {
            dns.push(e.dn);
        }
    }
    let mut out = HashMap::new();
    for dn in dns {
        let status = admin_status_now(conn, &dn, &domain.sid, root_sid.as_ref()).await;
        out.insert(dn.to_ascii_lowercase(), status);
    }
    Ok(out)
}
