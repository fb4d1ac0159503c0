//! Finding the AD DS connector account (the account Entra Connect's AD connector signs in as).
//!
//! Given: a sAMAccountName, `DOMAIN\name`, a UPN, a SID or a DN — of a user account (Entra
//! Connect Sync's AD DS connector account) or of a group managed service account (Entra Cloud
//! Sync's provisioning agent writes back as one, `provAgentgMSA$` by default; a gMSA is a
//! computer-like object, not `objectCategory=person`, and its name ends in `$`, which may be
//! left out). Otherwise detected by what Entra Connect creates: a sAMAccountName `MSOL_<hex>`
//! (or `AAD_<hex>` from older versions), or the description Connect writes ("Account created by
//! Microsoft Azure Active Directory Connect …").

use ldap3::{Scope, ldap_escape};

use super::connection::Connection;
use super::entry::Entry;
use super::error::AdError;
use crate::sd::Sid;

/// A user account.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Account {
    pub dn: String,
    pub sam_account_name: String,
    pub user_principal_name: Option<String>,
    pub sid: Sid,
    pub description: Option<String>,
    /// `userAccountControl` has ACCOUNTDISABLE.
    #[serde(default)]
    pub disabled: bool,
    /// `lastLogonTimestamp` (100-ns ticks since 1601), when set.
    #[serde(default)]
    pub last_logon: Option<i64>,
    /// `pwdLastSet`, when set.
    #[serde(default)]
    pub pwd_last_set: Option<i64>,
    /// A group managed service account: Entra Cloud Sync's provisioning agent writes back as
    /// one (Connect Sync's AD DS connector account is a user).
    #[serde(default)]
    pub gmsa: bool,
}

/// Which sync engine writes passwords back through a connector account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Engine {
    /// Entra Connect Sync: the AD DS connector account (`MSOL_…`), a user.
    ConnectSync,
    /// Entra Cloud Sync: the provisioning agent's gMSA (`provAgentgMSA$`, `pGMSA_…$`).
    CloudSync,
}

impl Account {
    /// The engine this account serves.
    pub fn engine(&self) -> Engine {
        if self.gmsa {
            Engine::CloudSync
        } else {
            Engine::ConnectSync
        }
    }

    /// The description is the one Entra Connect (or Azure AD Connect) writes on the accounts it
    /// creates.
    pub fn has_connect_description(&self) -> bool {
        self.description.as_deref().is_some_and(|d| {
            let d = d.to_ascii_lowercase();
            d.contains("azure active directory connect")
                || d.contains("azure ad connect")
                || d.contains("microsoft entra connect")
        })
    }
}

/// The outcome of looking for the connector account.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConnectorLookup {
    Found(Account),
    /// Nothing matched. `given` is what the user asked for, if anything.
    NotFound {
        given: Option<String>,
    },
    /// More than one account matched.
    Ambiguous {
        given: Option<String>,
        candidates: Vec<Account>,
    },
}

const ATTRS: &[&str] = &[
    "sAMAccountName",
    "userPrincipalName",
    "objectSid",
    "description",
    "userAccountControl",
    "lastLogonTimestamp",
    "pwdLastSet",
    "objectClass",
];

/// The LDAP filter that detects connector accounts: Connect Sync's (by name or description)
/// and Cloud Sync's gMSA (`provAgentgMSA$` by default, `pGMSA_…$` from older agents).
pub const DETECT_FILTER: &str = "(|(&(objectCategory=person)(objectClass=user)(|(sAMAccountName=MSOL_*)(sAMAccountName=AAD_*)(description=*Azure Active Directory Connect*)(description=*Azure AD Connect*)(description=*Microsoft Entra Connect*)))(&(objectClass=msDS-GroupManagedServiceAccount)(|(sAMAccountName=provAgentgMSA*)(sAMAccountName=pGMSA_*))))";

fn account(e: &Entry) -> Option<Account> {
    Some(Account {
        dn: e.dn.clone(),
        sam_account_name: e.text("sAMAccountName")?,
        user_principal_name: e.text("userPrincipalName"),
        sid: Sid::from_ldap_value(e.first("objectSid")?).ok()?,
        description: e.text("description"),
        disabled: e.int("userAccountControl").is_some_and(|u| u & 0x2 != 0),
        last_logon: e.int("lastLogonTimestamp").filter(|t| *t > 0),
        pwd_last_set: e.int("pwdLastSet").filter(|t| *t > 0),
        gmsa: e
            .texts("objectClass")
            .iter()
            .any(|c| c.eq_ignore_ascii_case("msDS-GroupManagedServiceAccount")),
    })
}

