//! Choosing the connector among several accounts that look like one. Real domains keep old
//! `MSOL_…` accounts from earlier installations; detection must not stop at the first leftover.
//!
//! Candidates are ranked, most plausible first, by: enabled (a disabled account cannot sign in);
//! Cloud Sync's gMSA before Connect Sync's accounts (where both engines cover a domain, password
//! writeback for it goes through Cloud Sync);
//! holds writeback grants somewhere in the tree (directly or through its groups); carries the
//! description Entra Connect writes; signed in more recently (`lastLogonTimestamp`, which the DC
//! updates only every 9–14 days, so closer than 14 days counts as equal); password set more
//! recently (closer than a day counts as equal). The first is taken when it is clearly ahead of
//! the second; otherwise the lookup stays ambiguous and lists the equally plausible ones.

use std::cmp::Ordering;

use crate::ad::connector::{Account, ConnectorLookup};
use crate::ad::discovery::Domain;
use crate::ad::{AdError, Connection};
use crate::sd::Sid;
use crate::sd::rights::{ATTR_LOCKOUT_TIME, ATTR_PWD_LAST_SET, RESET_PASSWORD};

use super::tree::Tree;

/// 100-ns ticks in a day.
const DAY: i64 = 864_000_000_000;

/// What speaks for a candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plausibility {
    pub enabled: bool,
    pub cloud_sync: bool,
    pub holds_grants: bool,
    pub connect_description: bool,
    pub last_logon: Option<i64>,
    pub pwd_last_set: Option<i64>,
}

impl Plausibility {
    pub fn of(account: &Account, holds_grants: bool) -> Self {
        Self {
            enabled: !account.disabled,
            cloud_sync: account.gmsa,
            holds_grants,
            connect_description: account.has_connect_description(),
            last_logon: account.last_logon,
            pwd_last_set: account.pwd_last_set,
        }
    }

    /// How `self` compares with `other`; times closer than their tolerance are equal.
    pub fn compare(&self, other: &Self) -> Ordering {
        let time = |a: Option<i64>, b: Option<i64>, tolerance: i64| match (a, b) {
            (Some(a), Some(b)) if a.abs_diff(b) < tolerance.unsigned_abs() => Ordering::Equal,
            (a, b) => a.cmp(&b),
        };
        self.enabled
            .cmp(&other.enabled)
            .then(self.cloud_sync.cmp(&other.cloud_sync))
            .then(self.holds_grants.cmp(&other.holds_grants))
            .then(self.connect_description.cmp(&other.connect_description))
            .then(time(self.last_logon, other.last_logon, 14 * DAY))
            .then(time(self.pwd_last_set, other.pwd_last_set, DAY))
    }
}

/// Ranks `scored` (most plausible first) and decides: the winner and the others, or the
/// equally plausible leaders.
pub fn decide(mut scored: Vec<(Plausibility, Account)>) -> (ConnectorLookup, Vec<Account>) {
    scored.sort_by(|a, b| b.0.compare(&a.0).then_with(|| a.1.dn.cmp(&b.1.dn)));
    match scored.as_slice() {
        [] => (ConnectorLookup::NotFound { given: None }, Vec::new()),
        [_] => {
            let (_, a) = scored.remove(0);
            (ConnectorLookup::Found(a), Vec::new())
        }
        [first, second, ..] if first.0.compare(&second.0) == Ordering::Greater => {
            let mut rest = scored.into_iter().map(|(_, a)| a);
            let winner = rest.next().expect("two or more candidates");
            (ConnectorLookup::Found(winner), rest.collect())
        }
        [first, ..] => {
            let top = first.0.clone();
            let candidates = scored
                .into_iter()
                .filter(|(p, _)| p.compare(&top) == Ordering::Equal)
                .map(|(_, a)| a)
                .collect();
            (
                ConnectorLookup::Ambiguous {
                    given: None,
                    candidates,
                },
                Vec::new(),
            )
        }
    }
}

/// Whether an explicit allow ACE in the tree grants one of the writeback rights to one of
/// `sids`.
pub fn holds_grants(tree: &Tree, sids: &[Sid]) -> bool {
    let rights = [RESET_PASSWORD, ATTR_PWD_LAST_SET, ATTR_LOCKOUT_TIME];
    tree.nodes
        .iter()
        .filter_map(|n| n.sd.as_ref()?.dacl.acl())
        .any(|acl| {
            acl.aces.iter().any(|a| {
                !a.is_inherited()
                    && a.ace_type.is_allow()
                    && a.sid().is_some_and(|s| sids.contains(s))
                    && a.object_type().is_some_and(|o| rights.contains(&o))
            })
        })
}

