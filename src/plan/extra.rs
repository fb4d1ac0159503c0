//! What a plan needs beyond the check: AdminSDHolder, stale users' DACLs, the GPOs linked at
//! the domain root.

use super::PlanOptions;
use crate::check::CheckOutcome;
use crate::sd::SecurityDescriptor;

/// Objects a plan may touch that the check does not read.
#[derive(Clone, Debug, Default)]
pub struct Extra {
    /// AdminSDHolder's DN and DACL.
    pub admin_sd_holder: Option<(String, SecurityDescriptor)>,
    /// adminCount-stale users in scope, with their DACLs.
    pub stale_admin: Vec<(String, SecurityDescriptor)>,
    /// Display names of the GPOs linked at the domain root.
    pub root_gpos: Vec<String>,
    /// The user accounts below the plan's grant points (the blast radius).
    pub reach: Option<super::Reach>,
}

/// Reads what [`compute`] needs beyond the check.
pub async fn gather_extra(
    conn: &mut crate::ad::Connection,
    outcome: &CheckOutcome,
    opts: &PlanOptions,
) -> Result<Extra, crate::ad::AdError> {
    let f = &outcome.facts;
    let mut extra = Extra::default();
    if opts.include_adminsdholder {
        let dn = format!("CN=AdminSDHolder,CN=System,{}", f.domain.dn);
        if let Some(sd) = conn.read_dacl(&dn).await? {
            extra.admin_sd_holder = Some((dn, sd));
        }
    }
    if opts.clear_stale_admincount {
        for dn in outcome.stale_admin() {
            if let Some(sd) = conn.read_dacl(&dn).await? {
                extra.stale_admin.push((dn, sd));
            }
        }
    }
    if opts.min_password_age_zero
        && let Some(links) = &f.domain.gp_link
    {
        for gpo_dn in parse_gp_link(links) {
            let name = conn
                .read(&gpo_dn, &["displayName"], vec![])
                .await?
                .and_then(|e| e.text("displayName"))
                .unwrap_or_else(|| gpo_dn.clone());
            extra.root_gpos.push(name);
        }
    }
    let mut reach = super::Reach::default();
    for i in super::compute::grant_points(outcome, opts) {
        let base = &f.tree.nodes[i].dn;
        conn.search_paged(
            crate::ad::Query {
                base,
                scope: ldap3::Scope::Subtree,
                filter: crate::check::scan::USER_FILTER,
                attrs: &["adminCount"],
                controls: vec![],
            },
            1000,
            |e| {
                reach.users += 1;
                if e.int("adminCount") == Some(1) {
                    reach.privileged += 1;
                }
            },
        )
        .await?;
    }
    extra.reach = Some(reach);
    Ok(extra)
}

/// The GPO DNs in a `gPLink` value (`[LDAP://cn={…},cn=policies,…;0][…]`), link options
/// ignored.
pub fn parse_gp_link(value: &str) -> Vec<String> {
    value
        .split('[')
        .filter_map(|part| {
            let inner = part.trim_end_matches(']').trim();
            let rest = inner
                .strip_prefix("LDAP://")
                .or_else(|| inner.strip_prefix("ldap://"))?;
            Some(rest.rsplit_once(';').map_or(rest, |(dn, _)| dn).to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn gp_link_lists_the_linked_gpo_dns() {
        let v = "[LDAP://cn={31B2F340-016D-11D2-945F-00C04FB984F9},cn=policies,cn=system,DC=lab,DC=example,DC=test;0][LDAP://cn={X},cn=policies,cn=system,DC=lab;2]";
        assert_eq!(
            super::parse_gp_link(v),
            [
                "cn={31B2F340-016D-11D2-945F-00C04FB984F9},cn=policies,cn=system,DC=lab,DC=example,DC=test",
                "cn={X},cn=policies,cn=system,DC=lab"
            ]
        );
        assert!(super::parse_gp_link("").is_empty());
    }
}