/// A user account, or a group managed service account.
const ACCOUNT: &str =
    "(|(&(objectCategory=person)(objectClass=user))(objectClass=msDS-GroupManagedServiceAccount))";

/// The filter for an account given as sAMAccountName (a gMSA's with or without its `$`),
/// `DOMAIN\name`, UPN or SID; `None` for a DN.
pub fn account_filter(given: &str) -> Option<String> {
    let given = given.trim();
    if given.contains('=') && given.contains(',') {
        return None;
    }
    Some(if given.contains('@') {
        format!("(&{ACCOUNT}(userPrincipalName={}))", ldap_escape(given))
    } else if let Ok(sid) = given.parse::<Sid>() {
        // objectSid compares as the binary SID, written as escaped bytes.
        let bytes: String = sid
            .to_bytes()
            .iter()
            .map(|b| format!("\\{b:02x}"))
            .collect();
        format!("(&{ACCOUNT}(objectSid={bytes}))")
    } else {
        let name = given.rsplit_once('\\').map_or(given, |(_, n)| n);
        let escaped = ldap_escape(name);
        if name.ends_with('$') {
            format!("(&{ACCOUNT}(sAMAccountName={escaped}))")
        } else {
            format!(
                "(&{ACCOUNT}(|(sAMAccountName={escaped})(&(objectClass=msDS-GroupManagedServiceAccount)(sAMAccountName={escaped}$))))"
            )
        }
    })
}

impl Connection {
    /// Looks the connector up in the domain `domain_dn`: the account `given`, or the detected
    /// candidates.
    pub async fn find_connector(
        &mut self,
        domain_dn: &str,
        given: Option<&str>,
    ) -> Result<ConnectorLookup, AdError> {
        let entries = match given {
            Some(g) => match account_filter(g) {
                Some(filter) => {
                    self.search(domain_dn, Scope::Subtree, &filter, ATTRS, vec![])
                        .await?
                }
                None => self
                    .read(g.trim(), ATTRS, vec![])
                    .await?
                    .into_iter()
                    .collect(),
            },
            None => {
                self.search(domain_dn, Scope::Subtree, DETECT_FILTER, ATTRS, vec![])
                    .await?
            }
        };
        let mut found: Vec<Account> = entries.iter().filter_map(account).collect();
        found.sort_by(|a, b| a.dn.cmp(&b.dn));
        let given = given.map(str::to_string);
        Ok(match found.len() {
            0 => ConnectorLookup::NotFound { given },
            1 => ConnectorLookup::Found(found.remove(0)),
            _ => ConnectorLookup::Ambiguous {
                given,
                candidates: found,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::account_filter;

    #[test]
    fn names_sids_and_upns_become_filters_that_also_match_a_gmsa() {
        let by_name = account_filter("LAB\\MSOL_abc").unwrap();
        assert!(by_name.contains("(sAMAccountName=MSOL_abc)"), "{by_name}");
        assert!(
            by_name.contains("(sAMAccountName=MSOL_abc$)"),
            "a gMSA's `$` may be left out"
        );
        assert!(by_name.contains("objectClass=msDS-GroupManagedServiceAccount"));
        let gmsa = account_filter("provAgentgMSA$").unwrap();
        assert!(gmsa.contains("(sAMAccountName=provAgentgMSA$)"), "{gmsa}");
        assert!(!gmsa.contains("$$"), "{gmsa}");
        let sid = account_filter("S-1-5-21-1-2-3-1114").unwrap();
        assert!(
            sid.contains("(objectSid=\\01\\05\\00\\00\\00\\00\\00\\05\\15\\00\\00\\00"),
            "{sid}"
        );
        let upn = account_filter("svc*@corp.example").unwrap();
        assert!(
            upn.contains("(userPrincipalName=svc\\2a@corp.example)"),
            "{upn}"
        );
        assert_eq!(
            account_filter("CN=x,DC=corp,DC=example"),
            None,
            "a DN is read"
        );
    }
}