/// Settles a detection that found several candidates; anything else is returned as it is.
pub async fn settle(
    conn: &mut Connection,
    tree: &Tree,
    lookup: ConnectorLookup,
) -> Result<(ConnectorLookup, Vec<Account>), AdError> {
    let ConnectorLookup::Ambiguous {
        given: None,
        candidates,
    } = lookup
    else {
        return Ok((lookup, Vec::new()));
    };
    let mut scored = Vec::new();
    for c in candidates {
        let t = conn.account_token(&c.dn).await?;
        let mut sids = t.groups.unwrap_or_default();
        sids.push(t.sid);
        scored.push((Plausibility::of(&c, holds_grants(tree, &sids)), c));
    }
    Ok(decide(scored))
}

/// Looks the connector up as `check` does — given, or detected and ranked — judging grants on
/// the domain root alone (the wizard's "Test connection", before anything else is read).
pub async fn find(
    conn: &mut Connection,
    domain: &Domain,
    given: Option<&str>,
) -> Result<(ConnectorLookup, Vec<Account>), AdError> {
    let lookup = conn.find_connector(&domain.dn, given).await?;
    if !matches!(lookup, ConnectorLookup::Ambiguous { given: None, .. }) {
        return Ok((lookup, Vec::new()));
    }
    let root = super::tree::Node {
        dn: domain.dn.clone(),
        class_name: "domainDNS".into(),
        sd: conn.read_dacl(&domain.dn).await?.map(std::sync::Arc::new),
        in_scope: true,
    };
    let tree = Tree::new(root, Vec::new());
    settle(conn, &tree, lookup).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(
        name: &str,
        disabled: bool,
        description: Option<&str>,
        logon: Option<i64>,
    ) -> Account {
        Account {
            dn: format!("CN={name},CN=Users,DC=x"),
            sam_account_name: name.into(),
            user_principal_name: None,
            sid: "S-1-5-21-1-2-3-1000".parse().unwrap(),
            description: description.map(str::to_string),
            disabled,
            last_logon: logon,
            pwd_last_set: None,
            gmsa: name.ends_with('$'),
        }
    }

    const CONNECT: &str = "Account created by Microsoft Azure Active Directory Connect with installation identifier 0123";

    #[test]
    fn a_disabled_leftover_without_description_loses_to_the_connect_account() {
        let live = account("MSOL_new", false, Some(CONNECT), Some(200 * DAY));
        let old = account("MSOL_old", true, None, None);
        let (lookup, others) = decide(vec![
            (Plausibility::of(&old, false), old.clone()),
            (Plausibility::of(&live, false), live.clone()),
        ]);
        assert_eq!(lookup, ConnectorLookup::Found(live));
        assert_eq!(others, [old]);
    }

    #[test]
    fn two_enabled_equally_plausible_accounts_stay_ambiguous() {
        let a = account("MSOL_a", false, Some(CONNECT), Some(100 * DAY));
        let b = account("MSOL_b", false, Some(CONNECT), Some(100 * DAY + DAY));
        let (lookup, others) = decide(vec![
            (Plausibility::of(&a, false), a.clone()),
            (Plausibility::of(&b, false), b.clone()),
        ]);
        assert!(others.is_empty());
        let ConnectorLookup::Ambiguous { candidates, .. } = lookup else {
            panic!("{lookup:?}")
        };
        assert_eq!(candidates, [a, b]);
    }

    #[test]
    fn grants_and_recent_sign_ins_decide_between_enabled_accounts() {
        let a = account("MSOL_a", false, Some(CONNECT), Some(100 * DAY));
        let b = account("MSOL_b", false, Some(CONNECT), Some(100 * DAY));
        let (lookup, _) = decide(vec![
            (Plausibility::of(&a, false), a.clone()),
            (Plausibility::of(&b, true), b.clone()),
        ]);
        assert_eq!(lookup, ConnectorLookup::Found(b));
        let c = account("MSOL_c", false, Some(CONNECT), Some(130 * DAY));
        let (lookup, _) = decide(vec![
            (Plausibility::of(&a, false), a.clone()),
            (Plausibility::of(&c, false), c.clone()),
        ]);
        assert_eq!(lookup, ConnectorLookup::Found(c));
    }

    #[test]
    fn cloud_syncs_gmsa_serves_the_domain_where_both_engines_cover_it() {
        let msol = account("MSOL_live", false, Some(CONNECT), Some(300 * DAY));
        let gmsa = account("provAgentgMSA$", false, None, None);
        let (lookup, others) = decide(vec![
            (Plausibility::of(&msol, true), msol.clone()),
            (Plausibility::of(&gmsa, false), gmsa.clone()),
        ]);
        assert_eq!(lookup, ConnectorLookup::Found(gmsa));
        assert_eq!(others, std::slice::from_ref(&msol));
        // A disabled gMSA (an agent that was removed) does not.
        let gone = account("pGMSA_old$", true, None, None);
        let (lookup, _) = decide(vec![
            (Plausibility::of(&msol, true), msol.clone()),
            (Plausibility::of(&gone, false), gone),
        ]);
        assert_eq!(lookup, ConnectorLookup::Found(msol));
    }
}
